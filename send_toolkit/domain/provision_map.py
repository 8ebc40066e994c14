"""A setting's costed provision map, worked out the Durham way (DESIGN.md sections 6 and 7).

Plain Python, no Django. A provision map is a setting's plan (interventions, groups, staff, costs),
never a child's record. Each row is costed with the one formula in ``domain.costing``:

    annual staff cost = groups × weeks × minutes × sessions a week × hourly rate ÷ 60 × adults
    total cost        = annual staff cost + one-off resources + training
    cost per pupil    = total cost ÷ groups ÷ pupils per group (what one pupil's place costs)
    staff hours       = groups × weeks × sessions a week × minutes ÷ 60 × adults
    contact hours     = weeks × sessions a week × minutes ÷ 60 (what one pupil receives)

Every sum of money is worked in whole pence and rounded to the penny once, at the row; the map's
totals are the sums of its rows, so they always equal the rows added up, to the penny.
One pupil's costed provision (``pupil_provision``) is computed from the rows they attend and is
never stored anywhere.
"""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from send_toolkit.domain.costing import (
    DEFAULT_NOTIONAL_SEN_BUDGET,
    DEFAULT_SCHOOL_WEEKS,
    PENNY,
    TENTH,
    per_pupil_pence,
    pounds,
    staff_cost_pence,
    tenths,
    total_cost_pence,
    whole_pence,
)

MINUTES_PER_HOUR = Decimal(60)

# Limits that keep a row a real plan: anything beyond them is a typing slip, and is refused with a message.
MAX_GROUPS = 200
MAX_PUPILS_PER_GROUP = 60
MAX_SESSIONS_PER_WEEK = Decimal("25")
MAX_SESSION_MINUTES = 480
MAX_WEEKS = 52
MAX_ADULTS = 10
MAX_HOURLY_RATE = Decimal("500.00")
MAX_ONE_OFF_COST = Decimal("1000000.00")


# --- School years ---------------------------------------------------------------------------------------------

SCHOOL_YEAR = re.compile(r"^\s*(\d{4})\s*[-/–]\s*(\d{2}|\d{4})\s*$")


class SchoolYearError(ValueError):
    """A school year that isn't written as 2026-27."""


