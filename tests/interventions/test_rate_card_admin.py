"""Council editors keep a staff rate card per school year in the admin (SEND toolkit › Staff rate cards)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.provision_map import SchoolYear
from send_toolkit.interventions.models import StaffRole
from send_toolkit.interventions.rate_cards import RateCard, RateCardRate
from send_toolkit.tools.provision_map.pricing import price_map
from tests.tools.provision_map.world import a_map, client_for, library_row, person, rate_card, reading_group

pytestmark = pytest.mark.django_db

CARDS = "/admin/snippets/send_toolkit/ratecard/"


@pytest.fixture(autouse=True)
def no_cards_yet(db):
    """Each test starts before the council has published any card (the demo has three)."""
    RateCard.objects.all().delete()


@pytest.fixture
def council_editor():
    """A member of the toolkit's editors group, as ``send_toolkit_setup`` makes it."""
    user = get_user_model().objects.create_user(username="rates-editor", email="rates@council.example")
    user.groups.add(Group.objects.get(name=toolkit_settings.EDITOR_GROUP))
    return user


@pytest.fixture
def editor_client(council_editor):
    return client_for(council_editor)


def role(name: str) -> StaffRole:
    return StaffRole.objects.get(name=name)


def card_form(year: str, rates: list[tuple[StaffRole, str]], weeks: str = "38", initial: int = 0, **extra) -> dict:
    return nested_form_data(
        {
            "school_year_start": year,
            "school_weeks": weeks,
            "notes": extra.pop("notes", ""),
            "rates": inline_formset(
                [{"staff_role": staff_role.pk, "hourly_rate": rate, "id": ""} for staff_role, rate in rates],
                initial=initial,
            ),
            **extra,
        }
    )


def rate_inputs(html: str) -> list[str]:
    return re.findall(r'name="rates-\d+-hourly_rate" value="([^"]*)"', html)


def test_the_editors_group_may_add_change_and_delete_rate_cards():
    codenames = set(
        Permission.objects.filter(
            group__name=toolkit_settings.EDITOR_GROUP, codename__endswith="_ratecard"
        ).values_list("codename", flat=True)
    )
    assert {"add_ratecard", "change_ratecard", "delete_ratecard"} <= codenames


def test_the_list_shows_each_card_by_its_school_year(editor_client):
    rate_card(2025)
    rate_card(2026, ta_rate="15.60")
    html = editor_client.get(CARDS).text
    assert "2025-26" in html and "2026-27" in html
    assert html.index("2026-27") < html.index("2025-26")  # newest first
    assert "Copy to next year" in html


def test_a_new_card_starts_from_the_newest_cards_rates_for_the_year_after_it(editor_client):
    rate_card(2025, ta_rate="14.50")
    card = rate_card(2026, ta_rate="15.00", weeks=39)
    RateCardRate.objects.create(card=card, staff_role=role("Teacher"), hourly_rate=Decimal("40.00"), sort_order=1)
    html = editor_client.get(f"{CARDS}add/").text
    assert 'name="school_year_start" value="2027-28"' in html
    assert 'name="school_weeks" value="39"' in html
    assert rate_inputs(html) == ["15.00", "40.00"]
    assert "copied from 2026-27" in html and "Start from the staff roles" in html


def test_before_there_is_any_card_a_new_one_starts_from_each_roles_current_rate(editor_client):
    html = editor_client.get(f"{CARDS}add/").text
    assert sorted(Decimal(rate) for rate in rate_inputs(html)) == sorted(
        StaffRole.objects.values_list("hourly_rate", flat=True)
    )
    assert "current hourly rate" in html


def test_a_new_card_may_start_from_current_rates_or_from_nothing_instead(editor_client):
    rate_card(2026, ta_rate="16.00")
    current = editor_client.get(f"{CARDS}add/?start=current").text
    assert len(rate_inputs(current)) == StaffRole.objects.count() and "15.00" in rate_inputs(current)
    assert rate_inputs(editor_client.get(f"{CARDS}add/?start=empty").text) == []


def test_saving_the_prefilled_card_keeps_every_rate_and_changes_none_of_last_years(editor_client):
    last_year = rate_card(2026, ta_rate="15.00")
    teacher = role("Teacher")
    ta = role("Teaching assistant")
    response = editor_client.post(f"{CARDS}add/", card_form("2027-28", [(ta, "15.60"), (teacher, "39.00")], initial=2))
    assert response.status_code == 302
    card = RateCard.objects.get(school_year_start=2027)
    assert dict(card.rates.values_list("staff_role__name", "hourly_rate")) == {
        "Teaching assistant": Decimal("15.60"),
        "Teacher": Decimal("39.00"),
    }
    assert list(last_year.rates.values_list("hourly_rate", flat=True)) == [Decimal("15.00")]


