from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-example-site-for-local-development-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# One process, counting login attempts in memory: django-ratelimit's checks would refuse that on a live site.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
