"""The toolkit's Wagtail API v2: the pages and interventions endpoints, filtered through the access gate.

Wagtail's own ``PagesAPIViewSet`` lets any logged-in account past a "logged-in users"
restriction; the toolkit reserves those for approved practitioners (``access_rules``).
Mount it in the host's urls (needs ``wagtail.api.v2`` and ``rest_framework`` installed)::

    from send_toolkit.contrib.api.router import api_router
    path("api/v2/", api_router.urls),

- ``pages/``: the pages the request may see, with the toolkit's fields and StreamField bodies
  (``api_fields`` on the page types), every block and rich text cut down to what the reader may see.
- ``interventions/``: the intervention directory (``interventions.py``).

Wagtail's documents and images endpoints list files without regard to collection privacy, so they are
not offered: do not register them beside these.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from send_toolkit.access.visibility import visible_pages
from send_toolkit.contrib.api.endpoint import ToolkitEndpointMixin
from send_toolkit.contrib.api.interventions import ToolkitInterventionsAPIViewSet
from send_toolkit.contrib.api.parameters import MAX_ID, CheckedFieldsFilter, PlainWordsSearchFilter, find_id

# Wagtail's filters, with the toolkit's checks where Wagtail's would let a bad value through (parameters.py).
CHECKED_FILTERS = {SearchFilter: PlainWordsSearchFilter, FieldsFilter: CheckedFieldsFilter}


class ToolkitPagesAPIViewSet(ToolkitEndpointMixin, PagesAPIViewSet):
    filter_backends = [CHECKED_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends]

    def find_object(self, queryset, request):
        find_id(request.GET)
        return super().find_object(queryset, request)

    def get_object(self):
        if self.kwargs.get("pk", 0) > MAX_ID:
            raise Http404(gettext("not found"))
        return super().get_object()

    def get_base_queryset(self):
        request = self.django_request  # its user comes from the session
        try:
            pages = get_public_pages_queryset(request)
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return visible_pages(request, pages)


api_router = WagtailAPIRouter("send_toolkit_api")
api_router.register_endpoint("pages", ToolkitPagesAPIViewSet)
api_router.register_endpoint("interventions", ToolkitInterventionsAPIViewSet)
