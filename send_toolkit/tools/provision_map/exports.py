"""The provision map's files: a map as a CSV file and as an ``.xlsx`` workbook, and one pupil's provision as CSV.

Both files of a map hold the same columns (``ROW_COLUMNS``) and the same totals (``totals_sections``,
``budget_lines``), which are the figures the page shows: nothing is worked out here. Money is written as a
plain number of pounds to the penny, so a spreadsheet can add it up (the workbook shows it with a £ format).
Text someone typed never runs as a formula (``domain.spreadsheet_cells``): a CSV cell is neutralised, a
workbook cell is stored as text, never as a formula. One pupil's file holds the provision and what it costs,
and nothing about the pupil.
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from send_toolkit.domain.provision_map import MapTotals, PupilProvision, Subtotal
from send_toolkit.domain.spreadsheet_cells import UTF8_MARK, neutralised, starts_like_formula
from send_toolkit.templatetags.send_toolkit_tags import figure_names
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.pricing import PricedMap, PricedRow, RateSource

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '"£"#,##0.00'
HOURS_FORMAT = "0.00"
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "dd/mm/yyyy"


class Kind(enum.Enum):
    """How a value is written: text as text, money in pounds to the penny, other figures as numbers."""

    TEXT = "text"
    MONEY = "money"
    NUMBER = "number"
    HOURS = "hours"
    PERCENT = "percent"  # a per cent figure (12.5 for 12.5%)
    DATE = "date"


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[PricedRow, PricedMap], object]
    kind: Kind = Kind.TEXT
    width: int = 12  # characters, in the workbook


def export_filename(provision_map: ProvisionMap, extension: str, kind: str = "provision-map") -> str:
    """``provision-map-2026-27-whole-school-provision.csv``: what, the school year, the map's name."""
    parts = [kind, str(provision_map.school_year), slugify(provision_map.name)]
    return "-".join(part for part in parts if part) + "." + extension


# --- What each row says -----------------------------------------------------------------------------------------


def rate_source_label(source: RateSource, priced: PricedMap) -> str:
    """Where a rate came from, as the map says beside it."""
    if source is RateSource.CARD:
        return _("The council's rate card for %(year)s") % {"year": priced.rates.school_year}
    if source is RateSource.CURRENT:
        return _("The council's current rate")
    if source is RateSource.OWN:
        return _("Your setting's own rate")
    return _("Staff time not costed")


def origin_label(row: ProvisionMapRow) -> str:
    if not row.from_library:
        return _("Your own provision")
    return _("From the library") if row.intervention_id else _("No longer in the library")


def _figure(name: str) -> Callable[[PricedRow, PricedMap], object]:
    return lambda item, _priced: getattr(item.figures, name) if item.figures is not None else None


ROW_COLUMNS: tuple[Column, ...] = (
    Column(gettext_lazy("Provision"), lambda item, _priced: item.row.name, width=32),
    Column(gettext_lazy("From"), lambda item, _priced: origin_label(item.row), width=20),
    Column(gettext_lazy("Broad area of need"), lambda item, _priced: item.row.get_need_area_display(), width=24),
    Column(gettext_lazy("Tier"), lambda item, _priced: item.row.get_tier_display(), width=18),
    Column(gettext_lazy("Delivery"), lambda item, _priced: item.row.get_delivery_display()),
    Column(
        gettext_lazy("Staff role"),
        lambda item, _priced: item.row.staff_role.name if item.row.staff_role else "",
        width=20,
    ),
    Column(gettext_lazy("Adults in each session"), lambda item, _priced: item.row.adults, Kind.NUMBER),
    Column(gettext_lazy("Hourly rate (£)"), lambda item, _priced: item.hourly_rate, Kind.MONEY),
    Column(gettext_lazy("Rate from"), lambda item, priced: rate_source_label(item.rate_source, priced), width=24),
    Column(gettext_lazy("Groups"), lambda item, _priced: item.row.groups, Kind.NUMBER),
    Column(gettext_lazy("Pupils in each group"), lambda item, _priced: item.row.pupils_per_group, Kind.NUMBER),
    Column(gettext_lazy("Sessions a week"), lambda item, _priced: item.row.sessions_per_week, Kind.NUMBER),
    Column(gettext_lazy("Minutes a session"), lambda item, _priced: item.row.session_minutes, Kind.NUMBER),
    Column(gettext_lazy("Weeks"), lambda item, _priced: item.row.weeks, Kind.NUMBER),
    Column(gettext_lazy("Annual staff cost (£)"), _figure("annual_staff_cost"), Kind.MONEY, 14),
    Column(gettext_lazy("Resources and training (£)"), _figure("resources_and_training"), Kind.MONEY, 14),
    Column(gettext_lazy("Total cost (£)"), _figure("total_cost"), Kind.MONEY, 14),
    Column(gettext_lazy("Staff hours"), _figure("staff_hours"), Kind.HOURS),
    Column(gettext_lazy("Pupils reached"), _figure("pupils_reached"), Kind.NUMBER),
    Column(gettext_lazy("Cost per pupil (£)"), _figure("cost_per_pupil"), Kind.MONEY, 14),
    Column(gettext_lazy("Contact hours per pupil"), _figure("contact_hours_per_pupil"), Kind.HOURS),
    Column(gettext_lazy("Intended outcome"), lambda item, _priced: item.row.intended_outcome, width=40),
    Column(gettext_lazy("Review date"), lambda item, _priced: item.row.review_date, Kind.DATE),
    Column(
        gettext_lazy("Differs from the library"),
        lambda item, _priced: figure_names(item.differs_from_library),
        width=24,
    ),
    Column(
        gettext_lazy("Not costed because"), lambda item, _priced: item.problem.message if item.problem else "", width=24
    ),
)


