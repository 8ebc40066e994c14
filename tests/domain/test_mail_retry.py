"""The retry schedule for email the mail server would not take (send_toolkit/domain/mail_retry.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from send_toolkit.domain.mail_retry import LONGEST_DELAY, link_expired, next_attempt_delay

FIVE_MINUTES = timedelta(minutes=5)


def test_each_failed_try_doubles_the_wait_before_the_next():
    delays = [next_attempt_delay(attempts, FIVE_MINUTES, max_attempts=6) for attempts in range(1, 6)]
    assert delays == [timedelta(minutes=minutes) for minutes in (5, 10, 20, 40, 80)]


def test_no_more_tries_are_scheduled_once_they_are_used_up():
    assert next_attempt_delay(6, FIVE_MINUTES, max_attempts=6) is None
    assert next_attempt_delay(9, FIVE_MINUTES, max_attempts=6) is None
    assert next_attempt_delay(1, FIVE_MINUTES, max_attempts=1) is None


def test_the_wait_never_grows_past_six_hours():
    assert next_attempt_delay(30, FIVE_MINUTES, max_attempts=100) == LONGEST_DELAY == timedelta(hours=6)


def test_a_message_whose_link_has_stopped_working_has_expired():
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert link_expired(now, now) and link_expired(now - timedelta(seconds=1), now)
    assert not link_expired(now + timedelta(seconds=1), now)
    assert not link_expired(None, now)  # a message with no link never expires
