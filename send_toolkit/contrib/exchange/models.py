"""The exchange's two permissions. There is nothing to store: the model only gives them a home (no table)."""

from django.db import models


class ToolkitExchange(models.Model):
    """Who may export a whole toolkit (restricted content included) and who may import one into this site.

    Superusers may do both; give an editors' group either permission under Settings → Groups.
    """

    class Meta:
        managed = False  # no table: permissions need a model, not rows
        default_permissions = ()
        permissions = [
            ("export_toolkit", "Can export a whole toolkit, restricted content included"),
            ("import_toolkit", "Can import a toolkit from another council"),
        ]
        verbose_name = "toolkit exchange"


EXPORT_PERMISSION = "send_toolkit_exchange.export_toolkit"
IMPORT_PERMISSION = "send_toolkit_exchange.import_toolkit"
