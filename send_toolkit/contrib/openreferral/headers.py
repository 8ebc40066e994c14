"""The feed's response headers: open to any web page (CORS), and cacheable by anyone, for everyone.

Open Referral UK asks for ``Access-Control-Allow-Origin: *`` on every response, so that a directory page in
any browser may read the feed. A successful response is the same for everyone (``feed.py``), so it is marked
``public, max-age=SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE`` (and purged when an intervention changes:
``channels.py``), unless it answers search words, which may name a child and are never kept by a shared cache.
No view of the feed reads the session or the user, so Django adds no ``Vary: Cookie``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from send_toolkit.conf import toolkit_settings
from send_toolkit.contrib.openreferral.channels import OPEN_REFERRAL


def feed_headers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Add the feed's CORS and cache headers to whatever ``view`` answers."""

    @wraps(view)
    def with_headers(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            max_age = toolkit_settings.PUBLIC_CACHE_MAX_AGE
            if not OPEN_REFERRAL.cached_publicly_for(request.GET):
                patch_cache_control(response, private=True, no_store=True)
            elif max_age:
                patch_cache_control(response, public=True, max_age=max_age)
        return response

    return with_headers
