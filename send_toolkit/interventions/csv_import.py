"""Import interventions from a CSV file: check everything first, then change all or nothing.

Used by ``manage.py send_toolkit_import_interventions FILE`` and by the admin
upload screen. Rows are matched to existing interventions by slug, then by
name, so importing the same file twice updates rather than duplicates.

A file of thousands of rows imports inside one web request: the lookups are read once, every row
is checked before anything is written, and the writes are bulk inserts and updates (the
interventions, then their need areas, key stages and sub-needs) in one transaction. Bulk writes
skip ``save()`` and its signals, so this module does their two jobs itself, once per import: it
updates the search index and purges the cached pages of interventions whose audience changed.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy, ngettext
from wagtail.search.backends import get_search_backends_with_name

from send_toolkit.access.channels import Change
from send_toolkit.access.purging import purge_after_commit
from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.csv_columns import (
    COLUMNS_BY_KEY,
    IMPORTED_COLUMNS,
    CellError,
    column_for_header,
    shown,
)
from send_toolkit.interventions.models import Intervention, KeyStage, NeedArea, StaffRole, SubNeed, intervention_slug

MANY_TO_MANY = ("need_areas", "key_stages", "sub_needs")
MAX_ERRORS_SHOWN = 200
BATCH_SIZE = 500  # rows a bulk insert or update writes at once (fewer where the database allows fewer values)
TOO_MANY_ROWS = "too_many_rows"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    row: int | None  # line in the file (the header is line 1); None for the file as a whole
    column: str
    message: str
    code: str = ""  # what kind of problem, for callers that place it (TOO_MANY_ROWS)

    def __str__(self) -> str:
        where = gettext("Row %(row)s") % {"row": self.row} if self.row else gettext("File")
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(eq=False)
class _Row:
    line: int
    values: dict[str, Any]
    unreadable: set[str] = field(default_factory=set)
    instance: Intervention | None = None
    stored: dict[str, Any] = field(default_factory=dict)  # an existing record's fields as they were


def decode(data: bytes) -> str:
    """The file's text. Raises CellError with a plain message when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CellError(
            gettext(
                "The file is not saved as UTF-8 text, so letters such as £, é or curly quotes would be garbled "
                "(the first unreadable byte is at position %(position)s). In Excel choose File › Save As › "
                "“CSV UTF-8 (Comma delimited)”, then import that file."
            )
            % {"position": error.start}
        ) from None


def import_interventions(data: bytes, *, dry_run: bool = False) -> ImportResult:
    """Check the whole file; if every row is valid (and not ``dry_run``), save it in one transaction."""
    result = ImportResult()
    try:
        text = decode(data)
    except CellError as error:
        result.problems.append(Problem(None, "", str(error)))
        return result
    rows = _read_rows(text, result)
    _match_existing(rows, result)
    if result.ok and not dry_run:
        with transaction.atomic():
            _save(rows, result)
    return result


NUL_MESSAGE = gettext_lazy(
    "contains a NUL character, an invisible code that does not belong in text. It usually means the file was "
    "saved as “Unicode” (UTF-16) or is not a CSV file. Save it again as “CSV UTF-8 (Comma delimited)”."
)


def _records(reader, result: ImportResult):
    """(row number, cells) for each row of the file; a row Python's csv module cannot read ends the file
    with a problem (its row number and what went wrong) rather than an error page."""
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            result.problems.append(Problem(line, "", _unreadable_row_message(error)))
            return
        yield line, cells
        line += 1


