"""Every reference a StreamField or rich text holds, found and rewritten in one walk.

Wagtail stores a StreamField as JSON in which a page, document, image or snippet chooser holds the chosen
object's id, and rich text as HTML in which ``<a linktype="page" id="…">``, ``<a linktype="document" id="…">``
and ``<embed embedtype="image" id="…"/>`` do. An id means nothing on another site, so the exchange walks
that JSON beside the block definitions and asks a ``Visitor`` about each reference: the exporter keeps
those it can carry (and notes what it leaves out), the checker makes sure each one points at something in
the archive, and the importer swaps each archive id for the id of the object it created or found.

When a visitor cannot keep a reference: a required chooser takes its whole block with it (a link block
without its page would not save), an optional one is emptied, a rich-text link keeps its text as a plain
``<a>`` (as Wagtail shows a link to a deleted page), and an embedded image is removed.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, Block, ChooserBlock, FieldBlock, ListBlock, RichTextBlock
from wagtail.documents.models import AbstractDocument
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.models import AbstractImage
from wagtail.models import AbstractPage
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from send_toolkit.interventions.models import Intervention
from send_toolkit.practitioners.resources import PractitionerResource

# A reference's kind is the archive section its target lives in.
PAGES = "pages"
DOCUMENTS = "documents"
IMAGES = "images"
INTERVENTIONS = "interventions"
RESOURCES = "practitioner_resources"

LINK_KINDS = {"page": PAGES, "document": DOCUMENTS}
EMBED_KINDS = {"image": IMAGES}
UNLINKED = "<a>"
ID_ATTRIBUTE = re.compile(r'(\sid=")([^"]*)(")')


class _Drop:
    """Returned for a block that cannot be kept without the reference it lost."""

    def __repr__(self) -> str:
        return "DROP"


DROP = _Drop()


class Visitor(Protocol):
    check_values: bool  # also validate each plain value (text, URL, choice) against its block

    def reference(self, kind: str | None, object_id: int, where: str) -> int | None:
        """The id to write in place of ``object_id`` (of ``kind``; None for a model the archive cannot carry),
        or None when the reference cannot be kept."""

    def problem(self, where: str, message: str) -> None:
        """Something in the data does not fit its block (only reported while checking an archive)."""


def kind_of(model: type) -> str | None:
    """The archive section objects of ``model`` live in, or None when the archive does not carry them."""
    for base, kind in (
        (AbstractPage, PAGES),
        (AbstractDocument, DOCUMENTS),
        (AbstractImage, IMAGES),
        (Intervention, INTERVENTIONS),
        (PractitionerResource, RESOURCES),
    ):
        if issubclass(model, base):
            return kind
    return None


def _as_id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def rewrite_rich_text(html: str, visitor: Visitor, where: str) -> str:
    """``html`` (Wagtail's stored rich text) with each page and document link and each image embed rewritten."""
    if not isinstance(html, str):
        visitor.problem(where, _("rich text must be a string of HTML."))
        return ""

    def rewrite(match: re.Match, kinds: dict[str, str], type_attribute: str, lost: str) -> str:
        attrs = extract_attrs(match.group(1))
        kind = kinds.get(attrs.get(type_attribute, ""))
        if kind is None:
            return match.group(0)
        object_id = _as_id(attrs.get("id"))
        if object_id is None:
            visitor.problem(where, _("a %(kind)s reference in the rich text has no numeric id.") % {"kind": kind})
            return lost
        new_id = visitor.reference(kind, object_id, where)
        if new_id is None:
            return lost
        return ID_ATTRIBUTE.sub(lambda found: f"{found.group(1)}{new_id}{found.group(3)}", match.group(0), count=1)

    html = FIND_A_TAG.sub(lambda match: rewrite(match, LINK_KINDS, "linktype", UNLINKED), html)
    return FIND_EMBED_TAG.sub(lambda match: rewrite(match, EMBED_KINDS, "embedtype", ""), html)


def rewrite_stream(block: BaseStreamBlock, raw: Any, visitor: Visitor, where: str) -> list:
    """A StreamField's stored JSON (``get_prep_value``) with every reference in it rewritten."""
    result = _walk(block, raw if raw is not None else [], visitor, where)
    return [] if result is DROP else result


def _walk(block: Block, raw: Any, visitor: Visitor, where: str) -> Any:
    if isinstance(block, BaseStreamBlock):
        return _stream(block, raw, visitor, where)
    if isinstance(block, ListBlock):
        return _list(block, raw, visitor, where)
    if isinstance(block, BaseStructBlock):
        return _struct(block, raw, visitor, where)
    if isinstance(block, ChooserBlock):
        return _chooser(block, raw, visitor, where)
    if isinstance(block, RichTextBlock):
        return rewrite_rich_text(raw, visitor, where) if raw else raw
    if visitor.check_values and isinstance(block, FieldBlock) and not isinstance(block, EmbedBlock):
        try:
            block.clean(block.to_python(raw))
        except ValidationError as error:
            visitor.problem(where, " ".join(error.messages))
        except (TypeError, ValueError):
            visitor.problem(where, _("this value does not fit the block."))
    return raw


def _stream(block: BaseStreamBlock, raw: Any, visitor: Visitor, where: str) -> Any:
    if not isinstance(raw, list):
        visitor.problem(where, _("a stream of blocks must be a list."))
        return []
    children = []
    for index, child in enumerate(raw):
        here = f"{where}[{index}]"
        if not isinstance(child, dict) or child.get("type") not in block.child_blocks:
            kind = child.get("type") if isinstance(child, dict) else None
            visitor.problem(here, _("unknown block type “%(type)s”.") % {"type": kind})
            continue
        value = _walk(block.child_blocks[child["type"]], child.get("value"), visitor, f"{here}.{child['type']}")
        if value is not DROP:
            children.append({**child, "value": value})
    return children


def _list(block: ListBlock, raw: Any, visitor: Visitor, where: str) -> Any:
    if not isinstance(raw, list):
        visitor.problem(where, _("a list block must hold a list."))
        return []
    items = []
    for index, item in enumerate(raw):
        in_block_format = isinstance(item, dict) and item.get("type") == "item" and "value" in item
        value = _walk(block.child_block, item["value"] if in_block_format else item, visitor, f"{where}[{index}]")
        if value is not DROP:
            items.append({**item, "value": value} if in_block_format else value)
    return items


def _struct(block: BaseStructBlock, raw: Any, visitor: Visitor, where: str) -> Any:
    image = block.child_blocks.get("image")
    if not isinstance(raw, dict):
        if isinstance(image, ChooserBlock) and _as_id(raw) is not None:  # an ImageBlock stored as a bare image id
            return _chooser(image, raw, visitor, where)
        visitor.problem(where, _("a structure block must hold an object."))
        return DROP
    value = dict(raw)
    for name, child in block.child_blocks.items():
        if name in raw:
            rewritten = _walk(child, raw[name], visitor, f"{where}.{name}")
            if rewritten is DROP:
                return DROP
            value[name] = rewritten
    return value


def _chooser(block: ChooserBlock, raw: Any, visitor: Visitor, where: str) -> Any:
    if raw is None or raw == "":
        return None
    object_id = _as_id(raw)
    new_id = None
    if object_id is None:
        visitor.problem(where, _("a chosen item must be given by its numeric id."))
    else:
        new_id = visitor.reference(kind_of(block.model_class), object_id, where)
    if new_id is None:
        return DROP if block.required else None
    return new_id
