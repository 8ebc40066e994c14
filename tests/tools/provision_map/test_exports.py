"""A provision map's exports: the CSV file, the .xlsx workbook and the page to print (issue 10)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.contrib.staticfiles import finders

from send_toolkit.council.models import ToolkitSettings
from send_toolkit.practitioners.models import PractitionerStatus
from send_toolkit.tools.provision_map.models import ProvisionMapRow, ProvisionMapShare
from tests.tools.provision_map.world import (
    RIVERSIDE,
    a_map,
    client_for,
    editor,
    library_row,
    person,
    rate_card,
    reading_group,
)

pytestmark = pytest.mark.django_db

MAPS = "/tools/provision-maps/"
EXPORTS = ("export/csv/", "export/xlsx/", "print/")
DANGEROUS = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture
def senco(site):
    return person("senco@hillside.sch.uk", first_name="Sam", last_name="Senco")


@pytest.fixture
def council(site):
    settings = ToolkitSettings.for_site(site)
    settings.council_name = "Northmoor Borough Council"
    settings.save()
    return settings


def own_row(provision_map, **fields) -> ProvisionMapRow:
    values = {
        "name": "Lunchtime social club",
        "need_area": "semh",
        "tier": "getting_help",
        "delivery": "small_group",
        "own_hourly_rate": Decimal("18.00"),
        "groups": 2,
        "pupils_per_group": 6,
        "sessions_per_week": Decimal("2"),
        "session_minutes": 30,
        "weeks": 38,
        "resource_cost": Decimal("60.00"),
        "position": 2,
    }
    return ProvisionMapRow.objects.create(provision_map=provision_map, **{**values, **fields})


@pytest.fixture
def worked_map(senco, council):
    """The worked example (£855.00, £213.75 a pupil) and the setting's own club (£1,428.00, £119.00 a pupil)."""
    rate_card()
    provision_map = a_map(senco, budget="20000")
    library_row(provision_map, reading_group(), position=1, intended_outcome="Reading age up by a year")
    own_row(provision_map)
    return provision_map


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "no byte order mark: Excel would not read the file as UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


def section(rows: list[list[str]], title: str) -> list[list[str]]:
    """The lines of a totals section under its heading line, up to the next blank line."""
    start = next(number for number, row in enumerate(rows) if row and row[0] == title and len(row) > 2)
    lines = []
    for row in rows[start + 1 :]:
        if not row:
            break
        lines.append(row)
    return lines


# --- CSV --------------------------------------------------------------------------------------------------------


def test_the_csv_file_opens_in_excel_as_utf8_and_is_named_for_the_year_and_the_map(senco, worked_map):
    response = client_for(senco).get(f"{MAPS}{worked_map.pk}/export/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="provision-map-2026-27-whole-school-provision.csv"'
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response.content.startswith("\ufeff".encode())


def test_the_csv_file_has_every_row_s_figures_and_totals_equal_to_their_sum(senco, worked_map):
    rows = csv_rows(client_for(senco).get(f"{MAPS}{worked_map.pk}/export/csv/"))
    header = rows[0]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:3]}
    reading, club = by_name["Small-group reading"], by_name["Lunchtime social club"]
    assert reading["Total cost (£)"] == "855.00" and reading["Cost per pupil (£)"] == "213.75"
    assert reading["Staff hours"] == "57.00" and reading["Contact hours per pupil"] == "57.00"
    assert reading["Hourly rate (£)"] == "15.00" and reading["Rate from"] == "The council's rate card for 2026-27"
    assert reading["Intended outcome"] == "Reading age up by a year"
    assert club["Annual staff cost (£)"] == "1368.00" and club["Total cost (£)"] == "1428.00"
    assert club["Cost per pupil (£)"] == "119.00" and club["Rate from"] == "Your setting's own rate"
    assert club["From"] == "Your own provision" and club["Broad area of need"] == "Social, Emotional and Mental Health"

    whole = section(rows, "Totals")[0]
    total_cost = sum(Decimal(row[header.index("Total cost (£)")]) for row in rows[1:3])
    assert whole[-1] == f"{total_cost:.2f}" == "2283.00"
    assert whole[1:3] == ["2", "16"]  # rows, places for pupils (4 + 12)
    areas = {line[0]: line for line in section(rows, "By broad area of need")}
    assert areas["Cognition and Learning"][-1] == "855.00"
    assert areas["Social, Emotional and Mental Health"][-1] == "1428.00"
    assert areas["Sensory and/or Physical"][-1] == "0.00"  # every area is listed
    assert sum(Decimal(line[-1]) for line in areas.values()) == total_cost
    tiers = {line[0]: line for line in section(rows, "By tier")}
    assert tiers["Getting Help"][-1] == "2283.00"
    budget = {row[0]: row[1] for row in rows if len(row) == 2}
    assert budget["Notional SEN budget (£)"] == "20000.00"
    assert budget["Share of the notional SEN budget the map uses"] == "11.4"  # 2,283 ÷ 20,000
    assert budget["Left in the notional SEN budget (£)"] == "17717.00"
    assert budget["Council"] == "Northmoor Borough Council" and budget["School year"] == "2026-27"


