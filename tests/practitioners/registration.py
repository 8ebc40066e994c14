"""Registering through the real form, for the tests of accounts, verification links and mail outages."""

from __future__ import annotations

PASSWORD = "a-long-enough-Passphrase-42"


def register(client, email: str, **overrides):
    """POST the registration form as a teacher at Hillside Academy (``overrides`` replace any field)."""
    data = {
        "name": "Pat Example",
        "email": email,
        "organisation": "Hillside Academy",
        "role": "teacher",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/accounts/register/", data)
