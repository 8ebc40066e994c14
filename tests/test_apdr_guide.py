"""The parent guide to the graduated approach (seed 003)."""

import pytest

from send_toolkit.pages import GuidanceKind, GuidancePage

pytestmark = pytest.mark.django_db


def test_guide_covers_the_steps_expectations_next_steps_and_sendiass(client):
    guide = GuidancePage.objects.get(kind=GuidanceKind.APDR)
    html = client.get(guide.url).content.decode()
    for step in ("Assess", "Plan", "Do", "Review"):
        assert f"</span> {step}</h3>" in html
    assert "formally tell you" in html
    assert "at least three times a year" in html
    assert "Your views" in html and "Your child's voice" in html
    assert "EHC needs assessment" in html
    assert "Northmoor SENDIASS" in html and 'href="tel:03005550123"' in html


def test_home_page_leads_parents_to_the_guide_and_sendiass(client, toolkit, site):
    guide = GuidancePage.objects.get(kind=GuidanceKind.APDR)
    html = client.get(toolkit.url).content.decode()
    assert f'href="{guide.relative_url(site)}"' in html
    assert 'id="sendiass-contact"' in html and 'href="#sendiass-contact"' in html
