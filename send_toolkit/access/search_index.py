"""Reindex the pages whose searchable text changes when who may see something changes.

Blocks put in the search index only what a page shows an anonymous visitor (``blocks.public_text``),
judged when the page is indexed. A download, a link or an intervention block that was public when
its page was published drops out of what the page shows once its document's collection, its page or
its intervention is restricted, and comes back when the restriction is lifted: the pages carrying
it are reindexed then, once the change is committed, together with the purge (``access.purging``).
A practitioner resource's audience changes nothing here: its body is never indexed, and its title and
teaser are public whoever may open it.
"""

from __future__ import annotations

from django.db.models import Model
from wagtail.search.tasks import insert_or_update_object_task

from send_toolkit.access.channels import Change, documents_in, pages_referring_to
from send_toolkit.pages.base import BasePage


def pages_indexing(change: Change, subject: Model) -> list[BasePage]:
    """Pages whose indexed text depends on whether the public may see ``subject`` (after ``change``)."""
    if change is Change.PAGE_PRIVACY:  # a restriction covers the page and every page below it
        return pages_referring_to(subject.get_descendants(inclusive=True), hops=1)
    if change is Change.COLLECTION_PRIVACY:
        return pages_referring_to(documents_in(subject), hops=1)
    if change is Change.INTERVENTION_AUDIENCE:
        return pages_referring_to([subject], hops=1)
    return []


def reindex_pages_indexing(change: Change, subject: Model) -> None:
    """Index again the pages that ``change`` to ``subject`` concerns, as Wagtail does when a page is saved."""
    for page in pages_indexing(change, subject):
        insert_or_update_object_task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))