@pytest.mark.parametrize("text", [DANGEROUS, "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_the_csv_file(senco, worked_map, text):
    own_row(worked_map, name=text, intended_outcome=text, position=3)
    rows = csv_rows(client_for(senco).get(f"{MAPS}{worked_map.pk}/export/csv/"))
    row = next(row for row in rows[1:] if row[0].endswith(text))
    outcome = row[rows[0].index("Intended outcome")]
    assert row[0] == outcome == "'" + text
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]


# --- The workbook -----------------------------------------------------------------------------------------------


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_the_workbook_has_a_sheet_of_rows_and_a_sheet_of_totals_with_money_as_pounds(senco, worked_map):
    response = client_for(senco).get(f"{MAPS}{worked_map.pk}/export/xlsx/")
    assert response["Content-Disposition"] == 'attachment; filename="provision-map-2026-27-whole-school-provision.xlsx"'
    assert "no-store" in response["Cache-Control"]
    book = workbook(response)
    assert book.sheetnames == ["Provision", "Totals"]
    rows, totals = book["Provision"], book["Totals"]
    header = [cell.value for cell in rows[1]]
    assert rows.freeze_panes == "A2" and all(cell.font.b for cell in rows[1])
    reading = dict(zip(header, rows[2], strict=True))
    assert reading["Provision"].value == "Small-group reading"
    total, per_pupil = reading["Total cost (£)"], reading["Cost per pupil (£)"]
    assert total.data_type == "n" and Decimal(str(total.value)) == Decimal("855.00") and "£" in total.number_format
    assert Decimal(str(per_pupil.value)) == Decimal("213.75") and "£" in per_pupil.number_format
    assert Decimal(str(reading["Staff hours"].value)) == Decimal("57")
    club = {name: cell.value for name, cell in zip(header, rows[3], strict=True)}
    assert club["Provision"] == "Lunchtime social club" and Decimal(str(club["Total cost (£)"])) == Decimal("1428")

    labels = {row[0].value: row for row in totals.iter_rows() if row[0].value}
    assert totals.freeze_panes == "A2" and totals["A1"].font.b
    whole = labels["Whole map"]
    assert Decimal(str(whole[6].value)) == Decimal("2283.00") and "£" in whole[6].number_format
    assert Decimal(str(labels["Cognition and Learning"][6].value)) == Decimal("855.00")
    assert Decimal(str(labels["Social, Emotional and Mental Health"][6].value)) == Decimal("1428.00")
    assert Decimal(str(labels["Getting Help"][6].value)) == Decimal("2283.00")
    share = labels["Share of the notional SEN budget the map uses"][1]
    assert Decimal(str(share.value)) == Decimal("0.114") and share.number_format == "0.0%"
    assert labels["Council"][1].value == "Northmoor Borough Council"
    assert labels["Teaching assistant"][2].value == "The council's rate card for 2026-27"


@pytest.mark.parametrize("text", [DANGEROUS, "=cmd|' /C calc'!A0", "#N/A", "+1", "@x"])
def test_text_in_the_workbook_is_stored_as_text_never_as_a_formula(senco, worked_map, text):
    own_row(worked_map, name=text, intended_outcome=text, position=3)
    book = workbook(client_for(senco).get(f"{MAPS}{worked_map.pk}/export/xlsx/"))
    sheet = book["Provision"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=4, column=1)
    outcome = sheet.cell(row=4, column=header.index("Intended outcome") + 1)
    for found in (cell, outcome):
        assert found.value == text and found.data_type == "s"
    formulas = [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []
    if text[0] in "=+@":
        assert cell.quotePrefix  # Excel keeps it as text even when someone edits the cell


def test_control_characters_in_a_name_do_not_break_the_workbook(senco, worked_map):
    own_row(worked_map, name="Club\x01 for\x0b Year 3", position=3)
    book = workbook(client_for(senco).get(f"{MAPS}{worked_map.pk}/export/xlsx/"))
    assert book["Provision"].cell(row=4, column=1).value == "Club for Year 3"


def test_an_empty_map_exports_its_headings_and_nil_totals(senco, council):
    provision_map = a_map(senco, name="Spring term")
    client = client_for(senco)
    rows = csv_rows(client.get(f"{MAPS}{provision_map.pk}/export/csv/"))
    assert rows[0][0] == "Provision" and section(rows, "Totals")[0][-1] == "0.00"
    assert {row[0]: row[1] for row in rows if len(row) == 2}["Notional SEN budget"] == "Not entered"
    book = workbook(client.get(f"{MAPS}{provision_map.pk}/export/xlsx/"))
    assert book["Provision"].max_row == 1


# --- The page to print ------------------------------------------------------------------------------------------


def test_the_print_page_has_the_council_the_rates_used_and_the_totals_last(senco, worked_map):
    response = client_for(senco).get(f"{MAPS}{worked_map.pk}/print/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Northmoor Borough Council" in page and "Whole school provision" in page
    rates = page[page.index('id="rates-heading"') : page.index('id="totals-heading"')]
    assert "Teaching assistant" in rates and "£15.00" in rates and "The council&#x27;s rate card for 2026-27" in rates
    totals = page[page.index('id="totals-heading"') :]
    assert "£2,283.00" in totals and "£855.00" in totals and "£1,428.00" in totals and "11.4% of £20,000.00" in totals
    assert page.index('id="rows-heading"') < page.index('id="rates-heading"') < page.index('id="totals-heading"')
    assert "£213.75" in page and "£119.00" in page


def test_the_print_stylesheet_prints_on_a4_with_the_totals_on_a_page_of_their_own(senco, worked_map):
    page = client_for(senco).get(f"{MAPS}{worked_map.pk}/print/").content.decode()
    assert 'send_toolkit/css/provision_map_print.css" media="print"' in page
    css = Path(finders.find("send_toolkit/css/provision_map_print.css")).read_text()
    assert "@page" in css and "size: A4" in css
    assert ".print-map__totals { break-before: page; }" in css


def test_the_map_links_to_its_exports_and_to_one_pupil_s_provision(senco, worked_map):
    page = client_for(senco).get(f"{MAPS}{worked_map.pk}/").content.decode()
    for end in (*EXPORTS, "pupil/"):
        assert f'href="{MAPS}{worked_map.pk}/{end}"' in page


# --- Who may export ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("end", EXPORTS)
def test_a_colleague_the_map_is_shared_with_to_read_may_export_it(senco, worked_map, end):
    colleague = person("ta@hillside.sch.uk")
    ProvisionMapShare.objects.create(provision_map=worked_map, colleague=colleague, can_edit=False)
    response = client_for(colleague).get(f"{MAPS}{worked_map.pk}/{end}")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("end", EXPORTS)
def test_another_setting_s_practitioner_gets_a_404(senco, worked_map, end):
    stranger = person("senco@riverside.sch.uk", organisation=RIVERSIDE)
    response = client_for(stranger).get(f"{MAPS}{worked_map.pk}/{end}")
    assert response.status_code == 404
    assert "Lunchtime social club" not in response.content.decode()


@pytest.mark.parametrize("end", EXPORTS)
def test_a_colleague_who_has_moved_setting_can_no_longer_export(senco, worked_map, end):
    colleague = person("ta@hillside.sch.uk")
    ProvisionMapShare.objects.create(provision_map=worked_map, colleague=colleague)
    colleague.practitioner_profile.organisation = RIVERSIDE
    colleague.practitioner_profile.save()
    assert client_for(colleague).get(f"{MAPS}{worked_map.pk}/{end}").status_code == 404


@pytest.mark.parametrize("end", EXPORTS)
def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(worked_map, end):
    response = client_for(None).get(f"{MAPS}{worked_map.pk}/{end}")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("end", EXPORTS)
@pytest.mark.parametrize("who", ["pending", "editor"])
def test_pending_accounts_and_council_editors_are_refused(senco, worked_map, end, who):
    user = person("new@hillside.sch.uk", status=PractitionerStatus.PENDING) if who == "pending" else editor()
    response = client_for(user).get(f"{MAPS}{worked_map.pk}/{end}")
    assert response.status_code == 403
    assert "Lunchtime social club" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("end", ("export/csv/", "export/xlsx/"))
def test_exports_answer_only_get(senco, worked_map, end):
    assert client_for(senco).post(f"{MAPS}{worked_map.pk}/{end}").status_code == 405
