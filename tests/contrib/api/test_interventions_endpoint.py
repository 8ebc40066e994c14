"""The interventions endpoint answers each filter as the intervention directory does, page for page.

Each query is sent to the directory page (as a browser would) and to the endpoint (``q`` is ``search``,
``sort`` is ``order``, ``page`` is ``offset``), for a visitor and for an approved practitioner: the
interventions listed, their order, the total and every facet's counts are the same.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, CostBand, Intervention, SubNeed
from send_toolkit.pages.models import InterventionDirectoryPage
from send_toolkit.setup.demo.access import DEMO_PRACTITIONER_USERNAME

pytestmark = pytest.mark.django_db

API = "/api/v2/interventions/"
PAGE_SIZE = toolkit_settings.DIRECTORY_PAGE_SIZE  # 20, the API's own most per request


# Placeholders in <angle brackets> name rows whose ids the database gives (see ``resolved``).
QUERIES = [
    "",
    "need_area=semh",
    "need_area=semh&need_area=cognition_learning",
    "sub_need=<Anxiety and low mood>",
    "key_stage=ks2",
    "key_stage=early_years&key_stage=post16",
    "tier=getting_help",
    "tier=getting_advice&tier=getting_more_help",
    "delivery=one_to_one",
    "evidence=strong&evidence=moderate",
    "cost_band=<£>",
    "cost_band=<£££>&cost_band=<£>",
    "need_area=semh&key_stage=ks2&tier=getting_help",
    "q=language",
    "q=group+sessions",
    "q=phonics&key_stage=ks1",
    "sort=cost",
    "sort=-cost",
    "sort=tier",
    "sort=name&need_area=communication_interaction",
    "sort=-cost&page=2",
    "page=2",
]


def resolved(query: str) -> str:
    """``query`` with each <sub-need name> or <cost band label> replaced by that row's id."""

    def row_id(match: re.Match) -> str:
        name = match.group(1)
        row = SubNeed.objects.filter(name=name).first() or CostBand.objects.get(label=name)
        return str(row.pk)

    return re.sub(r"<([^>]+)>", row_id, query)


def api_query(directory_query: str) -> str:
    """The directory's query string in the API's names."""
    names = {"q": "search", "sort": "order"}
    pairs = []
    for name, value in parse_qsl(directory_query):
        if name == "page":
            pairs.append(("offset", str((int(value) - 1) * PAGE_SIZE)))
        else:
            pairs.append((names.get(name, name), value))
    return urlencode([*pairs, ("limit", str(PAGE_SIZE))])


def listed(html: str) -> list[str]:
    return [
        unescape(name) for name in re.findall(r'class="intervention-result__name"><a href="[^"]+">([^<]+)</a>', html)
    ]


def total(html: str) -> int:
    return int(re.search(r'<h2 id="directory-results-heading">(\d+) intervention', html).group(1))


def facet_counts(html: str) -> dict[tuple[str, str], int]:
    found = re.findall(
        r'name="(\w+)" value="([^"]*)"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">\((\d+)', html
    )
    return {(facet, value): int(count) for facet, value, count in found}


def api_facet_counts(meta: dict) -> dict[tuple[str, str], int]:
    return {
        (facet["name"], option["value"]): option["count"] for facet in meta["facets"] for option in facet["options"]
    }


def _client(viewer: str) -> Client:
    client = Client()
    if viewer == "practitioner":
        client.force_login(get_user_model().objects.get(username=DEMO_PRACTITIONER_USERNAME))
    return client


@pytest.mark.parametrize("viewer", ["visitor", "practitioner"])
@pytest.mark.parametrize("query", QUERIES)
def test_the_endpoint_lists_what_the_directory_lists(query, viewer):
    client = _client(viewer)
    directory = InterventionDirectoryPage.objects.get()
    html = client.get(f"{directory.url}?{resolved(query)}").text

    response = client.get(f"{API}?{api_query(resolved(query))}")

    assert response.status_code == 200, response.content
    data = response.json()
    assert [item["name"] for item in data["items"]] == listed(html)
    assert data["meta"]["total_count"] == total(html)
    assert api_facet_counts(data["meta"]) == facet_counts(html)


def test_the_queries_tell_the_directorys_results_apart():
    # Each filter narrows or reorders what is listed, so the comparison above is worth making.
    client = Client()
    directory = InterventionDirectoryPage.objects.get()
    pages = {query: client.get(f"{directory.url}?{resolved(query)}").text for query in QUERIES}
    results = {query: (total(html), listed(html)) for query, html in pages.items()}
    everything = results[""]
    assert everything[0] == Intervention.objects.filter(audience=Audience.PUBLIC).count() > PAGE_SIZE
    assert all(results[query] != everything for query in QUERIES if query)
    assert all(0 < count for count, _names in results.values())


def test_a_practitioner_gets_practitioner_only_records_and_their_audience():
    data = _client("practitioner").get(f"{API}?limit=20&offset=20").json()
    visitor = Client().get(f"{API}?limit=20&offset=20").json()

    assert data["meta"]["total_count"] == Intervention.objects.count() > visitor["meta"]["total_count"]
    assert {item["audience"] for item in data["items"]} <= {"public", "practitioners"}
    assert all("audience" not in item for item in visitor["items"])


def test_paging_is_bounded_like_the_pages_endpoint():
    client = Client()
    first, second = client.get(f"{API}?limit=5").json(), client.get(f"{API}?limit=5&offset=5").json()

    assert len(first["items"]) == len(second["items"]) == 5
    assert not {item["id"] for item in first["items"]} & {item["id"] for item in second["items"]}
    assert len(client.get(API).json()["items"]) == PAGE_SIZE  # Wagtail's default limit
    assert client.get(f"{API}?limit=21").status_code == 400
    assert client.get(f"{API}?offset=100000").json()["items"] == []


def test_a_detail_and_find_give_the_same_record():
    client = Client()
    phonics = Intervention.objects.get(name="Phonics catch-up group")

    item = client.get(f"{API}{phonics.pk}/").json()
    found = client.get(f"{API}find/?slug={phonics.slug}", follow=True)

    assert item["name"] == "Phonics catch-up group" and item["costs"]["cost_per_pupil"] == "213.75"
    assert found.status_code == 200 and found.json() == item
    assert client.get(f"{API}find/?slug=no-such-intervention").status_code == 404


def test_a_facet_value_nothing_visible_carries_matches_nothing():
    # The directory leaves such a box unticked and lists everything; the endpoint says none match.
    unused = SubNeed.objects.create(name="Nobody's sub-need", need_area="semh")

    data = Client().get(f"{API}?sub_need={unused.pk}").json()
    mixed = Client().get(f"{API}?tier=getting_help&sub_need={unused.pk}&sub_need={SubNeed.objects.first().pk}")

    assert data["meta"]["total_count"] == 0 and data["items"] == []
    assert mixed.status_code == 200 and mixed.json()["meta"]["total_count"] > 0  # any of the values


def test_a_page_of_twenty_takes_no_more_queries_than_a_page_of_one():
    client = Client()
    client.get(f"{API}?limit=1")  # warms what Django caches per process (content types, the site)

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    assert queries(f"{API}?limit=20") == queries(f"{API}?limit=1")
