"""Intervention and Costing blocks on tier pages, and the Intervention Overview on key stage pages."""

from __future__ import annotations

import re

import pytest

from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.models import KeyStagePage, NeedAreaPage, TierPage

pytestmark = pytest.mark.django_db


def cognition_ks1_help() -> TierPage:
    area = NeedAreaPage.objects.get(need_area="cognition_learning")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks1")
    return TierPage.objects.child_of(stage).get(tier="getting_help")


def test_a_costing_table_works_out_each_interventions_costs(client):
    tier = cognition_ks1_help()
    phonics = Intervention.objects.get(name="Phonics catch-up group")
    restricted = Intervention.objects.filter(audience=Audience.PRACTITIONERS).first()
    tier.body.append(("costing", {"heading": "Costs compared", "interventions": [phonics, restricted]}))
    tier.save_revision().publish()
    html = client.get(tier.url).text
    table = html[html.index("Costs compared") :]
    assert "£855.00" in table and "£213.75 (£)" in table and "3.6%" in table
    assert restricted.name not in html


def test_an_intervention_block_links_to_its_page_and_shows_the_cost_per_pupil(client):
    html = client.get(cognition_ks1_help().url).text
    assert re.search(r'<a href="/send-toolkit/[^"]+/phonics-catch-up-group/">Phonics catch-up group</a>', html)
    assert "£213.75 a year (£)" in html


def test_the_overview_lists_interventions_for_the_stage_with_costs(client):
    stage = cognition_ks1_help().get_parent()
    html = client.get(stage.url).text
    overview = html[html.index('id="intervention-overview"') :]
    for name in ("Phonics catch-up group", "Precision teaching for key words", "Dyslexia-friendly classroom"):
        assert name in overview
    assert "Maths mastery catch-up" not in overview  # tagged for Key Stages 2 and 3 only
    assert "£855.00" in overview and "£213.75" in overview


def test_the_overview_sorts_on_the_server_so_it_works_without_javascript(client):
    stage = cognition_ks1_help().get_parent()
    html = client.get(stage.url + "?sort=-cost").text
    overview = html[html.index('id="intervention-overview"') :]
    cells = r'<td class="numeric">£[\d,.]+</td>\s*<td class="numeric">£([\d,.]+)</td>'  # a year, then per pupil
    per_pupil = [float(value.replace(",", "")) for value in re.findall(cells, overview)]
    assert per_pupil and per_pupil == sorted(per_pupil, reverse=True)
    assert 'aria-sort="descending"' in overview
    assert '<option value="-cost" selected>' in overview
