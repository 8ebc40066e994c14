"""Admin wiring for the toolkit: menus, snippet viewsets and admin-only screens.

Several features register here. The "SEND toolkit" menu groups the toolkit's
snippets: add your own viewset class to ``SEND_TOOLKIT_MENU_ITEMS`` (it is read
when Wagtail finishes loading, so appending further down this file works too).
"""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from send_toolkit.interventions.import_view import InterventionImportView
from send_toolkit.interventions.models import CostBand, Intervention, StaffRole, SubNeed
from send_toolkit.interventions.panels import CostingPanel


class InterventionIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("send_toolkit.add_intervention"):
            url = reverse("wagtailsnippets_send_toolkit_intervention:import")
            buttons.append(HeaderButton("Import CSV", url=url, icon_name="upload"))
        return buttons


class InterventionViewSet(SnippetViewSet):
    model = Intervention
    index_view_class = InterventionIndexView
    icon = "list-ul"
    menu_label = "Interventions"
    list_display = ["name", "tier", "delivery", "audience", "last_reviewed"]
    list_filter = ["need_areas", "key_stages", "tier", "audience"]
    ordering = ["name"]
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("description")],
            heading="What it is",
        ),
        MultiFieldPanel(
            [
                FieldPanel("need_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sub_needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("key_stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tier"),
            ],
            heading="Who it is for",
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
            heading="Delivery and time",
        ),
        MultiFieldPanel(
            [FieldPanel("training_required"), FieldPanel("training_cost"), FieldPanel("resource_cost")],
            heading="Training and resources",
        ),
        CostingPanel(heading="Costs, worked out from the council's rates"),
        MultiFieldPanel(
            [
                FieldPanel("evidence_strength"),
                FieldPanel("evidence_source"),
                FieldPanel("provider"),
                FieldPanel("provider_url"),
                FieldPanel("last_reviewed"),
            ],
            heading="Evidence and provider",
        ),
        MultiFieldPanel([FieldPanel("for_parents"), FieldPanel("at_home")], heading="For parents and carers"),
        FieldPanel("audience"),
    ]

    def get_queryset(self, request):
        return Intervention.objects.select_related("staff_role")

    def get_urlpatterns(self):
        import_view = InterventionImportView.as_view(index_url_name=self.get_url_name("list"))
        return super().get_urlpatterns() + [path("import/", import_view, name="import")]


class StaffRoleViewSet(SnippetViewSet):
    model = StaffRole
    icon = "user"
    menu_label = "Staff roles and rates"
    list_display = ["name", "hourly_rate"]
    ordering = ["name"]


class CostBandViewSet(SnippetViewSet):
    model = CostBand
    icon = "tag"
    menu_label = "Cost bands"
    list_display = ["label", "max_per_pupil", "description"]


class SubNeedViewSet(SnippetViewSet):
    model = SubNeed
    icon = "tag"
    menu_label = "Sub-needs"
    list_display = ["name", "need_area"]
    list_filter = ["need_area"]


SEND_TOOLKIT_MENU_ITEMS: list[type[SnippetViewSet]] = [
    InterventionViewSet,
    StaffRoleViewSet,
    CostBandViewSet,
    SubNeedViewSet,
]


class SendToolkitViewSetGroup(SnippetViewSetGroup):
    menu_label = "SEND toolkit"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = SEND_TOOLKIT_MENU_ITEMS


# Registered by register_send_toolkit_menu() below, once this whole module has run.


# --- Front end: glossary terms and the content review report -------------------------------------------
from django.urls import path as _path  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from send_toolkit.glossary.models import GlossaryTerm  # noqa: E402
from send_toolkit.pages.review_report import PagesPastReviewView  # noqa: E402


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossary"
    list_display = ["term", "aliases", "definition"]
    search_fields = ["term", "aliases", "definition"]
    ordering = ["term"]


SEND_TOOLKIT_MENU_ITEMS.append(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        _path("reports/send-toolkit-review-due/", PagesPastReviewView.as_view(), name="send_toolkit_review_due"),
        _path(
            "reports/send-toolkit-review-due/results/",
            PagesPastReviewView.as_view(results_only=True),
            name="send_toolkit_review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem(
        "Toolkit pages past review",
        reverse("send_toolkit_review_due"),
        name="send-toolkit-review-due",
        icon_name="time",
        order=750,
    )


# --- Practitioner access: accounts, approval, gated resources, page and document privacy ----------------
from django.contrib.auth.views import redirect_to_login  # noqa: E402
from django.middleware.csrf import get_token  # noqa: E402
from wagtail.admin.site_summary import SummaryItem as SiteSummaryItem  # noqa: E402
from wagtail.admin.ui.tables import Column  # noqa: E402

from send_toolkit.access import visibility as _access  # noqa: E402
from send_toolkit.domain.access_rules import may_view as _may_view  # noqa: E402
from send_toolkit.front_end.layout import render as _render  # noqa: E402
from send_toolkit.practitioners import approval as practitioner_approval  # noqa: E402
from send_toolkit.practitioners.models import ApprovedEmailDomain, PractitionerProfile  # noqa: E402
from send_toolkit.practitioners.resources import PractitionerResource  # noqa: E402


class PractitionerActionsColumn(Column):
    cell_template_name = "send_toolkit/admin/practitioner_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["actions"] = [
            (action, reverse("wagtailsnippets_send_toolkit_practitionerprofile:status", args=[instance.pk, action]))
            for action in practitioner_approval.actions_for(instance)
        ]
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class PractitionerProfileViewSet(SnippetViewSet):
    model = PractitionerProfile
    icon = "group"
    menu_label = "Practitioner accounts"
    list_display = [
        "name",
        "email",
        "organisation",
        "role",
        "status",
        "registered_at",
        PractitionerActionsColumn("actions", label="Actions"),
    ]
    list_filter = ["status", "role"]
    search_fields = ["organisation", "user__email", "user__first_name", "user__last_name"]
    ordering = ["-registered_at"]
    panels = [FieldPanel("organisation"), FieldPanel("role")]
    copy_view_enabled = False

    def get_queryset(self, request):
        return PractitionerProfile.objects.select_related("user")

    def get_urlpatterns(self):
        index_url_name = self.get_url_name("list")

        def status_view(request, pk, action):
            return practitioner_approval.change_status(request, pk, action, index_url_name)

        return super().get_urlpatterns() + [path("<int:pk>/status/<str:action>/", status_view, name="status")]


