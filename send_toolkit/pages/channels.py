"""The page-side front-end channels, registered into ``access.channels`` from ``SendToolkitConfig.ready``.

Pages, their sub-routes, site search, the intervention directory (listing, facet counts, paging and
sort are the one URL with different query strings), its CSV export, the intervention detail pages
and the sitemap. Each says which of its URLs may show something whose audience changed:

- a page's privacy: the page, the pages below it and the pages above it (menus, breadcrumbs and
  child listings show its title), with their sub-routes and the toolkit's search; the site's sitemap;
- an intervention's audience: the pages carrying it, the key stages whose overview or parent view
  lists it, every directory, its export and its detail page, every search, every sitemap;
- a resource's audience or groups: the pages carrying it;
- a collection's privacy: the pages offering its documents, directly or through a resource.

Purging covers the URLs themselves: a CDN keeps each query string apart, so a cached filtered
search or directory lasts until it expires (``SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE``). A search with
words (``?q=...``) is never cached publicly at all (``Channel.search_parameters``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress

from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Collection, Site
from wagtail.query import PageQuerySet

from send_toolkit.access.channels import Change, Channel, documents_in, named_urls, pages_referring_to, register_channel
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import InterventionDirectoryPage, KeyStagePage, NeedAreaPage, TierPage, ToolkitPage
from send_toolkit.pages.sitemap import PublicInterventionSitemap, PublicPageSitemap
from send_toolkit.practitioners.resources import PractitionerResource

# --- URLs of a page -----------------------------------------------------------------------------------


def own_url(page: BasePage) -> list[str]:
    """The page's full URL (none for a page outside every site)."""
    url = page.get_full_url()
    return [url] if url else []


def route_urls(page: BasePage, names: Iterable[str], **kwargs: str) -> list[str]:
    """Full URLs of those of ``page``'s routes called ``names`` that it has and that take exactly ``kwargs``."""
    if not isinstance(page, RoutablePageMixin):
        return []
    base = page.get_full_url()
    if not base:
        return []
    urls = []
    for name in sorted(names):
        with suppress(NoReverseMatch):
            urls.append(base + page.reverse_subpage(name, kwargs=kwargs))
    return urls


def _unique(pages: Iterable[BasePage]) -> list[BasePage]:
    return list({page.pk: page for page in pages}.values())


def _site_pages(site: Site):
    return site.root_page.get_descendants(inclusive=True).live().order_by("path").specific()


# --- Which pages show something --------------------------------------------------------------------------


def pages_around(page: BasePage) -> list[BasePage]:
    """The page, every page below it and its ancestors, whose menus, breadcrumbs and listings show its title."""
    above = page.get_ancestors().filter(depth__gt=1).specific()
    below = page.get_descendants(inclusive=True).specific()
    return _unique([*above, *below])


def pages_showing_intervention(intervention: Intervention) -> list[BasePage]:
    """Pages carrying it in a block; the key stage above each such tier page (its overview lists what its
    tiers show); and the key stages tagged with its need area and key stage (overview and parent view)."""
    carrying = pages_referring_to([intervention])
    stages = [page.get_parent().specific for page in carrying if isinstance(page, TierPage)]
    need_areas = intervention.need_areas.values_list("value", flat=True)
    key_stages = list(intervention.key_stages.values_list("value", flat=True))
    for area in NeedAreaPage.objects.filter(need_area__in=need_areas):
        stages.extend(KeyStagePage.objects.child_of(area).filter(key_stage__in=key_stages))
    return _unique([*carrying, *stages])


def pages_showing_resource(resource: PractitionerResource) -> list[BasePage]:
    return pages_referring_to([resource])


def pages_showing_collection(collection: Collection) -> list[BasePage]:
    """Pages offering a document from the collection, in a block, a rich-text link or a resource."""
    return pages_referring_to(documents_in(collection))


PAGES_SHOWING: dict[Change, Callable[..., list[BasePage]]] = {
    Change.PAGE_PRIVACY: pages_around,
    Change.INTERVENTION_AUDIENCE: pages_showing_intervention,
    Change.RESOURCE_AUDIENCE: pages_showing_resource,
    Change.COLLECTION_PRIVACY: pages_showing_collection,
}


def _urls_of_pages(urls_of: Callable[[BasePage], list[str]]) -> dict[Change, Callable]:
    """``Channel.showing`` for a channel of page URLs: ``urls_of`` each page that shows the change."""

    def showing(pages_for):
        return lambda subject: [url for page in pages_for(subject) for url in urls_of(page)]

    return {change: showing(pages_for) for change, pages_for in PAGES_SHOWING.items()}


# --- The intervention directory ------------------------------------------------------------------------


def directories(site: Site | None = None) -> PageQuerySet:
    """Live intervention directories: on ``site``, or everywhere (an intervention shows in all of them)."""
    found = InterventionDirectoryPage.objects.live().order_by("path")
    return found.descendant_of(site.root_page, inclusive=True) if site is not None else found


def _directories_in_site_of(page: BasePage) -> PageQuerySet | list:
    # Nothing in the listing or its export names a page today; the site's directory is purged with any of
    # its pages all the same (two URLs), so that it stays covered should it come to show one.
    site = page.get_site()
    return directories(site) if site is not None else []


def detail_urls(directory: InterventionDirectoryPage, interventions: Iterable[Intervention]) -> list[str]:
    """Full URLs of ``interventions``' pages under ``directory``."""
    return [url for each in interventions for url in route_urls(directory, {"intervention"}, slug=each.slug)]


