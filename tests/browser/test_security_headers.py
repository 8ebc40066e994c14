"""The front end under its Content-Security-Policy: nothing refused, and still no WCAG violations.

The policy (``SECURE_CSP``) allows no inline script or style, so any ``<script>`` body, ``on*=`` handler or
``style=`` attribute in a toolkit template would show here as a refusal. Refusals are caught two ways:
``securitypolicyviolation`` events recorded from the first moment of each page, and Chromium's
"Refused to ..." console messages.
"""

from __future__ import annotations

import pytest

from .conftest import axe_violations, describe, log_in_as_practitioner, open_named_page, open_page
from .test_accessibility import PAGE_TYPES

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched_page(page):
    """A page that records every CSP refusal: events from the page, and the browser's console messages."""
    page.add_init_script(RECORD_VIOLATIONS)
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Refused to" in message.text else None)
    page.refused = refused
    return page


def refusals(page) -> list[str]:
    return [*page.evaluate("() => window.__cspViolations"), *page.refused]


@pytest.mark.parametrize("name", [*PAGE_TYPES, "login", "registration", "form-with-errors"])
def test_front_end_page_loads_under_the_policy_with_nothing_refused(watched_page, base_url, paths, axe_source, name):
    response = open_named_page(watched_page, base_url, paths, name)
    if response is not None:
        assert "script-src 'self';" in response.headers["content-security-policy"]
        assert "camera=()" in response.headers["permissions-policy"]
    watched_page.wait_for_load_state("load")
    assert refusals(watched_page) == []
    violations = axe_violations(watched_page, axe_source)
    assert violations == [], describe(violations)


def test_practitioner_pages_load_under_the_policy_with_nothing_refused(watched_page, base_url, paths, axe_source):
    log_in_as_practitioner(watched_page, base_url)
    for name in ("account", "practitioner-section", "guidance"):
        open_page(watched_page, base_url + paths[name])
        assert refusals(watched_page) == [], name
    assert axe_violations(watched_page, axe_source) == []


def test_the_reading_options_work_under_the_policy(watched_page, base_url, paths):
    open_page(watched_page, base_url + paths["key-stage"])
    watched_page.locator("summary", has_text="Reading options").click()
    watched_page.get_by_label("High contrast (yellow on black)").check()
    watched_page.get_by_role("button", name="Save reading options").click()
    watched_page.wait_for_function("() => getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)'")
    assert refusals(watched_page) == []


def test_the_wagtail_admin_works_under_its_own_policy_with_nothing_refused(watched_page, base_url, toolkit):
    """The admin's policy is the site's plus SEND_TOOLKIT_ADMIN_CSP_ALLOWANCES (inline script and style)."""
    page = watched_page
    open_page(page, base_url + "/admin/login/")
    page.locator("input[name=username]").fill("editor")
    page.locator("input[name=password]").fill("northmoor-editor")
    with page.expect_navigation():
        page.locator("button[type=submit]").first.click()
    for path in ("/admin/", f"/admin/pages/{toolkit.pk}/", f"/admin/pages/{toolkit.pk}/edit/"):
        response = open_page(page, base_url + path)
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert refusals(page) == [], path
