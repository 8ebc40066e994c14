"""The Intervention Overview on a key stage page: every intervention that applies there, costed.

An intervention applies to a key stage when one of its (visible) tier pages
shows it, or when it is tagged for the stage's area of need and key stage.
Everything is fetched in a fixed number of queries, whatever the number of
interventions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from send_toolkit.access.visibility import visible_interventions
from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import Costing
from send_toolkit.interventions.costs import cost_of, rates_for_request
from send_toolkit.interventions.models import Delivery, Intervention

if TYPE_CHECKING:
    from django.http import HttpRequest

DELIVERY_ORDER = {value: position for position, (value, _label) in enumerate(Delivery.choices)}


@dataclass(frozen=True)
class SortOption:
    key: str
    label: str


SORT_OPTIONS: tuple[SortOption, ...] = (
    SortOption("tier", "Tier"),
    SortOption("name", "Name"),
    SortOption("delivery", "Delivery"),
    SortOption("time", "Time a week"),
    SortOption("cost", "Cost per pupil, lowest first"),
    SortOption("-cost", "Cost per pupil, highest first"),
)
DEFAULT_SORT = "tier"


@dataclass(frozen=True)
class OverviewRow:
    intervention: Intervention
    costing: Costing
    tier: vocabulary.Term
    tier_page: object | None  # this key stage's page for the intervention's tier, if the request may see it
    shown_on_tier_page: bool


def _sort_key(sort: str):
    keys = {
        "name": lambda row: row.intervention.name.casefold(),
        "tier": lambda row: (vocabulary.order_of(vocabulary.TIERS, row.intervention.tier), row.intervention.name),
        "delivery": lambda row: (DELIVERY_ORDER.get(row.intervention.delivery, 99), row.intervention.group_size),
        "time": lambda row: (row.costing.minutes_per_week, row.intervention.name),
        "cost": lambda row: (row.costing.cost_per_pupil, row.intervention.name),
    }
    return keys[sort.lstrip("-")]


def interventions_in_bodies(pages: Iterable) -> set[int]:
    """Ids of interventions chosen in Intervention and Costing blocks, read from the stored JSON (no queries)."""
    ids: set[int] = set()
    for page in pages:
        for block in page.body.raw_data:
            value = block.get("value") or {}
            if block.get("type") == "intervention" and value.get("intervention"):
                ids.add(int(value["intervention"]))
            elif block.get("type") == "costing":
                for item in value.get("interventions") or []:
                    chosen = item.get("value") if isinstance(item, dict) else item
                    if chosen:
                        ids.add(int(chosen))
    return ids


def build_overview(
    request: HttpRequest | None, need_area: str | None, key_stage: str, tier_pages: list, sort: str
) -> tuple[list[OverviewRow], str]:
    """Rows for the overview table, sorted by ``sort`` (one of SORT_OPTIONS; unknown values fall back)."""
    if sort not in {option.key for option in SORT_OPTIONS}:
        sort = DEFAULT_SORT
    shown = interventions_in_bodies(tier_pages)
    applies = Q(pk__in=shown)
    if need_area:
        tagged_area = Intervention.need_areas.through.objects.filter(needarea__value=need_area)
        tagged_stage = Intervention.key_stages.through.objects.filter(keystage__value=key_stage)
        applies |= Q(pk__in=tagged_area.values("intervention_id")) & Q(pk__in=tagged_stage.values("intervention_id"))
    queryset = visible_interventions(request, Intervention.objects.filter(applies).select_related("staff_role"))
    rates = rates_for_request(request)
    tier_page_for = {page.tier: page for page in tier_pages}
    rows = [
        OverviewRow(
            intervention=intervention,
            costing=cost_of(intervention, rates),
            tier=intervention.tier_term,
            tier_page=tier_page_for.get(intervention.tier),
            shown_on_tier_page=intervention.pk in shown,
        )
        for intervention in queryset
    ]
    rows.sort(key=_sort_key(sort), reverse=sort.startswith("-"))
    return rows, sort
