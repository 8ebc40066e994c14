"""What the feed keeps of its own: the installation's identifier namespace, and when each service last changed.

The toolkit's records have integer keys, and Open Referral wants UUIDs that stay the same for as long as the
record lives (renaming an intervention must not make it a new service). Every identifier the feed gives is
derived from an integer key or a fixed value inside one namespace (``identifiers.py``), a random UUID made
once per installation, so two councils' feeds never share an identifier and a copy of a toolkit imported
into another site gets identifiers of its own.
"""

from __future__ import annotations

import uuid

from django.db import models

from send_toolkit.interventions.models import Intervention


class FeedNamespace(models.Model):
    """The one namespace every identifier of this installation's feed is made in (one row, made by migration)."""

    namespace = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = "Open Referral identifier namespace"

    def __str__(self) -> str:
        return str(self.namespace)


def feed_namespace() -> uuid.UUID:
    """The installation's namespace: the oldest row, made now if the table was emptied (a flushed database)."""
    row = FeedNamespace.objects.order_by("pk").first()
    if row is None:
        row, _made = FeedNamespace.objects.get_or_create(pk=1)
    return row.namespace


class ServiceModification(models.Model):
    """When an intervention, or anything the feed shows with it, last changed (HSDS ``last_modified``).

    Kept by signal handlers (``modification.py``). Writes that skip ``save()`` and its signals, such as the CSV
    import's bulk writes, leave no row or an old one; the feed then leaves ``last_modified`` out and
    ``modified_after`` always includes the service, so a consumer polling for changes misses nothing new.
    """

    intervention = models.OneToOneField(
        Intervention, on_delete=models.CASCADE, primary_key=True, related_name="openreferral_modification"
    )
    last_modified = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "Open Referral service modification time"

    def __str__(self) -> str:
        return f"{self.intervention_id} at {self.last_modified:%Y-%m-%dT%H:%M:%S}"
