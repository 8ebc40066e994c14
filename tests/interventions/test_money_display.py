"""Money is shown one way everywhere: pounds, thousands separated by commas, and pence ("£1,234.50")."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.template import Context, Template

from send_toolkit.interventions.models import CostBand, Intervention, StaffRole
from send_toolkit.pages.models import InterventionDirectoryPage

THOUSANDS = re.compile(r"£\d{1,3}(?:,\d{3})+\.\d\d")


def render_money(value) -> str:
    return Template("{% load send_toolkit_tags %}{{ value|money }}").render(Context({"value": value}))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1234.5"), "£1,234.50"),
        (Decimal("213.75"), "£213.75"),
        (Decimal("0.00"), "£0.00"),
        (0, "£0.00"),
        (None, ""),
        ("", ""),
        ("not a number", ""),
    ],
)
def test_the_money_filter_shows_pounds_and_pence_and_nothing_for_a_missing_value(value, shown):
    assert render_money(value) == shown


@pytest.fixture
def directory(db) -> InterventionDirectoryPage:
    return InterventionDirectoryPage.objects.get()


def test_an_interventions_page_shows_every_sum_in_pounds_and_pence(client, directory):
    html = client.get(directory.url + "phonics-catch-up-group/").text
    assert '<td class="numeric">£855.00</td>' in html  # staff time and the year's total
    assert '<td class="numeric">£213.75 (£)</td>' in html
    assert '<td class="numeric">£0.00</td>' in html  # no resources
    assert "Share of the £6,000.00 notional SEN budget per pupil" in html
    assert "at £15.00 an hour" in html


def test_costs_of_a_thousand_pounds_or_more_are_shown_with_a_thousands_comma(client, directory):
    html = client.get(directory.url, {"sort": "-cost"}).text
    dearest = re.search(r"<dt>Cost per pupil</dt><dd>(£[\d,.]+) a year", html)
    assert dearest and THOUSANDS.fullmatch(dearest.group(1)), dearest


def test_the_edit_screen_names_the_chosen_staff_role_with_its_hourly_rate_in_pounds_and_pence(admin_client):
    phonics = Intervention.objects.get(name="Phonics catch-up group")
    edit = f"/admin/snippets/send_toolkit/intervention/edit/{phonics.pk}/"
    assert 'id="id_staff_role-title">Teaching assistant (£15.00/hour)</div>' in admin_client.get(edit).text
    phonics.staff_role = StaffRole.objects.create(name="Specialist consultant", hourly_rate=Decimal("1250.5"))
    phonics.save()
    assert 'id="id_staff_role-title">Specialist consultant (£1,250.50/hour)</div>' in admin_client.get(edit).text


def test_a_cost_band_without_a_description_is_offered_with_its_ceiling_in_pounds_and_pence(client, directory):
    CostBand.objects.filter(label="££").update(description="", max_per_pupil=Decimal("1250"))
    assert "££ (up to £1,250.00 a pupil)" in client.get(directory.url).text
