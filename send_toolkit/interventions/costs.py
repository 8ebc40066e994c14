"""Feeds an Intervention and the council's settings into ``domain.costing``, in Python and in SQL.

``domain/costing.py`` knows nothing about Django; this module is the thin adapter that
reads staff rates, the school-year length, the notional SEN budget and the
editor-defined cost bands, once per request, and hands them over. It also gives the
database the same formula (``with_cost_per_pupil``), so the directory sorts, filters and
counts by exactly the pence its pages show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import BigIntegerField, ExpressionWrapper, F, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Greatest, NullIf, Round
from wagtail.models import Site

from send_toolkit.access.request_state import remember
from send_toolkit.council.models import ToolkitSettings, settings_for_request
from send_toolkit.domain.costing import (
    DEFAULT_NOTIONAL_SEN_BUDGET,
    DEFAULT_SCHOOL_WEEKS,
    Band,
    Costing,
    CostingInputs,
    calculate,
    per_pupil_pence,
    staff_cost_pence,
    total_cost_pence,
)
from send_toolkit.interventions.models import CostBand, Intervention, StaffRole

if TYPE_CHECKING:
    from django.db.models import Expression
    from django.http import HttpRequest

# The integer annotation ``with_cost_per_pupil`` adds, which the directory sorts and filters by.
COST_PER_PUPIL_PENCE = "cost_per_pupil_pence"


@dataclass(frozen=True)
class CouncilRates:
    """The council-wide figures every costing on a page shares."""

    school_weeks: int = DEFAULT_SCHOOL_WEEKS
    notional_sen_budget: Decimal = DEFAULT_NOTIONAL_SEN_BUDGET
    bands: tuple[Band, ...] = field(default_factory=tuple)


def cost_bands_for_request(request: HttpRequest | None) -> list[CostBand]:
    """The editor-defined CostBand rows, read once per request."""
    return remember(request, "cost_bands", lambda: list(CostBand.objects.all()))


def current_bands(request: HttpRequest | None = None) -> tuple[Band, ...]:
    return tuple(Band(band.label, band.max_per_pupil) for band in cost_bands_for_request(request))


def _rates_from(settings: ToolkitSettings | None, request: HttpRequest | None = None) -> CouncilRates:
    if settings is None:
        return CouncilRates(bands=current_bands(request))
    return CouncilRates(settings.school_weeks, settings.notional_sen_budget, current_bands(request))


def rates_for_site(site: Site | None = None) -> CouncilRates:
    """The rates for one site (the default site when ``site`` is None)."""
    site = site or Site.objects.filter(is_default_site=True).first()
    return _rates_from(ToolkitSettings.for_site(site) if site is not None else None)


def _rates_for_request(request: HttpRequest) -> CouncilRates:
    settings = settings_for_request(request)  # Wagtail's per-request cache, shared with the templates
    return rates_for_site() if settings is None else _rates_from(settings, request)


def rates_for_request(request: HttpRequest | None) -> CouncilRates:
    """The rates for the site serving ``request``, looked up once per request."""
    if request is None:
        return rates_for_site()
    return remember(request, "council_rates", lambda: _rates_for_request(request))


def hourly_rates_for_request(request: HttpRequest | None) -> dict[int, Decimal]:
    """Every staff role's hourly rate by id, read once per request (for interventions fetched without their role)."""
    return remember(request, "hourly_rates", lambda: dict(StaffRole.objects.values_list("pk", "hourly_rate")))


def _hourly_rate(intervention: Intervention, hourly_rates: dict[int, Decimal] | None) -> Decimal | None:
    if intervention.staff_role_id is None:
        return None
    if hourly_rates is not None and not type(intervention).staff_role.is_cached(intervention):
        return hourly_rates.get(intervention.staff_role_id)
    return intervention.staff_role.hourly_rate


def costing_inputs(
    intervention: Intervention, rates: CouncilRates, hourly_rates: dict[int, Decimal] | None = None
) -> CostingInputs:
    return CostingInputs(
        session_minutes=intervention.session_minutes or 0,
        sessions_per_week=intervention.sessions_per_week or Decimal("0"),
        group_size=intervention.group_size or 1,
        hourly_rate=_hourly_rate(intervention, hourly_rates),
        staff_count=intervention.staff_count or 1,
        weeks=intervention.weeks,
        resource_cost=intervention.resource_cost or Decimal("0"),
        training_cost=intervention.training_cost or Decimal("0"),
        school_weeks=rates.school_weeks,
        notional_sen_budget=rates.notional_sen_budget,
    )


def cost_of(intervention: Intervention, rates: CouncilRates, hourly_rates: dict[int, Decimal] | None = None) -> Costing:
    """The full costing of one intervention.

    To avoid a query per intervention, either select ``staff_role`` with the
    queryset or pass ``hourly_rates`` (from ``hourly_rates_for_request``).
    """
    return calculate(costing_inputs(intervention, rates, hourly_rates), rates.bands)


def _whole(expression: Any, scale: int) -> Expression:
    """A decimal column in whole units of ``1 / scale`` (pence, tenths of a session), as an integer.

    SQLite keeps decimals as floats (15.00 × 100 may come out as 1499.9999…), so round before casting.
    """
    return Cast(Round(expression * scale), BigIntegerField())


def _integer_division(dividend: Any, divisor: Any) -> Expression:
    # Both sides are whole numbers, so SQLite and PostgreSQL both divide and drop the remainder,
    # which for these non-negative sums is the floor division the domain formula expects.
    return ExpressionWrapper(dividend / divisor, output_field=BigIntegerField())


def with_cost_per_pupil(queryset: QuerySet, school_weeks: int) -> QuerySet:
    """Annotate ``cost_per_pupil_pence``: ``costing.calculate``'s cost per pupil, in whole pence, by the database.

    The expressions mirror ``costing_inputs`` (an empty number of weeks means the school year; no staff
    role costs no staff time) and go through the same domain functions, so the figure is the one
    pages show to the penny, including near a band's ceiling.
    """
    bigint = BigIntegerField()
    # As a bigint from the start, so PostgreSQL never multiplies small integers into an overflow.
    weeks = Cast(Coalesce(NullIf(F("weeks"), Value(0)), Value(school_weeks)), bigint)
    rate_pence = Coalesce(_whole(F("staff_role__hourly_rate"), 100), Value(0), output_field=bigint)
    staff = staff_cost_pence(
        weeks,
        F("session_minutes"),
        _whole(F("sessions_per_week"), 10),
        rate_pence,
        Greatest(F("staff_count"), Value(1)),
        divide=_integer_division,
    )
    total = total_cost_pence(staff, _whole(F("resource_cost"), 100), _whole(F("training_cost"), 100))
    group_size = Greatest(F("group_size"), Value(1))
    return queryset.annotate(**{COST_PER_PUPIL_PENCE: per_pupil_pence(total, group_size, divide=_integer_division)})
