"""Practitioner resources: the public teaser, the restricted body, and who may see it (audience and groups).

A resource has no unique field, so it is matched by title; resources sharing a title pair up in order
(the first in the archive with the oldest here). The body's documents arrive in their restricted
collections (``media``), which the resource's own rule requires.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from send_toolkit.contrib.exchange.references import rewrite_stream
from send_toolkit.contrib.exchange.sections.base import Section, error_messages, field_values
from send_toolkit.practitioners.resources import PractitionerResource

if TYPE_CHECKING:
    from send_toolkit.contrib.exchange.archive_reader import Archive
    from send_toolkit.contrib.exchange.checking import Check
    from send_toolkit.contrib.exchange.exporting import Export
    from send_toolkit.contrib.exchange.importing import Import
    from send_toolkit.contrib.exchange.planning import Plan

FIELDS = ("title", "teaser", "audience")


def _body_block():
    return PractitionerResource._meta.get_field("body").stream_block


class PractitionerResourcesSection(Section):
    name = "practitioner_resources"
    label_field = "title"

    def export(self, export: Export) -> list[dict[str, Any]]:
        items = []
        body = PractitionerResource._meta.get_field("body")
        for resource in PractitionerResource.objects.prefetch_related("groups").order_by("pk"):
            visitor = export.visitor(_("practitioner resource “%(title)s”") % {"title": resource.title})
            items.append(
                {
                    "id": resource.pk,
                    **{name: getattr(resource, name) for name in FIELDS},
                    "body": rewrite_stream(_body_block(), body.get_prep_value(resource.body), visitor, "body"),
                    "groups": sorted(export.group_name(group) for group in resource.groups.all()),
                }
            )
        return items

    def check(self, archive: Archive, check: Check) -> None:
        for item in archive.items(self.name):
            label = item["title"]
            try:
                field_values(PractitionerResource, item, FIELDS)
            except ValidationError as error:
                for field, message in error_messages(error):
                    check.problem(self.file, message, label, field)
            for name in item["groups"]:
                if name not in check.group_names:
                    check.problem(
                        self.file,
                        _("the group “%(group)s” is not in the groups section.") % {"group": name},
                        label,
                        "groups",
                    )
            rewrite_stream(_body_block(), item["body"], check.visitor(self.file, label), "body")

    def plan(self, archive: Archive, plan: Plan) -> None:
        existing: dict[str, list[PractitionerResource]] = defaultdict(list)
        for resource in PractitionerResource.objects.order_by("pk"):
            existing[resource.title].append(resource)
        for item in archive.items(self.name):
            same_title = existing[item["title"]]
            if same_title:
                plan.exists(self.name, item["title"], item["id"], same_title.pop(0))
            else:
                plan.create(self.name, item["title"], _("restricted to: %(audience)s") % {"audience": item["audience"]})

    def create(self, archive: Archive, run: Import) -> None:
        for item in archive.items(self.name):
            if item["id"] in run.ids[self.name]:
                continue
            body = rewrite_stream(_body_block(), item["body"], run.visitor(self.file, item["title"]), "body")
            resource = PractitionerResource(**field_values(PractitionerResource, item, FIELDS), body=body)
            run.clean_stream(resource, "body", self.file, item["title"])
            run.save(resource, self.file, item["title"])
            resource.groups.set([run.groups[name] for name in item["groups"]])
            run.ids[self.name][item["id"]] = resource.pk
