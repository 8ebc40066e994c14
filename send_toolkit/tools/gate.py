"""The door to every practitioner tool: approved practitioners only, and never a shared cache.

Visitors who are not logged in are sent to log in; signed-in accounts that are not approved
practitioners (pending, suspended, the council's editors) are told the tool is not for them (403).
Every answer, refusals included, is ``private, no-store``: a tool shows a setting's own plans.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from send_toolkit.access.visibility import mark_restricted_content_shown, request_viewer
from send_toolkit.front_end.layout import render

NOT_FOR_YOU_TEMPLATE = "send_toolkit/tools/not_allowed.html"


def never_stored(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def practitioner_tool(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a tool's view so that only approved practitioners reach it."""

    @wraps(view)
    def gated(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        mark_restricted_content_shown(request)
        viewer = request_viewer(request)
        if not viewer.signed_in:
            return never_stored(redirect_to_login(request.get_full_path(), settings.LOGIN_URL))
        if not viewer.uses_practitioner_tools:
            return never_stored(render(request, NOT_FOR_YOU_TEMPLATE, status=403))
        return never_stored(view(request, *args, **kwargs))

    return gated
