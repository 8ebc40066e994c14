"""What the toolkit's API accepts in a query string: plain-word search, bounded numbers, no null characters.

Wagtail's API v2 answers a 400 with ``{"message": ...}`` for most bad parameters, but some reach the
database or the search backend as they are and come back as a 500: an unbalanced quote or spaces only in
``search`` (SQLite's full-text syntax), an unknown ``search_operator``, an ``offset`` past 64 bits, a null
character (PostgreSQL refuses them in text) or a ``find`` id that is not a number. These checks turn each of
them into a 400 with a reason, before anything is queried.
"""

from __future__ import annotations

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from send_toolkit.domain.search_words import plain_words

# The largest offset or limit passed on to the database: 32 bits, which every backend takes in LIMIT/OFFSET.
MAX_POSITION = 2**31 - 1

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
