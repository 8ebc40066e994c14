"""Every Getting Risk Support page carries the safeguarding notice and emergency contacts, whatever the template."""

from html import escape

import pytest

from send_toolkit.council.models import ToolkitSettings
from send_toolkit.domain import vocabulary
from send_toolkit.pages.models import RiskSupportPage

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


def _settings_form_data(admin_client, site, **changes) -> tuple[str, dict]:
    from django.urls import reverse

    url = reverse("wagtailsettings:edit", args=["send_toolkit", "toolkitsettings", site.pk])
    form = admin_client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name != "logo"}
    data.update(changes)
    return url, data


def test_an_editor_cannot_save_the_settings_without_the_emergency_contacts(admin_client, site, client):
    url, data = _settings_form_data(
        admin_client, site, safeguarding_name="", safeguarding_phone="", mental_health_crisis_phone=" "
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the safeguarding phone number" in html
    assert "Enter the mental health crisis line" in html
    assert "Enter who handles concerns about a child" in html
    settings = ToolkitSettings.for_site(site)
    assert settings.safeguarding_phone == "0300 555 0199"
    risk_html = client.get(RiskSupportPage.objects.live().first().url).content.decode()
    assert "0300 555 0199" in risk_html and "0800 555 0111" in risk_html


def test_an_editor_can_still_save_the_settings_with_the_emergency_contacts(admin_client, site):
    url, data = _settings_form_data(admin_client, site, safeguarding_phone="0300 555 0200")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert ToolkitSettings.for_site(site).safeguarding_phone == "0300 555 0200"


def test_risk_pages_fall_back_to_national_emergency_wording_when_contacts_were_never_filled(client, site):
    ToolkitSettings.objects.filter(site=site).update(
        safeguarding_phone="",
        safeguarding_out_of_hours_phone="",
        safeguarding_email="",
        safeguarding_url="",
        mental_health_crisis_phone="",
    )
    html = client.get(RiskSupportPage.objects.live().first().url).content.decode()
    notice = html.split("data-safeguarding-notice", 1)[1].split("</aside>", 1)[0]
    assert 'If a child is in immediate danger, call <a href="tel:999">999</a>' in notice
    assert "children’s services at your local council" in notice and "NSPCC" in notice
    assert 'call NHS <a href="tel:111">111</a>' in notice and "Childline" in notice
    assert "<ul" not in notice, "no empty contact list"


def test_a_council_with_its_own_contacts_shows_them_and_999_without_the_national_fallback(client):
    html = client.get(RiskSupportPage.objects.live().first().url).content.decode()
    notice = html.split("data-safeguarding-notice", 1)[1].split("</aside>", 1)[0]
    assert 'call <a href="tel:999">999</a>' in notice
    assert "0300 555 0199" in notice
    assert "NSPCC" not in notice and "NHS" not in notice


def _set_planning_template(page, **fields):
    body = page.body.raw_data
    block = next(block for block in body if block["type"] == "risk_guidance")
    block["value"].update(fields)
    page.body = body
    page.save_revision().publish()
    return block["value"]["title"]


def test_a_risk_guidance_block_links_to_its_online_planning_template(client):
    page = RiskSupportPage.objects.live().first()
    title = _set_planning_template(page, planning_template_link="https://forms.northmoor.example/risk-plan")
    html = client.get(page.url).content.decode()
    assert (
        '<a href="https://forms.northmoor.example/risk-plan">Open the online planning template'
        f'<span class="visually-hidden"> for {escape(title)}</span></a>'
    ) in html


def test_a_public_planning_template_document_is_offered_for_download(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Northmoor risk plan (fictional)")
    document.file.save("risk-plan.txt", ContentFile(b"Risk plan: fictional template."), save=False)
    document.save()
    page = RiskSupportPage.objects.live().first()
    _set_planning_template(page, planning_template=document.pk)
    html = client.get(page.url).content.decode()
    assert f'<a href="{document.url}">Download the planning template: Northmoor risk plan (fictional)' in html
    assert "(TXT)" in html
    assert client.get(document.url).status_code == 200
