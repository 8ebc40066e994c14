"""The Durham costing method, checked against worked examples (DESIGN.md section 6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from send_toolkit.domain.costing import (
    Band,
    CostingInputs,
    annual_staff_cost,
    band_for,
    calculate,
    contact_hours,
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
