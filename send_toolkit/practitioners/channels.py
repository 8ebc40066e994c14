"""The practitioner account pages as a front-end channel (registered from ``SendToolkitConfig.ready``).

They show a person their own account, so they are never stored by a shared cache and nothing
about them is purged; they are in the register so that every view the toolkit serves is.
"""

from __future__ import annotations

from wagtail.models import Site

from send_toolkit.access.channels import Channel, named_urls, register_channel

ACCOUNT_URL_NAMES = frozenset(
    f"send_toolkit:{name}"
    for name in (
        "register",
        "registration_sent",
        "registration_delayed",
        "verify_email",
        "account",
        "login",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        "password_change",
        "password_change_done",
    )
)
# The pages anyone may open without a token or a session.
ENTRY_POINTS = ("send_toolkit:login", "send_toolkit:register", "send_toolkit:password_reset")


def entry_point_urls(site: Site) -> list[str]:
    return named_urls(site, ENTRY_POINTS)


PRACTITIONER_ACCOUNTS = Channel(
    name="practitioner accounts",
    description="Registration, email verification, log in and out, password reset and change, the account page.",
    urls=entry_point_urls,
    url_names=ACCOUNT_URL_NAMES,
    cached_publicly=False,
)


def register() -> None:
    """Register the channels this room owns."""
    register_channel(PRACTITIONER_ACCOUNTS)
