"""Admin actions on practitioner accounts: approve, reject, suspend, reinstate (POST only)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus

# action: (statuses it applies to, message)
ACTIONS: dict[str, tuple[set[str], str]] = {
    "approve": (
        {PractitionerStatus.PENDING, PractitionerStatus.UNVERIFIED, PractitionerStatus.REJECTED},
        "{name} is approved and has been told by email.",
    ),
    "reject": (
        {PractitionerStatus.PENDING, PractitionerStatus.UNVERIFIED},
        "{name} was not approved and has been told by email.",
    ),
    "suspend": ({PractitionerStatus.APPROVED}, "{name} is suspended and logged out everywhere."),
    "reinstate": ({PractitionerStatus.SUSPENDED}, "{name} is approved again."),
}
# When the mail server would not take the email of an approval or rejection.
EMAIL_KEPT = {
    "approve": _(
        "{name} is approved, but we couldn't send them the email just now. It will be tried again: "
        "see Undelivered email under SEND toolkit."
    ),
    "reject": _(
        "{name} was not approved, but we couldn't send them the email just now. It will be tried again: "
        "see Undelivered email under SEND toolkit."
    ),
}


def actions_for(profile: PractitionerProfile) -> list[str]:
    return [action for action, (statuses, _message) in ACTIONS.items() if profile.status in statuses]


@require_POST
def change_status(request: HttpRequest, pk: int, action: str, index_url_name: str) -> HttpResponse:
    if not request.user.has_perm("send_toolkit.change_practitionerprofile"):
        raise PermissionDenied
    profile = get_object_or_404(PractitionerProfile.objects.select_related("user"), pk=pk)
    if action not in actions_for(profile):
        messages.error(request, f"{profile.name} is {profile.get_status_display().lower()}: nothing was changed.")
        return redirect(index_url_name)
    base_url = request.build_absolute_uri("/")
    if action in ("approve", "reject"):
        if not getattr(profile, action)(base_url):
            messages.warning(request, str(EMAIL_KEPT[action]).format(name=profile.name))
            return redirect(index_url_name)
    else:
        getattr(profile, action)()
    messages.success(request, ACTIONS[action][1].format(name=profile.name))
    return redirect(index_url_name)
