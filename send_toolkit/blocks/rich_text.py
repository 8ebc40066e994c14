"""The rich text block every toolkit body uses: Wagtail's, with an API representation for its reader.

Rendered on a page, rich text goes through the toolkit's link and embed handlers, which leave out what
the reader may not see (``access.rich_text_links``, ``access.rich_text_images``). The Wagtail API hands
out the stored form instead, or converts it without those handlers, so this block's API representation
is cut down by the same rules first (``access.api_rich_text``).
"""

from __future__ import annotations

from wagtail import blocks

from send_toolkit.access.api_rich_text import api_rich_text


class AccessCheckedRichTextBlock(blocks.RichTextBlock):
    def get_api_representation(self, value, context=None):
        return api_rich_text(context, value.source if value is not None else None, self.features)
