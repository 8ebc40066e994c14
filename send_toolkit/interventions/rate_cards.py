"""The council's staff rate card, one per school year (issue 10).

A provision map for 2025-26 is costed at the 2025-26 card, so it keeps its figures when the council
publishes 2026-27's. Where a year has no card, or a card leaves a role out, the role's current hourly
rate (``StaffRole.hourly_rate``, which the intervention directory shows) is used and the map says so.

Editors keep the cards under SEND toolkit › Staff rate cards (``interventions/admin.py``). A new card starts
from the newest card's rates (``card_after``), or, before there is any card, from the roles' current rates
(``card_from_current_rates``), so nobody retypes every rate each year.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from send_toolkit.domain.costing import DEFAULT_SCHOOL_WEEKS
from send_toolkit.domain.provision_map import MAX_HOURLY_RATE, MAX_WEEKS, SchoolYear, SchoolYearError
from send_toolkit.interventions.models import StaffRole


class RateCard(ClusterableModel):
    """The hourly rates the council publishes for one school year."""

    school_year_start = models.PositiveSmallIntegerField(
        unique=True,
        verbose_name=_("school year"),
        help_text=_("The calendar year the school year starts in: 2026 for 2026-27."),
    )
    school_weeks = models.PositiveSmallIntegerField(
        default=DEFAULT_SCHOOL_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WEEKS)],
        verbose_name=_("weeks in the school year"),
        help_text=_("Provision maps for this year start each row with this many weeks."),
    )
    notes = models.TextField(
        blank=True, help_text=_("Shown to practitioners beside the rates, e.g. on-costs included.")
    )

    class Meta:
        ordering = ["-school_year_start"]
        verbose_name = _("staff rate card")

    def __str__(self) -> str:
        return _("Staff rates %(year)s") % {"year": self.school_year}

    @property
    def school_year(self) -> SchoolYear:
        return SchoolYear(self.school_year_start)

    def clean(self) -> None:
        super().clean()
        try:
            SchoolYear.parse(str(SchoolYear(self.school_year_start or 0)))
        except SchoolYearError as error:
            raise ValidationError({"school_year_start": str(error)}) from error


class RateCardRate(Orderable):
    card = ParentalKey(RateCard, on_delete=models.CASCADE, related_name="rates")
    staff_role = models.ForeignKey(StaffRole, on_delete=models.CASCADE, related_name="+")
    hourly_rate = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_HOURLY_RATE)],
        help_text=_("Cost to the school of one hour, including on-costs, in pounds."),
    )

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["card", "staff_role"], name="one_rate_per_role_per_card")]
        verbose_name = _("rate")


def this_school_year() -> SchoolYear:
    """The school year today falls in (September onwards starts the next one), in the site's time zone."""
    today = timezone.localdate()
    return SchoolYear.containing(today.year, today.month)


def newest_card() -> RateCard | None:
    return RateCard.objects.order_by("-school_year_start").first()


def card_after(card: RateCard) -> RateCard:
    """An unsaved card for the school year after ``card``'s, with its weeks, notes and every rate."""
    following = RateCard(
        school_year_start=card.school_year.next().start, school_weeks=card.school_weeks, notes=card.notes
    )
    following.rates = [
        RateCardRate(staff_role=rate.staff_role, hourly_rate=rate.hourly_rate, sort_order=rate.sort_order)
        for rate in card.rates.select_related("staff_role").order_by("sort_order", "pk")
    ]
    return following


def card_from_current_rates(school_year: SchoolYear) -> RateCard:
    """An unsaved card for ``school_year`` with each staff role at its current hourly rate."""
    card = RateCard(school_year_start=school_year.start)
    card.rates = [
        RateCardRate(staff_role=role, hourly_rate=role.hourly_rate, sort_order=position)
        for position, role in enumerate(StaffRole.objects.order_by("name"))
    ]
    return card
