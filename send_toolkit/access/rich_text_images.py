"""Images embedded in rich text only for readers who may view the image's collection (DESIGN.md section 4).

Wagtail serves every image publicly (its renditions live under the media folder), and its embed
handler renders ``<embed embedtype="image" id="…">`` without knowing who is reading. An image an
editor put in a restricted collection is meant for those the collection admits, so for anyone else
the embed renders as nothing: no ``<img>``, no rendition URL, no alt text. The reader is the one
``rich_text_reader.reader_in_scope`` puts in scope; with none, the reader counts as anonymous.
"""

from __future__ import annotations

from wagtail.images.rich_text import ImageEmbedHandler

from send_toolkit.access.rich_text_reader import current_reader
from send_toolkit.access.stored_rich_text import NOT_SHOWN, images_shown


class AccessCheckedImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        shown = images_shown(current_reader(), cls.get_many(attrs_list))
        # Wagtail renders only the images shown, so no rendition is made for one left out.
        tags = iter(
            super().expand_db_attributes_many([attrs for attrs, show in zip(attrs_list, shown, strict=True) if show])
        )
        return [next(tags) if show else NOT_SHOWN for show in shown]
