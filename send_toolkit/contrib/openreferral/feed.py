"""The feed's records, built from the public intervention library: the same whoever asks.

Nothing here reads who is asking. Interventions come through the toolkit's one gate as an anonymous visitor
(``visible_interventions(None, ...)``), and the intervention directory whose pages the services link to as
an anonymous visitor would see it, so a practitioner's session, a header or a parameter changes nothing: a
practitioner-only intervention, its provider and a sub-need only it carries never appear.

Interventions are services; the council publishing the toolkit, and each provider named on a public
intervention, are organizations; costs are cost options worked out by the toolkit's one formula
(``interventions.costs``), at the council's rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from send_toolkit.access.request_state import remember
from send_toolkit.access.visibility import visible_interventions, visible_pages
from send_toolkit.contrib.openreferral import identifiers
from send_toolkit.contrib.openreferral.models import feed_namespace
from send_toolkit.contrib.openreferral.taxonomies import (
    DELIVERY,
    KEY_STAGES,
    NEED_AREAS,
    SUB_NEEDS,
    TIERS,
    Term,
    age_range,
    fixed_terms,
    sub_need_term,
    taxonomies,
)
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.domain.costing import Costing, format_money
from send_toolkit.interventions.costs import CouncilRates, cost_of, rates_for_site
from send_toolkit.interventions.models import Intervention, StaffRole, SubNeed
from send_toolkit.pages.models import InterventionDirectoryPage

if TYPE_CHECKING:
    from django.http import HttpRequest

ACTIVE = "active"
SERVICE = "service"


def public_interventions() -> QuerySet:
    """Every intervention an anonymous visitor may see: all the feed ever shows."""
    return visible_interventions(None, Intervention.objects.all())


def _text(value: str | None) -> str | None:
    """``value`` stripped, None when empty (empty optional fields are left out of the feed)."""
    value = (value or "").strip()
    return value or None


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def timestamp(moment: datetime) -> str:
    """HSDS's date-time: UTC, to the millisecond (2023-03-15T10:30:45.123Z)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Provider:
    """An organization named as the provider of at least one public intervention."""

    id: UUID
    name: str
    website: str | None
    spellings: frozenset[str]  # the provider field's values that name it


class Feed:
    """What one response needs, read once: the site's council, its rates, the directory, the terms."""

    def __init__(self, site: Site | None) -> None:
        self.site = site or Site.objects.filter(is_default_site=True).first()
        self.namespace = feed_namespace()

    @cached_property
    def council(self) -> ToolkitSettings | None:
        return ToolkitSettings.for_site(self.site) if self.site is not None else None

    @cached_property
    def council_name(self) -> str:
        return _text(self.council.council_name if self.council else "") or _("The council")

    @cached_property
    def council_id(self) -> UUID:
        return identifiers.council_id(self.namespace, self.site.pk if self.site else 0)

    @cached_property
    def rates(self) -> CouncilRates:
        return rates_for_site(self.site)

    @cached_property
    def directory(self) -> tuple[InterventionDirectoryPage, str] | None:
        """The site's intervention directory as an anonymous visitor sees it, with its full URL."""
        if self.site is None:
            return None
        directories = InterventionDirectoryPage.objects.descendant_of(self.site.root_page, inclusive=True)
        directory = visible_pages(None, directories).order_by("path").first()
        url = directory.get_full_url() if directory is not None else None
        return (directory, url) if url else None

    @cached_property
    def providers(self) -> dict[UUID, Provider]:
        found: dict[UUID, list[tuple[str, str]]] = {}
        rows = public_interventions().exclude(provider="").order_by("provider", "pk")
        for provider, website in rows.values_list("provider", "provider_url"):
            if provider.strip():
                found.setdefault(identifiers.provider_id(self.namespace, provider), []).append((provider, website))
        return {
            key: Provider(
                id=key,
                name=" ".join(named[0][0].split()),
                website=next((website for _name, website in named if website), None),
                spellings=frozenset(name for name, _website in named),
            )
            for key, named in found.items()
        }

    @cached_property
    def sub_need_terms(self) -> list[Term]:
        """Sub-needs carried by at least one public intervention."""
        offered = SubNeed.objects.filter(pk__in=public_interventions().values("sub_needs")).order_by(
            "need_area", "name"
        )
        return [sub_need_term(self.namespace, sub_need) for sub_need in offered]

    @cached_property
    def terms(self) -> dict[UUID, Term]:
        """Every term the feed offers, by identifier, in the order the feed lists them."""
        return {term.id: term for term in [*fixed_terms(), *self.sub_need_terms]}

    @cached_property
    def services_by_id(self) -> dict[UUID, int]:
        """Intervention keys by service identifier, for the public interventions."""
        keys = public_interventions().values_list("pk", flat=True)
        return {identifiers.service_id(self.namespace, pk): pk for pk in keys}

    @cached_property
    def hourly_rates(self) -> dict[int, Decimal]:
        return dict(StaffRole.objects.values_list("pk", "hourly_rate"))

    def organization_ids(self) -> list[UUID]:
        return [self.council_id, *sorted(self.providers, key=lambda key: self.providers[key].name.casefold())]


