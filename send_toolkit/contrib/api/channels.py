"""The Wagtail API pages endpoint as a front-end channel (registered from ``SendToolkitAPIConfig.ready``).

Its responses are not marked public, but they carry no ``Cache-Control`` either, so a CDN may keep
them by its own rules: when a page's privacy changes, the listing and the detail of that page and
of every page below it (a detail shows its parent's title) are purged.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from send_toolkit.access.channels import Change, Channel, named_urls, register_channel
from send_toolkit.contrib.api.router import api_router
from send_toolkit.pages.base import BasePage

NAMESPACE = f"{api_router.url_namespace}:pages"


def listing_urls(site: Site | None) -> list[str]:
    return named_urls(site, [f"{NAMESPACE}:listing"])


def detail_urls_below(page: BasePage) -> list[str]:
    site = page.get_site()
    if site is None:
        return []
    try:
        ids = page.get_descendants(inclusive=True).values_list("pk", flat=True)
        return [site.root_url + reverse(f"{NAMESPACE}:detail", args=[pk]) for pk in ids]
    except NoReverseMatch:
        return []


WAGTAIL_API = Channel(
    name="Wagtail API",
    description="/api/v2/pages/ (listing, detail, find): only pages the request may see (router.py).",
    urls=listing_urls,
    showing={Change.PAGE_PRIVACY: lambda page: listing_urls(page.get_site()) + detail_urls_below(page)},
    url_names=frozenset(f"{NAMESPACE}:{name}" for name in ("listing", "detail", "find")),
    cached_publicly=False,
)


def register() -> None:
    """Register the channels this sub-app owns."""
    register_channel(WAGTAIL_API)