def _all_interventions():
    return Intervention.objects.order_by("name")


# --- The sitemap ---------------------------------------------------------------------------------------


def sitemap_urls(sites: Iterable[Site]) -> list[str]:
    return [url for site in sites for url in named_urls(site, ["send_toolkit:sitemap"])]


def _site_of(page: BasePage) -> list[Site]:
    site = page.get_site()
    return [site] if site is not None else []


# --- The channels --------------------------------------------------------------------------------------

SUB_ROUTES = frozenset({"parents", "glossary", "accessibility_statement"})
# What a visitor types into the search box of the site search and the directory (the export takes the same).
SEARCH_TEXT = frozenset({"q"})

PAGES = Channel(
    name="pages",
    description="Every page at its own URL, with its menus, breadcrumbs, listings and blocks.",
    urls=lambda site: [url for page in _site_pages(site) for url in own_url(page)],
    showing=_urls_of_pages(own_url),
    # "index_route" is the route RoutablePageMixin gives every routable page for its own URL.
    page_routes=frozenset({"index_route", "home", "staff"}),
    sitemap=PublicPageSitemap,
)
PAGE_SUB_ROUTES = Channel(
    name="page sub-routes",
    description="Parameter-free routes under a page: the parent and carer view (parents/), the glossary "
    "(glossary/) and the accessibility statement's stable address (accessibility-statement/).",
    urls=lambda site: [url for page in _site_pages(site) for url in route_urls(page, SUB_ROUTES)],
    showing=_urls_of_pages(lambda page: route_urls(page, SUB_ROUTES)),
    page_routes=SUB_ROUTES,
)
SITE_SEARCH = Channel(
    name="site search",
    description="A toolkit's search/ over pages, interventions and glossary terms (results vary by ?q=).",
    urls=lambda site: [
        url
        for toolkit in ToolkitPage.objects.live().descendant_of(site.root_page, inclusive=True)
        for url in route_urls(toolkit, {"search"})
    ],
    showing={
        Change.PAGE_PRIVACY: lambda page: [url for each in pages_around(page) for url in route_urls(each, {"search"})],
        Change.INTERVENTION_AUDIENCE: lambda intervention: [
            url for toolkit in ToolkitPage.objects.live() for url in route_urls(toolkit, {"search"})
        ],
    },
    search_parameters=SEARCH_TEXT,
    page_routes=frozenset({"search"}),
)
INTERVENTION_DIRECTORY = Channel(
    name="intervention directory",
    description="The directory listing: facets, counts, paging and sort are query strings on the one URL.",
    urls=lambda site: [url for directory in directories(site) for url in own_url(directory)],
    showing={
        Change.PAGE_PRIVACY: lambda page: [url for d in _directories_in_site_of(page) for url in own_url(d)],
        Change.INTERVENTION_AUDIENCE: lambda intervention: [url for d in directories() for url in own_url(d)],
    },
    search_parameters=SEARCH_TEXT,
    page_routes=frozenset({"directory"}),
)
INTERVENTION_EXPORT = Channel(
    name="intervention CSV export",
    description="The directory's export/: the listed interventions as a CSV download.",
    urls=lambda site: [url for directory in directories(site) for url in route_urls(directory, {"export"})],
    showing={
        Change.PAGE_PRIVACY: lambda page: [
            url for d in _directories_in_site_of(page) for url in route_urls(d, {"export"})
        ],
        Change.INTERVENTION_AUDIENCE: lambda intervention: [
            url for d in directories() for url in route_urls(d, {"export"})
        ],
    },
    search_parameters=SEARCH_TEXT,
    page_routes=frozenset({"export"}),
)
INTERVENTION_DETAIL = Channel(
    name="intervention detail",
    description="One intervention under a directory (<slug>/): 404 for those who may not see it.",
    urls=lambda site: [url for d in directories(site) for url in detail_urls(d, _all_interventions())],
    showing={
        # A detail page shows its directory's title and breadcrumbs: purged when the directory (or above) is.
        Change.PAGE_PRIVACY: lambda page: [
            url
            for d in InterventionDirectoryPage.objects.descendant_of(page, inclusive=True)
            for url in detail_urls(d, _all_interventions())
        ],
        Change.INTERVENTION_AUDIENCE: lambda intervention: [
            url for d in directories() for url in detail_urls(d, [intervention])
        ],
    },
    page_routes=frozenset({"intervention"}),
    sitemap=PublicInterventionSitemap,
)
SITEMAP = Channel(
    name="sitemap",
    description="sitemap.xml: the public URLs of the channels listed in it, the same for everyone.",
    urls=lambda site: sitemap_urls([site]),
    showing={
        Change.PAGE_PRIVACY: lambda page: sitemap_urls(_site_of(page)),
        Change.INTERVENTION_AUDIENCE: lambda intervention: sitemap_urls(Site.objects.order_by("pk")),
    },
    url_names=frozenset({"send_toolkit:sitemap"}),
)

CHANNELS = (
    PAGES,
    PAGE_SUB_ROUTES,
    SITE_SEARCH,
    INTERVENTION_DIRECTORY,
    INTERVENTION_EXPORT,
    INTERVENTION_DETAIL,
    SITEMAP,
)


def register() -> None:
    """Register the channels this room owns (called from ``SendToolkitConfig.ready``)."""
    for channel in CHANNELS:
        register_channel(channel)
