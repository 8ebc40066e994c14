"""Ending every session of an account for good (suspension), whatever the session backend.

Making a user inactive only makes Django ignore their sessions while they stay inactive:
reinstate them and a session from before the suspension works again. So each session
records when it logged in (``LOGGED_IN_AT``, set on Django's ``user_logged_in`` signal), the
practitioner profile records when its sessions were ended, and ``SessionLifetimeMiddleware``
logs out any session that logged in before then. That works with cache-only session backends,
which cannot list a user's sessions; with the database backends the stored sessions are also
deleted at once.
"""

from __future__ import annotations

import time
from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.base import SessionBase
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

LOGGED_IN_AT = "send_toolkit_logged_in_at"
# Session engines whose sessions live in the database table, so a user's sessions can be found.
DATABASE_ENGINES = {"django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"}


@receiver(user_logged_in, dispatch_uid="send_toolkit_record_login_time")
def record_login_time(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        # A float, so a login in the same second as a suspension is still ordered correctly.
        request.session[LOGGED_IN_AT] = time.time()


def logged_in_before(session: SessionBase, cutoff: datetime | None) -> bool:
    """Whether this session began before ``cutoff``. A session that cannot say when it began counts as earlier."""
    if cutoff is None:
        return False
    logged_in_at = session.get(LOGGED_IN_AT)
    return logged_in_at is None or logged_in_at < cutoff.timestamp()


def delete_stored_sessions(user) -> int:
    """Delete ``user``'s sessions now if the backend can find them (database engines); return how many."""
    if settings.SESSION_ENGINE not in DATABASE_ENGINES:
        return 0
    from django.contrib.sessions.models import Session

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    deleted = 0
    # No index from user to session exists, so every live session is decoded; suspension is rare.
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            store_class(session.session_key).delete()  # clears cached_db's cache copy too
            deleted += 1
    return deleted