@dataclass(frozen=True, order=True)
class SchoolYear:
    """An English school year, September to July, named by its two calendar years: 2026-27."""

    start: int

    @classmethod
    def parse(cls, text: str) -> SchoolYear:
        """Read "2026-27" (or "2026/27", "2026-2027"); SchoolYearError when it isn't one school year."""
        match = SCHOOL_YEAR.match(text or "")
        if not match:
            raise SchoolYearError("Enter the school year as two years, for example 2026-27.")
        start, end = int(match.group(1)), match.group(2)
        # "2099-00" ends in 2100: two digits name the year after the start, in its century.
        end_year = int(end) if len(end) == 4 else ((start + 1) // 100) * 100 + int(end)
        if end_year != start + 1:
            raise SchoolYearError("A school year runs from one year into the next, for example 2026-27.")
        if not 2000 <= start <= 2100:
            raise SchoolYearError("Enter a school year between 2000-01 and 2100-01.")
        return cls(start)

    @classmethod
    def containing(cls, year: int, month: int) -> SchoolYear:
        """The school year a date falls in: September onwards is the start of the next one."""
        return cls(year if month >= 9 else year - 1)

    def next(self) -> SchoolYear:
        return SchoolYear(self.start + 1)

    def __str__(self) -> str:
        return f"{self.start}-{(self.start + 1) % 100:02d}"


# --- Settings (schools) -----------------------------------------------------------------------------------------


def setting_key(organisation: str) -> str:
    """The setting a practitioner works at, compared without case, spacing or punctuation, so that
    "St Mary's C of E Primary" and "st marys c of e primary " are one school."""
    return " ".join(re.sub(r"[^\w\s]", "", organisation or "").casefold().split())


# --- Rows -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowPlan:
    """What a row of the map plans: how many groups, how often, who delivers, what it costs.

    ``hourly_rate`` is None when no rate is known (no staff role, or none on the rate card): the row's
    staff cost is then nil and the map says so.
    """

    groups: int
    pupils_per_group: int
    sessions_per_week: Decimal
    session_minutes: int
    weeks: int = DEFAULT_SCHOOL_WEEKS
    adults: int = 1
    hourly_rate: Decimal | None = None
    resource_cost: Decimal = Decimal("0")
    training_cost: Decimal = Decimal("0")
    need_area: str = ""
    tier: str = ""


@dataclass(frozen=True)
class RowFigures:
    annual_staff_cost: Decimal
    resources_and_training: Decimal
    total_cost: Decimal
    staff_hours: Decimal
    pupils_reached: int
    cost_per_pupil: Decimal
    contact_hours_per_pupil: Decimal
    staff_rate_known: bool


class RowError(ValueError):
    """A row that can't be costed; ``field`` names the figure at fault, ``message`` says why in plain words."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


# (field, smallest, largest, message when outside). One list, read by ``check_row`` and by the forms.
ROW_LIMITS: tuple[tuple[str, Decimal, Decimal, str], ...] = (
    ("groups", Decimal(1), Decimal(MAX_GROUPS), f"Enter between 1 and {MAX_GROUPS} groups."),
    (
        "pupils_per_group",
        Decimal(1),
        Decimal(MAX_PUPILS_PER_GROUP),
        f"A group needs at least 1 pupil and at most {MAX_PUPILS_PER_GROUP}.",
    ),
    (
        "sessions_per_week",
        TENTH,
        MAX_SESSIONS_PER_WEEK,
        f"Enter between 0.1 and {MAX_SESSIONS_PER_WEEK} sessions a week.",
    ),
    (
        "session_minutes",
        Decimal(1),
        Decimal(MAX_SESSION_MINUTES),
        f"A session lasts between 1 and {MAX_SESSION_MINUTES} minutes (8 hours).",
    ),
    ("weeks", Decimal(1), Decimal(MAX_WEEKS), f"Enter between 1 and {MAX_WEEKS} weeks."),
    ("adults", Decimal(1), Decimal(MAX_ADULTS), f"Each session needs between 1 and {MAX_ADULTS} adults."),
    ("hourly_rate", Decimal(0), MAX_HOURLY_RATE, f"Enter an hourly rate between £0.00 and £{MAX_HOURLY_RATE}."),
    ("resource_cost", Decimal(0), MAX_ONE_OFF_COST, "Enter resources as a sum between £0.00 and £1,000,000."),
    ("training_cost", Decimal(0), MAX_ONE_OFF_COST, "Enter training as a sum between £0.00 and £1,000,000."),
)


def check_row(plan: RowPlan) -> None:
    """RowError for the first figure outside what a real plan could hold (negative, zero pupils, absurd minutes)."""
    for name, smallest, largest, message in ROW_LIMITS:
        value = getattr(plan, name)
        if value is None:
            continue
        if not smallest <= Decimal(value) <= largest:
            raise RowError(name, message)


def _staff_pence(plan: RowPlan) -> int:
    if plan.hourly_rate is None:
        return 0
    return staff_cost_pence(
        plan.weeks,
        plan.session_minutes,
        tenths(plan.sessions_per_week),
        whole_pence(plan.hourly_rate),
        plan.adults * plan.groups,
    )


def _hours(minutes: Decimal) -> Decimal:
    return (minutes / MINUTES_PER_HOUR).quantize(PENNY, rounding=ROUND_HALF_UP)


def row_figures(plan: RowPlan) -> RowFigures:
    """Every figure of one row, each sum of money rounded to the penny once (RowError for impossible rows)."""
    check_row(plan)
    staff = _staff_pence(plan)
    one_off = whole_pence(plan.resource_cost) + whole_pence(plan.training_cost)
    total = total_cost_pence(staff, whole_pence(plan.resource_cost), whole_pence(plan.training_cost))
    pupils = plan.groups * plan.pupils_per_group
    minutes_a_year = Decimal(plan.weeks) * Decimal(plan.sessions_per_week) * plan.session_minutes
    return RowFigures(
        annual_staff_cost=pounds(staff),
        resources_and_training=pounds(one_off),
        total_cost=pounds(total),
        staff_hours=_hours(minutes_a_year * plan.adults * plan.groups),
        pupils_reached=pupils,
        cost_per_pupil=pounds(per_pupil_pence(total, pupils)),
        contact_hours_per_pupil=_hours(minutes_a_year),
        staff_rate_known=plan.hourly_rate is not None,
    )


# The figures a row takes from its intervention, may change, and is shown as differing in.
DEFAULT_FIELDS = (
    "pupils_per_group",
    "sessions_per_week",
    "session_minutes",
    "weeks",
    "adults",
    "staff_role",
    "resource_cost",
    "training_cost",
)


def _same(first: object, second: object) -> bool:
    """Equal as figures: 3 and "3.0" are the same number of sessions; None and "" are both nothing."""
    if first in (None, "") or second in (None, ""):
        return first in (None, "") and second in (None, "")
    try:
        return Decimal(str(first)) == Decimal(str(second))
    except ArithmeticError:
        return str(first) == str(second)


def differences(values: Mapping[str, object], defaults: Mapping[str, object]) -> tuple[str, ...]:
    """The ``DEFAULT_FIELDS`` in which a row differs from the intervention defaults it was made from."""
    return tuple(
        name for name in DEFAULT_FIELDS if name in defaults and not _same(values.get(name), defaults.get(name))
    )


# --- Totals -----------------------------------------------------------------------------------------------------


@dataclass
class Subtotal:
    """The figures a group of rows adds up to. Money is summed from the rows' own rounded figures."""

    rows: int = 0
    annual_staff_cost: Decimal = Decimal("0.00")
    resources_and_training: Decimal = Decimal("0.00")
    total_cost: Decimal = Decimal("0.00")
    staff_hours: Decimal = Decimal("0.00")
    pupils_reached: int = 0  # places: a pupil in two interventions counts twice

    def add(self, figures: RowFigures) -> None:
        self.rows += 1
        self.annual_staff_cost += figures.annual_staff_cost
        self.resources_and_training += figures.resources_and_training
        self.total_cost += figures.total_cost
        self.staff_hours += figures.staff_hours
        self.pupils_reached += figures.pupils_reached


@dataclass
class MapTotals:
    overall: Subtotal = field(default_factory=Subtotal)
    by_need_area: dict[str, Subtotal] = field(default_factory=lambda: defaultdict(Subtotal))
    by_tier: dict[str, Subtotal] = field(default_factory=lambda: defaultdict(Subtotal))
    notional_sen_budget: Decimal | None = None

    @property
    def share_of_budget(self) -> Decimal | None:
        """Per cent of the setting's notional SEN budget the map uses (1 decimal place); None with no budget."""
        budget = self.notional_sen_budget
        if not budget or budget <= 0:
            return None
        return (self.overall.total_cost * 100 / budget).quantize(TENTH, rounding=ROUND_HALF_UP)

    @property
    def budget_remaining(self) -> Decimal | None:
        """What is left of the notional SEN budget (nil once it is used up); None with no budget."""
        if self.notional_sen_budget is None:
            return None
        return max(Decimal("0.00"), self.notional_sen_budget - self.overall.total_cost)

    @property
    def over_budget(self) -> Decimal | None:
        """How far the map goes beyond the notional SEN budget (nil within it); None with no budget."""
        if self.notional_sen_budget is None:
            return None
        return max(Decimal("0.00"), self.overall.total_cost - self.notional_sen_budget)


def map_totals(
    rows: Iterable[tuple[RowPlan, RowFigures]],
    notional_sen_budget: Decimal | None = None,
    need_area_order: Iterable[str] = (),
    tier_order: Iterable[str] = (),
) -> MapTotals:
    """The map's totals, overall, by broad area of need and by tier; each exactly the sum of its rows.

    The ``*_order`` values come first, in that order, even when no row has them (a map shows every area).
    """
    totals = MapTotals(notional_sen_budget=notional_sen_budget)
    for value in need_area_order:
        totals.by_need_area[value] = Subtotal()
    for value in tier_order:
        totals.by_tier[value] = Subtotal()
    for plan, figures in rows:
        totals.overall.add(figures)
        totals.by_need_area[plan.need_area].add(figures)
        totals.by_tier[plan.tier].add(figures)
    totals.by_need_area = dict(totals.by_need_area)
    totals.by_tier = dict(totals.by_tier)
    return totals


# --- One pupil's costed provision (computed on request, never stored) -------------------------------------------


# A pupil's provision never shows what it holds in its repr: Django's template engine logs the whole context
# (at DEBUG) when a template looks up a variable that isn't there, and that must not carry a pupil's provision.


@dataclass(frozen=True, repr=False)
class PupilLine:
    """One provision a pupil attends and what their place in it costs."""

    label: str
    cost: Decimal
    contact_hours: Decimal
    one_to_one: bool = False

    def __repr__(self) -> str:
        return "<PupilLine>"


@dataclass(frozen=True, repr=False)
class PupilProvision:
    lines: tuple[PupilLine, ...]
    total_cost: Decimal
    contact_hours: Decimal
    notional_sen_budget: Decimal

    def __repr__(self) -> str:
        return f"<PupilProvision: {len(self.lines)} lines>"

    @property
    def above_notional_budget(self) -> Decimal:
        """What the provision costs beyond the notional SEN budget (Element 2): what a request for top-up
        funding (Element 3) would need to evidence. Nil when it fits within it."""
        return max(Decimal("0.00"), self.total_cost - self.notional_sen_budget)

    @property
    def within_notional_budget(self) -> bool:
        return self.total_cost <= self.notional_sen_budget

    @property
    def left_in_notional_budget(self) -> Decimal:
        """What is left of the notional SEN budget once this provision is paid for (nil beyond it)."""
        return max(Decimal("0.00"), self.notional_sen_budget - self.total_cost)

    @property
    def share_of_budget(self) -> Decimal | None:
        if self.notional_sen_budget <= 0:
            return None
        return (self.total_cost * 100 / self.notional_sen_budget).quantize(TENTH, rounding=ROUND_HALF_UP)


def one_to_one_plan(
    sessions_per_week: Decimal,
    session_minutes: int,
    weeks: int,
    hourly_rate: Decimal | None,
    resource_cost: Decimal = Decimal("0"),
) -> RowPlan:
    """A pupil's own 1:1 provision, costed as a row of one group of one pupil."""
    return RowPlan(
        groups=1,
        pupils_per_group=1,
        sessions_per_week=sessions_per_week,
        session_minutes=session_minutes,
        weeks=weeks,
        hourly_rate=hourly_rate,
        resource_cost=resource_cost,
    )


def pupil_provision(
    attended: Iterable[tuple[str, RowFigures]],
    one_to_one: Iterable[tuple[str, RowFigures]] = (),
    notional_sen_budget: Decimal = DEFAULT_NOTIONAL_SEN_BUDGET,
) -> PupilProvision:
    """One pupil's provision: their place in each row they attend (the row's cost per pupil) and any 1:1 work."""
    lines = [PupilLine(label, figures.cost_per_pupil, figures.contact_hours_per_pupil) for label, figures in attended]
    lines += [
        PupilLine(label, figures.total_cost, figures.contact_hours_per_pupil, True) for label, figures in one_to_one
    ]
    return PupilProvision(
        lines=tuple(lines),
        total_cost=sum((line.cost for line in lines), Decimal("0.00")),
        contact_hours=sum((line.contact_hours for line in lines), Decimal("0.00")),
        notional_sen_budget=Decimal(notional_sen_budget),
    )


# --- Copy to the next school year -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryCheck:
    """What happened to a row's intervention since the map was made."""

    withdrawn: bool = False  # gone from the library, or no longer open to this practitioner
    changed: tuple[str, ...] = ()  # the library defaults that changed (``DEFAULT_FIELDS`` names)


def library_check(recorded: Mapping[str, object] | None, current: Mapping[str, object] | None) -> LibraryCheck:
    """Compare the intervention defaults recorded when the row was made with the library's today.

    ``current`` None means the intervention is no longer there for this practitioner.
    """
    if current is None:
        return LibraryCheck(withdrawn=True)
    return LibraryCheck(changed=differences(current, recorded or {}))


# --- Who may open a map -----------------------------------------------------------------------------------------


class MapAccess(enum.IntEnum):
    """What a practitioner may do with a map; higher includes lower."""

    NONE = 0
    READ = 1
    EDIT = 2
    OWN = 3  # edit, and also share, rename, archive, delete


def map_access(is_owner: bool, shared: bool, share_can_edit: bool, same_setting: bool) -> MapAccess:
    """The owner owns their map; a colleague it is shared with reads it (or edits it, if allowed) only while
    they still work at the map's setting. Nobody else may open it, whatever their role."""
    if is_owner:
        return MapAccess.OWN
    if shared and same_setting:
        return MapAccess.EDIT if share_can_edit else MapAccess.READ
    return MapAccess.NONE