class ApprovedEmailDomainViewSet(SnippetViewSet):
    model = ApprovedEmailDomain
    icon = "mail"
    menu_label = "Approved email domains"
    list_display = ["domain", "description"]
    ordering = ["domain"]


class PractitionerResourceViewSet(SnippetViewSet):
    model = PractitionerResource
    icon = "lock"
    menu_label = "Practitioner resources"
    list_display = ["title", "audience"]
    ordering = ["title"]


SEND_TOOLKIT_MENU_ITEMS.extend([PractitionerProfileViewSet, ApprovedEmailDomainViewSet, PractitionerResourceViewSet])


@hooks.register("register_admin_viewset")
def register_send_toolkit_menu():
    # Wagtail collects viewsets when the admin URLs load, after this module has run, so every
    # viewset appended to SEND_TOOLKIT_MENU_ITEMS anywhere in this file is in the menu.
    return SendToolkitViewSetGroup()


def _deny(request, login_url_next: str):
    """Anonymous visitors are sent to log in; signed-in accounts that may not see it are told so."""
    if not request.user.is_authenticated:
        from django.conf import settings

        return redirect_to_login(login_url_next, settings.LOGIN_URL)
    response = _render(request, "send_toolkit/accounts/not_allowed.html", status=403)
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("before_serve_page")
def enforce_toolkit_page_access(page, request, serve_args, serve_kwargs):
    """Wagtail lets any logged-in account past a "logged-in users" restriction; the toolkit wants
    an approved practitioner (access_rules). This hook only ever refuses, never admits."""
    restrictions = page.get_view_restrictions()
    if not restrictions:
        return None
    facts = [_access.restriction_facts(r) for r in restrictions]
    if _may_view(_access.request_viewer(request), facts):
        _access.mark_restricted_content_shown(request)
        return None
    return _deny(request, request.get_full_path())


@hooks.register("before_serve_document")
def enforce_toolkit_document_access(document, request):
    """Collection privacy with the toolkit's rules, for documents in restricted collections."""
    if _access.can_view_collection(request, document.collection):
        return None
    return _deny(request, request.get_full_path())


@hooks.register("before_move_page")
def refuse_move_that_duplicates_a_sibling(request, page_to_move, destination):
    """Wagtail's move saves a plain Page, so the one-per-parent rule is checked here instead of in clean().
    The destination chooser already greys such parents out (can_move_to); this catches a typed URL."""
    from django.shortcuts import redirect
    from wagtail.admin import messages

    from send_toolkit.pages.models import UniqueAmongSiblingsMixin

    if not isinstance(page_to_move, UniqueAmongSiblingsMixin):
        return None
    message = page_to_move.move_clash_message(destination)
    if message is None:
        return None
    messages.error(request, message)
    return redirect("wagtailadmin_pages:move", page_to_move.pk)


class PendingPractitionersSummaryItem(SiteSummaryItem):
    """On the admin dashboard: how many practitioner accounts are waiting for approval."""

    order = 250
    template_name = "send_toolkit/admin/pending_practitioners_summary.html"

    def get_context_data(self, parent_context):
        from send_toolkit.practitioners.models import PractitionerStatus

        pending = PractitionerProfile.objects.filter(status=PractitionerStatus.PENDING).count()
        url = reverse("wagtailsnippets_send_toolkit_practitionerprofile:list") + "?status=pending"
        return {"pending": pending, "url": url}

    def is_shown(self):
        return self.request.user.has_perm("send_toolkit.change_practitionerprofile")


@hooks.register("construct_homepage_summary_items")
def add_pending_practitioners_summary(request, items):
    items.append(PendingPractitionersSummaryItem(request))


@hooks.register("register_rich_text_features", order=100)
def register_access_checked_rich_text_links(features):
    """Rich-text links to pages and documents the reader may not see lose their href (rich_text_links).
    A later order than Wagtail's own registration, so these handlers replace Wagtail's."""
    from send_toolkit.access.rich_text_links import AccessCheckedDocumentLinkHandler, AccessCheckedPageLinkHandler

    features.register_link_type(AccessCheckedPageLinkHandler)
    features.register_link_type(AccessCheckedDocumentLinkHandler)
