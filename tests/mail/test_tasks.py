"""The background task that retries kept email (send_toolkit/mail/tasks.py), on django-tasks' real backends:
the immediate one the example site uses in development and tests, and the dummy one, which records what is
queued and for when, as a persistent queue (django-tasks-db) would store it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks import default_task_backend

from send_toolkit.mail.models import MailKind, OutboxMessage
from send_toolkit.mail.outbox import send_or_keep
from send_toolkit.mail.tasks import deliver_kept_message
from tests.mail_servers import bring_mail_server_back, take_mail_server_down

pytestmark = pytest.mark.django_db

ADDRESS = "sam@elsewhere.example"
QUEUE_LATER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def mail_server_down(settings):
    take_mail_server_down(settings)


def keep_one() -> OutboxMessage:
    assert not send_or_keep(MailKind.APPROVED, ADDRESS, "Approved", "You can log in.")
    return OutboxMessage.objects.get()


def test_a_kept_message_queues_its_next_try_for_when_it_is_due(
    mail_server_down, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = QUEUE_LATER
    with django_capture_on_commit_callbacks(execute=True):
        message = keep_one()
    [queued] = default_task_backend.results
    assert queued.task.func is deliver_kept_message.func
    assert queued.task.run_after == message.next_attempt_at
    # Only the id goes into the queue: no address, subject or link is stored there.
    assert queued.args == [message.pk] and queued.kwargs == {}


def test_a_failed_retry_queues_the_one_after(mail_server_down, settings, django_capture_on_commit_callbacks):
    message = keep_one()
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    settings.TASKS = QUEUE_LATER
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver_kept_message.call(message.pk) == "failed"
    message.refresh_from_db()
    assert message.attempts == 2
    [queued] = default_task_backend.results
    assert queued.task.run_after == message.next_attempt_at > timezone.now() + timedelta(minutes=9)


def test_nothing_is_queued_on_a_backend_that_cannot_wait(mail_server_down, django_capture_on_commit_callbacks):
    # The immediate backend would run the retry at once, inside the visitor's request, against the same
    # failing server; the command and "Retry now" reach the message instead.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        keep_one()
    assert callbacks == []


def test_the_task_delivers_a_due_message_once_the_server_is_back(mail_server_down, settings):
    message = keep_one()
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    bring_mail_server_back(settings)
    result = deliver_kept_message.enqueue(message.pk)
    assert result.status == "SUCCESSFUL" and result.return_value == "delivered"
    assert mail.outbox[-1].to == [ADDRESS] and not OutboxMessage.objects.exists()


def test_a_task_queued_earlier_leaves_a_message_that_is_not_due_yet(mail_server_down, settings):
    message = keep_one()  # its next try is minutes away: an editor's "Retry now" moved it, say
    bring_mail_server_back(settings)
    assert deliver_kept_message.enqueue(message.pk).return_value == "skipped"
    assert OutboxMessage.objects.get().attempts == 1 and not mail.outbox


def test_a_task_for_a_message_already_delivered_or_deleted_does_nothing():
    assert deliver_kept_message.enqueue(987654).return_value == "skipped"


def test_the_task_also_forgets_undelivered_messages_past_the_keeping_period(mail_server_down, settings):
    old = keep_one()
    settings.SEND_TOOLKIT_MAIL_KEEP_UNDELIVERED = 24 * 60 * 60
    OutboxMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert deliver_kept_message.enqueue(old.pk).return_value == "skipped"
    assert not OutboxMessage.objects.exists()
