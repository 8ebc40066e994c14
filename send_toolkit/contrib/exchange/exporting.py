"""Export a whole toolkit into one archive (``manage.py send_toolkit_export`` and the admin screen).

What travels: the page tree under the toolkit home (every toolkit page type, with its StreamField bodies,
risk guidance included), the intervention library (interventions, sub-needs, staff roles, cost bands), the
glossary, practitioner resources with their restricted bodies and audiences, the groups and collections
their privacy names, and the documents and images the content uses, files included.

What never travels: accounts and users, practitioner profiles and approval data, approved email domains, the
email outbox, the council's own settings (name, contacts, branding, school weeks, notional budget), page
history, and anything about a child (none is ever stored). The archive holds restricted content, so only
superusers and those given the export permission may make one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO

from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from send_toolkit.contrib.exchange.archive_writer import ArchiveWriter
from send_toolkit.contrib.exchange.references import DOCUMENTS, IMAGES, INTERVENTIONS, PAGES, RESOURCES
from send_toolkit.contrib.exchange.sections import SECTION_HANDLERS
from send_toolkit.contrib.exchange.sections.pages import exportable_pages
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.models import ToolkitPage
from send_toolkit.practitioners.resources import PractitionerResource


@dataclass
class ExportReport:
    counts: dict[str, int] = field(default_factory=dict)  # section → items written
    left_out: list[str] = field(default_factory=list)  # what could not travel, and where it was


class Export:
    """What an export learns as it goes: which pages travel, what the content uses, what it leaves out."""

    def __init__(self, toolkit: ToolkitPage, writer: ArchiveWriter):
        self.toolkit = toolkit
        self.writer = writer
        self.page_ids = {page.pk for page in exportable_pages(toolkit)}
        self.used: dict[str, set[int]] = defaultdict(set)  # documents, images, collections, groups
        self.left_out: list[str] = []

    def note(self, message: str) -> None:
        if message not in self.left_out:
            self.left_out.append(message)

    def group_name(self, group: Group) -> str:
        self.used["groups"].add(group.pk)
        return group.name

    def add_file(self, path: str, data: bytes) -> None:
        self.writer.add_file(path, data)

    def visitor(self, where: str) -> ExportVisitor:
        return ExportVisitor(self, where)


class ExportVisitor:
    """Keeps a reference the archive can carry; notes and drops the rest (pages outside the toolkit, files gone)."""

    check_values = False

    def __init__(self, export: Export, where: str):
        self.export = export
        self.where = where

    def reference(self, kind: str | None, object_id: int, where: str) -> int | None:
        if kind == PAGES:
            if object_id in self.export.page_ids:
                return object_id
            return self._left_out(_("a link to a page outside the toolkit (id %(id)s)") % {"id": object_id}, where)
        model = self._model(kind)
        if model is None:
            return self._left_out(_("a chosen item of a kind the archive does not carry"), where)
        obj = model._default_manager.filter(pk=object_id).first()
        if obj is None:
            return self._left_out(
                _("a reference to a deleted item (%(kind)s %(id)s)") % {"kind": kind, "id": object_id}, where
            )
        if kind in (DOCUMENTS, IMAGES):
            if not obj.file or not obj.file.storage.exists(obj.file.name):
                return self._left_out(_("“%(title)s”, whose file is missing") % {"title": obj.title}, where)
            self.export.used[kind].add(object_id)
        return object_id

    def _model(self, kind: str | None) -> type | None:
        models = {
            DOCUMENTS: get_document_model(),
            IMAGES: get_image_model(),
            INTERVENTIONS: Intervention,
            RESOURCES: PractitionerResource,
        }
        return models.get(kind)

    def _left_out(self, what: str, where: str) -> None:
        self.export.note(
            _("%(what)s, in %(place)s (%(field)s), was left out.") % {"what": what, "place": self.where, "field": where}
        )

    def problem(self, where: str, message: str) -> None:
        """Data saved on this site is taken as it is; only an archive being read is checked."""


def export_toolkit(toolkit: ToolkitPage, out: IO[bytes]) -> ExportReport:
    """Write ``toolkit`` and everything it uses as an exchange archive to ``out`` (a binary file)."""
    description = {"title": toolkit.title, "slug": toolkit.slug, "url": toolkit.get_full_url() or ""}
    with ArchiveWriter(out, toolkit=description) as writer:
        export = Export(toolkit, writer)
        report = ExportReport(left_out=export.left_out)
        for section in reversed(SECTION_HANDLERS):  # each section's users are written before it
            items = section.export(export)
            writer.add_section(section.name, items)
            report.counts[section.name] = len(items)
    return report
