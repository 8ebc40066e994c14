"""Per-site council settings, edited under Settings in the Wagtail admin."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from send_toolkit.domain.contrast import HEX_COLOUR, LINK_BACKGROUNDS, TEXT_MINIMUM, WHITE, weakest_contrast

colour_validator = RegexValidator(HEX_COLOUR, "Enter a colour as a hex code, for example #1d3557.")
# Where each council colour is drawn, so it is checked against every background it sits on.
COLOUR_BACKGROUNDS = {
    "brand_colour": {WHITE: "the white header text"},
    "accent_colour": LINK_BACKGROUNDS,
}

# The contacts every Getting Risk Support page shows. The model fields stay optional (a new site starts
# with empty settings, and risk pages then fall back to national emergency wording), but once an editor
# saves the settings form these cannot be left empty, so no editor can remove them from risk pages.
REQUIRED_EMERGENCY_CONTACTS = {
    "safeguarding_name": "Enter who handles concerns about a child, for example Children's Services front door.",
    "safeguarding_phone": "Enter the safeguarding phone number. It is shown on every Getting Risk Support page.",
    "mental_health_crisis_phone": (
        "Enter the mental health crisis line. It is shown on every Getting Risk Support page."
    ),
}


class ToolkitSettingsForm(WagtailAdminModelForm):
    """The settings form in the admin: refuses to save without the emergency contacts risk pages depend on."""

    def clean(self):
        cleaned_data = super().clean()
        for field, message in REQUIRED_EMERGENCY_CONTACTS.items():
            if field in self.fields and not (cleaned_data.get(field) or "").strip() and field not in self.errors:
                self.add_error(field, message)
        return cleaned_data


@register_setting(icon="site")
class ToolkitSettings(BaseSiteSetting):
    council_name = models.CharField(max_length=120, default="Your council")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header beside the council name. The name is always shown as text too.",
    )
    brand_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[colour_validator],
        help_text="Header background, behind white text, for example #1d3557. Leave empty for the default.",
    )
    accent_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[colour_validator],
        help_text="Links and buttons, on a white background, for example #1d4f91. Leave empty for the default.",
    )

    toolkit_contact_name = models.CharField(max_length=120, blank=True, default="SEND Team")
    toolkit_contact_email = models.EmailField(blank=True)
    toolkit_contact_phone = models.CharField(max_length=40, blank=True)

    sendiass_name = models.CharField(
        max_length=120,
        blank=True,
        default="SENDIASS",
        help_text="Your local SEND Information, Advice and Support Service.",
    )
    sendiass_phone = models.CharField(max_length=40, blank=True)
    sendiass_email = models.EmailField(blank=True)
    sendiass_url = models.URLField(blank=True)

    safeguarding_name = models.CharField(
        max_length=120,
        blank=True,
        default="Children's Services front door",
        help_text="Where concerns about a child go.",
    )
    safeguarding_phone = models.CharField(max_length=40, blank=True)
    safeguarding_out_of_hours_phone = models.CharField(max_length=40, blank=True)
    safeguarding_email = models.EmailField(blank=True)
    safeguarding_url = models.URLField(blank=True)
    mental_health_crisis_phone = models.CharField(
        max_length=40, blank=True, help_text="Children and young people's mental health crisis line."
    )

    school_weeks = models.PositiveSmallIntegerField(
        default=38,
        validators=[MinValueValidator(1)],
        help_text="Weeks in the school year used to cost interventions.",
    )
    notional_sen_budget = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        default=Decimal("6000.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Notional SEN budget per pupil (Element 2) that costs are compared with, in pounds.",
    )

    def clean(self):
        super().clean()
        errors = {}
        for field, backgrounds in COLOUR_BACKGROUNDS.items():
            colour = getattr(self, field)
            if not colour or not HEX_COLOUR.match(colour):
                continue
            ratio, _background, where = weakest_contrast(colour, backgrounds)
            if ratio < TEXT_MINIMUM:
                errors[field] = (
                    f"{colour} against {where} has a contrast ratio of {ratio:.2f}:1. WCAG 2.2 AA needs at least "
                    f"{TEXT_MINIMUM}:1, so some readers could not read it. Choose a darker colour."
                )
        if errors:
            raise ValidationError(errors)

    contact_panels = [
        FieldPanel("council_name"),
        MultiFieldPanel(
            [
                FieldPanel("toolkit_contact_name"),
                FieldPanel("toolkit_contact_email"),
                FieldPanel("toolkit_contact_phone"),
            ],
            heading="Toolkit contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("sendiass_name"),
                FieldPanel("sendiass_phone"),
                FieldPanel("sendiass_email"),
                FieldPanel("sendiass_url"),
            ],
            heading="SENDIASS contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("safeguarding_name"),
                FieldPanel("safeguarding_phone"),
                FieldPanel("safeguarding_out_of_hours_phone"),
                FieldPanel("safeguarding_email"),
                FieldPanel("safeguarding_url"),
                FieldPanel("mental_health_crisis_phone"),
            ],
            heading="Safeguarding contacts",
            help_text=(
                "Shown on every Getting Risk Support page. The name, safeguarding phone and mental health "
                "crisis line are required."
            ),
        ),
    ]
    branding_panels = [FieldPanel("logo"), FieldPanel("brand_colour"), FieldPanel("accent_colour")]
    costing_panels = [FieldPanel("school_weeks"), FieldPanel("notional_sen_budget")]

    edit_handler = TabbedInterface(
        [
            ObjectList(contact_panels, heading="Council and contacts"),
            ObjectList(branding_panels, heading="Branding"),
            ObjectList(costing_panels, heading="Costings"),
        ],
        base_form_class=ToolkitSettingsForm,
    )

    class Meta:
        verbose_name = "SEND toolkit settings"


def settings_for_request(request) -> ToolkitSettings | None:
    """The council settings of the site serving ``request`` (Wagtail keeps them for the rest of the request),
    or None when no site matches the request's host or there is no request."""
    if request is None or Site.find_for_request(request) is None:
        return None
    return ToolkitSettings.for_request(request)
