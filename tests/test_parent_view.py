"""Parent and carer view of need area and key stage pages."""

import pytest

from send_toolkit.pages import KeyStagePage, NeedAreaPage

pytestmark = pytest.mark.django_db


def test_key_stage_parent_view_leads_with_what_families_can_do(client):
    stage = KeyStagePage.objects.get(key_stage="ks1", url_path__contains="communication-and-interaction")
    response = client.get(f"{stage.url}parents/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "a guide for parents and carers" in html
    assert "What this means for parents and carers" in html and "What you can do at home" in html
    assert "Use a simple picture plan for the morning routine." in html
    assert html.index("What you can do at home") < html.index("Free, impartial advice")


def test_parent_view_shows_the_easy_read_summary_first_when_there_is_one(client):
    stage = KeyStagePage.objects.get(key_stage="ks1", url_path__contains="communication-and-interaction")
    html = client.get(f"{stage.url}parents/").content.decode()
    assert "Easy Read summary" in html
    assert html.index("Easy Read summary") < html.index("What this means for parents and carers")


def test_parent_view_lists_interventions_with_family_text(client):
    stage = KeyStagePage.objects.get(key_stage="ks1", url_path__contains="communication-and-interaction")
    html = client.get(f"{stage.url}parents/").content.decode()
    assert "Interventions your child may be offered" in html


def test_staff_page_links_to_the_parent_view_and_back(client, site):
    area = NeedAreaPage.objects.get(need_area="semh")
    html = client.get(area.url).content.decode()
    assert f'href="{area.relative_url(site)}parents/"' in html
    parent_html = client.get(f"{area.url}parents/").content.decode()
    assert (
        f'href="{area.relative_url(site)}"' in parent_html
        and 'aria-current="page">For parents and carers' in parent_html
    )


def test_need_area_parent_view_offers_each_phase(client, site):
    area = NeedAreaPage.objects.get(need_area="semh")
    html = client.get(f"{area.url}parents/").content.decode()
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks2")
    assert f'href="{stage.relative_url(site)}parents/"' in html
