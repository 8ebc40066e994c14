"""One cost formula: the directory's cost sort, cost-band facet and counts agree with the figures pages show.

The directory sorts and filters by a cost the database works out; pages show the one
``domain.costing.calculate`` works out. These tests read both through real requests for every demo
intervention, plus a few that sit exactly on half pennies and on a band's ceiling, where a formula
that rounds differently would put an intervention in another band or another place in the list.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.costing import Costing, format_money
from send_toolkit.interventions.costs import cost_of, rates_for_site
from send_toolkit.interventions.models import CostBand, Intervention, KeyStage, NeedArea, StaffRole
from send_toolkit.pages.models import InterventionDirectoryPage

RESULT = re.compile(
    r'<li class="intervention-result">.*?class="intervention-result__name"><a href="[^"]+">([^<]+)</a>'
    r".*?<dt>Cost per pupil</dt><dd>(£[\d,.]+) a year(?: \(([^)]+)\))?</dd>",
    re.DOTALL,
)
DETAIL_COST = re.compile(r'<th scope="row">Cost per pupil</th><td class="numeric">(£[\d,.]+)(?: \(([^)]+)\))?</td>')

# (name, staff hourly rate or None, session minutes, sessions a week, weeks, adults, group size, resources):
# each one's exact cost per pupil is a half penny from £250.00, or £250.00 itself (the cheapest band's ceiling).
EDGE_CASES = [
    # 10 weeks × 1.5 × 42 minutes at £23.81 an hour = £250.005 → £250.01, over the £250.00 ceiling.
    ("Edge case: half a penny over £250 in staff time", "23.81", 42, "1.5", 10, 1, 1, "0"),
    # The same time at 21 minutes with two adults: £250.005 again.
    ("Edge case: two adults, half a penny over £250", "23.81", 21, "1.5", 10, 2, 1, "0"),
    # £500.01 shared by 2 pupils = £250.005 → £250.01.
    ("Edge case: half a penny over £250 between two pupils", None, 30, "1", None, 1, 2, "500.01"),
    # £499.99 shared by 2 pupils = £249.995 → £250.00, on the ceiling and so in the band.
    ("Edge case: half a penny under £250 between two pupils", None, 30, "1", None, 1, 2, "499.99"),
    ("Edge case: on the £250 ceiling", None, 30, "1", None, 1, 1, "250.00"),
]


@pytest.fixture
def directory(db) -> InterventionDirectoryPage:
    return InterventionDirectoryPage.objects.get()


@pytest.fixture
def edge_cases(db) -> list[Intervention]:
    role = StaffRole.objects.create(name="Edge case assistant", hourly_rate=Decimal("23.81"))
    made = []
    for name, rate, minutes, sessions, weeks, adults, group, resources in EDGE_CASES:
        intervention = Intervention(
            name=name,
            summary="Costs on a half penny or a band's ceiling.",
            tier="getting_help",
            staff_role=role if rate else None,
            session_minutes=minutes,
            sessions_per_week=Decimal(sessions),
            weeks=weeks,
            staff_count=adults,
            group_size=group,
            resource_cost=Decimal(resources),
        )
        intervention.need_areas.set(NeedArea.objects.filter(value="cognition_learning"))
        intervention.key_stages.set(KeyStage.objects.filter(value="ks2"))
        intervention.save()
        made.append(intervention)
    return made


@pytest.fixture
def practitioner(client, django_user_model):
    """A practitioner sees every intervention, practitioner-only ones too."""
    user = django_user_model.objects.create_user(username="cost-agreement-practitioner")
    user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    return client


def expected_costings() -> dict[str, Costing]:
    rates = rates_for_site()
    return {item.name: cost_of(item, rates) for item in Intervention.objects.select_related("staff_role")}


def listed(html: str) -> list[tuple[str, str, str | None]]:
    """(name, cost per pupil, band) for each intervention in a directory page, in the order shown."""
    return [(unescape(name), cost, band) for name, cost, band in RESULT.findall(html)]


def facet_count(html: str, band: CostBand) -> int:
    """The count the cost band facet shows beside ``band``."""
    option = re.search(
        rf'name="cost_band" value="{band.pk}"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">\((\d+)', html
    )
    assert option, f"no cost band option {band.label}"
    return int(option.group(1))


def test_the_edge_cases_cost_what_their_comments_say(edge_cases):
    costings = expected_costings()
    assert [costings[name].cost_per_pupil for name, *_rest in EDGE_CASES] == [
        Decimal("250.01"),
        Decimal("250.01"),
        Decimal("250.01"),
        Decimal("250.00"),
        Decimal("250.00"),
    ]
    assert [costings[name].cost_band for name, *_rest in EDGE_CASES] == ["££", "££", "££", "£", "£"]


@override_settings(SEND_TOOLKIT_DIRECTORY_PAGE_SIZE=500)
@pytest.mark.parametrize("sort", ["cost", "-cost"])
def test_sorting_by_cost_lists_every_intervention_in_the_order_of_the_costs_it_shows(
    practitioner, directory, edge_cases, sort
):
    costings = expected_costings()
    rows = listed(practitioner.get(directory.url, {"sort": sort}).text)
    assert sorted(name for name, _cost, _band in rows) == sorted(costings)
    for name, cost, band in rows:
        assert (cost, band) == (format_money(costings[name].cost_per_pupil), costings[name].cost_band), name
    in_order = [costings[name].cost_per_pupil for name, _cost, _band in rows]
    assert in_order == sorted(in_order, reverse=sort.startswith("-"))


def test_each_interventions_page_shows_the_cost_and_band_the_directory_files_it_under(
    practitioner, directory, edge_cases
):
    costings = expected_costings()
    for item in Intervention.objects.all():
        html = practitioner.get(f"{directory.url}{item.slug}/").text
        shown = DETAIL_COST.search(html)
        assert shown, item.name
        expected = costings[item.name]
        assert shown.groups() == (format_money(expected.cost_per_pupil), expected.cost_band), item.name


@override_settings(SEND_TOOLKIT_DIRECTORY_PAGE_SIZE=500)
def test_each_cost_band_option_lists_and_counts_exactly_the_interventions_shown_in_that_band(
    practitioner, directory, edge_cases
):
    costings = expected_costings()
    everything = practitioner.get(directory.url).text
    for band in CostBand.objects.all():
        expected = sorted(name for name, costing in costings.items() if costing.cost_band == band.label)
        html = practitioner.get(directory.url, {"cost_band": band.pk}).text
        assert sorted(name for name, _cost, _band in listed(html)) == expected, band.label
        assert facet_count(everything, band) == len(expected), band.label
    assert {costing.cost_band for costing in costings.values()} == {band.label for band in CostBand.objects.all()}
