"""Rate limits on password guessing, for every login form on the site (django-ratelimit).

``RateLimitedModelBackend`` is Django's ``ModelBackend`` with a pause: once a username has had
``SEND_TOOLKIT_LOGIN_RATE`` attempts, or an IP address ``SEND_TOOLKIT_LOGIN_IP_RATE``, further
attempts fail without the password being checked, until the period passes. The IP address is
``REMOTE_ADDR``: behind a proxy, make sure that is the visitor's address. Because the limit lives in the
authentication backend it covers the toolkit's login page, the Wagtail admin's login and
any other form that calls ``authenticate(request, ...)``. Set it in ``AUTHENTICATION_BACKENDS``.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from send_toolkit.access.request_state import note, recall
from send_toolkit.conf import toolkit_settings

GROUP = "send_toolkit.login"
PAUSED = "login_paused"  # request memo key


def count_login_attempt(request: HttpRequest, username: str | None) -> bool:
    """Count one attempt against the IP address and the username; True once either is over the limit."""
    name = (username or "").strip().lower()
    by_ip = is_ratelimited(request, group=GROUP, key="ip", rate=toolkit_settings.LOGIN_IP_RATE, increment=True)
    by_name = is_ratelimited(
        request, group=GROUP, key=lambda _group, _request: name, rate=toolkit_settings.LOGIN_RATE, increment=True
    )
    return by_ip or by_name


def login_paused(request: HttpRequest) -> bool:
    """Whether the last authentication attempt on this request was refused by the rate limit."""
    return bool(recall(request, PAUSED, False))


class RateLimitedModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and count_login_attempt(request, username):
            note(request, PAUSED, True)
            # Django's authenticate() stops at PermissionDenied: no other backend is tried.
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
