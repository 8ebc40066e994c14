"""System checks: the host site settings the toolkit's access promises depend on (DESIGN.md section 4).

Warnings when the access middleware or login limits are left out or misordered; errors when
Wagtail is left able to protect content with a shared password (stored in plain text, and
outside the toolkit's account rules) or to hand out document files without the privacy check, when
the site's own URLs serve the media documents folder straight from disk, or when login and registration
limits would be counted in one process's memory on a live site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import views as staticfiles_views
from django.core import checks
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.urls import Resolver404, resolve
from django.views import static

from send_toolkit.conf import DEFAULTS, toolkit_settings
from send_toolkit.domain.disclosure import check_minimum
from send_toolkit.domain.document_names import unguessable_name

CACHE_HEADERS = "send_toolkit.access.cache_headers.CacheHeadersMiddleware"
SESSION_LIFETIME = "send_toolkit.practitioners.session_lifetime.SessionLifetimeMiddleware"
SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"
AUTHENTICATION = "django.contrib.auth.middleware.AuthenticationMiddleware"
RATE_LIMITED_BACKEND = "send_toolkit.practitioners.login_limits.RateLimitedModelBackend"
WAGTAIL_REDIRECTS = "wagtail.contrib.redirects.middleware.RedirectMiddleware"
ACCESS_CHECKED_REDIRECTS = "send_toolkit.access.redirects.AccessCheckedRedirectMiddleware"
# The dotted paths before the layout by domain (0.x): still working, with a DeprecationWarning, for one release.
DEPRECATED_PATHS = {
    CACHE_HEADERS: "send_toolkit.middleware.CacheHeadersMiddleware",
    SESSION_LIFETIME: "send_toolkit.middleware.SessionLifetimeMiddleware",
    RATE_LIMITED_BACKEND: "send_toolkit.login_limits.RateLimitedModelBackend",
}


def _position(names: list[str], path: str) -> int | None:
    """Where ``path`` (or its deprecated spelling) stands in ``names``, or None when it is missing."""
    for spelling in (path, DEPRECATED_PATHS.get(path)):
        if spelling in names:
            return names.index(spelling)
    return None


@checks.register(checks.Tags.security)
def check_access_middleware(app_configs, **kwargs) -> list[checks.CheckMessage]:
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    problems: list[checks.CheckMessage] = []
    cache_headers = _position(middleware, CACHE_HEADERS)
    session_lifetime = _position(middleware, SESSION_LIFETIME)
    if cache_headers is None:
        problems.append(
            checks.Warning(
                f"{CACHE_HEADERS} is not in MIDDLEWARE: pages for logged-in practitioners may be stored by shared "
                "caches.",
                hint="Add it just before SessionMiddleware (see docs/reference/settings.md).",
                id="send_toolkit.W001",
            )
        )
    elif SESSIONS in middleware and cache_headers > middleware.index(SESSIONS):
        problems.append(
            checks.Warning(
                f"{CACHE_HEADERS} must come before {SESSIONS} in MIDDLEWARE, so that it sees the cookies and Vary "
                "header the session adds.",
                id="send_toolkit.W002",
            )
        )
    if session_lifetime is None:
        problems.append(
            checks.Warning(
                f"{SESSION_LIFETIME} is not in MIDDLEWARE: practitioner sessions will not time out and suspended "
                "accounts' sessions are not ended.",
                hint="Add it after AuthenticationMiddleware (see docs/reference/settings.md).",
                id="send_toolkit.W003",
            )
        )
    elif AUTHENTICATION in middleware and session_lifetime < middleware.index(AUTHENTICATION):
        problems.append(
            checks.Warning(
                f"{SESSION_LIFETIME} must come after {AUTHENTICATION} in MIDDLEWARE.", id="send_toolkit.W004"
            )
        )
    backends = list(getattr(settings, "AUTHENTICATION_BACKENDS", []))
    if _position(backends, RATE_LIMITED_BACKEND) is None:
        problems.append(
            checks.Warning(
                f"{RATE_LIMITED_BACKEND} is not in AUTHENTICATION_BACKENDS: login forms are not protected against "
                "password guessing.",
                hint="Use it in place of django.contrib.auth.backends.ModelBackend.",
                id="send_toolkit.W005",
            )
        )
    return problems


@checks.register(checks.Tags.security)
def check_redirect_middleware(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if WAGTAIL_REDIRECTS not in list(getattr(settings, "MIDDLEWARE", [])):
        return []
    return [
        checks.Warning(
            f"{WAGTAIL_REDIRECTS} is in MIDDLEWARE: an editor-made redirect to a restricted page or document sends "
            "anyone who opens its old path there, telling them its address (slug or file name).",
            hint=f"Use {ACCESS_CHECKED_REDIRECTS} in its place (see docs/reference/settings.md).",
            id="send_toolkit.W006",
        )
    ]


SHARED_PASSWORD_SETTINGS = {
    "WAGTAIL_PRIVATE_PAGE_OPTIONS": ("send_toolkit.E001", "pages"),
    "WAGTAIL_PRIVATE_COLLECTION_OPTIONS": ("send_toolkit.E002", "collections"),
}


@checks.register(checks.Tags.security)
def check_wagtail_privacy_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    problems: list[checks.CheckMessage] = []
    for setting, (check_id, what) in SHARED_PASSWORD_SETTINGS.items():
        options = getattr(settings, setting, None)
        # Wagtail's default is to offer shared passwords, so a missing setting is a problem too.
        enabled = options.get("SHARED_PASSWORD", True) if isinstance(options, dict) else True
        if enabled is not False:
            problems.append(
                checks.Error(
                    f"Editors can protect {what} with a shared password: Wagtail stores it in plain text and "
                    "anyone who learns it gets in, without a practitioner account.",
                    hint=f'Set {setting} = {{"SHARED_PASSWORD": False}} (see docs/reference/settings.md).',
                    id=check_id,
                )
            )
    serve_method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if serve_method != "serve_view":
        problems.append(
            checks.Error(
                f"WAGTAILDOCS_SERVE_METHOD is {serve_method!r}: documents in restricted collections must be served "
                "through Wagtail's view, which checks who is asking; other methods can hand out links straight "
                "to the file.",
                hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view" (see docs/reference/settings.md).',
                id="send_toolkit.E003",
            )
        )
    return problems


# Django's views that hand out whatever file a path names, with no privacy check.
FILE_SERVING_VIEWS = (static.serve, staticfiles_views.serve)


def _media_documents_probe() -> str | None:
    """A made-up document path under MEDIA_URL, or None when media is on another host (not Django's to serve)."""
    media_url = urlsplit(str(getattr(settings, "MEDIA_URL", "") or ""))
    if media_url.scheme or media_url.netloc or not media_url.path.startswith("/"):
        return None
    return media_url.path.rstrip("/") + "/documents/" + unguessable_name("probe.pdf")


@checks.register(checks.Tags.security, checks.Tags.urls)
def check_media_documents_not_served(app_configs, **kwargs) -> list[checks.CheckMessage]:
    probe = _media_documents_probe()
    if probe is None:
        return []
    try:
        match = resolve(probe)
    except Resolver404:
        return []
    if match.func not in FILE_SERVING_VIEWS:
        return []
    return [
        checks.Error(
            f"The URL configuration serves {probe.rsplit('/', 2)[0]}/ straight from disk: anyone could download "
            "a document from a restricted collection there, without the privacy check of Wagtail's serve view.",
            hint="Serve only the image folders (MEDIA_URL + 'images/' and 'original_images/'), never the media "
            "root (see docs/how-to/serve-documents-safely.md).",
            id="send_toolkit.E005",
        )
    ]


REQUEST_CHARSET = "send_toolkit.operations.request_charset.RequestCharsetMiddleware"
CSRF = "django.middleware.csrf.CsrfViewMiddleware"


@checks.register()
def check_request_charset_middleware(app_configs, **kwargs) -> list[checks.CheckMessage]:
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    if REQUEST_CHARSET in middleware and (
        CSRF not in middleware or middleware.index(REQUEST_CHARSET) < middleware.index(CSRF)
    ):
        return []
    return [
        checks.Warning(
            f"{REQUEST_CHARSET} is not in MIDDLEWARE before {CSRF}: a form posted in a charset other than "
            "UTF-8 gets a server error (500) instead of a 400.",
            hint=f"Add it before {CSRF}, for example just after SecurityMiddleware (see docs/reference/settings.md).",
            id="send_toolkit.W008",
        )
    ]


# Caches whose counts live in one process (or nowhere): each worker, and each restart, starts from zero.
PER_PROCESS_CACHES = (LocMemCache, DummyCache)


@checks.register(checks.Tags.caches, checks.Tags.security)
def check_rate_limit_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Login and registration limits must be counted in a cache every worker shares (Redis, Memcached)."""
    if settings.DEBUG:
        return []
    cache_name = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    try:
        cache = caches[cache_name]
    except InvalidCacheBackendError:
        return []  # django_ratelimit's own check (django_ratelimit.E002) names the missing cache
    if not isinstance(cache, PER_PROCESS_CACHES):
        return []
    return [
        checks.Error(
            f"The {cache_name!r} cache, which counts login and registration attempts, is a "
            f"{type(cache).__name__}: each worker process keeps its own count and a restart forgets it, so "
            "the limits on password guessing and registrations do not hold.",
            hint="Use a cache all workers share, such as django.core.cache.backends.redis.RedisCache "
            "(see docs/explanation/security-headers.md).",
            id="send_toolkit.E006",
        )
    ]


@checks.register()
def check_provision_picture_minimum(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The provision picture's smallest number of settings behind a figure must be a whole number, 1 or more."""
    minimum = toolkit_settings.PROVISION_PICTURE_MIN_SETTINGS
    try:
        check_minimum(minimum)
    except ValueError:
        default = DEFAULTS["PROVISION_PICTURE_MIN_SETTINGS"]
        return [
            checks.Warning(
                f"SEND_TOOLKIT_PROVISION_PICTURE_MIN_SETTINGS is {minimum!r}, not a whole number of 1 or more: the "
                f"provision picture uses {default} instead.",
                hint=f"Set it to a whole number such as {default} (see docs/reference/provision-picture.md).",
                id="send_toolkit.W012",
            )
        ]
    return []
