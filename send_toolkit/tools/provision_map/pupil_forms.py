"""The form for one pupil's costed provision: the rows of a map they attend, and any 1:1 provision.

Nothing here is saved anywhere (DESIGN.md section 5). The form has no field for a name or a reference: a 1:1
line says what the provision is, not who it is for. Its messages never repeat what was typed, and the lines
travel only in the body of a POST, so they stay out of URLs and access logs. Without JavaScript, a form has
a fixed number of 1:1 lines; "Add another 1:1 line" posts the form back with one more, keeping what was typed.
A line left empty is ignored. The figures come from ``domain.provision_map`` (``one_to_one_plan``,
``row_figures``, ``pupil_provision``) at the map's own year's rates.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from send_toolkit.domain.costing import format_money
from send_toolkit.domain.provision_map import (
    ROW_LIMITS,
    PupilProvision,
    RowError,
    RowFigures,
    one_to_one_plan,
    pupil_provision,
    row_figures,
)
from send_toolkit.interventions.models import StaffRole
from send_toolkit.tools.provision_map.forms import use_row_limit_messages
from send_toolkit.tools.provision_map.pricing import PricedMap, PricedRow, YearRates

FIRST_LINES = 3
MOST_LINES = 20
LINES_FIELD = "lines"
LINE_PREFIX = "one-to-one"
# A 1:1 line is in use once any of these holds something (weeks starts filled in, so it doesn't count).
IN_USE_FIELDS = ("label", "sessions_per_week", "session_minutes", "staff_role", "hourly_rate")
LIMITS = {name: (smallest, largest) for name, smallest, largest, _message in ROW_LIMITS}


def _bounds(name: str) -> dict[str, Decimal]:
    smallest, largest = LIMITS[name]
    return {"min_value": smallest, "max_value": largest}


def _number_input(inputmode: str = "decimal") -> forms.TextInput:
    # A text box that brings up a number keypad: browsers' number boxes change the value when someone scrolls.
    return forms.TextInput(attrs={"inputmode": inputmode, "autocomplete": "off", "spellcheck": "false"})


class AttendedRowsForm(forms.Form):
    """Which of the map's rows the pupil attends. Rows the map can't cost are not offered."""

    rows = forms.MultipleChoiceField(
        label=gettext_lazy("Provision on the map this pupil attends"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Choose provision from this map.")},
    )

    def __init__(self, *args, priced: PricedMap, **kwargs):
        super().__init__(*args, **kwargs)
        self.costed = {str(item.row.pk): item for item in priced.rows if item.figures is not None}
        self.fields["rows"].choices = [(pk, attended_label(item)) for pk, item in self.costed.items()]

    def chosen(self) -> list[PricedRow]:
        return [self.costed[pk] for pk in self.cleaned_data["rows"]]


def attended_label(item: PricedRow) -> str:
    return _("%(name)s: %(cost)s for one pupil's place, %(hours)s contact hours") % {
        "name": item.row.name,
        "cost": format_money(item.figures.cost_per_pupil),
        "hours": f"{item.figures.contact_hours_per_pupil.normalize():f}",
    }


class OneToOneForm(forms.Form):
    """A pupil's own 1:1 provision, costed in full: a row of one group of one pupil."""

    use_required_attribute = False  # a line is needed only once it is in use

    label = forms.CharField(
        label=gettext_lazy("What the 1:1 provision is"),
        help_text=gettext_lazy("Describe the provision, never the pupil: for example, Speech and language programme."),
        max_length=120,
        error_messages={
            "required": gettext_lazy("Say what the 1:1 provision is, for example Speech and language programme."),
            "max_length": gettext_lazy("Describe the provision in 120 characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    sessions_per_week = forms.DecimalField(
        label=gettext_lazy("Sessions a week"),
        max_digits=4,
        decimal_places=1,
        widget=_number_input(),
        **_bounds("sessions_per_week"),
    )
    session_minutes = forms.IntegerField(
        label=gettext_lazy("Minutes a session"), widget=_number_input("numeric"), **_bounds("session_minutes")
    )
    weeks = forms.IntegerField(label=gettext_lazy("Weeks"), widget=_number_input("numeric"), **_bounds("weeks"))
    staff_role = forms.ModelChoiceField(
        label=gettext_lazy("Staff role"),
        queryset=StaffRole.objects.order_by("name"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Choose a staff role from the list.")},
    )
    hourly_rate = forms.DecimalField(
        label=gettext_lazy("Or your own hourly rate (£)"),
        help_text=gettext_lazy("Leave empty to use the council's rate for the staff role."),
        required=False,
        max_digits=7,
        decimal_places=2,
        widget=_number_input(),
        **_bounds("hourly_rate"),
    )

    def __init__(self, *args, rates: YearRates, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.rates = rates
        self.number = number
        self.figures: RowFigures | None = None
        use_row_limit_messages(self.fields, {})
        self.fields["weeks"].initial = rates.school_weeks
        role_field = self.fields["staff_role"]
        role_field.empty_label = _("Choose a staff role")
        role_field.label_from_instance = self._role_label

    def _role_label(self, role: StaffRole) -> str:
        rate, _source = self.rates.rate_for(role.pk)
        if rate is None:
            return role.name
        return _("%(role)s (%(rate)s an hour)") % {"role": role.name, "rate": format_money(rate)}

    def clean(self) -> dict:
        data = super().clean()
        role, own_rate = data.get("staff_role"), data.get("hourly_rate")
        if "hourly_rate" in self.errors:
            return data
        rate, _source = self.rates.rate_for(role.pk if role else None, own_rate)
        if rate is None:
            self.add_error("staff_role", _("Choose who delivers it, or enter an hourly rate."))
            return data
        if self.errors:
            return data
        plan = one_to_one_plan(data["sessions_per_week"], data["session_minutes"], data["weeks"], rate)
        try:
            self.figures = row_figures(plan)
        except RowError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data


def line_in_use(data: QueryDict, prefix: str) -> bool:
    return any((data.get(f"{prefix}-{name}") or "").strip() for name in IN_USE_FIELDS)


def line_count(data: QueryDict | None) -> int:
    """How many 1:1 lines the form shows: what the page asked for, within 1 and ``MOST_LINES``."""
    try:
        count = int((data or {}).get(LINES_FIELD, FIRST_LINES))
    except (TypeError, ValueError):
        count = FIRST_LINES
    return max(1, min(MOST_LINES, count))


class PupilProvisionForm:
    """The rows one pupil attends and their 1:1 lines, read from one POST, or empty to start.

    ``bind=False`` shows what was posted without checking it (adding a line, going back to change the
    provision), so a line someone is still filling in shows no errors yet.
    """

    def __init__(self, priced: PricedMap, data: QueryDict | None = None, bind: bool = True, add_line: bool = False):
        self.priced = priced
        self.bound = data is not None and bind
        self.line_count = line_count(data) + (1 if add_line else 0)
        self.line_count = min(self.line_count, MOST_LINES)
        self.at_most_lines = self.line_count >= MOST_LINES
        self.problems: list[str] = []
        if self.bound:
            self.rows_form = AttendedRowsForm(data, priced=priced)
        else:
            chosen = [pk for pk in (data.getlist("rows") if data is not None else []) if pk]
            self.rows_form = AttendedRowsForm(priced=priced, initial={"rows": chosen})
        self.lines = [self._line(number, data) for number in range(self.line_count)]

    def _line(self, number: int, data: QueryDict | None) -> OneToOneForm:
        prefix = f"{LINE_PREFIX}-{number}"
        kwargs = {"rates": self.priced.rates, "number": number + 1, "prefix": prefix}
        if data is None or not line_in_use(data, prefix):
            return OneToOneForm(**kwargs)
        if self.bound:
            return OneToOneForm(data, **kwargs)
        initial = {name: data.get(f"{prefix}-{name}", "") for name in OneToOneForm.base_fields}
        return OneToOneForm(initial={**initial, "weeks": initial["weeks"] or self.priced.rates.school_weeks}, **kwargs)

    @property
    def used_lines(self) -> list[OneToOneForm]:
        return [line for line in self.lines if line.is_bound]

    @cached_property
    def valid(self) -> bool:
        if not self.bound:
            return False
        lines_valid = [line.is_valid() for line in self.used_lines]  # every line checked, so all errors show
        valid = self.rows_form.is_valid() and all(lines_valid)
        if valid and not self.rows_form.cleaned_data["rows"] and not self.used_lines:
            self.problems.append(_("Choose at least one provision from the map, or describe a 1:1 provision."))
            valid = False
        return valid

    def is_valid(self) -> bool:
        return self.valid

    def errors(self) -> list[tuple[str, str]]:
        """(where, message) for the error summary, in the order of the form."""
        found = [("", problem) for problem in self.problems]
        if self.rows_form.is_bound:
            boxes = self.rows_form["rows"].subwidgets
            where = boxes[0].id_for_label if boxes else ""
            found += [(where, error) for error in self.rows_form.errors.get("rows", [])]
        for line in self.used_lines:
            for error in line.non_field_errors():
                found.append(
                    (
                        line["label"].auto_id,
                        _("1:1 provision %(number)s: %(error)s") % {"number": line.number, "error": error},
                    )
                )
            for field in line:
                for error in field.errors:
                    found.append(
                        (
                            field.auto_id,
                            _("1:1 provision %(number)s, %(field)s: %(error)s")
                            % {"number": line.number, "field": field.label, "error": error},
                        )
                    )
        return found

    def provision(self, notional_sen_budget: Decimal) -> PupilProvision:
        """The pupil's costed provision (only once ``is_valid()``): never stored, only handed back."""
        return pupil_provision(
            attended=[(item.row.name, item.figures) for item in self.rows_form.chosen()],
            one_to_one=[(line.cleaned_data["label"], line.figures) for line in self.used_lines],
            notional_sen_budget=notional_sen_budget,
        )

    def carried_values(self) -> list[tuple[str, str]]:
        """The posted choices as (name, value) pairs, for the result page's forms to post back unchanged."""
        values = [("rows", str(item.row.pk)) for item in self.rows_form.chosen()]
        used = self.used_lines
        for number, line in enumerate(used):
            for name in OneToOneForm.base_fields:
                value = line[name].value()
                values.append((f"{LINE_PREFIX}-{number}-{name}", "" if value is None else str(value)))
        values.append((LINES_FIELD, str(max(FIRST_LINES, len(used)))))
        return values
