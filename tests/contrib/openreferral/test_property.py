"""A property-based run over our OpenAPI document: whatever the parameters, no 500 and no schema violation.

Hypothesis makes requests to every operation the document lists, with parameters drawn from each one's declared
type (real ids from the feed, UUIDs, integers far past any page, date-times in any zone, booleans in their
spellings) mixed with arbitrary text. Every answer must be a 200 that the official HSDS-UK 3.0 schemas accept, a
400 with a reason, or a 404. The figures (requests sent, by status; failures) are printed and recorded.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.contrib.openreferral import hsds
from tests.contrib.openreferral.feed_client import FEED, everything, get_json

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXAMPLES = 400
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# The official schemas of what each operation answers with: a listing's whole page (None where the standard
# gives none) and each of its entries (which depends on whether they were asked for in full), or a detail.
LISTINGS = {
    "/services": "service_list.json",
    "/taxonomies": "taxonomy_list.json",
    "/taxonomy_terms": "taxonomy_term_list.json",
    "/organizations": None,
}
ENTRIES = {
    "/services": lambda query: (
        hsds.schema("service.json") if _asked(query, "full") else hsds.item_schema("service_list.json")
    ),
    "/taxonomies": lambda query: hsds.item_schema("taxonomy_list.json"),
    "/taxonomy_terms": lambda query: hsds.item_schema("taxonomy_term_list.json"),
    "/organizations": lambda query: hsds.schema(
        "organization.json" if _asked(query, "full") else "organization_list.json"
    ),
}
DETAILS = {
    "/services/{id}": "service.json",
    "/taxonomies/{id}": "taxonomy.json",
    "/taxonomy_terms/{id}": "taxonomy_term.json",
    "/organizations/{id}": "organization.json",
    "/": "api_details.json",
}


def _asked(query: dict, name: str) -> bool:
    return query.get(name) in ("true", "1", "yes", "on", "True")


def _types(schema: dict) -> list[dict]:
    return schema.get("anyOf", [schema])


def value_for(schema: dict, known_ids: list[str]) -> st.SearchStrategy[str]:
    """Values of a parameter's declared type, and anything else besides."""
    drawn: list[st.SearchStrategy[str]] = [TEXT]
    for option in _types(schema):
        kind, form = option.get("type"), option.get("format")
        if kind == "integer":
            drawn.append(st.integers(min_value=-3, max_value=2**70).map(str))
            drawn.append(st.integers(min_value=1, max_value=60).map(str))
        elif kind == "boolean":
            drawn.append(st.sampled_from(["true", "false", "1", "0", "yes", "no", "on", "off", "True"]))
        elif form == "uuid":
            drawn.append(st.uuids().map(str))
            drawn.append(st.sampled_from(known_ids))
        elif form == "date-time":
            moments = st.datetimes(timezones=st.timezones() | st.none())
            drawn.append(moments.map(lambda moment: moment.isoformat()))
        elif "const" in option:
            drawn.append(st.just(option["const"]))
        elif kind == "string":
            drawn.append(st.sampled_from(["speech", "key stage", "autism group", "council", "''", "(", "a AND b"]))
    return st.one_of(drawn)


def _operations(document: dict) -> list[tuple[str, dict]]:
    return [
        (path.removeprefix(FEED.rstrip("/")).rstrip("/") or "/", methods["get"])
        for path, methods in document["paths"].items()
    ]


def _check(path: str, query: dict, response) -> str | None:
    """What is wrong with one answer, or None."""
    if response.status_code >= 500:
        return f"{response.status_code} for {path} {query}"
    if response.status_code not in (200, 400, 404):
        return f"unexpected {response.status_code} for {path} {query}"
    if response.status_code != 200:
        if response["Content-Type"].startswith("application/json") and not response.json().get("message"):
            return f"{response.status_code} without a reason for {path} {query}"
        return None
    body = response.json()
    template = next(
        (name for name in DETAILS if name.count("/") == path.count("/") and name.split("/")[1] == path.split("/")[1]),
        None,
    )
    if path in LISTINGS:
        hsds.assert_page(body, path)
        whole = hsds.problems(body, hsds.schema(LISTINGS[path])) if LISTINGS[path] else []
        found = whole + [problem for item in body["contents"] for problem in hsds.problems(item, ENTRIES[path](query))]
    else:
        found = hsds.problems(body, hsds.schema(DETAILS[template]))
    if hsds.empty_fields(body):
        found.append(f"empty fields {hsds.empty_fields(body)}")
    return f"{path} {query}: {found[:3]}" if found else None


def test_no_request_our_openapi_document_allows_gets_a_500_or_breaks_the_schemas(client, record_property):
    hsds.require_schemas()
    document = get_json(client, "openapi.json")
    known = {
        kind: [item["id"] for item in everything(client, kind)]
        for kind in ("services", "taxonomies", "taxonomy_terms", "organizations")
    }
    every_id = [key for ids in known.values() for key in ids]
    operations = _operations(document)
    sent: Counter[str] = Counter()
    failures: list[str] = []

    def request_for(operation: tuple[str, dict]) -> st.SearchStrategy[tuple[str, dict]]:
        path, spec = operation
        parameters = [p for p in spec.get("parameters", []) if p["in"] == "query"]
        query = st.fixed_dictionaries(
            {}, optional={p["name"]: value_for(p.get("schema", {}), every_id) for p in parameters}
        )
        if "{id}" not in path:
            return st.tuples(st.just(path), query)
        ids = st.sampled_from(known[path.split("/")[1]]) | st.uuids().map(str) | TEXT.filter(bool)
        return st.tuples(ids.map(lambda key: path.replace("{id}", quote(key, safe=""))), query)

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(operations).flatmap(request_for))
    def probe(request):
        path, query = request
        response = client.get(FEED.rstrip("/") + path, query)
        sent[str(response.status_code)] += 1
        problem = _check(path, query, response)
        if problem:
            failures.append(problem)
        assert problem is None, problem

    try:
        probe()
    finally:
        figures = f"requests sent: {sum(sent.values())} ({dict(sorted(sent.items()))}); failures: {len(failures)}"
        print(f"\nOpen Referral property run: {figures}")
        record_property("openreferral_property_run", figures)
    assert sent["200"] and sent["400"] and sent["404"], sent
