"""Cache headers: ``private, no-store`` for anything personal, ``public`` for anonymous pages.

Why: docs/explanation/caching.md; the headers, row by row: docs/reference/cache-headers.md.

Add to ``MIDDLEWARE`` just before ``SessionMiddleware``::

    "send_toolkit.access.cache_headers.CacheHeadersMiddleware",
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from send_toolkit.access.channels import carries_search_text
from send_toolkit.access.rich_text_reader import reader_in_scope
from send_toolkit.access.visibility import restricted_content_shown
from send_toolkit.conf import toolkit_settings


class CacheHeadersMiddleware:
    """``private, no-store`` for anything that may differ by person; ``public`` for anonymous pages.

    - A response to a logged-in user, one holding restricted content, one that sets a
      cookie, or one answering search text (``?q=`` on the search or the directory: the words may
      name a child, and a cache would keep them as its key) is never stored by a shared cache.
    - A Wagtail page (or the sitemap, or the council's brand stylesheet) served to an
      anonymous visitor, with no cookie set, is the same for every anonymous visitor: it
      is marked ``public, max-age`` and the ``Vary: Cookie`` Django adds (because templates
      looked at ``request.user``) is removed, so a CDN can cache it. The CDN must pass
      requests carrying the session cookie straight through (see docs/how-to/cache-pages-behind-a-cdn.md).
    """

    PUBLIC_VIEWS = {"wagtail_serve", "send_toolkit:sitemap", "send_toolkit:brand_stylesheet"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Rich-text link handlers are not given the request; they must check what this reader may
        # see, and their decisions must reach _is_personal below, so the request is put in scope here.
        with reader_in_scope(request):
            response = self.get_response(request)
        if self._is_personal(request, response):
            _make_private(response)
        elif self._is_public(request, response):
            max_age = toolkit_settings.PUBLIC_CACHE_MAX_AGE
            if max_age:
                patch_cache_control(response, public=True, max_age=max_age)
                _remove_vary_cookie(response)
        return response

    @staticmethod
    def _is_personal(request: HttpRequest, response: HttpResponse) -> bool:
        if restricted_content_shown(request) or response.cookies or carries_search_text(request.GET):
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)

    def _is_public(self, request: HttpRequest, response: HttpResponse) -> bool:
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return False
        if response.has_header("Cache-Control"):
            return "public" in response["Cache-Control"]
        match = getattr(request, "resolver_match", None)
        return match is not None and match.view_name in self.PUBLIC_VIEWS


def _make_private(response: HttpResponse) -> None:
    cache_control = response.get("Cache-Control", "")
    directives = [d.strip() for d in cache_control.split(",") if d.strip()]
    kept = [d for d in directives if d.split("=")[0].lower() not in {"public", "max-age", "s-maxage"}]
    response["Cache-Control"] = ", ".join(kept) if kept else ""
    if not response["Cache-Control"]:
        del response["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)


def _remove_vary_cookie(response: HttpResponse) -> None:
    if not response.has_header("Vary"):
        return
    kept = [header.strip() for header in response["Vary"].split(",") if header.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
