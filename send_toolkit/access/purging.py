"""Purge front-end caches when a page's privacy changes (DESIGN.md section 4).

A public page may sit in a CDN for ``PUBLIC_CACHE_MAX_AGE`` seconds. When an editor
restricts it (or changes who may see it), every cached URL that may show it is purged
through ``wagtail.contrib.frontend_cache`` once the change is committed: the page, its
sub-routes and every page below it, its ancestors (menus and listings show its title),
the toolkit home with its search and glossary, the intervention directory and the sitemap
(``urls_showing``). With no ``WAGTAILFRONTENDCACHE`` configured this does nothing.
"""

from __future__ import annotations

from contextlib import suppress

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import PageViewRestriction

from send_toolkit.pages.base import BasePage


def page_urls(page: BasePage, batch: PurgeBatch | None = None) -> list[str]:
    """Full URLs of ``page`` and its parameter-free sub-routes (``parents/``, ``search/``, ``glossary/``...)."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    page = page.specific
    base = page.get_full_url(batch)
    if not base:
        return []
    urls = [base]
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_resolver().url_patterns:
            route = str(pattern.pattern)
            if route and "<" not in route and "(" not in route:
                urls.append(base + route.lstrip("^").rstrip("$"))
    return urls


def page_and_descendant_urls(page: BasePage) -> list[str]:
    """Full URLs of ``page`` and everything below it, including parameter-free sub-routes."""
    batch = PurgeBatch()
    urls: list[str] = []
    for each in page.get_descendants(inclusive=True).specific().iterator():
        urls.extend(page_urls(each, batch))
    return list(dict.fromkeys(urls))


def urls_showing(page: BasePage) -> list[str]:
    """Every URL whose content can change when ``page``'s privacy does.

    The page and everything below it; its ancestors, whose menus, breadcrumbs and child
    listings show its title (the toolkit home among them, with its search and glossary);
    the intervention directory, whose counts and listings follow page privacy; and the
    sitemap of the page's site.
    """
    from django.urls import NoReverseMatch, reverse

    from send_toolkit.pages.models import InterventionDirectoryPage

    batch = PurgeBatch()
    urls = page_and_descendant_urls(page)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        urls.extend(page_urls(ancestor, batch))
    for directory in InterventionDirectoryPage.objects.live():
        urls.extend(page_urls(directory, batch))
    site = page.get_site()
    if site is not None:
        # A host site that does not include the toolkit's URLs has no sitemap to purge.
        with suppress(NoReverseMatch):
            urls.append(site.root_url + reverse("send_toolkit:sitemap"))
    return list(dict.fromkeys(urls))


def purge_urls_showing(page_id: int) -> None:
    page = BasePage.objects.filter(pk=page_id).first()
    if page is None:
        return
    batch = PurgeBatch()
    batch.add_urls(urls_showing(page))
    batch.purge()


def _restriction_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, PageViewRestriction):
        page_ids = [instance.page_id]
    else:  # a group's restrictions changed from the group's side
        restrictions = PageViewRestriction.objects.filter(pk__in=kwargs.get("pk_set") or [])
        page_ids = list(restrictions.values_list("page_id", flat=True))
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: purge_urls_showing(page_id))


def connect() -> None:
    """Called from the app's ``ready()``."""
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="send_toolkit_purge_save")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="send_toolkit_purge_delete")
    m2m_changed.connect(
        _restriction_changed, sender=PageViewRestriction.groups.through, dispatch_uid="send_toolkit_purge_groups"
    )
