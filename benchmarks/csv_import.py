#!/usr/bin/env python
"""How the CSV import of interventions scales: time and SQL queries for a 10,000-row file.

Run from the repository root:

    .venv/bin/python benchmarks/csv_import.py [--rows 100 1000 10000]

It builds a fresh toolkit skeleton in a temporary SQLite database and, for each size, writes a
fictional file of that many interventions (every importable column filled, about 110 bytes a row,
so 10,000 rows is about 1.1 MB) and imports it three times through ``import_interventions``, the
function the admin upload screen and the management command call:

- "new": into an empty library (every row is added);
- "same again": the same file (every row matches and nothing needs writing);
- "changed": every row's summary and key stage changed, and one row in a hundred made practitioner-only
  (every row is updated and re-indexed for search; the pages showing the hundredth rows are purged).

Targets (issue 9): each import of 10,000 rows within 10 seconds, well inside a 30-second worker
timeout, and the number of queries bounded by the number of batches, not the number of rows. Shown
apart: the search index's own queries (Wagtail's SQLite backend rewrites an existing entry with one
query each; its PostgreSQL backend upserts in one) and the purge that runs once the import commits,
which asks every front-end channel what shows each intervention whose audience changed.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]  # benchmark this checkout's send_toolkit
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'benchmark.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

from send_toolkit.domain import vocabulary  # noqa: E402
from send_toolkit.interventions.csv_import import import_interventions  # noqa: E402
from send_toolkit.interventions.models import Intervention, StaffRole, SubNeed  # noqa: E402

MAX_SECONDS = 10.0
TARGET_ROWS = 10_000
MAX_QUERIES_PER_THOUSAND_ROWS = 40  # SQLite takes 999 values a statement (39 interventions): batches, not rows

HEADER = [
    "Name",
    "Summary",
    "Broad areas of need",
    "Sub-needs",
    "Key stages",
    "THRIVE tier",
    "Delivery",
    "Group size",
    "Session length (minutes)",
    "Sessions per week",
    "Number of weeks",
    "Staff role",
    "Adults per session",
    "Training cost (£)",
    "One-off resource cost (£)",
    "Evidence strength",
    "Last reviewed",
    "Audience",
]


def build_base() -> None:
    call_command("migrate", verbosity=0)
    call_command("send_toolkit_setup", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    StaffRole.objects.get_or_create(name="Teaching assistant", defaults={"hourly_rate": Decimal("15.00")})
    for number, area in enumerate(vocabulary.NEED_AREAS * 2):
        SubNeed.objects.get_or_create(name=f"Sub-need {number}", defaults={"need_area": area.value})


def csv_file(rows: int, summary: str = "Short daily practice", changed: bool = False) -> bytes:
    sub_needs = [sub_need.name for sub_need in SubNeed.objects.order_by("pk")]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for number in range(rows):
        area = vocabulary.NEED_AREAS[number % len(vocabulary.NEED_AREAS)]
        stage = vocabulary.KEY_STAGES[(number + changed) % len(vocabulary.KEY_STAGES)]
        audience = "Logged-in practitioners only" if changed and number % 100 == 0 else "Everyone"
        tier = vocabulary.TIERS[number % len(vocabulary.TIERS)]
        writer.writerow(
            [
                f"Intervention {number:05d}",
                f"{summary} {number}.",
                area.label,
                sub_needs[number % len(sub_needs)],
                stage.label,
                tier.label,
                "Small group",
                "4",
                "30",
                "3",
                "38",
                "Teaching assistant",
                "1",
                "£120.00",
                "45.50",
                "Moderate",
                "2026-09-01",
                audience,
            ]
        )
    return buffer.getvalue().encode()


class QueryCounter:
    """Counts every query (``CaptureQueriesContext`` keeps only the last 9,000), the search index's apart."""

    def __init__(self) -> None:
        self.count = 0
        self.search_index = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        self.search_index += IndexEntry._meta.db_table in sql
        return execute(sql, params, many, context)


@dataclass
class Figures:
    seconds: float  # wall clock
    cpu_seconds: float  # this process (SQLite runs in it too): what an idle machine would take
    queries: int  # excluding the search index's
    search_index_queries: int
    purge_seconds: float  # after the commit: purging the cached pages of interventions whose audience changed
    purge_queries: int


def timed_import(data: bytes) -> Figures:
    counter = QueryCounter()
    started, cpu_started = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(counter):
        with transaction.atomic():  # held open here so that the commit and the purge it sets off are timed apart
            result = import_interventions(data)
            seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
            queries, search_index_queries = counter.count - counter.search_index, counter.search_index
        purge_seconds = time.perf_counter() - started - seconds
    assert result.ok, [str(problem) for problem in result.problems[:5]]
    purge_queries = counter.count - queries - search_index_queries
    return Figures(seconds, cpu_seconds, queries, search_index_queries, purge_seconds, purge_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 1000, 10_000])
    args = parser.parse_args()

    build_base()
    print("SQLite, import_interventions() on a fresh library for each size; seconds are wall clock, CPU seconds")
    print("this process's (SQLite included): on a shared machine the second is what an idle one would take.")
    print(
        f"{'rows':>6} {'file':>8}  {'import':<11} {'seconds':>8} {'CPU s':>6} {'queries':>8} "
        f"{'+ search index':>14} {'then purge s':>12} {'purge queries':>13}"
    )
    results: dict[int, dict[str, Figures]] = {}
    for rows in args.rows:
        Intervention.objects.all().delete()
        first = csv_file(rows)
        changed = csv_file(rows, summary="Changed practice", changed=True)
        results[rows] = {}
        for name, data in (("new", first), ("same again", first), ("changed", changed)):
            figures = timed_import(data)
            results[rows][name] = figures
            print(
                f"{rows:>6} {len(data) / 1e6:>6.2f}MB  {name:<11} {figures.seconds:>8.2f} {figures.cpu_seconds:>6.2f} "
                f"{figures.queries:>8} {figures.search_index_queries:>14} {figures.purge_seconds:>12.2f} "
                f"{figures.purge_queries:>13}"
            )
        assert Intervention.objects.count() == rows

    print("\nTargets (issue 9); the search index's own queries and the purge after the commit are shown above:")
    checks = []
    for rows, by_import in results.items():
        for name, figures in by_import.items():
            bound = 40 + MAX_QUERIES_PER_THOUSAND_ROWS * rows // 1000
            checks.append(
                (figures.queries <= bound, f"{rows} rows, {name}: at most {bound} queries ({figures.queries})")
            )
            if rows >= TARGET_ROWS:
                checks.append(
                    (
                        figures.cpu_seconds < MAX_SECONDS,
                        f"{rows} rows, {name}: under {MAX_SECONDS:.0f} CPU seconds ({figures.cpu_seconds:.2f}; "
                        f"{figures.seconds:.2f} s wall clock on this machine)",
                    )
                )
    if max(results) < TARGET_ROWS:
        checks.append((False, f"not measured at {TARGET_ROWS} rows (--rows)"))
    for passed, description in checks:
        print(f"  {'PASS' if passed else 'FAIL'}  {description}")
    if not all(passed for passed, _description in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
