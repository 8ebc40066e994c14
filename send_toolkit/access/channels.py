"""The one register of front-end channels: every way content reaches a visitor (DESIGN.md section 4).

A channel is a family of URLs that shows content to visitors: pages, their sub-routes, the
intervention directory, its CSV export, site search, the sitemap, the Wagtail API, documents,
and the practitioner tools to come. Three things read this register, so that none of them can
forget a channel:

- cache purging (``access.purging``): when who may see something changes, every channel says
  which of its URLs may be showing it (``Channel.showing``), and those URLs are purged;
- the sitemap (``pages.sitemap``): the channels with a ``sitemap`` section are listed in it;
- the leak test matrix: every channel is probed for every role (``Channel.urls``).

A new channel is one entry. Describe it with a ``Channel`` in your room's ``channels.py`` and pass
it to ``register_channel`` from your app's ``AppConfig.ready()``::

    PROVISION_MAP = Channel(
        name="provision map",
        description="The costed provision map tool; computed on request, never stored.",
        urls=lambda site: [site.root_url + reverse("send_toolkit:provision_map")],
        url_names=frozenset({"send_toolkit:provision_map"}),
        cached_publicly=False,
    )

    class ProvisionMapConfig(AppConfig):
        def ready(self):
            register_channel(PROVISION_MAP)

The toolkit's own entries live in ``pages/channels.py``, ``practitioners/channels.py``,
``front_end/channels.py``, ``contrib/api/channels.py`` and below (Wagtail's documents).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q
from django.urls import NoReverseMatch, reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, ReferenceIndex, Site

from send_toolkit.pages.base import BasePage

if TYPE_CHECKING:
    from django.contrib.sitemaps import Sitemap
    from wagtail.documents.models import AbstractDocument


class Change(enum.Enum):
    """A change of who may see something. Each names the object a ``Channel.showing`` function is given."""

    PAGE_PRIVACY = "page privacy"  # a page's view restrictions or their groups: the page
    INTERVENTION_AUDIENCE = "intervention audience"  # public ↔ practitioners: the Intervention
    RESOURCE_AUDIENCE = "resource audience"  # audience or groups: the PractitionerResource
    COLLECTION_PRIVACY = "collection privacy"  # a collection's view restrictions or groups: the Collection


URLsShowing = Callable[[Any], Iterable[str]]


@dataclass(frozen=True)
class Channel:
    """One way content reaches a visitor.

    ``urls(site)`` lists every parameter-free URL of the channel on ``site``, restricted ones
    included (probing). ``showing[change](subject)`` lists the URLs that may be showing
    ``subject`` once its audience has changed (purging); a change a channel cannot show is left out.
    URL names and page route names say which views serve the channel, so a view that belongs to no
    channel is noticed (tests/access/test_channels.py).
    """

    name: str
    description: str  # for developers: what it shows and to whom
    urls: Callable[[Site], Iterable[str]]
    showing: Mapping[Change, URLsShowing] = field(default_factory=dict, hash=False)
    url_names: frozenset[str] = frozenset()  # namespaced URL pattern names ("send_toolkit:sitemap")
    page_routes: frozenset[str] = frozenset()  # RoutablePageMixin route names ("export")
    sitemap: type[Sitemap] | None = None  # the sitemap section listing its public URLs, if it is listed
    # Anonymous responses are marked public, so a shared cache (CDN) may keep them until purged.
    cached_publicly: bool = True
    # Query parameters carrying what a visitor typed ("q"). A search may name a child ("Tommy Jones Year 3
    # ADHD"), so a response to one with a value is never stored by a shared cache, keyed by the words.
    search_parameters: frozenset[str] = frozenset()

    @property
    def in_sitemap(self) -> bool:
        return self.sitemap is not None

    def cached_publicly_for(self, query: Mapping[str, str]) -> bool:
        """Whether an anonymous response to this channel's URL with ``query`` may be kept by a shared cache."""
        return self.cached_publicly and not carries_search_text(query, self.search_parameters)


_register: dict[str, Channel] = {}


def register_channel(channel: Channel) -> None:
    """Add ``channel`` to the register. Call it from ``AppConfig.ready()``; registering it again is harmless."""
    registered = _register.get(channel.name)
    if registered is not None and registered != channel:
        raise ImproperlyConfigured(f"Two different front-end channels are called {channel.name!r}.")
    _register[channel.name] = channel


def registered_channels() -> tuple[Channel, ...]:
    """Every registered channel, in the order registered."""
    return tuple(_register.values())


def carries_search_text(query: Mapping[str, str], names: Iterable[str] | None = None) -> bool:
    """Whether ``query`` (``request.GET``) holds words a visitor typed: a non-blank value of one of ``names``,
    or of any registered channel's search parameters. Whatever the URL, such a response stays private."""
    if names is None:
        names = {name for channel in registered_channels() for name in channel.search_parameters}
    return any(str(query.get(name) or "").strip() for name in names)


def registered_channel(name: str) -> Channel:
    """The channel called ``name``; KeyError if none is."""
    return _register[name]


def named_urls(site: Site | None, url_names: Iterable[str]) -> list[str]:
    """Full URLs on ``site`` of the named, parameter-free views; none when the host has not mounted them
    (a site that does not include ``send_toolkit.urls``, or has no API)."""
    if site is None:
        return []
    try:
        return [site.root_url + reverse(name) for name in url_names]
    except NoReverseMatch:
        return []


# --- What shows a snippet or document --------------------------------------------------------------------

# A page shows a document through a resource it carries: pages are looked for this many hops away.
REFERENCE_HOPS = 2


