"""The production settings, as close as a test run can take them (``make test-production-settings``).

DEBUG off, manifest static files (collected into a throwaway folder before the tests start, by
``tests/conftest.py``) and the real cache backend: Redis, for the cache and the sessions. The leak matrix and
the cache-header tests run under these settings in CI, so that nothing about restricted content depends on
DEBUG, on static files being found by the finders, or on the in-process cache the other test settings use.

What differs from production, and why: the test client speaks plain HTTP to ``testserver`` (no SSL redirect),
uploaded files go to a throwaway folder, email stays in memory, tasks run at once (no worker) and passwords are
hashed cheaply.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-secret-production-settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DATABASE_URL", "sqlite:///send-toolkit-production-settings-test.sqlite3")
# A database of Redis's own for test runs (the test fixtures empty the cache before every test).
os.environ.setdefault("REDIS_URL", os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))

from .production import *  # noqa: E402, F403

SECURE_SSL_REDIRECT = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"

MEDIA_ROOT = tempfile.mkdtemp(prefix="send-toolkit-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="send-toolkit-test-static-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
}
# No task worker runs beside a test run: tasks (Wagtail's front-end cache purges, email retries) run at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The purging tests read what was purged from a recording front-end cache backend.
WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.recording_cache_backend.RecordingBackend"}}
