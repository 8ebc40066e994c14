"""The four broad areas of need and six phases are fixed vocabulary: create their rows."""

from django.db import migrations

NEED_AREAS = ["communication_interaction", "cognition_learning", "semh", "sensory_physical"]
KEY_STAGES = ["early_years", "ks1", "ks2", "ks3", "ks4", "post16"]


def seed(apps, schema_editor):
    for model_name, values in (("NeedArea", NEED_AREAS), ("KeyStage", KEY_STAGES)):
        model = apps.get_model("send_toolkit", model_name)
        for order, value in enumerate(values):
            model.objects.update_or_create(value=value, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("send_toolkit", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
