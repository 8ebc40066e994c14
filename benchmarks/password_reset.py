#!/usr/bin/env python
"""How long a password reset request takes for a known address and for an unknown one.

Run from the repository root:

    .venv/bin/python benchmarks/password_reset.py [--repeat 200] [--backend locmem filebased]

It builds a fresh toolkit in a temporary SQLite database with one practitioner account, then
posts the password reset form through Django's test client, alternating a known and an unknown
address, and prints the median and 90th percentile of each. With an email backend that does real
work per message (``filebased`` writes a file; SMTP would talk to a server) the two must not
differ by more than the noise: the answer must not tell whether an address has an account (issue 9).
The login limits are lifted for the run, so every request does the full work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]  # benchmark this checkout's send_toolkit
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'benchmark.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

KNOWN = "known.practitioner@school.example"
UNKNOWN = "nobody.here@school.example"
BACKENDS = {
    "locmem": {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    "filebased": {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": tempfile.mkdtemp(),
    },
}


def build() -> None:
    call_command("migrate", verbosity=0)
    call_command("send_toolkit_setup", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    password = "a-long-enough-Passphrase-42"  # noqa: S105 - a throwaway account in a temporary database
    get_user_model().objects.create_user(username=KNOWN, email=KNOWN, password=password)


def timed_post(client: Client, email: str) -> float:
    started = time.perf_counter()
    response = client.post("/accounts/password/reset/", {"email": email})
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 302, response.status_code
    return elapsed


def measure(repeat: int) -> dict[str, list[float]]:
    client = Client()
    times: dict[str, list[float]] = {"known": [], "unknown": []}
    for _warm_up in range(5):
        timed_post(client, KNOWN)
        timed_post(client, UNKNOWN)
    for _ in range(repeat):
        times["known"].append(timed_post(client, KNOWN))
        times["unknown"].append(timed_post(client, UNKNOWN))
        mail.outbox = []
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--backend", nargs="+", choices=sorted(BACKENDS), default=["locmem", "filebased"])
    args = parser.parse_args()
    setup_test_environment()
    build()
    print(f"password reset, {args.repeat} requests each, milliseconds")
    print(f"{'email backend':<14} {'address':<8} {'median':>8} {'p90':>8}")
    for backend in args.backend:
        with override_settings(SEND_TOOLKIT_REGISTRATION_RATE="1000000/m", **BACKENDS[backend]):
            times = measure(args.repeat)
        for address, values in times.items():
            p90 = statistics.quantiles(values, n=10)[-1]
            print(f"{backend:<14} {address:<8} {statistics.median(values):>8.1f} {p90:>8.1f}")
        gap = statistics.median(times["known"]) - statistics.median(times["unknown"])
        print(f"{backend:<14} {'gap':<8} {gap:>8.1f}")


if __name__ == "__main__":
    main()
