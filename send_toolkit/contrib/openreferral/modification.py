"""Keeps ``ServiceModification`` (HSDS ``last_modified``, and the ``modified_after`` filter) up to date, and
purges the feed's cached copies of a service that changed.

A service's record shows the intervention, its broad areas, key stages and sub-needs, its staff role's rate and
the council's settings (its name, contact and school year), so a change to any of them is a change to the
service, noted when it is saved. The feed is public and cached (``SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE``), and
consumers read it to keep their directories current, so every such change also purges, once committed, the
feed's URLs that show the service (``channels.urls_showing_service``), and a deleted intervention's too. A
change of who may see an intervention purges the toolkit's other channels as well (``access.purging``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from send_toolkit.contrib.openreferral.channels import urls_showing_service
from send_toolkit.contrib.openreferral.models import ServiceModification
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.interventions.models import Audience, Intervention, StaffRole, SubNeed


def touch(intervention_ids: Iterable[int]) -> None:
    """Record that these interventions' services changed now."""
    ids = sorted(set(intervention_ids))
    if not ids:
        return
    now = timezone.now()
    ServiceModification.objects.filter(intervention_id__in=ids).update(last_modified=now)
    held = set(ServiceModification.objects.filter(intervention_id__in=ids).values_list("intervention_id", flat=True))
    existing = set(Intervention.objects.filter(pk__in=set(ids) - held).values_list("pk", flat=True))
    ServiceModification.objects.bulk_create(
        [ServiceModification(intervention_id=pk, last_modified=now) for pk in sorted(existing)], ignore_conflicts=True
    )
    transaction.on_commit(lambda: purge_services(ids))


def purge_services(intervention_ids: Iterable[int]) -> None:
    """Purge the feed's URLs that show these interventions' services (read afresh, after the commit). Only public
    ones are in the feed; a change of audience purges through ``access.purging`` as well."""
    batch = PurgeBatch()
    changed = Intervention.objects.filter(pk__in=list(intervention_ids), audience=Audience.PUBLIC)
    for intervention in changed.prefetch_related("sub_needs"):
        batch.add_urls(urls_showing_service(intervention))
    batch.purge()


def _intervention_deleted(sender, instance: Intervention, **kwargs) -> None:
    """Gone from the feed: its URLs are worked out now, while its sub-needs are still there, and purged once
    the deletion is committed."""
    urls = urls_showing_service(instance)

    def purge() -> None:
        batch = PurgeBatch()
        batch.add_urls(urls)
        batch.purge()

    transaction.on_commit(purge)


def _intervention_saved(sender, instance: Intervention, raw: bool = False, **kwargs) -> None:
    if not raw:  # loading fixtures
        touch([instance.pk])


def _choices_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """An intervention's broad areas, key stages or sub-needs changed, from either side."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        touch([instance.pk])
    elif pk_set:
        touch(pk_set)
    # A reverse clear ("sub_need.interventions.clear()") names no interventions; pre_clear below has them.


def _choices_clearing(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if action == "pre_clear" and reverse:
        touch(instance.interventions.values_list("pk", flat=True))


def _rate_or_sub_need_changed(sender, instance: StaffRole | SubNeed, raw: bool = False, **kwargs) -> None:
    if not raw:
        touch(instance.interventions.values_list("pk", flat=True))


def _council_changed(sender, instance: ToolkitSettings, raw: bool = False, **kwargs) -> None:
    if not raw:
        touch(Intervention.objects.values_list("pk", flat=True))


UID = "send_toolkit_openreferral_modification"


def connect() -> None:
    """Called from the sub-app's ``ready()``."""
    post_save.connect(_intervention_saved, sender=Intervention, dispatch_uid=UID)
    pre_delete.connect(_intervention_deleted, sender=Intervention, dispatch_uid=UID)
    for through in (Intervention.need_areas.through, Intervention.key_stages.through, Intervention.sub_needs.through):
        m2m_changed.connect(_choices_changed, sender=through, dispatch_uid=f"{UID}_changed")
        m2m_changed.connect(_choices_clearing, sender=through, dispatch_uid=f"{UID}_clearing")
    for model in (StaffRole, SubNeed):
        post_save.connect(_rate_or_sub_need_changed, sender=model, dispatch_uid=UID)
        # Deleting a staff role empties its interventions' role (SET_NULL) without saving them.
        pre_delete.connect(_rate_or_sub_need_changed, sender=model, dispatch_uid=UID)
    post_save.connect(_council_changed, sender=ToolkitSettings, dispatch_uid=UID)
