"""Cache settings for the Redis fault tests, shaped like the example site's production settings.

``down()`` points every cache at a port on 127.0.0.1 that nothing listens on; ``live()`` at the Redis that
runs on this machine (database 13, with a key prefix of its own), the positive control.
"""

from __future__ import annotations

import pytest
import redis
from django.test import override_settings

from tests.operations.http_probe import closed_port

REDIS = "django.core.cache.backends.redis.RedisCache"
RESILIENT = "send_toolkit.operations.resilient_cache.ResilientRedisCache"
LIVE_REDIS = "redis://127.0.0.1:6379/13"
PREFIX = "send-toolkit-fault-tests"


def production_caches(location: str, default_backend: str = RESILIENT) -> dict:
    """Settings to pass to override_settings: Wagtail's caches, then sessions and login limits on "accounts"."""
    return {
        "CACHES": {
            "default": {"BACKEND": default_backend, "LOCATION": location, "KEY_PREFIX": PREFIX},
            "accounts": {"BACKEND": REDIS, "LOCATION": location, "KEY_PREFIX": PREFIX},
        },
        "SESSION_ENGINE": "django.contrib.sessions.backends.cache",
        "SESSION_CACHE_ALIAS": "accounts",
        "RATELIMIT_USE_CACHE": "accounts",
    }


def down(default_backend: str = RESILIENT) -> dict:
    return production_caches(f"redis://127.0.0.1:{closed_port()}/0", default_backend)


def live() -> dict:
    return production_caches(LIVE_REDIS)


def forget_live_keys() -> None:
    """Remove what earlier runs left in the live Redis under this prefix (attempt counts last 15 minutes)."""
    client = redis.Redis.from_url(LIVE_REDIS)
    for key in client.scan_iter(f"{PREFIX}:*"):
        client.delete(key)


@pytest.fixture
def live_redis():
    """The production caches on the live Redis, with this run's keys forgotten before and after."""
    forget_live_keys()
    with override_settings(**live()):
        yield
    forget_live_keys()
