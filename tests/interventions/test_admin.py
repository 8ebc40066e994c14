"""Editors list, filter, search, import and edit interventions (the menu itself: tests/test_admin_menu.py)."""

from __future__ import annotations

import pytest

from send_toolkit.interventions.models import Intervention

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/send_toolkit/intervention/"


def test_the_intervention_list_filters_by_need_area_key_stage_tier_and_audience(admin_client):
    html = admin_client.get(LIST + "?tier=getting_more_help&audience=practitioners").text
    assert "Qualified teacher of the deaf visits" in html
    assert "Phonics catch-up group" not in html
    for name in ("need_areas", "key_stages", "tier", "audience"):
        assert f'name="{name}"' in html


def test_the_intervention_list_can_be_searched_and_offers_an_import(admin_client):
    html = admin_client.get(LIST + "?q=phonics").text
    assert "Phonics catch-up group" in html and "Worry Busters group" not in html
    assert "Import CSV" in admin_client.get(LIST).text


def test_the_edit_screen_shows_the_worked_out_costs(admin_client):
    phonics = Intervention.objects.get(name="Phonics catch-up group")
    html = admin_client.get(f"{LIST}edit/{phonics.pk}/").text
    assert "Costs, worked out from the council" in html
    assert "£855.00" in html and "£213.75" in html and "3.6%" in html


def test_the_edit_screen_offers_need_areas_and_key_stages_as_checkboxes(admin_client):
    phonics = Intervention.objects.get(name="Phonics catch-up group")
    html = admin_client.get(f"{LIST}edit/{phonics.pk}/").text
    assert 'type="checkbox" name="need_areas"' in html
    assert 'type="checkbox" name="key_stages"' in html
