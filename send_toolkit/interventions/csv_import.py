"""Import interventions from a CSV file: check everything first, then change all or nothing.

Used by ``manage.py send_toolkit_import_interventions FILE`` and by the admin
upload screen. Rows are matched to existing interventions by slug, then by
name, so importing the same file twice updates rather than duplicates.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from send_toolkit.interventions.csv_columns import COLUMNS_BY_KEY, IMPORTED_COLUMNS, CellError, column_for_header
from send_toolkit.interventions.models import Intervention, KeyStage, NeedArea, StaffRole, SubNeed, intervention_slug

MANY_TO_MANY = ("need_areas", "key_stages", "sub_needs")
MAX_ERRORS_SHOWN = 200


@dataclass(frozen=True)
class Problem:
    row: int | None  # line in the file (the header is line 1); None for the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" if self.row else "File"
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


@dataclass
class _Row:
    line: int
    values: dict[str, Any]
    unreadable: set[str] = field(default_factory=set)
    instance: Intervention | None = None


def decode(data: bytes) -> str:
    """The file's text. Raises CellError with a plain message when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CellError(
            "The file is not saved as UTF-8 text, so letters such as £, é or curly quotes would be garbled "
            f"(the first unreadable byte is at position {error.start}). In Excel choose File › Save As › "
            "“CSV UTF-8 (Comma delimited)”, then import that file."
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


NUL_MESSAGE = (
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
        reason = f"a cell is longer than {csv.field_size_limit():,} characters (often a quote mark left open)"
    else:
        reason = f"it is not valid CSV ({error})"
    return f"cannot be read: {reason}, so the rest of the file was not checked."


def _read_rows(text: str, result: ImportResult) -> list[_Row]:
    records = _records(csv.reader(io.StringIO(text, newline="")), result)
    _line, header = next(records, (1, None))
    if not header or not any(cell.strip() for cell in header):
        if result.ok:
            result.problems.append(Problem(None, "", "The file is empty. The first row must name the columns."))
        return []
    columns = []
    seen: dict[str, int] = {}
    for position, heading in enumerate(header, start=1):
        column = column_for_header(heading)
        if "\x00" in heading:
            result.problems.append(Problem(1, f"Column {position}", f"the column name {NUL_MESSAGE}"))
        elif column is None and heading.strip():
            result.problems.append(Problem(1, heading, f"Column {position} is not a column this import knows."))
        elif column is not None and column.key in seen:
            result.problems.append(
                Problem(
                    1, heading, f"Column {position} repeats column {seen[column.key]}; each column may appear once."
                )
            )
            column = None  # which of the two would win is anyone's guess: the file is refused anyway
        elif column is not None:
            seen[column.key] = position
        columns.append(column)
    present = {column.key for column in columns if column}
    for column in IMPORTED_COLUMNS:
        if column.required and column.key not in present:
            result.problems.append(Problem(1, column.label, "This column is missing; every file needs it."))
    if not result.ok:
        return []

    roles = {role.name.casefold(): role for role in StaffRole.objects.all()}
    sub_needs = {sub_need.name.casefold(): sub_need for sub_need in SubNeed.objects.all()}
    rows = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            result.problems.append(Problem(line, "", f"has {len(cells)} cells but the header names {len(columns)}."))
            continue
        row = _Row(line, {})
        _read_cells(row, columns, cells, roles, sub_needs, result)
        rows.append(row)
    if not rows and result.ok:
        result.problems.append(Problem(None, "", "The file has a header row but no interventions."))
    return rows


def _read_cells(row: _Row, columns, cells, roles, sub_needs, result) -> None:
    line = row.line
    for column, cell in zip(columns, cells, strict=False):
        if column is None or column.read is None:
            continue
        cell = _undo_formula_guard(cell)
        problems_before = len(result.problems)
        if "\x00" in cell:
            result.problems.append(Problem(line, column.label, NUL_MESSAGE))
        elif column.required and not cell.strip():
            result.problems.append(Problem(line, column.label, "is empty; every intervention needs it."))
        else:
            try:
                value = column.read(cell)
            except CellError as error:
                result.problems.append(Problem(line, column.label, str(error)))
            else:
                if column.key == "staff_role":
                    value = _lookup(value, roles, "staff role", "Staff roles", line, column, result)
                elif column.key == "sub_needs":
                    value = [_lookup(name, sub_needs, "sub-need", "Sub-needs", line, column, result) for name in value]
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
                line, column.label, f"there is no {what} called “{name}”. Add it under SEND toolkit › {menu} first."
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
                Problem(row.line, "Slug", f"the web address “{slug}” is already used by “{taken.name}”. Give a slug.")
            )
        for seen, key, what in ((seen_names, name.casefold(), "Name"), (seen_slugs, slug, "Slug")):
            if key in seen:
                result.problems.append(
                    Problem(row.line, what, f"“{name}” is also on row {seen[key]}; each intervention may appear once.")
                )
            seen[key] = row.line
        clash = by_name.get(name.casefold())
        if instance is not None and clash is not None and clash.pk != instance.pk:
            result.problems.append(
                Problem(row.line, "Name", f"another intervention (slug “{clash.slug}”) is already called “{name}”.")
            )
        row.instance = instance or Intervention()
        _check_fields(row, result)


def _check_fields(row: _Row, result: ImportResult) -> None:
    instance = row.instance
    for key, value in row.values.items():
        if key not in MANY_TO_MANY:
            setattr(instance, key, value)
    try:
        instance.full_clean(exclude=["need_areas", "key_stages", "sub_needs"], validate_unique=False)
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
    need_areas = {area.value: area for area in NeedArea.objects.all()}
    key_stages = {stage.value: stage for stage in KeyStage.objects.all()}
    for row in rows:
        instance = row.instance
        is_new = instance.pk is None
        if "need_areas" in row.values:
            instance.need_areas.set([need_areas[value] for value in row.values["need_areas"]])
        if "key_stages" in row.values:
            instance.key_stages.set([key_stages[value] for value in row.values["key_stages"]])
        if "sub_needs" in row.values:
            instance.sub_needs.set([sub_need for sub_need in row.values["sub_needs"] if sub_need])
        instance.save()  # writes the ParentalManyToManyField choices too
        (result.created if is_new else result.updated).append(instance.name)
