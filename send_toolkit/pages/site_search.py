"""Site search for one toolkit: pages, interventions and glossary terms, filtered by need area and key stage.

Every result comes through ``access.visible_pages`` or ``access.visible_interventions``,
so nobody finds, or sees a count of, anything they may not open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator

from send_toolkit.access.visibility import visible_interventions, visible_pages
from send_toolkit.blocks.public_text import public_text
from send_toolkit.domain import vocabulary
from send_toolkit.domain.search_words import plain_words
from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.interventions.directory import matching_search
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.base import BasePage

if TYPE_CHECKING:
    from django.http import HttpRequest, QueryDict

MAX_RESULTS = 50


@dataclass
class SearchResults:
    query: str = ""
    need_area: str = ""
    key_stage: str = ""
    pages: list = field(default_factory=list)
    interventions: list = field(default_factory=list)
    glossary_terms: list = field(default_factory=list)
    searched: bool = False

    @property
    def total(self) -> int:
        return len(self.pages) + len(self.interventions) + len(self.glossary_terms)

    @property
    def need_area_term(self) -> vocabulary.Term | None:
        return vocabulary.by_value(vocabulary.NEED_AREAS, self.need_area) if self.need_area else None

    @property
    def key_stage_term(self) -> vocabulary.Term | None:
        return vocabulary.by_value(vocabulary.KEY_STAGES, self.key_stage) if self.key_stage else None

    @property
    def is_filtered(self) -> bool:
        return bool(self.need_area or self.key_stage)


def _choice(terms: tuple[vocabulary.Term, ...], value: str | None) -> str:
    return value if value and any(term.value == value for term in terms) else ""


def _pages(request, toolkit, query: str, need_area: str, key_stage: str) -> list:
    pages = visible_pages(request, BasePage.objects.descendant_of(toolkit, inclusive=True))
    paths = toolkit.scope_paths(need_area, key_stage)
    if paths is not None:
        scope = Q(pk__in=[])
        for path in paths:
            scope |= Q(path__startswith=path)
        pages = pages.filter(scope)
    if not query:
        found = list(pages.order_by("path").specific()[:MAX_RESULTS])
    else:
        # The search backend filters on plain id lists only, so narrow first, then search.
        allowed = list(pages.values_list("pk", flat=True))
        found = list(BasePage.objects.filter(pk__in=allowed).specific().search(query, operator="and")[:MAX_RESULTS])
    for page in found:
        page.search_excerpt = excerpt(page)
    return found


def excerpt(page, words: int = 30) -> str:
    """A plain-text summary for a search result: description, introduction or the start of the body.

    The body's text is what it shows everyone (``blocks.public_text``), the same text the search index
    holds, whoever is searching: the excerpt is cached with the page's public response."""
    text = getattr(page, "search_description", "") or strip_tags(getattr(page, "introduction", "") or "")
    if not text.strip():
        text = " ".join(strip_tags(piece) for piece in public_text(getattr(page, "body", None)))
    return Truncator(" ".join(text.split())).words(words)


def _interventions(request, query: str, need_area: str, key_stage: str) -> list:
    visible = visible_interventions(request, Intervention.objects.all())
    interventions = visible
    if need_area:
        interventions = interventions.filter(need_areas__value=need_area)
    if key_stage:
        interventions = interventions.filter(key_stages__value=key_stage)
    if query:
        interventions = interventions.filter(pk__in=matching_search(visible, query))
    return list(interventions.distinct().order_by("name")[:MAX_RESULTS])


def _glossary_terms(query: str) -> list:
    if not query:
        return []
    matches = Q()
    for word in query.split():
        matches &= Q(term__icontains=word) | Q(aliases__icontains=word) | Q(definition__icontains=word)
    return list(GlossaryTerm.objects.filter(matches)[:MAX_RESULTS])


def search_toolkit(request: HttpRequest, toolkit, data: QueryDict) -> SearchResults:
    query = plain_words(data.get("q", ""))
    results = SearchResults(
        query=query,
        need_area=_choice(vocabulary.NEED_AREAS, data.get("need_area")),
        key_stage=_choice(vocabulary.KEY_STAGES, data.get("key_stage")),
    )
    if not results.query and not results.is_filtered:
        return results
    results.searched = True
    results.pages = _pages(request, toolkit, results.query, results.need_area, results.key_stage)
    results.interventions = _interventions(request, results.query, results.need_area, results.key_stage)
    results.glossary_terms = _glossary_terms(results.query)
    return results
