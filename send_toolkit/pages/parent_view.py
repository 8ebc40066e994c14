"""The parent and carer view of a need area or key stage: what it means for families and what helps at home.

The pages themselves answer the queries (``KeyStagePage.tier_pages``, ``NeedAreaPage.key_stage_pages``, ...),
so this module needs no page model: the page models import it for their ``parents/`` route.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest


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
    sections = [(tier, strategies_for_families(tier)) for tier in page.tier_pages(request)]
    return {
        "tier_sections": [(tier, strategies) for tier, strategies in sections if strategies],
        "family_interventions": page.interventions_for_families(request),
        "intervention_directory": page.intervention_directory(request),
    }


# A need area's parent view leads with a few ideas from each phase, so families see what the area
# means for them before choosing a phase; the phase's own guide has the rest.
HIGHLIGHTS_PER_STAGE = 2


@dataclass
class StageHighlights:
    stage: object
    strategies: list[FamilyStrategy]
    more: int


def family_highlights(request: HttpRequest, stages) -> list[StageHighlights]:
    """The first few family texts of each phase (only from tier pages this visitor may see), in tier order."""
    highlights = []
    for stage in stages:
        strategies = [strategy for tier in stage.tier_pages(request) for strategy in strategies_for_families(tier)]
        if strategies:
            chosen = strategies[:HIGHLIGHTS_PER_STAGE]
            highlights.append(StageHighlights(stage, chosen, len(strategies) - len(chosen)))
    return highlights


def _need_area_context(request: HttpRequest, page) -> dict:
    stages = page.key_stage_pages(request)
    return {"key_stages": stages, "family_highlights": family_highlights(request, stages)}


def parent_view_context(request: HttpRequest, page) -> dict:
    context = {"audience": "parents"}
    if hasattr(page, "key_stage"):
        context.update(_key_stage_context(request, page))
    else:
        context.update(_need_area_context(request, page))
    return context
