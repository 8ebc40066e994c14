"""A Redis cache for page-rendering caches that treats an unreachable Redis as an empty cache.

Django's ``RedisCache`` raises when Redis can't be reached, and Wagtail reads its default cache on every
page (the sites' root paths), so a Redis outage would turn every anonymous page into a 500. With this
backend a read is a miss and a write is skipped (each logged as a warning), and the page is built from
the database instead::

    CACHES = {
        "default": {
            "BACKEND": "send_toolkit.operations.resilient_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        },
        # Sessions and login limits must fail closed: a plain RedisCache, whose errors the toolkit catches.
        "accounts": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ...},
    }

Never use it for sessions or rate limits: a limit that quietly stopped counting would be an open door.
``incr`` and ``decr`` still raise, for the same reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from send_toolkit.operations.outages import CACHE_UNAVAILABLE

logger = logging.getLogger(__name__)

Result = TypeVar("Result")


def _or_else(fallback: Result, operation: Callable[[], Result], what: str) -> Result:
    try:
        return operation()
    except CACHE_UNAVAILABLE as error:
        logger.warning("Cache unavailable, %s skipped: %s", what, error)
        return fallback


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose reads miss and whose writes are skipped while Redis can't be reached."""

    def get(self, key, default=None, version=None) -> Any:
        return _or_else(default, lambda: RedisCache.get(self, key, default, version), "read")

    def get_many(self, keys, version=None) -> dict:
        return _or_else({}, lambda: RedisCache.get_many(self, keys, version), "read")

    def has_key(self, key, version=None) -> bool:
        return _or_else(False, lambda: RedisCache.has_key(self, key, version), "read")

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return _or_else(False, lambda: RedisCache.add(self, key, value, timeout, version), "write")

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        _or_else(None, lambda: RedisCache.set(self, key, value, timeout, version), "write")

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return _or_else(list(data), lambda: RedisCache.set_many(self, data, timeout, version), "write")

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return _or_else(False, lambda: RedisCache.touch(self, key, timeout, version), "write")

    def delete(self, key, version=None) -> bool:
        return _or_else(False, lambda: RedisCache.delete(self, key, version), "delete")

    def delete_many(self, keys, version=None) -> None:
        _or_else(None, lambda: RedisCache.delete_many(self, keys, version), "delete")
