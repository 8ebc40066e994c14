"""A link to another toolkit page, checked against the reader's access when rendered."""

from wagtail import blocks

from send_toolkit.access.api_context import api_detail_url, api_reader
from send_toolkit.access.visibility import can_view_page
from send_toolkit.blocks.public_text import EVERYONE


class ToolkitLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    label = blocks.CharBlock(max_length=200, required=False, help_text="Defaults to the page title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "link"
        label = "Link to a toolkit page"
        template = "send_toolkit/blocks/toolkit_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        page = value.get("page")
        # A private page's title must never reach someone who may not open it.
        context["visible_page"] = page.specific if page and can_view_page(request, page) else None
        return context

    def get_searchable_content(self, value):
        # A link to a page the public may not open is not shown to them at all, label and description included.
        page = value.get("page")
        if not can_view_page(EVERYONE, page):
            return []
        return [value.get("label") or page.title, value.get("description") or ""]

    def get_api_representation(self, value, context=None):
        # As on the page: a link the reader may not follow is left out altogether, label and description too.
        request = api_reader(context)
        page = value.get("page")
        if not can_view_page(request, page):
            return {"page": None, "label": "", "description": ""}
        shown = {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}
        detail_url = api_detail_url(context, type(page), page.pk)
        if detail_url:
            shown["detail_url"] = detail_url
        return {"page": shown, "label": value.get("label") or page.title, "description": value.get("description") or ""}
