"""The background task that tries a kept message again (django-tasks, as Wagtail 8 uses).

With a backend that can run a task later (``django_tasks_db.DatabaseBackend`` in the example site's
production settings, whose ``db_worker`` must be running), each failed try queues the next one for its
``next_attempt_at``. The immediate backend (development, tests) cannot wait, so nothing is queued there:
run ``manage.py send_toolkit_retry_mail`` (from cron on hosts without a worker) or use "Retry now".
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from send_toolkit.mail import delivery
from send_toolkit.mail.models import OutboxMessage

logger = logging.getLogger("send_toolkit.mail")


@task()
def deliver_kept_message(message_id: int) -> str:
    """Try a kept message once more if it is due; on failure its next try is queued.

    Only the message's id goes into the task queue, so the queue never holds an address or a link.
    """
    now = timezone.now()
    delivery.tidy(now)
    message = OutboxMessage.objects.filter(pk=message_id).first()
    if message is None or message.next_attempt_at is None or message.next_attempt_at > now:
        # Delivered, deleted, given up or rescheduled since this task was queued: a later task has it.
        return delivery.Outcome.SKIPPED.value
    outcome = delivery.attempt(message)
    if outcome is delivery.Outcome.FAILED:
        schedule_next_attempt(message)
    return outcome.value


def schedule_next_attempt(message: OutboxMessage) -> None:
    """Queue the message's next try for its ``next_attempt_at``, once the current transaction commits."""
    if message.next_attempt_at is None or not deliver_kept_message.get_backend().supports_defer:
        return
    message_id, when = message.pk, message.next_attempt_at

    def enqueue() -> None:
        try:
            deliver_kept_message.using(run_after=when).enqueue(message_id)
        except Exception:  # the command and "Retry now" still reach the message; the person's page must not fail
            logger.exception("Could not queue the next try of undelivered message %s", message_id)

    transaction.on_commit(enqueue)
