"""Request middleware for practitioner sessions and for cache headers (docs/caching.md).

Add both to ``MIDDLEWARE``::

    "send_toolkit.middleware.CacheHeadersMiddleware",      # before SessionMiddleware
    "django.contrib.sessions.middleware.SessionMiddleware",
    ...
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "send_toolkit.middleware.SessionLifetimeMiddleware",   # after AuthenticationMiddleware
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from .access import RESTRICTED_CONTENT_SHOWN
from .conf import toolkit_settings
from .rich_text_links import reader_in_scope
from .session_revocation import logged_in_before

STARTED = "send_toolkit_session_started"
LAST_SEEN = "send_toolkit_session_last_seen"
# Write the "last seen" time at most this often, rather than saving the session on every request.
LAST_SEEN_RESOLUTION = 60


class SessionLifetimeMiddleware:
    """Ends a logged-in session after a period of inactivity, and after an absolute lifetime.

    It also ends sessions whose account can no longer log in (suspended or deactivated):
    Django already ignores them, and this removes them. A session that logged in before its
    account was last suspended is ended even after the account is reinstated.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        session = request.session
        if not request.user.is_authenticated:
            if session.get("_auth_user_id") is not None:
                # A session for an account that may no longer log in (suspended): end it.
                session.flush()
            return
        if logged_in_before(session, _sessions_ended_at(request.user)):
            # Logged in before the account was suspended: ended for good, even once reinstated.
            logout(request)
            return
        now = int(time.time())
        started = session.get(STARTED)
        last_seen = session.get(LAST_SEEN)
        if started is None or last_seen is None:
            session[STARTED] = started = now
            session[LAST_SEEN] = last_seen = now
        too_idle = now - last_seen > toolkit_settings.SESSION_INACTIVITY_TIMEOUT
        too_old = now - started > toolkit_settings.SESSION_ABSOLUTE_LIFETIME
        if too_idle or too_old:
            logout(request)
            return
        if (
            now - last_seen >= LAST_SEEN_RESOLUTION
            or session.get_expiry_age() > toolkit_settings.SESSION_INACTIVITY_TIMEOUT
        ):
            # The cookie expires with the inactivity timeout too; both move on at most once a minute.
            session[LAST_SEEN] = now
            session.set_expiry(toolkit_settings.SESSION_INACTIVITY_TIMEOUT)


def _sessions_ended_at(user):
    from .practitioners import PractitionerProfile

    return PractitionerProfile.objects.filter(user=user).values_list("sessions_ended_at", flat=True).first()


class CacheHeadersMiddleware:
    """``private, no-store`` for anything that may differ by person; ``public`` for anonymous pages.

    - A response to a logged-in user, one holding restricted content, or one that sets a
      cookie is never stored by a shared cache.
    - A Wagtail page (or the sitemap) served to an anonymous visitor, with no cookie set,
      is the same for every anonymous visitor: it is marked ``public, max-age`` and the
      ``Vary: Cookie`` Django adds (because templates looked at ``request.user``) is
      removed, so a CDN can cache it. The CDN must pass requests carrying the session
      cookie straight through (see docs/caching.md).
    """

    PUBLIC_VIEWS = {"wagtail_serve", "send_toolkit:sitemap"}

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
        if getattr(request, RESTRICTED_CONTENT_SHOWN, False) or response.cookies:
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
