"""The council's provision picture in the Wagtail admin (Reports › Provision picture), and its CSV export.

For commissioners: every provision map of a school year added up, with no setting, map or owner named, and
every figure resting on at least ``SEND_TOOLKIT_PROVISION_PICTURE_MIN_SETTINGS`` settings
(``domain.disclosure``). Only superusers and people given the "Can view the council's provision picture"
permission (Settings › Groups) may open it; it gives no way into any one map. Registered by
``send_toolkit/wagtail_hooks.py``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from send_toolkit.domain.costing import format_money
from send_toolkit.domain.disclosure import ShownCell, Withheld
from send_toolkit.domain.provision_map import SchoolYear, SchoolYearError
from send_toolkit.domain.spreadsheet_cells import UTF8_MARK, neutralised
from send_toolkit.interventions.rate_cards import this_school_year
from send_toolkit.tools.provision_map.picture import (
    CouncilPicture,
    Line,
    council_picture,
    minimum_settings,
    years_with_maps,
)

PERMISSION = "send_toolkit.view_provision_picture"
URL_NAME = "send_toolkit_provision_picture"


def may_view_picture(user) -> bool:
    """Superusers, and anyone given the provision picture permission (directly or through a group)."""
    return bool(user.is_active and user.has_perm(PERMISSION))


class PictureYearForm(forms.Form):
    year = forms.ChoiceField(
        label=_("School year"),
        error_messages={"invalid_choice": _("Choose a school year."), "required": _("Choose a school year.")},
    )

    def __init__(self, *args, years: list[SchoolYear], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(str(year), str(year)) for year in years]

    def clean_year(self) -> SchoolYear:
        try:
            return SchoolYear.parse(self.cleaned_data["year"])
        except SchoolYearError as error:  # not reached: the choices are all school years
            raise forms.ValidationError(gettext("Choose a school year.")) from error


def withheld_note(cell: ShownCell, minimum: int) -> str:
    """What a reader sees in place of a withheld cell's figures."""
    if cell.withheld is Withheld.FEW_SETTINGS:
        return gettext("fewer than %(minimum)s settings") % {"minimum": minimum}
    return gettext("withheld, so that a smaller figure can't be worked out")


class ProvisionPictureView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "send_toolkit/admin/provision_picture.html"
    page_title = _("Provision picture")
    header_icon = "table"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_view_picture(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        reports = {"url": "", "label": gettext("Reports")}
        return [*self.breadcrumbs_items, reports, {"url": "", "label": self.page_title}]

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        years = years_with_maps()
        current = this_school_year()
        if current not in years:
            years = sorted([*years, current], reverse=True)
        data = request.GET if "year" in request.GET else {"year": str(current if current in years else years[0])}
        form = PictureYearForm(data, years=years)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        picture = council_picture(form.cleaned_data["year"])
        if request.GET.get("export") == "csv":
            return picture_csv(picture)
        return self.render_to_response(self.get_context_data(form=form, picture=picture))

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["minimum"] = minimum_settings()
        picture = kwargs.get("picture")
        if picture is not None:
            context["interventions"] = _lines_shown(picture.interventions, picture.minimum)
            minimum = picture.minimum
            context["sections"] = [(section, _lines_shown(section.lines, minimum)) for section in picture.sections]
            context["csv_url"] = f"{reverse(URL_NAME)}?year={picture.school_year}&export=csv"
        return context


def _lines_shown(lines: tuple[Line, ...], minimum: int) -> list[dict]:
    return [{"label": line.label, "cell": line.cell, "note": _note(line.cell, minimum)} for line in lines]


# --- CSV --------------------------------------------------------------------------------------------------------


def _figure_cells(figures) -> list[str]:
    if figures is None:
        return ["", "", ""]
    return [f"{figures.staff_hours:.2f}", format_money(figures.annual_staff_cost), format_money(figures.total_cost)]


def picture_rows(picture: CouncilPicture) -> Iterator[list[str]]:
    """The picture as CSV rows: what it is, settings per intervention, each table with its total, and the
    interventions nobody uses; withheld cells have empty figures and say why."""
    minimum = picture.minimum
    yield [
        gettext("Section"),
        gettext("Item"),
        gettext("Settings"),
        gettext("Staff hours"),
        gettext("Annual staff cost"),
        gettext("Total cost"),
        gettext("Note"),
    ]
    few = gettext("fewer than %(minimum)s settings") % {"minimum": minimum}
    about = gettext("About")
    yield [about, gettext("School year"), "", "", "", "", str(picture.school_year)]
    yield [about, gettext("Smallest number of settings behind a figure"), str(minimum), "", "", "", ""]
    settings = "" if picture.settings is None else str(picture.settings)
    yield [about, gettext("Settings with provision planned"), settings, "", "", "", "" if settings else few]
    section = gettext("Settings planning each intervention")
    for line in picture.interventions:
        yield [section, line.label, _count(line.cell.settings), "", "", "", _note(line.cell, minimum)]
    for table in picture.sections:
        for line in table.lines:
            cell = line.cell
            yield [table.title, line.label, _count(cell.settings), *_figure_cells(cell.figures), _note(cell, minimum)]
        note = "" if table.total is not None else few
        yield [table.title, gettext("Total"), _count(table.total_settings), *_figure_cells(table.total), note]
    unused = gettext("Interventions nobody plans")
    for name in picture.unused or ():
        yield [unused, name, "0", "", "", "", ""]


def _note(cell: ShownCell, minimum: int) -> str:
    return "" if cell.shown else withheld_note(cell, minimum)


def _count(settings: int | None) -> str:
    return "" if settings is None else str(settings)


def picture_csv(picture: CouncilPicture) -> HttpResponse:
    """The picture as a CSV file that opens in Excel: UTF-8 with a byte order mark, formula-like cells neutralised."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="provision-picture-{picture.school_year}.csv"'
    response.write(UTF8_MARK)
    writer = csv.writer(response)
    for row in picture_rows(picture):
        writer.writerow([neutralised(cell) for cell in row])
    return response


# --- Registration -----------------------------------------------------------------------------------------------


class ProvisionPictureMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return may_view_picture(request.user)


def provision_picture_urls() -> list[URLPattern]:
    """For the ``register_admin_urls`` hook."""
    return [path("reports/send-toolkit-provision-picture/", ProvisionPictureView.as_view(), name=URL_NAME)]


def provision_picture_menu_item() -> MenuItem:
    """For the ``register_reports_menu_item`` hook."""
    return ProvisionPictureMenuItem(
        _("Provision picture"), reverse(URL_NAME), name="send-toolkit-provision-picture", icon_name="table", order=760
    )


def provision_picture_permission() -> QuerySet[Permission]:
    """For the ``register_permissions`` hook: the permission shows in Settings › Groups, to give to commissioners."""
    return Permission.objects.filter(content_type__app_label="send_toolkit", codename="view_provision_picture")
