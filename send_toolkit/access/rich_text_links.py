"""Rich-text links only to what the reader may see (DESIGN.md section 4).

Wagtail expands ``<a linktype="page" id="…">`` and ``<a linktype="document" id="…">`` without
knowing who is reading, so a public page linking to a restricted page or document would give
away its URL and slug. Wagtail does not pass the request to link handlers, so
``CacheHeadersMiddleware`` puts the request being answered in scope (``rich_text_reader``) and
these handlers ask ``access`` about it. A link the reader may not follow becomes a plain ``<a>``,
keeping its text, just as Wagtail renders a link to a deleted page.

Outside a request (emails, management commands, a site without the middleware) the reader
counts as anonymous, so a missing request can only hide links, never reveal them.
"""

from __future__ import annotations

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from send_toolkit.access.rich_text_reader import current_reader
from send_toolkit.access.stored_rich_text import UNLINKED
from send_toolkit.access.visibility import can_view_document, can_view_page


class AccessCheckedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        request = current_reader()
        return [
            f'<a href="{escape(page.localized.url)}">' if can_view_page(request, page) else UNLINKED
            for page in cls.get_many(attrs_list)
        ]


class AccessCheckedDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        request = current_reader()
        return [
            f'<a href="{escape(document.url)}">' if can_view_document(request, document) else UNLINKED
            for document in cls.get_many(attrs_list)
        ]