def row_values(item: PricedRow, priced: PricedMap) -> list[object]:
    return [column.value(item, priced) for column in ROW_COLUMNS]


# --- Totals -----------------------------------------------------------------------------------------------------

TOTALS_COLUMNS: tuple[tuple[str, Callable[[Subtotal], object], Kind], ...] = (
    (gettext_lazy("Rows"), lambda subtotal: subtotal.rows, Kind.NUMBER),
    (gettext_lazy("Places for pupils"), lambda subtotal: subtotal.pupils_reached, Kind.NUMBER),
    (gettext_lazy("Staff hours"), lambda subtotal: subtotal.staff_hours, Kind.HOURS),
    (gettext_lazy("Annual staff cost (£)"), lambda subtotal: subtotal.annual_staff_cost, Kind.MONEY),
    (gettext_lazy("Resources and training (£)"), lambda subtotal: subtotal.resources_and_training, Kind.MONEY),
    (gettext_lazy("Total cost (£)"), lambda subtotal: subtotal.total_cost, Kind.MONEY),
)


def totals_sections(priced: PricedMap) -> list[tuple[str, list[tuple[str, Subtotal]]]]:
    """The map's totals: the whole map, then by broad area of need and by tier (every area and tier)."""
    return [
        (_("Totals"), [(_("Whole map"), priced.totals.overall)]),
        (_("By broad area of need"), [(str(term.label), subtotal) for term, subtotal in priced.need_area_totals]),
        (_("By tier"), [(str(term.label), subtotal) for term, subtotal in priced.tier_totals]),
    ]


def budget_lines(totals: MapTotals) -> list[tuple[str, object, Kind]]:
    """The setting's notional SEN budget and the share of it the map uses."""
    if totals.notional_sen_budget is None:
        return [(_("Notional SEN budget"), _("Not entered"), Kind.TEXT)]
    lines: list[tuple[str, object, Kind]] = [(_("Notional SEN budget (£)"), totals.notional_sen_budget, Kind.MONEY)]
    if totals.share_of_budget is not None:
        lines.append((_("Share of the notional SEN budget the map uses"), totals.share_of_budget, Kind.PERCENT))
    if totals.over_budget:
        lines.append((_("Over the notional SEN budget by (£)"), totals.over_budget, Kind.MONEY))
    else:
        lines.append((_("Left in the notional SEN budget (£)"), totals.budget_remaining, Kind.MONEY))
    return lines


def about_lines(priced: PricedMap, council_name: str) -> list[tuple[str, str]]:
    provision_map = priced.provision_map
    lines = [
        (_("Provision map"), provision_map.name),
        (_("Setting"), provision_map.setting_name),
        (_("School year"), str(provision_map.school_year)),
        (_("Council"), council_name),
    ]
    if priced.rates.notes:
        lines.append((_("About the council's rates"), priced.rates.notes))
    return lines


def rate_lines(priced: PricedMap) -> list[tuple[str, Decimal, str]]:
    """Each staff role's hourly rate the map is costed at, and where it comes from."""
    return [(name, rate, rate_source_label(source, priced)) for name, rate, source in priced.rates.rate_rows()]


