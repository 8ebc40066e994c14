"""Which images embedded in rich text a request may see, and rich text in its stored form without the others.

Wagtail serves every image publicly, so an image in a restricted collection is shown only to those the
collection admits. The rendered page applies this rule through ``rich_text_images`` (Wagtail's embed
handler); a file that carries the stored form, such as the intervention CSV export (imported again
later), applies it here. Importable before Django's models are ready: it reads the image model on call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wagtail.images import get_image_model
from wagtail.rich_text.rewriters import FIND_EMBED_TAG, extract_attrs

from send_toolkit.access.visibility import can_view_collection

if TYPE_CHECKING:
    from django.http import HttpRequest

NOT_SHOWN = ""


def images_shown(request: HttpRequest | None, images: Iterable) -> list[bool]:
    """For each image (None: one that no longer exists), whether ``request`` may see it: its collection's privacy."""
    return [image is None or can_view_collection(request, image.collection) for image in images]


def without_hidden_images(request: HttpRequest | None, db_html: str) -> str:
    """``db_html`` (rich text as stored) without the image embeds ``request`` may not see; the rest as it was."""
    embeds = [match for match in FIND_EMBED_TAG.finditer(db_html) if _image_id(match) is not None]
    if not embeds:
        return db_html
    found = get_image_model().objects.select_related("collection").in_bulk([_image_id(match) for match in embeds])
    images = [found.get(_image_id(match)) for match in embeds]
    hidden = {match.span() for match, show in zip(embeds, images_shown(request, images), strict=True) if not show}
    return FIND_EMBED_TAG.sub(lambda match: NOT_SHOWN if match.span() in hidden else match.group(0), db_html)


def _image_id(match) -> int | None:
    attrs = extract_attrs(match.group(1))
    if attrs.get("embedtype") != "image":
        return None
    try:
        return int(attrs.get("id", ""))
    except ValueError:
        return None
