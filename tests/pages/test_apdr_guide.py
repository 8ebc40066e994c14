"""The parent guide to the graduated approach (seed 003)."""

import pytest

from send_toolkit.pages.models import GuidanceKind, GuidancePage

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


def test_the_plan_step_lists_every_part_of_a_plan_including_expected_impact(client):
    # Seed 003 and the SEND Code of Practice 6.48: outcomes, strategies and resources, expected impact,
    # who provides the support and when it is reviewed.
    guide = GuidancePage.objects.get(kind=GuidanceKind.APDR)
    html = client.get(guide.url).content.decode()
    plan_step = html.split("</span> Plan</h3>", 1)[1].split("</span> Do</h3>", 1)[0]
    parts = [
        "outcomes (goals)",
        "strategies and resources",
        "<strong>expected impact</strong>: the difference the support should make",
        "who will give the support",
        "when progress will be reviewed",
    ]
    positions = [plan_step.index(part) for part in parts]
    assert positions == sorted(positions), "the parts appear in the order the Code of Practice gives them"
    assert plan_step.count("<li>") == len(parts)
