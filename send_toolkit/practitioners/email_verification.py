"""Signed, expiring email verification links (Django's signing framework; nothing stored)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core import signing

from send_toolkit.conf import toolkit_settings

SALT = "send_toolkit.email-verification"


def make_token(user) -> str:
    # The address is signed too, so a link stops working if the account's email changes.
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT, compress=True)


def user_for_token(token: str):
    """The user a still-valid token was made for, or None (expired, altered or unknown)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=toolkit_settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    user = get_user_model().objects.filter(pk=data.get("user")).first()
    if user is None or user.email != data.get("email"):
        return None
    return user
