"""The Open Referral UK (HSDS-UK 3.0) feed: read-only JSON of the public intervention library.

Built with Django Ninja (Wagtail 8's own API v3 uses it), so the OpenAPI document is made from the same schemas
that shape the responses. Mount it in the host's urls (``send_toolkit.contrib.openreferral`` in INSTALLED_APPS)::

    from send_toolkit.contrib.openreferral.api import openreferral_api
    path("openreferral/", openreferral_api.urls),

No key, no session, no user: no view reads ``request.user`` or ``request.session``, and what each answers
depends on the host name (which council) and the query string alone (``feed.py``).
"""

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError
from ninja.pagination import paginate

from send_toolkit.contrib.openreferral import feed as records
from send_toolkit.contrib.openreferral.channels import NAMESPACE
from send_toolkit.contrib.openreferral.headers import feed_headers
from send_toolkit.contrib.openreferral.pagination import HSDSPagination, Listing
from send_toolkit.contrib.openreferral.parameters import (
    Filters,
    OrganizationDetail,
    OrganizationFilters,
    ServiceFilters,
    TaxonomyTermFilters,
    matches,
    search_words,
)
from send_toolkit.contrib.openreferral.schemas import (
    ApiDetails,
    Organization,
    Problem,
    Service,
    Taxonomy,
    TaxonomySummary,
    TaxonomyTerm,
)
from send_toolkit.contrib.openreferral.taxonomies import taxonomies
from send_toolkit.interventions.directory import matching_search

HSDS_VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}

openreferral_api = NinjaAPI(
    title="SEND toolkit interventions (Open Referral UK)",
    version=HSDS_VERSION,
    description="The council's public library of SEND interventions as an Open Referral UK (HSDS-UK 3.0) feed: "
    "interventions are services; the council and each provider are organizations; broad areas of need, specific "
    "needs, key stages, THRIVE tiers and delivery are taxonomies; costs to the school are cost options.",
    urls_namespace=NAMESPACE,
    openapi_url="/openapi.json",
    docs_url=None,  # Swagger UI loads scripts from elsewhere, which the site's Content-Security-Policy refuses
    docs_decorator=feed_headers,
    openapi_extra={"info": {"license": LICENCE}},
)
openreferral_api.add_decorator(feed_headers, mode="view")  # every operation's answer, errors included

NOT_FOUND = {404: Problem}
REFUSED = {400: Problem}
BOTH = {400: Problem, 404: Problem}


def _problem(request: HttpRequest, status: int, message: str, errors: list[str] | None = None) -> HttpResponse:
    body = {"message": message, **({"errors": errors} if errors else {})}
    return openreferral_api.create_response(request, body, status=status)