def feed_for(request: HttpRequest) -> Feed:
    """The feed for the site serving ``request`` (found from the host name alone), read once per request."""
    return remember(request, "openreferral_feed", lambda: Feed(Site.find_for_request(request)))


def service_queryset() -> QuerySet:
    """Public interventions with everything their records show, in the feed's order."""
    return (
        public_interventions()
        .select_related("staff_role", "openreferral_modification")
        .prefetch_related("need_areas", "key_stages", "sub_needs")
        .order_by("name", "pk")
    )


# --- Organizations ------------------------------------------------------------------------------------------


def council_organization(feed: Feed) -> dict[str, Any]:
    email = _text(feed.council.toolkit_contact_email) if feed.council else None
    return {
        "id": feed.council_id,
        "name": feed.council_name,
        "description": _(
            "%(council)s publishes this SEND Graduated Approach Toolkit: the interventions schools and settings "
            "use to support children and young people with special educational needs and disabilities."
        )
        % {"council": feed.council_name},
        "email": email,
        "website": feed.site.root_url + "/" if feed.site else None,
    }


def provider_organization(feed: Feed, provider: Provider) -> dict[str, Any]:
    return {
        "id": provider.id,
        "name": provider.name,
        "description": _("%(provider)s provides interventions listed in the SEND toolkit of %(council)s.")
        % {"provider": provider.name, "council": feed.council_name},
        "website": provider.website,
    }


def organization(feed: Feed, key: UUID) -> dict[str, Any] | None:
    """The organization ``key``, None if the feed has no such organization."""
    if key == feed.council_id:
        return council_organization(feed)
    provider = feed.providers.get(key)
    return provider_organization(feed, provider) if provider is not None else None


def organization_of(feed: Feed, intervention: Intervention) -> UUID:
    """Who provides an intervention: its provider, or the council when it names none."""
    if intervention.provider.strip():
        return identifiers.provider_id(feed.namespace, intervention.provider)
    return feed.council_id


