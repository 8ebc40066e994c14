"""What an intervention costs a school, worked out the Durham way (DESIGN.md section 6).

Plain Python with no Django imports, so the arithmetic can be checked on its own:

    annual staff cost = weeks × minutes per week × staff cost per minute × adults per session
    total             = annual staff cost + one-off resources + training
    cost per pupil    = total ÷ pupils in the group

The formula is written once, in whole pence, as functions of plain numbers and a ``divide`` (floor
division). Python calls them with ints; the directory calls them with database expressions to sort,
filter and count by cost in SQL. Both get the same pence, because both do the same integer arithmetic.
Each figure is rounded to the penny (half up) once, at its end, so that rounding never compounds.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, Generic, Protocol, TypeVar

PENNY = Decimal("0.01")
TENTH = Decimal("0.1")
MINUTES_PER_HOUR = Decimal(60)
DEFAULT_SCHOOL_WEEKS = 38
DEFAULT_NOTIONAL_SEN_BUDGET = Decimal("6000.00")

# An hourly rate in pence over 60 minutes, and sessions a week counted in tenths: a staff cost
# worked out in whole numbers is in 600ths of a penny.
STAFF_COST_DIVISOR = 600

Divide = Callable[[Any, Any], Any]


def to_pence(amount: Decimal) -> Decimal:
    """Round a sum of money to the penny, halves rounding up (£0.125 → £0.13)."""
    return Decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)


def whole_pence(amount: Decimal | int) -> int:
    """A sum of money as a whole number of pence, halves rounding up (£15.00 → 1500)."""
    return int(to_pence(Decimal(amount)).scaleb(2))


def tenths(number: Decimal | int) -> int:
    """A number of sessions as whole tenths, as the database stores it (1.5 sessions → 15)."""
    return int((Decimal(number) * 10).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pounds(pence: int) -> Decimal:
    """Whole pence as a Decimal sum of pounds (21375 → Decimal("213.75"))."""
    return Decimal(pence).scaleb(-2)


def format_money(amount: Decimal | int | None) -> str:
    """How the toolkit shows a sum of money: "£1,234.50", to the penny; nothing at all for None."""
    if amount is None:
        return ""
    rounded = to_pence(Decimal(amount))
    sign = "-" if rounded < 0 else ""
    return f"{sign}£{abs(rounded):,.2f}"


def staff_cost_pence(
    weeks: Any,
    session_minutes: Any,
    sessions_per_week_tenths: Any,
    rate_pence: Any,
    staff_count: Any,
    divide: Divide = operator.floordiv,
) -> Any:
    """A year's staff cost in pence, rounded half up: weeks × minutes × sessions × rate × adults.

    Works on ints or on database expressions alike; ``divide`` must be floor division of whole
    numbers (``operator.floordiv`` in Python, integer division in SQL).
    """
    exact = weeks * session_minutes * sessions_per_week_tenths * rate_pence * staff_count
    return divide(exact + STAFF_COST_DIVISOR // 2, STAFF_COST_DIVISOR)


def total_cost_pence(staff_pence: Any, resource_pence: Any, training_pence: Any) -> Any:
    """Staff time, one-off resources and training together, in pence."""
    return staff_pence + resource_pence + training_pence


def per_pupil_pence(total_pence: Any, group_size: Any, divide: Divide = operator.floordiv) -> Any:
    """The total shared between the pupils in a group, in pence, rounded half up."""
    return divide(2 * total_pence + group_size, 2 * group_size)


def contact_hours(sessions: Decimal | int, session_minutes: Decimal | int) -> Decimal:
    """Hours a pupil spends in the intervention: 29 sessions of 30 minutes is 14.5 hours."""
    hours = Decimal(sessions) * Decimal(session_minutes) / MINUTES_PER_HOUR
    return hours.quantize(PENNY, rounding=ROUND_HALF_UP)


class CostBandLike(Protocol):
    """Anything with a band's label and ceiling: a ``Band`` here, or the editors' ``CostBand`` rows."""

    @property
    def label(self) -> str: ...

    @property
    def max_per_pupil(self) -> Decimal | None: ...


AnyBand = TypeVar("AnyBand", bound=CostBandLike)


@dataclass(frozen=True)
class Band:
    """An editor-defined cost band; ``max_per_pupil`` of ``None`` is the open-ended top band."""

    label: str
    max_per_pupil: Decimal | None


@dataclass(frozen=True)
class BandRange(Generic[AnyBand]):
    """The costs per pupil one band holds, in whole pence: more than ``above``, up to ``up_to``."""

    band: AnyBand
    above: int | None
    up_to: int | None

    def holds(self, cost_pence: int) -> bool:
        return (self.above is None or cost_pence > self.above) and (self.up_to is None or cost_pence <= self.up_to)


def _ceiling_pence(ceiling: Decimal) -> int:
    # Costs are whole pence, so a cost fits under a ceiling of £250.005 exactly when it fits under £250.00.
    return int(Decimal(ceiling).scaleb(2).to_integral_value(rounding=ROUND_FLOOR))


def band_ranges(bands: Iterable[AnyBand]) -> list[BandRange[AnyBand]]:
    """The one band rule: a cost is in the cheapest band whose ceiling it fits under (ceiling included);
    the first open-ended band catches the rest. A band that can never be chosen (a second open-ended
    band) gets no range; two bands with one ceiling leave the later one empty."""
    bands = list(bands)
    capped = sorted((band for band in bands if band.max_per_pupil is not None), key=lambda band: band.max_per_pupil)
    ranges: list[BandRange[AnyBand]] = []
    above = None
    for band in capped:
        ceiling = _ceiling_pence(band.max_per_pupil)
        ranges.append(BandRange(band, above, ceiling))
        above = ceiling
    open_ended = next((band for band in bands if band.max_per_pupil is None), None)
    if open_ended is not None:
        ranges.append(BandRange(open_ended, above, None))
    return ranges


def band_for(cost_per_pupil: Decimal, bands: Iterable[CostBandLike]) -> str | None:
    """The label of the band ``cost_per_pupil`` (a sum to the penny) is in, or None when no band holds it."""
    cost_pence = whole_pence(cost_per_pupil)
    for band_range in band_ranges(bands):
        if band_range.holds(cost_pence):
            return band_range.band.label
    return None


@dataclass(frozen=True)
class CostingInputs:
    """Everything the calculation needs, taken from an intervention and the council's settings.

    Sessions a week count in tenths and sums of money in pence, as the intervention's fields store them.
    """

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


def _annual_staff_pence(inputs: CostingInputs) -> int:
    if inputs.hourly_rate is None:
        return 0
    return staff_cost_pence(
        inputs.weeks or inputs.school_weeks,
        inputs.session_minutes,
        tenths(inputs.sessions_per_week),
        whole_pence(inputs.hourly_rate),
        inputs.staff_count,
    )


def annual_staff_cost(inputs: CostingInputs) -> Decimal:
    """Weeks × minutes per week × staff cost per minute × adults per session, to the penny."""
    return pounds(_annual_staff_pence(inputs))


def calculate(inputs: CostingInputs, bands: Iterable[CostBandLike] = ()) -> Costing:
    """Work out every figure a SENCO needs to compare an intervention with the notional SEN budget."""
    if inputs.group_size < 1:
        raise ValueError("The group size must be at least 1 pupil.")
    if inputs.staff_count < 1:
        raise ValueError("At least 1 adult must deliver each session.")
    weeks = inputs.weeks or inputs.school_weeks
    sessions_per_year = Decimal(inputs.sessions_per_week) * weeks
    staff_pence = _annual_staff_pence(inputs)
    resource_pence = whole_pence(inputs.resource_cost or 0)
    training_pence = whole_pence(inputs.training_cost or 0)
    total_pence = total_cost_pence(staff_pence, resource_pence, training_pence)
    per_pupil = pounds(per_pupil_pence(total_pence, inputs.group_size))
    budget = Decimal(inputs.notional_sen_budget or 0)
    share = (per_pupil * 100 / budget).quantize(TENTH, rounding=ROUND_HALF_UP) if budget > 0 else None
    rate = inputs.hourly_rate
    return Costing(
        weeks=weeks,
        minutes_per_week=Decimal(inputs.session_minutes) * Decimal(inputs.sessions_per_week),
        sessions_per_year=sessions_per_year,
        staff_cost_per_minute=None if rate is None else Decimal(rate) / MINUTES_PER_HOUR,
        annual_staff_cost=pounds(staff_pence),
        resource_cost=pounds(resource_pence),
        training_cost=pounds(training_pence),
        total_cost=pounds(total_pence),
        cost_per_pupil=per_pupil,
        contact_hours_per_pupil=contact_hours(sessions_per_year, inputs.session_minutes),
        share_of_sen_budget=share,
        cost_band=band_for(per_pupil, bands),
        staff_rate_known=rate is not None,
    )
