"""Sending or keeping the toolkit's email (send_toolkit/mail/outbox.py and delivery.py), with a real SMTP
connection refused by a closed port on this machine, and Django's in-memory backend once it is "back"."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from send_toolkit.mail.delivery import Outcome, attempt, short_error
from send_toolkit.mail.models import MailKind, OutboxMessage
from send_toolkit.mail.outbox import retry_due, send_or_keep
from tests.mail_servers import bring_mail_server_back, take_mail_server_down

pytestmark = pytest.mark.django_db

ADDRESS = "pat@hillside.example"
LINK = "http://testserver/accounts/verify/a-one-off-token/"


@pytest.fixture
def mail_server_down(settings):
    take_mail_server_down(settings)


def keep_one(expires_in: timedelta | None = timedelta(days=3), kind: str = MailKind.VERIFY_EMAIL) -> OutboxMessage:
    assert send_or_keep(kind, ADDRESS, "Confirm your email address", f"Open {LINK}", expires_in=expires_in) is False
    return OutboxMessage.objects.get(kind=kind, recipient=ADDRESS)


def make_due(message: OutboxMessage) -> None:
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    message.refresh_from_db()


def test_a_message_the_server_takes_is_sent_and_nothing_is_kept():
    assert send_or_keep(MailKind.APPROVED, ADDRESS, "Approved", "You can log in.") is True
    assert mail.outbox[-1].to == [ADDRESS] and mail.outbox[-1].subject == "Approved"
    assert not OutboxMessage.objects.exists()


def test_a_message_the_server_refuses_is_kept_with_a_short_error_and_a_next_try(mail_server_down):
    before = timezone.now()
    message = keep_one()
    assert message.attempts == 1
    assert message.last_error.startswith("ConnectionRefusedError: ")
    assert "\n" not in message.last_error and len(message.last_error) <= 255
    first_delay = timedelta(minutes=5)  # SEND_TOOLKIT_MAIL_FIRST_RETRY_DELAY's default
    assert before + first_delay <= message.next_attempt_at <= timezone.now() + first_delay
    assert message.body == f"Open {LINK}" and message.subject == "Confirm your email address"


def test_a_newer_message_of_the_same_kind_replaces_the_one_waiting(mail_server_down, settings):
    keep_one()
    keep_one()
    assert OutboxMessage.objects.filter(kind=MailKind.VERIFY_EMAIL, recipient=ADDRESS).count() == 1
    keep_one(kind=MailKind.ALREADY_REGISTERED)
    assert OutboxMessage.objects.count() == 2  # another kind is another message
    bring_mail_server_back(settings)
    send_or_keep(MailKind.VERIFY_EMAIL, ADDRESS.upper(), "Confirm your email address", "Open the new link")
    # Sent at once: the older link is never delivered after it.
    assert list(OutboxMessage.objects.values_list("kind", flat=True)) == [MailKind.ALREADY_REGISTERED]


def test_each_failed_retry_waits_twice_as_long_until_the_tries_are_used_up(mail_server_down, settings):
    settings.SEND_TOOLKIT_MAIL_MAX_ATTEMPTS = 4
    message = keep_one()
    waits = []
    for _ in range(3):
        make_due(message)
        started = timezone.now()
        assert attempt(message) is Outcome.FAILED
        message.refresh_from_db()
        waits.append(message.next_attempt_at - started if message.next_attempt_at else None)
    assert [round(wait / timedelta(minutes=1)) if wait else None for wait in waits] == [10, 20, None]
    assert message.attempts == 4
    # Used up: retry_due leaves it for an editor, unless asked to try those too.
    assert retry_due() == {}
    assert retry_due(everything=True) == {Outcome.FAILED: 1}


def test_a_retry_once_the_server_is_back_delivers_the_message_and_deletes_it(mail_server_down, settings):
    message = keep_one()
    bring_mail_server_back(settings)
    make_due(message)
    assert attempt(message) is Outcome.DELIVERED
    assert mail.outbox[-1].to == [ADDRESS] and LINK in mail.outbox[-1].body
    # No copy of a sign-in link that worked is kept.
    assert not OutboxMessage.objects.exists()


def test_a_message_whose_link_expired_is_not_sent_and_its_body_is_cleared(mail_server_down, settings):
    message = keep_one(expires_in=timedelta(seconds=60))
    OutboxMessage.objects.filter(pk=message.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    bring_mail_server_back(settings)
    make_due(message)
    assert retry_due() == {}  # swept before trying: not due any more
    message.refresh_from_db()
    assert message.body == "" and message.next_attempt_at is None
    assert attempt(message) is Outcome.EXPIRED
    assert not mail.outbox


def test_two_workers_never_send_the_same_message_twice(mail_server_down, settings):
    message = keep_one()
    make_due(message)
    other_worker_copy = OutboxMessage.objects.get(pk=message.pk)
    assert attempt(message) is Outcome.FAILED
    assert attempt(other_worker_copy) is Outcome.SKIPPED
    assert OutboxMessage.objects.get(pk=message.pk).attempts == 2


def test_undelivered_messages_are_deleted_once_past_the_keeping_period(mail_server_down, settings):
    message = keep_one(expires_in=None)
    settings.SEND_TOOLKIT_MAIL_KEEP_UNDELIVERED = 24 * 60 * 60
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=2))
    retry_due()
    assert not OutboxMessage.objects.exists()


def test_the_error_kept_is_the_failure_class_and_first_line_only():
    error = OSError("Connection refused\n  File 'smtplib.py', line 1, in connect\nsecret-ish detail")
    assert short_error(error) == "OSError: Connection refused"
    assert short_error(TimeoutError()) == "TimeoutError"
    assert len(short_error(ValueError("x" * 1000))) == 255


def test_the_retry_command_sends_what_is_due_and_says_what_it_did(mail_server_down, settings):
    due = keep_one()
    make_due(due)
    keep_one(kind=MailKind.APPROVED, expires_in=None)  # not due yet
    bring_mail_server_back(settings)
    out = StringIO()
    call_command("send_toolkit_retry_mail", stdout=out)
    assert out.getvalue().strip() == "Sent 1, still failing 0, link expired 0; 1 undelivered message(s) kept."
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    call_command("send_toolkit_retry_mail", "--all", stdout=out)
    assert not OutboxMessage.objects.exists() and len(mail.outbox) == 2
