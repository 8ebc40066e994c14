"""Every column of the CSV import reads odd values without an error page: a cell it cannot take gets a
message naming its row and column, and the file changes nothing."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from send_toolkit.interventions.csv_columns import IMPORTED_COLUMNS, SHOWN_CELL_LENGTH
from send_toolkit.interventions.csv_import import import_interventions
from send_toolkit.interventions.models import Intervention, StaffRole

VALID = {
    "name": "Hostile cell test",
    "slug": "hostile-cell-test",
    "summary": "A fictional intervention.",
    "description": "<p>Runs twice a week.</p>",
    "for_parents": "",
    "at_home": "",
    "need_areas": "Cognition and Learning",
    "sub_needs": "",
    "key_stages": "KS2",
    "tier": "Getting Help",
    "delivery": "Small group",
    "group_size": "4",
    "session_minutes": "30",
    "sessions_per_week": "2",
    "weeks": "10",
    "staff_role": "Hostile cell assistant",
    "staff_count": "1",
    "training_required": "",
    "training_cost": "£1,000.50",
    "resource_cost": "12",
    "evidence_strength": "Moderate",
    "evidence_source": "",
    "provider": "",
    "provider_url": "",
    "last_reviewed": "2026-09-01",
    "audience": "Everyone",
}

HOSTILE = [
    "1e309",
    "-1e309",
    "1E+03",
    "inf",
    "-Infinity",
    "nan",
    "NaN",
    "sNaN",
    "-0",
    "-0.00",
    "+0",
    "1e-400",
    "0." + "0" * 400 + "1",
    "١٢",  # Arabic-Indic digits
    "１２",  # full-width digits
    "²",
    "£1,000.505",
    "£-5",
    "££1",
    "£",
    "1_000",
    "0x10",
    "12.",
    ".5",
    ".",
    "-",
    "+",
    "9" * 30,
    "9" * 5000,
    "-" + "9" * 5000,
    "32768",
    "99999999999",
    "=1+1",
    "'=1+1",
    "@SUM(A1)",
    " ",
    "\t",
    "\r",
    "—",
    "🙂",
    "\u202eevil",
    "x" * 5000,
    "<script>alert(1)</script>",
    "<" + "b>" * 2000,
    "null",
    "None",
    "true",
    ";",
    "a;;;b",
    '"',
    "\\",
    "%s %(name)s {0}",
    "0000-00-00",
    "2026-02-30",
    "31/12/9999",
    "٢٠٢٦-٠٩-٠١",
    "http://[::1",
    "javascript:alert(1)",
    "https://" + "a" * 3000 + ".example",
]


def file_with(column_key: str, value: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.label for column in IMPORTED_COLUMNS])
    good = {**VALID, "name": "Hostile cell neighbour", "slug": "hostile-cell-neighbour"}
    writer.writerow([good[column.key] for column in IMPORTED_COLUMNS])
    writer.writerow([value if column.key == column_key else VALID[column.key] for column in IMPORTED_COLUMNS])
    return buffer.getvalue().encode()


@pytest.fixture
def staff_role(db) -> StaffRole:
    return StaffRole.objects.create(name="Hostile cell assistant", hourly_rate=Decimal("15.00"))


def stored() -> list[tuple]:
    return list(Intervention.objects.order_by("pk").values_list())


@pytest.mark.parametrize("column", IMPORTED_COLUMNS, ids=lambda column: column.key)
def test_every_odd_value_in_every_column_is_read_or_named_by_row_and_column(column, staff_role):
    before = stored()
    for value in HOSTILE:
        result = import_interventions(file_with(column.key, value))
        for problem in result.problems:
            assert (problem.row, problem.column) == (3, column.label), (value[:20], str(problem))
            assert str(problem).startswith(f"Row 3, {column.label}: ")
            assert len(problem.message) < 400, (value[:20], problem.message[:100])
        if result.ok:
            Intervention.objects.exclude(pk__in=[record[0] for record in before]).delete()
        assert stored() == before, value[:20]


@pytest.mark.parametrize(
    "column_key",
    ["group_size", "session_minutes", "weeks", "staff_count", "sessions_per_week", "training_cost", "resource_cost"],
)
@pytest.mark.parametrize("value", ["1e309", "inf", "nan", "١٢", "1_000", "9" * 5000, "1e-400", "0x10"])
def test_a_number_python_would_read_but_a_spreadsheet_never_means_is_refused(column_key, value, staff_role):
    result = import_interventions(file_with(column_key, value))
    label = next(column.label for column in IMPORTED_COLUMNS if column.key == column_key)
    assert [(problem.row, problem.column) for problem in result.problems] == [(3, label)]
    assert "digits 0–9" in result.problems[0].message or "too large" in result.problems[0].message


def test_a_long_cell_is_quoted_short_in_its_message(staff_role):
    result = import_interventions(file_with("group_size", "9" * 5000))
    message = result.problems[0].message
    assert "is too large: the most is 32,767" in message
    assert "9" * SHOWN_CELL_LENGTH not in message and "…" in message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e309", "“1e309” is not a sum of money. Write it with the digits 0–9, such as 12.5."),
        ("£1,000.505", "“£1,000.505” has more than 2 decimal places."),
        ("10000000", "“10000000” is too large: the most is 9,999,999.99."),
        ("-5", "must be 0 or more, not “-5”."),
    ],
)
def test_money_cells_say_what_is_wrong(value, message, staff_role):
    result = import_interventions(file_with("resource_cost", value))
    assert [str(problem) for problem in result.problems] == [f"Row 3, One-off resource cost (£): {message}"]


@pytest.mark.parametrize(("value", "stored_as"), [("-0", Decimal("0")), ("£1,000.50", Decimal("1000.50")), ("", 0)])
def test_money_written_as_a_spreadsheet_would_is_read(value, stored_as, staff_role):
    assert import_interventions(file_with("training_cost", value)).ok
    assert Intervention.objects.get(slug="hostile-cell-test").training_cost == stored_as
    assert not str(Intervention.objects.get(slug="hostile-cell-test").training_cost).startswith("-")
