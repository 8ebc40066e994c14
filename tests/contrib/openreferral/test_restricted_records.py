"""The feed shows public interventions only, to everyone, whatever the request carries (DESIGN.md section 4).

A practitioner-only intervention with canary words in its name, summary, provider and a sub-need only it carries
never appears: not to an anonymous consumer, not to an approved practitioner's session (who does see it on the
directory), not to a superuser, nor with headers or parameters asking for more. Its service id answers 404.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from send_toolkit.contrib.openreferral import identifiers
from send_toolkit.contrib.openreferral.models import feed_namespace
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, SubNeed
from send_toolkit.pages.models import InterventionDirectoryPage
from tests.contrib.openreferral.feed_client import FEED, everything, get_json

pytestmark = pytest.mark.django_db

CANARIES = ("Wrenfeather", "Nettlecombe", "Juniperdusk", "Quillhaven")
LISTINGS = (
    "services",
    "services?full=true",
    "services?search=Wrenfeather",
    "taxonomies",
    "taxonomy_terms",
    "organizations?full=true&full_service=true",
)
# Whatever a caller sends, the feed answers the same (none of these is something the feed reads).
ASKING_FOR_MORE = "&audience=practitioners&restricted=1&preview=true&include_practitioner_only=true"
HEADERS = {"HTTP_X_FORWARDED_USER": "senco", "HTTP_AUTHORIZATION": "Bearer anything", "HTTP_X_ROLE": "practitioner"}


@pytest.fixture
def hidden(db) -> Intervention:
    sub_need = SubNeed.objects.create(name="Juniperdusk needs", need_area="semh")
    intervention = Intervention(
        name="Wrenfeather practitioner group",
        slug="nettlecombe-practitioner-group",
        summary="Quillhaven: for practitioners only.",
        tier="getting_help",
        provider="Quillhaven Therapies",
        audience=Audience.PRACTITIONERS,
    )
    intervention.save()
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks2")])
    intervention.sub_needs.set([sub_need])
    intervention.save()  # a ClusterableModel stores its links when saved
    assert intervention.sub_needs.get() == sub_need
    return intervention


def _clients(client):
    practitioner = Client()
    practitioner.force_login(get_user_model().objects.get(username="senco"))
    superuser = Client()
    superuser.force_login(get_user_model().objects.create_superuser("feedroot", "root@example.invalid", "x"))
    return {"anonymous": client, "approved practitioner": practitioner, "superuser": superuser}


def _ids(hidden) -> dict[str, str]:
    namespace = feed_namespace()
    return {
        "service": str(identifiers.service_id(namespace, hidden.pk)),
        "provider": str(identifiers.provider_id(namespace, hidden.provider)),
        "sub-need": str(identifiers.sub_need_term_id(namespace, hidden.sub_needs.get().pk)),
    }


def _leaks(text: str) -> list[str]:
    return [canary for canary in CANARIES if canary.lower() in text.lower()]


def test_the_practitioner_really_sees_the_hidden_intervention_on_the_directory(client, hidden):
    directory = InterventionDirectoryPage.objects.get().url
    practitioner = _clients(client)["approved practitioner"]
    assert "Wrenfeather" in practitioner.get(directory + "nettlecombe-practitioner-group/").content.decode()
    assert client.get(directory + "nettlecombe-practitioner-group/").status_code == 404


@pytest.mark.parametrize("listing", LISTINGS)
def test_no_listing_shows_a_practitioner_only_intervention_to_anyone(client, hidden, listing):
    anonymous = None
    for role, caller in _clients(client).items():
        for query in ("", ASKING_FOR_MORE):
            path = listing + ("&" if "?" in listing else "?") + query.lstrip("&") if query else listing
            records = everything(caller, path, **HEADERS) if query else everything(caller, path)
            text = json.dumps(records)
            assert not _leaks(text), f"{_leaks(text)} leaked to {role} in {path}"
            anonymous = text if anonymous is None else anonymous
            assert text == anonymous, f"{role} was shown something else in {path}"


def test_its_records_answer_404_to_everyone(client, hidden):
    ids = _ids(hidden)
    for role, caller in _clients(client).items():
        for path in (
            f"services/{ids['service']}",
            f"organizations/{ids['provider']}",
            f"taxonomy_terms/{ids['sub-need']}",
        ):
            response = caller.get(FEED + path + "?audience=practitioners", **HEADERS)
            assert response.status_code == 404, (role, path)
            assert not _leaks(response.content.decode()), (role, path)


def test_filters_on_its_sub_need_or_provider_find_nothing(client, hidden):
    ids = _ids(hidden)
    for query in (f"taxonomy_term_id={ids['sub-need']}", f"organization_id={ids['provider']}"):
        body = get_json(client, f"services?{query}")
        assert body["total_items"] == 0 and body["empty"], query


def test_opening_it_to_everyone_puts_it_in_the_feed_with_the_same_id(client, hidden):
    ids = _ids(hidden)
    hidden.audience = Audience.PUBLIC
    hidden.save()
    service = get_json(client, f"services/{ids['service']}")
    assert service["name"] == "Wrenfeather practitioner group"
    assert service["organization_id"] == ids["provider"]
    assert ids["sub-need"] in {attribute["taxonomy_term_id"] for attribute in service["attributes"]}


def test_a_practitioner_gets_the_same_feed_and_it_is_never_shared_from_a_cache(client, hidden):
    """The site keeps a signed-in session's responses private (CacheHeadersMiddleware); the feed is the same."""
    practitioner = _clients(client)["approved practitioner"]
    theirs, anonymous = practitioner.get(FEED + "services"), client.get(FEED + "services")
    assert theirs.content == anonymous.content
    assert "private" in theirs["Cache-Control"] and "public" not in theirs["Cache-Control"]
    assert "public" in anonymous["Cache-Control"]
    assert not anonymous.cookies and "Cookie" not in anonymous.get("Vary", "")
