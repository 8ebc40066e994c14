"""Mail servers for fault tests: a real SMTP connection to a port where nothing listens, so it is refused."""

from __future__ import annotations

import socket

WORKING_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def closed_port() -> int:
    """A localhost port nothing listens on: bound to find a free one, then closed again."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def take_mail_server_down(settings) -> None:
    """Django's SMTP backend pointed at a closed port: every send fails with ConnectionRefusedError."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 5


def bring_mail_server_back(settings) -> None:
    settings.EMAIL_BACKEND = WORKING_BACKEND
