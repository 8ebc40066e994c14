"""What an intervention costs a school, worked out the Durham way (DESIGN.md section 6).

Plain Python with no Django imports, so the arithmetic can be checked on its own:

    annual staff cost = weeks × minutes per week × staff cost per minute × adults per session
    total             = annual staff cost + one-off resources + training
    cost per pupil    = total ÷ pupils in the group

Money is ``Decimal`` throughout and is rounded to the penny (half up) only once,
at the end of each figure, so that rounding never compounds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
TENTH = Decimal("0.1")
MINUTES_PER_HOUR = Decimal(60)
DEFAULT_SCHOOL_WEEKS = 38
DEFAULT_NOTIONAL_SEN_BUDGET = Decimal("6000.00")


def to_pence(amount: Decimal) -> Decimal:
    """Round a sum of money to the penny, halves rounding up (£0.125 → £0.13)."""
    return Decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)


def contact_hours(sessions: Decimal | int, session_minutes: Decimal | int) -> Decimal:
    """Hours a pupil spends in the intervention: 29 sessions of 30 minutes is 14.5 hours."""
    hours = Decimal(sessions) * Decimal(session_minutes) / MINUTES_PER_HOUR
    return hours.quantize(PENNY, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Band:
    """An editor-defined cost band; ``max_per_pupil`` of ``None`` is the open-ended top band."""

    label: str
    max_per_pupil: Decimal | None


@dataclass(frozen=True)
class CostingInputs:
    """Everything the calculation needs, taken from an intervention and the council's settings."""

    session_minutes: int
    sessions_per_week: Decimal
    group_size: int = 1
    hourly_rate: Decimal | None = None
    staff_count: int = 1
    weeks: int | None = None
    resource_cost: Decimal = Decimal("0")
    training_cost: Decimal = Decimal("0")
    school_weeks: int = DEFAULT_SCHOOL_WEEKS
    notional_sen_budget: Decimal = DEFAULT_NOTIONAL_SEN_BUDGET


@dataclass(frozen=True)
class Costing:
    weeks: int
    minutes_per_week: Decimal
    sessions_per_year: Decimal
    staff_cost_per_minute: Decimal | None
    annual_staff_cost: Decimal
    resource_cost: Decimal
    training_cost: Decimal
    total_cost: Decimal
    cost_per_pupil: Decimal
    contact_hours_per_pupil: Decimal
    share_of_sen_budget: Decimal | None  # per cent of the notional SEN budget per pupil
    cost_band: str | None
    staff_rate_known: bool


def annual_staff_cost(inputs: CostingInputs) -> Decimal:
    """Weeks × minutes per week × staff cost per minute × adults per session, to the penny."""
    if inputs.hourly_rate is None:
        return Decimal("0.00")
    weeks = Decimal(inputs.weeks or inputs.school_weeks)
    minutes_per_week = Decimal(inputs.session_minutes) * Decimal(inputs.sessions_per_week)
    unrounded = weeks * minutes_per_week * Decimal(inputs.hourly_rate) * inputs.staff_count / MINUTES_PER_HOUR
    return to_pence(unrounded)


def band_for(cost_per_pupil: Decimal, bands: Iterable[Band]) -> str | None:
    """The cheapest band whose ceiling the cost fits under; an open-ended band catches the rest."""
    capped = sorted((band for band in bands if band.max_per_pupil is not None), key=lambda band: band.max_per_pupil)
    open_ended = [band for band in bands if band.max_per_pupil is None]
    for band in capped:
        if cost_per_pupil <= band.max_per_pupil:
            return band.label
    return open_ended[0].label if open_ended else None


def calculate(inputs: CostingInputs, bands: Iterable[Band] = ()) -> Costing:
    """Work out every figure a SENCO needs to compare an intervention with the notional SEN budget."""
    if inputs.group_size < 1:
        raise ValueError("The group size must be at least 1 pupil.")
    if inputs.staff_count < 1:
        raise ValueError("At least 1 adult must deliver each session.")
    weeks = inputs.weeks or inputs.school_weeks
    sessions_per_year = Decimal(inputs.sessions_per_week) * weeks
    staff_cost = annual_staff_cost(inputs)
    resources = to_pence(inputs.resource_cost or 0)
    training = to_pence(inputs.training_cost or 0)
    total = staff_cost + resources + training
    per_pupil = to_pence(total / inputs.group_size)
    budget = Decimal(inputs.notional_sen_budget or 0)
    share = (per_pupil * 100 / budget).quantize(TENTH, rounding=ROUND_HALF_UP) if budget > 0 else None
    rate = inputs.hourly_rate
    return Costing(
        weeks=weeks,
        minutes_per_week=Decimal(inputs.session_minutes) * Decimal(inputs.sessions_per_week),
        sessions_per_year=sessions_per_year,
        staff_cost_per_minute=None if rate is None else Decimal(rate) / MINUTES_PER_HOUR,
        annual_staff_cost=staff_cost,
        resource_cost=resources,
        training_cost=training,
        total_cost=total,
        cost_per_pupil=per_pupil,
        contact_hours_per_pupil=contact_hours(sessions_per_year, inputs.session_minutes),
        share_of_sen_budget=share,
        cost_band=band_for(per_pupil, list(bands)),
        staff_rate_known=rate is not None,
    )
