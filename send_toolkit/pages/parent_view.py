"""The parent and carer view of a need area or key stage: what it means for families and what helps at home."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from send_toolkit.access.visibility import visible_interventions, visible_pages
from send_toolkit.domain import vocabulary


@dataclass
class FamilyStrategy:
    title: str
    for_parents: str
    at_home: str


def strategies_for_families(tier_page) -> list[FamilyStrategy]:
    """Strategies on a tier page that say something to families, in page order."""
    found = []
    for block in tier_page.body:
        if block.block_type != "strategy_list":
            continue
        for strategy in block.value.get("strategies", []):
            if strategy.get("for_parents") or strategy.get("at_home"):
                found.append(
                    FamilyStrategy(strategy["title"], strategy.get("for_parents", ""), strategy.get("at_home", ""))
                )
    return found


def _key_stage_context(request: HttpRequest, page) -> dict:
    from send_toolkit.interventions.models import Intervention
    from send_toolkit.pages.models import InterventionDirectoryPage, NeedAreaPage

    tiers = _visible_tiers(request, page)
    sections = [(tier, strategies_for_families(tier)) for tier in tiers]
    need_area = NeedAreaPage.objects.ancestor_of(page).values_list("need_area", flat=True).last()
    interventions = visible_interventions(
        request, Intervention.objects.filter(need_areas__value=need_area, key_stages__value=page.key_stage)
    )
    interventions = interventions.exclude(for_parents="", at_home="").distinct().order_by("name")
    toolkit = page.toolkit()
    directory = visible_pages(request, InterventionDirectoryPage.objects.child_of(toolkit)).first() if toolkit else None
    return {
        "tier_sections": [(tier, strategies) for tier, strategies in sections if strategies],
        "family_interventions": list(interventions),
        "intervention_directory_url": directory.get_url(request) if directory else None,
    }


# A need area's parent view leads with a few ideas from each phase, so families see what the area
# means for them before choosing a phase; the phase's own guide has the rest.
HIGHLIGHTS_PER_STAGE = 2


@dataclass
class StageHighlights:
    stage: object
    strategies: list[FamilyStrategy]
    more: int


def _visible_tiers(request: HttpRequest, stage) -> list:
    from send_toolkit.pages.models import TierPage

    tiers = list(visible_pages(request, TierPage.objects.child_of(stage)).specific())
    tiers.sort(key=lambda tier: vocabulary.order_of(vocabulary.TIERS, tier.tier))
    return tiers


def family_highlights(request: HttpRequest, stages) -> list[StageHighlights]:
    """The first few family texts of each phase (only from tier pages this visitor may see), in tier order."""
    highlights = []
    for stage in stages:
        strategies = [strategy for tier in _visible_tiers(request, stage) for strategy in strategies_for_families(tier)]
        if strategies:
            chosen = strategies[:HIGHLIGHTS_PER_STAGE]
            highlights.append(StageHighlights(stage, chosen, len(strategies) - len(chosen)))
    return highlights


def _need_area_context(request: HttpRequest, page) -> dict:
    from send_toolkit.pages.models import KeyStagePage

    stages = list(visible_pages(request, KeyStagePage.objects.child_of(page)).specific())
    stages.sort(key=lambda stage: vocabulary.order_of(vocabulary.KEY_STAGES, stage.key_stage))
    return {"key_stages": stages, "family_highlights": family_highlights(request, stages)}


def parent_view_context(request: HttpRequest, page) -> dict:
    context = {"audience": "parents"}
    if hasattr(page, "key_stage"):
        context.update(_key_stage_context(request, page))
    else:
        context.update(_need_area_context(request, page))
    return context
