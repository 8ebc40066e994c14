"""Email verification links carry no readable email address, and old or altered links fail with a clear page."""

from __future__ import annotations

import base64
import contextlib
import re
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.core import mail, signing

from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from tests.practitioners.registration import register

ADDRESS = "robin.example@elsewhere.example"


def verification_link() -> str:
    return re.search(r"https?://\S+/accounts/verify/\S+", mail.outbox[-1].body).group(0)


def readable_forms(text: str) -> list[str]:
    """The address, and how base64 (standard or URL-safe, with or without padding) would spell it."""
    forms = [text]
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        encoded = encode(text.encode()).decode()
        forms += [encoded, encoded.rstrip("=")]
    # Base64 of the address inside a longer value starts at any of three alignments.
    for offset in (1, 2):
        encoded = base64.urlsafe_b64encode(b"x" * offset + text.encode()).decode()
        forms.append(encoded[4:-4])
    return forms


def decoded_segments(link: str) -> str:
    """Every ":"-separated part of the token, base64-decoded where it decodes (as anyone could)."""
    token = unquote(link.rstrip("/").rsplit("/", 1)[-1].split("?")[0])
    decoded = []
    for segment in token.split(":"):
        with contextlib.suppress(ValueError):  # not base64: nothing readable there
            decoded.append(base64.urlsafe_b64decode(segment.lstrip(".") + "===").decode("latin-1"))
    return " ".join(decoded)


def test_the_link_in_the_email_holds_neither_the_address_nor_its_base64(client, db):
    register(client, ADDRESS)
    link = verification_link()
    for form in readable_forms(ADDRESS):
        assert form not in link, form
    assert "robin" not in decoded_segments(link).lower()
    assert client.get(link.replace("http://testserver", "")).status_code == 200
    profile = PractitionerProfile.objects.get(user__email=ADDRESS)
    assert profile.status == PractitionerStatus.PENDING


def test_a_link_in_the_old_format_fails_with_a_clear_page_not_an_error(client, db):
    register(client, ADDRESS)
    user = get_user_model().objects.get(email=ADDRESS)
    old = signing.dumps({"user": user.pk, "email": user.email}, salt="send_toolkit.email-verification", compress=True)
    response = client.get(f"/accounts/verify/{old}/")
    assert response.status_code == 400
    assert "This link does not work" in response.text and "send yourself a new link" in response.text
    assert PractitionerProfile.objects.get(user=user).status == PractitionerStatus.UNVERIFIED


def test_a_link_stops_working_once_the_accounts_address_changes(client, db):
    register(client, ADDRESS)
    link = verification_link().replace("http://testserver", "")
    user = get_user_model().objects.get(email=ADDRESS)
    user.email = "someone.else@elsewhere.example"
    user.save()
    assert client.get(link).status_code == 400
    assert PractitionerProfile.objects.get(user=user).status == PractitionerStatus.UNVERIFIED


def test_a_signed_value_of_the_wrong_shape_is_refused_cleanly(client, db):
    for value in ({"user": 1}, ["x", "y"], [1], "text"):
        token = signing.dumps(value, salt="send_toolkit.email-verification.v2")
        assert client.get(f"/accounts/verify/{token}/").status_code == 400
