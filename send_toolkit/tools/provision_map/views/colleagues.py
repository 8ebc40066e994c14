"""Sharing a map with colleagues at the same setting: read only, or may edit; and taking it back."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from send_toolkit.domain.provision_map import MapAccess
from send_toolkit.front_end.layout import render
from send_toolkit.tools.gate import practitioner_tool
from send_toolkit.tools.provision_map.forms import ShareForm
from send_toolkit.tools.provision_map.models import ProvisionMapShare
from send_toolkit.tools.provision_map.sharing import colleagues_for, map_for

TEMPLATES = "send_toolkit/tools/provision_map"


@practitioner_tool
def sharing(request: HttpRequest, pk: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk, MapAccess.OWN)
    form = ShareForm()
    if request.method == "POST":
        action = request.POST.get("action", "share")
        if action in ("remove", "change"):
            share = ProvisionMapShare.objects.filter(provision_map=provision_map, pk=request.POST.get("share")).first()
            if share is not None and action == "remove":
                share.delete()
                messages.success(
                    request, _("%(name)s can no longer open this map.") % {"name": _person(share.colleague)}
                )
            elif share is not None:
                share.can_edit = request.POST.get("can_edit") == "1"
                share.save(update_fields=["can_edit"])
                messages.success(request, _("Saved what %(name)s may do.") % {"name": _person(share.colleague)})
            return redirect("send_toolkit:provision_map_sharing", pk=provision_map.pk)
        form = ShareForm(request.POST)
        if form.is_valid():
            colleague = colleagues_for(provision_map, form.cleaned_data["email"])
            if colleague is None:
                form.add_error(
                    "email",
                    _(
                        "No approved practitioner at %(setting)s has that email address. Your colleague needs a "
                        "practitioner account, approved by the council, with the same setting as yours."
                    )
                    % {"setting": provision_map.setting_name},
                )
            else:
                ProvisionMapShare.objects.update_or_create(
                    provision_map=provision_map,
                    colleague=colleague,
                    defaults={"can_edit": form.cleaned_data["can_edit"]},
                )
                messages.success(request, _("Shared with %(name)s.") % {"name": _person(colleague)})
                return redirect("send_toolkit:provision_map_sharing", pk=provision_map.pk)
    shares = provision_map.shares.select_related("colleague").order_by("colleague__first_name", "colleague__email")
    return render(
        request,
        f"{TEMPLATES}/sharing.html",
        {"provision_map": provision_map, "form": form, "shares": shares},
        status=400 if form.errors else 200,
    )


def _person(user) -> str:
    return user.get_full_name() or user.email
