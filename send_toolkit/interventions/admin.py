"""Admin for the intervention library: interventions (with CSV import), staff roles and rates, cost bands,
sub-needs. Registered by ``send_toolkit/wagtail_hooks.py`` in the "SEND toolkit" menu group."""

from __future__ import annotations

from django import forms
from django.urls import URLPattern, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from send_toolkit.interventions.import_view import InterventionImportView
from send_toolkit.interventions.models import CostBand, Intervention, StaffRole, SubNeed
from send_toolkit.interventions.panels import CostingPanel


class InterventionIndexView(IndexView):
    """The intervention list, with an "Import CSV" button for those who may add interventions."""

    @cached_property
    def header_buttons(self) -> list:
        buttons = super().header_buttons
        if self.request.user.has_perm("send_toolkit.add_intervention"):
            url = reverse("wagtailsnippets_send_toolkit_intervention:import")
            buttons.append(HeaderButton(_("Import CSV"), url=url, icon_name="upload"))
        return buttons


class InterventionViewSet(SnippetViewSet):
    model = Intervention
    index_view_class = InterventionIndexView
    icon = "list-ul"
    menu_label = _("Interventions")
    list_display = ["name", "tier", "delivery", "audience", "last_reviewed"]
    list_filter = ["need_areas", "key_stages", "tier", "audience"]
    ordering = ["name"]
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("description")],
            heading=_("What it is"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("need_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sub_needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("key_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tier"),
            ],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("delivery"),
                FieldPanel("group_size"),
                FieldPanel("session_minutes"),
                FieldPanel("sessions_per_week"),
                FieldPanel("weeks"),
                FieldPanel("staff_role"),
                FieldPanel("staff_count"),
            ],
            heading=_("Delivery and time"),
        ),
        MultiFieldPanel(
            [FieldPanel("training_required"), FieldPanel("training_cost"), FieldPanel("resource_cost")],
            heading=_("Training and resources"),
        ),
        CostingPanel(heading=_("Costs, worked out from the council's rates")),
        MultiFieldPanel(
            [
                FieldPanel("evidence_strength"),
                FieldPanel("evidence_source"),
                FieldPanel("provider"),
                FieldPanel("provider_url"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Evidence and provider"),
        ),
        MultiFieldPanel([FieldPanel("for_parents"), FieldPanel("at_home")], heading=_("For parents and carers")),
        FieldPanel("audience"),
    ]

    def get_queryset(self, request):
        return Intervention.objects.select_related("staff_role")

    def get_urlpatterns(self) -> list[URLPattern]:
        import_view = InterventionImportView.as_view(index_url_name=self.get_url_name("list"))
        return super().get_urlpatterns() + [path("import/", import_view, name="import")]


class StaffRoleViewSet(SnippetViewSet):
    model = StaffRole
    icon = "user"
    menu_label = _("Staff roles and rates")
    list_display = ["name", "hourly_rate"]
    ordering = ["name"]


class CostBandViewSet(SnippetViewSet):
    model = CostBand
    icon = "tag"
    menu_label = _("Cost bands")
    list_display = ["label", "max_per_pupil", "description"]


class SubNeedViewSet(SnippetViewSet):
    model = SubNeed
    icon = "tag"
    menu_label = _("Sub-needs")
    list_display = ["name", "need_area"]
    list_filter = ["need_area"]
