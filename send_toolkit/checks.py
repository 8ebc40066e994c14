"""System checks: warn when a host site leaves out or misorders the toolkit's access middleware or login limits."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

CACHE_HEADERS = "send_toolkit.middleware.CacheHeadersMiddleware"
SESSION_LIFETIME = "send_toolkit.middleware.SessionLifetimeMiddleware"
SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"
AUTHENTICATION = "django.contrib.auth.middleware.AuthenticationMiddleware"
RATE_LIMITED_BACKEND = "send_toolkit.login_limits.RateLimitedModelBackend"


@checks.register(checks.Tags.security)
def check_access_middleware(app_configs, **kwargs) -> list[checks.CheckMessage]:
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    problems: list[checks.CheckMessage] = []
    if CACHE_HEADERS not in middleware:
        problems.append(
            checks.Warning(
                f"{CACHE_HEADERS} is not in MIDDLEWARE: pages for logged-in practitioners may be stored by shared "
                "caches.",
                hint="Add it just before SessionMiddleware (see docs/caching.md).",
                id="send_toolkit.W001",
            )
        )
    elif SESSIONS in middleware and middleware.index(CACHE_HEADERS) > middleware.index(SESSIONS):
        problems.append(
            checks.Warning(
                f"{CACHE_HEADERS} must come before {SESSIONS} in MIDDLEWARE, so that it sees the cookies and Vary "
                "header the session adds.",
                id="send_toolkit.W002",
            )
        )
    if SESSION_LIFETIME not in middleware:
        problems.append(
            checks.Warning(
                f"{SESSION_LIFETIME} is not in MIDDLEWARE: practitioner sessions will not time out and suspended "
                "accounts' sessions are not ended.",
                hint="Add it after AuthenticationMiddleware (see docs/practitioner-access.md).",
                id="send_toolkit.W003",
            )
        )
    elif AUTHENTICATION in middleware and middleware.index(SESSION_LIFETIME) < middleware.index(AUTHENTICATION):
        problems.append(
            checks.Warning(
                f"{SESSION_LIFETIME} must come after {AUTHENTICATION} in MIDDLEWARE.", id="send_toolkit.W004"
            )
        )
    backends = getattr(settings, "AUTHENTICATION_BACKENDS", [])
    if RATE_LIMITED_BACKEND not in backends:
        problems.append(
            checks.Warning(
                f"{RATE_LIMITED_BACKEND} is not in AUTHENTICATION_BACKENDS: login forms are not protected against "
                "password guessing.",
                hint="Use it in place of django.contrib.auth.backends.ModelBackend.",
                id="send_toolkit.W005",
            )
        )
    return problems
