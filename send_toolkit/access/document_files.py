"""Document files are stored under unguessable names, whatever the storage backend (DESIGN.md section 4).

Collection privacy is enforced only by Wagtail's serve view (``/documents/<id>/<file name>``); a file
reached any other way (the media folder served by the web server or the dev server) is open to
anyone who can guess its path. So every document file is stored as ``<upload_to>/<token>/<file
name>`` (``domain.document_names``): the download keeps its readable name, the path cannot be guessed.

This works on the host's own document model (``WAGTAILDOCS_DOCUMENT_MODEL``) without a migration:

- a file not yet stored (an upload through the admin, ``document.file = File(...)``) is given its
  unguessable name just before Django stores it, so it is written once, straight to that name;
- a file already stored under a guessable name (``document.file.save(name, content)`` in code, or a
  document from before this release when it is next saved) is copied to an unguessable name after the
  row is saved; the old file is deleted once the change is committed.

``send_toolkit_secure_document_names`` moves the existing files in one go.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save, pre_save
from wagtail.documents import get_document_model

from send_toolkit.domain.document_names import is_unguessable, unguessable_name

DISPATCH_UID = "send_toolkit_unguessable_document_names"


def _saves_the_file(update_fields) -> bool:
    return update_fields is None or "file" in update_fields


def name_pending_file(sender, instance: Model, raw: bool = False, update_fields=None, **kwargs) -> None:
    """Before a save: a file about to be stored goes under an unguessable name (no extra write)."""
    pending = instance.file
    # _committed is the marker Django's own FileField.pre_save reads to decide whether to store the file;
    # Django offers no public spelling of it.
    if raw or not pending or pending._committed or not _saves_the_file(update_fields):
        return
    if not is_unguessable(pending.name):
        # FileField.pre_save passes this name through upload_to (generate_filename) and the storage.
        pending.name = unguessable_name(pending.name)


def move_to_unguessable_name(document: Model) -> bool:
    """Copy a stored file to an unguessable name and point the row at it; the old file is deleted on commit.

    Returns False when there is nothing to do (no file, or already unguessable). Raises OSError when the
    stored file cannot be read (a missing file), changing nothing.
    """
    stored = document.file
    if not stored or is_unguessable(stored.name):
        return False
    old_name, storage = stored.name, stored.storage
    wanted = stored.field.generate_filename(document, unguessable_name(old_name))
    with storage.open(old_name, "rb") as source:
        new_name = storage.save(wanted, source, max_length=stored.field.max_length)
    rows = type(document)._base_manager
    rows.filter(pk=document.pk).update(file=new_name)
    stored.name = new_name
    transaction.on_commit(lambda: _delete_unless_still_used(rows, storage, old_name))
    return True


def _delete_unless_still_used(rows, storage, name: str) -> None:
    # Two documents sharing one file (rows copied by hand) must not lose it when the first one moves.
    if not rows.filter(file=name).exists():
        storage.delete(name)


def move_stored_file(sender, instance: Model, raw: bool = False, update_fields=None, **kwargs) -> None:
    """After a save: a file stored under a guessable name (saved in code before the row) is moved."""
    if raw or not _saves_the_file(update_fields):
        return
    # A file missing from storage has nothing to expose, and the save itself must not fail.
    with suppress(OSError):
        move_to_unguessable_name(instance)


@dataclass
class SecuredNames:
    """What ``secure_existing_document_names`` found."""

    moved: list[str] = field(default_factory=list)  # the old (guessable) names, moved or to be moved
    already_unguessable: int = 0
    missing: list[str] = field(default_factory=list)  # rows whose file could not be read


def secure_existing_document_names(dry_run: bool = False) -> SecuredNames:
    """Move every document file stored under a guessable name; with ``dry_run`` only count them."""
    result = SecuredNames()
    # Read in full first: SQLite does not isolate a query being iterated from the updates made meanwhile.
    for document in list(get_document_model()._base_manager.order_by("pk")):
        if not document.file:
            continue
        if is_unguessable(document.file.name):
            result.already_unguessable += 1
            continue
        old_name = document.file.name
        if dry_run:
            if document.file.storage.exists(old_name):
                result.moved.append(old_name)
            else:
                result.missing.append(old_name)
            continue
        try:
            with transaction.atomic():
                move_to_unguessable_name(document)
        except OSError:
            result.missing.append(old_name)
        else:
            result.moved.append(old_name)
    return result


def connect() -> None:
    """Called from the app's ``ready()``, once the host's document model is loaded."""
    model = get_document_model()
    pre_save.connect(name_pending_file, sender=model, dispatch_uid=DISPATCH_UID)
    post_save.connect(move_stored_file, sender=model, dispatch_uid=DISPATCH_UID)
