"""Keyboard-only journeys: everything a parent or practitioner needs is reachable with Tab and Enter."""

from __future__ import annotations

import pytest

from .conftest import open_page
from .pages import LOGIN_URL

pytestmark = pytest.mark.browser

MAX_TABS = 250


def tab_to(page, test_js: str, what: str) -> None:
    """Press Tab until the focused element passes ``test_js`` (a function of the element)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({test_js})(el); }}"):
            assert_focus_is_visible(page)
            return
    raise AssertionError(f"Could not reach {what} with the Tab key")


def assert_focus_is_visible(page) -> None:
    visible = page.evaluate(
        """() => { const el = document.activeElement; const style = getComputedStyle(el);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)'; }"""
    )
    assert visible, "the focused element has no visible focus indicator"


def link_named(text: str) -> str:
    return f"el => el.tagName === 'A' && el.textContent.replace(/\\s+/g, ' ').trim().startsWith({text!r})"


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(page, base_url, paths):
    page.goto(base_url + paths["home"])
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Skip to main content"
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_a_parent_reaches_a_key_stages_strategies_and_sendiass_from_the_home_page(page, base_url, paths):
    page.goto(base_url + paths["home"])
    tab_to(page, "el => el.tagName === 'A' && el.textContent.includes('Key Stage 1 – Communication')", "Key Stage 1")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{paths['key-stage']}")
    tab_to(page, link_named("For parents and carers"), "the parent view")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{paths['key-stage-parents']}")
    assert page.get_by_role("heading", name="What you can do at home").first.is_visible()
    tab_to(
        page, "el => el.tagName === 'A' && el.closest('#sendiass-contact') && el.href.startsWith('tel:')", "SENDIASS"
    )
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "tel:03005550123"


def test_a_parent_reaches_the_sendiass_contact_from_the_home_page_in_one_step(page, base_url, paths):
    page.goto(base_url + paths["home"])
    tab_to(page, link_named("Free, impartial advice for families"), "the SENDIASS link")
    page.keyboard.press("Enter")
    tab_to(page, "el => el.closest('#sendiass-contact') && el.href && el.href.startsWith('tel:')", "SENDIASS phone")


def test_a_practitioner_logs_in_and_opens_a_restricted_resource_by_keyboard(page, base_url, paths):
    open_page(page, base_url + LOGIN_URL)
    page.goto(base_url + paths["guidance"])
    # The demo walkthrough must carry a locked practitioner resource; without one this journey proves nothing.
    resource = page.locator(".gated-resource--locked").first
    assert resource.count() == 1, "the demo walkthrough has no locked practitioner resource"
    assert resource.locator(".gated-resource__teaser").is_visible()
    log_in_link = "el => el.tagName === 'A' && el.closest('.gated-resource') && el.textContent.trim() === 'log in'"
    tab_to(page, log_in_link, "the log in link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "el => el.tagName === 'INPUT' && (el.name === 'username' || el.type === 'email')", "the username")
    page.keyboard.type("senco")
    tab_to(page, "el => el.tagName === 'INPUT' && el.type === 'password'", "the password")
    page.keyboard.type("northmoor-senco")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**{paths['guidance']}")
    assert page.locator(".gated-resource--locked").count() == 0
    tab_to(page, "el => el.tagName === 'A' && el.closest('.gated-resource') && el.closest('.download')", "the download")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename


def test_a_practitioner_opens_a_practitioner_only_intervention_by_keyboard(page, base_url, paths):
    open_page(page, base_url + LOGIN_URL + f"?next={paths['directory']}")
    tab_to(page, "el => el.tagName === 'INPUT' && (el.name === 'username' || el.type === 'email')", "the username")
    page.keyboard.type("senco")
    tab_to(page, "el => el.tagName === 'INPUT' && el.type === 'password'", "the password")
    page.keyboard.type("northmoor-senco")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(base_url + paths["directory"] + "?q=&sort=name")
    tab_to(
        page,
        "el => el.tagName === 'A' && el.closest('.intervention-result__name') "
        "&& el.closest('.intervention-result__name').querySelector('.tag--restricted')",
        "a practitioner-only intervention",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("For logged-in practitioners only").is_visible()
