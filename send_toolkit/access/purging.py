"""Purge front-end caches when who may see something changes (DESIGN.md section 4).

A public response may sit in a CDN for ``PUBLIC_CACHE_MAX_AGE`` seconds. When an editor changes
who may see something, every URL of every front-end channel that may be showing it (the register
in ``access.channels``) is purged through ``wagtail.contrib.frontend_cache``, once the change is
committed. The changes watched:

- a page's privacy: a view restriction added, changed, removed, or its groups changed;
- an intervention's audience (public ↔ practitioners);
- a practitioner resource's audience, or its groups while the audience is "only these groups";
- a collection's privacy: a view restriction added, changed, removed, or its groups changed.

Only a real change purges: a save that leaves the stored audience as it was does not, and nor does
a new intervention or resource (no page shows it yet). Writes that skip ``save()`` and its signals
(the CSV import's bulk updates) call ``purge_after_commit`` with the rows whose audience they changed.
With no ``WAGTAILFRONTENDCACHE`` configured this does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction, Site

from send_toolkit.access.channels import Change, registered_channels
from send_toolkit.access.search_index import reindex_pages_indexing
from send_toolkit.domain.access_rules import ResourceAudience
from send_toolkit.interventions.models import Intervention
from send_toolkit.practitioners.resources import PractitionerResource


def urls_showing(change: Change, subject: Model) -> list[str]:
    """Every URL, in every registered channel, that may be showing ``subject`` once ``change`` is made."""
    urls: list[str] = []
    for channel in registered_channels():
        showing = channel.showing.get(change)
        if showing is not None:
            urls.extend(showing(subject))
    return list(dict.fromkeys(urls))


def purge_urls_showing(change: Change, model: type[Model], pk: int) -> None:
    """Purge what shows the ``model`` row ``pk`` (read afresh: this runs after the change is committed), and
    reindex the pages whose searchable text the change alters (``access.search_index``)."""
    subject = model._default_manager.filter(pk=pk).first()
    if subject is None:
        return
    reindex_pages_indexing(change, subject)
    batch = PurgeBatch()
    batch.add_urls(urls_showing(change, subject))
    batch.purge()


# Working out what shows one intervention takes a dozen queries; listing every URL of every channel
# takes about thirty in all. Past this many subjects, purging every URL is the quicker superset.
MANY_SUBJECTS = 20


def purge_after_commit(change: Change, subjects: Iterable[Model]) -> None:
    """Once committed, purge in one batch what shows each of ``subjects``.

    For writes that skip ``save()`` and so its signals (the CSV import's bulk updates): the caller
    passes the rows whose audience it changed. More than ``MANY_SUBJECTS`` purge every URL of every
    channel on every site, a superset found in a fixed number of queries.
    """
    keys = [(type(subject), subject.pk) for subject in subjects]
    if keys:
        transaction.on_commit(partial(_purge_all_showing, change, keys))


def _purge_all_showing(change: Change, keys: list[tuple[type[Model], int]]) -> None:
    batch = PurgeBatch()
    if len(keys) > MANY_SUBJECTS:
        for site in Site.objects.order_by("pk"):
            for channel in registered_channels():
                batch.add_urls(channel.urls(site))
    else:
        for model in dict.fromkeys(model for model, _pk in keys):
            pks = [pk for each, pk in keys if each is model]
            for subject in model._default_manager.filter(pk__in=pks):  # read afresh: the change is committed
                batch.add_urls(urls_showing(change, subject))
    batch.purge()


@dataclass(frozen=True)
class Watched:
    """A model whose rows decide who may see something."""

    model: type[Model]
    change: Change
    audience_fields: tuple[str, ...]  # stored fields that decide who may see
    subject: Callable[[Model], tuple[type[Model], int]]  # what the change is about: the page, the collection...
    new_row_changes_audience: bool  # a new restriction restricts; a new snippet is on no page yet
    # Whether a row's groups decide who may see (None: it has no groups).
    groups_decide: Callable[[Model], bool] | None = None


def _restricts_to_groups(restriction: BaseViewRestriction) -> bool:
    return restriction.restriction_type == BaseViewRestriction.GROUPS


def _restricted(field_name: str) -> Callable[[BaseViewRestriction], tuple[type[Model], int]]:
    """The page or collection a restriction is on (the model named by its foreign key, whatever the page model)."""

    def subject(restriction: BaseViewRestriction) -> tuple[type[Model], int]:
        foreign_key = restriction._meta.get_field(field_name)
        return foreign_key.related_model, getattr(restriction, foreign_key.attname)

    return subject


def _itself(row: Model) -> tuple[type[Model], int]:
    return type(row), row.pk


WATCHED = (
    Watched(
        PageViewRestriction,
        Change.PAGE_PRIVACY,
        ("restriction_type",),
        _restricted("page"),
        new_row_changes_audience=True,
        groups_decide=_restricts_to_groups,
    ),
    Watched(
        CollectionViewRestriction,
        Change.COLLECTION_PRIVACY,
        ("restriction_type",),
        _restricted("collection"),
        new_row_changes_audience=True,
        groups_decide=_restricts_to_groups,
    ),
    Watched(Intervention, Change.INTERVENTION_AUDIENCE, ("audience",), _itself, new_row_changes_audience=False),
    Watched(
        PractitionerResource,
        Change.RESOURCE_AUDIENCE,
        ("audience",),
        _itself,
        new_row_changes_audience=False,
        groups_decide=lambda resource: ResourceAudience(resource.audience) is ResourceAudience.GROUPS,
    ),
)


def _purge_after_commit(watched: Watched, row: Model) -> None:
    model, pk = watched.subject(row)
    transaction.on_commit(partial(purge_urls_showing, watched.change, model, pk))


# Rows whose audience this thread is about to change, noted before the save and purged after it: a
# purge scheduled before the row is written would run at once outside a transaction, and a visitor
# could put the old version back in the cache before the write.
_saving = threading.local()


def _noted() -> set[tuple[str, int]]:
    if not hasattr(_saving, "rows"):
        _saving.rows = set()
    return _saving.rows


def _note_audience_change(watched: Watched, sender, instance: Model, raw: bool = False, **kwargs) -> None:
    if instance.pk is None:
        return  # a new row: post_save knows it was created
    key = (sender._meta.label, instance.pk)
    _noted().discard(key)
    if raw:  # loading fixtures
        return
    stored = sender._default_manager.filter(pk=instance.pk).values(*watched.audience_fields).first()
    if stored is not None and any(stored[name] != getattr(instance, name) for name in stored):
        _noted().add(key)


def _saved(watched: Watched, sender, instance: Model, created: bool, raw: bool = False, **kwargs) -> None:
    key = (sender._meta.label, instance.pk)
    changed = key in _noted()
    _noted().discard(key)
    if raw:  # loading fixtures
        return
    if changed or (created and watched.new_row_changes_audience):
        _purge_after_commit(watched, instance)


def _deleted(watched: Watched, sender, instance: Model, **kwargs) -> None:
    if watched.new_row_changes_audience:  # a restriction lifted (a deleted snippet is on no page any more)
        _purge_after_commit(watched, instance)


def _groups_changed(watched: Watched, sender, instance, action: str, reverse: bool, model, pk_set, **kwargs) -> None:
    """A watched row's groups changed, from either side. Runs inside the change's own transaction."""
    for row in _rows_whose_groups_change(watched, instance, action, reverse, pk_set or set()):
        if watched.groups_decide(row):
            _purge_after_commit(watched, row)


def _rows_whose_groups_change(watched: Watched, instance, action: str, reverse: bool, pk_set: set) -> list[Model]:
    """The watched rows this change of groups really alters (``instance`` is a group when ``reverse``).

    Removals are read before the rows go, so that only groups really held count; Django has already
    left out of an addition the groups a row had.
    """
    rows = watched.model._default_manager
    if action == "post_add" and pk_set:
        return list(rows.filter(pk__in=pk_set)) if reverse else [instance]
    if action == "pre_remove":
        if reverse:
            return list(rows.filter(groups=instance, pk__in=pk_set))
        return [instance] if instance.groups.filter(pk__in=pk_set).exists() else []
    if action == "pre_clear":
        if reverse:
            return list(rows.filter(groups=instance))
        return [instance] if instance.groups.exists() else []
    return []


def connect() -> None:
    """Called from the app's ``ready()``."""
    for watched in WATCHED:
        uid = f"send_toolkit_purge_{watched.model._meta.label_lower}"
        pre_save.connect(partial(_note_audience_change, watched), sender=watched.model, weak=False, dispatch_uid=uid)
        post_save.connect(partial(_saved, watched), sender=watched.model, weak=False, dispatch_uid=uid)
        post_delete.connect(partial(_deleted, watched), sender=watched.model, weak=False, dispatch_uid=uid)
        if watched.groups_decide is not None:
            groups = watched.model.groups.through
            m2m_changed.connect(partial(_groups_changed, watched), sender=groups, weak=False, dispatch_uid=uid)
