"""The council's provision picture for commissioners (admin › Reports › Provision picture), issue 10.

Every map of a school year added up; a figure only where at least 5 settings contribute; no setting, map or
owner named anywhere, on the page or in the CSV.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.provision_map import SchoolYear
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.picture import council_picture
from send_toolkit.tools.provision_map.pricing import price_row, rates_for_year
from tests.admin_sidebar import labels_and_urls, main_menu, submenu
from tests.tools.provision_map.world import YEAR, a_map, client_for, library_row, person, rate_card, reading_group

pytestmark = pytest.mark.django_db

PICTURE = "/admin/reports/send-toolkit-provision-picture/"
THIS_YEAR = f"?year={SchoolYear(YEAR)}"
CANARY = "Zephyrwood"  # in every setting's, map's and owner's name: it must never reach the picture


@pytest.fixture(autouse=True)
def no_demo_maps(db):
    """Each test counts only the settings it makes (the demo SENCO's worked example map is another)."""
    ProvisionMap.objects.all().delete()


@pytest.fixture
def commissioner():
    """Someone in the admin who may see the picture and nothing else of the toolkit."""
    group, _made = Group.objects.get_or_create(name="Commissioners")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_provision_picture")
    )
    user = get_user_model().objects.create_user(username="commissioner", email="commissioner@council.example")
    user.groups.add(group)
    return user


@pytest.fixture
def reading():
    rate_card()  # a TA at £15.00 for 2026-27
    return reading_group()  # the worked example: £855.00 a year, 57 staff hours


def settings_planning(intervention, count: int, first: int = 0, maps_each: int = 1, year: int = YEAR) -> list:
    """``count`` settings, each with ``maps_each`` maps of one row of ``intervention``; names full of canaries."""
    maps = []
    for number in range(first, first + count):
        owner = person(
            f"senco{number}@school{number}.sch.uk",
            organisation=f"{CANARY} School {number}",
            first_name=f"{CANARY}first{number}",
            last_name=f"{CANARY}last{number}",
        )
        for copy in range(maps_each):
            provision_map = a_map(owner, name=f"{CANARY} map {number}.{copy}", year=year)
            library_row(provision_map, intervention, name=f"{CANARY} row {number}")
            maps.append(provision_map)
    return maps


def own_provision_row(provision_map, need_area: str = "semh", cost: str = "0") -> ProvisionMapRow:
    return ProvisionMapRow.objects.create(
        provision_map=provision_map,
        name=f"{CANARY} nurture room",
        need_area=need_area,
        tier="getting_more_help",
        groups=1,
        pupils_per_group=6,
        sessions_per_week=Decimal("5"),
        session_minutes=60,
        weeks=38,
        own_hourly_rate=Decimal("21.37"),
        resource_cost=Decimal(cost),
    )


def page(client, query: str = THIS_YEAR) -> str:
    response = client.get(PICTURE + query)
    assert response.status_code == 200
    return response.content.decode()


def csv_rows(client, query: str = THIS_YEAR) -> tuple[list[list[str]], str]:
    response = client.get(PICTURE + query + "&export=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert f'filename="provision-picture-{SchoolYear(YEAR)}.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))), text


def line(rows: list[list[str]], section: str, item: str) -> list[str]:
    (found,) = [row for row in rows if row[0] == section and row[1] == item]
    return found


def test_five_settings_show_the_worked_example_five_times_by_area_key_stage_and_tier(commissioner, reading):
    settings_planning(reading, 5)
    html = page(client_for(commissioner))
    assert "5 settings have planned provision for 2026-27" in html
    # 5 × £855.00 and 5 × 57 hours, in the area of need, key stage and tier tables and their totals.
    assert html.count("£4,275.00") == 3 * 2 * 2  # staff cost and total cost, cell and total, three tables
    assert html.count("285.00") >= 3
    rows, _text = csv_rows(client_for(commissioner))
    assert line(rows, "Settings planning each intervention", "Small-group reading")[2] == "5"
    for section, item in [
        ("Staff hours and cost by broad area of need", "Cognition and Learning"),
        ("Staff hours and cost by key stage", "Key Stage 2"),
        ("Staff hours and cost by tier", "Getting Help"),
        ("Staff hours and cost by tier", "Total"),
    ]:
        assert line(rows, section, item)[2:6] == ["5", "285.00", "£4,275.00", "£4,275.00"], item


