"""Editor-made redirects that answer like their target would (DESIGN.md section 4).

Wagtail's ``RedirectMiddleware`` sends anyone who opens an old path to the redirect's target, so
the ``Location`` header tells a visitor who may not open the target its slug or its file name. This
middleware lets Wagtail find the redirect, then judges where it leads with the toolkit's gate:

- a target everyone may see (or somewhere off the site): Wagtail's redirect, unchanged;
- a restricted target the visitor may see: the redirect, marked ``private, no-store``;
- a restricted page or a document in a restricted collection the visitor may not see: the
  target's own refusal (``enforcement.refusal``): anonymous visitors are sent to log in and come
  back to the old path, signed-in accounts are told they may not see it;
- a target that answers "not found" to this visitor (a practitioner-only intervention's page):
  the 404 the old path already gave.

Every answer about a restricted target is ``private, no-store``. Use it in ``MIDDLEWARE`` in place
of Wagtail's, where Wagtail's stood (system check ``send_toolkit.W006``)::

    "send_toolkit.access.redirects.AccessCheckedRedirectMiddleware",

A routable page whose sub-routes show things with an audience of their own (the intervention
directory's ``<slug>/`` pages) says whether a visitor may see one with
``route_visible_to(request, view, args, kwargs)``; a sub-route of a page without it is judged as
the page.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.documents import get_document_model
from wagtail.models import Site

from send_toolkit.access.enforcement import refusal
from send_toolkit.access.visibility import can_view_document, can_view_page, mark_restricted_content_shown

DOCUMENT_VIEW = "wagtaildocs_serve"


class Refusal(enum.Enum):
    """How a target refuses a visitor who may not see it."""

    LOG_IN = "log in"  # anonymous visitors are asked to log in; signed-in accounts are told they may not
    NOT_FOUND = "not found"


# What stops a request (None: an anonymous visitor) from seeing a redirect's target; None when nothing does.
TargetCheck = Callable[[HttpRequest | None], Refusal | None]


def _page_check(page, route: tuple | None = None) -> TargetCheck:
    route_visible_to = getattr(page, "route_visible_to", None) if route else None

    def check(request: HttpRequest | None) -> Refusal | None:
        if not can_view_page(request, page):
            return Refusal.LOG_IN
        if route_visible_to is not None and not route_visible_to(request, *route):
            return Refusal.NOT_FOUND
        return None

    return check


def _document_check(document) -> TargetCheck:
    return lambda request: None if can_view_document(request, document) else Refusal.LOG_IN


def _site_for(request: HttpRequest, netloc: str) -> Site | None:
    """The site a redirect's target is on: the request's own for a site-relative link, else the site at that host."""
    if not netloc or netloc == request.get_host():
        return Site.find_for_request(request)
    hostname, _colon, port = netloc.partition(":")
    sites = Site.objects.filter(hostname=hostname)
    return sites.filter(port=int(port)).first() if port.isdigit() else sites.first()


def target_check(request: HttpRequest, location: str) -> TargetCheck | None:
    """How to judge who may see what ``location`` (a redirect's target) shows; None when it is not the site's own
    page or document (somewhere else on the web, or nothing at all)."""
    parts = urlsplit(location)
    if parts.scheme not in ("", "http", "https") or not parts.path.startswith("/"):
        return None
    site = _site_for(request, parts.netloc)
    if site is None:
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    if match.url_name == DOCUMENT_VIEW:
        document_id = match.args[0] if match.args else match.kwargs.get("document_id")  # Wagtail passes it by position
        document = get_document_model().objects.filter(pk=document_id).first()
        return _document_check(document) if document is not None else None
    if match.url_name != "wagtail_serve":
        return None
    try:
        routed = site.root_page.localized.specific.route(request, [part for part in parts.path.split("/") if part])
    except Http404:
        return None
    # A routable page's sub-route comes as (view, args, kwargs).
    return _page_check(routed.page, tuple(routed.args) or None)


def answer_for_target(request: HttpRequest, not_found: HttpResponse, redirect: HttpResponse) -> HttpResponse:
    """What to send for a redirect found for ``request``'s old path (``not_found`` is the old path's own 404)."""
    check = target_check(request, redirect["Location"])
    if check is None or check(None) is None:  # off the site, or everyone may see it
        return redirect
    refused = check(request)
    if refused is None:
        answer = redirect
    elif refused is Refusal.LOG_IN:
        answer = refusal(request)  # the login link brings the visitor back to the old path, not the target
    else:
        answer = not_found
    mark_restricted_content_shown(request)
    patch_cache_control(answer, private=True, no_store=True)
    return answer


class AccessCheckedRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, answering like the target would for a visitor who may not see it."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        redirected = super().process_response(request, response)
        if redirected is response or not redirected.has_header("Location"):
            return redirected
        return answer_for_target(request, response, redirected)
