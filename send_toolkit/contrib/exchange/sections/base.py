"""What every section does, and the field handling they share.

A section is one kind of content (``archive_format.SECTIONS``). Each answers four questions, given the
context of the run (``exporting.Export``, ``checking.Check``, ``planning.Plan``, ``importing.Import``):

- ``export``: its items, as the JSON objects the schema describes;
- ``check``: what is wrong in its items on their own (values, references to other sections), read-only;
- ``plan``: for each item, whether this site already has it (kept as it is), lacks it (created) or has
  something else in its place (a clash, which stops the import);
- ``create``: the missing items, made inside the import's one transaction (and ``fill``, once every
  section has created its items, for what had to wait: page content, which may refer to anything).
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from send_toolkit.contrib.exchange.archive_reader import Archive
    from send_toolkit.contrib.exchange.checking import Check
    from send_toolkit.contrib.exchange.exporting import Export
    from send_toolkit.contrib.exchange.importing import Import
    from send_toolkit.contrib.exchange.planning import Plan


class Section:
    name: str = ""
    # The item's field a person knows it by, for messages and the dry-run report.
    label_field: str = "name"

    def label(self, item: dict[str, Any]) -> str:
        return str(item.get(self.label_field, ""))

    def export(self, export: Export) -> list[dict[str, Any]]:
        return []

    def check(self, archive: Archive, check: Check) -> None:
        """Problems in this section's items on their own; ``check.problem`` records each."""

    def plan(self, archive: Archive, plan: Plan) -> None:
        """One ``plan.create``, ``plan.exists`` or ``plan.clash`` for each item."""

    def create(self, archive: Archive, run: Import) -> None:
        """Make what the plan says is missing; ``run.ids`` learns the new id of each archive id."""

    def fill(self, archive: Archive, run: Import) -> None:
        """After every section has created its items: whatever had to wait for them (page content)."""

    @property
    def file(self) -> str:
        return f"sections/{self.name}.json"


def plain_fields(model: type[models.Model], leave_out: Iterable[str] = ()) -> tuple[str, ...]:
    """The model's own stored values that need no translating between sites: every concrete field but the
    primary key, relations and ``leave_out`` (rich text and the like, which the section carries itself)."""
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and not field.is_relation and field.name not in leave_out
    )


def json_value(field: models.Field, obj: models.Model) -> Any:
    """A plain field's value as JSON: dates as ISO 8601 text, decimals as text (never float), others as they are."""
    value = field.value_from_object(obj)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def field_values(model: type[models.Model], item: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The item's values for ``names``, each converted and validated by the model field (choices, lengths,
    formats); raises ``ValidationError`` keyed by field name."""
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name in names:
        if name not in item:
            continue
        field = model._meta.get_field(name)
        try:
            values[name] = field.clean(item[name], None)
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return values


def error_messages(error: ValidationError) -> list[tuple[str, str]]:
    """(field, message) for every message in a ValidationError, the field empty when it names none."""
    if hasattr(error, "error_dict"):
        return [
            ("" if name == "__all__" else name, message)
            for name, errors in error.message_dict.items()
            for message in errors
        ]
    return [("", message) for message in error.messages]


def restriction_problems(restriction: dict[str, Any] | None, group_names: set[str]) -> list[str]:
    """Why a restriction in the archive cannot be recreated: a group it names is not in the groups section."""
    if not restriction:
        return []
    return [
        _("the restriction names the group “%(group)s”, which is not in the groups section.") % {"group": name}
        for name in restriction.get("groups", [])
        if name not in group_names
    ]
