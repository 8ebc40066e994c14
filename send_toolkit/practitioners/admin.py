"""Admin for practitioner access: accounts (with approve / reject / suspend / reinstate buttons), approved
email domains, gated resources, and the dashboard count of accounts awaiting approval.
Registered by ``send_toolkit/wagtail_hooks.py``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from send_toolkit.practitioners.approval import actions_for, change_status
from send_toolkit.practitioners.models import ApprovedEmailDomain, PractitionerProfile, PractitionerStatus
from send_toolkit.practitioners.resources import PractitionerResource


class PractitionerActionsColumn(Column):
    """One POST button per status change the account allows (approval.actions_for)."""

    cell_template_name = "send_toolkit/admin/practitioner_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["actions"] = [
            (action, reverse("wagtailsnippets_send_toolkit_practitionerprofile:status", args=[instance.pk, action]))
            for action in actions_for(instance)
        ]
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class PractitionerProfileViewSet(SnippetViewSet):
    model = PractitionerProfile
    icon = "group"
    menu_label = _("Practitioner accounts")
    list_display = [
        "name",
        "email",
        "organisation",
        "role",
        "status",
        "registered_at",
        PractitionerActionsColumn("actions", label=_("Actions")),
    ]
    list_filter = ["status", "role"]
    search_fields = ["organisation", "user__email", "user__first_name", "user__last_name"]
    ordering = ["-registered_at"]
    panels = [FieldPanel("organisation"), FieldPanel("role")]
    copy_view_enabled = False

    def get_queryset(self, request):
        return PractitionerProfile.objects.select_related("user")

    def get_urlpatterns(self) -> list[URLPattern]:
        index_url_name = self.get_url_name("list")

        def status_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
            return change_status(request, pk, action, index_url_name)

        return super().get_urlpatterns() + [path("<int:pk>/status/<str:action>/", status_view, name="status")]


class ApprovedEmailDomainViewSet(SnippetViewSet):
    model = ApprovedEmailDomain
    icon = "mail"
    menu_label = _("Approved email domains")
    list_display = ["domain", "description"]
    ordering = ["domain"]


class PractitionerResourceViewSet(SnippetViewSet):
    model = PractitionerResource
    icon = "lock"
    menu_label = _("Practitioner resources")
    list_display = ["title", "audience"]
    ordering = ["title"]


class PendingPractitionersSummaryItem(SummaryItem):
    """On the admin dashboard: how many practitioner accounts are waiting for approval."""

    order = 250
    template_name = "send_toolkit/admin/pending_practitioners_summary.html"

    def get_context_data(self, parent_context):
        pending = PractitionerProfile.objects.filter(status=PractitionerStatus.PENDING).count()
        url = reverse("wagtailsnippets_send_toolkit_practitionerprofile:list") + "?status=pending"
        return {"pending": pending, "url": url}

    def is_shown(self) -> bool:
        return self.request.user.has_perm("send_toolkit.change_practitionerprofile")


def add_pending_practitioners_summary(request: HttpRequest, items: list[SummaryItem]) -> None:
    """For the ``construct_homepage_summary_items`` hook."""
    items.append(PendingPractitionersSummaryItem(request))
