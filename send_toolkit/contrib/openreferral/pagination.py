"""HSDS paging (``page`` and ``per_page`` in; ``total_items`` ... ``contents`` out) as a Django Ninja paginator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase

# The ORUK API guidance's default; a consumer may ask for up to MAX_PER_PAGE at once.
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
# Beyond this no database takes the offset (SQLite's is 64 bits), so asking for it is a 400.
MAX_PAGE = 2**31 // MAX_PER_PAGE


class Listing(Sequence):
    """Records made from a queryset or list only for the slice a page shows (``convert`` each item)."""

    def __init__(self, items: QuerySet | Sequence, convert: Callable[[Any], Any] = lambda item: item) -> None:
        self.items = items
        self.convert = convert

    def __len__(self) -> int:
        return self.items.count() if isinstance(self.items, QuerySet) else len(self.items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.convert(item) for item in self.items[index]]
        return self.convert(self.items[index])


class HSDSPagination(PaginationBase):
    """A page of ``contents`` with the HSDS paging keys. A page past the last is empty, not an error."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
        per_page: int = Field(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Results on each page.")

    class Output(Schema):
        total_items: int
        total_pages: int
        page_number: int
        size: int
        first_page: bool
        last_page: bool
        empty: bool
        contents: list[Any]

    items_attribute = "contents"

    def paginate_queryset(self, queryset, pagination: Input, request, **params) -> dict[str, Any]:
        total = len(queryset) if isinstance(queryset, Listing) else self._items_count(queryset)
        start = (pagination.page - 1) * pagination.per_page
        contents = list(queryset[start : start + pagination.per_page]) if start < total else []
        total_pages = ceil(total / pagination.per_page)
        return {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": pagination.page,
            "size": len(contents),
            "first_page": pagination.page == 1,
            "last_page": pagination.page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
