"""Feeds a provision map's rows and the council's rate card into ``domain.provision_map``.

The arithmetic lives in the domain module; this adapter reads the year's rates once (two queries),
turns each stored row into a ``RowPlan``, and says where each row's hourly rate came from.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import DEFAULT_SCHOOL_WEEKS
from send_toolkit.domain.provision_map import (
    MapTotals,
    RowError,
    RowFigures,
    RowPlan,
    SchoolYear,
    Subtotal,
    differences,
    map_totals,
    row_figures,
)
from send_toolkit.interventions.models import Intervention, StaffRole
from send_toolkit.interventions.rate_cards import RateCard, RateCardRate
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow


class RateSource(enum.Enum):
    CARD = "card"  # the council's rate card for the map's year
    CURRENT = "current"  # the role's current rate: no card for the year, or the card leaves the role out
    OWN = "own"  # the setting's own hourly rate
    NONE = "none"  # no staff role and no rate of its own: staff time is not costed


@dataclass(frozen=True)
class YearRates:
    """The council's rates for one school year."""

    school_year: SchoolYear
    school_weeks: int
    card_rates: dict[int, Decimal]
    current_rates: dict[int, Decimal]
    has_card: bool
    notes: str = ""

    def rate_for(self, staff_role_id: int | None, own_rate: Decimal | None = None) -> tuple[Decimal | None, RateSource]:
        if own_rate is not None:
            return own_rate, RateSource.OWN
        if staff_role_id is None:
            return None, RateSource.NONE
        if staff_role_id in self.card_rates:
            return self.card_rates[staff_role_id], RateSource.CARD
        if staff_role_id in self.current_rates:
            return self.current_rates[staff_role_id], RateSource.CURRENT
        return None, RateSource.NONE

    def rate_rows(self) -> list[tuple[str, Decimal, RateSource]]:
        """Each staff role's hourly rate for the year, as the printed map lists them."""
        names = dict(StaffRole.objects.values_list("pk", "name"))
        rows = []
        for pk, name in sorted(names.items(), key=lambda item: item[1]):
            rate, source = self.rate_for(pk)
            if rate is not None:
                rows.append((name, rate, source))
        return rows


def price_maps(maps: Iterable[ProvisionMap]) -> list[PricedMap]:
    """Several maps priced with their rows prefetched and each year's rates read once."""
    by_year: dict[int, YearRates] = {}
    priced = []
    for provision_map in maps:
        if provision_map.school_year_start not in by_year:
            by_year[provision_map.school_year_start] = rates_for_year(provision_map.school_year)
        rows = sorted(provision_map.rows.all(), key=lambda row: (row.position, row.pk))
        priced.append(price_map(provision_map, rows, by_year[provision_map.school_year_start]))
    return priced


def rates_for_year(school_year: SchoolYear) -> YearRates:
    card = RateCard.objects.filter(school_year_start=school_year.start).first()
    current = dict(StaffRole.objects.values_list("pk", "hourly_rate"))
    if card is None:
        return YearRates(school_year, DEFAULT_SCHOOL_WEEKS, {}, current, has_card=False)
    card_rates = dict(RateCardRate.objects.filter(card=card).values_list("staff_role_id", "hourly_rate"))
    return YearRates(school_year, card.school_weeks, card_rates, current, has_card=True, notes=card.notes)


def latest_school_weeks(school_year: SchoolYear) -> int:
    """Weeks a new row starts with: the year's card, else the newest earlier card, else 38."""
    card = RateCard.objects.filter(school_year_start__lte=school_year.start).order_by("-school_year_start").first()
    return card.school_weeks if card is not None else DEFAULT_SCHOOL_WEEKS


# --- Rows ---------------------------------------------------------------------------------------------------------


def library_defaults(intervention: Intervention, school_weeks: int) -> dict[str, str]:
    """What a row made from ``intervention`` starts with, as stored on the row (strings, for JSON)."""
    return {
        "pupils_per_group": str(intervention.group_size or 1),
        "sessions_per_week": str(intervention.sessions_per_week),
        "session_minutes": str(intervention.session_minutes),
        "weeks": str(intervention.weeks or school_weeks),
        "adults": str(intervention.staff_count or 1),
        "staff_role": str(intervention.staff_role_id or ""),
        "resource_cost": str(intervention.resource_cost),
        "training_cost": str(intervention.training_cost),
    }


def row_values(row: ProvisionMapRow) -> dict[str, object]:
    """The row's own figures under the names ``library_defaults`` uses."""
    return {
        "pupils_per_group": row.pupils_per_group,
        "sessions_per_week": row.sessions_per_week,
        "session_minutes": row.session_minutes,
        "weeks": row.weeks,
        "adults": row.adults,
        "staff_role": row.staff_role_id or "",
        "resource_cost": row.resource_cost,
        "training_cost": row.training_cost,
    }


