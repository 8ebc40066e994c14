"""The example site's production settings, with one view that raises (for the fault tests' subprocess).

Read from the environment like production (``http_probe.run`` sets it): DATABASE_URL decides whether the
database can be reached. Production requires REDIS_URL; a fault test that does not ask for Redis gets what
production had before it was required: the in-process cache and database sessions (never a live site's setup,
which ``send_toolkit.E006`` refuses; the WSGI server runs no system checks).
"""

import os

_WITHOUT_REDIS = not os.environ.get("REDIS_URL")
if _WITHOUT_REDIS:
    os.environ["REDIS_URL"] = "redis://127.0.0.1:1/0"  # never contacted: the caches are replaced below

from example_site.settings.production import *  # noqa: E402, F403

if _WITHOUT_REDIS:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    SESSION_CACHE_ALIAS = "default"
    RATELIMIT_USE_CACHE = "default"

ROOT_URLCONF = "tests.operations.fault_urls"
