"""Account flows end to end: logging out, changing a password, the password-reset limit, registration timing,
and a hostile ``next`` carried through register → verify → log in."""

from __future__ import annotations

import html
import re
import statistics
import time
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils.http import url_has_allowed_host_and_scheme

from send_toolkit.pages.models import GuidancePage
from send_toolkit.practitioners.models import ApprovedEmailDomain

pytestmark = pytest.mark.django_db

SENCO_PASSWORD = "northmoor-senco"  # the demo SENCO's password
NEW_PASSWORD = "a-different-Passphrase-77"
HOSTILE_NEXTS = ["https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish", "https:evil.example"]


@pytest.fixture
def practitioner_section(toolkit) -> GuidancePage:
    return GuidancePage.objects.get(slug="for-practitioners")


def _registration(email: str) -> dict[str, str]:
    return {
        "name": "Pat Example",
        "email": email,
        "organisation": "Hillside Academy",
        "role": "teacher",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }


def _unsafe_nexts(page: str) -> list[str]:
    """The ``next`` targets a page hands on (in account links and hidden fields) that lead off the site."""
    nexts = [value for value in re.findall(r'name="next" value="([^"]*)"', page) if value]
    for link in re.findall(r'href="(/accounts/[^"]*)"', page):
        nexts += [value for name, value in parse_qsl(urlsplit(html.unescape(link)).query) if name == "next"]
    return [url for url in nexts if not url_has_allowed_host_and_scheme(url, {"testserver"})]


def _link_in_last_email() -> str:
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0).replace("http://testserver", "")


def test_logging_out_ends_the_session_and_says_so(client, practitioner_section):
    client.post("/accounts/login/", {"username": "senco", "password": SENCO_PASSWORD})
    assert client.get(practitioner_section.url).status_code == 200
    response = client.post("/accounts/logout/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "_auth_user_id" not in client.session
    response = client.get(practitioner_section.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_logging_out_needs_a_post_so_a_link_on_another_site_cannot_do_it(client):
    client.post("/accounts/login/", {"username": "senco", "password": SENCO_PASSWORD})
    assert client.get("/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session


def test_changing_a_password_keeps_you_logged_in_and_the_old_one_stops_working(client, practitioner_section):
    assert client.get("/accounts/password/change/").status_code == 302  # logged in only
    client.post("/accounts/login/", {"username": "senco", "password": SENCO_PASSWORD})
    response = client.post(
        "/accounts/password/change/",
        {"old_password": SENCO_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/password/change/done/"
    assert client.get(practitioner_section.url).status_code == 200
    senco = get_user_model().objects.get(username="senco")
    assert senco.check_password(NEW_PASSWORD) and not senco.check_password(SENCO_PASSWORD)


def test_a_wrong_current_password_changes_nothing(client):
    client.post("/accounts/login/", {"username": "senco", "password": SENCO_PASSWORD})
    response = client.post(
        "/accounts/password/change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200 and "old password was entered incorrectly" in response.text
    assert get_user_model().objects.get(username="senco").check_password(SENCO_PASSWORD)


def test_password_reset_requests_are_limited_without_saying_so(client, settings):
    settings.SEND_TOOLKIT_REGISTRATION_RATE = "2/m"
    for _ in range(2):
        response = client.post("/accounts/password/reset/", {"email": "senco@oakfield-primary.example"})
        assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 2
    response = client.post("/accounts/password/reset/", {"email": "senco@oakfield-primary.example"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 2  # the same reply, but no more email


def _seconds_to_register(client, email: str) -> float:
    started = time.perf_counter()
    response = client.post("/accounts/register/", _registration(email))
    assert response["Location"] == "/accounts/register/check-your-email/"
    return time.perf_counter() - started


def test_registering_an_existing_address_takes_as_long_as_a_new_one(client, settings):
    # A real password hasher: the test settings' fast one would hide the difference.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.SEND_TOOLKIT_REGISTRATION_RATE = "100/m"
    new = statistics.median(_seconds_to_register(client, f"new{n}@elsewhere.example") for n in range(3))
    existing = statistics.median(_seconds_to_register(client, "senco@oakfield-primary.example") for _ in range(3))
    # Without the dummy hash the existing-address reply is tens of times faster.
    assert existing > new * 0.5, (existing, new)


@pytest.mark.parametrize("hostile", HOSTILE_NEXTS)
def test_a_hostile_next_survives_no_step_from_registration_to_login(client, hostile):
    ApprovedEmailDomain.objects.create(domain="hillside.example")
    assert _unsafe_nexts(client.get(f"/accounts/register/?next={quote(hostile)}").text) == []
    client.post(
        f"/accounts/register/?next={quote(hostile)}", {**_registration("pat@hillside.example"), "next": hostile}
    )
    verify_link = _link_in_last_email()
    assert "evil.example" not in verify_link
    verified = client.get(f"{verify_link}{'&' if '?' in verify_link else '?'}next={quote(hostile)}")
    assert verified.status_code == 200 and "Your account is approved" in verified.text
    assert _unsafe_nexts(verified.text) == []
    response = client.post(
        f"/accounts/login/?next={quote(hostile)}",
        {"username": "pat@hillside.example", "password": NEW_PASSWORD, "next": hostile},
    )
    assert response.status_code == 302
    assert url_has_allowed_host_and_scheme(response["Location"], {"testserver"}), response["Location"]
    assert "evil.example" not in response["Location"]


def test_a_safe_next_is_carried_through_registration_to_login(client, practitioner_section):
    ApprovedEmailDomain.objects.create(domain="hillside.example")
    next_url = practitioner_section.url
    client.post("/accounts/register/", {**_registration("pat@hillside.example"), "next": next_url})
    verified = client.get(_link_in_last_email())
    assert f"/accounts/login/?next={quote(next_url)}" in verified.text
    response = client.post(
        f"/accounts/login/?next={next_url}", {"username": "pat@hillside.example", "password": NEW_PASSWORD}
    )
    assert response["Location"] == next_url
