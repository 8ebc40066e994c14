"""What the feed says about the toolkit: stable ids, the taxonomies, filters, costs, ages and change times."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from send_toolkit.contrib.openreferral import identifiers
from send_toolkit.contrib.openreferral.models import FeedNamespace, ServiceModification, feed_namespace
from send_toolkit.contrib.openreferral.taxonomies import KEY_STAGE_AGES, age_range
from send_toolkit.domain import vocabulary
from send_toolkit.interventions.costs import cost_of, rates_for_site
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, StaffRole, SubNeed
from tests.contrib.openreferral.feed_client import everything, get_json

pytestmark = pytest.mark.django_db


def _service(client, intervention: Intervention) -> dict:
    return get_json(client, f"services/{identifiers.service_id(feed_namespace(), intervention.pk)}")


@pytest.fixture
def worked_example(db) -> Intervention:
    """DESIGN.md section 6: a TA at £15.00/hour, groups of 4, 3 × 30 minutes a week for 38 weeks."""
    intervention = Intervention.objects.create(
        name="Worked example group",
        summary="The design's worked figures.",
        tier="getting_help",
        group_size=4,
        session_minutes=30,
        sessions_per_week=Decimal("3"),
        weeks=38,
        staff_role=StaffRole.objects.create(name="Worked example TA", hourly_rate=Decimal("15.00")),
    )
    intervention.need_areas.set([NeedArea.objects.get(value="cognition_learning")])
    intervention.key_stages.set(KeyStage.objects.filter(value__in=["ks1", "ks2"]))
    intervention.save()  # a ClusterableModel stores its links when saved
    return intervention


def test_a_service_keeps_its_id_when_the_intervention_is_renamed(client, worked_example):
    before = _service(client, worked_example)
    worked_example.name = "Renamed example group"
    worked_example.slug = "renamed-example-group"
    worked_example.save()
    after = _service(client, worked_example)
    assert after["id"] == before["id"] and after["name"] == "Renamed example group"
    assert after["url"].endswith("/renamed-example-group/")


def test_every_id_is_a_uuid_and_services_are_unique(client):
    services = everything(client, "services")
    assert len({service["id"] for service in services}) == len(services)
    for service in services:
        assert uuid.UUID(service["id"]) and uuid.UUID(service["organization_id"])


def test_another_installation_has_other_service_ids_but_the_same_shared_terms(client, worked_example):
    ours = _service(client, worked_example)
    FeedNamespace.objects.all().delete()
    FeedNamespace.objects.create(namespace=uuid.uuid4())
    new_id = identifiers.service_id(feed_namespace(), worked_example.pk)
    assert str(new_id) != ours["id"]
    get_json(client, f"services/{ours['id']}", status=404)
    moved = get_json(client, f"services/{new_id}")
    shared = {a["taxonomy_term_id"] for a in ours["attributes"]}
    assert shared == {a["taxonomy_term_id"] for a in moved["attributes"]}


def test_cost_options_are_the_toolkits_own_costing_of_the_worked_example(client, site, worked_example):
    options = {option["id"]: option for option in _service(client, worked_example)["cost_options"]}
    costing = cost_of(Intervention.objects.select_related("staff_role").get(pk=worked_example.pk), rates_for_site(site))
    amounts = sorted(option["amount"] for option in options.values())
    assert amounts == [213.75, 855.00] == sorted([float(costing.cost_per_pupil), float(costing.total_cost)])
    per_pupil = next(option for option in options.values() if option["amount"] == 213.75)
    assert "free to families" in per_pupil["option"]
    assert "£15.00 an hour" in per_pupil["amount_description"]


def test_a_one_to_one_intervention_has_one_cost_option_and_one_without_a_role_says_so(client, worked_example):
    worked_example.group_size = 1
    worked_example.staff_role = None
    worked_example.save()
    (option,) = _service(client, worked_example)["cost_options"]
    assert option["amount"] == 0.0
    assert "not costed" in option["amount_description"]


def test_ages_come_from_the_key_stages(client, worked_example):
    service = _service(client, worked_example)
    assert (service["minimum_age"], service["maximum_age"]) == (5, 11)


def test_the_ages_of_each_key_stage_are_those_its_description_gives():
    for term in vocabulary.KEY_STAGES:
        low, high = KEY_STAGE_AGES[term.value]
        assert re.search(rf"\bages? {low} to {high}\b", term.description, re.IGNORECASE), term
    assert age_range([]) is None


def test_attributes_name_each_term_the_intervention_carries(client, worked_example):
    sub_need = SubNeed.objects.create(name="Worked example need", need_area="cognition_learning")
    worked_example.sub_needs.set([sub_need])
    worked_example.save()
    terms = {
        a["taxonomy_term"]["name"]: a["taxonomy_term"]["taxonomy"]
        for a in _service(client, worked_example)["attributes"]
    }
    assert terms == {
        "Cognition and Learning": "Broad areas of need",
        "Worked example need": "Specific needs",
        "Key Stage 1": "Phases and key stages",
        "Key Stage 2": "Phases and key stages",
        "Getting Help": "THRIVE tiers",
        "Small group": "Delivery",
    }


def test_filtering_by_a_term_or_taxonomy_finds_exactly_the_services_carrying_it(client):
    ks4 = identifiers.vocabulary_term_id("key-stages", "ks4")
    found = {service["name"] for service in everything(client, f"services?taxonomy_term_id={ks4}")}
    expected = set(
        Intervention.objects.filter(audience=Audience.PUBLIC, key_stages__value="ks4").values_list("name", flat=True)
    )
    assert found == expected and found
    with_sub_needs = {
        s["name"] for s in everything(client, f"services?taxonomy_id={identifiers.taxonomy_id('sub-needs')}")
    }
    expected = Intervention.objects.filter(audience=Audience.PUBLIC, sub_needs__isnull=False).values_list(
        "name", flat=True
    )
    assert with_sub_needs == set(expected) and with_sub_needs
    unknown = get_json(client, f"services?taxonomy_term_id={uuid.uuid4()}")
    assert unknown["total_items"] == 0


def test_each_provider_is_an_organization_with_its_services_and_the_council_has_the_rest(client):
    organizations = everything(client, "organizations")
    council, *providers = organizations
    assert council["name"] == "Northmoor Council"
    public = Intervention.objects.filter(audience=Audience.PUBLIC)
    assert {p["name"] for p in providers} == set(public.exclude(provider="").values_list("provider", flat=True))
    total = 0
    for organization in organizations:
        services = everything(client, f"services?organization_id={organization['id']}")
        assert {s["organization_id"] for s in services} == {organization["id"]}
        detail = get_json(client, f"organizations/{organization['id']}")
        assert [s["id"] for s in detail["services"]] == [s["id"] for s in services]
        total += len(services)
    assert total == public.count()


def test_search_finds_services_by_their_words(client):
    found = everything(client, "services?search=emotion+coaching")
    assert [service["name"] for service in found] == ["Calm corner and emotion coaching"]
    terms = everything(client, "taxonomy_terms?search=key+stage")
    assert {term["name"] for term in terms} == {f"Key Stage {n}" for n in range(1, 5)}


def test_last_modified_moves_when_the_intervention_or_its_rate_changes(client, worked_example):
    first = _service(client, worked_example)["last_modified"]
    ServiceModification.objects.filter(intervention=worked_example).update(
        last_modified=timezone.now() - timedelta(days=1)
    )
    stale = _service(client, worked_example)["last_modified"]
    role = worked_example.staff_role
    role.hourly_rate = Decimal("16.00")
    role.save()
    moved = _service(client, worked_example)["last_modified"]
    assert stale < first <= moved and moved.endswith("Z") and re.search(r"\.\d{3}Z$", moved)


def test_modified_after_lists_what_changed_since_and_what_has_no_known_time(client, worked_example):
    since = timezone.now() - timedelta(seconds=1)
    ServiceModification.objects.exclude(intervention=worked_example).update(last_modified=since - timedelta(days=2))
    changed = everything(client, f"services?modified_after={since.isoformat().replace('+00:00', 'Z')}")
    assert [service["name"] for service in changed] == ["Worked example group"]
    ServiceModification.objects.filter(intervention__name="Calm corner and emotion coaching").delete()
    changed = everything(client, f"services?modified_after={since.isoformat().replace('+00:00', 'Z')}")
    assert {service["name"] for service in changed} == {"Worked example group", "Calm corner and emotion coaching"}
    calm = next(service for service in changed if service["name"].startswith("Calm"))
    assert "last_modified" not in calm  # no known time: left out, not null


def test_the_service_links_to_its_public_page(client, worked_example):
    service = _service(client, worked_example)
    assert client.get(service["url"].removeprefix("http://localhost")).status_code == 200
