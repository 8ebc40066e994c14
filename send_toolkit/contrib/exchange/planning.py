"""What an import would do on this site: for each item, create it, keep the one already here, or clash.

The plan reads the site and changes nothing; it is the dry-run report, and the import follows it. An item
this site already has (matched by the key its section documents) is kept exactly as it is, which is why
importing the same archive twice creates nothing the second time. A clash (a slug or name taken by
something else) stops the import until the editor resolves it.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy

from send_toolkit.contrib.exchange.archive_reader import Archive
from send_toolkit.contrib.exchange.sections import SECTION_HANDLERS
from send_toolkit.pages.base import BasePage


class Action(enum.Enum):
    CREATE = "create"
    EXISTS = "exists"
    CLASH = "clash"

    @property
    def label(self) -> str:
        return str(ACTION_LABELS[self])


ACTION_LABELS = {
    Action.CREATE: gettext_lazy("will be created"),
    Action.EXISTS: gettext_lazy("already here, kept as it is"),
    Action.CLASH: gettext_lazy("clashes"),
}


@dataclass(frozen=True)
class PlanEntry:
    section: str
    label: str
    action: Action
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.section}: {self.label} ({self.action.label})"
        return f"{text}: {self.detail}" if self.detail else text


class Plan:
    def __init__(self, archive: Archive, parent: BasePage, toolkit_slug: str = ""):
        self.archive = archive
        self.parent = parent
        self.toolkit_slug = toolkit_slug
        self.entries: list[PlanEntry] = []
        self.matches: dict[str, dict[int, models.Model]] = defaultdict(dict)  # section → archive id → kept object

    def create(self, section: str, label: str, detail: str = "") -> None:
        self.entries.append(PlanEntry(section, label, Action.CREATE, detail))

    def exists(
        self, section: str, label: str, archive_id: int | None = None, obj: Any = None, detail: str = ""
    ) -> None:
        self.entries.append(PlanEntry(section, label, Action.EXISTS, detail))
        if archive_id is not None:
            self.matches[section][archive_id] = obj

    def clash(self, section: str, label: str, detail: str) -> None:
        self.entries.append(PlanEntry(section, label, Action.CLASH, detail))

    def local(self, section: str, archive_id: int | None) -> Any:
        """The object on this site kept for an archive item, or None when the import creates it."""
        return self.matches[section].get(archive_id)

    def entries_for(self, action: Action) -> list[PlanEntry]:
        return [entry for entry in self.entries if entry.action is action]

    @property
    def clashes(self) -> list[PlanEntry]:
        return self.entries_for(Action.CLASH)

    def counts(self) -> dict[str, Counter]:
        """Section → how many items of each action, in section order."""
        counts: dict[str, Counter] = {section.name: Counter() for section in SECTION_HANDLERS}
        for entry in self.entries:
            counts[entry.section][entry.action] += 1
        return counts


def plan_import(archive: Archive, parent: BasePage, toolkit_slug: str = "") -> Plan:
    """What importing ``archive`` under ``parent`` (a page of this site) would do; ``toolkit_slug`` gives the
    toolkit home another address than the archive's."""
    plan = Plan(archive, parent, toolkit_slug)
    for section in SECTION_HANDLERS:
        section.plan(archive, plan)
    return plan
