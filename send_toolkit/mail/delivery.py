"""One try at handing a message to the mail server, and the record a failed try leaves on a kept message.

Whatever the mail backend raises (connection refused, a timeout, a refused recipient, a login the server
rejects) is a failed try: it is recorded as the error's class and the first line of its message, never
a traceback, and the person is told plainly instead of seeing an error page.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime, timedelta

from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.mail_retry import next_attempt_delay
from send_toolkit.mail.models import OutboxMessage

logger = logging.getLogger("send_toolkit.mail")

# While one worker is trying a message, others leave it alone; should that worker die mid-try, the
# message is due again after this long.
CLAIM_LEASE = timedelta(minutes=10)


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    FAILED = "failed"
    EXPIRED = "expired"  # its link had stopped working, so it was not sent
    SKIPPED = "skipped"  # another worker has it, or it was delivered or deleted meanwhile


def short_error(error: BaseException) -> str:
    """The failure's class and the first line of its message: enough to diagnose, never a traceback."""
    lines = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return text[: OutboxMessage._meta.get_field("last_error").max_length]


def send(recipient: str, subject: str, body: str) -> BaseException | None:
    """Hand one plain-text message to the mail backend: None if it took it, else what went wrong."""
    try:
        EmailMessage(subject=subject, body=body, to=[recipient]).send()
    except Exception as error:  # any failure of the mail server is a failed try, never an error page
        return error
    return None


def next_attempt_at(attempts: int, now: datetime) -> datetime | None:
    delay = next_attempt_delay(
        attempts, timedelta(seconds=toolkit_settings.MAIL_FIRST_RETRY_DELAY), toolkit_settings.MAIL_MAX_ATTEMPTS
    )
    return now + delay if delay is not None else None


def record_failure(message: OutboxMessage, error: BaseException) -> None:
    logger.warning(
        "Could not send %s email (kept as undelivered message %s, %d tries so far): %s",
        message.kind,
        message.pk,
        message.attempts,
        type(error).__name__,
    )


def expire(message: OutboxMessage) -> None:
    """Its link no longer works: clear the body (no copy of a dead link is kept) and schedule no more tries."""
    message.body = ""
    message.next_attempt_at = None
    message.save(update_fields=["body", "next_attempt_at"])


def tidy(now: datetime) -> None:
    """Clear the bodies of messages whose link has expired, and delete those past the keeping period."""
    OutboxMessage.objects.filter(
        created_at__lt=now - timedelta(seconds=toolkit_settings.MAIL_KEEP_UNDELIVERED)
    ).delete()
    OutboxMessage.objects.filter(expires_at__lte=now).exclude(body="", next_attempt_at=None).update(
        body="", next_attempt_at=None
    )


def attempt(message: OutboxMessage) -> Outcome:
    """Try to deliver a kept message once: delete it if the server takes it, else record the failure."""
    now = timezone.now()
    if message.link_expired(now):
        expire(message)
        return Outcome.EXPIRED
    # Claim it by its number of tries, so that two workers never send the same message twice.
    claimed = OutboxMessage.objects.filter(pk=message.pk, attempts=message.attempts).update(
        attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE
    )
    if not claimed:
        return Outcome.SKIPPED
    message.attempts += 1
    error = send(message.recipient, message.subject, message.body)
    if error is None:
        message.delete()
        return Outcome.DELIVERED
    message.last_error = short_error(error)
    message.next_attempt_at = next_attempt_at(message.attempts, now)
    message.save(update_fields=["last_error", "next_attempt_at"])
    record_failure(message, error)
    return Outcome.FAILED
