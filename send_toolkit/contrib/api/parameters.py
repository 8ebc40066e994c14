"""What the toolkit's API accepts in a query string: plain-word search, bounded numbers, no null characters.

Wagtail's API v2 answers a 400 with ``{"message": ...}`` for most bad parameters, but some reach the
database or the search backend as they are and come back as a 500: an unbalanced quote or spaces only in
``search`` (SQLite's full-text syntax), an unknown ``search_operator``, an ``offset`` past 64 bits, a null
character (PostgreSQL refuses them in text) or a ``find`` id that is not a number. These checks turn each of
them into a 400 with a reason, before anything is queried.

Filtering the pages listing by a field (``?type=send_toolkit.TierPage&last_reviewed=...``) is Wagtail's,
except that a value the field cannot hold (a date that is no date, an id past 64 bits) is a 400 too, and
a StreamField or rich-text field cannot be filtered by at all: its stored form holds what some readers
may not see (a practitioner-only intervention's local note, a restricted image's alt text).

The interventions endpoint takes the directory's facets (``interventions.facets``): each value must be one
the facet can ever have (the fixed vocabulary, or a sub-need or cost band id), and ``order`` one of the
directory's sorts.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.fields import RichTextField, StreamField
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from send_toolkit.domain.search_words import plain_words
from send_toolkit.interventions.directory import SORTS
from send_toolkit.interventions.facets import FACET_NAMES, InterventionFilterSet

# The largest offset or limit passed on to the database: 32 bits, which every backend takes in LIMIT/OFFSET.
MAX_POSITION = 2**31 - 1
# The largest id a database key holds (64 bits): past it, SQLite cannot even compare.
MAX_ID = 2**63 - 1
# Facets whose values are ids of editor-managed rows; the others take the fixed vocabulary.
ID_FACETS = ("sub_need", "cost_band")

SEARCH_OPERATORS = ("and", "or")


def check_query(query: QueryDict) -> None:
    """The checks every endpoint and view (listing, detail, find) makes first: 400 for a null character
    anywhere (PostgreSQL cannot compare text with one) or an unknown ``search_operator``."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(gettext("query parameters must not contain null characters"))
    search_operator(query)


def search_words(query: QueryDict) -> str:
    """The plain words of ``search`` (the rule the directory and site search use), 400 if none are left."""
    words = plain_words(query["search"])
    if not words:
        raise BadRequestError(gettext("search must contain at least one word (symbols and quotes are ignored)"))
    return words


def search_operator(query: QueryDict) -> str | None:
    """``search_operator`` if it is one the search backends know, 400 otherwise; ``None`` for the default."""
    operator = query.get("search_operator")
    if operator is None:
        return None
    if operator not in SEARCH_OPERATORS:
        raise BadRequestError(gettext("search_operator must be 'and' or 'or'"))
    return operator


def find_id(query: QueryDict) -> None:
    """400 if ``find`` is asked for an ``id`` that is not a whole number (Wagtail passes it to the database)."""
    identifier = query.get("id")
    if identifier is not None and not (identifier.isascii() and identifier.isdigit()):
        raise BadRequestError(gettext("id must be a positive integer"))


def whole_number(value: str) -> int | None:
    """``value`` as a whole number a database key can hold, or None."""
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
        return None
    return int(value)


def facet_values(query: QueryDict) -> dict[str, list[str]]:
    """Each facet's values in ``query`` (the directory's names), 400 for one the facet can never have."""
    asked = {name: query.getlist(name) for name in FACET_NAMES if name in query}
    for name, values in asked.items():
        if name in ID_FACETS:
            wrong = [value for value in values if whole_number(value) is None]
            expected = gettext("a whole number (an id)")
        else:
            known = [str(value) for value, _label in InterventionFilterSet.base_filters[name].extra["choices"]]
            wrong = [value for value in values if value not in known]
            expected = gettext("one of: %(values)s") % {"values": ", ".join(known)}
        if wrong:
            message = gettext("%(name)s must be %(expected)s, not '%(value)s'")
            raise BadRequestError(message % {"name": name, "expected": expected, "value": wrong[0]})
    return asked


def intervention_order(query: QueryDict) -> str | None:
    """``order`` if it is one of the directory's sorts, 400 otherwise; None for the default (by name)."""
    order = query.get("order")
    if order is not None and order not in SORTS:
        message = gettext("order must be one of: %(sorts)s")
        raise BadRequestError(message % {"sorts": ", ".join(SORTS)})
    return order


def _too_large(value: str) -> bool:
    try:
        return abs(int(value)) > MAX_ID
    except ValueError:
        return False  # not a number at all: Wagtail's own message says so


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?<field>=value``, with a 400 for a value the field cannot hold and for a field whose stored form
    is not for everyone (StreamField, rich text)."""

    def filter_queryset(self, request, queryset, view):
        filterable = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in filterable:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if isinstance(field, StreamField | RichTextField):
                raise BadRequestError(gettext("cannot filter by '%(field)s'") % {"field": name})
            if isinstance(field, models.IntegerField | models.AutoField | models.ForeignKey) and _too_large(value):
                message = gettext("%(field)s cannot be higher than %(maximum)d")
                raise BadRequestError(message % {"field": name, "maximum": MAX_ID})
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            message = gettext("field filter error. %(reason)s")
            raise BadRequestError(message % {"reason": " ".join(error.messages)}) from error


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, given only plain words and a known operator."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError(gettext("search is disabled"))
        words = search_words(request.GET)
        operator = search_operator(request.GET)
        try:
            return get_search_backend().search(
                words, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as error:
            message = gettext("cannot filter by '%(field)s' while searching (field is not indexed)")
            raise BadRequestError(message % {"field": error.field_name}) from error
        except OrderByFieldError as error:
            message = gettext("cannot order by '%(field)s' while searching (field is not indexed)")
            raise BadRequestError(message % {"field": error.field_name}) from error


class BoundedPagination(WagtailPagination):
    """Wagtail's ``offset`` (and ``limit``, when ``WAGTAILAPI_LIMIT_MAX`` does not already bound it) refused
    beyond ``MAX_POSITION``: SQLite overflows past 64 bits."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_is_bounded = bool(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20))
        for name in ("offset",) if limit_is_bounded else ("offset", "limit"):
            try:
                value = int(request.GET.get(name, 0))
            except ValueError:
                continue  # Wagtail's own message: "... must be a positive integer"
            if value > MAX_POSITION:
                message = gettext("%(name)s cannot be higher than %(maximum)d")
                raise BadRequestError(message % {"name": name, "maximum": MAX_POSITION})
        return super().paginate_queryset(queryset, request, view)
