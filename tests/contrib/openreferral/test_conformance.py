"""Every endpoint, every page of the demo toolkit's feed and every record in it, checked against the official
HSDS-UK 3.0 schemas (tests/contrib/openreferral/hsds.py says where they are read from)."""

from __future__ import annotations

import json

import pytest
from jsonschema.exceptions import ValidationError

from tests.contrib.openreferral import hsds
from tests.contrib.openreferral.feed_client import everything, get_json, pages

pytestmark = pytest.mark.django_db

# Each listing, the official schema of the whole page (None where the standard gives none) and of one entry.
LISTINGS = {
    "services": ("service_list.json", lambda: hsds.item_schema("service_list.json")),
    "services?full=true": ("service_list.json", lambda: hsds.schema("service.json")),
    "taxonomies": ("taxonomy_list.json", lambda: hsds.item_schema("taxonomy_list.json")),
    "taxonomy_terms": ("taxonomy_term_list.json", lambda: hsds.item_schema("taxonomy_term_list.json")),
    "organizations": (None, lambda: hsds.schema("organization_list.json")),
    "organizations?full=true": (None, lambda: hsds.schema("organization.json")),
    "organizations?full=true&full_service=true": (None, lambda: hsds.schema("organization.json")),
}
DETAILS = {
    "services": "service.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
    "organizations": "organization.json",
}


@pytest.fixture(autouse=True)
def schemas():
    hsds.require_schemas()


def test_the_root_names_the_uk_profile_and_the_feeds_openapi_document(client):
    details = get_json(client, "")
    hsds.assert_valid(details, hsds.schema("api_details.json"), "GET /")
    assert details["version"] == "HSDS-UK-3.0"
    document = client.get(details["openapi_url"].removeprefix("http://testserver"))
    assert document.status_code == 200 and document.json()["info"]["version"] == "HSDS-UK-3.0"


@pytest.mark.parametrize("listing", LISTINGS)
def test_every_page_of_each_listing_of_the_demo_feed_is_valid(client, listing):
    page_schema, entry = LISTINGS[listing]
    seen = 0
    for path, body in pages(client, listing):
        hsds.assert_page(body, path)
        if page_schema:
            hsds.assert_valid(body, hsds.schema(page_schema), path)
        if body["empty"]:
            hsds.assert_valid(body, hsds.schema("empy_list_response.json"), path)
        for item in body["contents"]:
            hsds.assert_valid(item, entry(), f"{path} {item.get('name')}")
        assert not hsds.empty_fields(body), (path, hsds.empty_fields(body))
        seen += body["size"]
    assert seen == body["total_items"] > 0, listing


@pytest.mark.parametrize("kind", DETAILS)
def test_every_record_of_the_demo_feed_is_valid_in_full(client, kind):
    records = everything(client, kind)
    assert len({record["id"] for record in records}) == len(records) > 0
    for record in records:
        path = f"{kind}/{record['id']}"
        full = get_json(client, path)
        hsds.assert_valid(full, hsds.schema(DETAILS[kind]), path)
        assert not hsds.empty_fields(full), (path, hsds.empty_fields(full))
        assert full["id"] == record["id"] and full["name"] == record["name"]


def test_the_schemas_check_formats_so_these_tests_can_fail():
    term = {"id": "not-a-uuid", "name": "A term", "description": "A description."}
    assert hsds.problems(term, hsds.schema("taxonomy_term.json"))
    organization = {"id": "1baf4897-0beb-56ba-8556-d61470737617", "name": "A", "description": "B", "website": "no uri"}
    assert hsds.problems(organization, hsds.schema("organization.json"))
    service = {"id": "1baf4897-0beb-56ba-8556-d61470737617", "name": "A", "status": "active", "last_modified": "soon"}
    assert hsds.problems(service, hsds.schema("service.json"))
    with pytest.raises(ValidationError):
        hsds.Draft202012Validator(hsds.schema("service.json"), format_checker=hsds.FORMATS).validate(
            {**service, "last_modified": "2023-03-15T10:30:45.123Z", "email": "nobody"}
        )


def _operations(document: dict) -> dict[str, dict]:
    return {
        path.removeprefix("/openreferral").rstrip("/") or "/": operation["get"]
        for path, operation in document["paths"].items()
    }


def test_our_openapi_document_offers_the_standards_endpoints_and_their_parameters(client):
    ours = _operations(get_json(client, "openapi.json"))
    official = json.loads((hsds.require_schemas() / "open_api.json").read_text())
    parameters = official["components"]["parameters"]
    not_offered = {"/service_at_locations", "/service_at_locations/{id}"}  # the toolkit has no locations
    # Parameters of the standard the feed does not offer: the others formats, the minimal listing and places.
    unsupported = {"minimal", "postcode", "proximity"}
    for path, methods in official["paths"].items():
        if path in not_offered:
            continue
        assert path in ours, f"{path} is missing"
        wanted = set()
        for parameter in methods["get"].get("parameters", []):
            name = (
                parameters[parameter["$ref"].rsplit("/", 1)[-1]]["name"] if "$ref" in parameter else parameter["name"]
            )
            wanted.add(name)
        offered = {parameter["name"] for parameter in ours[path].get("parameters", [])}
        assert wanted - unsupported <= offered, (path, sorted(wanted - unsupported - offered))
