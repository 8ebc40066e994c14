#!/usr/bin/env python
"""How long a password reset request takes for a known address and for an unknown one.

Run from the repository root:

    .venv/bin/python benchmarks/password_reset.py [--repeat 200] [--backend locmem filebased]

It builds a fresh toolkit in a temporary SQLite database with one practitioner account, then
posts the password reset form through Django's test client, alternating a known and an unknown
address (each first in turn), and prints the median and 90th percentile of each, and the median CPU time
(steadier than the wall clock on a busy machine). With an email backend that does real
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


def timed_post(client: Client, email: str) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds for one request (CPU time is steadier on a busy machine)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.post("/accounts/password/reset/", {"email": email})
    elapsed, elapsed_cpu = (time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000
    assert response.status_code == 302, response.status_code
    return elapsed, elapsed_cpu


def measure(repeat: int) -> dict[str, list[tuple[float, float]]]:
    client = Client()
    times: dict[str, list[tuple[float, float]]] = {"known": [], "unknown": []}
    for _warm_up in range(5):
        timed_post(client, KNOWN)
        timed_post(client, UNKNOWN)
    for number in range(repeat):
        # Alternate which goes first, so neither always follows the other.
        order = ("known", "unknown") if number % 2 else ("unknown", "known")
        for address in order:
            times[address].append(timed_post(client, KNOWN if address == "known" else UNKNOWN))
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
    print(f"{'email backend':<14} {'address':<8} {'median':>8} {'p90':>8} {'cpu median':>11}")
    for backend in args.backend:
        with override_settings(SEND_TOOLKIT_REGISTRATION_RATE="1000000/m", **BACKENDS[backend]):
            times = measure(args.repeat)
        medians = {}
        for address, values in times.items():
            wall, cpu = [value[0] for value in values], [value[1] for value in values]
            medians[address] = (statistics.median(wall), statistics.median(cpu))
            p90 = statistics.quantiles(wall, n=10)[-1]
            print(f"{backend:<14} {address:<8} {medians[address][0]:>8.1f} {p90:>8.1f} {medians[address][1]:>11.1f}")
        gap = [known - unknown for known, unknown in zip(medians["known"], medians["unknown"], strict=True)]
        print(f"{backend:<14} {'gap':<8} {gap[0]:>8.1f} {'':>8} {gap[1]:>11.1f}")


if __name__ == "__main__":
    main()
