"""The feed is open to any web page (CORS) and cacheable by anyone, for everyone; search words are never cached."""

from __future__ import annotations

import pytest

from tests.contrib.openreferral.feed_client import FEED

pytestmark = pytest.mark.django_db

EVERY_ENDPOINT = ("", "services", "taxonomies", "taxonomy_terms", "organizations", "openapi.json")


@pytest.mark.parametrize("path", EVERY_ENDPOINT)
def test_every_endpoint_is_open_to_any_origin_and_publicly_cacheable_without_varying_on_cookies(client, path):
    response = client.get(FEED + path, HTTP_ORIGIN="https://directory.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_a_detail_is_cacheable_too(client):
    service = client.get(FEED + "services").json()["contents"][0]["id"]
    response = client.get(FEED + f"services/{service}")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path", ["services?page=0", "services/not-a-uuid", "services/1baf4897-0beb-56ba-8556-d61470737617"]
)
def test_errors_are_readable_from_any_origin_but_not_kept_as_public(client, path):
    response = client.get(FEED + path)
    assert response.status_code in (400, 404)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" not in response.get("Cache-Control", "")
    assert response.json()["message"]


@pytest.mark.parametrize(
    "path", ["services?search=speech", "taxonomy_terms?search=autism", "organizations?search=council"]
)
def test_an_answer_to_search_words_is_never_kept_by_a_shared_cache(client, path):
    response = client.get(FEED + path)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_no_public_caching_when_the_council_turns_it_off(client, settings):
    settings.SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE = 0
    response = client.get(FEED + "services")
    assert "public" not in response.get("Cache-Control", "")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_feed_answers_json_not_the_sites_error_pages(client):
    response = client.get(FEED + "services/1baf4897-0beb-56ba-8556-d61470737617")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert response.json() == {"message": "No service has this id."}
