"""Parent and carer view of need area and key stage pages."""

import pytest

from send_toolkit.pages.models import InterventionDirectoryPage, KeyStagePage, NeedAreaPage, TierPage

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


def _need_area_parent_html(client, need_area="communication_interaction") -> str:
    area = NeedAreaPage.objects.get(need_area=need_area)
    response = client.get(f"{area.url}parents/")
    assert response.status_code == 200
    return response.content.decode()


def test_need_area_parent_view_leads_with_what_it_means_for_families_then_the_phases(client):
    html = _need_area_parent_html(client)
    assert "What this can mean for your family" in html
    # Highlights come from the key stages' own family texts: the KS1 advice tier's first strategy.
    assert "Your child&#x27;s class may use pictures to show the plan for the day." in html
    assert "Use a simple picture plan for the morning routine." in html
    assert "What this means for parents and carers" in html and "What you can do at home" in html
    assert html.index("What this can mean for your family") < html.index('id="family-stages-heading"')
    assert html.index("What you can do at home") < html.index('id="family-stages-heading"')


def test_need_area_highlights_are_grouped_by_phase_and_link_to_each_phases_guide(client, site):
    html = _need_area_parent_html(client)
    area = NeedAreaPage.objects.get(need_area="communication_interaction")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks1")
    highlights = html.split('class="family-highlights"', 1)[1].split('id="family-stages-heading"', 1)[0]
    assert f'<h3 id="family-highlights-ks1">{stage.title}</h3>' in highlights
    assert f'href="{stage.relative_url(site)}parents/"' in highlights
    assert f"more ideas in the guide for {stage.title}" in highlights


def test_need_area_highlights_leave_out_phases_a_visitor_may_not_see(client):
    stage = _add_family_text_with_a_glossary_term()
    assert "how the plan is going." in _need_area_parent_html(client)
    stage.unpublish()
    html = _need_area_parent_html(client)
    assert 'id="family-highlights-ks1"' not in html
    assert "how the plan is going." not in html


def test_need_area_parent_view_shows_the_easy_read_summary_first(client):
    html = _need_area_parent_html(client)
    assert "Easy Read summary" in html
    assert "Some children find talking and listening hard." in html
    assert html.index("Easy Read summary") < html.index("What this can mean for your family")


def test_need_area_without_an_easy_read_summary_has_no_empty_box(client):
    html = _need_area_parent_html(client, "semh")
    assert "Easy Read summary" not in html
    assert "What this can mean for your family" in html


def _add_family_text_with_a_glossary_term(area_key="communication_interaction"):
    area = NeedAreaPage.objects.get(need_area=area_key)
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks1")
    tier = TierPage.objects.child_of(stage).get(tier="getting_advice")
    body = tier.body.raw_data
    for block in body:
        if block["type"] == "strategy_list":
            first = block["value"]["strategies"][0]["value"]
            first["for_parents"] = "Ask the SENCO how the plan is going."
            first["at_home"] = "Tell school what helps at home before the SEN Support review."
            break
    tier.body = body
    tier.save_revision().publish()
    return stage


@pytest.mark.parametrize("view", ["key-stage", "need-area", "tier"])
def test_family_texts_link_glossary_terms_to_their_definitions(client, toolkit, site, view):
    stage = _add_family_text_with_a_glossary_term()
    url = {
        "key-stage": f"{stage.url}parents/",
        "need-area": f"{stage.get_parent().url}parents/",
        "tier": TierPage.objects.child_of(stage).get(tier="getting_advice").url,
    }[view]
    html = client.get(url).content.decode()
    glossary = f"{toolkit.relative_url(site)}glossary/"
    parents_text = html.split("Ask the", 1)[1].split("</p>", 1)[0]
    home_text = html.split("Tell school what helps at home before the", 1)[1].split("</p>", 1)[0]
    assert f'href="{glossary}#senco"' in parents_text and 'aria-describedby="glossary-definition-senco"' in parents_text
    assert f'href="{glossary}#sen-support"' in home_text
    # The definitions are listed on the same page, so the link's description is there to read.
    assert 'id="glossary-definition-senco"' in html and "Words used on this page" in html


def test_an_interventions_family_texts_link_glossary_terms(client, toolkit, site):
    from send_toolkit.interventions.models import Audience, Intervention

    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).first()
    intervention.for_parents = "The SENCO will tell you how it is going."
    intervention.at_home = "Ask about SEN Support at the next review."
    intervention.save()
    html = client.get(f"{InterventionDirectoryPage.objects.get().url}{intervention.slug}/").content.decode()
    glossary = f"{toolkit.relative_url(site)}glossary/"
    family = html.split('id="for-parents-heading"', 1)[1]
    assert f'href="{glossary}#sen-support"' in family.split("Ask about", 1)[1].split("</p>", 1)[0]
    assert "What you can do at home" in family
