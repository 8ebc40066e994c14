"""Each tier is shown with its THRIVE meaning wherever it is named (DESIGN.md section 1), from one vocabulary."""

from __future__ import annotations

import re

import pytest
from django.utils.html import escape

from send_toolkit.domain import vocabulary
from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.models import InterventionDirectoryPage, KeyStagePage, NeedAreaPage, RiskSupportPage

pytestmark = pytest.mark.django_db


def _tier_labels(html: str) -> list[tuple[str, str]]:
    """(name, meaning) of every tier label rendered by the tier_label component."""
    return re.findall(
        r'class="tier-label__name">([^<]+)</strong> <span class="tier-label__meaning">([^<]+)</span>', html
    )


def _meaning_of(name: str) -> str:
    return next(term.description for term in vocabulary.TIERS if term.label == name)


def _assert_every_tier_named_with_its_meaning(section: str, expected_count: int) -> None:
    labels = _tier_labels(section)
    assert len(labels) == expected_count
    for name, meaning in labels:
        assert meaning == _meaning_of(name)


def test_the_directory_gives_each_interventions_tier_with_its_meaning(client):
    html = client.get(InterventionDirectoryPage.objects.get().url).content.decode()
    results = html[html.index('class="intervention-results"') :]
    shown = len(re.findall(r'class="intervention-result"', results))
    assert shown > 0
    _assert_every_tier_named_with_its_meaning(results, shown)


def test_search_results_give_each_interventions_tier_with_its_meaning(client, toolkit):
    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).first()
    html = client.get(f"{toolkit.url}search/", {"q": intervention.name}).content.decode()
    results = html[html.index("<h3>Interventions</h3>") :]
    assert intervention.name in results
    term = intervention.tier_term
    assert (term.label, term.description) in _tier_labels(results)


def test_the_intervention_overview_gives_each_tier_with_its_meaning(client):
    area = NeedAreaPage.objects.get(need_area="cognition_learning")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks1")
    html = client.get(stage.url).content.decode()
    overview = html[html.index('id="intervention-overview"') : html.index("</table>")]
    rows = overview.count('<th scope="row">')
    assert rows > 0
    _assert_every_tier_named_with_its_meaning(overview, rows)


def test_the_toolkit_home_card_and_risk_page_use_the_risk_support_meaning(client, toolkit):
    meaning = escape(vocabulary.RISK_SUPPORT.description)
    home = client.get(toolkit.url).content.decode()
    card = home[home.index('class="card card--risk"') :]
    assert meaning in card[: card.index("</li>")]
    risk = client.get(RiskSupportPage.objects.live().first().url).content.decode()
    assert meaning in risk
