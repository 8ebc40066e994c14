"""Where Wagtail serves a page or a document, or expands a rich-text link, the toolkit's access rules decide.

Wagtail lets any logged-in account past a "logged-in users" restriction; the toolkit wants an approved
practitioner (``domain.access_rules``). These functions only ever refuse, never admit: a hook that returned
a response for an allowed reader would bypass Wagtail's own privacy checks (DESIGN.md section 4).
Registered by ``send_toolkit/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from wagtail.documents.models import AbstractDocument
from wagtail.rich_text import FeatureRegistry

from send_toolkit.access.rich_text_images import AccessCheckedImageEmbedHandler
from send_toolkit.access.rich_text_links import AccessCheckedDocumentLinkHandler, AccessCheckedPageLinkHandler
from send_toolkit.access.visibility import (
    can_view_collection,
    mark_restricted_content_shown,
    request_viewer,
    restriction_facts,
)
from send_toolkit.domain.access_rules import may_view
from send_toolkit.front_end.layout import render
from send_toolkit.pages.base import BasePage


def refusal(request: HttpRequest) -> HttpResponse:
    """Anonymous visitors are sent to log in; signed-in accounts that may not see it are told so."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    response = render(request, "send_toolkit/accounts/not_allowed.html", status=403)
    response["Cache-Control"] = "private, no-store"
    return response


def enforce_toolkit_page_access(page: BasePage, request: HttpRequest, serve_args, serve_kwargs) -> HttpResponse | None:
    """For the ``before_serve_page`` hook."""
    restrictions = page.get_view_restrictions()
    if not restrictions:
        return None
    facts = [restriction_facts(restriction) for restriction in restrictions]
    if may_view(request_viewer(request), facts):
        mark_restricted_content_shown(request)
        return None
    return refusal(request)


def enforce_toolkit_document_access(document: AbstractDocument, request: HttpRequest) -> HttpResponse | None:
    """For the ``before_serve_document`` hook: collection privacy, judged by the toolkit's rules."""
    if can_view_collection(request, document.collection):
        return None
    return refusal(request)


def register_access_checked_rich_text_links(features: FeatureRegistry) -> None:
    """For the ``register_rich_text_features`` hook, at a later order than Wagtail's own so that these
    handlers replace Wagtail's: links to pages and documents the reader may not see lose their href, and
    images from collections the reader may not view are left out."""
    features.register_link_type(AccessCheckedPageLinkHandler)
    features.register_link_type(AccessCheckedDocumentLinkHandler)
    features.register_embed_type(AccessCheckedImageEmbedHandler)
