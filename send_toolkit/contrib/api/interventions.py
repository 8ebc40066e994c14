"""The interventions endpoint (``/api/v2/interventions/``): the intervention directory as JSON.

- Listing ``GET interventions/``: the directory's own filters (``interventions.directory.filter_directory``):
  ``search`` (plain words, as the directory's ``q``), the facets ``need_area``, ``sub_need``, ``key_stage``,
  ``tier``, ``delivery``, ``cost_band`` and ``evidence`` (each may repeat: any of the values), ``order``
  (``name``, ``cost``, ``-cost``, ``tier``), and ``offset`` / ``limit`` as on the pages endpoint. The
  response's ``meta`` holds ``total_count`` and the directory's ``facets`` with their counts.
- Detail ``GET interventions/<id>/`` and ``GET interventions/find/?slug=...`` (or ``?id=``).

Only what the request may see, by the rule the directory uses (``access.visible_interventions``): everyone
gets public records; approved practitioners and the council's editors also get practitioner-only ones,
and their responses are private. A facet value nothing the request may see carries matches nothing (the
directory, a form, leaves such a box unticked instead); one the facet can never have is a 400.
"""

from __future__ import annotations

from django.http import Http404, QueryDict
from django.utils.translation import gettext
from rest_framework import serializers
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from send_toolkit.access.api_context import api_reader
from send_toolkit.contrib.api.endpoint import ToolkitEndpointMixin
from send_toolkit.contrib.api.parameters import (
    MAX_ID,
    facet_values,
    find_id,
    intervention_order,
    search_words,
)
from send_toolkit.interventions.costs import rates_for_request
from send_toolkit.interventions.directory import base_queryset, filter_directory
from send_toolkit.interventions.facets import FACET_NAMES, Facet
from send_toolkit.interventions.models import Intervention
from send_toolkit.interventions.representation import intervention_representation

# Every intervention's relations, read once for a whole page of them.
RELATED = ("need_areas", "key_stages", "sub_needs")


class InterventionSerializer(serializers.BaseSerializer):
    """One intervention as ``interventions.representation`` gives it (the intervention blocks give the same)."""

    def to_representation(self, instance: Intervention) -> dict:
        return intervention_representation(self.context, instance, rates_for_request(api_reader(self.context)))


def facets_representation(facets: list[Facet]) -> list[dict]:
    """The directory's facets: each option offered to this request, with how many would be listed if it were
    chosen (given everything else chosen)."""
    return [
        {
            "name": facet.name,
            "label": facet.legend,
            "options": [
                {"value": option.value, "label": option.label, "count": option.count, "selected": option.selected}
                for option in facet.options
            ],
        }
        for facet in facets
    ]


def directory_query(query: QueryDict, facets: dict[str, list[str]]) -> QueryDict:
    """The API's query string in the directory's names (``search`` is its ``q``, ``order`` its ``sort``), with
    the ``facets`` asked for (``parameters.facet_values``); every parameter checked first (400 with a reason)."""
    data = QueryDict(mutable=True)
    for name, values in facets.items():
        data.setlist(name, values)
    if "search" in query:
        data["q"] = search_words(query)
    order = intervention_order(query)
    if order is not None:
        data["sort"] = order
    return data


class ToolkitInterventionsAPIViewSet(ToolkitEndpointMixin, BaseAPIViewSet):
    model = Intervention
    name = "interventions"
    serializer_class = InterventionSerializer
    known_query_parameters = frozenset(
        ["limit", "offset", "search", "order", "rich_text_format", "_", "format", *FACET_NAMES]
    )
    find_query_parameters = frozenset(["id", "slug"])

    def get_queryset(self):
        """What the request may see (detail and find), costed and with its relations."""
        request = self.django_request
        visible = base_queryset(request, "", rates_for_request(request))
        return visible.select_related("staff_role").prefetch_related(*RELATED).order_by("name")

    def get_serializer_class(self):
        return self.serializer_class

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            message = gettext("query parameter is not an operation or a recognised field: %(names)s")
            raise BadRequestError(message % {"names": ", ".join(sorted(unknown))})

    def listing_view(self, request):
        self.check_query_parameters()
        asked = facet_values(request.GET)
        filtered = filter_directory(self.django_request, directory_query(request.GET, asked))
        listed = filtered.listed.select_related("staff_role").prefetch_related(*RELATED)
        selected = filtered.filterset.selected
        if any(values and not selected[name] for name, values in asked.items()):
            listed = listed.none()  # every value asked for is one nothing this request may see carries
        page = self.paginate_queryset(listed)
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        response.data["meta"]["facets"] = facets_representation(filtered.facets)
        return response

    def get_object(self):
        if self.kwargs.get("pk", 0) > MAX_ID:
            raise Http404(gettext("not found"))
        return super().get_object()

    def find_object(self, queryset, request):
        find_id(request.GET)
        if "slug" in request.GET:
            return queryset.filter(slug=request.GET["slug"]).first()
        return super().find_object(queryset, request)
