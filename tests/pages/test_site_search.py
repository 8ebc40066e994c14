"""Site search: pages, interventions and glossary terms, filtered, and only what the reader may see."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage, TierPage

pytestmark = pytest.mark.django_db
CANARY = "Zanzibarcanary"


@pytest.fixture
def restricted(toolkit):
    page = GuidancePage(title=f"{CANARY} practitioner notes", slug="restricted-notes", introduction=f"<p>{CANARY}</p>")
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    intervention = Intervention.objects.create(
        name=f"{CANARY} programme", summary=CANARY, audience=Audience.PRACTITIONERS, tier="getting_help"
    )
    intervention.need_areas.add(NeedArea.objects.get(value="semh"))
    intervention.key_stages.add(KeyStage.objects.get(value="ks2"))
    return page


@pytest.fixture
def practitioner_client(client):
    user = get_user_model().objects.create_user("searcher", password="x")
    user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    return client


def search(client, toolkit, **params):
    return client.get(f"{toolkit.url}search/", params)


def test_finds_pages_interventions_and_glossary_terms(client, toolkit):
    html = search(client, toolkit, q="SENCO").content.decode()
    assert "Words explained" in html and "Every mainstream school must have one" in html
    html = search(client, toolkit, q="visual").content.decode()
    assert "Use visual supports" in html or "Getting Advice" in html
    assert "Pages" in html


def test_anonymous_search_never_lists_restricted_pages_or_interventions(client, toolkit, restricted):
    response = search(client, toolkit, q=CANARY)
    html = response.content.decode()
    assert f"{CANARY} practitioner notes" not in html and f"{CANARY} programme" not in html
    assert f"<p>{CANARY}</p>" not in html and "restricted-notes" not in html
    assert "0 results" in html
    # Search words may name a child: never kept by a shared cache (tests/access/test_cache_headers.py).
    assert "public" not in response.get("Cache-Control", "")


def test_practitioners_find_restricted_content_and_the_page_is_not_cached(practitioner_client, toolkit, restricted):
    response = search(practitioner_client, toolkit, q=CANARY)
    html = response.content.decode()
    assert f"{CANARY} practitioner notes" in html and f"{CANARY} programme" in html
    assert "no-store" in response["Cache-Control"]


def test_filters_narrow_pages_to_a_need_area_and_key_stage(client, toolkit, site):
    html = search(client, toolkit, need_area="semh", key_stage="ks2").content.decode()
    semh_ks2 = TierPage.objects.filter(url_path__contains="social-emotional-and-mental-health/key-stage-2").first()
    other = TierPage.objects.filter(url_path__contains="cognition-and-learning/key-stage-2").first()
    assert f'href="{semh_ks2.relative_url(site)}"' in html
    assert f'href="{other.relative_url(site)}"' not in html


def test_no_results_gives_helpful_advice_and_a_way_to_widen_the_search(client, toolkit):
    html = search(client, toolkit, q="xylophonic", need_area="semh").content.decode()
    assert "0 results" in html and "check the spelling" in html
    assert "search every area of need and phase" in html
    assert "glossary of terms" in html


def test_bad_filter_values_are_ignored_not_an_error(client, toolkit):
    response = search(client, toolkit, q="reading", need_area="<script>", key_stage="ks99")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</form>", 2)[-1]


def test_empty_search_shows_the_form_only(client, toolkit):
    page = BeautifulSoup(search(client, toolkit).content, "html.parser")
    form = page.select_one("form.search-form")
    assert form is not None and form.find("input", attrs={"name": "q"})["value"] == ""
    assert page.select(".search-results") == []
    assert not page.find(id="search-results-heading")
    # The same page with words to search for does show results (so the checks above can see them).
    searched = BeautifulSoup(search(client, toolkit, q="reading").content, "html.parser")
    assert searched.find(id="search-results-heading") is not None


@pytest.mark.parametrize("query", ['"', '"unbalanced', "\x00", "(", "&&&", "a OR 1=1", "x" * 500, "don't"])
def test_symbols_and_odd_input_never_cause_an_error(client, toolkit, query):
    response = search(client, toolkit, q=query)
    assert response.status_code == 200
    assert "Search the toolkit" in response.content.decode()


def test_every_search_box_asks_not_to_type_a_childs_details(client, toolkit):
    directory = InterventionDirectoryPage.objects.live().first()
    for url, box in (
        (f"{toolkit.url}search/", "search-q"),
        (directory.url, "directory-q"),
        (toolkit.url, "toolkit-bar-q"),
    ):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        search_box = soup.find("input", id=box)
        hint = soup.find(id=search_box["aria-describedby"])
        assert "Do not type a child’s name or any details about a child" in hint.get_text(), url
