"""Copying a map to the next school year, and sharing it with colleagues at the same setting (issue 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from send_toolkit.interventions.models import Audience
from send_toolkit.practitioners.models import PractitionerStatus
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapShare
from tests.tools.provision_map.world import (
    RIVERSIDE,
    a_map,
    client_for,
    library_row,
    person,
    rate_card,
    reading_group,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def senco(site):
    return person("senco@hillside.sch.uk", first_name="Sam", last_name="Senco")


def test_copy_to_next_year_is_repriced_at_that_year_s_rates_and_the_old_map_keeps_its_own(senco):
    rate_card(2026, ta_rate="15.00")
    rate_card(2027, ta_rate="16.00", weeks=39)
    provision_map = a_map(senco, budget="30000")
    library_row(provision_map, reading_group(), intended_outcome="Reading age up a year")
    client = client_for(senco)
    confirm = client.get(f"/tools/provision-maps/{provision_map.pk}/copy/")
    assert "Copy the map to 2027-28" in confirm.content.decode()
    assert ProvisionMap.objects.filter(owner=senco).count() == 1  # asking is not copying
    response = client.post(f"/tools/provision-maps/{provision_map.pk}/copy/")
    copy = ProvisionMap.objects.filter(owner=senco).exclude(pk=provision_map.pk).get()
    assert response["Location"] == f"/tools/provision-maps/{copy.pk}/"
    assert str(copy.school_year) == "2027-28" and copy.copied_from == provision_map
    assert copy.notional_sen_budget == Decimal("30000.00")
    row = copy.rows.get()
    assert row.weeks == 39 and row.intended_outcome == "Reading age up a year"
    # 39 weeks × 3 × 30 minutes = 58.5 hours at £16.00 = £936.00; the 2026-27 map still costs £855.00
    assert "£936.00" in client.get(response["Location"]).content.decode()
    assert "£855.00" in client.get(f"/tools/provision-maps/{provision_map.pk}/").content.decode()


def test_copying_lists_rows_whose_intervention_was_withdrawn_or_changed(senco):
    rate_card(2026)
    provision_map = a_map(senco)
    withdrawn = reading_group("Withdrawn intervention")
    changed = reading_group("Changed intervention")
    for intervention in (withdrawn, changed):
        library_row(provision_map, intervention)
    reading_group("Untouched intervention")
    library_row(provision_map, reading_group("Kept intervention"))
    withdrawn.delete()
    changed.session_minutes = 40
    changed.save()
    client = client_for(senco)
    page = client.get(f"/tools/provision-maps/{provision_map.pk}/copy/").content.decode()
    assert "is no longer in the library" in page and "Withdrawn intervention" in page
    assert "Changed intervention" in page and "Minutes a session" in page
    assert "Kept intervention" not in page
    client.post(f"/tools/provision-maps/{provision_map.pk}/copy/")
    copy = ProvisionMap.objects.filter(owner=senco).exclude(pk=provision_map.pk).get()
    by_name = {row.name: row for row in copy.rows.all()}
    assert by_name["Withdrawn intervention"].intervention is None
    assert not by_name["Withdrawn intervention"].from_library  # now the setting's own provision
    assert by_name["Changed intervention"].session_minutes == 30  # the setting's figure is kept
    assert by_name["Changed intervention"].library_defaults["session_minutes"] == "40"


def test_a_practitioner_only_intervention_is_still_offered_to_a_practitioner(senco):
    rate_card(2026)
    provision_map = a_map(senco)
    library_row(provision_map, reading_group("Restricted one", audience=Audience.PRACTITIONERS))
    page = client_for(senco).get(f"/tools/provision-maps/{provision_map.pk}/copy/").content.decode()
    assert "Nothing in the library has changed" in page


def test_sharing_with_a_colleague_at_the_same_setting_for_reading_then_editing_then_not_at_all(senco):
    provision_map = a_map(senco)
    colleague = person("ta@hillside.sch.uk", organisation="hillside primary school", first_name="Terry")
    client = client_for(senco)
    response = client.post(
        f"/tools/provision-maps/{provision_map.pk}/sharing/",
        {"action": "share", "email": "TA@hillside.sch.uk", "can_edit": "0"},
    )
    assert response.status_code == 302
    share = ProvisionMapShare.objects.get(provision_map=provision_map)
    assert share.colleague == colleague and not share.can_edit
    assert provision_map.name in client_for(colleague).get("/tools/provision-maps/").content.decode()
    client.post(
        f"/tools/provision-maps/{provision_map.pk}/sharing/", {"action": "change", "share": share.pk, "can_edit": "1"}
    )
    share.refresh_from_db()
    assert share.can_edit
    client.post(f"/tools/provision-maps/{provision_map.pk}/sharing/", {"action": "remove", "share": share.pk})
    assert not ProvisionMapShare.objects.filter(provision_map=provision_map).exists()
    assert client_for(colleague).get(f"/tools/provision-maps/{provision_map.pk}/").status_code == 404


@pytest.mark.parametrize(
    "who",
    [
        ("someone@riverside.sch.uk", RIVERSIDE, PractitionerStatus.APPROVED),
        ("pending@hillside.sch.uk", "Hillside Primary School", PractitionerStatus.PENDING),
        (None, None, None),
    ],
)
def test_a_map_cannot_be_shared_outside_the_setting_or_with_unapproved_accounts(senco, who):
    email, organisation, status = who
    if email:
        person(email, organisation=organisation, status=status)
    provision_map = a_map(senco)
    response = client_for(senco).post(
        f"/tools/provision-maps/{provision_map.pk}/sharing/",
        {"action": "share", "email": email or "nobody@hillside.sch.uk", "can_edit": "1"},
    )
    assert response.status_code == 400
    assert "No approved practitioner at Hillside Primary School has that email address" in response.content.decode()
    assert not ProvisionMapShare.objects.filter(provision_map=provision_map).exists()


def test_a_bad_email_is_explained(senco):
    provision_map = a_map(senco)
    response = client_for(senco).post(
        f"/tools/provision-maps/{provision_map.pk}/sharing/", {"action": "share", "email": "not an email"}
    )
    assert response.status_code == 400 and "Enter an email address" in response.content.decode()


def test_the_owner_cannot_share_with_themselves(senco):
    provision_map = a_map(senco)
    response = client_for(senco).post(
        f"/tools/provision-maps/{provision_map.pk}/sharing/", {"action": "share", "email": senco.email}
    )
    assert response.status_code == 400 and not ProvisionMapShare.objects.filter(provision_map=provision_map).exists()
