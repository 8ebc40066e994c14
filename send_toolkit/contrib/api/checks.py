"""System checks for the toolkit's Wagtail API (registered from ``SendToolkitAPIConfig.ready``)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches)
def check_wagtail_api_purging(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Wagtail's own API purging reverses the URLs of its own router (``wagtailapi_v2``), not the toolkit's."""
    if not getattr(settings, "WAGTAILAPI_USE_FRONTENDCACHE", False):
        return []
    return [
        checks.Warning(
            "WAGTAILAPI_USE_FRONTENDCACHE is on: Wagtail then purges the URLs of its own API router "
            "('wagtailapi_v2'), not those of the toolkit's (send_toolkit.contrib.api.router.api_router), and "
            "publishing a page fails when Wagtail's router is not mounted.",
            hint="Set WAGTAILAPI_USE_FRONTENDCACHE = False: the toolkit purges its API's URLs itself when who may "
            "see something changes (docs/reference/api.md#caching).",
            id="send_toolkit.W010",
        )
    ]
