"""Serve the example site under production settings over real HTTP, GET some paths, report what came back.

Run in a subprocess by the fault tests (``run``), so that each one gets its own settings and services: the
site is served by Django's own development server (``WSGIServer``, whose request log is ``django.server``) on
a free port, and each path is fetched with urllib (redirects are reported, not followed). stdout is a JSON
list of {status, headers, body}; stderr is whatever the site logged.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import django
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.wsgi import get_wsgi_application

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.operations.production_probe_settings"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Probe:
    replies: list[Reply]
    log: str  # everything written to stderr


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(paths: list[str], database_url: str, cookie: str = "", **environment: str) -> Probe:
    """GET each of ``paths`` from the site served with ``database_url``, sending ``cookie`` if given."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DJANGO_SECRET_KEY": "fault-tests-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "PROBE_COOKIE": cookie,
        **environment,
    }
    if "REDIS_URL" not in environment:
        env.pop("REDIS_URL", None)  # no shared cache unless the test asks for one
    done = subprocess.run(
        [sys.executable, __file__, *paths], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return Probe([Reply(**reply) for reply in json.loads(done.stdout)], done.stderr)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # report the redirect itself


_OPENER = urllib.request.build_opener(_NoRedirects)


def _fetch(base: str, path: str) -> dict:
    request = urllib.request.Request(base + path)
    if os.environ.get("PROBE_COOKIE"):
        request.add_header("Cookie", os.environ["PROBE_COOKIE"])
    try:
        with _OPENER.open(request, timeout=30) as response:
            return {"status": response.status, "headers": dict(response.headers), "body": response.read().decode()}
    except urllib.error.HTTPError as error:
        return {"status": error.code, "headers": dict(error.headers), "body": error.read().decode()}


def _serve_and_fetch(paths: list[str]) -> list[dict]:
    django.setup()
    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(get_wsgi_application())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        return [_fetch(base, path) for path in paths]
    finally:
        server.shutdown()


if __name__ == "__main__":
    print(json.dumps(_serve_and_fetch(sys.argv[1:])))
