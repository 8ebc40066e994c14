"""Pages that show interventions make the same number of SQL queries however many interventions there are."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, StaffRole, SubNeed
from send_toolkit.pages.models import InterventionDirectoryPage, KeyStagePage, NeedAreaPage, RiskSupportPage, TierPage

N = 4
MAX_ANONYMOUS_QUERIES = 15  # issue 3's ceiling for an anonymous page


def add_interventions(count: int, start: int = 0) -> None:
    """``count`` more interventions for SEMH / Key Stage 3, every one shown on the Getting Help tier page.

    Their names sort first, so they change the rows on the first page of the unfiltered directory too.
    """
    role = StaffRole.objects.get(name="Teaching assistant")
    area = NeedArea.objects.get(value="semh")
    stage = KeyStage.objects.get(value="ks3")
    sub_need = SubNeed.objects.filter(need_area="semh").first()
    tier = semh_ks3_tier()
    for number in range(start, start + count):
        intervention = Intervention(
            name=f"A query test intervention {number:03d}",
            summary="Counting queries.",
            tier="getting_help",
            staff_role=role,
            group_size=4,
            resource_cost=Decimal("10.00"),
            audience=Audience.PRACTITIONERS if number % 2 else Audience.PUBLIC,
        )
        intervention.need_areas.set([area])
        intervention.key_stages.set([stage])
        intervention.sub_needs.set([sub_need])
        intervention.save()
        tier.body.append(("intervention", {"intervention": intervention, "local_note": ""}))
    tier.save_revision().publish()


def semh_ks3_tier() -> TierPage:
    area = NeedAreaPage.objects.get(need_area="semh")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks3")
    return TierPage.objects.child_of(stage).get(tier="getting_help")


def urls() -> dict[str, str]:
    tier = semh_ks3_tier()
    directory = InterventionDirectoryPage.objects.get()
    return {
        "key stage page": tier.get_parent().url,
        "key stage page sorted by cost": tier.get_parent().url + "?sort=-cost",
        "tier page": tier.url,
        "directory": directory.url,
        "directory filtered": directory.url + "?need_area=semh&key_stage=ks3&tier=getting_help&sort=cost",
        "directory searched": directory.url + "?q=query+test",
        "export": directory.url + "export/?need_area=semh",
        "intervention detail": directory.url + "a-query-test-intervention-000/",
    }


def query_counts(client, listed: dict[str, int] | None = None) -> dict[str, int]:
    """SQL queries per page; ``listed`` is filled with how many test interventions each page shows."""
    counts = {}
    for name, url in urls().items():
        client.get(url)  # warm per-process caches (site root paths) so only the page's own queries count
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(queries)
        if listed is not None:
            listed[name] = response.content.decode().count("A query test intervention")
    return counts


@pytest.fixture
def practitioner(client, db):
    user = get_user_model().objects.create_user(username="query-counter")
    user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "practitioner"])
def test_queries_do_not_grow_with_the_number_of_interventions(client, db, who, request):
    if who == "practitioner":
        client = request.getfixturevalue("practitioner")
    add_interventions(N)
    shown_few, shown_many = {}, {}
    few = query_counts(client, shown_few)
    add_interventions(2 * N, start=N)
    many = query_counts(client, shown_many)
    assert many == few
    # More rows really were drawn, so a query per row (an N+1) would have shown up.
    for page in ("key stage page", "tier page", "directory", "directory filtered", "directory searched", "export"):
        assert shown_many[page] > shown_few[page] > 0, (page, shown_few[page], shown_many[page])


ANONYMOUS_PAGES_WITH_A_CEILING = (
    "key stage page",
    "tier page",
    "directory",
    "directory filtered",
    "directory searched",
    "key stage page sorted by cost",
    "intervention detail",
)


def test_anonymous_pages_stay_within_the_query_ceiling(client, db):
    add_interventions(N)
    counts = query_counts(client)
    over = {page: counts[page] for page in ANONYMOUS_PAGES_WITH_A_CEILING if counts[page] > MAX_ANONYMOUS_QUERIES}
    assert not over, f"more than {MAX_ANONYMOUS_QUERIES} SQL queries: {over}"


def test_intervention_features_add_a_small_fixed_number_of_queries_to_a_page(client, db):
    """Measured against the Getting Risk Support page: the same page furniture, no interventions.

    Wagtail adds one query per level of the page tree, so deeper pages get one more per level.
    """
    add_interventions(N)
    counts = query_counts(client)
    risk = RiskSupportPage.objects.get()
    client.get(risk.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(risk.url)
    baseline = len(queries)
    # directory: bands, sub-needs, settings, facet counts (2), list, 2 prefetches
    assert counts["directory"] - baseline <= 9, (counts, baseline)
    # key stage: its tiers, need area, directory link, settings, bands, interventions, one more tree level
    assert counts["key stage page"] - baseline <= 9, (counts, baseline)
    # tier: chosen snippets, directory link, settings, bands, staff rates, two more tree levels
    assert counts["tier page"] - baseline <= 9, (counts, baseline)
