"""Sending the toolkit's email so that a mail server that is down never breaks a page.

``send_or_keep`` is the one way the toolkit sends email: it tries at once and says whether the message
went; if not, the message is kept (``OutboxMessage``) and tried again later. ``retry_now`` and
``retry_due`` are what the admin's "Retry now" button and the ``send_toolkit_retry_mail`` command call.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.utils import timezone

from send_toolkit.mail import delivery
from send_toolkit.mail.models import OutboxMessage
from send_toolkit.mail.tasks import schedule_next_attempt


def send_or_keep(kind: str, recipient: str, subject: str, body: str, expires_in: timedelta | None = None) -> bool:
    """Send now (True), or keep the message to try again later (False).

    ``expires_in`` is how long a link in the message works: once it has stopped working the message is not
    sent. A newer message of the same kind to the same address replaces any still waiting, so a person who
    asks again never gets two links.
    """
    OutboxMessage.objects.filter(kind=kind, recipient__iexact=recipient).delete()
    error = delivery.send(recipient, subject, body)
    if error is None:
        return True
    now = timezone.now()
    message = OutboxMessage.objects.create(
        recipient=recipient,
        kind=kind,
        subject=subject,
        body=body,
        attempts=1,
        last_error=delivery.short_error(error),
        created_at=now,
        next_attempt_at=delivery.next_attempt_at(1, now),
        expires_at=now + expires_in if expires_in is not None else None,
    )
    delivery.record_failure(message, error)
    schedule_next_attempt(message)
    return False


def retry_now(message: OutboxMessage) -> delivery.Outcome:
    """Try a kept message at once, due or not (an editor asked)."""
    outcome = delivery.attempt(message)
    if outcome is delivery.Outcome.FAILED:
        schedule_next_attempt(message)
    return outcome


def retry_due(everything: bool = False) -> Counter[delivery.Outcome]:
    """Try every message that is due; with ``everything``, every message whose link still works, due or not.

    Messages whose link has expired have their bodies cleared first, and undelivered messages older than
    ``SEND_TOOLKIT_MAIL_KEEP_UNDELIVERED`` are deleted.
    """
    now = timezone.now()
    delivery.tidy(now)
    waiting = OutboxMessage.objects.exclude(expires_at__lte=now)
    if not everything:
        waiting = waiting.filter(next_attempt_at__lte=now)
    outcomes: Counter[delivery.Outcome] = Counter()
    for message in waiting:
        outcomes[retry_now(message)] += 1
    return outcomes
