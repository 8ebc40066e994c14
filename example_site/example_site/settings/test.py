import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Tests run in one process and start each from an empty in-memory cache: the checks that refuse a per-process
# cache for login limits on a live site (DEBUG off) are silenced here, and tested in tests/test_checks.py.
SILENCED_SYSTEM_CHECKS = ["send_toolkit.E006", "django_ratelimit.E003", "django_ratelimit.W001"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Uploaded files go to a throwaway folder on disk: documents are served from disk by Wagtail's
# serve view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which cannot read from memory.
MEDIA_ROOT = tempfile.mkdtemp(prefix="send-toolkit-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A real front-end cache backend that records the URLs it is asked to purge (tests/recording_cache_backend.py).
WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.recording_cache_backend.RecordingBackend"}}