def test_four_settings_are_too_few_and_every_figure_is_withheld(commissioner, reading):
    settings_planning(reading, 4)
    html = page(client_for(commissioner))
    assert "Fewer than 5 settings have planned provision for 2026-27" in html
    assert "£3,420.00" not in html and "£855.00" not in html and "228.00" not in html
    assert "Small-group reading" not in html  # not even which interventions those four plan
    rows, text = csv_rows(client_for(commissioner))
    assert "£3,420.00" not in text and "£855.00" not in text
    assert line(rows, "About", "Settings with provision planned")[2:] == ["", "", "", "", "fewer than 5 settings"]
    assert line(rows, "Settings planning each intervention", "Small-group reading")[2] == ""
    assert line(rows, "Staff hours and cost by tier", "Getting Help")[6] == "fewer than 5 settings"
    assert not [row for row in rows if row[0] == "Interventions nobody plans"]


def test_a_fifth_setting_brings_the_figures_out(commissioner, reading):
    settings_planning(reading, 4)
    assert "Fewer than 5 settings have planned provision" in page(client_for(commissioner))
    settings_planning(reading, 1, first=4)
    html = page(client_for(commissioner))
    assert "Fewer than 5 settings" not in html and "fewer than 5 settings" not in html and "£4,275.00" in html


def test_one_settings_own_provision_cannot_be_worked_out_from_the_total(commissioner, reading):
    maps = settings_planning(reading, 6)
    nurture = own_provision_row(maps[0], cost="333.33")
    priced = price_row(nurture, rates_for_year(SchoolYear(YEAR)))
    own_cost = f"£{priced.figures.total_cost:,.2f}"
    html = page(client_for(commissioner))
    assert own_cost not in html
    assert "withheld, so that a smaller figure can" in html  # Cognition and Learning is withheld to protect it
    rows, text = csv_rows(client_for(commissioner))
    assert own_cost not in text
    area = line(rows, "Staff hours and cost by broad area of need", "Cognition and Learning")
    assert area[2:6] == ["", "", "", ""] and area[6].startswith("withheld")
    total = line(rows, "Staff hours and cost by broad area of need", "Total")
    # The total (6 settings) is shown: less the shown cells it only gives the two withheld cells together.
    assert Decimal(total[5].strip("£").replace(",", "")) == Decimal("855.00") * 6 + priced.figures.total_cost


def test_the_figures_are_the_rows_added_up_at_each_rows_rate_and_archived_maps_count(commissioner, reading):
    maps = settings_planning(reading, 5)
    archived = a_map(maps[0].owner, name=f"{CANARY} last term", year=YEAR)
    library_row(archived, reading, groups=2)
    archived.archived = True
    archived.save()
    rates = rates_for_year(SchoolYear(YEAR))
    expected = sum((price_row(row, rates).figures.total_cost for row in ProvisionMapRow.objects.all()), Decimal("0.00"))
    assert expected == Decimal("855.00") * 7  # five rows, and the archived map's two groups
    picture = council_picture(SchoolYear(YEAR))
    (learning,) = [line for line in picture.sections[0].lines if line.label == "Cognition and Learning"]
    assert learning.cell.figures.total_cost == expected and learning.cell.settings == 5
    assert picture.interventions[0].cell.figures == 5  # the setting with two maps counts once
    assert "£5,985.00" in page(client_for(commissioner))


def test_maps_of_other_years_are_left_out(commissioner, reading):
    settings_planning(reading, 5)
    settings_planning(reading, 5, first=10, year=YEAR + 1)
    rows, _text = csv_rows(client_for(commissioner))
    assert line(rows, "Staff hours and cost by tier", "Total")[2:6] == ["5", "285.00", "£4,275.00", "£4,275.00"]


def test_own_provision_has_no_key_stage_and_is_reported_as_not_stated(commissioner, reading):
    maps = settings_planning(reading, 5)
    for provision_map in maps:
        own_provision_row(provision_map)
    rows, _text = csv_rows(client_for(commissioner))
    not_stated = line(rows, "Staff hours and cost by key stage", "Not stated")
    assert not_stated[2] == "5" and not_stated[3] == "950.00"  # 5 settings × 5 hours a week × 38 weeks
    assert "Not stated" in page(client_for(commissioner))


