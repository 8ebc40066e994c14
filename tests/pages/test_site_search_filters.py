"""Site search filters narrow the interventions listed, not only the pages, to the chosen need area and phase."""

import re
from html import unescape

import pytest

from send_toolkit.interventions.models import Audience, Intervention

pytestmark = pytest.mark.django_db

RESULT_TITLE = re.compile(r'class="result__title"[^>]*>([^<]+)<')


def listed_interventions(html: str) -> list[str]:
    """Names under the "Interventions" heading of the results (pages and glossary terms are listed apart)."""
    if "<h3>Interventions</h3>" not in html:
        return []
    section = html.split("<h3>Interventions</h3>", 1)[1].split("</ul>", 1)[0]
    return [unescape(name).strip() for name in RESULT_TITLE.findall(section)]


def public_interventions(**filters) -> set[str]:
    found = Intervention.objects.filter(audience=Audience.PUBLIC, **filters).distinct()
    return set(found.values_list("name", flat=True))


def test_a_need_area_and_phase_filter_lists_only_those_interventions(client, toolkit):
    html = client.get(f"{toolkit.url}search/", {"need_area": "semh", "key_stage": "ks2"}).content.decode()
    expected = public_interventions(need_areas__value="semh", key_stages__value="ks2")
    assert expected, "the demo has SEMH interventions for Key Stage 2 to find"
    elsewhere = public_interventions() - public_interventions(need_areas__value="semh")
    assert elsewhere, "the demo has interventions outside SEMH that the filter must leave out"
    listed = set(listed_interventions(html))
    assert expected <= listed
    assert not (listed & elsewhere), f"interventions from other areas of need are listed: {listed & elsewhere}"


def test_a_search_word_and_a_need_area_together_narrow_the_interventions(client, toolkit):
    communication = public_interventions(need_areas__value="communication_interaction")
    cognition_only = public_interventions(need_areas__value="cognition_learning") - communication
    html = client.get(
        f"{toolkit.url}search/", {"q": "group", "need_area": "communication_interaction"}
    ).content.decode()
    listed = set(listed_interventions(html))
    assert listed, "a word that several demo interventions use finds some in the chosen area"
    assert listed <= communication, f"listed outside the area: {listed - communication}"
    assert cognition_only and not (listed & cognition_only)
