"""The Wagtail API v2 pages endpoint, filtered through the toolkit's access helper.

Wagtail's own ``PagesAPIViewSet`` lets any logged-in account past a "logged-in users"
restriction; the toolkit reserves those for approved practitioners (``access_rules``).
Mount it in the host's urls (needs ``wagtail.api.v2`` and ``rest_framework`` installed)::

    from send_toolkit.contrib.api.router import api_router
    path("api/v2/", api_router.urls),

Only the pages endpoint is offered: Wagtail's documents and images endpoints list files
without regard to collection privacy, so do not register them beside it.
"""

from __future__ import annotations

from rest_framework.authentication import SessionAuthentication
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from send_toolkit.access.visibility import visible_pages
from send_toolkit.contrib.api.parameters import BoundedPagination, PlainWordsSearchFilter, check_query, find_id


class ToolkitPagesAPIViewSet(PagesAPIViewSet):
    # Sessions only: no HTTP Basic passwords, which would bypass the login rate limit.
    authentication_classes = [SessionAuthentication]
    # Bad parameters are a 400 with a reason, never a 500 (parameters.py).
    pagination_class = BoundedPagination
    filter_backends = [
        PlainWordsSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query(request.GET)

    def find_object(self, queryset, request):
        find_id(request.GET)
        return super().find_object(queryset, request)

    def get_base_queryset(self):
        request = self.request._request  # Django's request: its user comes from the session
        try:
            pages = get_public_pages_queryset(request)
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return visible_pages(request, pages)


api_router = WagtailAPIRouter("send_toolkit_api")
api_router.register_endpoint("pages", ToolkitPagesAPIViewSet)
