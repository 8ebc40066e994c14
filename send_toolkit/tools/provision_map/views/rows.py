"""Adding, changing and removing a map's rows: an intervention from the library, or the setting's own provision."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from send_toolkit.access.visibility import visible_interventions
from send_toolkit.domain import vocabulary
from send_toolkit.domain.provision_map import MapAccess
from send_toolkit.front_end.layout import render
from send_toolkit.interventions.models import Intervention
from send_toolkit.tools.gate import practitioner_tool
from send_toolkit.tools.provision_map.forms import ChooseInterventionForm, RowForm
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.pricing import latest_school_weeks, price_row, rates_for_year, start_row_from
from send_toolkit.tools.provision_map.sharing import map_for

TEMPLATES = "send_toolkit/tools/provision_map"


def _library(request: HttpRequest):
    """The interventions this practitioner may see, and so may add."""
    return visible_interventions(request, Intervention.objects.order_by("name")).prefetch_related("need_areas")


def _next_position(provision_map: ProvisionMap) -> int:
    return (provision_map.rows.aggregate(last=Max("position"))["last"] or 0) + 1


def _need_areas(intervention: Intervention) -> list[str]:
    return [area.value for area in intervention.need_areas.all()]


def _row_page(request, provision_map, form, row, template="row_form.html", **context) -> HttpResponse:
    return render(
        request,
        f"{TEMPLATES}/{template}",
        {"provision_map": provision_map, "form": form, "row": row, **context},
        status=400 if form.errors else 200,
    )


@practitioner_tool
def add_row(request: HttpRequest, pk: int) -> HttpResponse:
    """Two ways in: ``?kind=own`` for the setting's own provision; otherwise choose from the library, then
    adjust the intervention's defaults (``?intervention=<id>``)."""
    provision_map, _access = map_for(request, pk, MapAccess.EDIT)
    if request.GET.get("kind") == "own":
        return _add_own_row(request, provision_map)
    chooser = ChooseInterventionForm(request.GET or None, interventions=_library(request))
    if not chooser.is_bound or not chooser.is_valid():
        return render(
            request,
            f"{TEMPLATES}/row_choose.html",
            {"provision_map": provision_map, "chooser": chooser, "tiers": vocabulary.TIERS},
            status=400 if chooser.errors else 200,
        )
    intervention = chooser.cleaned_data["intervention"]
    weeks = latest_school_weeks(provision_map.school_year)
    row = start_row_from(intervention, weeks)
    row.provision_map = provision_map
    form = RowForm(request.POST or None, instance=row, library=True, need_areas=_need_areas(intervention))
    if request.method == "POST" and form.is_valid():
        form.instance.position = _next_position(provision_map)
        form.save()
        messages.success(request, _("Added “%(name)s”.") % {"name": row.name})
        return redirect("send_toolkit:provision_map", pk=provision_map.pk)
    return _row_page(request, provision_map, form, row, intervention=intervention)


def _add_own_row(request: HttpRequest, provision_map: ProvisionMap) -> HttpResponse:
    row = ProvisionMapRow(provision_map=provision_map, weeks=latest_school_weeks(provision_map.school_year))
    form = RowForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        form.instance.position = _next_position(provision_map)
        form.save()
        messages.success(request, _("Added “%(name)s”.") % {"name": form.instance.name})
        return redirect("send_toolkit:provision_map", pk=provision_map.pk)
    return _row_page(request, provision_map, form, row, kind="own")


@practitioner_tool
def edit_row(request: HttpRequest, pk: int, row_id: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk, MapAccess.EDIT)
    row = get_object_or_404(ProvisionMapRow, pk=row_id, provision_map=provision_map)
    need_areas = _need_areas(row.intervention) if row.intervention is not None else None
    form = RowForm(request.POST or None, instance=row, library=row.from_library, need_areas=need_areas)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved “%(name)s”.") % {"name": row.name})
        return redirect("send_toolkit:provision_map", pk=provision_map.pk)
    priced = price_row(row, rates_for_year(provision_map.school_year)) if not form.errors else None
    return _row_page(request, provision_map, form, row, priced=priced)


@practitioner_tool
def delete_row(request: HttpRequest, pk: int, row_id: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk, MapAccess.EDIT)
    row = get_object_or_404(ProvisionMapRow, pk=row_id, provision_map=provision_map)
    if request.method == "POST":
        row.delete()
        messages.success(request, _("Removed “%(name)s” from the map.") % {"name": row.name})
        return redirect("send_toolkit:provision_map", pk=provision_map.pk)
    return render(request, f"{TEMPLATES}/row_delete.html", {"provision_map": provision_map, "row": row})
