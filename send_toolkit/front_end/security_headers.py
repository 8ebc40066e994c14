"""The Content-Security-Policy header, from one source on Django 5.2 and 6.x alike.

The policy is Django's own ``SECURE_CSP`` setting (and ``SECURE_CSP_REPORT_ONLY``), written as Django 6 reads
it: a dict of directive names to lists of sources, ``True`` for a directive without sources. Hosts name one
middleware, ``send_toolkit.front_end.security_headers.ContentSecurityPolicyMiddleware``:

- on Django 6.0 and later it *is* ``django.middleware.csp.ContentSecurityPolicyMiddleware``;
- on Django 5.2, which has no CSP support, it is the small equivalent below, which sends the same setting
  the same way (and, like Django's, leaves a response that already carries the header alone).

The toolkit's own pages need nothing inline (no ``<script>`` body, no ``on*=`` handler, no ``style=``
attribute), so ``script-src 'self'`` and ``style-src 'self'`` hold on every front-end page. Wagtail's admin
is not the toolkit's and still needs inline styles and scripts: ``AdminContentSecurityPolicyMiddleware``
gives admin responses the site's policy plus ``SEND_TOOLKIT_ADMIN_CSP_ALLOWANCES``. The standalone 500 and 503
pages, whose styles are inline so that they need no static file, carry ``STANDALONE_PAGE_POLICY``. Why and how:
docs/explanation/security-headers.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse

from send_toolkit.conf import toolkit_settings

ENFORCE_HEADER = "Content-Security-Policy"
REPORT_ONLY_HEADER = "Content-Security-Policy-Report-Only"


def build_policy(directives: Mapping[str, Any]) -> str:
    """The header value for ``directives`` in ``SECURE_CSP``'s format, written as Django 6 writes it
    (None, False or no sources leave a directive out; True is a directive without sources)."""
    parts = []
    for directive, sources in directives.items():
        if sources is None or sources is False:
            continue
        if sources is True:
            parts.append(directive)
            continue
        if isinstance(sources, str):
            sources = [sources]
        elif isinstance(sources, set | frozenset):
            sources = sorted(sources)
        if sources:  # an empty list leaves the directive out, as Django 6 does
            parts.append(" ".join([directive, *sources]))
    return "; ".join(parts)


def with_allowances(directives: Mapping[str, Any], allowances: Mapping[str, Any]) -> dict[str, Any]:
    """``directives`` with the sources in ``allowances`` added to each directive named there."""
    merged = {
        name: list(sources) if isinstance(sources, list | tuple) else sources for name, sources in directives.items()
    }
    for directive, extra in allowances.items():
        current = merged.get(directive)
        if not isinstance(current, list):
            current = list(merged.get("default-src") or []) if current in (None, False) else []
        merged[directive] = current + [source for source in extra if source not in current]
    return merged


class _ContentSecurityPolicyMiddleware:
    """Django 6's ``ContentSecurityPolicyMiddleware`` for Django 5.2 (without nonces, which the toolkit never needs)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for header, setting in ((ENFORCE_HEADER, "SECURE_CSP"), (REPORT_ONLY_HEADER, "SECURE_CSP_REPORT_ONLY")):
            directives = getattr(settings, setting, None)
            if directives and header not in response:
                response[header] = build_policy(directives)
        return response


if django.VERSION >= (6, 0):
    from django.middleware.csp import ContentSecurityPolicyMiddleware  # noqa: F401 - the one a host names
else:
    ContentSecurityPolicyMiddleware = _ContentSecurityPolicyMiddleware


# The 500 and 503 pages stand alone (no static files, which could be missing from the manifest), so their few
# styles are inline. They get a policy of their own allowing exactly that: no script at all, nothing loaded.
STANDALONE_PAGE_POLICY = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def with_standalone_page_policy(response: HttpResponse) -> HttpResponse:
    """``response`` (a 500 or 503 page) with ``STANDALONE_PAGE_POLICY``, which the site's policy then leaves alone."""
    response[ENFORCE_HEADER] = build_policy(STANDALONE_PAGE_POLICY)
    return response


def _admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class AdminContentSecurityPolicyMiddleware:
    """The site's policy, loosened by ``SEND_TOOLKIT_ADMIN_CSP_ALLOWANCES``, on Wagtail admin responses only.

    List it after ``ContentSecurityPolicyMiddleware``: it sets the header first, and that one then leaves
    the response alone. Front-end responses are untouched, so they keep the strict policy.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        directives = getattr(settings, "SECURE_CSP", None)
        prefix = _admin_prefix()
        if directives and prefix and request.path.startswith(prefix) and ENFORCE_HEADER not in response:
            response[ENFORCE_HEADER] = build_policy(with_allowances(directives, toolkit_settings.ADMIN_CSP_ALLOWANCES))
        return response
