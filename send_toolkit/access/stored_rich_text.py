"""Which images embedded in rich text a request may see, and rich text in its stored form without the others.

Wagtail serves every image publicly, so an image in a restricted collection is shown only to those the
collection admits. The rendered page applies this rule through ``rich_text_images`` (Wagtail's embed
handler); a file that carries the stored form, such as the intervention CSV export (imported again
later), applies it here. Importable before Django's models are ready: it reads the image model and
the link handlers on call.

The Wagtail API hands rich text out in its stored form too (``?rich_text_format=db_html``, Wagtail's
default) or converts it from there (Markdown), without the toolkit's link and embed handlers. So
``as_reader_may_see`` also unlinks links to pages and documents the reader may not open, by the rule the
rendered page uses (``access.rich_text_links``: a plain ``<a>`` that keeps its text), before any conversion.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wagtail.images import get_image_model
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from send_toolkit.access.visibility import can_view_collection, can_view_document, can_view_page

if TYPE_CHECKING:
    from django.http import HttpRequest

NOT_SHOWN = ""
# A link the reader may not follow, as Wagtail renders a link to a deleted page: its text stays, its target goes.
UNLINKED = "<a>"
MAX_ID = 2**63 - 1  # the largest key any database Django supports can hold

# The stored link types that name something restricted, with the rule for each.
_MAY_OPEN = {"page": can_view_page, "document": can_view_document}


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


def without_hidden_links(request: HttpRequest | None, db_html: str) -> str:
    """``db_html`` with each link to a page or document ``request`` may not open (or that no longer exists)
    turned into a plain ``<a>``, its text kept; every other link as it was."""
    hidden: set[tuple[int, int]] = set()
    for link_type, may_open in _MAY_OPEN.items():
        links = [match for match in FIND_A_TAG.finditer(db_html) if _link_type(match) == link_type]
        if not links:
            continue
        handler = features.get_link_types()[link_type]  # the site's handler loads the linked objects in bulk
        ids = [_stored_id(extract_attrs(match.group(1))) for match in links]
        found = iter(handler.get_many([{"id": identifier} for identifier in ids if identifier is not None]))
        targets = [next(found) if identifier is not None else None for identifier in ids]
        shown = [may_open(request, target) for target in targets]
        hidden.update(match.span() for match, show in zip(links, shown, strict=True) if not show)
    if not hidden:
        return db_html
    return FIND_A_TAG.sub(lambda match: UNLINKED if match.span() in hidden else match.group(0), db_html)


def as_reader_may_see(request: HttpRequest | None, db_html: str) -> str:
    """``db_html`` as ``request`` may see it, still in the stored form: no hidden images, no links to hidden
    pages or documents."""
    return without_hidden_links(request, without_hidden_images(request, db_html or ""))


def _image_id(match) -> int | None:
    attrs = extract_attrs(match.group(1))
    if attrs.get("embedtype") != "image":
        return None
    return _stored_id(attrs)


def _stored_id(attrs: dict) -> int | None:
    """The object id a stored tag names, if it can be one (a number a database key can hold)."""
    try:
        identifier = int(attrs.get("id", ""))
    except ValueError:
        return None
    return identifier if 0 < identifier <= MAX_ID else None


def _link_type(match) -> str | None:
    return extract_attrs(match.group(1)).get("linktype")
