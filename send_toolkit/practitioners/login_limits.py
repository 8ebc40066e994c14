"""Rate limits on password guessing, for every login form on the site (django-ratelimit).

``RateLimitedModelBackend`` is Django's ``ModelBackend`` with a pause: once a username has had
``SEND_TOOLKIT_LOGIN_RATE`` attempts, or an IP address ``SEND_TOOLKIT_LOGIN_IP_RATE``, further
attempts fail without the password being checked, until the period passes. The IP address is
``REMOTE_ADDR``: behind a proxy, make sure that is the visitor's address. Because the limit lives in the
authentication backend it covers the toolkit's login page, the Wagtail admin's login and
any other form that calls ``authenticate(request, ...)``. Set it in ``AUTHENTICATION_BACKENDS``.

The limits fail closed: when the cache that counts attempts can't be reached, nothing can be counted, so
every attempt is refused (``login_unavailable``) until it is back, rather than let guesses through uncounted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from send_toolkit.access.request_state import note, recall
from send_toolkit.conf import toolkit_settings
from send_toolkit.operations.outages import CACHE_UNAVAILABLE

logger = logging.getLogger(__name__)

GROUP = "send_toolkit.login"
PAUSED = "login_paused"  # request memo keys
UNAVAILABLE = "login_unavailable"


class LimitsUnavailable(Exception):
    """The cache that counts attempts can't be reached, so the attempt must be refused."""


def count_attempt(request: HttpRequest, group: str, key: str | Callable, rate: str, method=is_ratelimited.ALL) -> bool:
    """Count one attempt by ``key`` in ``group``; True once it is over ``rate``. LimitsUnavailable when the
    count can't be kept (the cache is down): the caller refuses, never admits."""
    try:
        return is_ratelimited(request, group=group, key=key, rate=rate, method=method, increment=True)
    except CACHE_UNAVAILABLE as error:
        logger.warning("Attempt limits unavailable (%s): refusing %s", error, group)
        raise LimitsUnavailable from error


def count_login_attempt(request: HttpRequest, username: str | None) -> bool:
    """Count one attempt against the IP address and the username; True once either is over the limit."""
    name = (username or "").strip().lower()
    by_ip = count_attempt(request, GROUP, "ip", toolkit_settings.LOGIN_IP_RATE)
    by_name = count_attempt(request, GROUP, lambda _group, _request: name, toolkit_settings.LOGIN_RATE)
    return by_ip or by_name


def login_paused(request: HttpRequest) -> bool:
    """Whether the last authentication attempt on this request was refused by the rate limit."""
    return bool(recall(request, PAUSED, False))


def login_unavailable(request: HttpRequest) -> bool:
    """Whether the last authentication attempt on this request was refused because attempts can't be counted."""
    return bool(recall(request, UNAVAILABLE, False))


class RateLimitedModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None:
            try:
                paused = count_login_attempt(request, username)
            except LimitsUnavailable:
                note(request, UNAVAILABLE, True)
                raise PermissionDenied from None
            if paused:
                note(request, PAUSED, True)
                # Django's authenticate() stops at PermissionDenied: no other backend is tried.
                raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
