"""Bad query parameters on the toolkit's Wagtail API: a 400 with a reason in ``{"message": ...}``, never a 500.

Each probe failed before ``contrib/api/parameters.py`` (a 500 on SQLite or PostgreSQL, or an answer that
did not say what was wrong); the ones Wagtail already answered well are kept so they stay that way.
"""

from __future__ import annotations

import pytest
from django.test import Client

from send_toolkit.contrib.api.router import api_router

# Every endpoint the router exposes, by its URL namespace. Wagtail's images and documents endpoints are not
# registered (they list files regardless of collection privacy, router.py): add them here if that changes.
ENDPOINTS = {"pages": "/api/v2/pages/"}

NO_WORDS = "search must contain at least one word (symbols and quotes are ignored)"
NO_NULLS = "query parameters must not contain null characters"

LISTING_PROBES = [
    # search: quotes and spaces only were SQLite syntax errors (500), a null character a PostgreSQL error (500)
    ("search=%22", NO_WORDS),
    ("search=%22%22%22&order=title", NO_WORDS),
    ("search=(", NO_WORDS),
    ("search=%00", NO_NULLS),
    ("search=%20%20%20", NO_WORDS),
    ("search=%09%0A", NO_WORDS),
    ("search=", NO_WORDS),
    ("search=autism&search_operator=xor", "search_operator must be 'and' or 'or'"),
    ("search_operator=xor", "search_operator must be 'and' or 'or'"),
    ("search=autism&order=random", "cannot order by '?' while searching (field is not indexed)"),
    # numbers past 64 bits overflowed SQLite (500)
    ("offset=9223372036854775808", "offset cannot be higher than 2147483647"),
    ("offset=%2B99999999999999999999", "offset cannot be higher than 2147483647"),
    ("offset=-1", "offset must be a positive integer"),
    ("offset=ten", "offset must be a positive integer"),
    ("limit=9223372036854775808", "limit cannot be higher than 20"),
    ("limit=1000", "limit cannot be higher than 20"),
    ("limit=-1", "limit must be a positive integer"),
    ("limit=many", "limit must be a positive integer"),
    ("order=no_such_field", "cannot order by 'no_such_field' (unknown field)"),
    ("order=random,title", "random ordering cannot be combined with other fields"),
    ("fields=no_such_field", "unknown fields: no_such_field"),
    ("fields=title(((", "fields error"),
    ("fields=%00", NO_NULLS),
    ("type=no.such.type", "type doesn't exist"),
    ("type=auth.User", "type doesn't exist"),
    ("child_of=abc", "child_of must be a positive integer"),
    ("child_of=-5", "child_of must be a positive integer"),
    ("child_of=9223372036854775808", "parent page doesn't exist"),
    ("child_of=99999999999999999999999999", "parent page doesn't exist"),
    ("descendant_of=abc", "descendant_of must be a positive integer"),
    ("descendant_of=9223372036854775808", "ancestor page doesn't exist"),
    ("ancestor_of=9223372036854775808", "descendant page doesn't exist"),
    # a null character in the locale reached PostgreSQL (500)
    ("locale=%00", NO_NULLS),
    ("title=%00", NO_NULLS),
    ("no_such_parameter=1", "query parameter is not an operation or a recognised field: no_such_parameter"),
]

FIND_PROBES = [
    ("id=abc", "id must be a positive integer"),  # a ValueError from the database lookup (500)
    ("id=-3", "id must be a positive integer"),
    ("html_path=/send-toolkit/%00/", NO_NULLS),  # PostgreSQL refused the slug (500)
    ("html_path=%00", NO_NULLS),
]


@pytest.fixture
def api() -> Client:
    """A client that answers a server error with its 500 page instead of raising, as a visitor would see it."""
    return Client(raise_request_exception=False)


def test_every_endpoint_the_router_exposes_is_probed():
    patterns, _app_name, _namespace = api_router.urls
    assert {pattern.namespace for pattern in patterns} == set(ENDPOINTS)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
@pytest.mark.parametrize(("query", "message"), LISTING_PROBES, ids=[query for query, _ in LISTING_PROBES])
def test_bad_listing_parameter_is_a_400_that_says_why(api, endpoint, query, message):
    response = api.get(f"{endpoint}?{query}")

    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
@pytest.mark.parametrize(("query", "message"), FIND_PROBES, ids=[query for query, _ in FIND_PROBES])
def test_bad_find_parameter_is_a_400_that_says_why(api, endpoint, query, message):
    response = api.get(f"{endpoint}find/?{query}")

    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
def test_bad_detail_parameter_is_a_400_that_says_why(api, endpoint):
    first = api.get(endpoint).json()["items"][0]["id"]

    response = api.get(f"{endpoint}{first}/?fields=%00")

    assert response.status_code == 400
    assert response.json()["message"] == NO_NULLS


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
def test_search_ignores_quotes_and_symbols_around_the_words(api, endpoint):
    plain = api.get(f"{endpoint}?search=speech+language")
    quoted = api.get(f"{endpoint}?search=%22speech%22+(language%22")

    assert plain.status_code == quoted.status_code == 200
    assert plain.json()["meta"]["total_count"] > 0
    assert quoted.json() == plain.json()


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
@pytest.mark.parametrize("operator", ["and", "or"])
def test_known_search_operators_still_search(api, endpoint, operator):
    response = api.get(f"{endpoint}?search=speech+language&search_operator={operator}")

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] > 0


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
def test_an_offset_past_the_end_is_an_empty_page(api, endpoint):
    response = api.get(f"{endpoint}?offset=2147483647")

    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
def test_without_a_limit_maximum_a_huge_limit_is_still_a_400(api, endpoint, settings):
    settings.WAGTAILAPI_LIMIT_MAX = None

    huge = api.get(f"{endpoint}?limit=9223372036854775808")
    large = api.get(f"{endpoint}?limit=1000")

    assert huge.status_code == 400
    assert huge.json()["message"] == "limit cannot be higher than 2147483647"
    assert large.status_code == 200


@pytest.mark.django_db
def test_find_by_an_unknown_path_is_still_a_404(api):
    response = api.get(f"{ENDPOINTS['pages']}find/?html_path=/no-such-page/")

    assert response.status_code == 404
    assert response.json()["message"] == "not found"
