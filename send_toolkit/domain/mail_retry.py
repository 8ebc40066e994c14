"""When to try again to send an email that could not be sent: the retry schedule, in plain Python.

The first try is made at once (while the person waits). Each failed try doubles the wait before the next,
from ``first_delay`` up to ``LONGEST_DELAY``, until ``max_attempts`` tries have been made; then no more are
scheduled and an editor decides (retry by hand or delete).
"""

from __future__ import annotations

from datetime import datetime, timedelta

# However many tries have failed, the next one is never more than this far off.
LONGEST_DELAY = timedelta(hours=6)


def next_attempt_delay(attempts: int, first_delay: timedelta, max_attempts: int) -> timedelta | None:
    """How long to wait after ``attempts`` failed tries before the next; None once ``max_attempts`` are used."""
    if attempts < 1 or attempts >= max_attempts:
        return None
    return min(first_delay * 2 ** (attempts - 1), LONGEST_DELAY)


def link_expired(expires_at: datetime | None, now: datetime) -> bool:
    """A message whose sign-in or verification link has stopped working is not worth sending."""
    return expires_at is not None and now >= expires_at
