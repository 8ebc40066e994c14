"""Single-source records that pages reference rather than copy (DESIGN.md section 2)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.search import index

from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import format_money


class Audience(models.TextChoices):
    PUBLIC = "public", "Everyone"
    PRACTITIONERS = "practitioners", "Logged-in practitioners only"


class Delivery(models.TextChoices):
    WHOLE_CLASS = "whole_class", "Whole class"
    SMALL_GROUP = "small_group", "Small group"
    ONE_TO_ONE = "one_to_one", "1:1"


class EvidenceStrength(models.TextChoices):
    STRONG = "strong", "Strong (randomised trials)"
    MODERATE = "moderate", "Moderate (controlled studies)"
    EMERGING = "emerging", "Emerging (promising early studies)"
    PRACTICE = "practice", "Practice-based (local schools' experience)"
    NOT_EVALUATED = "not_evaluated", "Not yet evaluated"


class NeedArea(models.Model):
    """One of the four broad areas of need. Rows are fixed, created by a migration."""

    value = models.CharField(max_length=40, unique=True, choices=vocabulary.choices(vocabulary.NEED_AREAS))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.get_value_display()


class KeyStage(models.Model):
    """One phase or key stage. Rows are fixed, created by a migration."""

    value = models.CharField(max_length=40, unique=True, choices=vocabulary.choices(vocabulary.KEY_STAGES))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.get_value_display()


class SubNeed(index.Indexed, models.Model):
    """A council's own split of a broad area (SLCN, Autism, SpLD, HI, VI, ...)."""

    name = models.CharField(max_length=120, unique=True)
    need_area = models.CharField(max_length=40, choices=vocabulary.choices(vocabulary.NEED_AREAS))
    description = models.TextField(blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["need_area", "name"]
        verbose_name = "sub-need"

    def __str__(self) -> str:
        return self.name


class StaffRole(models.Model):
    """Who delivers an intervention, and what an hour of their time costs the school."""

    name = models.CharField(max_length=120, unique=True)
    hourly_rate = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Cost to the school of one hour, including on-costs, in pounds.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return gettext("%(role)s (%(rate)s/hour)") % {"role": self.name, "rate": format_money(self.hourly_rate)}


class CostBand(models.Model):
    """Editor-defined bands for cost per pupil per year, such as £ / ££ / £££."""

    label = models.CharField(max_length=20, unique=True)
    description = models.CharField(max_length=200, blank=True)
    max_per_pupil = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Highest cost per pupil per year in this band. Leave empty for the top band.",
    )

    class Meta:
        ordering = [models.F("max_per_pupil").asc(nulls_last=True)]

    def __str__(self) -> str:
        return self.label


# The intervention directory's own sub-pages (InterventionDirectoryPage routes): an intervention with one of
# these slugs would sit at the same address and could never be reached.
RESERVED_SLUGS = frozenset({"export"})


def intervention_slug(name: str) -> str:
    """The web address made from an intervention's name, stepping round the directory's own addresses."""
    slug = slugify(name)[:200]
    return f"{slug[:187]}-intervention" if slug in RESERVED_SLUGS else slug


class Intervention(index.Indexed, ClusterableModel):
    """ONE record per intervention, shown wherever it applies and costed from local rates."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    summary = models.TextField(help_text="One or two sentences: what it is and who it is for.")
    description = RichTextField(blank=True)
    for_parents = models.TextField(
        blank=True, verbose_name="What this means for parents and carers", help_text="Plain English."
    )
    at_home = models.TextField(blank=True, verbose_name="What you can do at home")

    need_areas = ParentalManyToManyField(NeedArea, related_name="interventions", verbose_name="broad areas of need")
    sub_needs = ParentalManyToManyField(SubNeed, related_name="interventions", blank=True)
    key_stages = ParentalManyToManyField(KeyStage, related_name="interventions")
    tier = models.CharField(max_length=40, choices=vocabulary.choices(vocabulary.TIERS), verbose_name="THRIVE tier")

    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.SMALL_GROUP)
    group_size = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], help_text="Pupils in each session."
    )
    session_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(1)], verbose_name="session length (minutes)"
    )
    sessions_per_week = models.DecimalField(
        max_digits=4, decimal_places=1, default=Decimal("1"), validators=[MinValueValidator(Decimal("0.1"))]
    )
    weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        verbose_name="number of weeks",
        help_text="Leave empty for the whole school year.",
    )
    staff_role = models.ForeignKey(
        StaffRole, null=True, blank=True, on_delete=models.SET_NULL, related_name="interventions"
    )
    staff_count = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)], help_text="Adults needed in each session."
    )
    training_required = models.TextField(blank=True)
    training_cost = models.DecimalField(
        max_digits=9, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    resource_cost = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        verbose_name="one-off resource cost",
    )

    evidence_strength = models.CharField(
        max_length=20, choices=EvidenceStrength.choices, default=EvidenceStrength.NOT_EVALUATED
    )
    evidence_source = models.URLField(blank=True, verbose_name="evidence source link")
    provider = models.CharField(max_length=200, blank=True)
    provider_url = models.URLField(blank=True, verbose_name="provider link")
    last_reviewed = models.DateField(null=True, blank=True)
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.PUBLIC)

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("for_parents"),
        index.SearchField("provider"),
        index.FilterField("audience"),
        index.FilterField("tier"),
        index.FilterField("delivery"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": f"“{self.slug}” is the address of the directory’s CSV download, so an intervention "
                    "there could never be opened. Choose another, or leave it empty to make one from the name."
                }
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = intervention_slug(self.name)
        super().save(*args, **kwargs)

    @property
    def tier_term(self) -> vocabulary.Term:
        return vocabulary.by_value(vocabulary.TIERS, self.tier)
