"""What every endpoint of the toolkit's Wagtail API shares (``router.py``): who is reading, and how it answers.

- Sessions only: no HTTP Basic passwords, which would bypass the login rate limit.
- Bad parameters are a 400 with a reason, never a 500 (``parameters.py``); ``offset`` and ``limit`` bounded.
- Fields and blocks are given Django's request as ``context["request"]`` (``access.api_context``): the access
  gate remembers its answers on that object, and ``CacheHeadersMiddleware`` reads from it whether anything
  restricted was shown. REST framework's wrapper of it is another object, which the gate would not connect.
- A response holding anything restricted is ``Cache-Control: private, no-store`` (as the directory marks its
  own), even on a host without ``CacheHeadersMiddleware``.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from rest_framework.authentication import SessionAuthentication
from wagtail.models import Site

from send_toolkit.access.request_state import remember
from send_toolkit.access.visibility import restricted_content_shown, visible_pages
from send_toolkit.contrib.api.parameters import BoundedPagination, check_query
from send_toolkit.interventions.representation import INTERVENTION_DIRECTORY
from send_toolkit.pages.models import InterventionDirectoryPage


def site_directory(request: HttpRequest) -> InterventionDirectoryPage | None:
    """The intervention directory of the site answering, if the request may see it (interventions' ``html_url``);
    looked up once per request."""

    def find() -> InterventionDirectoryPage | None:
        site = Site.find_for_request(request)
        if site is None:
            return None
        return visible_pages(request, InterventionDirectoryPage.objects.in_site(site)).order_by("path").first()

    return remember(request, "api_intervention_directory", find)


class ToolkitEndpointMixin:
    """Put first in the bases of a Wagtail API viewset: ``class MyViewSet(ToolkitEndpointMixin, BaseAPIViewSet)``."""

    authentication_classes = [SessionAuthentication]
    pagination_class = BoundedPagination

    def initialize_request(self, request, *args, **kwargs):
        self.django_request = request  # the request the access gate and the cache headers know
        return super().initialize_request(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query(request.GET)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["request"] = self.django_request
        context[INTERVENTION_DIRECTORY] = site_directory(self.django_request)
        return context

    def handle_exception(self, exc):
        if isinstance(exc, Http404) and not str(exc):
            # REST framework's own 404s (an unknown ?format=, say) say nothing: an API answer says why.
            exc = Http404(gettext("not found"))
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if restricted_content_shown(self.django_request):
            patch_cache_control(response, private=True, no_store=True)
        return response