def services_of(feed: Feed, key: UUID, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to the services organization ``key`` provides (none for an unknown key)."""
    if key == feed.council_id:
        named = [spelling for provider in feed.providers.values() for spelling in provider.spellings]
        return queryset.exclude(provider__in=named)
    provider = feed.providers.get(key)
    return queryset.filter(provider__in=provider.spellings) if provider else queryset.none()


# --- Taxonomy terms -----------------------------------------------------------------------------------------


def term_record(term: Term) -> dict[str, Any]:
    return {
        "id": term.id,
        "name": term.name,
        "description": term.description,
        "taxonomy_id": term.taxonomy.id,
        "taxonomy": term.taxonomy.name,
    }


def _terms_of(feed: Feed, intervention: Intervention) -> list[Term]:
    values = {
        NEED_AREAS: {area.value for area in intervention.need_areas.all()},
        KEY_STAGES: {stage.value for stage in intervention.key_stages.all()},
        TIERS: {intervention.tier},
        DELIVERY: {intervention.delivery},
    }
    sub_needs = {sub_need.pk for sub_need in intervention.sub_needs.all()}
    return [
        term
        for term in feed.terms.values()
        if (term.value in sub_needs if term.taxonomy.key == SUB_NEEDS else term.value in values[term.taxonomy.key])
    ]


# What an intervention stores for each taxonomy's terms (``Term.value``).
TERM_FIELDS = {
    NEED_AREAS: "need_areas__value",
    SUB_NEEDS: "sub_needs",
    KEY_STAGES: "key_stages__value",
    TIERS: "tier",
    DELIVERY: "delivery",
}


def with_term(feed: Feed, term_id: UUID, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to services classified by the term ``term_id`` (none for an unknown term)."""
    term = feed.terms.get(term_id)
    if term is None:
        return queryset.none()
    carrying = Intervention.objects.filter(**{TERM_FIELDS[term.taxonomy.key]: term.value})
    return queryset.filter(pk__in=carrying.values("pk"))


def with_taxonomy(taxonomy_id: UUID, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to services with any term of the taxonomy ``taxonomy_id`` (none for an unknown one)."""
    key = next((taxonomy.key for taxonomy in taxonomies() if taxonomy.id == taxonomy_id), None)
    if key is None:
        return queryset.none()
    if key in (TIERS, DELIVERY):
        return queryset  # every intervention has a tier and a delivery
    carrying = Intervention.objects.filter(**{f"{TERM_FIELDS[key].removesuffix('__value')}__isnull": False})
    return queryset.filter(pk__in=carrying.values("pk"))


def modified_after(moment: datetime, queryset: QuerySet) -> QuerySet:
    """Services changed at or after ``moment``, and those with no known change time (so none is missed)."""
    return queryset.filter(
        Q(openreferral_modification__last_modified__gte=moment) | Q(openreferral_modification__isnull=True)
    )


# --- Services -----------------------------------------------------------------------------------------------


def _service_url(feed: Feed, intervention: Intervention) -> str | None:
    if feed.directory is None or not intervention.slug:
        return None
    directory, url = feed.directory
    try:
        return url + directory.reverse_subpage("intervention", kwargs={"slug": intervention.slug})
    except NoReverseMatch:
        return None


def _last_modified(intervention: Intervention) -> str | None:
    try:
        return timestamp(intervention.openreferral_modification.last_modified)
    except Intervention.openreferral_modification.RelatedObjectDoesNotExist:
        return None  # written without its signals (a bulk import): no known time


def service_summary(feed: Feed, intervention: Intervention) -> dict[str, Any]:
    """A service's own fields, as lists show it."""
    ages = age_range(stage.value for stage in intervention.key_stages.all())
    reviewed = intervention.last_reviewed
    return {
        "id": identifiers.service_id(feed.namespace, intervention.pk),
        "organization_id": organization_of(feed, intervention),
        "name": intervention.name,
        "description": _text(intervention.summary),
        "url": _service_url(feed, intervention),
        "email": _text(feed.council.toolkit_contact_email) if feed.council else None,
        "status": ACTIVE,
        "minimum_age": ages[0] if ages else None,
        "maximum_age": ages[1] if ages else None,
        "assured_date": reviewed.isoformat() if reviewed else None,
        "last_modified": _last_modified(intervention),
    }


def service_detail(feed: Feed, intervention: Intervention) -> dict[str, Any]:
    """A service with its organization, taxonomy terms, cost options, schedule and area."""
    record = service_summary(feed, intervention)
    service = record["id"]
    costing = cost_of(intervention, feed.rates, feed.hourly_rates)
    record.update(
        organization=organization(feed, record["organization_id"]),
        attributes=[
            {
                "id": identifiers.part_id(service, "attribute", term.id),
                "link_id": service,
                "link_type": SERVICE,
                "taxonomy_term_id": term.id,
                "taxonomy_term": term_record(term),
            }
            for term in _terms_of(feed, intervention)
        ]
        or None,
        cost_options=cost_options(feed, intervention, costing, service),
        schedules=[
            {"id": identifiers.part_id(service, "schedule"), "service_id": service, "description": _time(costing)}
        ],
        service_areas=[
            {"id": identifiers.part_id(service, "service-area"), "service_id": service, "name": feed.council_name}
        ],
    )
    return record


def _time(costing: Costing) -> str:
    minutes = costing.minutes_per_week
    return ngettext(
        "%(minutes)s minute a week for %(weeks)d weeks: %(hours)s hours for each pupil.",
        "%(minutes)s minutes a week for %(weeks)d weeks: %(hours)s hours for each pupil.",
        int(minutes) if minutes == int(minutes) else 2,
    ) % {"minutes": _number(minutes), "weeks": costing.weeks, "hours": _number(costing.contact_hours_per_pupil)}


def cost_options(feed: Feed, intervention: Intervention, costing: Costing, service: UUID) -> list[dict[str, Any]]:
    """What the intervention costs a school, per pupil and (for groups) in all: never a charge to families."""
    if costing.staff_rate_known:
        staff = _("%(weeks)d weeks × %(minutes)s minutes a week at %(rate)s an hour") % {
            "weeks": costing.weeks,
            "minutes": _number(costing.minutes_per_week),
            "rate": format_money(intervention.staff_role.hourly_rate if intervention.staff_role else None),
        }
    else:
        staff = _("staff time not costed (no staff role is set)")
    group = intervention.group_size or 1
    per_pupil = {
        "id": identifiers.part_id(service, "cost-option", "per-pupil"),
        "service_id": service,
        "option": _("Cost per pupil for a year, paid by the school (free to families)"),
        "amount": float(costing.cost_per_pupil),
        "amount_description": ngettext(
            "Worked out from %(council)s's staff rates: %(staff)s, plus resources and training, for %(group)d pupil "
            "in each group.",
            "Worked out from %(council)s's staff rates: %(staff)s, plus resources and training, divided by the "
            "%(group)d pupils in each group.",
            group,
        )
        % {"council": feed.council_name, "staff": staff, "group": group},
    }
    if group == 1:
        return [per_pupil]
    total = {
        "id": identifiers.part_id(service, "cost-option", "total"),
        "service_id": service,
        "option": _("Total for a year for one group, paid by the school (free to families)"),
        "amount": float(costing.total_cost),
        "amount_description": _("Staff time %(staff)s, one-off resources %(resources)s, training %(training)s.")
        % {
            "staff": format_money(costing.annual_staff_cost),
            "resources": format_money(costing.resource_cost),
            "training": format_money(costing.training_cost),
        },
    }
    return [per_pupil, total]
