"""Every page type of the demo toolkit has no axe-core violations of WCAG 2.0, 2.1 and 2.2 A and AA rules."""

from __future__ import annotations

import pytest

from .conftest import axe_violations, describe, open_page, save_screenshot
from .pages import LOGIN_URL, REGISTER_URL

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "home",
    "need-area",
    "need-area-parents",
    "key-stage",
    "key-stage-parents",
    "tier",
    "risk",
    "guidance",
    "apdr-guide",
    "directory",
    "directory-filtered",
    "intervention",
    "search-results",
    "search-no-results",
    "glossary",
    "accessibility-statement",
]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_wcag_violations(page, base_url, paths, axe_source, name):
    response = page.goto(base_url + paths[name])
    assert response.status == 200
    save_screenshot(page, name)
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_page_with_reading_options_open_has_no_wcag_violations(page, base_url, paths, axe_source):
    page.goto(base_url + paths["key-stage"])
    page.locator("summary", has_text="Reading options").click()
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_login_page_has_no_wcag_violations(page, base_url, axe_source):
    open_page(page, base_url + LOGIN_URL)
    save_screenshot(page, "login")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_registration_page_has_no_wcag_violations(page, base_url, axe_source):
    open_page(page, base_url + REGISTER_URL)
    save_screenshot(page, "registration")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_a_form_with_errors_has_no_wcag_violations(page, base_url, axe_source):
    open_page(page, base_url + REGISTER_URL)
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    # The page under test really is the form with errors: the summary is there for people to see.
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert page.locator(".error-message").first.is_visible()
    save_screenshot(page, "form-with-errors")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_a_login_with_the_wrong_password_has_no_wcag_violations(page, base_url, axe_source):
    open_page(page, base_url + LOGIN_URL)
    page.locator("main input[type=password]").first.fill("not-the-password")
    username = page.locator("main input[name=username], main input[type=email]").first
    username.fill("senco")
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


ALL_READING_OPTIONS = "size:largest|spacing:wide|contrast:high|font:dyslexia"


@pytest.mark.parametrize("name", ["home", "key-stage-parents", "tier", "risk", "search-results"])
def test_pages_with_every_reading_option_on_have_no_wcag_violations(browser, base_url, paths, axe_source, name):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "send_toolkit_reading", "value": ALL_READING_OPTIONS, "url": base_url}])
    page = context.new_page()
    page.goto(base_url + paths[name])
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    if name == "key-stage-parents":
        save_screenshot(page, "key-stage-parents-high-contrast")
    violations = axe_violations(page, axe_source)
    context.close()
    assert violations == [], describe(violations)
