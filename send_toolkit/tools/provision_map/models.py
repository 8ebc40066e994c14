"""A setting's provision maps, their rows and who they are shared with. Nothing here is about a pupil."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import DEFAULT_SCHOOL_WEEKS
from send_toolkit.domain.provision_map import (
    MAX_ADULTS,
    MAX_GROUPS,
    MAX_HOURLY_RATE,
    MAX_ONE_OFF_COST,
    MAX_PUPILS_PER_GROUP,
    MAX_SESSION_MINUTES,
    MAX_SESSIONS_PER_WEEK,
    MAX_WEEKS,
    SchoolYear,
)
from send_toolkit.interventions.models import Delivery, Intervention, StaffRole


class ProvisionMap(models.Model):
    """One setting's plan of provision "additional to or different from" its usual offer, for a school year."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provision_maps")
    # The setting, as the owner's approved profile named it when the map was made, and its compared form.
    setting_name = models.CharField(max_length=200)
    setting_key = models.CharField(max_length=200, db_index=True)
    name = models.CharField(max_length=120)
    school_year_start = models.PositiveSmallIntegerField(db_index=True)
    notional_sen_budget = models.DecimalField(
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100000000"))],
        help_text=_("The setting's whole notional SEN budget for the year, in pounds (a setting figure)."),
    )
    archived = models.BooleanField(default=False)
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["archived", "-school_year_start", "name"]
        verbose_name = _("provision map")
        # The council's provision picture (admin, Reports): every map of a year added up, no setting named.
        # It gives no access to any one map.
        permissions = [("view_provision_picture", _("Can view the council's provision picture"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"

    @property
    def school_year(self) -> SchoolYear:
        return SchoolYear(self.school_year_start)


class ProvisionMapRow(models.Model):
    """A provision on the map: an intervention from the library, or the setting's own.

    Rows from the library keep the intervention's name and defaults as they were when the row was made
    (``library_defaults``), so the map still reads if the intervention is withdrawn, and copying to the next
    year can say what has changed.
    """

    provision_map = models.ForeignKey(ProvisionMap, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(default=0)
    intervention = models.ForeignKey(Intervention, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    library_defaults = models.JSONField(default=dict, blank=True)
    name = models.CharField(max_length=200, verbose_name=_("provision"))
    need_area = models.CharField(
        max_length=40, choices=vocabulary.choices(vocabulary.NEED_AREAS), verbose_name=_("broad area of need")
    )
    tier = models.CharField(max_length=40, choices=vocabulary.choices(vocabulary.TIERS), verbose_name=_("tier"))
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.SMALL_GROUP)
    staff_role = models.ForeignKey(StaffRole, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    own_hourly_rate = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_HOURLY_RATE)],
        verbose_name=_("the setting's own hourly rate"),
    )
    groups = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUPS)]
    )
    pupils_per_group = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PUPILS_PER_GROUP)]
    )
    sessions_per_week = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(MAX_SESSIONS_PER_WEEK)],
    )
    session_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSION_MINUTES)]
    )
    weeks = models.PositiveSmallIntegerField(
        default=DEFAULT_SCHOOL_WEEKS, validators=[MinValueValidator(1), MaxValueValidator(MAX_WEEKS)]
    )
    adults = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_ADULTS)],
        verbose_name=_("adults per session"),
    )
    resource_cost = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_ONE_OFF_COST)],
        verbose_name=_("one-off resources"),
    )
    training_cost = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_ONE_OFF_COST)],
        verbose_name=_("training"),
    )
    intended_outcome = models.TextField(blank=True)
    review_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("provision map row")

    def __str__(self) -> str:
        return self.name

    @property
    def from_library(self) -> bool:
        return bool(self.library_defaults)


class ProvisionMapShare(models.Model):
    """A colleague at the same setting the owner has let see (and perhaps edit) a map."""

    provision_map = models.ForeignKey(ProvisionMap, on_delete=models.CASCADE, related_name="shares")
    colleague = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    can_edit = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provision_map", "colleague"], name="share_a_map_once")]
        verbose_name = _("provision map share")
