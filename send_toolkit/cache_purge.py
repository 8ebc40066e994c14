"""Purge front-end caches when a page's privacy changes (DESIGN.md section 4).

A public page may sit in a CDN for ``PUBLIC_CACHE_MAX_AGE`` seconds. When an editor
restricts it (or changes who may see it), the cached copies of the page, its
sub-routes and every page below it are purged through ``wagtail.contrib.frontend_cache``,
once the change is committed. With no ``WAGTAILFRONTENDCACHE`` configured this does nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction


def page_and_descendant_urls(page: Page) -> list[str]:
    """Full URLs of ``page`` and everything below it, including parameter-free sub-routes."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    urls: list[str] = []
    batch = PurgeBatch()
    for each in page.get_descendants(inclusive=True).specific().iterator():
        base = each.get_full_url(batch)
        if not base:
            continue
        urls.append(base)
        if isinstance(each, RoutablePageMixin):
            for pattern in each.get_resolver().url_patterns:
                route = str(pattern.pattern)
                if route and "<" not in route and "(" not in route:
                    urls.append(base + route.lstrip("^").rstrip("$"))
    return list(dict.fromkeys(urls))


def purge_page_and_descendants(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    batch = PurgeBatch()
    batch.add_urls(page_and_descendant_urls(page))
    batch.purge()


def _restriction_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, PageViewRestriction):
        page_ids = [instance.page_id]
    else:  # a group's restrictions changed from the group's side
        restrictions = PageViewRestriction.objects.filter(pk__in=kwargs.get("pk_set") or [])
        page_ids = list(restrictions.values_list("page_id", flat=True))
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: purge_page_and_descendants(page_id))


def connect() -> None:
    """Called from the app's ``ready()``."""
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="send_toolkit_purge_save")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="send_toolkit_purge_delete")
    m2m_changed.connect(
        _restriction_changed, sender=PageViewRestriction.groups.through, dispatch_uid="send_toolkit_purge_groups"
    )
