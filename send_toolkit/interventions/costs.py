"""Feeds an Intervention and the council's settings into the pure costing module.

``costing.py`` knows nothing about Django; this module is the thin adapter that
reads staff rates, the school-year length, the notional SEN budget and the
editor-defined cost bands, once per request, and hands them over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Round

from send_toolkit.domain.costing import (
    DEFAULT_NOTIONAL_SEN_BUDGET,
    DEFAULT_SCHOOL_WEEKS,
    Band,
    Costing,
    CostingInputs,
    calculate,
)

if TYPE_CHECKING:
    from django.http import HttpRequest

    from send_toolkit.interventions.models import Intervention


@dataclass(frozen=True)
class CouncilRates:
    """The council-wide figures every costing on a page shares."""

    school_weeks: int = DEFAULT_SCHOOL_WEEKS
    notional_sen_budget: Decimal = DEFAULT_NOTIONAL_SEN_BUDGET
    bands: tuple[Band, ...] = field(default_factory=tuple)


def cost_bands_for_request(request: HttpRequest | None) -> list:
    """The editor-defined CostBand rows, read once per request."""
    from send_toolkit.interventions.models import CostBand

    if request is None:
        return list(CostBand.objects.all())
    cached = getattr(request, "_send_toolkit_cost_bands", None)
    if cached is None:
        cached = list(CostBand.objects.all())
        request._send_toolkit_cost_bands = cached
    return cached


def current_bands(request: HttpRequest | None = None) -> tuple[Band, ...]:
    return tuple(Band(band.label, band.max_per_pupil) for band in cost_bands_for_request(request))


def rates_for_site(site=None) -> CouncilRates:
    """The rates for one site (the default site when ``site`` is None)."""
    from wagtail.models import Site

    from send_toolkit.council.models import ToolkitSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CouncilRates(bands=current_bands())
    settings = ToolkitSettings.for_site(site)
    return CouncilRates(settings.school_weeks, settings.notional_sen_budget, current_bands())


def rates_for_request(request: HttpRequest | None) -> CouncilRates:
    """The rates for the site serving ``request``, looked up once per request."""
    if request is None:
        return rates_for_site()
    cached = getattr(request, "_send_toolkit_council_rates", None)
    if cached is None:
        from wagtail.models import Site

        from send_toolkit.council.models import ToolkitSettings

        # The same per-request cache the template tags use, so settings are read once.
        site = Site.find_for_request(request)
        if site is None:
            return rates_for_site()
        settings = ToolkitSettings.for_request(request)  # Wagtail's per-request cache, shared with templates
        cached = CouncilRates(settings.school_weeks, settings.notional_sen_budget, current_bands(request))
        request._send_toolkit_council_rates = cached
    return cached


def hourly_rates_for_request(request: HttpRequest | None) -> dict[int, Decimal]:
    """Every staff role's hourly rate by id, read once per request (for interventions fetched without their role)."""
    from send_toolkit.interventions.models import StaffRole

    cached = getattr(request, "_send_toolkit_hourly_rates", None) if request is not None else None
    if cached is None:
        cached = dict(StaffRole.objects.values_list("pk", "hourly_rate"))
        if request is not None:
            request._send_toolkit_hourly_rates = cached
    return cached


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


def with_cost_per_pupil(queryset: QuerySet, school_weeks: int) -> QuerySet:
    """Annotate ``cost_per_pupil_estimate``: the same sum as ``costing.calculate``, done by the database.

    Used to filter and sort by cost without loading every intervention. It is a
    float rounded to the penny, so it can differ from the Decimal figure only when
    the exact cost sits within half a penny of a band's ceiling.
    """
    rate = Cast(Coalesce(F("staff_role__hourly_rate"), Value(Decimal("0"))), FloatField())
    weeks = Coalesce(F("weeks"), Value(school_weeks))
    staff = rate * F("staff_count") * F("session_minutes") * Cast(F("sessions_per_week"), FloatField()) * weeks / 60.0
    total = staff + Cast(F("resource_cost"), FloatField()) + Cast(F("training_cost"), FloatField())
    return queryset.annotate(cost_per_pupil_estimate=Round(total / F("group_size"), 2, output_field=FloatField()))
