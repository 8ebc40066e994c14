"""Building a provision map through its pages: create, add rows, change them, see the figures (issue 10)."""

from __future__ import annotations

import pytest

from send_toolkit.interventions.models import Audience
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from tests.tools.provision_map.world import (
    a_map,
    client_for,
    editor,
    library_row,
    own_row_data,
    person,
    rate_card,
    reading_group,
)

pytestmark = pytest.mark.django_db

MAPS = "/tools/provision-maps/"


@pytest.fixture
def senco(site):
    return person("senco@hillside.sch.uk", first_name="Sam", last_name="Senco")


def test_a_practitioner_creates_a_map_for_their_setting_and_a_school_year(senco):
    client = client_for(senco)
    response = client.post(
        MAPS, {"name": "Whole school provision", "school_year": "2026-27", "notional_sen_budget": "45000"}
    )
    provision_map = ProvisionMap.objects.get(owner=senco)
    assert response.status_code == 302 and response["Location"] == f"{MAPS}{provision_map.pk}/"
    assert provision_map.owner == senco
    assert provision_map.setting_name == "Hillside Primary School"
    assert str(provision_map.school_year) == "2026-27"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    content = page.content.decode()
    assert "Whole school provision" in content and "Hillside Primary School" in content and "£45,000.00" in content


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2026", "Enter the school year as two years"),
        ("2026-28", "runs from one year into the next"),
        ("", "Enter the school year"),
    ],
)
def test_a_bad_school_year_is_explained_and_nothing_is_made(senco, year, message):
    response = client_for(senco).post(MAPS, {"name": "Map", "school_year": year})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="Map"' in response.content.decode()  # what was typed is kept
    assert not ProvisionMap.objects.filter(owner=senco).exists()


def test_adding_the_worked_example_from_the_library_shows_855_a_year_and_213_75_a_pupil(senco):
    rate_card()
    intervention = reading_group()
    provision_map = a_map(senco)
    client = client_for(senco)
    chooser = client.get(f"{MAPS}{provision_map.pk}/rows/add/")
    assert chooser.status_code == 200 and "Small-group reading" in chooser.content.decode()
    form = client.get(f"{MAPS}{provision_map.pk}/rows/add/", {"intervention": intervention.pk})
    content = form.content.decode()
    assert 'name="session_minutes" value="30"' in content and 'name="pupils_per_group" value="4"' in content
    response = client.post(
        f"{MAPS}{provision_map.pk}/rows/add/?intervention={intervention.pk}",
        {
            "need_area": "cognition_learning",
            "staff_role": intervention.staff_role_id,
            "groups": "1",
            "pupils_per_group": "4",
            "sessions_per_week": "3",
            "session_minutes": "30",
            "weeks": "38",
            "adults": "1",
            "resource_cost": "0",
            "training_cost": "0",
            "intended_outcome": "Reading age up by a year",
            "review_date": "2027-03-17",
        },
    )
    assert response.status_code == 302
    row = ProvisionMapRow.objects.get(provision_map__owner=senco)
    assert row.intervention == intervention and row.name == "Small-group reading" and row.tier == "getting_help"
    page = client.get(f"{MAPS}{provision_map.pk}/").content.decode()
    assert "£855.00" in page and "£213.75" in page
    assert "Differs from the library" not in page
    assert "Review by 17 March 2027" in page


def test_a_row_that_differs_from_its_intervention_says_so(senco):
    rate_card()
    provision_map = a_map(senco)
    library_row(provision_map, reading_group(), session_minutes=45)
    page = client_for(senco).get(f"{MAPS}{provision_map.pk}/").content.decode()
    assert "Differs from the library: Minutes a session" in page


