"""The provision map's arithmetic against the worked figures (DESIGN.md section 6, issue 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_toolkit.domain.provision_map import (
    DEFAULT_FIELDS,
    MapAccess,
    RowError,
    RowPlan,
    SchoolYear,
    SchoolYearError,
    differences,
    library_check,
    map_access,
    map_totals,
    one_to_one_plan,
    pupil_provision,
    row_figures,
    setting_key,
)

TA = Decimal("15.00")


def worked_row(**changes) -> RowPlan:
    """DESIGN.md section 6: a TA at £15.00/hour, a group of 4, 3 × 30 minutes a week for 38 weeks."""
    values = {
        "groups": 1,
        "pupils_per_group": 4,
        "sessions_per_week": Decimal("3"),
        "session_minutes": 30,
        "weeks": 38,
        "hourly_rate": TA,
        "need_area": "cognition_learning",
        "tier": "getting_help",
    }
    values.update(changes)
    return RowPlan(**values)


def test_the_worked_example_costs_855_a_year_and_213_75_a_pupil():
    figures = row_figures(worked_row())
    assert figures.annual_staff_cost == Decimal("855.00")
    assert figures.total_cost == Decimal("855.00")
    assert figures.cost_per_pupil == Decimal("213.75")
    assert figures.pupils_reached == 4
    assert figures.staff_hours == Decimal("57.00")  # 38 × 3 × 30 minutes
    assert figures.contact_hours_per_pupil == Decimal("57.00")


def test_two_groups_cost_twice_as_much_and_each_place_the_same():
    figures = row_figures(worked_row(groups=2))
    assert figures.annual_staff_cost == Decimal("1710.00")
    assert figures.cost_per_pupil == Decimal("213.75")
    assert figures.pupils_reached == 8
    assert figures.staff_hours == Decimal("114.00")
    assert figures.contact_hours_per_pupil == Decimal("57.00")


def test_resources_and_training_are_added_once_and_shared_by_every_pupil():
    figures = row_figures(worked_row(groups=2, resource_cost=Decimal("120.00"), training_cost=Decimal("80.00")))
    assert figures.resources_and_training == Decimal("200.00")
    assert figures.total_cost == Decimal("1910.00")
    assert figures.cost_per_pupil == Decimal("238.75")  # 1910 ÷ 8


def test_a_second_adult_doubles_the_staff_cost_and_hours():
    figures = row_figures(worked_row(adults=2))
    assert figures.annual_staff_cost == Decimal("1710.00")
    assert figures.staff_hours == Decimal("114.00")
    assert figures.contact_hours_per_pupil == Decimal("57.00")


def test_a_row_with_no_rate_costs_only_its_resources():
    figures = row_figures(worked_row(hourly_rate=None, resource_cost=Decimal("40.00")))
    assert figures.annual_staff_cost == Decimal("0.00")
    assert figures.total_cost == Decimal("40.00")
    assert not figures.staff_rate_known


def test_money_is_rounded_to_the_penny_once_per_row():
    # £15.01 an hour × 1 minute × 0.1 session × 1 week = 0.025016… pence per minute: 0.25p rounds to 0p for one
    # minute, but the row's year is rounded once: 38 weeks × 7 minutes × 1.3 sessions × £15.01 ÷ 60 = £86.51.
    figures = row_figures(
        worked_row(
            pupils_per_group=3, sessions_per_week=Decimal("1.3"), session_minutes=7, hourly_rate=Decimal("15.01")
        )
    )
    assert figures.annual_staff_cost == Decimal("86.51")
    assert figures.cost_per_pupil == Decimal("28.84")  # 86.51 ÷ 3 = 28.836…


@pytest.mark.parametrize(
    ("change", "field_name"),
    [
        ({"pupils_per_group": 0}, "pupils_per_group"),
        ({"groups": 0}, "groups"),
        ({"groups": -2}, "groups"),
        ({"session_minutes": 0}, "session_minutes"),
        ({"session_minutes": 10_000}, "session_minutes"),
        ({"sessions_per_week": Decimal("-1")}, "sessions_per_week"),
        ({"weeks": 53}, "weeks"),
        ({"hourly_rate": Decimal("-15")}, "hourly_rate"),
        ({"resource_cost": Decimal("-0.01")}, "resource_cost"),
        ({"adults": 0}, "adults"),
    ],
)
def test_impossible_rows_are_refused_with_the_field_and_a_plain_message(change, field_name):
    with pytest.raises(RowError) as refused:
        row_figures(worked_row(**change))
    assert refused.value.field == field_name
    assert refused.value.message.startswith(("Enter", "A ", "Each"))


def test_a_map_of_several_rows_totals_the_sum_of_its_rows_to_the_penny():
    plans = [
        worked_row(),
        worked_row(
            groups=3, pupils_per_group=6, session_minutes=20, sessions_per_week=Decimal("2"), tier="getting_advice"
        ),
        worked_row(
            pupils_per_group=1,
            session_minutes=45,
            sessions_per_week=Decimal("1.5"),
            hourly_rate=Decimal("42.37"),
            need_area="semh",
            tier="getting_more_help",
            training_cost=Decimal("249.99"),
        ),
        worked_row(hourly_rate=Decimal("17.33"), session_minutes=25, need_area="semh", resource_cost=Decimal("35.50")),
    ]
    rows = [(plan, row_figures(plan)) for plan in plans]
    totals = map_totals(rows, notional_sen_budget=Decimal("60000.00"), need_area_order=["communication_interaction"])
    assert totals.overall.total_cost == sum(figures.total_cost for _, figures in rows)
    assert totals.overall.annual_staff_cost == sum(figures.annual_staff_cost for _, figures in rows)
    assert totals.overall.pupils_reached == 4 + 18 + 1 + 4
    # 855.00; 3 × 38 × 2 × 20 min at £15 = 1,140.00; 42.75 h at £42.37 = 1,811.3175 → 1,811.32 + 249.99 training;
    # 47.5 h at £17.33 = 823.175 → 823.18 + 35.50 resources.
    assert [figures.total_cost for _, figures in rows] == [
        Decimal("855.00"),
        Decimal("1140.00"),
        Decimal("2061.31"),
        Decimal("858.68"),
    ]
    assert totals.overall.total_cost == Decimal("4914.99")
    by_area = totals.by_need_area
    assert by_area["communication_interaction"].rows == 0  # every named area is shown, even with no rows
    assert by_area["cognition_learning"].total_cost + by_area["semh"].total_cost == totals.overall.total_cost
    assert sum(sub.total_cost for sub in totals.by_tier.values()) == totals.overall.total_cost
    assert totals.share_of_budget == Decimal("8.2")  # 4,914.99 of 60,000
    assert totals.budget_remaining == Decimal("60000.00") - totals.overall.total_cost
    assert totals.over_budget == Decimal("0.00")
    assert map_totals(rows, notional_sen_budget=Decimal("4000")).over_budget == Decimal("914.99")


@given(
    st.lists(
        st.builds(
            worked_row,
            groups=st.integers(1, 20),
            pupils_per_group=st.integers(1, 30),
            sessions_per_week=st.decimals("0.1", "10", places=1),
            session_minutes=st.integers(1, 120),
            hourly_rate=st.decimals("0", "80", places=2),
            resource_cost=st.decimals("0", "5000", places=2),
        ),
        max_size=30,
    )
)
def test_totals_always_equal_the_rows_added_up(plans):
    rows = [(plan, row_figures(plan)) for plan in plans]
    totals = map_totals(rows)
    assert totals.overall.total_cost == sum((figures.total_cost for _, figures in rows), Decimal("0.00"))
    assert sum((sub.total_cost for sub in totals.by_tier.values()), Decimal("0.00")) == totals.overall.total_cost
    assert all(figures.total_cost == figures.total_cost.quantize(Decimal("0.01")) for _, figures in rows)


def test_one_pupils_provision_crosses_the_6000_line_and_says_by_how_much():
    small_group = row_figures(worked_row())  # £213.75 a place
    nurture = row_figures(worked_row(pupils_per_group=6, session_minutes=120, sessions_per_week=Decimal("5")))
    one_to_one = row_figures(one_to_one_plan(Decimal("5"), 60, 38, Decimal("16.50")))  # £3,135.00
    provision = pupil_provision(
        [("Small-group reading", small_group), ("Nurture group", nurture)],
        [("1:1 support", one_to_one)],
        notional_sen_budget=Decimal("6000.00"),
    )
    assert nurture.cost_per_pupil == Decimal("950.00")
    assert one_to_one.total_cost == Decimal("3135.00")
    assert provision.total_cost == Decimal("4298.75")
    assert provision.within_notional_budget
    assert provision.above_notional_budget == Decimal("0.00")
    more = pupil_provision(
        [("Small-group reading", small_group)],
        [("1:1 support", one_to_one), ("Afternoon 1:1", row_figures(one_to_one_plan(Decimal("5"), 60, 38, TA)))],
    )
    assert more.total_cost == Decimal("6198.75")  # 213.75 + 3135.00 + 2850.00
    assert not more.within_notional_budget
    assert more.above_notional_budget == Decimal("198.75")
    assert more.share_of_budget == Decimal("103.3")
    assert more.contact_hours == Decimal("57.00") + Decimal("190.00") + Decimal("190.00")


@pytest.mark.parametrize(
    ("text", "start"), [("2026-27", 2026), ("2026/27", 2026), (" 2026 - 2027 ", 2026), ("1999-00", None)]
)
def test_school_years_read_as_two_years(text, start):
    if start is None:
        with pytest.raises(SchoolYearError):
            SchoolYear.parse(text)
    else:
        assert SchoolYear.parse(text).start == start


@pytest.mark.parametrize("text", ["2026", "2026-28", "26-27", "next year", ""])
def test_anything_else_is_not_a_school_year(text):
    with pytest.raises(SchoolYearError):
        SchoolYear.parse(text)


def test_school_years_name_themselves_and_follow_on():
    assert str(SchoolYear(2026)) == "2026-27"
    assert str(SchoolYear(2099).next()) == "2100-01"
    assert SchoolYear.parse("2099-00") == SchoolYear(2099)
    assert SchoolYear.parse(str(SchoolYear(2099))) == SchoolYear(2099)
    assert SchoolYear.containing(2026, 9) == SchoolYear(2026)
    assert SchoolYear.containing(2027, 7) == SchoolYear(2026)


def test_a_setting_is_the_same_whatever_the_case_spacing_or_apostrophes():
    assert setting_key("St Mary's C of E Primary") == setting_key("  st marys c of e  PRIMARY ")
    assert setting_key("Northmoor Academy") != setting_key("Northmoor Primary")


def test_rows_say_where_they_differ_from_their_intervention():
    defaults = dict.fromkeys(DEFAULT_FIELDS, "1") | {"sessions_per_week": "3.0", "staff_role": "7"}
    values = dict(defaults) | {"sessions_per_week": Decimal("3"), "session_minutes": 45, "staff_role": 7}
    assert differences(values, defaults) == ("session_minutes",)
    assert library_check(defaults, None).withdrawn
    assert library_check(defaults, defaults | {"weeks": "30"}).changed == ("weeks",)
    assert library_check(defaults, defaults).changed == ()


@pytest.mark.parametrize(
    ("owner", "shared", "can_edit", "same_setting", "expected"),
    [
        (True, False, False, False, MapAccess.OWN),
        (False, True, False, True, MapAccess.READ),
        (False, True, True, True, MapAccess.EDIT),
        (False, True, True, False, MapAccess.NONE),  # the colleague has moved to another setting
        (False, False, False, True, MapAccess.NONE),  # same school, not shared
    ],
)
def test_who_may_open_a_map(owner, shared, can_edit, same_setting, expected):
    assert map_access(owner, shared, can_edit, same_setting) is expected


def test_one_pupils_provision_never_shows_what_it_holds_in_a_repr():
    # Django logs a template's whole context at DEBUG when a variable is missing: no label or figure may be in it.
    one_to_one = row_figures(one_to_one_plan(Decimal("5"), 60, 38, TA))
    provision = pupil_provision([], [("Word-finding practice", one_to_one)], notional_sen_budget=Decimal("6000.00"))
    shown = repr(provision) + repr(provision.lines) + str(provision)
    assert "Word-finding" not in shown and "2850" not in shown
    assert provision.left_in_notional_budget == Decimal("3150.00")
