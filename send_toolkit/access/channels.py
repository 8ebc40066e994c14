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

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
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

    @property
    def in_sitemap(self) -> bool:
        return self.sitemap is not None


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


def register() -> None:
    """Register the channels this room owns (called from ``SendToolkitConfig.ready``)."""
    register_channel(DOCUMENTS)
