"""The health endpoint, ``/send-toolkit/health/``, for load balancers and uptime monitors.

It says whether the database and every configured cache can be reached, and nothing else: no versions,
hosts, error messages or timings, and no login needed. 200 when both are fine, 503 when either is not::

    {"status": "ok", "database": "ok", "cache": "ok"}
    {"status": "unavailable", "database": "unavailable", "cache": "ok"}

Never stored by a cache (``Cache-Control: no-store``), so each check is a real one.
"""

from __future__ import annotations

import logging

from django.core.cache import caches
from django.db import DatabaseError, connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from send_toolkit.operations.outages import CACHE_UNAVAILABLE

logger = logging.getLogger(__name__)

OK, UNAVAILABLE = "ok", "unavailable"
PROBE_KEY = "send_toolkit:health"


def database_reachable() -> bool:
    """Whether every configured database answers a query."""
    try:
        for connection in connections.all():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unavailable: %s", error)
        return False
    return True


def cache_reachable() -> bool:
    """Whether every configured cache keeps what it is given (a cache that skips writes while down does not)."""
    try:
        for cache in caches.all():
            cache.set(PROBE_KEY, OK, 10)
            if cache.get(PROBE_KEY) != OK:
                return False
    except CACHE_UNAVAILABLE as error:
        logger.warning("Health check: cache unavailable: %s", error)
        return False
    return True


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_reachable(), "cache": cache_reachable()}
    healthy = all(checks.values())
    body = {"status": OK if healthy else UNAVAILABLE}
    body.update({name: OK if reachable else UNAVAILABLE for name, reachable in checks.items()})
    return JsonResponse(body, status=200 if healthy else 503)
