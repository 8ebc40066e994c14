"""Redis down: anonymous pages still render, from the database (operations/resilient_cache.py).

Redis is genuinely unreachable (a closed port on 127.0.0.1), with the caches shaped as the example site's
production settings shape them; the Redis running on this machine is the positive control.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from tests.operations import redis_outage
from tests.operations.redis_outage import live_redis  # noqa: F401 (a fixture)

ANONYMOUS_PAGES = [
    "/send-toolkit/",
    "/send-toolkit/communication-and-interaction/",
    "/send-toolkit/search/?q=reading",
    "/send-toolkit/glossary/",
    "/accounts/login/",
    "/accounts/register/",
    "/sitemap.xml",
]


@pytest.mark.django_db
def test_anonymous_pages_render_while_redis_is_down(client):
    with override_settings(**redis_outage.down()):
        for path in ANONYMOUS_PAGES:
            response = client.get(path)
            assert response.status_code == 200, path
            assert "sessionid" not in response.cookies, f"{path} started a session"
        assert client.get("/send-toolkit/no-such-page/").status_code == 404


@pytest.mark.django_db
def test_with_djangos_own_redis_cache_for_pages_a_redis_outage_is_a_500():
    # Why the default cache is a ResilientRedisCache: Wagtail reads it on every page (the sites' root paths).
    with override_settings(**redis_outage.down(default_backend=redis_outage.REDIS)):
        response = Client(raise_request_exception=False).get("/send-toolkit/")
    assert response.status_code == 500


@pytest.mark.django_db
@pytest.mark.usefixtures("live_redis")
def test_with_redis_up_pages_are_cached_in_it(client):
    assert client.get("/send-toolkit/").status_code == 200
    cache = caches["default"]
    cache.set("probe", "kept", 10)
    assert cache.get("probe") == "kept"


def test_counters_are_never_forgiven():
    # incr backs attempt counts: it must raise, not pretend, while Redis is down.
    with override_settings(**redis_outage.down()), pytest.raises(Exception, match="(?i)connect"):
        caches["default"].incr("any-counter")