# --- CSV --------------------------------------------------------------------------------------------------------


def _plain_number(value: object) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def csv_cell(value: object, kind: Kind = Kind.TEXT) -> str:
    """One CSV cell: numbers plain (money to the penny, no £), dates as 2027-03-17, text neutralised."""
    if value is None:
        return ""
    if kind is Kind.MONEY:
        return f"{Decimal(value):.2f}"
    if kind in (Kind.NUMBER, Kind.HOURS, Kind.PERCENT):
        return _plain_number(value)
    if kind is Kind.DATE and isinstance(value, datetime.date):
        return value.isoformat()
    return neutralised(str(value))


def _texts(values: Iterable[object]) -> list[str]:
    return [csv_cell(value) for value in values]


def write_map_csv(stream: IO[str], priced: PricedMap, council_name: str) -> None:
    """The map's rows under a header, then its totals, budget, where it came from and the rates used."""
    stream.write(UTF8_MARK)
    writer = csv.writer(stream)
    writer.writerow(_texts(column.label for column in ROW_COLUMNS))
    for item in priced.rows:
        writer.writerow(
            [csv_cell(value, column.kind) for value, column in zip(row_values(item, priced), ROW_COLUMNS, strict=True)]
        )
    for title, lines in totals_sections(priced):
        writer.writerow([])
        writer.writerow(_texts([title, *(label for label, _value, _kind in TOTALS_COLUMNS)]))
        for label, subtotal in lines:
            writer.writerow([csv_cell(label), *(csv_cell(value(subtotal), kind) for _l, value, kind in TOTALS_COLUMNS)])
    writer.writerow([])
    for label, value, kind in budget_lines(priced.totals):
        writer.writerow([csv_cell(label), csv_cell(value, kind)])
    writer.writerow([])
    for label, value in about_lines(priced, council_name):
        writer.writerow(_texts([label, value]))
    writer.writerow([])
    writer.writerow(_texts([_("Staff rates used"), _("Hourly rate (£)"), _("Rate from")]))
    for name, rate, source in rate_lines(priced):
        writer.writerow([csv_cell(name), csv_cell(rate, Kind.MONEY), csv_cell(source)])


PUPIL_HEADER = (
    gettext_lazy("Provision"),
    gettext_lazy("How it is provided"),
    gettext_lazy("Cost for this pupil (£)"),
    gettext_lazy("Contact hours a year"),
)


def pupil_summary_lines(provision: PupilProvision) -> list[tuple[str, Decimal, Kind]]:
    """The pupil's total set against the notional SEN budget, as the result page and the file say it."""
    lines = [
        (_("Total cost for this pupil (£)"), provision.total_cost, Kind.MONEY),
        (_("Notional SEN budget per pupil, Element 2 (£)"), provision.notional_sen_budget, Kind.MONEY),
    ]
    if provision.within_notional_budget:
        lines.append((_("Left within the notional SEN budget (£)"), provision.left_in_notional_budget, Kind.MONEY))
    else:
        lines.append(
            (
                _(
                    "Above the notional SEN budget: what a request for top-up funding (Element 3) "
                    "would need to evidence (£)"
                ),
                provision.above_notional_budget,
                Kind.MONEY,
            )
        )
    if provision.share_of_budget is not None:
        lines.append((_("Share of the notional SEN budget"), provision.share_of_budget, Kind.PERCENT))
    return lines


def provided_as(one_to_one: bool) -> str:
    return _("1:1") if one_to_one else _("A place in a group")


def write_pupil_csv(stream: IO[str], provision: PupilProvision, provision_map: ProvisionMap) -> None:
    """One pupil's provision: each line's cost for them, the total and the comparison with the notional budget."""
    stream.write(UTF8_MARK)
    writer = csv.writer(stream)
    writer.writerow(_texts(PUPIL_HEADER))
    for line in provision.lines:
        writer.writerow(
            [
                csv_cell(line.label),
                csv_cell(provided_as(line.one_to_one)),
                csv_cell(line.cost, Kind.MONEY),
                csv_cell(line.contact_hours, Kind.HOURS),
            ]
        )
    writer.writerow(
        [
            csv_cell(_("Total")),
            "",
            csv_cell(provision.total_cost, Kind.MONEY),
            csv_cell(provision.contact_hours, Kind.HOURS),
        ]
    )
    writer.writerow([])
    for label, value, kind in pupil_summary_lines(provision):
        writer.writerow([csv_cell(label), csv_cell(value, kind)])
    writer.writerow([])
    writer.writerow(_texts([_("From the provision map"), provision_map.name]))
    writer.writerow(_texts([_("School year"), str(provision_map.school_year)]))


