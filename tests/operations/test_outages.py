"""Database down: visitors get the friendly 503 page with Retry-After, never a 500 or a traceback.

The database is genuinely unreachable: the example site runs under its production settings in a
subprocess (``http_probe``), with DATABASE_URL pointing PostgreSQL at a port on 127.0.0.1 nothing listens
on, and is asked over real HTTP. The same probe with a reachable (SQLite) database is the positive control.
"""

from __future__ import annotations

import json

import pytest

from tests.operations import http_probe
from tests.operations.fault_urls import SECRET_IN_THE_ERROR

PAGES = ["/send-toolkit/", "/send-toolkit/search/?q=reading", "/no-such-page/", "/accounts/login/"]
HEALTH = "/send-toolkit/health/"


@pytest.fixture(scope="module")
def database_down() -> http_probe.Probe:
    url = f"postgres://postgres@127.0.0.1:{http_probe.closed_port()}/send_toolkit?connect_timeout=2"
    return http_probe.run([*PAGES, HEALTH], url)


@pytest.fixture(scope="module")
def database_down_with_a_session_cookie() -> http_probe.Probe:
    # The session is read in middleware (SessionLifetimeMiddleware), before any view: handler500's part.
    url = f"postgres://postgres@127.0.0.1:{http_probe.closed_port()}/send_toolkit?connect_timeout=2"
    return http_probe.run(["/send-toolkit/"], url, cookie="sessionid=abcdefghijklmnopqrstuvwxyz123456")


@pytest.fixture(scope="module")
def database_up(tmp_path_factory) -> http_probe.Probe:
    database = tmp_path_factory.mktemp("probe") / "empty.sqlite3"
    return http_probe.run([HEALTH, "/test-raises/"], f"sqlite:///{database}")


def _is_friendly_503(reply: http_probe.Reply) -> bool:
    return (
        reply.status == 503
        and int(reply.headers["Retry-After"]) > 0
        and "Sorry, the service is unavailable just now" in reply.body
        and "no-store" in reply.headers["Cache-Control"]
        and "Traceback" not in reply.body
        and "OperationalError" not in reply.body
        and "127.0.0.1" not in reply.body
    )


def test_every_page_is_the_friendly_503_while_the_database_is_down(database_down):
    for path, reply in zip(PAGES, database_down.replies, strict=False):
        assert _is_friendly_503(reply), (path, reply.status, reply.body[:500])


def test_a_database_error_in_middleware_is_a_503_too(database_down_with_a_session_cookie):
    [reply] = database_down_with_a_session_cookie.replies
    assert _is_friendly_503(reply), (reply.status, reply.body[:500])


def test_the_operator_still_gets_the_traceback(database_down):
    assert "OperationalError" in database_down.log
    assert "Traceback (most recent call last)" in database_down.log


def test_the_health_endpoint_says_the_database_is_unavailable(database_down):
    reply = database_down.replies[-1]
    assert reply.status == 503
    assert json.loads(reply.body) == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-store" in reply.headers["Cache-Control"]


def test_with_the_database_up_the_same_probe_is_healthy(database_up):
    health, raised = database_up.replies
    assert health.status == 200
    assert json.loads(health.body) == {"status": "ok", "database": "ok", "cache": "ok"}
    # Any other error is still a 500, with the toolkit's page and no traceback.
    assert raised.status == 500
    assert "Sorry, there is a problem with the service" in raised.body
    assert SECRET_IN_THE_ERROR not in raised.body and "Traceback" not in raised.body
    assert "Retry-After" not in raised.headers
