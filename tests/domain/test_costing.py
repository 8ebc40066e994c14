"""The Durham costing method, checked against worked examples (DESIGN.md section 6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from send_toolkit.domain.costing import (
    Band,
    CostingInputs,
    annual_staff_cost,
    band_for,
    band_ranges,
    calculate,
    contact_hours,
    format_money,
    per_pupil_pence,
    staff_cost_pence,
    to_pence,
)

BANDS = [Band("£££", None), Band("£", Decimal("250.00")), Band("££", Decimal("1000.00"))]


def ta_group_of_four(**overrides) -> CostingInputs:
    values = {
        "hourly_rate": Decimal("15.00"),
        "group_size": 4,
        "session_minutes": 30,
        "sessions_per_week": Decimal("3"),
        "weeks": 38,
    }
    values.update(overrides)
    return CostingInputs(**values)


def test_design_worked_example_costs_855_a_year_and_213_75_per_pupil():
    costing = calculate(ta_group_of_four(), BANDS)
    assert costing.annual_staff_cost == Decimal("855.00")
    assert costing.total_cost == Decimal("855.00")
    assert costing.cost_per_pupil == Decimal("213.75")
    assert costing.minutes_per_week == Decimal("90")
    assert costing.staff_cost_per_minute == Decimal("0.25")
    assert costing.cost_band == "£"


def test_29_sessions_of_30_minutes_is_14_and_a_half_contact_hours():
    assert contact_hours(29, 30) == Decimal("14.5")


def test_contact_hours_per_pupil_counts_every_session_in_the_year():
    # 3 sessions a week for 38 weeks, 30 minutes each: 114 sessions, 57 hours.
    assert calculate(ta_group_of_four()).contact_hours_per_pupil == Decimal("57")


def test_empty_weeks_falls_back_to_the_councils_school_year():
    costing = calculate(ta_group_of_four(weeks=None, school_weeks=39))
    assert costing.weeks == 39
    assert costing.annual_staff_cost == Decimal("877.50")


def test_resources_and_training_are_added_to_the_staff_cost():
    costing = calculate(ta_group_of_four(resource_cost=Decimal("120"), training_cost=Decimal("250.50")), BANDS)
    assert costing.total_cost == Decimal("1225.50")
    assert costing.cost_per_pupil == Decimal("306.38")  # 306.375 rounds half up
    assert costing.cost_band == "££"


def test_two_adults_per_session_double_the_staff_cost():
    assert calculate(ta_group_of_four(staff_count=2)).annual_staff_cost == Decimal("1710.00")


def test_one_to_one_teacher_sessions():
    # Teacher at £38.50/hour, 1:1, 2 × 20 minutes for 12 weeks: 480 minutes, 8 hours.
    costing = calculate(
        CostingInputs(hourly_rate=Decimal("38.50"), session_minutes=20, sessions_per_week=Decimal("2"), weeks=12)
    )
    assert costing.annual_staff_cost == Decimal("308.00")
    assert costing.cost_per_pupil == Decimal("308.00")
    assert costing.contact_hours_per_pupil == Decimal("8")


def test_fractional_sessions_per_week_are_costed_exactly():
    # 1.5 sessions of 45 minutes a week for 10 weeks = 675 minutes at £14.20/hour = £159.75.
    costing = calculate(
        CostingInputs(hourly_rate=Decimal("14.20"), session_minutes=45, sessions_per_week=Decimal("1.5"), weeks=10)
    )
    assert costing.annual_staff_cost == Decimal("159.75")
    assert costing.sessions_per_year == Decimal("15")
    assert costing.contact_hours_per_pupil == Decimal("11.25")


def test_a_third_of_a_penny_is_rounded_once_at_the_end():
    # £10.01/hour for 20 minutes a week over 1 week = £3.3366… → £3.34 (not 3 × a rounded per-minute rate).
    costing = calculate(CostingInputs(hourly_rate=Decimal("10.01"), session_minutes=20, sessions_per_week=1, weeks=1))
    assert costing.annual_staff_cost == Decimal("3.34")


def test_halfpennies_round_up():
    assert to_pence(Decimal("0.125")) == Decimal("0.13")
    assert to_pence(Decimal("0.124")) == Decimal("0.12")


def test_zero_hourly_rate_costs_only_resources():
    costing = calculate(ta_group_of_four(hourly_rate=Decimal("0"), resource_cost=Decimal("40")))
    assert costing.annual_staff_cost == Decimal("0.00")
    assert costing.cost_per_pupil == Decimal("10.00")
    assert costing.staff_rate_known is True


def test_no_staff_role_means_the_staff_cost_is_unknown_not_a_crash():
    costing = calculate(ta_group_of_four(hourly_rate=None))
    assert costing.annual_staff_cost == Decimal("0.00")
    assert costing.staff_cost_per_minute is None
    assert costing.staff_rate_known is False


def test_share_of_the_notional_sen_budget_is_a_percentage_to_one_decimal_place():
    assert calculate(ta_group_of_four()).share_of_sen_budget == Decimal("3.6")  # 213.75 / 6000 = 3.5625 %
    assert calculate(ta_group_of_four(notional_sen_budget=Decimal("0"))).share_of_sen_budget is None


def test_money_is_decimal_never_float():
    costing = calculate(ta_group_of_four())
    for value in (costing.annual_staff_cost, costing.total_cost, costing.cost_per_pupil):
        assert isinstance(value, Decimal)


@pytest.mark.parametrize(
    ("cost", "label"),
    [("0", "£"), ("250.00", "£"), ("250.01", "££"), ("1000.00", "££"), ("1000.01", "£££"), ("99999", "£££")],
)
def test_cost_bands_include_their_ceiling(cost, label):
    assert band_for(Decimal(cost), BANDS) == label


def test_no_band_when_nothing_fits_and_there_is_no_open_top_band():
    assert band_for(Decimal("5000"), [Band("£", Decimal("100"))]) is None
    assert band_for(Decimal("5"), []) is None


def test_an_empty_group_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="group size must be at least 1"):
        calculate(ta_group_of_four(group_size=0))


def test_annual_staff_cost_can_be_asked_for_on_its_own():
    assert annual_staff_cost(ta_group_of_four()) == Decimal("855.00")


def test_a_staff_cost_exactly_on_a_half_penny_rounds_up_over_the_band_ceiling():
    # 10 weeks × 1.5 sessions × 42 minutes at £23.81 an hour is £250.005 exactly.
    costing = calculate(
        CostingInputs(hourly_rate=Decimal("23.81"), session_minutes=42, sessions_per_week=Decimal("1.5"), weeks=10),
        BANDS,
    )
    assert costing.annual_staff_cost == Decimal("250.01")
    assert costing.cost_per_pupil == Decimal("250.01")
    assert costing.cost_band == "££"  # over the £250.00 ceiling of "£"


@pytest.mark.parametrize(("total", "per_pupil", "band"), [("500.01", "250.01", "££"), ("499.99", "250.00", "£")])
def test_a_cost_per_pupil_exactly_on_a_half_penny_rounds_up(total, per_pupil, band):
    shared = CostingInputs(session_minutes=30, sessions_per_week=1, group_size=2, resource_cost=Decimal(total))
    costing = calculate(shared, BANDS)
    assert costing.cost_per_pupil == Decimal(per_pupil)
    assert costing.cost_band == band


def test_the_formula_in_whole_pence_rounds_half_a_penny_up_on_plain_integers():
    # 1 week × 1 minute × 1 session (10 tenths) at 30p an hour is exactly half a penny.
    assert staff_cost_pence(1, 1, 10, 30, 1) == 1
    assert staff_cost_pence(1, 1, 10, 29, 1) == 0
    assert staff_cost_pence(38, 30, 30, 1500, 1) == 85500  # DESIGN.md section 6: £855.00
    assert per_pupil_pence(85500, 4) == 21375  # £213.75
    assert per_pupil_pence(1, 2) == 1  # half a penny each
    assert per_pupil_pence(1, 3) == 0


def test_band_ranges_are_whole_pence_that_meet_without_a_gap():
    ranges = [(item.band.label, item.above, item.up_to) for item in band_ranges(BANDS)]
    assert ranges == [("£", None, 25000), ("££", 25000, 100000), ("£££", 100000, None)]


def test_only_the_first_open_ended_band_catches_the_rest():
    bands = [Band("£", Decimal("100")), Band("More", None), Band("Even more", None)]
    assert [item.band.label for item in band_ranges(bands)] == ["£", "More"]
    assert band_for(Decimal("5000"), bands) == "More"


def test_of_two_bands_with_one_ceiling_the_first_holds_the_costs():
    bands = [Band("A", Decimal("100")), Band("B", Decimal("100")), Band("C", None)]
    assert band_for(Decimal("100.00"), bands) == "A"
    assert band_for(Decimal("100.01"), bands) == "C"
    second = next(item for item in band_ranges(bands) if item.band.label == "B")
    assert not any(second.holds(pence) for pence in (9999, 10000, 10001))


def test_a_ceiling_in_fractions_of_a_penny_holds_the_whole_pence_under_it():
    bands = [Band("£", Decimal("250.005")), Band("££", None)]
    assert band_for(Decimal("250.00"), bands) == "£"
    assert band_for(Decimal("250.01"), bands) == "££"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1234.5"), "£1,234.50"),
        (Decimal("213.75"), "£213.75"),
        (Decimal("0"), "£0.00"),
        (0, "£0.00"),
        (Decimal("1234567.891"), "£1,234,567.89"),
        (Decimal("0.125"), "£0.13"),
        (None, ""),
    ],
)
def test_money_is_shown_in_pounds_and_pence_with_thousands_separated(amount, shown):
    assert format_money(amount) == shown