# --- The workbook -----------------------------------------------------------------------------------------------


def workbook_text(value: object) -> str:
    """Text without the control characters a workbook cannot hold (openpyxl refuses them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def put(sheet: Worksheet, row: int, column: int, value: object, kind: Kind = Kind.TEXT, bold: bool = False):
    """Write one cell. Text is always stored as text: openpyxl would store "=..." as a formula, and "#N/A" as an
    error, so the type is set after the value; a cell that starts like a formula also gets Excel's quote prefix,
    so it stays text when someone edits it. Characters a workbook cannot hold (control codes) are left out."""
    cell = sheet.cell(row=row, column=column)
    if value is None:
        pass
    elif kind is Kind.TEXT:
        text = workbook_text(value)
        cell.value = text
        cell.data_type = "s"
        if starts_like_formula(text):
            cell.quotePrefix = True
    elif kind is Kind.MONEY:
        cell.value = Decimal(value)
        cell.number_format = MONEY_FORMAT
    elif kind is Kind.HOURS:
        cell.value = Decimal(value)
        cell.number_format = HOURS_FORMAT
    elif kind is Kind.PERCENT:
        cell.value = Decimal(value) / 100
        cell.number_format = PERCENT_FORMAT
    elif kind is Kind.DATE:
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    if bold:
        cell.font = Font(bold=True)
    return cell


def _header(sheet: Worksheet, labels: Iterable[object], widths: Iterable[int]) -> None:
    for number, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        put(sheet, 1, number, label, bold=True)
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"


def _rows_sheet(sheet: Worksheet, priced: PricedMap) -> None:
    sheet.title = _("Provision")
    _header(sheet, (column.label for column in ROW_COLUMNS), (column.width for column in ROW_COLUMNS))
    for number, item in enumerate(priced.rows, start=2):
        for position, (value, column) in enumerate(zip(row_values(item, priced), ROW_COLUMNS, strict=True), start=1):
            put(sheet, number, position, value, column.kind)


def _totals_sheet(sheet: Worksheet, priced: PricedMap, council_name: str) -> None:
    _header(
        sheet,
        [_("Totals"), *(label for label, _value, _kind in TOTALS_COLUMNS)],
        [34, *([16] * len(TOTALS_COLUMNS))],
    )
    row = 2
    for title, lines in totals_sections(priced):
        if len(lines) > 1:
            row += 1
            put(sheet, row, 1, title, bold=True)
            row += 1
        for label, subtotal in lines:
            put(sheet, row, 1, label, bold=len(lines) == 1)
            for position, (_label, value, kind) in enumerate(TOTALS_COLUMNS, start=2):
                put(sheet, row, position, value(subtotal), kind, bold=len(lines) == 1)
            row += 1
    row += 1
    put(sheet, row, 1, _("Notional SEN budget"), bold=True)
    for label, value, kind in budget_lines(priced.totals):
        row += 1
        put(sheet, row, 1, label)
        put(sheet, row, 2, value, kind)
    row += 2
    put(sheet, row, 1, _("About this map"), bold=True)
    for label, value in about_lines(priced, council_name):
        row += 1
        put(sheet, row, 1, label)
        put(sheet, row, 2, value)
    row += 2
    for position, label in enumerate([_("Staff rates used"), _("Hourly rate (£)"), _("Rate from")], start=1):
        put(sheet, row, position, label, bold=True)
    for name, rate, source in rate_lines(priced):
        row += 1
        put(sheet, row, 1, name)
        put(sheet, row, 2, rate, Kind.MONEY)
        put(sheet, row, 3, source)


def map_workbook(priced: PricedMap, council_name: str) -> bytes:
    """The map as an .xlsx workbook: a sheet of its rows, and a sheet of its totals."""
    workbook = Workbook()
    workbook.properties.creator = workbook_text(council_name) or "send_toolkit"
    workbook.properties.title = workbook_text(priced.provision_map.name)
    _rows_sheet(workbook.active, priced)
    _totals_sheet(workbook.create_sheet(_("Totals")), priced, council_name)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
