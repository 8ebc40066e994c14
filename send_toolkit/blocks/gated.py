"""A practitioner resource placed on a page: the body for those allowed, a teaser and a way in for everyone else."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from send_toolkit.access.api_context import api_full_url, api_reader
from send_toolkit.access.visibility import can_view_document, can_view_resource


def login_prompt_context(request: HttpRequest | None) -> dict[str, object]:
    """What the "log in or register" prompt needs: links that bring the reader back here afterwards."""
    next_query = urlencode({"next": request.get_full_path()}) if request is not None else ""
    return {
        "login_url": f"{resolve_url(settings.LOGIN_URL)}?{next_query}",
        "register_url": f"{resolve_url('send_toolkit:register')}?{next_query}",
        "signed_in": bool(request is not None and request.user.is_authenticated),
    }


def document_access_context(request: HttpRequest | None, document) -> dict[str, object]:
    """Whether the reader may download ``document`` (``allowed``) and, when they may not, the way in.

    A document in a restricted collection may sit on a public page: only those allowed to download it
    learn its title, type and size."""
    allowed = can_view_document(request, document)
    if document is None or allowed:
        return {"allowed": allowed}
    return {"allowed": False, **login_prompt_context(request)}


def document_representation(context: dict | None, document) -> dict[str, object] | None:
    """A document for an API response (title, download URL, type, size), or None when there is none or the
    reader may not download it: as on the page, only those allowed learn its title, type and size."""
    request = api_reader(context)
    if document is None or not can_view_document(request, document):
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": api_full_url(context, document.url),
        "file_extension": document.file_extension,
        "file_size": document.file_size,
    }


class GatedResourceBlock(blocks.StructBlock):
    resource = SnippetChooserBlock("send_toolkit.PractitionerResource")

    class Meta:
        icon = "lock"
        label = "Practitioner resource (gated)"
        template = "send_toolkit/blocks/gated_resource.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        resource = value.get("resource")
        context["resource"] = resource
        context["allowed"] = can_view_resource(request, resource)
        if resource is not None and not context["allowed"]:
            context.update(login_prompt_context(request))
        return context

    def get_searchable_content(self, value):
        # Everyone sees the title and the teaser; the body only its audience, so it is never searchable.
        resource = value.get("resource")
        return [resource.title, resource.teaser] if resource is not None else []

    def get_api_representation(self, value, context=None):
        # Everyone gets the title and the teaser; the body (its own blocks access-checked in turn) only its audience.
        resource = value.get("resource")
        if resource is None:
            return {"resource": None}
        shown = {"id": resource.pk, "title": resource.title, "teaser": resource.teaser}
        if not can_view_resource(api_reader(context), resource):
            return {"resource": {**shown, "locked": True}}
        body = resource.body.stream_block.get_api_representation(resource.body, context)
        return {"resource": {**shown, "locked": False, "body": body}}
