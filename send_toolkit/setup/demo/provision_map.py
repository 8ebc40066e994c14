"""Fictional demo data for the costed provision map: the council's rate cards for three school years and a
worked example map for the demo SENCO at Oakfield Primary School (fictional). Nothing in it is about a pupil.
Fills only what is missing, so running setup twice changes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model

from send_toolkit.domain.provision_map import SchoolYear, setting_key
from send_toolkit.interventions.models import Intervention, StaffRole
from send_toolkit.interventions.rate_cards import RateCard, RateCardRate
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.pricing import latest_school_weeks, start_row_from

DEMO_YEAR = SchoolYear(2026)
MAP_NAME = "Whole-school provision map"
# Rate cards: last year's rates 3% lower, next year's 4% higher than this year's (the roles' current rates).
RATE_CARDS = {DEMO_YEAR.start - 1: Decimal("0.97"), DEMO_YEAR.start: Decimal("1"), DEMO_YEAR.start + 1: Decimal("1.04")}
# (intervention, need area, changes from its defaults, intended outcome, review date)
LIBRARY_ROWS = [
    ("Phonics catch-up group", "cognition_learning", {"groups": 2}, "Secure phase 3 phonics for Year 2", "2027-02-12"),
    (
        "Precision teaching for key words",
        "cognition_learning",
        {"session_minutes": 15},
        "Read 100 high-frequency words",
        "2027-03-19",
    ),
    ("Sentence Builders", "communication_interaction", {}, "Use joined sentences in class discussion", "2027-02-12"),
    ("Worry Busters group", "semh", {}, "Name worries and use two calming strategies", "2027-03-26"),
    ("Check-in, check-out mentoring", "semh", {"groups": 3}, "Fewer missed lessons after lunch", "2027-01-29"),
    ("Sensory circuits", "sensory_physical", {}, "Settle to learn within ten minutes of arriving", "2027-02-26"),
]


def load_provision_map(report, senco_username: str | None) -> None:
    _rate_cards(report)
    if senco_username is None:
        return
    senco = get_user_model().objects.filter(username=senco_username).select_related("practitioner_profile").first()
    if senco is None or not hasattr(senco, "practitioner_profile"):
        return
    if ProvisionMap.objects.filter(owner=senco, name=MAP_NAME).exists():
        return
    _worked_example(senco)
    report.add(f"demo: provision map “{MAP_NAME}” {DEMO_YEAR} for {senco_username}")


def _rate_cards(report) -> None:
    roles = list(StaffRole.objects.all())
    for year, factor in RATE_CARDS.items():
        card, made = RateCard.objects.get_or_create(
            school_year_start=year, defaults={"school_weeks": 38, "notes": "Rates include on-costs (fictional)."}
        )
        if not made:
            continue
        RateCardRate.objects.bulk_create(
            RateCardRate(card=card, staff_role=role, hourly_rate=(role.hourly_rate * factor).quantize(Decimal("0.01")))
            for role in roles
        )
        report.add(f"demo: staff rate card {SchoolYear(year)}")


def _worked_example(senco) -> None:
    organisation = senco.practitioner_profile.organisation
    provision_map = ProvisionMap.objects.create(
        owner=senco,
        setting_name=organisation,
        setting_key=setting_key(organisation),
        name=MAP_NAME,
        school_year_start=DEMO_YEAR.start,
        notional_sen_budget=Decimal("42000.00"),
    )
    weeks = latest_school_weeks(DEMO_YEAR)
    by_name = {item.name: item for item in Intervention.objects.filter(name__in=[row[0] for row in LIBRARY_ROWS])}
    rows = []
    for position, (name, need_area, changes, outcome, review) in enumerate(LIBRARY_ROWS, start=1):
        intervention = by_name.get(name)
        if intervention is None:
            continue
        row = start_row_from(intervention, weeks, need_area)
        row.provision_map, row.position = provision_map, position
        row.intended_outcome, row.review_date = outcome, review
        for field, value in changes.items():
            setattr(row, field, value)
        rows.append(row)
    rows.append(
        ProvisionMapRow(
            provision_map=provision_map,
            position=len(rows) + 1,
            name="Lunchtime social club",
            need_area="semh",
            tier="getting_help",
            delivery="small_group",
            own_hourly_rate=Decimal("12.50"),
            groups=1,
            pupils_per_group=8,
            sessions_per_week=Decimal("2"),
            session_minutes=40,
            weeks=weeks,
            resource_cost=Decimal("75.00"),
            intended_outcome="Play cooperatively with a partner at lunchtime",
            review_date="2027-03-05",
        )
    )
    ProvisionMapRow.objects.bulk_create(rows)
