"""The pages that say an email will follow later (issue 9: when email can't be sent) have no axe-core
violations of WCAG 2.0, 2.1 and 2.2 A and AA rules."""

from __future__ import annotations

import pytest

from .conftest import axe_violations, describe, open_page, save_screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "registration-email-delayed": "/accounts/register/email-delayed/",
    "password-reset-sent": "/accounts/password/reset/sent/",
}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_saying_the_email_will_follow_has_no_wcag_violations(page, base_url, axe_source, name):
    open_page(page, base_url + PAGES[name])
    save_screenshot(page, name)
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)
