"""Import an exchange archive into this site as a starting point (``manage.py send_toolkit_import`` and the
admin screen).

In order, and stopping at the first step that finds a problem:

1. read the archive within the size limits and check its zip, JSON and schema (``archive_reader``);
2. check its content on its own: values and references (``checking``);
3. plan against this site: what will be created, what is kept, what clashes (``planning``) — a dry run stops
   here and reports the plan; a clash stops the import;
4. create everything in one database transaction, section by section (``sections``), ids remapped, then
   fill in and publish the pages. Any error rolls the whole import back and deletes the files it stored.

Nothing already on the site is changed: matched records, pages and collections are kept as they are, and
the council's own settings (name, contacts, branding, school weeks, notional budget) are never touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.db import IntegrityError, models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from send_toolkit.contrib.exchange.archive_reader import Archive, ArchiveReader
from send_toolkit.contrib.exchange.checking import check_archive
from send_toolkit.contrib.exchange.planning import Plan, plan_import
from send_toolkit.contrib.exchange.problems import ArchiveInvalid, Problem
from send_toolkit.contrib.exchange.sections import SECTION_HANDLERS
from send_toolkit.contrib.exchange.sections.base import error_messages
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import ToolkitPage


@dataclass
class ImportResult:
    plan: Plan
    dry_run: bool
    toolkit: ToolkitPage | None = None  # the imported (or kept) toolkit home; None after a dry run


class Import:
    """The state of one import: the id each archive item has here, the groups, the files stored so far."""

    def __init__(self, archive: Archive, plan: Plan, user: Any = None):
        self.archive = archive
        self.plan = plan
        self.user = user
        self.ids: dict[str, dict[int, int]] = defaultdict(dict)
        for section, matches in plan.matches.items():
            self.ids[section].update({archive_id: obj.pk for archive_id, obj in matches.items()})
        self.groups: dict[str, Any] = {}  # the archive's group name → this site's group
        self.created_pages: dict[int, BasePage] = {}
        self._stored: list[tuple[Storage, str]] = []

    def visitor(self, file: str, item: str) -> ImportVisitor:
        return ImportVisitor(self)

    def fail_with(self, error: ValidationError, file: str, item: str) -> None:
        raise ArchiveInvalid([Problem(file, message, item, field) for field, message in error_messages(error)])

    def save(self, obj: models.Model, file: str, item: str) -> None:
        """Validate ``obj`` as the model does (``full_clean``), then save it; a problem stops the import."""
        try:
            obj.full_clean()
        except ValidationError as error:
            self.fail_with(error, file, item)
        obj.save()

    def clean_stream(self, obj: models.Model, name: str, file: str, item: str, where: str = "") -> None:
        """Validate a StreamField as the editor's form would (required blocks, lengths, choosers); ``where`` names
        the field in messages (its name, unless given)."""
        where = where or name
        try:
            obj._meta.get_field(name).stream_block.clean(getattr(obj, name))
        except ValidationError as error:
            problems = [Problem(file, message, item, place) for place, message in block_errors(error, where)]
            raise ArchiveInvalid(problems or [Problem(file, _("the blocks do not validate."), item, where)]) from None

    def saved_file(self, stored: FieldFile) -> None:
        self._stored.append((stored.storage, stored.name))

    def delete_stored_files(self) -> None:
        for storage, name in self._stored:
            storage.delete(name)
        self._stored.clear()


class ImportVisitor:
    """Each archive id becomes the id of the item created or kept for it on this site."""

    check_values = False

    def __init__(self, run: Import):
        self.run = run

    def reference(self, kind: str | None, object_id: int, where: str) -> int | None:
        return self.run.ids[kind].get(object_id) if kind else None

    def problem(self, where: str, message: str) -> None:
        """The archive was checked before the import began."""


def block_errors(error: ValidationError, where: str) -> Iterator[tuple[str, str]]:
    """(where, message) for each message in a block validation error, nested blocks included."""
    data = error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages}
    yield from _json_errors(data, where)


def _json_errors(data: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, list):
        for entry in data:
            yield from _json_errors(entry, where)
        return
    if not isinstance(data, dict):
        return
    for message in data.get("messages", []):
        yield where, message
    block_errors_data = data.get("blockErrors", {})
    children = block_errors_data.items() if isinstance(block_errors_data, dict) else enumerate(block_errors_data)
    for key, child in children:
        if child is not None:
            yield from _json_errors(child, f"{where}[{key}]" if str(key).isdigit() else f"{where}.{key}")


def import_archive(
    file: IO[bytes],
    name: str,
    parent: BasePage,
    *,
    toolkit_slug: str = "",
    dry_run: bool = False,
    user: Any = None,
) -> ImportResult:
    """Import the archive in ``file`` (called ``name`` in messages) under ``parent``, or with ``dry_run`` only
    report what would happen. Raises ``ArchiveInvalid``, having changed nothing, when it cannot be imported."""
    if toolkit_slug:
        try:
            BasePage._meta.get_field("slug").clean(toolkit_slug, None)
        except ValidationError as error:
            raise ArchiveInvalid([Problem(_("the toolkit’s slug"), message) for message in error.messages]) from None
    with ArchiveReader(file, name) as archive:
        problems = check_archive(archive)
        if problems:
            raise ArchiveInvalid(problems)
        plan = plan_import(archive, parent, toolkit_slug)
        if dry_run:
            return ImportResult(plan=plan, dry_run=True)
        if plan.clashes:
            raise ArchiveInvalid(
                [Problem(f"sections/{entry.section}.json", entry.detail, item=entry.label) for entry in plan.clashes]
            )
        run = Import(archive, plan, user)
        try:
            with transaction.atomic():
                for section in SECTION_HANDLERS:
                    section.create(archive, run)
                for section in SECTION_HANDLERS:
                    section.fill(archive, run)
        except IntegrityError:
            # Something was added to the site while the import ran (another import, an editor): try again.
            run.delete_stored_files()
            raise ArchiveInvalid(
                [
                    Problem(
                        name,
                        _("this site changed while the archive was being imported. Nothing was imported; try again."),
                    )
                ]
            ) from None
        except BaseException:
            run.delete_stored_files()
            raise
    root_id = archive.items("pages")[0]["id"]
    return ImportResult(plan=plan, dry_run=False, toolkit=ToolkitPage.objects.get(pk=run.ids["pages"][root_id]))
