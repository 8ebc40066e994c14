"""What each endpoint accepts in its query string, checked before anything is read: otherwise a 400 with a reason.

An empty parameter (``?taxonomy_id=``) counts as absent, as consumers building URLs from forms send them.
Identifiers must be UUIDs, booleans true or false (or 1/0, yes/no, on/off), ``modified_after`` an ISO 8601
date-time (one without a time zone is taken as UTC), ``format`` only ``json`` (the feed offers no other), and
``search`` at least one word: the rest of what was typed (quotes, brackets, symbols) is search syntax to some
search backends, so only the plain words are looked for.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal
from uuid import UUID

from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from send_toolkit.domain.search_words import plain_words


class Filters(Schema):
    search: str | None = Field(None, description="Words to look for in names and descriptions.")
    format: Literal["json"] | None = Field(None, description="Only json is offered (the default).")

    @field_validator("*", mode="before")
    @classmethod
    def blank_is_absent(cls, value):
        return None if isinstance(value, str) and not value.strip() else value


class ServiceFilters(Filters):
    taxonomy_term_id: UUID | None = Field(None, description="Services classified by this taxonomy term.")
    taxonomy_id: UUID | None = Field(None, description="Services classified by any term of this taxonomy.")
    organization_id: UUID | None = Field(None, description="Services this organization provides.")
    modified_after: datetime | None = Field(
        None, description="Services changed at or after this ISO 8601 date-time (UTC when no zone is given)."
    )
    full: bool | None = Field(None, description="List each service in full, with its related records.")

    @field_validator("modified_after")
    @classmethod
    def in_utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        try:
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        except OverflowError as error:  # 9999-12-31T23:00-05:00 is past the last datetime once in UTC
            raise ValueError(_("the date-time is out of range")) from error


class TaxonomyTermFilters(Filters):
    taxonomy_id: UUID | None = Field(None, description="Terms of this taxonomy.")
    top_only: bool | None = Field(None, description="Only terms with no parent (every term of this feed).")
    parent_id: UUID | None = Field(None, description="Terms whose parent is this term (none in this feed).")


class OrganizationFilters(Filters):
    full: bool | None = Field(None, description="List each organization with its services.")
    full_service: bool | None = Field(None, description="With full, each service in full.")


class OrganizationDetail(Schema):
    full_service: bool | None = Field(None, description="Each of its services in full.")

    @field_validator("*", mode="before")
    @classmethod
    def blank_is_absent(cls, value):
        return None if isinstance(value, str) and not value.strip() else value


def search_words(text: str) -> str:
    """The plain words of ``search`` (the rule the directory uses), 400 if none are left."""
    words = plain_words(text)
    if not words:
        raise HttpError(400, _("search must contain at least one word (symbols and quotes are ignored)"))
    return words


def matches(words: str, *texts: str) -> bool:
    """Whether every one of ``words`` is in one of ``texts``, ignoring case (for the short lists kept in memory)."""
    haystack = " ".join(texts).casefold()
    return all(word in haystack for word in words.casefold().split())
