"""Practitioner accounts end to end: register, verify by email, approval, logging in, limits and suspension."""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from send_toolkit.conf import toolkit_settings
from send_toolkit.pages.models import GuidancePage
from send_toolkit.practitioners.models import ApprovedEmailDomain, PractitionerProfile, PractitionerStatus
from tests.practitioners.registration import PASSWORD, register


@pytest.fixture
def practitioner_section(toolkit) -> GuidancePage:
    """The demo's "For practitioners" section, restricted to practitioners and editors."""
    return GuidancePage.objects.get(slug="for-practitioners")


def link_in_last_email() -> str:
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def in_practitioners_group(user) -> bool:
    return user.groups.filter(name=toolkit_settings.PRACTITIONER_GROUP).exists()


def test_an_allowlisted_school_address_is_approved_once_its_email_is_verified(client, db, practitioner_section):
    ApprovedEmailDomain.objects.create(domain="hillside.example")
    response = register(client, "Pat@Hillside.example")
    assert response.status_code == 302 and response["Location"] == "/accounts/register/check-your-email/"
    assert mail.outbox[-1].to == ["pat@hillside.example"]
    user = get_user_model().objects.get(email="pat@hillside.example")
    assert user.practitioner_profile.status == PractitionerStatus.UNVERIFIED
    assert not in_practitioners_group(user)

    # Logged in but unverified: still no way into the section.
    client.post("/accounts/login/", {"username": "pat@hillside.example", "password": PASSWORD})
    assert client.get(practitioner_section.url).status_code == 403

    page = client.get(link_in_last_email().replace("http://testserver", ""))
    assert "Your account is approved" in page.text
    user.refresh_from_db()
    assert user.practitioner_profile.status == PractitionerStatus.APPROVED
    assert in_practitioners_group(user)
    assert "approved" in mail.outbox[-1].subject
    response = client.get(practitioner_section.url)
    assert response.status_code == 200 and "Provision mapping" in response.text


def test_other_addresses_wait_for_an_editor_who_approves_or_rejects_them_by_email(client, db, practitioner_section):
    register(client, "sam@elsewhere.example")
    client.get(link_in_last_email().replace("http://testserver", ""))
    profile = PractitionerProfile.objects.get(user__email="sam@elsewhere.example")
    assert profile.status == PractitionerStatus.PENDING
    assert not in_practitioners_group(profile.user)

    editor = get_user_model().objects.get(username="editor")
    client.force_login(editor)
    listing = client.get("/admin/snippets/send_toolkit/practitionerprofile/?status=pending")
    assert listing.status_code == 200 and "sam@elsewhere.example" in listing.text
    response = client.post(f"/admin/snippets/send_toolkit/practitionerprofile/{profile.pk}/status/approve/")
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == PractitionerStatus.APPROVED and in_practitioners_group(profile.user)
    assert mail.outbox[-1].to == ["sam@elsewhere.example"] and "approved" in mail.outbox[-1].subject
    assert "http://testserver/accounts/login/" in mail.outbox[-1].body

    register(client, "lee@elsewhere.example")
    client.get(link_in_last_email().replace("http://testserver", ""))
    rejected = PractitionerProfile.objects.get(user__email="lee@elsewhere.example")
    client.force_login(editor)
    client.post(f"/admin/snippets/send_toolkit/practitionerprofile/{rejected.pk}/status/reject/")
    rejected.refresh_from_db()
    assert rejected.status == PractitionerStatus.REJECTED and not in_practitioners_group(rejected.user)
    assert mail.outbox[-1].to == ["lee@elsewhere.example"] and "request" in mail.outbox[-1].subject


def test_people_without_permission_cannot_approve_accounts(client, db):
    register(client, "sam@elsewhere.example")
    profile = PractitionerProfile.objects.get(user__email="sam@elsewhere.example")
    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.post(f"/admin/snippets/send_toolkit/practitionerprofile/{profile.pk}/status/approve/")
    assert response.status_code in (302, 403)
    profile.refresh_from_db()
    assert profile.status == PractitionerStatus.UNVERIFIED


def test_an_expired_or_altered_verification_link_is_refused(client, db, settings):
    register(client, "kim@elsewhere.example")
    link = link_in_last_email().replace("http://testserver", "")
    settings.SEND_TOOLKIT_EMAIL_VERIFICATION_MAX_AGE = -1
    response = client.get(link)
    assert response.status_code == 400 and "This link does not work" in response.text
    del settings.SEND_TOOLKIT_EMAIL_VERIFICATION_MAX_AGE
    assert client.get(link[:-3] + "abc/").status_code == 400
    profile = PractitionerProfile.objects.get(user__email="kim@elsewhere.example")
    assert profile.status == PractitionerStatus.UNVERIFIED
    assert client.get(link).status_code == 200  # still valid within its lifetime


