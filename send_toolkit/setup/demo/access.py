"""Fictional demo content for practitioner access: a restricted "For practitioners" section, a gated
resource with a document in a restricted collection, an allowlisted email domain, and the demo
practitioner's approved account. Fills only what is missing, so running setup twice changes nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.pages.models import GuidanceKind, GuidancePage, ToolkitPage
from send_toolkit.practitioners.models import (
    ApprovedEmailDomain,
    PractitionerProfile,
    PractitionerRole,
    PractitionerStatus,
)
from send_toolkit.practitioners.resources import PractitionerResource

SECTION_SLUG = "for-practitioners"
COLLECTION_NAME = "Practitioner documents"
DOCUMENT_TITLE = "Provision map template (Northmoor, fictional)"
RESOURCE_TITLE = "Provision mapping: template and guidance"
ALLOWED_DOMAIN = "oakfield-primary.example"
DEMO_PRACTITIONER_USERNAME = "senco"

PROVISION_MAP = (
    "Provision map template (fictional demo)\n"
    "Columns: intervention; need area; group size; sessions per week; minutes; weeks; staff; cost per pupil; "
    "review date; impact.\n"
    "Do not record children's names in a shared copy.\n"
)


# The costed provision map tool, linked from the resource's restricted body.
TOOL_BLOCK = ("tool", {"tool": "provision_map", "text": "Open the costed provision map"})


def _restricted_groups() -> list[Group]:
    names = [toolkit_settings.PRACTITIONER_GROUP, toolkit_settings.EDITOR_GROUP]
    return [Group.objects.get_or_create(name=name)[0] for name in names]


def load_access(toolkit: ToolkitPage, report, demo_usernames: set[str]) -> None:
    """``demo_usernames``: the demo accounts this run may set up (never someone's real account)."""
    groups = _restricted_groups()
    document = _document(groups, report)
    resource = _resource(document, report)
    _section(toolkit, resource, groups, report)
    _walkthrough_teaser(toolkit, resource, report)
    if not ApprovedEmailDomain.objects.filter(domain=ALLOWED_DOMAIN).exists():
        ApprovedEmailDomain.objects.create(domain=ALLOWED_DOMAIN, description="Oakfield Primary School (fictional)")
        report.add(f"demo: approved email domain {ALLOWED_DOMAIN}")
    if DEMO_PRACTITIONER_USERNAME in demo_usernames:
        _demo_practitioner(report)


def _document(groups: list[Group], report):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=COLLECTION_NAME)
        report.add(f"demo: restricted collection {COLLECTION_NAME}")
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(groups)
    Document = get_document_model()
    document = Document.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        document = Document(title=DOCUMENT_TITLE, collection=collection)
        document.file.save("provision-map-template.txt", ContentFile(PROVISION_MAP.encode()), save=False)
        document.save()
        report.add(f"demo: document {DOCUMENT_TITLE}")
    return document


def _resource(document, report) -> PractitionerResource:
    resource = PractitionerResource.objects.filter(title=RESOURCE_TITLE).first()
    if resource is not None:
        if not any(block.block_type == "tool" for block in resource.body):
            resource.body.insert(0, TOOL_BLOCK)
            resource.save()
            report.add(f"demo: the provision map tool in {RESOURCE_TITLE}")
        return resource
    resource = PractitionerResource.objects.create(
        title=RESOURCE_TITLE,
        teaser="A provision map template with worked costings, and guidance on reviewing provision with families.",
        body=[
            TOOL_BLOCK,
            (
                "rich_text",
                "<p>Use the provision map to record the interventions your setting offers at SEN Support, their "
                "cost per pupil and when each is reviewed. Keep children's names out of any shared copy.</p>",
            ),
            ("download", {"document": document, "title": "", "description": "Plain text template (fictional)."}),
        ],
    )
    report.add(f"demo: practitioner resource {RESOURCE_TITLE}")
    return resource


def _section(toolkit: ToolkitPage, resource: PractitionerResource, groups: list[Group], report) -> None:
    section = _existing_section(toolkit)
    if section is None:
        section = GuidancePage(
            title="For practitioners",
            slug=SECTION_SLUG,
            kind=GuidanceKind.GENERAL,
            introduction="<p>Tools and templates for SENCOs and staff in Northmoor's schools and settings.</p>",
            body=[("gated_resource", {"resource": resource})],
        )
        toolkit.add_child(instance=section)
        section.save_revision().publish()
        report.add("demo: For practitioners section")
    if not PageViewRestriction.objects.filter(page=section).exists():
        restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(groups)


def _existing_section(toolkit: ToolkitPage) -> GuidancePage | None:
    """The section as set up, even if an editor has renamed its slug: general guidance that is restricted."""
    guides = GuidancePage.objects.child_of(toolkit).filter(kind=GuidanceKind.GENERAL)
    restricted = guides.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    return restricted.first() or guides.filter(slug=SECTION_SLUG).first()


def _walkthrough_teaser(toolkit: ToolkitPage, resource: PractitionerResource, report) -> None:
    """The same resource on a public page: everyone sees its teaser, practitioners its body."""
    walkthrough = GuidancePage.objects.child_of(toolkit).filter(kind=GuidanceKind.WALKTHROUGH).first()
    if walkthrough is None or any(block.block_type == "gated_resource" for block in walkthrough.body):
        return
    walkthrough.body.append(("gated_resource", {"resource": resource}))
    walkthrough.save_revision().publish()
    report.add("demo: practitioner resource teaser on the best practice walkthrough")


def _demo_practitioner(report) -> None:
    user = get_user_model().objects.filter(username=DEMO_PRACTITIONER_USERNAME).first()
    if user is None or PractitionerProfile.objects.filter(user=user).exists():
        return
    profile = PractitionerProfile.objects.create(
        user=user,
        organisation="Oakfield Primary School (fictional)",
        role=PractitionerRole.SENCO,
        status=PractitionerStatus.APPROVED,
    )
    profile.user.groups.add(Group.objects.get_or_create(name=toolkit_settings.PRACTITIONER_GROUP)[0])
    report.add("demo: approved practitioner account for senco")
