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
ENDPOINTS = {"pages": "/api/v2/pages/", "interventions": "/api/v2/interventions/"}
PAGES = ENDPOINTS["pages"]
INTERVENTIONS = ENDPOINTS["interventions"]

NO_WORDS = "search must contain at least one word (symbols and quotes are ignored)"
NO_NULLS = "query parameters must not contain null characters"

# Probes every endpoint answers alike.
LISTING_PROBES = [
    # search: quotes and spaces only were SQLite syntax errors (500), a null character a PostgreSQL error (500)
    ("search=%22", NO_WORDS),
    ("search=(", NO_WORDS),
    ("search=%00", NO_NULLS),
    ("search=%20%20%20", NO_WORDS),
    ("search=%09%0A", NO_WORDS),
    ("search=", NO_WORDS),
    ("search=autism&search_operator=xor", "search_operator must be 'and' or 'or'"),
    ("search_operator=xor", "search_operator must be 'and' or 'or'"),
    # numbers past 64 bits overflowed SQLite (500)
    ("offset=9223372036854775808", "offset cannot be higher than 2147483647"),
    ("offset=%2B99999999999999999999", "offset cannot be higher than 2147483647"),
    ("offset=-1", "offset must be a positive integer"),
    ("offset=ten", "offset must be a positive integer"),
    ("limit=9223372036854775808", "limit cannot be higher than 20"),
    ("limit=1000", "limit cannot be higher than 20"),
    ("limit=-1", "limit must be a positive integer"),
    ("limit=many", "limit must be a positive integer"),
    ("fields=%00", NO_NULLS),
    ("locale=%00", NO_NULLS),
    ("title=%00", NO_NULLS),
    ("no_such_parameter=1", "query parameter is not an operation or a recognised field: no_such_parameter"),
]

PAGES_PROBES = [
    ("search=%22%22%22&order=title", NO_WORDS),
    ("search=autism&order=random", "cannot order by '?' while searching (field is not indexed)"),
    ("order=no_such_field", "cannot order by 'no_such_field' (unknown field)"),
    ("order=random,title", "random ordering cannot be combined with other fields"),
    ("fields=no_such_field", "unknown fields: no_such_field"),
    ("fields=title(((", "fields error"),
    ("type=no.such.type", "type doesn't exist"),
    ("type=auth.User", "type doesn't exist"),
    ("child_of=abc", "child_of must be a positive integer"),
    ("child_of=-5", "child_of must be a positive integer"),
    ("child_of=9223372036854775808", "parent page doesn't exist"),
    ("child_of=99999999999999999999999999", "parent page doesn't exist"),
    ("descendant_of=abc", "descendant_of must be a positive integer"),
    ("descendant_of=9223372036854775808", "ancestor page doesn't exist"),
    ("ancestor_of=9223372036854775808", "descendant page doesn't exist"),
    # filtering by a field the toolkit added: a value it cannot hold was a 500; a body's stored form is not for all
    ("type=send_toolkit.TierPage&last_reviewed=garbage", "field filter error. “garbage” value has an invalid date"),
    ("first_published_at=yesterday", "field filter error. “yesterday” value has an invalid format"),
    ("id=99999999999999999999", "id cannot be higher than 9223372036854775807"),
    ("type=send_toolkit.TierPage&body=%5B%5D", "cannot filter by 'body'"),
    ("type=send_toolkit.TierPage&introduction=x", "cannot filter by 'introduction'"),
    ("rich_text_format=pdf", "rich_text_format must be one of"),
]

INTERVENTIONS_PROBES = [
    ("tier=getting_risk_support", "tier must be one of: getting_advice, getting_help, getting_more_help, not"),
    ("need_area=semh&need_area=SEMH", "need_area must be one of: communication_interaction, cognition_learning"),
    ("key_stage=year-3", "key_stage must be one of: early_years, ks1, ks2, ks3, ks4, post16, not 'year-3'"),
    ("delivery=online", "delivery must be one of: whole_class, small_group, one_to_one, not 'online'"),
    ("evidence=anecdotal", "evidence must be one of: strong, moderate, emerging, practice, not_evaluated"),
    ("sub_need=autism", "sub_need must be a whole number (an id), not 'autism'"),
    ("sub_need=-1", "sub_need must be a whole number (an id), not '-1'"),
    ("sub_need=99999999999999999999", "sub_need must be a whole number (an id)"),
    ("cost_band=%C2%A3%C2%A3", "cost_band must be a whole number (an id), not '££'"),
    ("cost_band=%00", NO_NULLS),
    ("order=price", "order must be one of: name, cost, -cost, tier"),
    ("order=random", "order must be one of: name, cost, -cost, tier"),
    ("q=phonics", "query parameter is not an operation or a recognised field: q"),  # the directory's name: search
    ("sort=cost", "query parameter is not an operation or a recognised field: sort"),
    ("fields=name", "query parameter is not an operation or a recognised field: fields"),
    ("type=send_toolkit.TierPage", "query parameter is not an operation or a recognised field: type"),
    ("rich_text_format=pdf", "rich_text_format must be one of"),
]

FIND_PROBES = [
    ("id=abc", "id must be a positive integer"),  # a ValueError from the database lookup (500)
    ("id=-3", "id must be a positive integer"),
    ("html_path=/send-toolkit/%00/", NO_NULLS),  # PostgreSQL refused the slug (500)
    ("html_path=%00", NO_NULLS),
    ("slug=%00", NO_NULLS),
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
@pytest.mark.parametrize(("query", "message"), PAGES_PROBES, ids=[query for query, _ in PAGES_PROBES])
def test_bad_pages_parameter_is_a_400_that_says_why(api, query, message):
    response = api.get(f"{PAGES}?{query}")

    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "message"), INTERVENTIONS_PROBES, ids=[query for query, _ in INTERVENTIONS_PROBES])
def test_bad_interventions_parameter_is_a_400_that_says_why(api, query, message):
    response = api.get(f"{INTERVENTIONS}?{query}")

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
@pytest.mark.parametrize("operator", ["and", "or"])
def test_known_search_operators_still_search(api, operator):
    response = api.get(f"{PAGES}?search=speech+language&search_operator={operator}")

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
    response = api.get(f"{PAGES}find/?html_path=/no-such-page/")

    assert response.status_code == 404
    assert response.json()["message"] == "not found"


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS.values())
@pytest.mark.parametrize("identifier", ["0", "99999999", "9223372036854775808", "99999999999999999999999"])
def test_a_detail_past_every_id_is_a_404(api, endpoint, identifier):
    response = api.get(f"{endpoint}{identifier}/")

    assert response.status_code == 404
    assert "message" in response.json()


@pytest.mark.django_db
def test_the_interventions_search_operator_is_always_and_as_in_the_directory(api):
    response = api.get(f"{INTERVENTIONS}?search=phonics&search_operator=and")

    assert response.status_code == 400
    assert response.json()["message"] == "query parameter is not an operation or a recognised field: search_operator"
