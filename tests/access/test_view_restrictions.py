"""Toolkit pages read their view restrictions without extra queries, yet decide exactly as Wagtail does."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import GuidancePage, ToolkitPage


@pytest.fixture
def restricted(db) -> GuidancePage:
    """The demo's practitioner section (restricted to groups)."""
    return PageViewRestriction.objects.get(page__slug="for-practitioners").page.specific


def routed(path: str) -> BasePage:
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    page, _args, _kwargs = BasePage.route_for_request(request, path)
    return page


def wagtail_restrictions(page: BasePage) -> set[int]:
    return set(BasePage.get_view_restrictions(page).values_list("pk", flat=True))  # Wagtail's own, not the override


def test_a_routed_page_has_the_same_restrictions_as_wagtail_finds(restricted):
    below = restricted.add_child(instance=GuidancePage(title="Below the practitioner section", slug="below"))
    for page in (restricted, below, ToolkitPage.objects.get(), BasePage.objects.type(GuidancePage).live().last()):
        page = page.specific
        found = routed(page.url)
        assert found.pk == page.pk
        assert {restriction.pk for restriction in found.get_view_restrictions()} == wagtail_restrictions(page)


def test_a_page_below_a_restricted_page_is_refused_to_anonymous_visitors(client, restricted):
    below = restricted.add_child(instance=GuidancePage(title="Below the practitioner section", slug="below"))
    response = client.get(below.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_alias_of_a_restricted_page_elsewhere_is_refused_too(client, restricted):
    """Wagtail checks an alias's original; the toolkit's shortcut must not skip that."""
    alias = restricted.create_alias(parent=ToolkitPage.objects.get(), update_slug="practitioner-copy")
    assert BasePage.get_view_restrictions(alias).exists()
    found = routed(alias.url)
    assert {restriction.pk for restriction in found.get_view_restrictions()} == wagtail_restrictions(alias)
    response = client.get(alias.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