def test_copy_to_next_year_prefills_the_following_year_with_the_cards_rates(editor_client):
    card = rate_card(2025, ta_rate="14.50", weeks=37)
    rate_card(2026)  # a newer card: copying the older one still starts from the older one's rates
    html = editor_client.get(f"{CARDS}copy/{card.pk}/").text
    assert 'name="school_year_start" value="2026-27"' in html  # already taken: saving says so
    assert rate_inputs(html) == ["14.50"] and 'name="school_weeks" value="37"' in html
    assert f'action="{CARDS}add/"' in html


def test_the_school_year_must_be_free_and_the_message_says_which_card_to_change(editor_client):
    rate_card(2026)
    response = editor_client.post(f"{CARDS}add/", card_form("2026-27", [(role("Teacher"), "38.50")]))
    assert response.status_code == 200
    assert "There is already a staff rate card for 2026-27" in response.text
    assert RateCard.objects.count() == 1


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1999-2000", "between 2000-01 and 2100-01"),
        ("2101-02", "between 2000-01 and 2100-01"),
        ("2026", "Enter the school year as two years"),
        ("2026-28", "runs from one year into the next"),
        ("", "Enter the school year, for example 2026-27."),
        ("next year", "Enter the school year as two years"),
    ],
)
def test_a_school_year_that_is_not_one_is_explained_and_nothing_is_saved(editor_client, year, message):
    response = editor_client.post(f"{CARDS}add/", card_form(year, [(role("Teacher"), "38.50")]))
    assert response.status_code == 200
    assert message in response.text
    assert not RateCard.objects.exists()


def test_a_role_listed_twice_on_one_card_gets_a_message_naming_it_not_a_server_error(editor_client):
    ta = role("Teaching assistant")
    response = editor_client.post(f"{CARDS}add/", card_form("2026-27", [(ta, "15.00"), (ta, "16.00")]))
    assert response.status_code == 200
    assert "Teaching assistant already has a rate on this card." in response.text
    assert "Give each staff role one rate: Teaching assistant is listed more than once." in response.text
    assert not RateCard.objects.exists()


@pytest.mark.parametrize(("rate", "message"), [("-1", "greater than or equal to 0"), ("501", "less than or equal")])
def test_a_rate_out_of_range_is_explained(editor_client, rate, message):
    response = editor_client.post(f"{CARDS}add/", card_form("2026-27", [(role("Teacher"), rate)]))
    assert response.status_code == 200 and message in response.text
    assert not RateCard.objects.exists()


def test_an_editor_changes_a_rate_and_maps_of_that_year_are_costed_at_it(editor_client):
    card = rate_card(2026, ta_rate="15.00")
    provision_map = a_map(person("senco@hillside.sch.uk"))
    library_row(provision_map, reading_group())
    assert price_map(provision_map).totals.overall.total_cost == Decimal("855.00")
    rate = card.rates.get()
    edit = editor_client.get(f"{CARDS}edit/{card.pk}/").text
    assert 'name="school_year_start" value="2026-27"' in edit
    data = card_form("2026-27", [(role("Teaching assistant"), "16.00")], initial=1)
    data["rates-0-id"] = str(rate.pk)
    response = editor_client.post(f"{CARDS}edit/{card.pk}/", data)
    assert response.status_code == 302
    assert card.rates.get().hourly_rate == Decimal("16.00")
    assert price_map(provision_map).totals.overall.total_cost == Decimal("912.00")  # 855 × 16 / 15


def test_an_editor_may_keep_a_cards_own_year_when_editing_it(editor_client):
    card = rate_card(2026)
    data = card_form("2026-27", [], weeks="39", initial=0)
    assert editor_client.post(f"{CARDS}edit/{card.pk}/", data).status_code == 302
    card.refresh_from_db()
    assert card.school_weeks == 39 and card.school_year == SchoolYear(2026)


def test_someone_in_the_admin_without_the_rate_card_permissions_cannot_see_or_add_cards():
    user = get_user_model().objects.create_user(username="moderator", email="moderator@council.example")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = client_for(user)
    rate_card(2026)
    for url in (CARDS, f"{CARDS}add/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "2026-27" not in response.text
    assert client.post(f"{CARDS}add/", card_form("2027-28", [])).status_code in (302, 403)
    assert RateCard.objects.count() == 1
