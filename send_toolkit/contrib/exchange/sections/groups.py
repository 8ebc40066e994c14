"""Groups, by name: the ones page restrictions, collection restrictions and resource audiences admit.

Only names travel, never members or permissions. The toolkit's own two groups travel by role as well
(``practitioners``, ``editors``): a site that calls its practitioners' group something else
(``SEND_TOOLKIT_PRACTITIONER_GROUP``) gets restrictions to its own group, not to a new empty one. A group
this site lacks is created, empty, so restricted content stays restricted until an editor adds people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from wagtail.models import BaseViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.contrib.exchange.sections.base import Section

if TYPE_CHECKING:
    from send_toolkit.contrib.exchange.archive_reader import Archive
    from send_toolkit.contrib.exchange.checking import Check
    from send_toolkit.contrib.exchange.exporting import Export
    from send_toolkit.contrib.exchange.importing import Import
    from send_toolkit.contrib.exchange.planning import Plan

PRACTITIONERS = "practitioners"
EDITORS = "editors"


def role_of(name: str) -> str | None:
    """The toolkit role a group plays on this site, by its configured name."""
    roles = {toolkit_settings.PRACTITIONER_GROUP: PRACTITIONERS, toolkit_settings.EDITOR_GROUP: EDITORS}
    return roles.get(name)


def local_name(item: dict[str, Any]) -> str:
    """What this site calls the archive's group: its own group for the role, otherwise the same name."""
    configured = {PRACTITIONERS: toolkit_settings.PRACTITIONER_GROUP, EDITORS: toolkit_settings.EDITOR_GROUP}
    return configured.get(item.get("role"), item["name"])


def restriction_data(restriction: BaseViewRestriction, export: Export) -> dict[str, Any]:
    """A page or collection restriction as the archive holds it. A shared-password restriction (which the toolkit
    refuses, send_toolkit.E001/E002) travels as "these groups: none", so it stays closed until an editor chooses."""
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return {"type": "login", "groups": []}
    if restriction.restriction_type != BaseViewRestriction.GROUPS:
        export.note(_("a shared-password restriction became a restriction to no group (only superusers may see)."))
        return {"type": "groups", "groups": []}
    return {"type": "groups", "groups": sorted(export.group_name(group) for group in restriction.groups.all())}


def recreate_restriction(model: type[BaseViewRestriction], data: dict[str, Any] | None, run: Import, **target) -> None:
    """The archive's restriction on a page or collection just created (``target``: ``page=`` or ``collection=``)."""
    if not data:
        return
    restriction = model.objects.create(restriction_type=data["type"], **target)
    if data["type"] == BaseViewRestriction.GROUPS:
        restriction.groups.set([run.groups[name] for name in data["groups"]])


class GroupsSection(Section):
    name = "groups"

    def export(self, export: Export) -> list[dict[str, Any]]:
        groups = Group.objects.filter(pk__in=export.used["groups"]).order_by("name")
        return [{"name": group.name, "role": role_of(group.name)} for group in groups]

    def check(self, archive: Archive, check: Check) -> None:
        seen = set()
        for item in archive.items(self.name):
            if item["name"] in seen:
                check.problem(self.file, _("this group is listed twice."), item=item["name"])
            seen.add(item["name"])

    def plan(self, archive: Archive, plan: Plan) -> None:
        existing = set(Group.objects.values_list("name", flat=True))
        for item in archive.items(self.name):
            name = local_name(item)
            if name in existing:
                plan.exists(self.name, name)
            else:
                plan.create(self.name, name, _("created empty: add its members yourself"))

    def create(self, archive: Archive, run: Import) -> None:
        for item in archive.items(self.name):
            run.groups[item["name"]] = Group.objects.get_or_create(name=local_name(item))[0]
