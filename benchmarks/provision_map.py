#!/usr/bin/env python
"""How the costed provision map scales: queries and times for a map of 10 and of 200 rows (issue 10).

Run from the repository root:

    .venv/bin/python benchmarks/provision_map.py [--sizes 10 200] [--repeat 20]

It builds a fresh toolkit skeleton in a temporary SQLite database, a library of 60 interventions, a rate
card and an approved practitioner's map of each size (rows from the library and of the setting's own, with
their own rates here and there), then requests the map, its exports and one pupil's costed provision through
Django's test client as that practitioner: the figures include routing, the tool's gate, pricing and rendering.

Targets: the number of queries does not grow with the rows; at most 25 queries a screen; each screen's p95
under 300 ms at 200 rows on SQLite (a map is one setting's year of provision, shown whole on one page).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]  # benchmark this checkout's send_toolkit
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'benchmark.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from send_toolkit.conf import toolkit_settings  # noqa: E402
from send_toolkit.domain import vocabulary  # noqa: E402
from send_toolkit.domain.provision_map import setting_key  # noqa: E402
from send_toolkit.interventions.models import Intervention, KeyStage, NeedArea, StaffRole  # noqa: E402
from send_toolkit.interventions.rate_cards import RateCard, RateCardRate  # noqa: E402
from send_toolkit.practitioners.models import PractitionerProfile  # noqa: E402
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow  # noqa: E402
from send_toolkit.tools.provision_map.pricing import start_row_from  # noqa: E402

YEAR = 2026
MAX_QUERIES = 25
MAX_P95_MS = 300.0
AT_ROWS = 200


def build_library() -> list[Intervention]:
    call_command("migrate", verbosity=0)
    call_command("send_toolkit_setup", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    roles = [
        StaffRole.objects.create(name=name, hourly_rate=Decimal(rate))
        for name, rate in (("Teaching assistant", "15.00"), ("Teacher", "38.50"), ("Learning mentor", "17.50"))
    ]
    card = RateCard.objects.create(school_year_start=YEAR)
    RateCardRate.objects.bulk_create(
        RateCardRate(card=card, staff_role=role, hourly_rate=role.hourly_rate) for role in roles
    )
    areas, stages = list(NeedArea.objects.all()), list(KeyStage.objects.all())
    library = []
    for number in range(60):
        intervention = Intervention.objects.create(
            name=f"Benchmark intervention {number:02d}",
            summary="A fictional intervention.",
            tier=vocabulary.TIERS[number % 3].value,
            group_size=1 + number % 6,
            session_minutes=15 + 5 * (number % 8),
            sessions_per_week=Decimal(1 + number % 4),
            staff_role=roles[number % 3],
            resource_cost=Decimal(number * 7),
        )
        intervention.need_areas.set([areas[number % 4]])
        intervention.key_stages.set([stages[number % 6]])
        library.append(intervention)
    return library


def practitioner_client() -> tuple[Client, object]:
    user = get_user_model().objects.create_user(username="benchmark-senco", email="senco@benchmark.example")
    PractitionerProfile.objects.create(user=user, organisation="Benchmark Primary", role="senco", status="approved")
    user.groups.add(Group.objects.get_or_create(name=toolkit_settings.PRACTITIONER_GROUP)[0])
    client = Client()
    client.force_login(user)
    return client, user


def map_of(user, rows: int, library: list[Intervention]) -> ProvisionMap:
    provision_map = ProvisionMap.objects.create(
        owner=user,
        setting_name="Benchmark Primary",
        setting_key=setting_key("Benchmark Primary"),
        name=f"Map of {rows} rows",
        school_year_start=YEAR,
        notional_sen_budget=Decimal("250000"),
    )
    made = []
    for number in range(rows):
        if number % 5 == 4:
            row = ProvisionMapRow(
                name=f"Own provision {number}",
                need_area=vocabulary.NEED_AREAS[number % 4].value,
                tier="getting_help",
                own_hourly_rate=Decimal("12.50"),
                pupils_per_group=6,
                session_minutes=40,
                sessions_per_week=Decimal("2"),
            )
        else:
            row = start_row_from(library[number % len(library)], 38)
            row.groups = 1 + number % 3
        row.provision_map, row.position = provision_map, number
        row.intended_outcome = "A fictional outcome for the benchmark."
        made.append(row)
    ProvisionMapRow.objects.bulk_create(made)
    return provision_map


def pupil_choices(provision_map: ProvisionMap) -> dict:
    """One pupil in every tenth row of the map, with two lines of 1:1 work."""
    rows = list(provision_map.rows.order_by("position").values_list("pk", flat=True))[::10]
    one_to_one = {}
    for number, (label, rate) in enumerate((("1:1 reading", "15.00"), ("1:1 speech and language", "25.00"))):
        fields = {"label": label, "sessions_per_week": "5", "session_minutes": "30", "weeks": "38", "hourly_rate": rate}
        one_to_one |= {f"one-to-one-{number}-{name}": value for name, value in fields.items()}
    return {"rows": [str(pk) for pk in rows], "lines": "3", **one_to_one}


def screens(provision_map: ProvisionMap) -> dict[str, tuple[str, str, dict]]:
    """(method, url, data) of every screen worth timing that this checkout has."""
    pk = provision_map.pk
    wanted = {
        "map": ("get", "send_toolkit:provision_map", {}),
        "list of maps": ("get", "send_toolkit:provision_maps", {}),
        "CSV export": ("get", "send_toolkit:provision_map_csv", {}),
        "xlsx export": ("get", "send_toolkit:provision_map_xlsx", {}),
        "print page": ("get", "send_toolkit:provision_map_print", {}),
        "one pupil": ("post", "send_toolkit:provision_map_pupil", pupil_choices(provision_map)),
    }
    found = {}
    for label, (method, name, data) in wanted.items():
        try:
            url = reverse(name) if name == "send_toolkit:provision_maps" else reverse(name, kwargs={"pk": pk})
        except NoReverseMatch:
            continue
        found[label] = (method, url, data)
    return found


def measure(client: Client, method: str, url: str, data: dict, repeat: int) -> tuple[int, float, float, int]:
    send = getattr(client, method)
    for _ in range(2):
        send(url, data)
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = send(url, data)
    query_count = len(queries)
    assert response.status_code == 200, (url, response.status_code)
    size = len(response.content)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        send(url, data)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 2 else times[0]
    return query_count, statistics.median(times), p95, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, AT_ROWS])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    library = build_library()
    client, user = practitioner_client()
    print(f"SQLite, Django test client as an approved practitioner, {args.repeat} timed requests after 2 warm-ups")
    print(f"{'rows':>5}  {'screen':<14} {'queries':>7} {'median ms':>9} {'p95 ms':>7} {'bytes':>9}")
    results: dict[int, dict[str, tuple[int, float, float, int]]] = {}
    for size in args.sizes:
        provision_map = map_of(user, size, library)
        results[size] = {}
        for label, (method, url, data) in screens(provision_map).items():
            figures = measure(client, method, url, data, args.repeat)
            results[size][label] = figures
            print(f"{size:>5}  {label:<14} {figures[0]:>7} {figures[1]:>9.1f} {figures[2]:>7.1f} {figures[3]:>9}")
    checks = []
    largest = max(results)
    for label in results[largest]:
        counts = {size: results[size][label][0] for size in results if label in results[size]}
        checks.append((max(counts.values()) <= MAX_QUERIES, f"{label}: at most {MAX_QUERIES} queries ({counts})"))
        if label != "list of maps":
            checks.append((len(set(counts.values())) == 1, f"{label}: queries do not grow with rows ({counts})"))
        if largest >= AT_ROWS:
            p95 = results[largest][label][2]
            checks.append((p95 < MAX_P95_MS, f"{label}: p95 under {MAX_P95_MS:.0f} ms at {largest} rows ({p95:.1f})"))
    if largest < AT_ROWS:
        checks.append((False, f"not measured at {AT_ROWS} rows (--sizes)"))
    print()
    for passed, text in checks:
        print(("PASS " if passed else "FAIL ") + text)
    sys.exit(0 if all(passed for passed, _ in checks) else 1)


if __name__ == "__main__":
    main()