def start_row_from(intervention: Intervention, school_weeks: int, need_area: str | None = None) -> ProvisionMapRow:
    """A new, unsaved row with the intervention's defaults (one group)."""
    defaults = library_defaults(intervention, school_weeks)
    return ProvisionMapRow(
        intervention=intervention,
        library_defaults=defaults,
        name=intervention.name,
        need_area=need_area or first_need_area(intervention),
        tier=intervention.tier,
        delivery=intervention.delivery,
        staff_role_id=intervention.staff_role_id,
        groups=1,
        pupils_per_group=int(defaults["pupils_per_group"]),
        sessions_per_week=intervention.sessions_per_week,
        session_minutes=intervention.session_minutes,
        weeks=int(defaults["weeks"]),
        adults=int(defaults["adults"]),
        resource_cost=intervention.resource_cost,
        training_cost=intervention.training_cost,
    )


def first_need_area(intervention: Intervention) -> str:
    values = [area.value for area in intervention.need_areas.all()]
    ordered = [term.value for term in vocabulary.NEED_AREAS if term.value in values]
    return ordered[0] if ordered else vocabulary.NEED_AREAS[0].value


def plan_of(row: ProvisionMapRow, rates: YearRates) -> tuple[RowPlan, Decimal | None, RateSource]:
    rate, source = rates.rate_for(row.staff_role_id, row.own_hourly_rate)
    plan = RowPlan(
        groups=row.groups,
        pupils_per_group=row.pupils_per_group,
        sessions_per_week=Decimal(row.sessions_per_week),
        session_minutes=row.session_minutes,
        weeks=row.weeks,
        adults=row.adults,
        hourly_rate=rate,
        resource_cost=Decimal(row.resource_cost),
        training_cost=Decimal(row.training_cost),
        need_area=row.need_area,
        tier=row.tier,
    )
    return plan, rate, source


@dataclass(frozen=True)
class PricedRow:
    row: ProvisionMapRow
    plan: RowPlan
    figures: RowFigures | None  # None when the stored figures can no longer be costed (``problem`` says why)
    hourly_rate: Decimal | None
    rate_source: RateSource
    differs_from_library: tuple[str, ...] = ()
    problem: RowError | None = None


def price_row(row: ProvisionMapRow, rates: YearRates) -> PricedRow:
    plan, rate, source = plan_of(row, rates)
    differs = differences(row_values(row), row.library_defaults) if row.library_defaults else ()
    try:
        figures = row_figures(plan)
    except RowError as problem:
        return PricedRow(row, plan, None, rate, source, differs, problem)
    return PricedRow(row, plan, figures, rate, source, differs)


@dataclass
class PricedMap:
    provision_map: ProvisionMap
    rates: YearRates
    rows: list[PricedRow] = field(default_factory=list)
    totals: MapTotals = field(default_factory=MapTotals)

    @property
    def uses_own_rates(self) -> bool:
        return any(row.rate_source is RateSource.OWN for row in self.rows)

    @property
    def uses_current_rates(self) -> bool:
        return any(row.rate_source is RateSource.CURRENT for row in self.rows)

    @property
    def uncosted_staff(self) -> bool:
        return any(row.rate_source is RateSource.NONE for row in self.rows)

    @property
    def problems(self) -> list[PricedRow]:
        return [row for row in self.rows if row.problem is not None]

    @property
    def need_area_totals(self) -> list[tuple[vocabulary.Term, Subtotal]]:
        """Totals by broad area of need, in the Code of Practice's order, each with its name."""
        return [(term, self.totals.by_need_area[term.value]) for term in vocabulary.NEED_AREAS]

    @property
    def tier_totals(self) -> list[tuple[vocabulary.Term, Subtotal]]:
        return [(term, self.totals.by_tier[term.value]) for term in vocabulary.TIERS]


def price_map(
    provision_map: ProvisionMap, rows: Iterable[ProvisionMapRow] | None = None, rates: YearRates | None = None
) -> PricedMap:
    """Every row's figures and the map's totals, at the rates of the map's school year (``rates``, when the
    caller has read them already for several maps of one year)."""
    rates = rates or rates_for_year(provision_map.school_year)
    if rows is None:
        rows = provision_map.rows.select_related("staff_role").order_by("position", "pk")
    priced = [price_row(row, rates) for row in rows]
    totals = map_totals(
        ((row.plan, row.figures) for row in priced if row.figures is not None),
        notional_sen_budget=provision_map.notional_sen_budget,
        need_area_order=[term.value for term in vocabulary.NEED_AREAS],
        tier_order=[term.value for term in vocabulary.TIERS],
    )
    return PricedMap(provision_map, rates, priced, totals)
