"""A practitioner account's status governs every restriction, not only the practitioners group.

An account that registered as a practitioner and is not approved (unverified, pending, rejected, or
suspended and then made active again by hand) passes no restriction of any kind, even when an editor
has put it in the very group a page, a collection or a resource is restricted to: the page, the document
and the gated resource are refused, and neither search, menus, the API nor the directory list them. An approved
account in that group sees them all; staff without a practitioner profile keep what their groups give.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention, NeedArea
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage
from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from send_toolkit.practitioners.resources import PractitionerResource

GROUP_PAGE = "Heronwick"  # the title of a page restricted to the group
GROUP_DOCUMENT = "Quarrymint"  # the content of a document in a collection restricted to the group
GROUP_RESOURCE = "Sedgefallow"  # the body of a resource restricted to the group
LOGIN_PAGE = "Bracketfern"  # the title of a page restricted to logged-in users
PRACTITIONER_INTERVENTION = "Mistlethorn"  # a practitioner-only intervention

UNAPPROVED = [
    PractitionerStatus.UNVERIFIED,
    PractitionerStatus.PENDING,
    PractitionerStatus.REJECTED,
    PractitionerStatus.SUSPENDED,  # and then made active again by hand, without being reinstated
]


@pytest.fixture
def restricted(toolkit) -> dict[str, str]:
    """A page, a collection's document and a resource restricted to one group; a page restricted to
    logged-in users; a practitioner-only intervention. Returns the URLs to probe."""
    group = Group.objects.create(name="Speech and language leads (test)")
    group_page = GuidancePage(title=f"{GROUP_PAGE} leads", slug="group-only", body=[("rich_text", "<p>Notes.</p>")])
    toolkit.add_child(instance=group_page)
    group_page.save_revision().publish()
    PageViewRestriction.objects.create(page=group_page, restriction_type=PageViewRestriction.GROUPS).groups.set([group])
    login_page = GuidancePage(title=f"{LOGIN_PAGE} notes", slug="login-only")
    toolkit.add_child(instance=login_page)
    login_page.save_revision().publish()
    PageViewRestriction.objects.create(page=login_page, restriction_type=PageViewRestriction.LOGIN)

    collection = Collection.get_first_root_node().add_child(name="Group documents (test)")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).groups.set([group])
    document = get_document_model()(title="Group template", collection=collection)
    document.file.save("group-template.txt", ContentFile(f"{GROUP_DOCUMENT} rows".encode()), save=False)
    document.save()

    resource = PractitionerResource.objects.create(
        title="Group resource",
        teaser="Everyone reads this teaser.",
        body=[("rich_text", f"<p>{GROUP_RESOURCE} method.</p>")],
        audience="groups",
    )
    resource.groups.set([group])
    resource_page = GuidancePage(title="Public page with a group resource", slug="group-resource-page")
    resource_page.body = [("gated_resource", {"resource": resource})]
    toolkit.add_child(instance=resource_page)
    resource_page.save_revision().publish()

    intervention = Intervention(
        name=f"{PRACTITIONER_INTERVENTION} programme",
        summary="Practitioners only.",
        tier="getting_help",
        audience=Audience.PRACTITIONERS,
        resource_cost=Decimal("5.00"),
    )
    intervention.save()
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    directory = InterventionDirectoryPage.objects.get()
    return {
        "group page": group_page.url,
        "login page": login_page.url,
        "document": document.url,
        "resource page": resource_page.url,
        "search": f"{toolkit.url}search/?q={GROUP_PAGE}",  # the results show the title: "... leads"
        "login search": f"{toolkit.url}search/?q={LOGIN_PAGE}",  # "... notes"
        "menu": toolkit.url,
        "api": "/api/v2/pages/?type=send_toolkit.GuidancePage&slug=group-only&fields=title",
        "directory": directory.url,
        "intervention": directory.url + intervention.slug + "/",
    }


def account(client, status: str | None, *group_names: str):
    """A signed-in account with a practitioner profile of ``status`` (None: no profile), in the named groups."""
    username = f"{status or 'staff'}@school.example"
    user = get_user_model().objects.create_user(username=username, email=username, password="not-used-here")
    if status is not None:
        PractitionerProfile.objects.create(user=user, organisation="Test School", role="teacher", status=status)
    for name in group_names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    client.force_login(user)
    return user


GROUP = "Speech and language leads (test)"


@pytest.mark.parametrize("status", UNAPPROVED)
def test_an_unapproved_account_in_the_restricting_group_is_refused_the_page_document_and_resource(
    client, restricted, status
):
    account(client, status, GROUP)
    for name in ("group page", "document"):
        response = client.get(restricted[name])
        assert response.status_code == 403, name
        assert GROUP_PAGE not in response.text and GROUP_DOCUMENT not in response.text, name
    resource_page = client.get(restricted["resource page"])
    assert resource_page.status_code == 200
    assert "Everyone reads this teaser." in resource_page.text and GROUP_RESOURCE not in resource_page.text


@pytest.mark.parametrize("status", UNAPPROVED)
def test_an_unapproved_account_in_the_restricting_group_finds_nothing_restricted_listed(client, restricted, status):
    account(client, status, GROUP)
    for name in ("search", "menu", "api"):
        response = client.get(restricted[name])
        assert response.status_code == 200, name
        assert f"{GROUP_PAGE} leads" not in response.text, name


@pytest.mark.parametrize("status", UNAPPROVED)
def test_an_unapproved_account_even_in_the_practitioners_group_passes_no_login_restriction(client, restricted, status):
    """Put in the practitioners group by hand without being approved: still not a practitioner."""
    account(client, status, toolkit_settings.PRACTITIONER_GROUP)
    response = client.get(restricted["login page"])
    assert response.status_code == 403 and LOGIN_PAGE not in response.text
    assert f"{LOGIN_PAGE} notes" not in client.get(restricted["login search"]).text
    assert f"{PRACTITIONER_INTERVENTION} programme" not in client.get(restricted["directory"]).text
    assert client.get(restricted["intervention"]).status_code == 404
    section = GuidancePage.objects.get(slug="for-practitioners")  # the demo's, restricted to practitioners
    assert client.get(section.url).status_code == 403


@pytest.mark.parametrize("status", UNAPPROVED)
def test_an_unapproved_account_without_groups_is_refused_a_login_restriction(client, restricted, status):
    account(client, status)
    response = client.get(restricted["login page"])
    assert response.status_code == 403 and LOGIN_PAGE not in response.text


def test_anonymous_visitors_are_sent_to_log_in(client, restricted):
    for name in ("group page", "login page", "document"):
        response = client.get(restricted[name])
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), name


def test_an_approved_account_in_the_restricting_group_sees_everything_restricted_to_it(client, restricted):
    account(client, PractitionerStatus.APPROVED, GROUP, toolkit_settings.PRACTITIONER_GROUP)
    page = client.get(restricted["group page"])
    assert page.status_code == 200 and GROUP_PAGE in page.text
    document = client.get(restricted["document"])
    assert document.status_code == 200 and GROUP_DOCUMENT in b"".join(document.streaming_content).decode()
    assert GROUP_RESOURCE in client.get(restricted["resource page"]).text
    assert f"{GROUP_PAGE} leads" in client.get(restricted["search"]).text
    assert f"{GROUP_PAGE} leads" in client.get(restricted["api"]).text
    assert client.get(restricted["login page"]).status_code == 200
    assert f"{PRACTITIONER_INTERVENTION} programme" in client.get(restricted["directory"]).text


def test_staff_without_a_practitioner_profile_keep_what_their_groups_give(client, restricted):
    account(client, None, GROUP)
    assert client.get(restricted["group page"]).status_code == 200
    assert GROUP_RESOURCE in client.get(restricted["resource page"]).text


def test_a_superuser_with_an_unapproved_profile_still_sees_everything(client, restricted):
    user = account(client, PractitionerStatus.PENDING)
    user.is_superuser = True
    user.save()
    assert client.get(restricted["group page"]).status_code == 200
    assert client.get(restricted["document"]).status_code == 200
    assert GROUP_RESOURCE in client.get(restricted["resource page"]).text
    assert f"{PRACTITIONER_INTERVENTION} programme" in client.get(restricted["directory"]).text
