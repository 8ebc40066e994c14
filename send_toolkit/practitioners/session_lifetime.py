"""Practitioner session time limits, and ending the sessions of suspended accounts.

Why sessions end this way: docs/explanation/practitioner-access.md.

Add to ``MIDDLEWARE`` after ``AuthenticationMiddleware``::

    "send_toolkit.practitioners.session_lifetime.SessionLifetimeMiddleware",
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from send_toolkit.conf import toolkit_settings
from send_toolkit.practitioners.models import PractitionerProfile
from send_toolkit.practitioners.session_revocation import logged_in_before

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
    return PractitionerProfile.objects.filter(user=user).values_list("sessions_ended_at", flat=True).first()
