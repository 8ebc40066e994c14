"""The intervention directory: facets and their counts, search, sorting, pages, detail pages and CSV export."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.costs import cost_of, rates_for_site
from send_toolkit.interventions.models import (
    Audience,
    CostBand,
    Delivery,
    EvidenceStrength,
    Intervention,
    KeyStage,
    NeedArea,
    SubNeed,
)
from send_toolkit.pages.models import InterventionDirectoryPage


@pytest.fixture
def directory(db) -> InterventionDirectoryPage:
    return InterventionDirectoryPage.objects.get()


def listed_names(html: str) -> list[str]:
    return [
        unescape(name) for name in re.findall(r'class="intervention-result__name"><a href="[^"]+">([^<]+)</a>', html)
    ]


def offers(html: str, facet: str, value: str) -> bool:
    """Whether the directory offers ``value`` in ``facet`` at all (its name, its checkbox)."""
    return f'name="{facet}" value="{value}"' in html


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


def in_band(item: Intervention, band: CostBand) -> bool:
    """Whether ``item``'s cost per pupil is in ``band``: above the next cheaper band's ceiling, up to its own."""
    cost = cost_of(item, rates_for_site()).cost_per_pupil
    ceilings = [other.max_per_pupil for other in CostBand.objects.all() if other.max_per_pupil is not None]
    below = [ceiling for ceiling in ceilings if band.max_per_pupil is None or ceiling < band.max_per_pupil]
    lower = max(below, default=None)
    return (lower is None or cost > lower) and (band.max_per_pupil is None or cost <= band.max_per_pupil)


def test_every_facet_counts_the_public_interventions_in_each_option(client, directory):
    html = client.get(directory.url).text
    items = public()
    expected = {
        "sub_need": {str(need.pk): [need in item.sub_needs.all() for item in items] for need in SubNeed.objects.all()},
        "key_stage": {
            stage.value: [stage in item.key_stages.all() for item in items] for stage in KeyStage.objects.all()
        },
        "delivery": {value: [item.delivery == value for item in items] for value in Delivery.values},
        "cost_band": {str(band.pk): [in_band(item, band) for item in items] for band in CostBand.objects.all()},
        "evidence": {value: [item.evidence_strength == value for item in items] for value in EvidenceStrength.values},
    }
    for facet, options in expected.items():
        assert options, facet
        # The demo content puts something in at least one option of every facet.
        assert any(sum(matches) for matches in options.values()), facet
        for value, matches in options.items():
            if any(matches):
                assert facet_count(html, facet, value) == sum(matches), (facet, value)
            else:  # carried by no intervention the visitor may see: not offered at all
                assert not offers(html, facet, value), (facet, value)
    # Cost bands split the list: each public intervention is in exactly one.
    offered_bands = [band for band in CostBand.objects.all() if offers(html, "cost_band", str(band.pk))]
    assert sum(facet_count(html, "cost_band", str(band.pk)) for band in offered_bands) == len(items)


def test_a_sub_need_whose_only_intervention_is_practitioner_only_is_not_even_named_to_the_public(
    client, directory, django_user_model
):
    sub_need = SubNeed.objects.create(name="Facet test sub-need", need_area="semh")
    private = Intervention(
        name="Facet test practitioner-only",
        summary="Only practitioners may see this.",
        tier="getting_help",
        audience=Audience.PRACTITIONERS,
    )
    private.need_areas.set(NeedArea.objects.filter(value="semh"))
    private.key_stages.set(KeyStage.objects.filter(value="ks2"))
    private.sub_needs.set([sub_need])
    private.save()

    anonymous = client.get(directory.url).text
    assert not offers(anonymous, "sub_need", str(sub_need.pk))
    assert "Facet test sub-need" not in anonymous
    same_evidence = sum(1 for item in public() if item.evidence_strength == private.evidence_strength)
    if same_evidence:
        assert facet_count(anonymous, "evidence", private.evidence_strength) == same_evidence
    else:
        assert not offers(anonymous, "evidence", private.evidence_strength)
    # Asked for by its id, it is ignored as an unknown value would be: nothing named, nothing narrowed.
    chosen = client.get(directory.url, {"sub_need": sub_need.pk}).text
    assert "Facet test practitioner-only" not in chosen and "Facet test sub-need" not in chosen
    assert sorted(listed_names(chosen)) == sorted(listed_names(anonymous))

    user = django_user_model.objects.create_user(username="facet-counter")
    user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    practitioner = client.get(directory.url).text
    assert facet_count(practitioner, "sub_need", str(sub_need.pk)) == 1
    every_with_that_evidence = Intervention.objects.filter(evidence_strength=private.evidence_strength).count()
    assert facet_count(practitioner, "evidence", private.evidence_strength) == every_with_that_evidence
    assert "Facet test practitioner-only" in listed_names(client.get(directory.url, {"sub_need": sub_need.pk}).text)


def test_no_facet_offers_a_value_only_practitioner_only_interventions_carry(client, directory):
    """Every facet: a need area, key stage, tier, delivery, evidence strength and cost band that only a
    practitioner-only intervention has is not offered to the public; what they do see keeps its count."""
    public_ids = [item.pk for item in public()]
    Intervention.objects.filter(pk__in=public_ids, tier="getting_more_help").update(tier="getting_help")
    Intervention.objects.filter(pk__in=public_ids, delivery="whole_class").update(delivery="small_group")
    Intervention.objects.filter(pk__in=public_ids, evidence_strength="strong").update(evidence_strength="moderate")
    Intervention.need_areas.through.objects.filter(
        intervention_id__in=public_ids, needarea__value="sensory_physical"
    ).delete()
    Intervention.key_stages.through.objects.filter(intervention_id__in=public_ids, keystage__value="post16").delete()
    # A band only a penny wide, just above the dearest ceiling: only the private intervention costs that much.
    dearest = max(band.max_per_pupil for band in CostBand.objects.all() if band.max_per_pupil is not None)
    narrow = CostBand.objects.create(label="Facet test band", max_per_pupil=dearest + Decimal("0.01"))
    private = Intervention(
        name="Facet test dearest",
        summary="Only practitioners may see this.",
        tier="getting_more_help",
        delivery="whole_class",
        evidence_strength="strong",
        group_size=1,
        resource_cost=dearest + Decimal("0.01"),
        audience=Audience.PRACTITIONERS,
    )
    private.save()
    private.need_areas.set(NeedArea.objects.filter(value="sensory_physical"))
    private.key_stages.set(KeyStage.objects.filter(value="post16"))
    assert in_band(private, narrow) and not any(in_band(item, narrow) for item in public())
    only_private = {
        "tier": "getting_more_help",
        "delivery": "whole_class",
        "evidence": "strong",
        "need_area": "sensory_physical",
        "key_stage": "post16",
        "cost_band": str(narrow.pk),
    }

    html = client.get(directory.url).text
    for facet, value in only_private.items():
        assert not offers(html, facet, value), (facet, value)
    assert "Facet test band" not in html
    # What the public does see still counts as before.
    assert facet_count(html, "tier", "getting_help") == sum(1 for item in public() if item.tier == "getting_help")
    # Searched and filtered, an option is still offered when a visible intervention carries it.
    narrowed = client.get(directory.url, {"q": "phonics", "tier": "getting_help"}).text
    assert offers(narrowed, "tier", "getting_advice") and not offers(narrowed, "tier", "getting_more_help")
    # A practitioner is offered all of them.
    practitioner = get_user_model().objects.create_user(username="facet-practitioner")
    practitioner.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(practitioner)
    html = client.get(directory.url).text
    for facet, value in only_private.items():
        assert facet_count(html, facet, value) >= 1, (facet, value)


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
    expected = {item.name for item in public() if cost_of(item, rates_for_site()).cost_per_pupil <= Decimal("250.00")}
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
    assert len(costs) == len(listed_names(html)) > 1, "the costs were not found on the page"
    assert costs == sorted(costs) and costs[0] < costs[-1]
    descending = client.get(directory.url + "?sort=-cost").text
    assert listed_names(descending)[0] != listed_names(html)[0]


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
    from send_toolkit.interventions.csv_import import import_interventions

    data = admin_client.get(directory.url + "export/").content
    before = Intervention.objects.count()
    result = import_interventions(data)
    assert result.ok, result.problems[:5]
    assert result.created == [] and len(result.updated) == before
    assert Intervention.objects.count() == before


def test_a_search_matching_many_interventions_gives_the_same_results(client, directory, monkeypatch):
    from send_toolkit.interventions import directory as directory_module

    url = directory.url + "?q=group&need_area=semh"
    expected = listed_names(client.get(url).text)
    monkeypatch.setattr(directory_module, "MAX_INLINE_IDS", 1)  # forces the sub-query path
    html = client.get(url).text
    assert expected and listed_names(html) == expected
    assert facet_count(html, "need_area", "semh") == len(expected)


def test_the_demo_content_has_thirty_interventions_covering_every_area_stage_and_tier(db):
    from send_toolkit.domain import vocabulary

    interventions = list(Intervention.objects.prefetch_related("need_areas", "key_stages"))
    assert len(interventions) >= 30
    areas = {area.value for item in interventions for area in item.need_areas.all()}
    stages = {stage.value for item in interventions for stage in item.key_stages.all()}
    tiers = {item.tier for item in interventions}
    assert areas == {term.value for term in vocabulary.NEED_AREAS}
    assert stages == {term.value for term in vocabulary.KEY_STAGES}
    assert tiers == {term.value for term in vocabulary.TIERS}


def test_an_intervention_named_export_gets_an_address_that_can_be_reached(client, directory):
    item = Intervention(name="Export", summary="Named like the CSV download.", tier="getting_help")
    item.need_areas.set(NeedArea.objects.filter(value="semh"))
    item.key_stages.set(KeyStage.objects.filter(value="ks2"))
    item.save()
    assert item.slug == "export-intervention"
    assert "<h1>Export</h1>" in client.get(directory.url + "export-intervention/").text
    assert client.get(directory.url + "export/")["Content-Type"].startswith("text/csv")


def test_the_export_address_cannot_be_given_to_an_intervention(db):
    from django.core.exceptions import ValidationError

    item = Intervention.objects.first()
    item.slug = "export"
    with pytest.raises(ValidationError) as raised:
        item.full_clean()
    assert "CSV download" in raised.value.message_dict["slug"][0]


def test_the_import_refuses_the_export_address_and_steps_round_it(admin_user):
    from send_toolkit.interventions.csv_import import import_interventions

    header = ["Name", "Slug", "Summary", "Broad areas of need", "Key stages", "THRIVE tier"]
    base = ["Summary.", "Cognition and Learning", "Key Stage 1", "Getting Help"]

    def file(*rows):
        buffer = io.StringIO()
        csv.writer(buffer).writerows([header, *rows])
        return buffer.getvalue().encode()

    refused = import_interventions(file(["Slug test", "export", *base]))
    assert [(problem.row, problem.column) for problem in refused.problems] == [(2, "Slug")]
    assert not Intervention.objects.filter(name="Slug test").exists()
    made = import_interventions(file(["EXPORT", "", *base]))
    assert made.ok, made.problems
    assert Intervention.objects.get(name="EXPORT").slug == "export-intervention"
