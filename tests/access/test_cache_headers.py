"""Cache headers and front-end cache purging (docs/explanation/caching.md)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from send_toolkit.access.channels import carries_search_text, registered_channel
from send_toolkit.conf import toolkit_settings
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage, KeyStagePage, NeedAreaPage, TierPage
from tests import recording_cache_backend


@pytest.fixture
def purged():
    recording_cache_backend.PURGED.clear()
    yield recording_cache_backend.PURGED
    recording_cache_backend.PURGED.clear()


def test_public_pages_for_anonymous_visitors_can_be_stored_by_a_shared_cache(client, toolkit, settings):
    settings.SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE = 600
    response = client.get(toolkit.url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies


def test_every_response_to_a_logged_in_person_is_private_and_never_stored(client, toolkit):
    client.force_login(get_user_model().objects.get(username="senco"))
    for url in (toolkit.url, "/sitemap.xml", f"{toolkit.url}search/?q=reading", "/accounts/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control and "max-age=300" not in cache_control, url


def test_an_account_that_is_not_approved_still_gets_private_responses(client, toolkit):
    user = get_user_model().objects.create_user(username="pending@school.example", password="x")
    client.force_login(user)
    assert "no-store" in client.get(toolkit.url)["Cache-Control"]


def test_setting_max_age_to_zero_turns_shared_caching_off(client, toolkit, settings):
    settings.SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE = 0
    assert "public" not in client.get(toolkit.url).get("Cache-Control", "")


def test_restricting_a_page_purges_every_url_that_shows_it(toolkit, purged, django_capture_on_commit_callbacks):
    area = NeedAreaPage.objects.get(need_area="semh")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks2")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=stage, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)])
    stage_url = stage.get_full_url()
    assert stage_url in purged
    assert stage_url + "parents/" in purged
    for tier in TierPage.objects.child_of(stage):
        assert tier.get_full_url() in purged
    # Pages whose menus, listings, breadcrumbs or counts show it.
    assert area.get_full_url() in purged and area.get_full_url() + "parents/" in purged
    home = toolkit.get_full_url()
    assert {home, home + "search/", home + "glossary/"} <= set(purged)
    assert InterventionDirectoryPage.objects.get().get_full_url() in purged
    assert toolkit.get_site().root_url + "/sitemap.xml" in purged
    # Not the whole site: a page elsewhere in the tree keeps its cached copy.
    other_area = NeedAreaPage.objects.exclude(pk=area.pk).first()
    assert other_area.get_full_url() not in purged

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert stage_url in purged


def test_changing_which_groups_may_see_a_page_purges_it(toolkit, purged, django_capture_on_commit_callbacks):
    section = GuidancePage.objects.get(slug="for-practitioners")
    restriction = PageViewRestriction.objects.get(page=section)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.remove(Group.objects.get(name=toolkit_settings.EDITOR_GROUP))
    assert section.get_full_url() in purged


def test_the_sitemap_lists_public_pages_and_interventions_only(client, toolkit):
    section = GuidancePage.objects.get(slug="for-practitioners")
    xml = client.get("/sitemap.xml").text
    assert toolkit.get_full_url() in xml
    assert section.get_full_url() not in xml
    assert "/interventions/" in xml
    client.force_login(get_user_model().objects.get(username="senco"))
    assert section.get_full_url() not in client.get("/sitemap.xml").text


def test_the_api_lists_restricted_pages_only_to_those_allowed(client, toolkit):
    section = GuidancePage.objects.get(slug="for-practitioners")
    url = f"/api/v2/pages/{section.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(get_user_model().objects.create_user(username="someone@school.example", password="x"))
    assert client.get(url).status_code == 404
    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.get(url)
    assert response.status_code == 200 and response.json()["title"] == "For practitioners"


def test_the_api_does_not_accept_passwords_sent_with_each_request(client, toolkit):
    import base64

    section = GuidancePage.objects.get(slug="for-practitioners")
    credentials = base64.b64encode(b"senco:northmoor-senco").decode()
    response = client.get(f"/api/v2/pages/{section.pk}/", HTTP_AUTHORIZATION=f"Basic {credentials}")
    assert response.status_code == 404


def test_a_site_without_the_access_middleware_is_warned(settings):
    from django.core.checks import run_checks

    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("send_toolkit.")]
    ids = {message.id for message in run_checks(databases=[])}
    assert {"send_toolkit.W001", "send_toolkit.W003"} <= ids


def test_the_example_site_passes_the_access_middleware_checks():
    from django.core.checks import run_checks

    messages = run_checks(databases=[])
    assert not [message for message in messages if message.id.startswith("send_toolkit.") and not message.is_silenced()]


# --- Search words are personal data waiting to happen ------------------------------------------------------

SEARCH_WORDS = "Tommy Jones Year 3 ADHD"  # fictional: what a worried teacher might type


def _search_urls(toolkit, words: str) -> list[str]:
    directory = InterventionDirectoryPage.objects.live().first()
    query = urlencode({"q": words})
    return [f"{toolkit.url}search/?{query}", f"{directory.url}?{query}", f"{directory.url}export/?{query}"]


def test_anonymous_searches_with_words_are_never_stored_by_a_shared_cache(client, toolkit, settings):
    settings.SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE = 300
    for url in _search_urls(toolkit, SEARCH_WORDS):
        response = client.get(url)
        cache_control = response["Cache-Control"]
        assert response.status_code == 200, url
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control and "max-age" not in cache_control, url


def test_filters_without_search_words_stay_cacheable(client, toolkit, settings):
    settings.SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE = 300
    directory = InterventionDirectoryPage.objects.live().first()
    urls = [f"{toolkit.url}search/?need_area=semh", f"{directory.url}?tier=getting_help", *_search_urls(toolkit, " ")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"], url


def test_the_register_says_which_channels_take_search_words():
    search = registered_channel("site search")
    assert search.cached_publicly_for({"need_area": "semh"})
    assert not search.cached_publicly_for({"q": SEARCH_WORDS})
    assert registered_channel("pages").cached_publicly_for({"q": SEARCH_WORDS})  # pages take no search words
    assert carries_search_text({"q": SEARCH_WORDS}) and not carries_search_text({"q": "  "})
