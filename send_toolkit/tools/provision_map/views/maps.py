"""A practitioner's maps: list and create, the map itself, its settings, archive, delete, copy to next year."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from send_toolkit.access.visibility import PRACTITIONER_PROFILE
from send_toolkit.domain.provision_map import MapAccess, SchoolYear, setting_key
from send_toolkit.front_end.layout import render
from send_toolkit.tools.gate import practitioner_tool
from send_toolkit.tools.provision_map.copying import copy_to_next_year, library_changes
from send_toolkit.tools.provision_map.forms import MapForm
from send_toolkit.tools.provision_map.models import ProvisionMap
from send_toolkit.tools.provision_map.pricing import price_map, price_maps
from send_toolkit.tools.provision_map.sharing import map_for, maps_open_to

TEMPLATES = "send_toolkit/tools/provision_map"


@practitioner_tool
def map_list(request: HttpRequest) -> HttpResponse:
    """Every map open to this practitioner, with a form to start a new one."""
    profile = getattr(request.user, PRACTITIONER_PROFILE)
    today = timezone.localdate()
    form = MapForm(request.POST or None, initial={"school_year": str(SchoolYear.containing(today.year, today.month))})
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        form.instance.setting_name = profile.organisation
        form.instance.setting_key = setting_key(profile.organisation)
        provision_map = form.save()
        messages.success(
            request, _("Your provision map “%(name)s” is ready: add its first row.") % {"name": provision_map.name}
        )
        return redirect("send_toolkit:provision_map", pk=provision_map.pk)
    maps = (
        maps_open_to(request.user)
        .select_related("owner")
        .prefetch_related("rows")
        .order_by("archived", "-school_year_start", "name")
    )
    summaries = [(priced.provision_map, priced) for priced in price_maps(maps)]
    return render(
        request,
        f"{TEMPLATES}/map_list.html",
        {
            "form": form,
            "current": [item for item in summaries if not item[0].archived],
            "archived": [item for item in summaries if item[0].archived],
            "setting_name": profile.organisation,
        },
        status=400 if form.errors else 200,
    )


@practitioner_tool
def map_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provision_map, access = map_for(request, pk)
    return render(
        request,
        f"{TEMPLATES}/map_detail.html",
        {
            "provision_map": provision_map,
            "priced": price_map(provision_map),
            "may_edit": access >= MapAccess.EDIT,
            "owns": access is MapAccess.OWN,
        },
    )


@practitioner_tool
def map_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename the map and change its notional SEN budget (its year is fixed: copy it to the next year)."""
    provision_map, _access = map_for(request, pk, MapAccess.OWN)
    form = MapForm(request.POST or None, instance=provision_map, fixed_year=True)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("send_toolkit:provision_map", pk=provision_map.pk)
    return render(
        request,
        f"{TEMPLATES}/map_settings.html",
        {"provision_map": provision_map, "form": form},
        status=400 if form.errors else 200,
    )


@practitioner_tool
@require_POST
def map_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Archive a map (it moves to the end of the list and reads as finished), or bring it back."""
    provision_map, _access = map_for(request, pk, MapAccess.OWN)
    provision_map.archived = request.POST.get("archived") != "0"
    provision_map.save(update_fields=["archived", "updated_at"])
    if provision_map.archived:
        messages.success(request, _("“%(name)s” is archived.") % {"name": provision_map.name})
    else:
        messages.success(request, _("“%(name)s” is back in your maps.") % {"name": provision_map.name})
    return redirect("send_toolkit:provision_map", pk=provision_map.pk)


@practitioner_tool
def map_delete(request: HttpRequest, pk: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk, MapAccess.OWN)
    if request.method == "POST":
        name = provision_map.name
        provision_map.delete()
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": name})
        return redirect("send_toolkit:provision_maps")
    return render(request, f"{TEMPLATES}/map_delete.html", {"provision_map": provision_map})


@practitioner_tool
def map_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy a map to the next school year, re-priced at that year's rates; first, say what has changed."""
    provision_map, _access = map_for(request, pk, MapAccess.OWN)
    next_year = provision_map.school_year.next()
    if request.method == "POST":
        with transaction.atomic():
            copy = copy_to_next_year(request, provision_map)
        messages.success(
            request,
            _("“%(name)s” is copied to %(year)s and priced at that year's rates.")
            % {"name": copy.name, "year": next_year},
        )
        return redirect("send_toolkit:provision_map", pk=copy.pk)
    return render(
        request,
        f"{TEMPLATES}/map_copy.html",
        {
            "provision_map": provision_map,
            "next_year": next_year,
            "changes": library_changes(request, provision_map),
            "existing": ProvisionMap.objects.filter(
                copied_from=provision_map, school_year_start=next_year.start
            ).first(),
        },
    )