def test_registering_an_address_that_already_has_an_account_says_the_same_and_emails_the_owner(client, db):
    response = register(client, "senco@oakfield-primary.example")
    assert response["Location"] == "/accounts/register/check-your-email/"
    assert "already has one" in mail.outbox[-1].body
    assert get_user_model().objects.filter(email="senco@oakfield-primary.example").count() == 1


def test_a_failed_login_never_says_whether_the_account_exists(client, db):
    wrong_password = client.post("/accounts/login/", {"username": "senco", "password": "wrong"}).text
    no_account = client.post("/accounts/login/", {"username": "nobody-here", "password": "wrong"}).text
    message = "Please enter a correct username and password"
    assert message in wrong_password and message in no_account


def test_login_returns_to_the_page_asked_for_but_never_to_another_site(client, db, practitioner_section):
    response = client.get(practitioner_section.url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/accounts/login/?next=")
    response = client.post(
        login_url, {"username": "senco", "password": "northmoor-senco", "next": practitioner_section.url}
    )
    assert response["Location"] == practitioner_section.url
    client.logout()
    response = client.post(
        "/accounts/login/", {"username": "senco", "password": "northmoor-senco", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and not response["Location"].startswith("https://evil.example")


def test_gated_resource_invites_visitors_to_log_in_and_come_back(client, toolkit):
    walkthrough = GuidancePage.objects.get(slug="best-practice-walkthrough")
    html = client.get(walkthrough.url).text
    assert "This is available to logged-in practitioners" in html
    assert f'href="/accounts/login/?next={walkthrough.url.replace("/", "%2F")}"' in html
    assert "Keep children&#x27;s names out" not in html and "Keep children's names out" not in html
    client.force_login(get_user_model().objects.get(username="senco"))
    html = client.get(walkthrough.url).text
    assert "Keep children" in html and "This is available to logged-in practitioners" not in html


def test_too_many_login_attempts_are_paused_even_with_the_right_password(client, db, settings):
    settings.SEND_TOOLKIT_LOGIN_RATE = "3/m"
    for _ in range(3):
        assert client.post("/accounts/login/", {"username": "senco", "password": "wrong"}).status_code == 200
    response = client.post("/accounts/login/", {"username": "senco", "password": "northmoor-senco"})
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_the_admin_login_shares_the_same_limit(client, db, settings):
    settings.SEND_TOOLKIT_LOGIN_RATE = "3/m"
    for _ in range(3):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    client.post("/admin/login/", {"username": "editor", "password": "northmoor-editor"})
    assert "_auth_user_id" not in client.session
    cache.clear()
    client.post("/admin/login/", {"username": "editor", "password": "northmoor-editor"})
    assert "_auth_user_id" in client.session


def test_the_limit_counts_each_username_wherever_the_guesses_come_from(client, db, settings):
    settings.SEND_TOOLKIT_LOGIN_RATE = "3/m"
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        client.post("/accounts/login/", {"username": "senco", "password": "wrong"}, REMOTE_ADDR=address)
    response = client.post(
        "/accounts/login/", {"username": "senco", "password": "northmoor-senco"}, REMOTE_ADDR="10.0.0.4"
    )
    assert response.status_code == 429


def test_too_many_registrations_from_one_place_are_paused(client, db, settings):
    settings.SEND_TOOLKIT_REGISTRATION_RATE = "2/h"
    register(client, "a@elsewhere.example")
    register(client, "b@elsewhere.example")
    response = register(client, "c@elsewhere.example")
    assert response.status_code == 429 and "Too many attempts" in response.text
    assert not get_user_model().objects.filter(email="c@elsewhere.example").exists()


def test_a_session_ends_after_inactivity(client, db, practitioner_section, settings):
    client.force_login(get_user_model().objects.get(username="senco"))
    assert client.get(practitioner_section.url).status_code == 200
    session = client.session
    session["send_toolkit_session_last_seen"] = int(time.time()) - toolkit_settings.SESSION_INACTIVITY_TIMEOUT - 5
    session.save()
    response = client.get(practitioner_section.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_session_ends_after_its_absolute_lifetime_however_busy(client, db, practitioner_section):
    client.force_login(get_user_model().objects.get(username="senco"))
    client.get(practitioner_section.url)
    session = client.session
    session["send_toolkit_session_started"] = int(time.time()) - toolkit_settings.SESSION_ABSOLUTE_LIFETIME - 5
    session.save()
    assert client.get(practitioner_section.url).status_code == 302


def test_a_suspended_practitioner_loses_access_on_their_next_request(client, db, practitioner_section):
    senco = get_user_model().objects.get(username="senco")
    client.force_login(senco)
    assert client.get(practitioner_section.url).status_code == 200
    senco.practitioner_profile.suspend()
    response = client.get(practitioner_section.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    # And they cannot log back in; the message is the same as for a wrong password.
    response = client.post("/accounts/login/", {"username": "senco", "password": "northmoor-senco"})
    assert "Please enter a correct username and password" in response.text
    senco.practitioner_profile.reinstate()
    client.post("/accounts/login/", {"username": "senco", "password": "northmoor-senco"})
    assert client.get(practitioner_section.url).status_code == 200


def test_editors_suspend_from_the_admin_list(client, db):
    senco = get_user_model().objects.get(username="senco")
    client.force_login(get_user_model().objects.get(username="editor"))
    client.post(f"/admin/snippets/send_toolkit/practitionerprofile/{senco.practitioner_profile.pk}/status/suspend/")
    senco.refresh_from_db()
    assert senco.practitioner_profile.status == PractitionerStatus.SUSPENDED and not senco.is_active
    assert not in_practitioners_group(senco)


def test_password_reset_sends_a_link_that_sets_a_new_password(client, db):
    client.post("/accounts/password/reset/", {"email": "senco@oakfield-primary.example"})
    link = link_in_last_email().replace("http://testserver", "")
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert client.login(username="senco", password=PASSWORD)


def test_password_reset_for_an_unknown_address_looks_the_same(client, db):
    known = client.post("/accounts/password/reset/", {"email": "senco@oakfield-primary.example"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@nowhere.example"})
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox] == [["senco@oakfield-primary.example"], ["nobody@nowhere.example"]]


def test_password_reset_sends_one_email_whether_or_not_the_address_has_an_account(client, db):
    """The same work either way (as registration does), so the time taken to answer tells nothing:
    a known address gets the reset link, any other a notice with no link that sets a password."""
    senco = get_user_model().objects.get(username="senco")
    senco.is_active = False  # an account that may not reset its password is answered as no account
    senco.save()
    addresses = ["teacher@hillside.example", "nobody@nowhere.example", "senco@oakfield-primary.example"]
    known = get_user_model().objects.create_user(username=addresses[0], email=addresses[0], password=PASSWORD)
    for address in addresses:
        sent_before = len(mail.outbox)
        response = client.post("/accounts/password/reset/", {"email": address})
        assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
        assert len(mail.outbox) == sent_before + 1 and mail.outbox[-1].to == [address]
    reset_link, *notices = mail.outbox[-3:]
    assert "/accounts/password/reset/" in reset_link.body and known.get_username() not in reset_link.subject
    for notice in notices:
        assert "no account whose password can be reset" in notice.body
        assert not re.search(r"/accounts/password/reset/[^/\s]+/[^/\s]+/", notice.body)


def test_account_pages_are_never_cached(client, db):
    for url in ("/accounts/login/", "/accounts/register/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control or "no-cache" in cache_control
        assert "public" not in cache_control


def test_a_resource_cannot_hold_a_document_anyone_could_download(db):
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from send_toolkit.practitioners.resources import PractitionerResource

    public_document = get_document_model()(title="Public leaflet")
    public_document.file.save("leaflet.txt", ContentFile(b"hello"), save=False)
    public_document.save()
    resource = PractitionerResource(
        title="Resource",
        teaser="Teaser",
        body=[("download", {"document": public_document, "title": "", "description": ""})],
    )
    with pytest.raises(ValidationError, match="Public leaflet"):
        resource.full_clean()
    demo = PractitionerResource.objects.get(title="Provision mapping: template and guidance")
    demo.full_clean()  # its document is in the restricted "Practitioner documents" collection


def test_the_admin_dashboard_says_how_many_accounts_await_approval(client, db):
    register(client, "sam@elsewhere.example")
    client.get(link_in_last_email().replace("http://testserver", ""))
    client.force_login(get_user_model().objects.get(username="editor"))
    html = client.get("/admin/").text
    assert "1 practitioner account awaiting approval" in html
    assert "/admin/snippets/send_toolkit/practitionerprofile/?status=pending" in html


def test_the_session_cookie_lasts_only_as_long_as_the_inactivity_timeout(client, db, toolkit):
    client.force_login(get_user_model().objects.get(username="senco"))
    client.get(toolkit.url)
    assert client.session.get_expiry_age() == toolkit_settings.SESSION_INACTIVITY_TIMEOUT


def test_many_different_usernames_from_one_address_are_paused(client, db, settings):
    settings.SEND_TOOLKIT_LOGIN_IP_RATE = "3/m"
    for name in ("a@x.example", "b@x.example", "c@x.example"):
        client.post("/accounts/login/", {"username": name, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "senco", "password": "northmoor-senco"})
    assert response.status_code == 429
