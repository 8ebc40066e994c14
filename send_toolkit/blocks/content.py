"""Content blocks: strategies, callouts and downloads."""

from __future__ import annotations

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from send_toolkit.access.visibility import can_view_document
from send_toolkit.blocks.gated import document_access_context, document_representation
from send_toolkit.blocks.public_text import EVERYONE
from send_toolkit.blocks.rich_text import AccessCheckedRichTextBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class StrategyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    description = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, required=False)
    for_parents = blocks.TextBlock(
        required=False,
        label="What this means for parents and carers",
        help_text="Plain English, for families reading the parent view.",
    )
    at_home = blocks.TextBlock(required=False, label="What you can do at home")

    class Meta:
        icon = "tick"
        template = "send_toolkit/blocks/strategy.html"


class StrategyListBlock(blocks.StructBlock):
    """A list of strategies. Always shown with the reminder that it is not a tick list."""

    heading = blocks.CharBlock(max_length=200, required=False, default="Strategies")
    introduction = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, required=False)
    strategies = blocks.ListBlock(StrategyBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Strategy list"
        template = "send_toolkit/blocks/strategy_list.html"


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("important", "Important"), ("tip", "Tip")],
        default="info",
    )
    heading = blocks.CharBlock(max_length=200, required=False)
    text = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "send_toolkit/blocks/callout.html"

    def get_searchable_content(self, value):
        # The style is a CSS class, not words on the page.
        return [value.get("heading") or "", *self.child_blocks["text"].get_searchable_content(value.get("text"))]


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(max_length=200, required=False, help_text="Defaults to the document title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = "Document download"
        template = "send_toolkit/blocks/download.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(document_access_context((parent_context or {}).get("request"), value.get("document")))
        return context

    def get_searchable_content(self, value):
        # Everyone else sees "a document here" and the way in: neither its title nor the editor's words.
        document = value.get("document")
        if not can_view_document(EVERYONE, document):
            return []
        return [value.get("title") or document.title, value.get("description") or ""]

    def get_api_representation(self, value, context=None):
        # As on the page: a document the reader may not download is "a document here" (locked), nothing more.
        document = value.get("document")
        shown = document_representation(context, document)
        if shown is None:
            return {"document": None, "title": "", "description": "", "locked": document is not None}
        return {
            "document": shown,
            "title": value.get("title") or document.title,
            "description": value.get("description") or "",
            "locked": False,
        }