def pages_referring_to(objects: Iterable[Model], hops: int = REFERENCE_HOPS) -> list[BasePage]:
    """Pages whose saved content refers to any of ``objects`` (from Wagtail's reference index).

    A reference from a snippet (a practitioner resource offering a document) is followed to the pages
    carrying that snippet, up to ``hops`` references away.
    """
    page_type = ContentType.objects.get_for_model(BasePage)
    page_ids: set[str] = set()
    targets = [obj for obj in objects if obj.pk is not None]
    for _hop in range(hops):
        if not targets:
            break
        references = ReferenceIndex.get_references_to_in_bulk(targets).values_list(
            "base_content_type_id", "content_type_id", "object_id"
        )
        referrers: set[tuple[int, str]] = set()
        for base_type_id, type_id, object_id in references:
            if base_type_id == page_type.pk:
                page_ids.add(object_id)
            else:
                referrers.add((type_id, object_id))
        targets = _objects(referrers)
    return list(BasePage.objects.filter(pk__in=page_ids).order_by("path").specific())


def _objects(keys: set[tuple[int, str]]) -> list[Model]:
    found: list[Model] = []
    for type_id, group in groupby(sorted(keys), key=lambda key: key[0]):
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            found.extend(model._default_manager.filter(pk__in=[object_id for _type, object_id in group]))
    return found


def documents_in(collection: Collection) -> list[AbstractDocument]:
    """Documents in ``collection`` and the collections below it (a collection's privacy covers them all)."""
    collections = collection.get_descendants(inclusive=True)
    return list(get_document_model().objects.filter(collection__in=collections).order_by("pk"))


def document_urls(documents: Iterable[AbstractDocument], sites: Iterable[Site] | None = None) -> list[str]:
    """Full URLs of ``documents`` on ``sites`` (every site when None: a document has the same path on each)."""
    roots = sorted({site.root_url for site in (Site.objects.all() if sites is None else sites)})
    urls: list[str] = []
    for document in documents:
        url = document.url
        if url.startswith(("http://", "https://")):  # served straight from storage
            urls.append(url)
        else:
            urls.extend(root + url for root in roots)
    return urls


# --- Wagtail's documents ---------------------------------------------------------------------------------

DOCUMENTS = Channel(
    name="documents",
    description="Wagtail's document serve view. Collection privacy decides who may download a file; page "
    "privacy does not. Not marked public, but a CDN may keep files by its own rules, so they are purged.",
    urls=lambda site: document_urls(get_document_model().objects.order_by("pk"), [site]),
    showing={Change.COLLECTION_PRIVACY: lambda collection: document_urls(documents_in(collection))},
    url_names=frozenset({"wagtaildocs_serve"}),
    cached_publicly=False,
)


# --- Wagtail's editor-made redirects ----------------------------------------------------------------------

REDIRECTS_APP = "wagtail.contrib.redirects"


def _redirects(site: Site | None = None):
    # Read through the app registry: a host may leave wagtail.contrib.redirects out of INSTALLED_APPS.
    redirect_model = apps.get_model("wagtailredirects", "Redirect")
    found = redirect_model.objects.order_by("old_path", "pk")
    return found.filter(Q(site=site) | Q(site=None)) if site is not None else found


def old_path_url(root_url: str, old_path: str) -> str:
    """The URL a visitor opens for a redirect's old path. Wagtail stores it without a trailing slash and finds it
    with or without one; page addresses end in one, so a plain path is given it."""
    last = old_path.rsplit("/", 1)[-1]
    ends_page_like = last and "." not in last and "?" not in old_path
    return root_url + old_path + ("/" if ends_page_like else "")


def redirect_urls(site: Site) -> list[str]:
    """Full URLs of every redirect's old path on ``site`` (those for every site included)."""
    return [old_path_url(site.root_url, redirect.old_path) for redirect in _redirects(site)]


def redirect_urls_where(leads_there: Callable[[str], bool]) -> list[str]:
    """Full URLs, on every site, of the redirects whose target's path ``leads_there``."""
    sites = list(Site.objects.order_by("pk"))
    urls: list[str] = []
    for redirect in _redirects().select_related("redirect_page"):
        link = redirect.link
        if link and leads_there(urlsplit(link).path):
            urls.extend(
                old_path_url(site.root_url, redirect.old_path) for site in sites if redirect.site_id in (None, site.pk)
            )
    return urls


def _at_or_below(paths: Iterable[str]) -> Callable[[str], bool]:
    prefixes = tuple(paths)
    return lambda path: bool(prefixes) and path.startswith(prefixes)


def _page_path(page) -> list[str]:
    url = page.url
    return [urlsplit(url).path] if url else []


REDIRECTS = Channel(
    name="redirects",
    description="Editor-made redirects (wagtail.contrib.redirects) at their old paths. A redirect to something "
    "restricted answers as its target would (access.redirects); a CDN may keep a 301, so those leading to "
    "something whose audience changed are purged.",
    urls=redirect_urls,
    showing={
        Change.PAGE_PRIVACY: lambda page: redirect_urls_where(_at_or_below(_page_path(page))),
        Change.COLLECTION_PRIVACY: lambda collection: redirect_urls_where(
            _at_or_below(urlsplit(document.url).path for document in documents_in(collection))
        ),
        # An intervention's page is <directory>/<slug>/, under any directory.
        Change.INTERVENTION_AUDIENCE: lambda intervention: redirect_urls_where(
            lambda path: path.endswith(f"/{intervention.slug}/")
        ),
    },
    url_names=frozenset({"wagtail_serve"}),  # an old path is one Wagtail's catch-all would have answered
    cached_publicly=False,
)


def register() -> None:
    """Register the channels this room owns (called from ``SendToolkitConfig.ready``)."""
    register_channel(DOCUMENTS)
    if apps.is_installed(REDIRECTS_APP):
        register_channel(REDIRECTS)
