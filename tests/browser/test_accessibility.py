"""Every page type of the demo toolkit has no axe-core violations of WCAG 2.0, 2.1 and 2.2 A and AA rules."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from .conftest import (
    axe_violations,
    describe,
    log_in_as_practitioner,
    open_form_with_errors,
    open_page,
    save_screenshot,
)
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


def test_the_404_page_has_no_wcag_violations(page, base_url, axe_source):
    response = page.goto(base_url + "/send-toolkit/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    save_screenshot(page, "not-found")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_server_error_pages_have_no_wcag_violations(page, axe_source, template):
    # They stand alone (no request, no database), so they are opened as Django renders them for a failure.
    page.set_content(render_to_string(template))
    assert page.locator("h1").inner_text().startswith("Sorry")
    save_screenshot(page, template.removesuffix(".html"))
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
    # open_form_with_errors checks the error summary and the field errors are shown to the person.
    open_form_with_errors(page, base_url)
    save_screenshot(page, "form-with-errors")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_an_unlocked_practitioner_resource_has_no_wcag_violations(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths["guidance"])
    resource = page.locator(".gated-resource").first
    assert resource.is_visible() and page.locator(".gated-resource--locked").count() == 0
    assert resource.locator(".download a").first.is_visible(), "the practitioner sees the resource's download"
    save_screenshot(page, "practitioner-resource-unlocked")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_the_restricted_practitioner_section_has_no_wcag_violations(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths["practitioner-section"])
    assert page.get_by_role("heading", level=1).inner_text().strip() == "For practitioners"
    save_screenshot(page, "practitioner-section")
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_the_practitioner_account_page_has_no_wcag_violations(page, base_url, axe_source):
    log_in_as_practitioner(page, base_url)
    assert page.get_by_role("heading", level=1).is_visible()
    save_screenshot(page, "practitioner-account")
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
