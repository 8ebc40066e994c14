"""Bad parameters get a 400 naming the parameter and what is wrong, never a 500; unknown ids a 404."""

from __future__ import annotations

import pytest

from tests.contrib.openreferral.feed_client import FEED, get_json

pytestmark = pytest.mark.django_db

REFUSED = {
    "services?page=0": "page",
    "services?page=two": "page",
    "services?page=99999999999999999999999": "page",
    "services?per_page=0": "per_page",
    "services?per_page=1000000": "per_page",
    "services?taxonomy_term_id=autism": "taxonomy_term_id",
    "services?taxonomy_id=1234": "taxonomy_id",
    "services?organization_id=council": "organization_id",
    "services?modified_after=yesterday": "modified_after",
    "services?modified_after=2024-13-45T25:00:00": "modified_after",
    "services?modified_after=9999-12-31T23:59:59-05:00": "modified_after",
    "services?full=perhaps": "full",
    "services?format=xml": "format",
    "services?search=%22%22%22": "search",
    "services?search=%E2%9C%93%21": "search",
    "taxonomy_terms?top_only=sometimes": "top_only",
    "taxonomy_terms?parent_id=root": "parent_id",
    "organizations?full_service=lots": "full_service",
    "organizations/1baf4897-0beb-56ba-8556-d61470737617?full_service=lots": "full_service",
    "services/not-a-uuid": "id",
    "taxonomies/not-a-uuid": "id",
    "taxonomy_terms/42": "id",
    "organizations/%00": "id",
}


@pytest.mark.parametrize("path", REFUSED)
def test_a_bad_parameter_is_a_400_that_names_it(client, path):
    body = get_json(client, path, status=400)
    assert body["message"].startswith(REFUSED[path]) or f"{REFUSED[path]}:" in body["message"], body


@pytest.mark.parametrize("kind", ["services", "taxonomies", "taxonomy_terms", "organizations"])
def test_an_unknown_id_is_a_404(client, kind):
    body = get_json(client, f"{kind}/00000000-0000-4000-8000-000000000000", status=404)
    assert "id" in body["message"]


def test_empty_parameters_count_as_absent(client):
    everything = get_json(client, "services")
    blank = get_json(client, "services?search=&taxonomy_id=&taxonomy_term_id=&organization_id=&modified_after=&full=")
    assert blank == everything


def test_a_page_past_the_last_is_empty_not_an_error(client):
    body = get_json(client, "services?page=500&per_page=10")
    assert body["contents"] == [] and body["empty"] and body["last_page"] and not body["first_page"]
    assert body["page_number"] == 500 and body["total_items"] > 0


def test_parameters_the_feed_does_not_offer_are_ignored(client):
    assert get_json(client, "services?minimal=true&postcode=NM1+1AA") == get_json(client, "services")


def test_a_null_character_anywhere_is_refused_or_ignored_never_a_500(client):
    for path in (
        "services?search=%00speech",
        "services?taxonomy_id=%00",
        "taxonomy_terms?search=%00",
        "services?%00=1",
    ):
        assert client.get(FEED + path).status_code in (200, 400), path
