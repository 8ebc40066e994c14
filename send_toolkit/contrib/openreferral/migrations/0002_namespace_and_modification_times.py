"""The installation's identifier namespace, and a change time for the interventions there already are."""

import uuid

from django.db import migrations
from django.utils import timezone


def create(apps, schema_editor):
    namespace = apps.get_model("send_toolkit_openreferral", "FeedNamespace")
    if not namespace.objects.exists():
        namespace.objects.create(namespace=uuid.uuid4())
    modification = apps.get_model("send_toolkit_openreferral", "ServiceModification")
    intervention = apps.get_model("send_toolkit", "Intervention")
    now = timezone.now()
    modification.objects.bulk_create(
        [
            modification(intervention_id=pk, last_modified=now)
            for pk in intervention.objects.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("send_toolkit_openreferral", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
