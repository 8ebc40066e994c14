"""What a Wagtail API serializer (or block) context tells the toolkit: who is reading, and the API's own URLs.

Wagtail's API views pass each field and block a context holding the ``request`` and the API ``router``.
The toolkit's API views (``send_toolkit.contrib.api``) put Django's request there, the same object the
access gate remembers its answers on and ``CacheHeadersMiddleware`` reads, so that what a block admits
for this reader marks the response private. Importable before Django's models are ready (blocks use it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from wagtail.api.utils import get_full_url

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest


def api_reader(context: Mapping[str, Any] | None) -> HttpRequest | None:
    """Who is reading an API response: the context's request; None (no request) counts as anonymous."""
    return (context or {}).get("request")


def api_full_url(context: Mapping[str, Any] | None, path: str) -> str:
    """``path`` as a full URL on the site answering (``WAGTAILAPI_BASE_URL`` first, as Wagtail's API does)."""
    return get_full_url(api_reader(context), path)


def api_detail_url(context: Mapping[str, Any] | None, model: type[Model], pk: int) -> str | None:
    """The API's detail URL of an object (``/api/v2/pages/3/``), or None when the context has no router or the
    router no endpoint for ``model``."""
    router = (context or {}).get("router")
    path = router.get_object_detail_urlpath(model, pk) if router is not None else None
    return api_full_url(context, path) if path else None
