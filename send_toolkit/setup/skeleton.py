"""Builds a council's toolkit skeleton and, on request, fictional demo content.

Every step looks for what is already there first, so running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import swapper
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Site

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain import vocabulary
from send_toolkit.pages.base import search_description_values
from send_toolkit.pages.models import (
    AccessibilityStatementPage,
    GuidanceKind,
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)


@dataclass
class SetupReport:
    created: list[str] = field(default_factory=list)

    def add(self, description: str) -> None:
        self.created.append(description)


def _child(parent, model, report: SetupReport, lookup: dict, **values):
    """The child of ``model`` matching ``lookup`` (any child of that type when empty), created if missing."""
    existing = model.objects.child_of(parent).filter(**lookup).first()
    if existing is not None:
        return existing
    page = model(**lookup, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"{model._meta.verbose_name}: {page.title}")
    return page


@transaction.atomic
def build_skeleton(
    site: Site, title: str = "SEND Graduated Approach Toolkit", slug: str = "send-toolkit"
) -> tuple[ToolkitPage, SetupReport]:
    """4 need areas × 6 key stages × 3 tiers, a risk section, guidance and a directory."""
    report = SetupReport()
    root = site.root_page.specific
    toolkit = ToolkitPage.objects.child_of(root).first()
    if toolkit is None:
        toolkit = ToolkitPage(title=title, slug=slug)
        root.add_child(instance=toolkit)
        toolkit.save_revision().publish()
        report.add(f"toolkit: {title}")

    for area in vocabulary.NEED_AREAS:
        area_page = _child(toolkit, NeedAreaPage, report, {"need_area": area.value}, title=area.label, slug=area.slug)
        for stage in vocabulary.KEY_STAGES:
            stage_page = _child(
                area_page, KeyStagePage, report, {"key_stage": stage.value}, title=stage.label, slug=stage.slug
            )
            for tier in vocabulary.TIERS:
                _child(
                    stage_page,
                    TierPage,
                    report,
                    {"tier": tier.value},
                    title=f"{tier.label}: {tier.description.lower()}",
                    slug=tier.slug,
                    **search_description_values(
                        f"{tier.label} ({tier.description.lower()}) for {area.label}, {stage.label}."
                    ),
                )

    # Single sections are found by type (and kind), never by slug, so an editor may rename them freely.
    _child(
        toolkit,
        RiskSupportPage,
        report,
        {},
        title=vocabulary.RISK_SUPPORT.label,
        slug=vocabulary.RISK_SUPPORT.slug,
    )
    _child(
        toolkit,
        GuidancePage,
        report,
        {"kind": GuidanceKind.WALKTHROUGH},
        title="Best practice walkthrough",
        slug="best-practice-walkthrough",
        **search_description_values(
            "An overview of special educational needs, the graduated approach and guides for parents."
        ),
    )
    _child(toolkit, InterventionDirectoryPage, report, {}, title="Intervention directory", slug="interventions")
    # Public sector sites must publish an accessibility statement: start one for the council to complete.
    _child(toolkit, AccessibilityStatementPage, report, {}, title="Accessibility statement", slug="accessibility")
    ensure_groups(toolkit, report)
    return toolkit, report


def ensure_groups(toolkit: ToolkitPage, report: SetupReport) -> None:
    """The practitioners group, and an editors group that may edit and publish the toolkit."""
    practitioners, created = Group.objects.get_or_create(name=toolkit_settings.PRACTITIONER_GROUP)
    if created:
        report.add(f"group: {practitioners.name}")
    editors, created = Group.objects.get_or_create(name=toolkit_settings.EDITOR_GROUP)
    if created:
        report.add(f"group: {editors.name}")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="send_toolkit",
            codename__regex=r"^(add|change|delete|view|publish)_(intervention|subneed|staffrole|ratecard|costband|"
            r"practitionerprofile|approvedemaildomain|practitionerresource)",
        )
    )
    # Editors see, retry and delete email the mail server would not take (send_toolkit.mail).
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="send_toolkit",
            codename__in=["view_outboxmessage", "delete_outboxmessage", "retry_outboxmessage"],
        )
    )
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="send_toolkit", codename__endswith="_glossaryterm")
    )
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtaildocs", codename__in=["add_document", "choose_document", "change_document"]
        )
    )
    for permission in base_page_permissions(("add", "change", "publish", "lock", "unlock")):
        GroupPagePermission.objects.get_or_create(group=editors, page=toolkit, permission=permission)


def base_page_permissions(actions: tuple[str, ...]) -> list[Permission]:
    """Page-tree permissions are named after Wagtail 8's active base page model ("add_page" for the
    default, "add_basepage" for a WAGTAIL_PAGE_MODEL called BasePage), so ask it rather than hard-code them."""
    page_model = swapper.load_model("wagtailcore", "Page")
    codenames = [get_permission_codename(action, page_model._meta) for action in actions]
    return list(
        Permission.objects.filter(
            content_type__app_label=page_model._meta.app_label,
            content_type__model=page_model._meta.model_name,
            codename__in=codenames,
        )
    )
