"""Checks an archive's content on its own, before anything on this site is looked at or changed.

``archive_reader`` has already checked the zip and the JSON's shape (the schema); here each section
checks its values against the models (choices, lengths, formats, file types) and its references: every
page, document, image, intervention, resource, sub-need, staff role, collection and group that the content
names must be in the archive. Every problem is collected, so one pass lists them all.
"""

from __future__ import annotations

from functools import cached_property

from django.utils.translation import gettext as _

from send_toolkit.contrib.exchange.archive_reader import Archive
from send_toolkit.contrib.exchange.problems import Problem
from send_toolkit.contrib.exchange.sections import SECTION_HANDLERS


class Check:
    def __init__(self, archive: Archive):
        self.archive = archive
        self.problems: list[Problem] = []
        self._ids: dict[str, set[int]] = {}

    def problem(self, file: str, message: str, item: str = "", field: str = "") -> None:
        self.problems.append(Problem(file=file, message=message, item=item, field=field))

    def ids(self, section: str) -> set[int]:
        """The archive ids of the items in ``section``."""
        if section not in self._ids:
            self._ids[section] = {item["id"] for item in self.archive.items(section) if "id" in item}
        return self._ids[section]

    @cached_property
    def group_names(self) -> set[str]:
        return {item["name"] for item in self.archive.items("groups")}

    def visitor(self, file: str, item: str) -> CheckVisitor:
        return CheckVisitor(self, file, item)


class CheckVisitor:
    """Every reference must point at an item of the archive; every plain value must fit its block."""

    check_values = True

    def __init__(self, check: Check, file: str, item: str):
        self.check = check
        self.file = file
        self.item = item

    def reference(self, kind: str | None, object_id: int, where: str) -> int | None:
        if kind is None:
            self.problem(where, _("refers to a kind of item the archive cannot carry."))
            return None
        if object_id not in self.check.ids(kind):
            self.problem(
                where, _("refers to %(kind)s id %(id)s, which is not in the archive.") % {"kind": kind, "id": object_id}
            )
            return None
        return object_id

    def problem(self, where: str, message: str) -> None:
        self.check.problem(self.file, message, self.item, where)


def check_archive(archive: Archive) -> list[Problem]:
    """Every problem in the archive's content; an empty list when it may be imported."""
    check = Check(archive)
    for section in SECTION_HANDLERS:
        items = archive.items(section.name)
        ids = [item["id"] for item in items if "id" in item]
        if len(ids) != len(set(ids)):
            check.problem(section.file, _("two items share an id."))
            continue
        section.check(archive, check)
    return check.problems
