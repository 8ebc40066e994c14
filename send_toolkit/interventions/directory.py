"""The intervention directory: search, facets with counts, sorting, pages and CSV export.

Every queryset starts from ``access.visible_interventions``, so practitioner-only
interventions never reach the list, the counts, the search or the export of
anyone who may not see them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpResponse
from django.utils.functional import cached_property
from wagtail.search.backends import get_search_backend

from send_toolkit.access.stored_rich_text import without_hidden_images
from send_toolkit.access.visibility import request_is_practitioner, visible_interventions
from send_toolkit.conf import toolkit_settings
from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import Costing
from send_toolkit.domain.search_words import plain_words
from send_toolkit.domain.spreadsheet_cells import UTF8_MARK
from send_toolkit.interventions.costs import (
    COST_PER_PUPIL_PENCE,
    CouncilRates,
    cost_bands_for_request,
    cost_of,
    rates_for_request,
    with_cost_per_pupil,
)
from send_toolkit.interventions.csv_columns import export_columns, export_row
from send_toolkit.interventions.facets import FACET_NAMES, Facet, InterventionFilterSet, offered_options
from send_toolkit.interventions.models import Intervention

if TYPE_CHECKING:
    from django.http import HttpRequest, QueryDict

SORTS = {
    "name": ("Name (A to Z)", ("name",)),
    "cost": ("Cost per pupil, lowest first", (COST_PER_PUPIL_PENCE, "name")),
    "-cost": ("Cost per pupil, highest first", (f"-{COST_PER_PUPIL_PENCE}", "name")),
    "tier": ("Tier", ("tier_order", "name")),
}
DEFAULT_SORT = "name"
MAX_INLINE_IDS = 2000


@dataclass
class FilteredDirectory:
    """The directory's filters applied for one request: what it may see (``base``, searched and costed), what is
    listed (``listed``: the facets chosen, in ``sort`` order, not yet paged) and every facet with its counts."""

    filterset: InterventionFilterSet
    rates: CouncilRates
    base: QuerySet
    listed: QuerySet
    facets: list[Facet]
    total: int
    sort: str


@dataclass
class DirectoryResults:
    filterset: InterventionFilterSet
    facets: list[Facet]
    page: PaginatorPage
    rows: list[tuple[Intervention, Costing]]
    total: int
    search_text: str
    sort: str
    rates: CouncilRates
    filters_querystring: str = ""
    sort_options: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.search_text) or any(self.filterset.selected[name] for name in FACET_NAMES)


class CountedPaginator(Paginator):
    """A paginator told the total up front (it comes with the facet counts), saving a COUNT query."""

    def __init__(self, object_list, per_page, *, total: int):
        super().__init__(object_list, per_page)
        self.total = total

    @cached_property
    def count(self) -> int:
        return self.total


def _filterset(request: HttpRequest, data: QueryDict) -> InterventionFilterSet:
    """The facets, offering only values that interventions this request may see carry."""
    bands = cost_bands_for_request(request)
    visible = visible_interventions(request, Intervention.objects.all())
    offered = offered_options(with_cost_per_pupil(visible, rates_for_request(request).school_weeks), bands)
    return InterventionFilterSet(data or None, Intervention.objects.none(), bands=bands, offered=offered)


def matching_search(queryset: QuerySet, text: str) -> list[int] | QuerySet:
    """Ids of interventions in ``queryset`` matching the plain words of ``text``, found by Wagtail search.

    Up to ``MAX_INLINE_IDS`` matches the ids are fetched once, because the facet
    counts refer to them several times in one query; beyond that a sub-query
    keeps the number of SQL parameters bounded.
    """
    # Only plain words reach the backend: raw quotes and brackets are query syntax to some (a 500).
    words = plain_words(text)
    if not words:
        return []
    # The directory sorts by name or cost, so skip relevance scoring (a correlated sub-query per row).
    results = get_search_backend().search(words, queryset, operator="and", order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None:  # search servers (Elasticsearch, OpenSearch) return records
        return [item.pk for item in results]
    ids = get_queryset().values_list("pk", flat=True)  # database backends: ids only, not whole records
    first = list(ids[: MAX_INLINE_IDS + 1])
    return first if len(first) <= MAX_INLINE_IDS else ids


def base_queryset(request: HttpRequest | None, search_text: str, rates: CouncilRates) -> QuerySet:
    """What this request may see, narrowed by the search text, with the cost per pupil annotated."""
    visible = visible_interventions(request, Intervention.objects.all())
    if search_text:
        visible = visible.filter(pk__in=matching_search(visible, search_text))
    return with_cost_per_pupil(visible, rates.school_weeks)


def _ordered(queryset, sort: str):
    if sort == "tier":
        tier_order = Case(
            *(When(tier=term.value, then=Value(position)) for position, term in enumerate(vocabulary.TIERS)),
            default=Value(len(vocabulary.TIERS)),
            output_field=IntegerField(),
        )
        queryset = queryset.annotate(tier_order=tier_order)
    return queryset.order_by(*SORTS[sort][1])


def filter_directory(request: HttpRequest | None, data: QueryDict) -> FilteredDirectory:
    """The directory's search (``q``), facets and ``sort`` from ``data``, for what ``request`` may see: the one
    source of the directory page and of the Wagtail API's interventions endpoint (``contrib/api``).

    A facet value that is not offered (nothing the request may see carries it) is left out, as an unticked box
    is; an unknown ``sort`` is the default one."""
    filterset = _filterset(request, data)
    rates = rates_for_request(request)
    base = base_queryset(request, filterset.search_text, rates)
    sort = data.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT
    listed = _ordered(filterset.filter_selected(base), sort)
    facets, total = filterset.facets(base)
    return FilteredDirectory(filterset, rates, base, listed, facets, total, sort)


def search_directory(request: HttpRequest, data: QueryDict) -> DirectoryResults:
    filtered = filter_directory(request, data)
    filterset, rates = filtered.filterset, filtered.rates
    listed = filtered.listed.select_related("staff_role").prefetch_related("need_areas", "key_stages")
    paginator = CountedPaginator(listed, toolkit_settings.DIRECTORY_PAGE_SIZE, total=filtered.total)
    page = paginator.get_page(data.get("page"))
    rows = [(intervention, cost_of(intervention, rates)) for intervention in page.object_list]
    keep = data.copy()
    keep.pop("page", None)
    return DirectoryResults(
        filterset=filterset,
        facets=filtered.facets,
        page=page,
        rows=rows,
        total=paginator.count,
        search_text=filterset.search_text,
        sort=filtered.sort,
        rates=rates,
        filters_querystring=keep.urlencode(),
        sort_options=[(key, label) for key, (label, _order) in SORTS.items()],
    )


def export_csv(request: HttpRequest, data: QueryDict, filename: str = "interventions.csv") -> HttpResponse:
    """The directory's current filter as CSV. Others than practitioners get public rows and public columns only."""
    filterset = _filterset(request, data)
    rates = rates_for_request(request)
    base = base_queryset(request, filterset.search_text, rates)
    listed = filterset.filter_selected(base).order_by("name")
    listed = listed.select_related("staff_role").prefetch_related("need_areas", "key_stages", "sub_needs")
    columns = export_columns(include_practitioner_fields=request_is_practitioner(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(UTF8_MARK)
    writer = csv.writer(response)
    writer.writerow([column.label for column in columns])
    for intervention in listed.iterator(chunk_size=500):
        # The stored description, less any image this reader may not see (the page leaves it out too).
        description = without_hidden_images(request, intervention.description)
        writer.writerow(export_row(intervention, cost_of(intervention, rates), columns, description=description))
    return response
