"""Practitioner-only interventions never reach anyone else: directory, counts, search, detail, CSV, overview."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, StaffRole
from send_toolkit.pages.models import InterventionDirectoryPage, KeyStagePage, TierPage

CANARY = "Canary restricted programme"
CANARY_TEXT = "zebrafinch"  # a word that appears nowhere else, to find it anywhere it leaks


@pytest.fixture
def canary(db) -> Intervention:
    intervention = Intervention(
        name=CANARY,
        summary=f"Only practitioners may read about the {CANARY_TEXT} method.",
        tier="getting_help",
        delivery="small_group",
        group_size=3,
        staff_role=StaffRole.objects.get(name="Teaching assistant"),
        audience=Audience.PRACTITIONERS,
        resource_cost=Decimal("99.00"),
    )
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks2")])
    intervention.save()
    tier = tier_page("semh", "ks2", "getting_help")
    tier.body.append(("intervention", {"intervention": intervention, "local_note": f"Ask about {CANARY_TEXT}."}))
    tier.save_revision().publish()
    return intervention


def tier_page(area: str, stage: str, tier: str) -> TierPage:
    stage_page = KeyStagePage.objects.get(key_stage=stage, path__startswith=area_path(area))
    return TierPage.objects.child_of(stage_page).get(tier=tier)


def area_path(area: str) -> str:
    from send_toolkit.pages.models import NeedAreaPage

    return NeedAreaPage.objects.get(need_area=area).path


@pytest.fixture
def practitioner_client(client, db):
    user = get_user_model().objects.create_user(username="practitioner-test", password="not-used-here")
    user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    return client


def urls_that_could_show_it(canary: Intervention) -> dict[str, str]:
    directory = InterventionDirectoryPage.objects.get()
    tier = tier_page("semh", "ks2", "getting_help")
    return {
        "directory": directory.url,
        "directory filtered": directory.url + "?need_area=semh&key_stage=ks2&tier=getting_help",
        "directory search": directory.url + f"?q={CANARY_TEXT}",
        "directory search by name": directory.url + "?q=canary",
        "detail": directory.url + canary.slug + "/",
        "export": directory.url + "export/",
        "export search": directory.url + f"export/?q={CANARY_TEXT}",
        "key stage overview": tier.get_parent().url,
        "tier page": tier.url,
    }


def test_anonymous_visitors_never_see_a_practitioner_only_intervention_anywhere(client, canary):
    for channel, url in urls_that_could_show_it(canary).items():
        response = client.get(url)
        # The page's own address is what the visitor typed (the 404 page's log-in link carries it back as
        # next=): take it out, then look for the record's own words, since the search box repeats them too.
        body = response.content.decode().replace(url, "")
        for leaked in (CANARY, f"read about the {CANARY_TEXT}", f"Ask about {CANARY_TEXT}", canary.slug):
            assert leaked not in body, channel
        if channel == "detail":
            assert response.status_code == 404
        else:
            assert response.status_code == 200, channel


def test_anonymous_counts_leave_out_practitioner_only_interventions(client, canary):
    directory = InterventionDirectoryPage.objects.get()
    html = client.get(directory.url + "?need_area=semh&key_stage=ks2&tier=getting_help").text
    visible = (
        Intervention.objects.filter(audience=Audience.PUBLIC, tier="getting_help")
        .filter(need_areas__value="semh")
        .filter(key_stages__value="ks2")
        .count()
    )
    assert f'<h2 id="directory-results-heading">{visible} intervention' in html
    everyone = Intervention.objects.filter(audience=Audience.PUBLIC).count()
    assert f"{everyone} interventions" in client.get(directory.url).text


def test_anonymous_export_has_no_practitioner_rows_or_columns(client, canary):
    directory = InterventionDirectoryPage.objects.get()
    text = client.get(directory.url + "export/").content.decode("utf-8-sig")
    assert CANARY not in text
    assert "Audience" not in text.splitlines()[0]
    assert len(text.splitlines()) == Intervention.objects.filter(audience=Audience.PUBLIC).count() + 1


def test_practitioners_see_it_everywhere_and_their_pages_are_not_cached(practitioner_client, canary):
    for channel, url in urls_that_could_show_it(canary).items():
        response = practitioner_client.get(url)
        assert response.status_code == 200, channel
        if channel not in ("directory", "directory search by name"):  # the full list is paged by name
            assert CANARY_TEXT in response.content.decode() or CANARY in response.content.decode(), channel
    directory = InterventionDirectoryPage.objects.get()
    for url in (directory.url, directory.url + canary.slug + "/", directory.url + "export/"):
        cache_control = practitioner_client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control


def test_practitioner_export_includes_the_audience_column(practitioner_client, canary):
    directory = InterventionDirectoryPage.objects.get()
    text = practitioner_client.get(directory.url + "export/?q=canary").content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert "Audience" in header
    assert CANARY in row and "Logged-in practitioners only" in row


def test_anonymous_directory_responses_are_not_marked_private(client, canary):
    directory = InterventionDirectoryPage.objects.get()
    for url in (directory.url, directory.url + "phonics-catch-up-group/", directory.url + "export/"):
        cache_control = client.get(url).get("Cache-Control", "")
        assert "no-store" not in cache_control and "private" not in cache_control
