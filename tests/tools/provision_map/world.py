"""People and library for the provision map's tests: practitioners at two schools, a TA rate card and an
intervention that costs the worked figures (DESIGN.md section 6: £855.00 a year, £213.75 a pupil)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.provision_map import setting_key
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, StaffRole
from send_toolkit.interventions.rate_cards import RateCard, RateCardRate
from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.pricing import start_row_from

HILLSIDE = "Hillside Primary School"
RIVERSIDE = "Riverside Academy"
YEAR = 2026  # 2026-27


def person(email: str, organisation: str = HILLSIDE, status: str = PractitionerStatus.APPROVED, **user_fields):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="a-long-enough-Passphrase-42", **user_fields
    )
    PractitionerProfile.objects.create(user=user, organisation=organisation, role="senco", status=status)
    if status == PractitionerStatus.APPROVED:
        user.groups.add(Group.objects.get_or_create(name=toolkit_settings.PRACTITIONER_GROUP)[0])
    if status == PractitionerStatus.SUSPENDED:
        user.is_active = False
        user.save()
    return user


def editor(username: str = "council-editor"):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@council.example")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def teaching_assistant(rate: str = "15.00") -> StaffRole:
    return StaffRole.objects.get_or_create(name="Teaching assistant", defaults={"hourly_rate": Decimal(rate)})[0]


def rate_card(year: int = YEAR, ta_rate: str = "15.00", weeks: int = 38) -> RateCard:
    """The council's card for ``year`` with a teaching assistant at ``ta_rate`` (replacing the demo's, if any)."""
    card, _made = RateCard.objects.update_or_create(school_year_start=year, defaults={"school_weeks": weeks})
    RateCardRate.objects.update_or_create(
        card=card, staff_role=teaching_assistant(), defaults={"hourly_rate": Decimal(ta_rate)}
    )
    return card


def reading_group(name: str = "Small-group reading", audience: str = Audience.PUBLIC) -> Intervention:
    """A TA, groups of 4, 3 × 30 minutes a week all year: the worked example."""
    intervention = Intervention.objects.create(
        name=name,
        summary="Reading in small groups.",
        tier="getting_help",
        delivery="small_group",
        group_size=4,
        session_minutes=30,
        sessions_per_week=Decimal("3"),
        staff_role=teaching_assistant(),
        audience=audience,
    )
    intervention.need_areas.set([NeedArea.objects.get(value="cognition_learning")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks2")])
    intervention.save()
    return intervention


def a_map(owner, name: str = "Whole school provision", year: int = YEAR, budget: str | None = None) -> ProvisionMap:
    profile = owner.practitioner_profile
    return ProvisionMap.objects.create(
        owner=owner,
        setting_name=profile.organisation,
        setting_key=setting_key(profile.organisation),
        name=name,
        school_year_start=year,
        notional_sen_budget=Decimal(budget) if budget else None,
    )


def library_row(provision_map: ProvisionMap, intervention: Intervention, **changes) -> ProvisionMapRow:
    row = start_row_from(intervention, 38)
    row.provision_map = provision_map
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    return row


def own_row_data(**changes) -> dict[str, str]:
    """What the row form posts for the setting's own provision: a small-group club, 1 × 30 minutes for 38 weeks."""
    data = {
        "name": "Club",
        "need_area": "semh",
        "tier": "getting_help",
        "delivery": "small_group",
        "groups": "1",
        "pupils_per_group": "4",
        "sessions_per_week": "1",
        "session_minutes": "30",
        "weeks": "38",
        "adults": "1",
        "resource_cost": "0",
        "training_cost": "0",
    }
    return data | changes
