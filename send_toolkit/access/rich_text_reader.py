"""Who rich text is being rendered for, where Wagtail does not say (DESIGN.md section 4).

Wagtail does not pass the request to its rich-text link and embed handlers, so ``CacheHeadersMiddleware``
puts the request being answered in scope (``reader_in_scope``) and the toolkit's handlers
(``rich_text_links``, ``rich_text_images``) ask ``current_reader()``. Outside a request (emails, management
commands, a site without the middleware) there is no reader, which the access gate counts as anonymous.

Importable before Django's models are ready (the Wagtail API's rich-text fields and blocks use it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

_reader: ContextVar[HttpRequest | None] = ContextVar("send_toolkit_rich_text_reader", default=None)


@contextmanager
def reader_in_scope(request: HttpRequest | None) -> Iterator[None]:
    """Rich text rendered inside this block links only to what ``request`` may see."""
    token = _reader.set(request)
    try:
        yield
    finally:
        _reader.reset(token)


def current_reader() -> HttpRequest | None:
    return _reader.get()
