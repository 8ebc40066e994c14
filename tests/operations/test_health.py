"""The health endpoint: database and cache reachability, no details, never cached, no login needed.

The cache is genuinely unreachable in the failing cases (Redis pointed at a closed port on 127.0.0.1);
the Redis running at 127.0.0.1:6379 is the positive control. The database-down case is in test_outages.py.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.operations import http_probe
from tests.operations.http_probe import closed_port

REDIS = "django.core.cache.backends.redis.RedisCache"
RESILIENT = "send_toolkit.operations.resilient_cache.ResilientRedisCache"
# A database number of its own on the shared Redis, and a prefix, so nothing here meets anyone else's keys.
LIVE_REDIS = "redis://127.0.0.1:6379/13"


def _caches(backend: str, location: str) -> dict:
    return {"default": {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": "send-toolkit-health-test"}}


@pytest.mark.django_db
def test_the_health_endpoint_reports_ok_with_no_details(client):
    response = client.get(reverse("send_toolkit:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_the_health_endpoint_needs_no_login_and_is_the_same_signed_in(client):
    client.login(username="senco", password="northmoor-senco")
    response = client.get("/send-toolkit/health/")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("backend", [REDIS, RESILIENT])
def test_an_unreachable_cache_is_a_503(client, backend):
    with override_settings(CACHES=_caches(backend, f"redis://127.0.0.1:{closed_port()}/0")):
        response = client.get("/send-toolkit/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    assert "127.0.0.1" not in response.text and "refused" not in response.text.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("backend", [REDIS, RESILIENT])
def test_a_reachable_redis_is_ok(client, backend):
    with override_settings(CACHES=_caches(backend, LIVE_REDIS)):
        response = client.get("/send-toolkit/health/")
    assert response.status_code == 200, response.content
    assert response.json()["cache"] == "ok"


@pytest.mark.django_db
def test_the_health_endpoint_answers_only_reads(client):
    assert client.post("/send-toolkit/health/").status_code == 405


def test_load_balancers_may_check_health_over_plain_http(tmp_path):
    # Production settings redirect every other plain-HTTP request to HTTPS.
    database = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    paths = ["/send-toolkit/health/", "/send-toolkit/"]
    health, page = http_probe.run(paths, database, DJANGO_SECURE_SSL_REDIRECT="true").replies
    assert health.status == 200
    assert page.status == 301 and page.headers["Location"].startswith("https://")
