"""Every setting the toolkit reads, with its documented default.

Read settings as ``toolkit_settings.PRACTITIONER_GROUP`` rather than from
``django.conf.settings`` so that the defaults live in one place; a host project
overrides any of them with ``SEND_TOOLKIT_<NAME>``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Template every toolkit page extends. Point it at your site's own base
    # template (it must define the blocks documented in docs/reference/templates.md).
    "BASE_TEMPLATE": "send_toolkit/base.html",
    # Group whose members are approved practitioners.
    "PRACTITIONER_GROUP": "Practitioners",
    # Group whose members approve practitioner accounts and edit the toolkit.
    "EDITOR_GROUP": "Toolkit editors",
    # Session lifetime for logged-in practitioners, in seconds.
    "SESSION_INACTIVITY_TIMEOUT": 30 * 60,
    "SESSION_ABSOLUTE_LIFETIME": 8 * 60 * 60,
    # How long an email verification link works, in seconds.
    "EMAIL_VERIFICATION_MAX_AGE": 3 * 24 * 60 * 60,
    # Attempts allowed before a pause (django-ratelimit rates: "count/period", e.g. "10/15m").
    # Login attempts per username, and per IP address (a whole school may share one address);
    # registrations and password-reset requests per IP address.
    "LOGIN_RATE": "10/15m",
    "LOGIN_IP_RATE": "100/15m",
    "REGISTRATION_RATE": "20/h",
    # max-age (seconds) of public pages served to anonymous visitors; 0 stops shared caching.
    "PUBLIC_CACHE_MAX_AGE": 300,
    # Sources added to SECURE_CSP's directives on Wagtail admin responses only (AdminContentSecurityPolicyMiddleware):
    # the admin is Wagtail's, with inline styles and scripts; the toolkit's own pages need none of these.
    "ADMIN_CSP_ALLOWANCES": {
        "script-src": ["'unsafe-inline'"],
        "style-src": ["'unsafe-inline'"],
    },
    # Interventions shown per page in the directory.
    "DIRECTORY_PAGE_SIZE": 20,
    # Email the mail server would not take is kept and tried again (docs/how-to/when-email-cannot-be-sent.md):
    # up to this many tries in all, the first retry after this many seconds, each wait twice the last (at most
    # six hours); undelivered messages are deleted this many seconds after the first try.
    "MAIL_MAX_ATTEMPTS": 8,
    "MAIL_FIRST_RETRY_DELAY": 5 * 60,
    "MAIL_KEEP_UNDELIVERED": 30 * 24 * 60 * 60,
    # The most interventions one CSV import takes (the upload screen and the management command).
    "IMPORT_MAX_ROWS": 10_000,
    # The council's provision picture (admin, Reports) shows a figure only where at least this many settings
    # contribute; smaller cells read "fewer than 5 settings" (docs/reference/provision-picture.md). A whole
    # number, 1 or more; anything else is refused by check W012 and the default is used.
    "PROVISION_PICTURE_MIN_SETTINGS": 5,
    # Toolkit exchange archives (send_toolkit.contrib.exchange): the largest zip file an import takes, the most
    # its contents may unpack to (a "zip bomb" is refused long before it fills the disk or memory), and the most
    # entries (files) it may hold. In bytes, bytes and entries.
    "EXCHANGE_MAX_ARCHIVE_SIZE": 200 * 1024 * 1024,
    "EXCHANGE_MAX_UNPACKED_SIZE": 500 * 1024 * 1024,
    "EXCHANGE_MAX_ENTRIES": 10_000,
}


class ToolkitSettings:
    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"send_toolkit has no setting called {name}")
        return getattr(settings, f"SEND_TOOLKIT_{name}", DEFAULTS[name])


toolkit_settings = ToolkitSettings()
