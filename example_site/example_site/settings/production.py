"""Production settings: every secret and host comes from the environment.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), DATABASE_URL, REDIS_URL (the cache every
worker shares: sessions and login and registration limits).
Optional: DJANGO_STATIC_ROOT (where collectstatic writes), DJANGO_CSRF_TRUSTED_ORIGINS, EMAIL_URL-style settings.

Background tasks (Wagtail's, and retrying email the mail server would not take) are queued in the database:
run ``python manage.py db_worker`` beside the web server (docs/how-to/when-email-cannot-be-sent.md).
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks", "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("DJANGO_ALLOWED_HOSTS").split(",") if host.strip()]
# No silent SQLite fallback in production: base.py's default would quietly write to a local file.
DATABASES = {
    "default": dj_database_url.parse(
        _required("DATABASE_URL"), conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0"))
    )
}
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
# Load balancers often check health over plain HTTP, behind the TLS they end themselves.
SECURE_REDIRECT_EXEMPT = [r"^send-toolkit/health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Django's defaults already send nosniff, X-Frame-Options: DENY and HttpOnly session cookies.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Static files: `manage.py collectstatic` writes them with hashed names, and WhiteNoise serves them (compressed,
# with a year's Cache-Control) straight after SecurityMiddleware, before any session or database work.
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or STATIC_ROOT  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)

# Login and registration limits count attempts in a cache, so it must be one every worker shares and a restart
# keeps: Redis is required (send_toolkit.E006 and django-ratelimit's checks refuse a per-process cache).
REDIS_URL = _required("REDIS_URL")
# Fail fast when Redis is down, rather than hold every request for the client's default wait.
_REDIS_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
CACHES = {
    # Wagtail's and the pages' caches: while Redis is down a read misses and pages come from the database.
    "default": {
        "BACKEND": "send_toolkit.operations.resilient_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": _REDIS_OPTIONS,
    },
    # Sessions and login limits fail closed: while Redis is down, signing in is refused with a clear message.
    "accounts": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": _REDIS_OPTIONS,
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
SESSION_CACHE_ALIAS = "accounts"
RATELIMIT_USE_CACHE = "accounts"
# django-ratelimit lists only django-redis and Memcached as supported; Django's RedisCache increments with
# Redis's atomic INCR, which is all the limits need.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "send-toolkit@localhost")

# Tracebacks and request logs go to stderr, with the request's method and path but never its query
# string: search and directory queries can hold a child's details (docs/how-to/run-the-toolkit-in-production.md).
# Defining the "django" logger replaces Django's default handlers, mail_admins among them (an email that
# would carry the query string and more).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_query_strings": {"()": "send_toolkit.operations.log_filters.WithoutQueryStrings"}},
    "formatters": {
        "request": {"format": "%(asctime)s %(levelname)s %(name)s %(request_method)s %(request_path)s %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["without_query_strings"],
            "formatter": "request",
        }
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        # Django's own configuration gives the development server's request log a handler of its own.
        "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "send_toolkit": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
