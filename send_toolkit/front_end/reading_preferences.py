"""Reading options: a form that saves the reader's choices in a cookie, and a stylesheet that applies them.

Pages themselves never read the cookie, so every anonymous page stays identical and cacheable;
only this small stylesheet varies, and it is marked private.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from send_toolkit.domain import reading_preferences as prefs


def _safe_next(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@require_GET
def save_reading_preferences(request: HttpRequest) -> HttpResponse:
    """Save the submitted choices (or reset them) and go back to the page the reader was on."""
    if request.GET.get("reset"):
        chosen = prefs.parse("")
    else:
        chosen = prefs.update(prefs.parse(request.COOKIES.get(prefs.COOKIE_NAME)), request.GET.dict())
    response = HttpResponseRedirect(_safe_next(request))
    value = prefs.serialise(chosen)
    if value:
        response.set_cookie(
            prefs.COOKIE_NAME, value, max_age=prefs.COOKIE_MAX_AGE, samesite="Lax", secure=request.is_secure()
        )
    else:
        response.delete_cookie(prefs.COOKIE_NAME, samesite="Lax")
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def reading_preferences_css(request: HttpRequest) -> HttpResponse:
    css = prefs.stylesheet(prefs.parse(request.COOKIES.get(prefs.COOKIE_NAME)))
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
