"""Who may open a provision map, on every screen of the tool (issue 10, DESIGN.md section 4).

Only approved practitioners reach the tool. A map opens only to its owner and the colleagues at the same
setting they share it with: other practitioners get a 404, visitors who are not logged in go to the login
page, and the council's editors (and superusers without a practitioner profile) are refused the tool.
Every answer is ``private, no-store``.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from send_toolkit.practitioners.models import PractitionerStatus
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow, ProvisionMapShare
from send_toolkit.tools.provision_map.urls import urlpatterns
from tests.tools.provision_map.world import (
    HILLSIDE,
    RIVERSIDE,
    a_map,
    client_for,
    editor,
    library_row,
    person,
    rate_card,
    reading_group,
)

pytestmark = pytest.mark.django_db

CANARY = "Canary provision map 7f3a"


@pytest.fixture
def world(site):
    rate_card()
    owner = person("owner@hillside.sch.uk")
    provision_map = a_map(owner, name=CANARY)
    row = library_row(provision_map, reading_group())
    reader = person("reader@hillside.sch.uk")
    writer = person("writer@hillside.sch.uk")
    ProvisionMapShare.objects.create(provision_map=provision_map, colleague=reader, can_edit=False)
    ProvisionMapShare.objects.create(provision_map=provision_map, colleague=writer, can_edit=True)
    moved = person("moved@riverside.sch.uk", organisation=RIVERSIDE)
    ProvisionMapShare.objects.create(provision_map=provision_map, colleague=moved, can_edit=True)
    people = {
        "owner": owner,
        "colleague who may read": reader,
        "colleague who may edit": writer,
        "colleague at the same setting, not shared": person("other@hillside.sch.uk", organisation=HILLSIDE.upper()),
        "practitioner at another setting": person("senco@riverside.sch.uk", organisation=RIVERSIDE),
        "shared colleague who moved setting": moved,
        "pending practitioner": person("pending@hillside.sch.uk", status=PractitionerStatus.PENDING),
        "suspended practitioner": person("suspended@hillside.sch.uk", status=PractitionerStatus.SUSPENDED),
        "council editor": editor(),
        "superuser": get_user_model().objects.create_superuser("root", "root@council.example", "x"),
        "anonymous": None,
    }
    return provision_map, row, people


def screen_urls(provision_map: ProvisionMap, row: ProvisionMapRow) -> dict[str, str]:
    """Every screen of the tool for this map (GET), by URL name."""
    urls = {}
    for pattern in urlpatterns:
        arguments = {}
        if "<int:pk>" in str(pattern.pattern):
            arguments["pk"] = provision_map.pk
        if "<int:row_id>" in str(pattern.pattern):
            arguments["row_id"] = row.pk
        urls[pattern.name] = reverse(f"send_toolkit:{pattern.name}", kwargs=arguments)
    return urls


READ_SCREENS = {"provision_maps", "provision_map"}
EDIT_SCREENS = {"provision_map_add_row", "provision_map_edit_row", "provision_map_delete_row"}
OWNER_SCREENS = {
    "provision_map_settings",
    "provision_map_archive",
    "provision_map_delete",
    "provision_map_copy",
    "provision_map_sharing",
}


def expected_status(who: str, name: str) -> int:
    """What each person gets on each screen (GET). Archive is POST-only: 405 for whoever may use it."""
    if who in ("anonymous", "suspended practitioner"):
        return 302
    if who in ("pending practitioner", "council editor", "superuser"):
        return 403
    if name == "provision_maps":
        return 200
    if name == "provision_map_archive":
        return 405  # POST only, for every practitioner: who may archive is checked on the POST
    levels = {"owner": 3, "colleague who may edit": 2, "colleague who may read": 1}
    level = levels.get(who, 0)
    if level == 0:
        return 404
    needed = 3 if name in OWNER_SCREENS else 2 if name in EDIT_SCREENS else 1
    if level < needed:
        return 403
    return 200


def test_every_screen_is_in_one_of_the_access_levels():
    names = {pattern.name for pattern in urlpatterns}
    assert names - READ_SCREENS - EDIT_SCREENS - OWNER_SCREENS <= {
        "provision_map_csv",
        "provision_map_xlsx",
        "provision_map_print",
        "provision_map_pupil",
    }


def test_each_person_gets_what_their_access_allows_on_every_screen(world):
    provision_map, row, people = world
    failures = []
    for who, user in people.items():
        client = client_for(user)
        for name, url in screen_urls(provision_map, row).items():
            if name in ("provision_map_csv", "provision_map_xlsx", "provision_map_print", "provision_map_pupil"):
                name = "provision_map"  # exports and the pupil view: whoever may read the map
            response = client.get(url)
            expected = expected_status(who, name)
            if response.status_code != expected:
                failures.append(f"{who} on {url}: {response.status_code}, expected {expected}")
                continue
            if expected == 302 and not response["Location"].startswith("/accounts/login/?next="):
                failures.append(f"{who} on {url}: sent to {response['Location']}, not the login page")
            if "no-store" not in response.get("Cache-Control", "") or "private" not in response["Cache-Control"]:
                failures.append(f"{who} on {url}: Cache-Control {response.get('Cache-Control')!r}")
            body = response.content.decode(errors="replace")
            if expected != 200 and CANARY in body:
                failures.append(f"{who} on {url}: the map's name is on a refusal")
    assert failures == []


def test_the_map_list_shows_only_maps_open_to_the_person(world):
    provision_map, _row, people = world
    for who in ("owner", "colleague who may read", "colleague who may edit"):
        assert CANARY in client_for(people[who]).get("/tools/provision-maps/").content.decode(), who
    for who in (
        "colleague at the same setting, not shared",
        "practitioner at another setting",
        "shared colleague who moved setting",
    ):
        assert CANARY not in client_for(people[who]).get("/tools/provision-maps/").content.decode(), who


def test_a_colleague_who_may_read_cannot_change_the_map_by_posting(world):
    provision_map, row, people = world
    client = client_for(people["colleague who may read"])
    data = {
        "need_area": "semh",
        "groups": "9",
        "pupils_per_group": "4",
        "sessions_per_week": "1",
        "session_minutes": "30",
    }
    assert client.post(f"/tools/provision-maps/{provision_map.pk}/rows/{row.pk}/", data).status_code == 403
    assert client.post(f"/tools/provision-maps/{provision_map.pk}/delete/").status_code == 403
    assert client.post(f"/tools/provision-maps/{provision_map.pk}/archive/", {"archived": "1"}).status_code == 403
    row.refresh_from_db()
    provision_map.refresh_from_db()
    assert row.groups == 1 and not provision_map.archived


def test_a_colleague_who_may_edit_changes_rows_but_not_the_map_itself(world):
    provision_map, row, people = world
    client = client_for(people["colleague who may edit"])
    data = {
        "need_area": "cognition_learning",
        "staff_role": row.staff_role_id,
        "groups": "3",
        "pupils_per_group": "4",
        "sessions_per_week": "3",
        "session_minutes": "30",
        "weeks": "38",
        "adults": "1",
        "resource_cost": "0",
        "training_cost": "0",
    }
    assert client.post(f"/tools/provision-maps/{provision_map.pk}/rows/{row.pk}/", data).status_code == 302
    row.refresh_from_db()
    assert row.groups == 3
    assert client.post(f"/tools/provision-maps/{provision_map.pk}/delete/").status_code == 403
    assert ProvisionMap.objects.filter(pk=provision_map.pk).exists()


def test_a_row_of_another_map_cannot_be_reached_through_this_one(world):
    provision_map, _row, people = world
    elsewhere = a_map(people["practitioner at another setting"], name="Riverside map")
    their_row = library_row(elsewhere, reading_group("Another intervention"))
    client = client_for(people["owner"])
    assert client.get(f"/tools/provision-maps/{provision_map.pk}/rows/{their_row.pk}/").status_code == 404
    assert client.post(f"/tools/provision-maps/{provision_map.pk}/rows/{their_row.pk}/delete/").status_code == 404
    assert ProvisionMapRow.objects.filter(pk=their_row.pk).exists()
