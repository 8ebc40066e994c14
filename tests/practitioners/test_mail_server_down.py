"""SMTP down: registration, verification, approval, rejection and password reset still finish, say so plainly,
and keep the email, which the retry task delivers once the server is back (issue 9).

The mail server is real Django SMTP pointed at a closed port on this machine (tests/mail_servers.py), so each
send fails with ConnectionRefusedError as it would in production.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from send_toolkit.mail.models import MailKind, OutboxMessage
from send_toolkit.mail.tasks import deliver_kept_message
from send_toolkit.practitioners.models import ApprovedEmailDomain, PractitionerProfile, PractitionerStatus
from tests.mail_servers import bring_mail_server_back, take_mail_server_down
from tests.practitioners.registration import PASSWORD, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(settings):
    take_mail_server_down(settings)


DELAYED = "We couldn't send your email yet"


def text(response) -> str:
    return html.unescape(response.text)


def no_error_page(response) -> None:
    assert response.status_code < 500
    assert "Traceback" not in response.text and "ConnectionRefusedError" not in response.text


def kept(kind: str, recipient: str) -> OutboxMessage:
    return OutboxMessage.objects.get(kind=kind, recipient=recipient)


def time_passes_until_due(message: OutboxMessage) -> None:
    """The retry waits minutes; instead of waiting, move its next try into the past."""
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def deliver_with_the_retry_task(message: OutboxMessage) -> str:
    time_passes_until_due(message)
    result = deliver_kept_message.enqueue(message.pk)  # the immediate backend runs it here
    assert result.status == "SUCCESSFUL"
    return result.return_value


def link_in(body: str) -> str:
    return re.search(r"https?://\S+", body).group(0).replace("http://testserver", "")


def test_registering_while_the_mail_server_is_down_finishes_and_says_the_email_will_follow(
    client, mail_server_down, settings
):
    response = register(client, "pat@elsewhere.example")
    assert response.status_code == 302 and response["Location"] == "/accounts/register/email-delayed/"
    page = client.get(response["Location"])
    no_error_page(page)
    assert page.status_code == 200 and DELAYED in text(page) and "keep trying" in text(page)
    assert get_user_model().objects.filter(email="pat@elsewhere.example").exists()
    message = kept(MailKind.VERIFY_EMAIL, "pat@elsewhere.example")
    assert message.attempts == 1 and message.last_error.startswith("ConnectionRefusedError")
    assert message.next_attempt_at > timezone.now()
    assert message.expires_at > timezone.now() + timedelta(days=2)

    bring_mail_server_back(settings)
    assert deliver_with_the_retry_task(message) == "delivered"
    assert not OutboxMessage.objects.exists()
    assert mail.outbox[-1].to == ["pat@elsewhere.example"]
    # The link delivered late still works.
    page = client.get(link_in(mail.outbox[-1].body))
    assert "Email address confirmed" in page.text
    assert PractitionerProfile.objects.get(user__email="pat@elsewhere.example").status == PractitionerStatus.PENDING


def test_registering_an_existing_address_while_the_server_is_down_looks_the_same(client, mail_server_down):
    new = register(client, "someone-new@elsewhere.example")
    existing = register(client, "senco@oakfield-primary.example")
    assert new["Location"] == existing["Location"] == "/accounts/register/email-delayed/"
    assert kept(MailKind.ALREADY_REGISTERED, "senco@oakfield-primary.example").attempts == 1


def test_asking_for_a_new_verification_link_while_the_server_is_down_says_it_will_follow(client, mail_server_down):
    register(client, "pat@elsewhere.example")
    client.login(username="pat@elsewhere.example", password=PASSWORD)
    response = client.post("/accounts/", follow=True)
    no_error_page(response)
    assert "couldn't send the email just now" in text(response)
    assert "We have sent a new verification link" not in response.text
    # The new link replaces the one still waiting, so only one is ever delivered.
    assert OutboxMessage.objects.filter(kind=MailKind.VERIFY_EMAIL, recipient="pat@elsewhere.example").count() == 1


def test_approving_and_rejecting_while_the_mail_server_is_down_finish_and_tell_the_editor(
    client, settings, mail_server_down
):
    bring_mail_server_back(settings)
    for email in ("sam@elsewhere.example", "lee@elsewhere.example"):
        register(client, email)
        client.get(link_in(mail.outbox[-1].body))
    sam = PractitionerProfile.objects.get(user__email="sam@elsewhere.example")
    lee = PractitionerProfile.objects.get(user__email="lee@elsewhere.example")
    assert sam.status == lee.status == PractitionerStatus.PENDING
    sent_before = len(mail.outbox)

    take_mail_server_down(settings)
    client.force_login(get_user_model().objects.get(username="editor"))
    listing = "/admin/snippets/send_toolkit/practitionerprofile/"
    response = client.post(f"{listing}{sam.pk}/status/approve/", follow=True)
    no_error_page(response)
    assert "Pat Example is approved, but we couldn't send them the email just now" in text(response)
    response = client.post(f"{listing}{lee.pk}/status/reject/", follow=True)
    no_error_page(response)
    assert "Pat Example was not approved, but we couldn't send them the email just now" in text(response)
    sam.refresh_from_db()
    lee.refresh_from_db()
    assert sam.status == PractitionerStatus.APPROVED and lee.status == PractitionerStatus.REJECTED
    assert len(mail.outbox) == sent_before
    approved = kept(MailKind.APPROVED, "sam@elsewhere.example")
    rejected = kept(MailKind.REJECTED, "lee@elsewhere.example")
    assert approved.expires_at is None  # no link that stops working: only the login page

    bring_mail_server_back(settings)
    assert deliver_with_the_retry_task(approved) == deliver_with_the_retry_task(rejected) == "delivered"
    assert not OutboxMessage.objects.exists()
    assert [(m.to, m.subject) for m in mail.outbox[sent_before:]] == [
        (["sam@elsewhere.example"], "Your SEND toolkit account is approved"),
        (["lee@elsewhere.example"], "Your SEND toolkit account request"),
    ]


def test_an_allowlisted_address_is_approved_on_verification_even_if_the_approval_email_must_wait(
    client, settings, mail_server_down
):
    ApprovedEmailDomain.objects.create(domain="hillside.example")
    bring_mail_server_back(settings)
    register(client, "kim@hillside.example")
    take_mail_server_down(settings)
    page = client.get(link_in(mail.outbox[-1].body))
    no_error_page(page)
    assert "Your account is approved" in page.text
    assert kept(MailKind.APPROVED, "kim@hillside.example").attempts == 1


def test_password_reset_while_the_server_is_down_replies_as_ever_and_the_late_link_works(
    client, settings, mail_server_down
):
    known = client.post("/accounts/password/reset/", {"email": "senco@oakfield-primary.example"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@nowhere.example"})
    # Saying "we couldn't send it" would tell who has an account: an unknown address is sent nothing.
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/sent/"
    page = client.get(known["Location"])
    no_error_page(page)
    assert "keep trying" in text(page)
    message = kept(MailKind.PASSWORD_RESET, "senco@oakfield-primary.example")
    expected_expiry = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    assert abs(message.expires_at - expected_expiry) < timedelta(minutes=1)

    bring_mail_server_back(settings)
    assert deliver_with_the_retry_task(message) == "delivered"
    response = client.get(link_in(mail.outbox[-1].body), follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert client.login(username="senco", password=PASSWORD)
