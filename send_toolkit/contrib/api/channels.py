"""The Wagtail API's endpoints as front-end channels (registered from ``SendToolkitAPIConfig.ready``).

Their responses are not marked public, but they carry no ``Cache-Control`` either (unless restricted or
personal), so a CDN may keep them by its own rules: when who may see something changes, the URLs that may
be showing it are purged.

- The pages endpoint: a page's privacy purges the listing and the detail of that page and of every page
  below it (a detail shows its parent's title); an intervention's audience, a resource's audience and a
  collection's privacy purge the listing and the details of the pages whose bodies carry them.
- The interventions endpoint: an intervention's audience purges the listing and its detail; a collection's
  privacy, the listing and the details of interventions whose description shows an image; the privacy of
  a page holding the directory (every intervention's ``html_url``), the listing and every detail.

``?search=`` carries words a visitor typed, which may name a child: such a response is never stored by a
shared cache (``Channel.search_parameters``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from send_toolkit.access.channels import Change, Channel, named_urls, pages_referring_to, register_channel
from send_toolkit.contrib.api.router import api_router
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.channels import pages_showing_collection, pages_showing_resource
from send_toolkit.pages.models import InterventionDirectoryPage

PAGES_NAMESPACE = f"{api_router.url_namespace}:pages"
INTERVENTIONS_NAMESPACE = f"{api_router.url_namespace}:interventions"
VIEWS = ("listing", "detail", "find")
SEARCH_TEXT = frozenset({"search"})


def listing_urls(site: Site | None) -> list[str]:
    return named_urls(site, [f"{PAGES_NAMESPACE}:listing"])


def _detail_urls(site: Site, namespace: str, ids: Iterable[int]) -> list[str]:
    try:
        return [site.root_url + reverse(f"{namespace}:detail", args=[pk]) for pk in ids]
    except NoReverseMatch:
        return []


def detail_urls_below(page: BasePage) -> list[str]:
    site = page.get_site()
    if site is None:
        return []
    return _detail_urls(site, PAGES_NAMESPACE, page.get_descendants(inclusive=True).values_list("pk", flat=True))


def page_urls_showing(pages: Iterable[BasePage]) -> list[str]:
    """The listing and the detail of each of ``pages``, on its site."""
    urls: list[str] = []
    for page in pages:
        site = page.get_site()
        if site is not None:
            urls += listing_urls(site) + _detail_urls(site, PAGES_NAMESPACE, [page.pk])
    return urls


def intervention_urls(interventions: Iterable[Intervention]) -> list[str]:
    """The interventions listing and the detail of each of ``interventions``, on every site."""
    ids = [intervention.pk for intervention in interventions]
    if not ids:
        return []
    urls: list[str] = []
    for site in Site.objects.order_by("pk"):
        urls += named_urls(site, [f"{INTERVENTIONS_NAMESPACE}:listing"]) + _detail_urls(
            site, INTERVENTIONS_NAMESPACE, ids
        )
    return urls


def _holds_a_directory(page: BasePage) -> bool:
    return InterventionDirectoryPage.objects.descendant_of(page, inclusive=True).exists()


def _showing_an_image() -> list[Intervention]:
    # A superset of those showing an image from the collection: any description with an image embed.
    return list(Intervention.objects.filter(description__contains='embedtype="image"').order_by("pk"))


WAGTAIL_API = Channel(
    name="Wagtail API",
    description="/api/v2/pages/ (listing, detail, find): only pages the request may see, their fields and bodies "
    "cut down to what the reader may see (router.py).",
    urls=listing_urls,
    showing={
        Change.PAGE_PRIVACY: lambda page: listing_urls(page.get_site()) + detail_urls_below(page),
        Change.INTERVENTION_AUDIENCE: lambda intervention: page_urls_showing(pages_referring_to([intervention])),
        Change.RESOURCE_AUDIENCE: lambda resource: page_urls_showing(pages_showing_resource(resource)),
        Change.COLLECTION_PRIVACY: lambda collection: page_urls_showing(pages_showing_collection(collection)),
    },
    url_names=frozenset(f"{PAGES_NAMESPACE}:{name}" for name in VIEWS),
    cached_publicly=False,
    search_parameters=SEARCH_TEXT,
)

INTERVENTIONS_API = Channel(
    name="Wagtail API interventions",
    description="/api/v2/interventions/ (listing with the directory's filters and facets, detail, find): public "
    "interventions for everyone, practitioner-only ones for practitioners only (interventions.py).",
    urls=lambda site: named_urls(site, [f"{INTERVENTIONS_NAMESPACE}:listing"]),
    showing={
        Change.INTERVENTION_AUDIENCE: lambda intervention: intervention_urls([intervention]),
        Change.COLLECTION_PRIVACY: lambda collection: intervention_urls(_showing_an_image()),
        Change.PAGE_PRIVACY: lambda page: (
            intervention_urls(Intervention.objects.order_by("pk")) if _holds_a_directory(page) else []
        ),
    },
    url_names=frozenset(f"{INTERVENTIONS_NAMESPACE}:{name}" for name in VIEWS),
    cached_publicly=False,
    search_parameters=SEARCH_TEXT,
)


def register() -> None:
    """Register the channels this sub-app owns."""
    register_channel(WAGTAIL_API)
    register_channel(INTERVENTIONS_API)
