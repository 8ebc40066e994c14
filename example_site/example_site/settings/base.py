"""Settings shared by every environment of the example site.

The example site is a thin host: all toolkit behaviour lives in the send_toolkit package.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "send_toolkit",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "send_toolkit.contrib.api",
    "send_toolkit.contrib.openreferral",
    "send_toolkit.contrib.exchange",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Only for its system checks: they refuse a cache that cannot count login attempts (DummyCache, LocMemCache).
    "django_ratelimit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy from SECURE_CSP: Django's own middleware on Django 6, the same on 5.2.
    "send_toolkit.front_end.security_headers.ContentSecurityPolicyMiddleware",
    # Wagtail's admin gets SECURE_CSP plus SEND_TOOLKIT_ADMIN_CSP_ALLOWANCES (it has inline styles and scripts).
    "send_toolkit.front_end.security_headers.AdminContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # A form post in a charset other than UTF-8 is a plain 400, before the CSRF check reads it (not a 500).
    "send_toolkit.operations.request_charset.RequestCharsetMiddleware",
    # Cache-Control for every response: private for anyone logged in, public for anonymous pages.
    "send_toolkit.access.cache_headers.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Practitioner sessions: inactivity timeout, absolute lifetime, suspended accounts logged out.
    "send_toolkit.practitioners.session_lifetime.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's editor-made redirects, answering like the target would when it is restricted.
    "send_toolkit.access.redirects.AccessCheckedRedirectMiddleware",
    # A view that can't reach the database answers with the friendly 503 page, not a 500.
    "send_toolkit.operations.outages.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

# SQLite by default; DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/send_toolkit)
# switches to PostgreSQL or any other database dj-database-url understands.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Example Council SEND Toolkit"
# No avatars fetched from gravatar.com: it would learn which editors use the admin, and the admin's
# Content-Security-Policy does not allow images from elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Shared-password page restrictions are stored in plain text: the toolkit never offers them.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Documents are served through Django so that collection privacy is enforced.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Background tasks (django-tasks, which Wagtail 8 uses): run at once, inside the request, in development and
# tests. Production settings use a database queue and a worker (docs/how-to/when-email-cannot-be-sent.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A mail server that does not answer must not hold a visitor's request for long: the message is kept and retried.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# The one Content-Security-Policy (Django 6's setting, read on 5.2 by the toolkit's middleware): the toolkit's
# pages load only their own scripts, styles, fonts and images and have nothing inline.
# Why each directive: docs/explanation/security-headers.md.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Browser features no page of the toolkit uses, turned off for the site and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Django's ModelBackend with a limit on password guessing, for every login form (the admin's too).
AUTHENTICATION_BACKENDS = ["send_toolkit.practitioners.login_limits.RateLimitedModelBackend"]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
# Wagtail sends visitors to restricted pages and documents here too, rather than its own login form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# The toolkit's middleware ends sessions sooner (SEND_TOOLKIT_SESSION_INACTIVITY_TIMEOUT and
# SEND_TOOLKIT_SESSION_ABSOLUTE_LIFETIME); the cookie never outlives the absolute lifetime.
SESSION_COOKIE_AGE = 8 * 60 * 60