def _unreadable_row_message(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        reason = gettext("a cell is longer than %(most)s characters (often a quote mark left open)") % {
            "most": f"{csv.field_size_limit():,}"
        }
    else:
        reason = gettext("it is not valid CSV (%(error)s)") % {"error": error}
    return gettext("cannot be read: %(reason)s, so the rest of the file was not checked.") % {"reason": reason}


def _read_rows(text: str, result: ImportResult) -> list[_Row]:
    records = _records(csv.reader(io.StringIO(text, newline="")), result)
    _line, header = next(records, (1, None))
    if not header or not any(cell.strip() for cell in header):
        if result.ok:
            result.problems.append(
                Problem(None, "", gettext("The file is empty. The first row must name the columns."))
            )
        return []
    columns = []
    seen: dict[str, int] = {}
    for position, heading in enumerate(header, start=1):
        column = column_for_header(heading)
        column_number = gettext("Column %(position)s") % {"position": position}
        if "\x00" in heading:
            result.problems.append(
                Problem(1, column_number, gettext("the column name %(problem)s") % {"problem": NUL_MESSAGE})
            )
        elif column is None and heading.strip():
            result.problems.append(
                Problem(
                    1, heading, gettext("%(column)s is not a column this import knows.") % {"column": column_number}
                )
            )
        elif column is not None and column.key in seen:
            result.problems.append(
                Problem(
                    1,
                    heading,
                    gettext("%(column)s repeats column %(first)s; each column may appear once.")
                    % {"column": column_number, "first": seen[column.key]},
                )
            )
            column = None  # which of the two would win is anyone's guess: the file is refused anyway
        elif column is not None:
            seen[column.key] = position
        columns.append(column)
    present = {column.key for column in columns if column}
    for column in IMPORTED_COLUMNS:
        if column.required and column.key not in present:
            result.problems.append(Problem(1, column.label, gettext("This column is missing; every file needs it.")))
    if not result.ok:
        return []

    roles = {role.name.casefold(): role for role in StaffRole.objects.all()}
    sub_needs = {sub_need.name.casefold(): sub_need for sub_need in SubNeed.objects.all()}
    rows = []
    most = max_rows()
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == most:
            result.problems.append(Problem(None, "", too_many_rows_message(most), code=TOO_MANY_ROWS))
            return []
        if len(cells) > len(columns):
            result.problems.append(
                Problem(
                    line,
                    "",
                    gettext("has %(cells)s cells but the header names %(columns)s.")
                    % {"cells": len(cells), "columns": len(columns)},
                )
            )
            continue
        row = _Row(line, {})
        _read_cells(row, columns, cells, roles, sub_needs, result)
        rows.append(row)
    if not rows and result.ok:
        result.problems.append(Problem(None, "", gettext("The file has a header row but no interventions.")))
    return rows


def max_rows() -> int:
    """The most interventions one file may hold (``SEND_TOOLKIT_IMPORT_MAX_ROWS``)."""
    return toolkit_settings.IMPORT_MAX_ROWS


def too_many_rows_message(most: int) -> str:
    return ngettext(
        "The file has more than %(most)s intervention; one import takes at most %(most)s. "
        "Split it into smaller files and import each.",
        "The file has more than %(most)s interventions; one import takes at most %(most)s. "
        "Split it into smaller files and import each.",
        most,
    ) % {"most": f"{most:,}"}


def _read_cells(row: _Row, columns, cells, roles, sub_needs, result) -> None:
    line = row.line
    for column, cell in zip(columns, cells, strict=False):
        if column is None or column.read is None:
            continue
        cell = _undo_formula_guard(cell)
        problems_before = len(result.problems)
        if "\x00" in cell:
            result.problems.append(Problem(line, column.label, str(NUL_MESSAGE)))
        elif column.required and not cell.strip():
            result.problems.append(Problem(line, column.label, gettext("is empty; every intervention needs it.")))
        else:
            try:
                value = column.read(cell)
            except CellError as error:
                result.problems.append(Problem(line, column.label, str(error)))
            else:
                if column.key == "staff_role":
                    value = _lookup(value, roles, gettext("staff role"), gettext("Staff roles"), line, column, result)
                elif column.key == "sub_needs":
                    what, menu = gettext("sub-need"), gettext("Sub-needs")
                    value = [_lookup(name, sub_needs, what, menu, line, column, result) for name in value]
                row.values[column.key] = value
        if len(result.problems) > problems_before:
            row.unreadable.add(column.key)
            row.values.pop(column.key, None)


def _lookup(name, known, what, menu, line, column, result):
    if not name:
        return None
    found = known.get(name.casefold())
    if found is None:
        result.problems.append(
            Problem(
                line,
                column.label,
                gettext("there is no %(what)s called %(name)s. Add it under SEND toolkit › %(menu)s first.")
                % {"what": what, "name": shown(name), "menu": menu},
            )
        )
    return found


def _undo_formula_guard(cell: str) -> str:
    # The export puts an apostrophe before cells that spreadsheets would run as formulas.
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@"):
        return cell[1:]
    return cell


def _match_existing(rows: list[_Row], result: ImportResult) -> None:
    existing = list(Intervention.objects.all())
    by_slug = {item.slug: item for item in existing}
    by_name = {item.name.casefold(): item for item in existing}
    seen_names: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    for row in rows:
        name = row.values.get("name", "")
        if not name:
            row.instance = Intervention()
            _check_fields(row, result)
            continue
        given_slug = row.values.get("slug", "")
        instance = (by_slug.get(given_slug) if given_slug else None) or by_name.get(name.casefold())
        # Without a slug in the file, an existing record keeps its own web address.
        slug = given_slug or (instance.slug if instance else intervention_slug(name))
        row.values["slug"] = slug
        taken = by_slug.get(slug)
        if instance is None and taken is not None:
            result.problems.append(
                Problem(
                    row.line,
                    "Slug",
                    gettext("the web address %(slug)s is already used by %(name)s. Give a slug.")
                    % {"slug": shown(slug), "name": shown(taken.name)},
                )
            )
        for seen, key, what in ((seen_names, name.casefold(), "Name"), (seen_slugs, slug, "Slug")):
            if key in seen:
                result.problems.append(
                    Problem(
                        row.line,
                        what,
                        gettext("%(name)s is also on row %(row)s; each intervention may appear once.")
                        % {"name": shown(name), "row": seen[key]},
                    )
                )
            seen[key] = row.line
        clash = by_name.get(name.casefold())
        if instance is not None and clash is not None and clash.pk != instance.pk:
            result.problems.append(
                Problem(
                    row.line,
                    "Name",
                    gettext("another intervention (slug %(slug)s) is already called %(name)s.")
                    % {"slug": shown(clash.slug), "name": shown(name)},
                )
            )
        if instance is not None:
            row.stored = {name: getattr(instance, name) for name in CONCRETE_FIELDS}
        row.instance = instance or Intervention()
        _check_fields(row, result)


def _check_fields(row: _Row, result: ImportResult) -> None:
    instance = row.instance
    for key, value in row.values.items():
        if key not in MANY_TO_MANY:
            setattr(instance, key, value)
    try:
        # The staff role came from the roles read once above: checking it again would be a query a row.
        instance.full_clean(exclude=[*MANY_TO_MANY, "staff_role"], validate_unique=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            if field_name in row.unreadable:
                continue  # already reported in plain words
            label = _label_for(field_name)
            for message in messages:
                result.problems.append(Problem(row.line, label, message))


def _label_for(field_name: str) -> str:
    column = COLUMNS_BY_KEY.get(field_name)
    return column.label if column else field_name


def _save(rows: list[_Row], result: ImportResult) -> None:
    """Write the checked rows in bulk: new ones inserted, changed ones updated, unchanged ones left alone."""
    new = [row for row in rows if row.instance.pk is None]
    changed: list[_Row] = []
    changed_fields: set[str] = set()
    for row in rows:
        if row.instance.pk is not None:
            fields = _changed(row)
            if fields:
                changed.append(row)
                changed_fields |= fields
    Intervention.objects.bulk_create([row.instance for row in new], batch_size=BATCH_SIZE)
    _read_back_new_keys(new)
    if changed:
        instances = [row.instance for row in changed]
        Intervention.objects.bulk_update(instances, sorted(changed_fields), batch_size=BATCH_SIZE)
    _save_choices(rows)
    new_rows = {id(row) for row in new}
    for row in rows:
        (result.created if id(row) in new_rows else result.updated).append(row.instance.name)

    changed_text = [row for row in changed if _changed(row) & SEARCHED_FIELDS]
    _update_search_index([row.instance for row in [*new, *changed_text]])
    audience_changed = [row.instance for row in changed if row.instance.audience != row.stored["audience"]]
    purge_after_commit(Change.INTERVENTION_AUDIENCE, audience_changed)


CONCRETE_FIELDS = tuple(field.attname for field in Intervention._meta.concrete_fields if not field.primary_key)


# What the search index holds (its SQLite backend rewrites an entry with one query each, so only rows
# whose searchable text changed are sent to it).
SEARCHED_FIELDS = frozenset(
    Intervention._meta.get_field(field.field_name).attname for field in Intervention.get_search_fields()
)


def _changed(row: _Row) -> set[str]:
    return {name for name in CONCRETE_FIELDS if getattr(row.instance, name) != row.stored[name]}


def _read_back_new_keys(new: list[_Row]) -> None:
    # PostgreSQL and SQLite hand back the new keys from a bulk insert; other databases do not.
    missing = {row.instance.slug: row.instance for row in new if row.instance.pk is None}
    if missing:
        for slug, pk in Intervention.objects.filter(slug__in=list(missing)).values_list("slug", "pk"):
            missing[slug].pk = pk


def _save_choices(rows: list[_Row]) -> None:
    """Bring each row's need areas, key stages and sub-needs to what the file says, a through-table at a
    time: one read of the links there are, then bulk deletes and inserts."""
    choices = {
        "need_areas": {area.value: area.pk for area in NeedArea.objects.all()},
        "key_stages": {stage.value: stage.pk for stage in KeyStage.objects.all()},
    }
    for name in MANY_TO_MANY:
        field = Intervention._meta.get_field(name)
        through = field.remote_field.through
        own = through._meta.get_field(field.m2m_field_name()).attname
        other = through._meta.get_field(field.m2m_reverse_field_name()).attname
        given = [row for row in rows if name in row.values]
        ids = {row.instance.pk for row in given}
        held: dict[int, dict[int, int]] = {}  # intervention → {chosen id: link id}
        for link_id, owner, chosen in through.objects.values_list("pk", own, other):
            if owner in ids:
                held.setdefault(owner, {})[chosen] = link_id
        removed, added = [], []
        for row in given:
            if name == "sub_needs":
                wanted = {sub_need.pk for sub_need in row.values[name] if sub_need}
            else:
                wanted = {choices[name][value] for value in row.values[name]}
            had = held.get(row.instance.pk, {})
            removed.extend(link_id for chosen, link_id in had.items() if chosen not in wanted)
            added.extend(through(**{own: row.instance.pk, other: chosen}) for chosen in wanted - had.keys())
        for start in range(0, len(removed), BATCH_SIZE):
            through.objects.filter(pk__in=removed[start : start + BATCH_SIZE]).delete()
        through.objects.bulk_create(added, batch_size=BATCH_SIZE)


def _update_search_index(instances: list[Intervention]) -> None:
    """What Wagtail's ``post_save`` handler does for each saved row, in one call per search backend."""
    if not instances or not getattr(Intervention, "search_auto_update", True):
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(Intervention, instances)
        except Exception:
            # As Wagtail does: an external search service being down must not lose the import, but a
            # database backend's failure must roll the import back.
            logger.exception("Could not add %s imported interventions to the '%s' search backend", len(instances), name)
            if not backend.catch_indexing_errors:
                raise
