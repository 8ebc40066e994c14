"""What a block shows everyone, as plain text: the one source for the search index and search excerpts.

The search index holds one copy of a page for every reader, and a search excerpt is cached with the
search page's public response, so both may hold only what the page shows an anonymous visitor
(DESIGN.md section 4). Each toolkit block's ``get_searchable_content`` gives that text, and Wagtail
indexes a StreamField with it: a block pointing at something the public may not see (a document in
a restricted collection, a restricted or unpublished page, a practitioner-only intervention) gives
nothing, not even the label, description or note the editor wrote beside it; a gated resource gives
its public title and teaser, never its body. ``access.search_index`` reindexes the pages concerned
when who may see such a thing changes.
"""

from __future__ import annotations

from wagtail.blocks import StreamValue

# The access gate judges a missing request as an anonymous visitor: what everyone may see.
EVERYONE = None


def public_text(body: StreamValue | None) -> list[str]:
    """Every piece of text ``body`` (a StreamField value) shows everyone, in order."""
    if body is None:
        return []
    return [piece for piece in body.stream_block.get_searchable_content(body) if piece and piece.strip()]
