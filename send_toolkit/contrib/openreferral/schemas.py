"""The shapes of the feed's JSON, after the HSDS-UK 3.0 schemas (Ninja schemas, so they make the OpenAPI document).

Only fields the toolkit can fill are declared. Every optional field, lists included, defaults to None, the
records are built with None for anything empty, and the operations drop None values (``exclude_none``): the
UK profile wants an empty optional field left out, never null, "" or [].
"""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

Status = Literal["active", "inactive", "defunct", "temporarily closed"]


def _uri(description: str) -> Any:
    return Field(None, description=description, json_schema_extra={"format": "uri"})


def _email(description: str) -> Any:
    return Field(None, description=description, json_schema_extra={"format": "email"})


class ApiDetails(Schema):
    version: str = Field(description="The HSDS profile this feed follows: HSDS-UK-3.0.")
    profile: str = Field(description="Where the profile is documented.", json_schema_extra={"format": "uri"})
    openapi_url: str = Field(description="This feed's OpenAPI document.", json_schema_extra={"format": "uri"})


class TaxonomyTerm(Schema):
    id: UUID
    name: str
    description: str
    taxonomy_id: UUID | None = None
    taxonomy: str | None = Field(None, description="The name of the taxonomy the term belongs to.")
    parent_id: UUID | None = None


class TaxonomySummary(Schema):
    id: UUID
    name: str
    description: str
    uri: str | None = _uri("Where the taxonomy is defined.")


class Taxonomy(TaxonomySummary):
    taxonomy_terms: list[TaxonomyTerm] | None = None


class Attribute(Schema):
    """A link between a service and one taxonomy term."""

    id: UUID
    link_id: UUID
    link_type: str
    taxonomy_term_id: UUID
    taxonomy_term: TaxonomyTerm


class CostOption(Schema):
    id: UUID
    service_id: UUID
    option: str | None = None
    amount: float | None = Field(None, description="In pounds.")
    amount_description: str | None = None


class Schedule(Schema):
    id: UUID
    service_id: UUID
    description: str | None = None


class ServiceArea(Schema):
    id: UUID
    service_id: UUID
    name: str | None = None


class OrganizationSummary(Schema):
    id: UUID
    name: str
    description: str
    email: str | None = _email("The organisation's contact email address.")
    website: str | None = _uri("The organisation's website.")
    parent_organization_id: UUID | None = None


class ServiceSummary(Schema):
    """A service as listed: its own fields, without the lists of related records."""

    id: UUID
    organization_id: UUID | None = None
    name: str
    description: str | None = None
    url: str | None = _uri("The intervention's page in the council's toolkit.")
    email: str | None = _email("Who to ask about the intervention: the council's toolkit team.")
    status: Status
    minimum_age: int | None = Field(None, description="The youngest age of the key stages it is for.")
    maximum_age: int | None = Field(None, description="The oldest age of the key stages it is for.")
    assured_date: str | None = Field(None, description="When the council last reviewed it (YYYY-MM-DD).")
    last_modified: str | None = Field(
        None, description="When it, or anything shown with it, last changed.", json_schema_extra={"format": "date-time"}
    )


class Service(ServiceSummary):
    """A service with everything related to it."""

    organization: OrganizationSummary | None = None
    attributes: list[Attribute] | None = None
    cost_options: list[CostOption] | None = None
    schedules: list[Schedule] | None = None
    service_areas: list[ServiceArea] | None = None


class Organization(OrganizationSummary):
    services: list[Service] | None = Field(None, description="Its services: as listed, or in full with full_service.")


class Problem(Schema):
    """Why a request was refused (400) or what was not found (404)."""

    message: str
    errors: list[str] | None = None
