"""The Open Referral UK feed as a front-end channel (registered from ``SendToolkitOpenReferralConfig.ready``).

The feed's responses are marked public (``headers.py``), so a CDN may keep them for
``SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE`` seconds. When an intervention's audience changes (``access.purging``), what
may be showing it is purged on every site: the listings of services, organizations
and taxonomy terms, its own service, its organization, and the sub-need terms and taxonomy it carries (a sub-need
is offered only while a public intervention carries it). A listing with query parameters (a page, a filter) is
its own URL to a CDN and lasts until it expires; one with search words is never kept by a shared cache.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from send_toolkit.access.channels import Change, Channel, named_urls, register_channel
from send_toolkit.contrib.openreferral import identifiers
from send_toolkit.contrib.openreferral.feed import Feed
from send_toolkit.contrib.openreferral.models import feed_namespace
from send_toolkit.contrib.openreferral.taxonomies import SUB_NEEDS, taxonomies
from send_toolkit.interventions.models import Intervention, SubNeed

NAMESPACE = "send_toolkit_openreferral"
LISTINGS = ("api_details", "services", "taxonomies", "taxonomy_terms", "organizations", "openapi-json")
DETAILS = ("service", "taxonomy", "taxonomy_term", "organization")
# What a consumer types into the feed's search (``?search=``): never kept by a shared cache, keyed by the words.
SEARCH_TEXT = frozenset({"search"})


def _name(url_name: str) -> str:
    return f"{NAMESPACE}:{url_name}"


def detail_urls(site: Site, url_name: str, ids: Iterable[object]) -> list[str]:
    """Full URLs on ``site`` of the detail view ``url_name`` for each of ``ids`` (none when it is not mounted)."""
    try:
        return [site.root_url + reverse(_name(url_name), args=[str(key)]) for key in ids]
    except NoReverseMatch:
        return []


def _sub_need_ids(sub_needs: Iterable[SubNeed]) -> list[object]:
    namespace = feed_namespace()
    return [identifiers.sub_need_term_id(namespace, sub_need.pk) for sub_need in sub_needs]


def feed_urls(site: Site) -> list[str]:
    """Every parameter-free URL of the feed on ``site``, as anyone sees it.

    A practitioner-only intervention has no URL in the feed (its service id, its provider if only it names one,
    a sub-need only it carries: each answers 404 to everyone, whoever asks), so none is listed for it: the leak
    matrix probes those ids itself.
    """
    feed = Feed(site)
    return [
        *named_urls(site, [_name(url_name) for url_name in LISTINGS]),
        *detail_urls(site, "service", feed.services_by_id),
        *detail_urls(site, "organization", feed.organization_ids()),
        *detail_urls(site, "taxonomy", [taxonomy.id for taxonomy in taxonomies()]),
        *detail_urls(site, "taxonomy_term", feed.terms),
    ]


def urls_showing_service(intervention: Intervention) -> list[str]:
    """The feed's URLs, on every site, that may show ``intervention`` (or once did)."""
    namespace = feed_namespace()
    urls: list[str] = []
    for site in Site.objects.order_by("pk"):
        organizations = [identifiers.council_id(namespace, site.pk)]
        if intervention.provider.strip():
            organizations.append(identifiers.provider_id(namespace, intervention.provider))
        urls += named_urls(site, [_name(url_name) for url_name in ("services", "organizations", "taxonomy_terms")])
        urls += detail_urls(site, "service", [identifiers.service_id(namespace, intervention.pk)])
        urls += detail_urls(site, "organization", organizations)
        urls += detail_urls(site, "taxonomy", [identifiers.taxonomy_id(SUB_NEEDS)])
        urls += detail_urls(site, "taxonomy_term", _sub_need_ids(intervention.sub_needs.all()))
    return list(dict.fromkeys(urls))


OPEN_REFERRAL = Channel(
    name="Open Referral UK feed",
    description="/openreferral/ (HSDS-UK 3.0 JSON and its OpenAPI document): public interventions only, the same "
    "for everyone whatever the request carries (feed.py); a practitioner-only service's id answers 404 to everyone.",
    urls=feed_urls,
    showing={Change.INTERVENTION_AUDIENCE: urls_showing_service},
    url_names=frozenset(_name(url_name) for url_name in (*LISTINGS, *DETAILS, "api-root")),
    search_parameters=SEARCH_TEXT,
)


def register() -> None:
    """Register the channels this sub-app owns."""
    register_channel(OPEN_REFERRAL)
