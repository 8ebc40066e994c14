"""Every Getting Risk Support page carries the safeguarding notice and emergency contacts, whatever the template."""

from html import escape

import pytest

from send_toolkit import vocabulary
from send_toolkit.pages import RiskSupportPage

pytestmark = pytest.mark.django_db


def test_risk_page_shows_the_notice_and_the_councils_emergency_contacts(client):
    page = RiskSupportPage.objects.live().first()
    html = client.get(page.url).content.decode()
    assert escape(vocabulary.SAFEGUARDING_NOTICE) in html
    assert "0300 555 0199" in html and "0800 555 0111" in html


def test_an_editor_emptying_the_body_cannot_remove_the_notice(client):
    page = RiskSupportPage.objects.live().first()
    page.body = []
    page.introduction = ""
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.count("data-safeguarding-notice") == 1


def test_a_council_template_that_leaves_the_notice_out_still_gets_it(client, monkeypatch):
    page = RiskSupportPage.objects.live().first()
    monkeypatch.setattr(RiskSupportPage, "template", "send_toolkit/pages/tier_page.html")
    html = client.get(page.url).content.decode()
    assert html.count("data-safeguarding-notice") == 1
    assert html.index("data-safeguarding-notice") > html.index("<main")


def test_risk_guidance_blocks_show_each_part_under_its_own_heading(client):
    page = RiskSupportPage.objects.live().first()
    html = client.get(page.url).content.decode()
    for heading in ("What the risk may look like", "Immediate actions", "Who to contact"):
        assert heading in html
