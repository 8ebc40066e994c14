"""Which maps a practitioner may open, and sharing them with colleagues at the same setting.

The rule is ``domain.provision_map.map_access``; this module gathers its facts. A map that may not be
opened is a 404, so its existence is not given away; a colleague with read-only access who tries to
change it is told so (403).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from send_toolkit.access.visibility import PRACTITIONER_PROFILE
from send_toolkit.domain.access_rules import AccountStatus
from send_toolkit.domain.provision_map import MapAccess, map_access, setting_key
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapShare


def practitioner_setting_key(user) -> str:
    profile = getattr(user, PRACTITIONER_PROFILE, None)
    return setting_key(profile.organisation) if profile is not None else ""


def access_to(provision_map: ProvisionMap, user) -> MapAccess:
    if provision_map.owner_id == user.pk:
        return MapAccess.OWN
    share = ProvisionMapShare.objects.filter(provision_map=provision_map, colleague=user).first()
    return map_access(
        is_owner=False,
        shared=share is not None,
        share_can_edit=bool(share and share.can_edit),
        same_setting=practitioner_setting_key(user) == provision_map.setting_key,
    )


def maps_open_to(user) -> QuerySet[ProvisionMap]:
    """The maps this practitioner owns, and those shared with them while they work at the map's setting."""
    shared_with_them = ProvisionMapShare.objects.filter(colleague=user).values("provision_map")
    return ProvisionMap.objects.filter(
        Q(owner=user) | Q(pk__in=shared_with_them, setting_key=practitioner_setting_key(user))
    )


def map_for(request: HttpRequest, pk: int, need: MapAccess = MapAccess.READ) -> tuple[ProvisionMap, MapAccess]:
    """The map ``pk`` and what this practitioner may do with it: Http404 if they may not open it,
    PermissionDenied if they may open it but not do what ``need`` says."""
    provision_map = ProvisionMap.objects.filter(pk=pk).select_related("owner").first()
    access = access_to(provision_map, request.user) if provision_map is not None else MapAccess.NONE
    if access is MapAccess.NONE:
        raise Http404("No such provision map.")
    if access < need:
        raise PermissionDenied("You can read this provision map but not change it.")
    return provision_map, access


def colleagues_for(provision_map: ProvisionMap, email: str):
    """The approved practitioner at the map's setting with this work email, or None (never the owner)."""
    user_model = get_user_model()
    candidates = user_model.objects.filter(
        email__iexact=email.strip(),
        is_active=True,
        practitioner_profile__status=AccountStatus.APPROVED.value,
    ).exclude(pk=provision_map.owner_id)
    for candidate in candidates.select_related("practitioner_profile"):
        if setting_key(candidate.practitioner_profile.organisation) == provision_map.setting_key:
            return candidate
    return None
