"""The intervention directory: facets and their counts, search, sorting, pages, detail pages and CSV export."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.test import override_settings

from send_toolkit.pages import InterventionDirectoryPage
from send_toolkit.snippets import Audience, CostBand, Intervention, NeedArea


@pytest.fixture
def directory(db) -> InterventionDirectoryPage:
    return InterventionDirectoryPage.objects.get()


def listed_names(html: str) -> list[str]:
    return [
        unescape(name) for name in re.findall(r'class="intervention-result__name"><a href="[^"]+">([^<]+)</a>', html)
    ]


def facet_count(html: str, facet: str, value: str) -> int:
    match = re.search(
        rf'name="{facet}" value="{re.escape(value)}"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">\((\d+)', html
    )
    assert match, f"no option {facet}={value}"
    return int(match.group(1))


def public() -> list[Intervention]:
    return list(Intervention.objects.filter(audience=Audience.PUBLIC))


def test_the_directory_lists_every_public_intervention_with_its_costs(client, directory):
    response = client.get(directory.url)
    assert response.status_code == 200
    assert f"{len(public())} interventions" in response.text
    phonics = client.get(directory.url + "?q=phonics").text
    assert "Phonics catch-up group" in listed_names(phonics)
    assert "£213.75 a year (£)" in phonics


def test_each_facet_option_counts_the_interventions_a_visitor_would_get(client, directory):
    html = client.get(directory.url).text
    for area in NeedArea.objects.all():
        expected = sum(1 for item in public() if area in item.need_areas.all())
        assert facet_count(html, "need_area", area.value) == expected
    for tier in ("getting_advice", "getting_help", "getting_more_help"):
        assert facet_count(html, "tier", tier) == sum(1 for item in public() if item.tier == tier)


def test_choosing_an_option_narrows_the_other_facets_but_not_its_own(client, directory):
    html = client.get(directory.url + "?need_area=semh").text
    semh = [item for item in public() if item.need_areas.filter(value="semh").exists()]
    assert sorted(listed_names(html)) == sorted(item.name for item in semh)
    # Its own facet still shows what the other areas would add...
    all_cognition = sum(1 for item in public() if item.need_areas.filter(value="cognition_learning").exists())
    assert facet_count(html, "need_area", "cognition_learning") == all_cognition
    # ...while the tier counts are now within SEMH only.
    assert facet_count(html, "tier", "getting_help") == sum(1 for item in semh if item.tier == "getting_help")
    assert 'name="need_area" value="semh" checked' in html


def test_two_options_in_one_facet_mean_either(client, directory):
    html = client.get(directory.url + "?key_stage=early_years&key_stage=post16").text
    expected = {item.name for item in public() if item.key_stages.filter(value__in=["early_years", "post16"]).exists()}
    assert set(listed_names(html)) == expected


def test_options_in_different_facets_must_all_match(client, directory):
    html = client.get(directory.url + "?need_area=sensory_physical&tier=getting_more_help&delivery=one_to_one").text
    expected = {
        item.name
        for item in public()
        if item.need_areas.filter(value="sensory_physical").exists()
        and item.tier == "getting_more_help"
        and item.delivery == "one_to_one"
    }
    assert expected and set(listed_names(html)) == expected


@override_settings(SEND_TOOLKIT_DIRECTORY_PAGE_SIZE=100)
def test_cost_band_facet_uses_the_worked_out_cost_per_pupil(client, directory):
    cheapest = CostBand.objects.get(label="£")
    html = client.get(directory.url + f"?cost_band={cheapest.pk}").text
    expected = {item.name for item in public() if item.costing().cost_per_pupil <= Decimal("250.00")}
    assert set(listed_names(html)) == expected
    assert "Precision teaching for key words" in expected  # exactly £250.00: the ceiling is in the band


def test_search_is_combined_with_the_facets(client, directory):
    assert listed_names(client.get(directory.url + "?q=group&tier=getting_help&need_area=semh").text) == [
        "Transition to secondary group",
        "Worry Busters group",
    ]


def test_sorting_by_cost_puts_the_cheapest_first(client, directory):
    html = client.get(directory.url + "?sort=cost").text
    costs = [Decimal(value.replace(",", "")) for value in re.findall(r"<dt>Cost per pupil</dt><dd>£([\d,.]+)", html)]
    assert costs == sorted(costs)


@override_settings(SEND_TOOLKIT_DIRECTORY_PAGE_SIZE=5)
def test_results_come_in_pages_whose_links_keep_the_filters(client, directory):
    html = client.get(directory.url + "?need_area=semh").text
    assert len(listed_names(html)) == 5
    assert "Page 1 of 2" in html
    assert 'href="?need_area=semh&amp;page=2"' in html
    second = client.get(directory.url + "?need_area=semh&page=2").text
    assert set(listed_names(second)).isdisjoint(listed_names(html))


@pytest.mark.parametrize(
    "query", ["?tier=nonsense", "?page=abc", "?page=999", "?sort=drop", "?cost_band=99999", "?q=" + "x" * 500]
)
def test_odd_or_stale_links_still_show_the_directory(client, directory, query):
    response = client.get(directory.url + query)
    assert response.status_code == 200
    assert "Search interventions" in response.text


SEARCH_SYNTAX = [
    '"',
    'phonics"group',
    "(",
    ")",
    "*",
    "phonics*",
    "NEAR(",
    "^",
    ":",
    "'",
    "’",
    "-",
    "--",
    "\\",
    "AND",
    "OR phonics",
    "NOT",
    "a'b\"c",
    "%",
    "_",
]


@pytest.mark.parametrize("text", SEARCH_SYNTAX)
def test_search_syntax_in_the_search_box_is_read_as_plain_words(client, directory, text):
    response = client.get(directory.url, {"q": text})
    assert response.status_code == 200
    assert "Search interventions" in response.text


@pytest.mark.parametrize("text", SEARCH_SYNTAX)
def test_search_syntax_in_an_export_link_still_exports(client, directory, text):
    response = client.get(directory.url + "export/", {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("Name,")


def test_a_stray_quote_in_the_search_is_ignored_not_an_error(client, directory):
    html = client.get(directory.url, {"q": 'phonics"'}).text
    assert "Phonics catch-up group" in listed_names(html)
    assert "matching “phonics”" in html
    exported = client.get(directory.url + "export/", {"q": '"phonics'}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert "Phonics catch-up group" in [row["Name"] for row in rows]


def test_a_search_of_symbols_only_lists_everything(client, directory):
    html = client.get(directory.url, {"q": '"()*'}).text
    assert f"{len(public())} interventions" in html


def test_the_filter_form_works_without_javascript_and_is_labelled(client, directory):
    page = client.get(directory.url).text
    assert '<form class="directory-filters" method="get"' in page
    html = page[page.index('<form class="directory-filters"') :]
    html = html[: html.index("</form>")]
    assert '<label for="directory-q">Search interventions</label>' in html
    form = html.split('<form class="directory-filters"', 1)[1].split("</form>", 1)[0]
    assert form.count("<fieldset") == 7 and form.count("<legend>") == 7
    assert '<button type="submit"' in html
    for checkbox_id in re.findall(r'<input type="checkbox" id="([^"]+)"', html):
        assert f'<label for="{checkbox_id}">' in html


def test_each_intervention_has_its_own_page_with_costs(client, directory):
    html = client.get(directory.url + "phonics-catch-up-group/").text
    assert "<h1>Phonics catch-up group</h1>" in html
    assert "£855.00" in html and "£213.75" in html
    assert "57 hours for each pupil" in html


def test_an_unknown_intervention_is_not_found(client, directory):
    assert client.get(directory.url + "no-such-thing/").status_code == 404


def test_the_export_holds_the_current_filter_as_csv(client, directory):
    response = client.get(directory.url + "export/?need_area=semh&tier=getting_help")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    html = client.get(directory.url + "?need_area=semh&tier=getting_help").text
    assert sorted(row["Name"] for row in rows) == sorted(listed_names(html))
    assert "Audience" not in rows[0]


def test_an_exported_file_imports_again_without_changes(admin_client, directory):
    from send_toolkit.importing import import_interventions

    data = admin_client.get(directory.url + "export/").content
    before = Intervention.objects.count()
    result = import_interventions(data)
    assert result.ok, result.problems[:5]
    assert result.created == [] and len(result.updated) == before
    assert Intervention.objects.count() == before


def test_a_search_matching_many_interventions_gives_the_same_results(client, directory, monkeypatch):
    from send_toolkit import directory as directory_module

    url = directory.url + "?q=group&need_area=semh"
    expected = listed_names(client.get(url).text)
    monkeypatch.setattr(directory_module, "MAX_INLINE_IDS", 1)  # forces the sub-query path
    html = client.get(url).text
    assert expected and listed_names(html) == expected
    assert facet_count(html, "need_area", "semh") == len(expected)
