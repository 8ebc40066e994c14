"""An intervention as the Wagtail API shows it: the one representation the interventions endpoint and the
intervention blocks on pages both give (``contrib/api``, ``blocks/interventions.py``).

It holds what the intervention's own page shows whoever may see the intervention (name, summary,
description, need areas, key stages, tier, delivery, time, staff, evidence, provider and the costs
worked out from the council's rates), never whether the caller may see it: callers ask
``access.visible_interventions`` / ``can_view_intervention`` first. The description is rich text as
the reader may see it (``access.api_rich_text``). Who the intervention is for (``audience``) is shown
only to those who see practitioner-only records, as the directory's CSV export does.

Sums of money are strings with two decimal places ("213.75"), never floats.

The serializer context may hold the API ``router`` (for ``meta.detail_url``) and the site's visible
``intervention_directory`` page (for ``meta.html_url``); the toolkit's API views put both there.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from send_toolkit.access.api_context import api_detail_url, api_full_url, api_reader
from send_toolkit.access.api_rich_text import api_rich_text
from send_toolkit.access.visibility import request_is_practitioner
from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import Costing, to_pence
from send_toolkit.interventions.costs import CouncilRates, cost_of
from send_toolkit.interventions.models import Delivery, EvidenceStrength, Intervention

# The serializer context key under which the toolkit's API views put the site's visible intervention directory.
INTERVENTION_DIRECTORY = "intervention_directory"

API_TYPE = "send_toolkit.Intervention"


def money(amount: Decimal | None) -> str | None:
    """A sum of money for JSON: pounds to the penny as a string ("855.00"); None stays None."""
    return None if amount is None else f"{to_pence(amount):.2f}"


def number(value: Decimal | None) -> str | None:
    """A decimal count (sessions a week, contact hours) as a string, without trailing zeros ("1.5", "3")."""
    if value is None:
        return None
    return format(Decimal(value).normalize(), "f")


def term(terms: tuple[vocabulary.Term, ...], value: str) -> dict[str, str]:
    """A value of the fixed vocabulary with its label (the value itself if this version does not know it)."""
    known = next((candidate for candidate in terms if candidate.value == value), None)
    return {"value": value, "label": known.label if known else value}


def choice(choices: list[tuple[str, str]], value: str) -> dict[str, str]:
    """A model choice with its label (the value itself if the choices do not name it)."""
    return {"value": value, "label": str(dict(choices).get(value, value))}


def costs_representation(costing: Costing, notional_sen_budget: Decimal) -> dict[str, Any]:
    """What it costs a school, as the intervention's page shows it (``domain.costing.calculate``)."""
    return {
        "weeks": costing.weeks,
        "sessions_per_year": number(costing.sessions_per_year),
        "minutes_per_week": number(costing.minutes_per_week),
        "contact_hours_per_pupil": number(costing.contact_hours_per_pupil),
        "staff_rate_known": costing.staff_rate_known,
        "annual_staff_cost": money(costing.annual_staff_cost),
        "resource_cost": money(costing.resource_cost),
        "training_cost": money(costing.training_cost),
        "total_cost": money(costing.total_cost),
        "cost_per_pupil": money(costing.cost_per_pupil),
        "cost_band": costing.cost_band,
        "notional_sen_budget": money(notional_sen_budget),
        "share_of_sen_budget": number(costing.share_of_sen_budget),
    }


def _meta(context: Mapping[str, Any] | None, intervention: Intervention) -> dict[str, Any]:
    meta: dict[str, Any] = {"type": API_TYPE}
    detail_url = api_detail_url(context, Intervention, intervention.pk)
    if detail_url:
        meta["detail_url"] = detail_url
    directory = (context or {}).get(INTERVENTION_DIRECTORY)
    if directory is not None:
        path = directory.url + directory.reverse_subpage("intervention", kwargs={"slug": intervention.slug})
        meta["html_url"] = api_full_url(context, path)
    return meta


def intervention_representation(
    context: Mapping[str, Any] | None, intervention: Intervention, rates: CouncilRates
) -> dict[str, Any]:
    """The intervention for an API response, costed with the council's ``rates`` (``costs.rates_for_request``).
    Needs ``need_areas``, ``key_stages`` and ``sub_needs`` prefetched and ``staff_role`` selected (or
    prefetched) to stay at a fixed number of queries for a list."""
    role = intervention.staff_role
    representation: dict[str, Any] = {
        "id": intervention.pk,
        "meta": _meta(context, intervention),
        "name": intervention.name,
        "slug": intervention.slug,
        "summary": intervention.summary,
        "description": api_rich_text(context, intervention.description),
        "for_parents": intervention.for_parents,
        "at_home": intervention.at_home,
        "need_areas": [term(vocabulary.NEED_AREAS, area.value) for area in intervention.need_areas.all()],
        "sub_needs": [
            {"id": sub_need.pk, "name": sub_need.name, "need_area": sub_need.need_area}
            for sub_need in intervention.sub_needs.all()
        ],
        "key_stages": [term(vocabulary.KEY_STAGES, stage.value) for stage in intervention.key_stages.all()],
        "tier": term(vocabulary.TIERS, intervention.tier),
        "delivery": choice(Delivery.choices, intervention.delivery),
        "group_size": intervention.group_size,
        "session_minutes": intervention.session_minutes,
        "sessions_per_week": number(intervention.sessions_per_week),
        "weeks": intervention.weeks,
        "staff_role": {"name": role.name, "hourly_rate": money(role.hourly_rate)} if role else None,
        "staff_count": intervention.staff_count,
        "training_required": intervention.training_required,
        "evidence": choice(EvidenceStrength.choices, intervention.evidence_strength),
        "evidence_source": intervention.evidence_source,
        "provider": intervention.provider,
        "provider_url": intervention.provider_url,
        "last_reviewed": intervention.last_reviewed.isoformat() if intervention.last_reviewed else None,
        "costs": costs_representation(cost_of(intervention, rates), rates.notional_sen_budget),
    }
    if request_is_practitioner(api_reader(context)):
        representation["audience"] = intervention.audience
    return representation
