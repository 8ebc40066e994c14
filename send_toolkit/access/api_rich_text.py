"""Rich text in a Wagtail API response: only what the reader may see, in the format the request asks for.

Wagtail's API hands rich text out as stored (``?rich_text_format=db_html``, its default), as HTML
(``html``) or as Markdown converted from the stored form (``db_markdown``, ``markdown``); the stored
form names every image and link an editor put in, with an image's alt text, and the Markdown
conversion resolves links and images without asking who is reading. So every rich text the toolkit
puts in an API response (page fields, StreamField blocks, intervention descriptions) is first cut
down to what the reader may see, by the rules the rendered page uses (``stored_rich_text``), and
then converted as Wagtail would.

The reader is the request in the serializer context (``access.api_context.api_reader``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.fields import Field
from wagtail.api.rich_text import APIRichText

from send_toolkit.access.api_context import api_reader
from send_toolkit.access.rich_text_reader import reader_in_scope
from send_toolkit.access.stored_rich_text import as_reader_may_see

if TYPE_CHECKING:
    from collections.abc import Mapping

# Where Wagtail's API views keep the rich text format they have checked (BaseAPIViewSet.get_serializer_context).
RESOLVED_FORMAT = "_wagtail_rich_text_format"


def api_rich_text(context: Mapping[str, Any] | None, db_html: str | None, features: list[str] | None = None) -> Any:
    """``db_html`` (rich text as stored) as the context's reader may see it, in the format asked for
    (``?rich_text_format=``, else ``WAGTAILAPI_RICH_TEXT_FORMAT``). ``features``: the field's rich-text
    features, which the Markdown formats convert by."""
    if db_html is None:
        return None
    request = api_reader(context)
    rich_text_format = (context or {}).get(RESOLVED_FORMAT)
    if rich_text_format is None:
        asked = request.GET.get("rich_text_format") if request is not None else None
        rich_text_format = APIRichText.resolve_format(asked)
    shown = as_reader_may_see(request, db_html)
    # Converting to HTML runs the toolkit's link and embed handlers, which judge the reader in scope.
    with reader_in_scope(request):
        return APIRichText.serialize(shown, format=rich_text_format, features=features)


class APIRichTextField(Field):
    """A ``RichTextField`` in ``api_fields``: ``APIField("introduction", serializer=APIRichTextField())``."""

    def __init__(self, features: list[str] | None = None, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)
        self.features = features

    def to_representation(self, value: str) -> Any:
        return api_rich_text(self.context, value, self.features)