def test_interventions_nobody_plans_are_listed(commissioner, reading):
    settings_planning(reading, 5)
    html = page(client_for(commissioner))
    unused = html[html.index("Interventions nobody plans") :]
    assert "Phonics catch-up group" in unused  # a demo intervention no map uses
    assert "Small-group reading" not in unused
    rows, _text = csv_rows(client_for(commissioner))
    assert line(rows, "Interventions nobody plans", "Phonics catch-up group")[2] == "0"


def test_no_setting_map_or_owner_is_named_on_the_page_or_in_the_csv(commissioner, reading):
    maps = settings_planning(reading, 6)
    own_provision_row(maps[1])
    html = page(client_for(commissioner))
    _rows, text = csv_rows(client_for(commissioner))
    for content in (html, text):
        assert CANARY not in content
        assert "senco0@school0" not in content and "school0.sch.uk" not in content


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(commissioner, reading):
    formula = reading_group(name='=HYPERLINK("https://evil.example","Click")')
    settings_planning(formula, 5)
    rows, _text = csv_rows(client_for(commissioner))
    names = [row[1] for row in rows if row[0] == "Settings planning each intervention"]
    assert '\'=HYPERLINK("https://evil.example","Click")' in names
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@")]


def test_a_year_with_no_maps_says_so(commissioner, reading):
    html = page(client_for(commissioner), f"?year={SchoolYear(YEAR)}")
    assert "No setting has planned provision for 2026-27 yet" in html


def test_a_year_that_is_not_offered_is_explained_not_a_server_error(commissioner, reading):
    settings_planning(reading, 1)
    for year in ("1999-00", "nonsense", ""):
        response = client_for(commissioner).get(PICTURE, {"year": year})
        assert response.status_code == 400
        assert "Choose a school year." in response.content.decode()


def test_toolkit_editors_without_the_permission_are_turned_away_and_see_no_menu_item(reading):
    settings_planning(reading, 5)
    editor = get_user_model().objects.create_user(username="web-editor", email="web@council.example")
    editor.groups.add(Group.objects.get(name=toolkit_settings.EDITOR_GROUP))
    client = client_for(editor)
    for url in (PICTURE + THIS_YEAR, PICTURE + THIS_YEAR + "&export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"4,275" not in response.content
    reports = [item for item in main_menu(client.get("/admin/").text) if item["_args"][0]["label"] == "Reports"]
    if reports:
        assert "Provision picture" not in [label for label, _url in labels_and_urls(submenu(reports, "Reports"))]


def test_visitors_who_are_not_logged_in_go_to_the_admin_login(reading):
    settings_planning(reading, 5)
    response = client_for(None).get(PICTURE + THIS_YEAR)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_practitioners_cannot_open_the_picture(reading):
    maps = settings_planning(reading, 5)
    response = client_for(maps[0].owner).get(PICTURE + THIS_YEAR)
    assert response.status_code in (302, 403)
    assert b"4,275" not in response.content


@pytest.mark.parametrize("who", ["commissioner", "superuser"])
def test_commissioners_and_superusers_find_the_picture_under_reports(who, commissioner, admin_user):
    user = commissioner if who == "commissioner" else admin_user
    reports = submenu(main_menu(client_for(user).get("/admin/").text), "Reports")
    assert ("Provision picture", PICTURE) in labels_and_urls(reports)


def test_the_permission_can_be_given_to_a_group_in_the_admin(admin_client):
    group = Group.objects.create(name="Commissioning team")
    html = admin_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert "Can view the council&#x27;s provision picture" in html or "Can view the council's provision picture" in html


def test_the_query_count_does_not_grow_with_the_maps_a_setting_has(
    commissioner, reading, django_assert_max_num_queries
):
    settings_planning(reading, 5)
    with django_assert_max_num_queries(6):
        council_picture(SchoolYear(YEAR))
    client = client_for(commissioner)
    page(client)  # the first request of a session also writes the session
    with CaptureQueriesContext(connection) as one_map_each:
        page(client)
    for provision_map in list(ProvisionMap.objects.all()):
        for copy in range(3):
            more = a_map(provision_map.owner, name=f"{CANARY} copy {copy}", year=YEAR)
            library_row(more, reading)
    with django_assert_max_num_queries(6):
        council_picture(SchoolYear(YEAR))
    with CaptureQueriesContext(connection) as four_maps_each:
        html = page(client)
    assert "£17,100.00" in html  # 20 rows of £855.00
    assert len(four_maps_each) == len(one_map_each)