@openreferral_api.exception_handler(ValidationError)
def bad_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A parameter that is not what its endpoint accepts: 400, naming each parameter and what is wrong."""
    reasons = []
    for problem in error.errors:
        where = [str(part) for part in problem.get("loc", ()) if part not in ("query", "path", "ninja_pagination")]
        name = ".".join(where) or _("the request")
        reasons.append(f"{name}: {problem.get('msg', _('not accepted'))}")
    return _problem(request, 400, "; ".join(reasons), reasons)


@openreferral_api.exception_handler(HttpError)
def refused(request: HttpRequest, error: HttpError) -> HttpResponse:
    return _problem(request, error.status_code, str(error))


@openreferral_api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return _problem(request, 404, str(error) or _("Not found"))


def _feed(request: HttpRequest) -> records.Feed:
    return records.feed_for(request)


# --- GET / ------------------------------------------------------------------------------------------------


@openreferral_api.get(
    "/", response=ApiDetails, url_name="api_details", operation_id="getAPIMetaInformation", summary="About this feed"
)
def api_details(request: HttpRequest) -> dict[str, Any]:
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE,
        "openapi_url": request.build_absolute_uri(reverse(f"{NAMESPACE}:openapi-json")),
    }


# --- Services -----------------------------------------------------------------------------------------------


def _services(request: HttpRequest, filters: ServiceFilters):
    feed = _feed(request)
    services = records.service_queryset()
    if filters.search:
        # Searched unordered (the search backend sorts only by indexed fields), then listed in the feed's order.
        found = matching_search(records.public_interventions(), search_words(filters.search))
        services = services.filter(pk__in=found)
    if filters.taxonomy_term_id:
        services = records.with_term(feed, filters.taxonomy_term_id, services)
    if filters.taxonomy_id:
        services = records.with_taxonomy(filters.taxonomy_id, services)
    if filters.organization_id:
        services = records.services_of(feed, filters.organization_id, services)
    if filters.modified_after:
        services = records.modified_after(filters.modified_after, services)
    return services


@openreferral_api.get(
    "/services",
    response={200: list[Service], **REFUSED},
    url_name="services",
    operation_id="getPaginatedListOfServices",
    summary="Services (interventions)",
    exclude_none=True,
)
@paginate(HSDSPagination)
def services(request: HttpRequest, filters: Query[ServiceFilters]):
    feed = _feed(request)
    convert = records.service_detail if filters.full else records.service_summary
    return Listing(_services(request, filters), lambda intervention: convert(feed, intervention))


@openreferral_api.get(
    "/services/{id}",
    response={200: Service, **BOTH},
    url_name="service",
    operation_id="getFullyNestedServiceById",
    summary="One service in full",
    exclude_none=True,
)
def service(request: HttpRequest, id: UUID) -> dict[str, Any]:  # noqa: A002 - the standard's name
    feed = _feed(request)
    pk = feed.services_by_id.get(id)
    intervention = records.service_queryset().filter(pk=pk).first() if pk is not None else None
    if intervention is None:
        raise Http404(_("No service has this id."))
    return records.service_detail(feed, intervention)


# --- Taxonomies -----------------------------------------------------------------------------------------------


def _taxonomy_record(taxonomy, terms=None) -> dict[str, Any]:
    record = {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": taxonomy.uri or None,
    }
    if terms is not None:
        record["taxonomy_terms"] = [records.term_record(term) for term in terms] or None
    return record


@openreferral_api.get(
    "/taxonomies",
    response={200: list[TaxonomySummary], **REFUSED},
    url_name="taxonomies",
    operation_id="getPaginatedListOfTaxonomies",
    summary="Taxonomies",
    exclude_none=True,
)
@paginate(HSDSPagination)
def taxonomy_list(request: HttpRequest, filters: Query[Filters]):
    found = list(taxonomies())
    if filters.search:
        words = search_words(filters.search)
        found = [taxonomy for taxonomy in found if matches(words, taxonomy.name, taxonomy.description)]
    return Listing(found, _taxonomy_record)


@openreferral_api.get(
    "/taxonomies/{id}",
    response={200: Taxonomy, **BOTH},
    url_name="taxonomy",
    operation_id="getTaxonomyById",
    summary="One taxonomy with its terms",
    exclude_none=True,
)
def taxonomy_detail(request: HttpRequest, id: UUID) -> dict[str, Any]:  # noqa: A002
    feed = _feed(request)
    for taxonomy in taxonomies():
        if taxonomy.id == id:
            return _taxonomy_record(
                taxonomy, [term for term in feed.terms.values() if term.taxonomy.key == taxonomy.key]
            )
    raise Http404(_("No taxonomy has this id."))


@openreferral_api.get(
    "/taxonomy_terms",
    response={200: list[TaxonomyTerm], **REFUSED},
    url_name="taxonomy_terms",
    operation_id="getPaginatedListOfTaxonomyTerms",
    summary="Taxonomy terms",
    exclude_none=True,
)
@paginate(HSDSPagination)
def taxonomy_term_list(request: HttpRequest, filters: Query[TaxonomyTermFilters]):
    terms = list(_feed(request).terms.values())
    if filters.taxonomy_id:
        terms = [term for term in terms if term.taxonomy.id == filters.taxonomy_id]
    if filters.parent_id:
        terms = []  # every term of this feed is a top-level term
    if filters.search:
        words = search_words(filters.search)
        terms = [term for term in terms if matches(words, term.name, term.description)]
    return Listing(terms, records.term_record)


@openreferral_api.get(
    "/taxonomy_terms/{id}",
    response={200: TaxonomyTerm, **BOTH},
    url_name="taxonomy_term",
    operation_id="getTaxonomyTermById",
    summary="One taxonomy term",
    exclude_none=True,
)
def taxonomy_term_detail(request: HttpRequest, id: UUID) -> dict[str, Any]:  # noqa: A002
    term = _feed(request).terms.get(id)
    if term is None:
        raise Http404(_("No taxonomy term has this id."))
    return records.term_record(term)


# --- Organizations -----------------------------------------------------------------------------------------------


def _organization_services(feed: records.Feed, key: UUID, full: bool) -> list[dict[str, Any]] | None:
    convert = records.service_detail if full else records.service_summary
    services = records.services_of(feed, key, records.service_queryset())
    return [convert(feed, intervention) for intervention in services] or None


@openreferral_api.get(
    "/organizations",
    response={200: list[Organization], **REFUSED},
    url_name="organizations",
    operation_id="getPaginatedListOfOrganizations",
    summary="Organizations: the council and each provider",
    exclude_none=True,
)
@paginate(HSDSPagination)
def organization_list(request: HttpRequest, filters: Query[OrganizationFilters]):
    feed = _feed(request)
    found = [records.organization(feed, key) for key in feed.organization_ids()]
    if filters.search:
        words = search_words(filters.search)
        found = [each for each in found if matches(words, each["name"], each["description"])]

    def convert(record: dict[str, Any]) -> dict[str, Any]:
        if filters.full:
            return {**record, "services": _organization_services(feed, record["id"], bool(filters.full_service))}
        return record

    return Listing(found, convert)


@openreferral_api.get(
    "/organizations/{id}",
    response={200: Organization, **BOTH},
    url_name="organization",
    operation_id="getOrganizationById",
    summary="One organization with its services",
    exclude_none=True,
)
def organization_detail(request: HttpRequest, id: UUID, query: Query[OrganizationDetail]) -> dict[str, Any]:  # noqa: A002
    feed = _feed(request)
    record = records.organization(feed, id)
    if record is None:
        raise Http404(_("No organization has this id."))
    return {**record, "services": _organization_services(feed, id, bool(query.full_service))}
