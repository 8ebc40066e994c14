"""What visitors get when a service the site needs is down: the database, or the cache.

Database: any ``OperationalError`` or ``InterfaceError`` (the server refused the connection, went away,
timed out, or was locked) means "try again shortly", so it is answered with the friendly ``503.html`` and a
``Retry-After`` header rather than a 500. The traceback is still logged. Two things send it:

- ``DatabaseOutageMiddleware``, for errors raised in views and templates (add it to ``MIDDLEWARE``), and
- ``error_pages.server_error`` (``handler500``), for errors raised anywhere else, such as other middleware.

Cache: ``CACHE_UNAVAILABLE`` lists the errors a cache backend raises when its server can't be reached. Code
that relies on the cache to keep a door shut (login limits, sessions) catches them and refuses, never admits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import patch_cache_control

from send_toolkit.front_end.security_headers import with_standalone_page_policy

try:  # redis is the example site's cache; a host using another backend may not have it installed.
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    _REDIS_UNAVAILABLE: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError)
except ImportError:  # pragma: no cover - redis is installed wherever the tests run
    _REDIS_UNAVAILABLE = ()

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
# OSError covers socket errors from memcached clients (ConnectionRefusedError, timeouts).
CACHE_UNAVAILABLE: tuple[type[Exception], ...] = (*_REDIS_UNAVAILABLE, OSError)

# Seconds a visitor (or a load balancer) is asked to wait before trying again.
RETRY_AFTER = 30
SERVICE_UNAVAILABLE_TEMPLATE = "503.html"


def is_database_outage(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_UNAVAILABLE)


def service_unavailable() -> HttpResponse:
    """The friendly 503 page. Rendered without a request or context: nothing in it may need the database."""
    response = HttpResponse(loader.get_template(SERVICE_UNAVAILABLE_TEMPLATE).render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return with_standalone_page_policy(response)


class DatabaseOutageMiddleware:
    """Answers a view that could not reach the database with the 503 page instead of a 500.

    Add it anywhere in ``MIDDLEWARE``::

        "send_toolkit.operations.outages.DatabaseOutageMiddleware",
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_outage(exception):
            return None
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=exception)
        return service_unavailable()
