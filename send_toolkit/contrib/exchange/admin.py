"""Admin wiring for the exchange: its screens in the "SEND toolkit" menu, and its two permissions on the
group editing screen. Registered by this sub-app's ``wagtail_hooks.py``."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from send_toolkit.contrib.exchange.views import ExchangeIndexView, ExportView, ImportView, may_export, may_import


class ExchangeMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_export(request.user) or may_import(request.user)


class ToolkitExchangeViewSet(ViewSet):
    name = "send-toolkit-exchange"
    icon = "resubmit"
    menu_label = _("Toolkit exchange")
    menu_item_class = ExchangeMenuItem

    def get_urlpatterns(self):
        index = self.get_url_name("index")
        return [
            path(
                "",
                ExchangeIndexView.as_view(
                    index_url_name=index,
                    export_url_name=self.get_url_name("export"),
                    import_url_name=self.get_url_name("import"),
                ),
                name="index",
            ),
            path("export/", ExportView.as_view(index_url_name=index), name="export"),
            path("import/", ImportView.as_view(index_url_name=index), name="import"),
        ]


def exchange_permissions() -> QuerySet[Permission]:
    """For the ``register_permissions`` hook: lists the export and import permissions on the group screen."""
    return Permission.objects.filter(content_type__app_label="send_toolkit_exchange")