def test_the_setting_s_own_provision_and_own_rate_are_costed_and_said_to_be_its_own(senco):
    rate_card()
    provision_map = a_map(senco)
    client = client_for(senco)
    response = client.post(
        f"{MAPS}{provision_map.pk}/rows/add/?kind=own",
        {
            "name": "Lunchtime social club",
            "need_area": "semh",
            "tier": "getting_help",
            "delivery": "small_group",
            "own_hourly_rate": "18.00",
            "groups": "2",
            "pupils_per_group": "6",
            "sessions_per_week": "2",
            "session_minutes": "30",
            "weeks": "38",
            "adults": "1",
            "resource_cost": "60",
            "training_cost": "0",
        },
    )
    assert response.status_code == 302
    page = client.get(f"{MAPS}{provision_map.pk}/").content.decode()
    # 2 groups × 38 weeks × 2 × 30 minutes at £18 = £1,368.00, + £60 resources = £1,428.00; ÷ 12 pupils = £119.00
    assert "£1,368.00" in page and "£1,428.00" in page and "£119.00" in page
    assert "your setting's own rate" in page
    assert "Your own provision" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("pupils_per_group", "0", "A group needs at least 1 pupil"),
        ("session_minutes", "10000", "A session lasts between 1 and 480 minutes"),
        ("groups", "-3", "Enter between 1 and 200 groups."),
        ("sessions_per_week", "lots", "Enter a number"),
        ("own_hourly_rate", "-15", "Enter an hourly rate between"),
    ],
)
def test_impossible_figures_get_a_message_and_the_row_is_not_saved(senco, field, value, message):
    rate_card()
    provision_map = a_map(senco)
    data = own_row_data(**{field: value})
    response = client_for(senco).post(f"{MAPS}{provision_map.pk}/rows/add/?kind=own", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProvisionMapRow.objects.filter(provision_map__owner=senco).exists()


def test_editing_and_removing_a_row(senco):
    rate_card()
    provision_map = a_map(senco)
    row = library_row(provision_map, reading_group())
    client = client_for(senco)
    edit = client.get(f"{MAPS}{provision_map.pk}/rows/{row.pk}/")
    assert "£855.00" in edit.content.decode()
    data = {
        "need_area": "cognition_learning",
        "staff_role": row.staff_role_id,
        "groups": "2",
        "pupils_per_group": "4",
        "sessions_per_week": "3",
        "session_minutes": "30",
        "weeks": "38",
        "adults": "1",
        "resource_cost": "0",
        "training_cost": "0",
    }
    assert client.post(f"{MAPS}{provision_map.pk}/rows/{row.pk}/", data).status_code == 302
    assert "£1,710.00" in client.get(f"{MAPS}{provision_map.pk}/").content.decode()
    assert client.get(f"{MAPS}{provision_map.pk}/rows/{row.pk}/delete/").status_code == 200
    assert ProvisionMapRow.objects.filter(provision_map__owner=senco).exists()  # asking is not removing
    assert client.post(f"{MAPS}{provision_map.pk}/rows/{row.pk}/delete/").status_code == 302
    assert not ProvisionMapRow.objects.filter(provision_map__owner=senco).exists()


def test_only_interventions_the_practitioner_may_see_are_offered_and_others_are_refused(senco):
    rate_card()
    provision_map = a_map(senco)
    reading_group()
    hidden = reading_group("Practitioner-only nurture", audience=Audience.PRACTITIONERS)
    client = client_for(senco)
    assert "Practitioner-only nurture" in client.get(f"{MAPS}{provision_map.pk}/rows/add/").content.decode()
    missing = client.get(f"{MAPS}{provision_map.pk}/rows/add/", {"intervention": "999999"})
    assert missing.status_code == 400 and "Choose an intervention from the list" in missing.content.decode()
    assert client.get(f"{MAPS}{provision_map.pk}/rows/add/", {"intervention": hidden.pk}).status_code == 200


def test_the_map_uses_its_own_year_s_rates_when_the_next_year_s_are_published(senco):
    rate_card(2025, ta_rate="14.00")
    rate_card(2026, ta_rate="15.00")
    old, new = a_map(senco, year=2025), a_map(senco, year=2026)
    intervention = reading_group()
    library_row(old, intervention)
    library_row(new, intervention)
    client = client_for(senco)
    assert "£798.00" in client.get(f"{MAPS}{old.pk}/").content.decode()  # 57 hours at £14
    assert "£855.00" in client.get(f"{MAPS}{new.pk}/").content.decode()


def test_a_year_without_a_rate_card_uses_the_current_rates_and_says_so(senco):
    provision_map = a_map(senco, year=2031)
    library_row(provision_map, reading_group())
    page = client_for(senco).get(f"{MAPS}{provision_map.pk}/").content.decode()
    assert "has not published a rate card for 2031-32" in page and "£855.00" in page


def test_totals_and_the_share_of_the_budget(senco):
    rate_card()
    provision_map = a_map(senco, budget="1000")
    intervention = reading_group()
    library_row(provision_map, intervention)
    library_row(provision_map, intervention, groups=2, need_area="semh")
    page = client_for(senco).get(f"{MAPS}{provision_map.pk}/").content.decode()
    assert "£2,565.00" in page  # 855 + 1,710
    assert "256.5% of £1,000.00" in page
    assert "Over the notional SEN budget by" in page and "£1,565.00" in page


def test_rename_archive_and_delete_with_confirmation(senco):
    provision_map = a_map(senco)
    client = client_for(senco)
    response = client.post(f"{MAPS}{provision_map.pk}/settings/", {"name": "Renamed map", "notional_sen_budget": ""})
    assert response.status_code == 302
    provision_map.refresh_from_db()
    assert provision_map.name == "Renamed map" and provision_map.school_year_start == 2026
    client.post(f"{MAPS}{provision_map.pk}/archive/", {"archived": "1"})
    provision_map.refresh_from_db()
    assert provision_map.archived
    listing = client.get(MAPS).content.decode()
    assert "Archived maps" in listing and "Renamed map" in listing
    assert client.get(f"{MAPS}{provision_map.pk}/archive/").status_code == 405
    assert client.get(f"{MAPS}{provision_map.pk}/delete/").status_code == 200
    assert ProvisionMap.objects.filter(owner=senco).exists()
    assert client.post(f"{MAPS}{provision_map.pk}/delete/").status_code == 302
    assert not ProvisionMap.objects.filter(owner=senco).exists()


def test_a_budget_that_is_not_a_sum_of_money_is_explained(senco):
    provision_map = a_map(senco)
    response = client_for(senco).post(
        f"{MAPS}{provision_map.pk}/settings/", {"name": "Map", "notional_sen_budget": "-5"}
    )
    assert response.status_code == 400 and "The budget cannot be less than £0." in response.content.decode()
    provision_map.refresh_from_db()
    assert provision_map.notional_sen_budget is None and provision_map.name == "Whole school provision"


def test_forms_need_their_csrf_token(senco):
    client = client_for(senco)
    client.handler.enforce_csrf_checks = True
    response = client.post(MAPS, {"name": "Map", "school_year": "2026-27"})
    assert response.status_code == 403
    assert not ProvisionMap.objects.filter(owner=senco).exists()


def test_the_account_page_leads_approved_practitioners_to_the_tool_and_nobody_else(senco):
    assert 'href="/tools/provision-maps/"' in client_for(senco).get("/accounts/").content.decode()
    pending = person("waiting@hillside.sch.uk", status="pending")
    assert 'href="/tools/provision-maps/"' not in client_for(pending).get("/accounts/").content.decode()
    assert 'href="/tools/provision-maps/"' not in client_for(editor()).get("/accounts/").content.decode()


ODD_VALUES = ["1e50", "NaN", "-0", "٣", "99999999999999999999", "1,000", "<b>"]
FIGURE_FIELDS = [
    "groups",
    "pupils_per_group",
    "sessions_per_week",
    "session_minutes",
    "weeks",
    "adults",
    "own_hourly_rate",
    "resource_cost",
    "training_cost",
    "review_date",
    "staff_role",
    "need_area",
    "tier",
]


@pytest.mark.parametrize("field", FIGURE_FIELDS)
def test_odd_input_in_any_field_gets_an_answer_never_a_server_error(senco, field):
    provision_map = a_map(senco)
    for value in ODD_VALUES:
        data = own_row_data(**{field: value})
        response = client_for(senco).post(f"{MAPS}{provision_map.pk}/rows/add/?kind=own", data)
        assert response.status_code in (302, 400), (field, value, response.status_code)
        if response.status_code == 400:
            assert "There is a problem" in response.content.decode()
