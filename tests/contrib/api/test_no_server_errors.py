"""No query string gives the toolkit's API a 500: Hypothesis drives every parameter of both endpoints.

The same generator as ``tests/operations/test_no_server_errors.py`` (any text, raw bytes, huge numbers and
the values each parameter expects), here with the interventions endpoint's facets and the fields the
toolkit's page types add (``?type=send_toolkit.TierPage&last_reviewed=...``), for a visitor and for an
approved practitioner. Every answer is JSON; a refusal is a 400 or 404 whose ``message`` says why.
"""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from send_toolkit.interventions.facets import FACET_NAMES
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.models import TierPage
from tests.operations.test_no_server_errors import FUZZ, _practitioner_client, query_strings

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

COMMON = ["search", "offset", "limit", "order", "rich_text_format", "format", "_"]
INTERVENTION_NAMES = [*COMMON, *FACET_NAMES, "id", "slug", "search_operator"]
TIER_PAGE_NAMES = [*COMMON, "fields", "tier", "last_reviewed", "next_review_due", "introduction", "body", "id", "slug"]


def _urls() -> dict[str, tuple[str, list[str]]]:
    intervention = Intervention.objects.order_by("pk").first()
    tier = TierPage.objects.live().order_by("pk").first()
    return {
        "interventions listing": ("/api/v2/interventions/", INTERVENTION_NAMES),
        "interventions find": ("/api/v2/interventions/find/", INTERVENTION_NAMES),
        "intervention detail": (f"/api/v2/interventions/{intervention.pk}/", INTERVENTION_NAMES),
        "tier pages listing": ("/api/v2/pages/?type=send_toolkit.TierPage&", TIER_PAGE_NAMES),
        "tier page detail": (f"/api/v2/pages/{tier.pk}/", TIER_PAGE_NAMES),
    }


@pytest.mark.parametrize(
    "endpoint",
    ["interventions listing", "interventions find", "intervention detail", "tier pages listing", "tier page detail"],
)
@pytest.mark.parametrize("viewer", ["anonymous", "practitioner"])
@FUZZ
@given(data=st.data())
def test_no_query_string_gives_the_api_a_server_error(endpoint, viewer, data):
    url, names = _urls()[endpoint]
    client = _practitioner_client() if viewer == "practitioner" else Client()
    query = data.draw(query_strings(names), label="query")
    separator = "" if url.endswith("&") else "?"

    response = client.get(f"{url}{separator}{query}")

    assert response.status_code in (200, 302, 400, 404), (url, query, response.status_code)
    if response.status_code in (400, 404):
        assert response.json()["message"], (url, query)
