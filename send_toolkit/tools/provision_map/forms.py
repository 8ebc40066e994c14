"""The provision map's forms. Every figure is checked against the limits in ``domain.provision_map``
(``ROW_LIMITS``), and each refusal says in plain words what to enter instead."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from send_toolkit.domain import vocabulary
from send_toolkit.domain.provision_map import ROW_LIMITS, SchoolYear, SchoolYearError
from send_toolkit.interventions.models import Intervention, StaffRole
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow

# ``ROW_LIMITS`` names its figures as the domain does; the form's fields are named as the row's.
FIELD_FOR_LIMIT = {"hourly_rate": "own_hourly_rate"}
NOT_A_NUMBER = _("Enter a number, for example 3.")


def use_row_limit_messages(
    fields: Mapping[str, forms.Field], field_for_limit: Mapping[str, str] = FIELD_FOR_LIMIT
) -> None:
    """Give each figure's field the plain-words message of its limit in ``ROW_LIMITS``, whatever is wrong with it
    (missing, out of range, too many digits), and one message for what isn't a number at all."""
    for limit_name, _smallest, _largest, message in ROW_LIMITS:
        field = fields.get(field_for_limit.get(limit_name, limit_name))
        if field is None:
            continue
        for code in ("min_value", "max_value", "max_digits", "max_whole_digits", "max_decimal_places"):
            field.error_messages[code] = message
        field.error_messages["invalid"] = NOT_A_NUMBER
        field.error_messages["required"] = message


class MapForm(forms.ModelForm):
    school_year = forms.CharField(
        label=_("School year"),
        max_length=12,
        help_text=_("For example 2026-27."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    class Meta:
        model = ProvisionMap
        fields = ["name", "school_year", "notional_sen_budget"]
        labels = {"name": _("Name of the map"), "notional_sen_budget": _("Notional SEN budget (optional)")}
        help_texts = {
            "name": _("For example: Whole school provision map."),
            "notional_sen_budget": _("Your setting's whole notional SEN budget for the year, in pounds."),
        }
        error_messages = {
            "name": {"required": _("Enter a name for the map.")},
            "notional_sen_budget": {
                "min_value": _("The budget cannot be less than £0."),
                "max_value": _("Enter the budget in pounds, for example 45000."),
                "invalid": _("Enter the budget in pounds, for example 45000."),
                "max_digits": _("Enter the budget in pounds, for example 45000."),
                "max_decimal_places": _("Enter the budget to the penny at most, for example 45000.00."),
            },
        }

    def __init__(self, *args, fixed_year: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["school_year"] = str(self.instance.school_year)
        self.fields["school_year"].error_messages["required"] = _("Enter the school year, for example 2026-27.")
        if fixed_year:
            # A map's year is fixed once made; copy it to the next year instead.
            del self.fields["school_year"]

    def clean_school_year(self) -> SchoolYear:
        try:
            return SchoolYear.parse(self.cleaned_data["school_year"])
        except SchoolYearError as error:
            raise forms.ValidationError(str(error)) from error

    def save(self, commit: bool = True) -> ProvisionMap:
        if "school_year" in self.cleaned_data:
            self.instance.school_year_start = self.cleaned_data["school_year"].start
        return super().save(commit)


class ChooseInterventionForm(forms.Form):
    intervention = forms.ModelChoiceField(
        queryset=Intervention.objects.none(),
        label=_("Intervention from the library"),
        empty_label=_("Choose an intervention"),
        error_messages={
            "required": _("Choose an intervention from the library."),
            "invalid_choice": _("Choose an intervention from the list."),
        },
    )

    def __init__(self, *args, interventions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intervention"].queryset = (
            interventions if interventions is not None else Intervention.objects.none()
        )


ROW_FIGURES = [
    "staff_role",
    "own_hourly_rate",
    "groups",
    "pupils_per_group",
    "sessions_per_week",
    "session_minutes",
    "weeks",
    "adults",
    "resource_cost",
    "training_cost",
    "intended_outcome",
    "review_date",
]
OWN_PROVISION_FIELDS = ["name", "need_area", "tier", "delivery"]


class RowForm(forms.ModelForm):
    """A row of the map. Rows from the library take their name, tier and delivery from the intervention;
    the setting's own provision names its own."""

    class Meta:
        model = ProvisionMapRow
        fields = OWN_PROVISION_FIELDS + ROW_FIGURES
        labels = {
            "name": _("Name of the provision"),
            "need_area": _("Broad area of need"),
            "tier": _("Tier"),
            "delivery": _("Delivery"),
            "staff_role": _("Staff role"),
            "own_hourly_rate": _("Your own hourly rate (optional)"),
            "groups": _("Number of groups"),
            "pupils_per_group": _("Pupils in each group"),
            "sessions_per_week": _("Sessions a week"),
            "session_minutes": _("Minutes a session"),
            "weeks": _("Weeks"),
            "adults": _("Adults in each session"),
            "resource_cost": _("One-off resources (£)"),
            "training_cost": _("Training (£)"),
            "intended_outcome": _("Intended outcome"),
            "review_date": _("Review date"),
        }
        help_texts = {
            "own_hourly_rate": _("Leave empty to use the council's rate for the staff role."),
            "review_date": _("For example 17/03/2027."),
            "name": _("Provision that is additional to or different from your usual offer."),
        }
        widgets = {
            "review_date": forms.DateInput(attrs={"type": "date"}),
            "intended_outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, library: bool = False, need_areas: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        if library:
            for name in ("name", "tier", "delivery"):
                del self.fields[name]
            if need_areas:
                self.fields["need_area"].choices = [
                    (term.value, term.label) for term in vocabulary.NEED_AREAS if term.value in need_areas
                ]
        else:
            self.fields["name"].error_messages["required"] = _("Enter the name of the provision.")
            self.fields["tier"].error_messages["required"] = _("Choose the tier.")
        self.fields["need_area"].error_messages["required"] = _("Choose the broad area of need.")
        self.fields["staff_role"].queryset = StaffRole.objects.order_by("name")
        self.fields["staff_role"].empty_label = _("No staff time costed")
        self.fields["staff_role"].label_from_instance = lambda role: role.name
        self.fields["review_date"].error_messages["invalid"] = _(
            "Enter the review date as a date, for example 17/03/2027."
        )
        use_row_limit_messages(self.fields, FIELD_FOR_LIMIT)


class ShareForm(forms.Form):
    email = forms.EmailField(
        label=_("Your colleague's work email"),
        error_messages={
            "required": _("Enter your colleague's work email address."),
            "invalid": _("Enter an email address, for example name@school.sch.uk."),
        },
    )
    can_edit = forms.TypedChoiceField(
        label=_("What they may do"),
        choices=[("0", _("Read the map")), ("1", _("Read and change the map"))],
        coerce=lambda value: value == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
