"""Signed, expiring email verification links (Django's signing framework; nothing stored).

A link carries the account's id and a keyed fingerprint of its address, never the address itself
(the signed value of a Django token is only base64, readable by anyone who sees the link: a proxy's
log, a browser's history). The fingerprint makes a link stop working if the account's email changes.
Links made before this format (which held the address) fail like any altered link: the salt changed.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import salted_hmac

from send_toolkit.conf import toolkit_settings

SALT = "send_toolkit.email-verification.v2"


def email_fingerprint(email: str) -> str:
    """A keyed (``SECRET_KEY``) digest of the address: binds a link to it without revealing it."""
    return salted_hmac(SALT, email.casefold(), algorithm="sha256").hexdigest()[:20]


def make_token(user) -> str:
    return signing.dumps([user.pk, email_fingerprint(user.email)], salt=SALT)


def user_for_token(token: str):
    """The user a still-valid token was made for, or None (expired, altered, old-format or unknown)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=toolkit_settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], int)):
        return None
    pk, fingerprint = data
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None or email_fingerprint(user.email) != fingerprint:
        return None
    return user
