"""One pupil's costed provision and the printed map in a real browser (issue 10): the pupil's provision worked out
by keyboard alone, no axe violations on the form, the result and the print page, nothing wider than 320 px.

They use the demo SENCO's worked example map (send_toolkit/setup/demo/provision_map.py), which the session's
demo build commits, so the live server sees it on every database; the pupil's view writes nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from .conftest import axe_violations, describe, log_in_as_practitioner, open_page, save_screenshot
from .test_keyboard import tab_to
from .test_responsive import PAGE_WIDER_THAN_VIEWPORT

pytestmark = pytest.mark.browser

ONE_TO_ONE = "Word-finding practice"
# 5 sessions of 60 minutes a week for 38 weeks at £40.00 an hour: 190 hours, £7,600.00, past the £6,000 line alone.
ONE_TO_ONE_COST = Decimal("7600.00")
NOTIONAL_BUDGET = Decimal("6000.00")


def money(text: str) -> Decimal:
    return Decimal(text.replace("£", "").replace(",", ""))


def pupil_url(base_url: str, paths: dict[str, str]) -> str:
    return f"{base_url}{paths['provision-map']}pupil/"


def print_url(base_url: str, paths: dict[str, str]) -> str:
    return f"{base_url}{paths['provision-map']}print/"


def fill_in_the_pupil_s_provision(page) -> None:
    page.locator("main input[name=rows]").first.check()
    page.locator("main input[name='one-to-one-0-label']").fill(ONE_TO_ONE)
    page.locator("main input[name='one-to-one-0-sessions_per_week']").fill("5")
    page.locator("main input[name='one-to-one-0-session_minutes']").fill("60")
    page.locator("main input[name='one-to-one-0-hourly_rate']").fill("40")
    with page.expect_navigation():
        page.get_by_role("button", name="Work out the cost").click()


def fits_320_pixels(page) -> bool:
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_timeout(100)
    return page.evaluate(PAGE_WIDER_THAN_VIEWPORT) <= 0


def test_a_senco_works_out_one_pupil_s_provision_by_keyboard_alone(page, base_url, paths):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths["provision-map"])
    tab_to(page, "el => el.tagName === 'A' && el.textContent.trim() === \"Cost one pupil's provision\"", "the link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == pupil_url(base_url, paths)

    tab_to(page, "el => el.type === 'checkbox' && el.name === 'rows'", "the first row of the map")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked")
    row_label = page.evaluate("() => document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
    row_cost = money(re.search(r"£[\d,]+\.\d\d", row_label).group(0))
    for name, text in [
        ("one-to-one-0-label", ONE_TO_ONE),
        ("one-to-one-0-sessions_per_week", "5"),
        ("one-to-one-0-session_minutes", "60"),
        ("one-to-one-0-hourly_rate", "40"),
    ]:
        tab_to(page, f"el => el.name === {name!r}", name)
        page.keyboard.type(text)
    assert page.locator("main input[name='one-to-one-0-weeks']").input_value() == "38"  # the year's weeks
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Work out the cost'", "the button")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    main = page.locator("main")
    assert page.get_by_role("heading", level=1).inner_text().startswith("One pupil's costed provision")
    table = main.locator("table.pupil-table").inner_text()
    assert ONE_TO_ONE in table and "£7,600.00" in table and "190" in table
    total = main.locator("table.pupil-table tfoot").inner_text()
    assert f"£{row_cost + ONE_TO_ONE_COST:,.2f}" in total
    excess = main.locator("#element-3").inner_text()
    assert f"£{row_cost + ONE_TO_ONE_COST - NOTIONAL_BUDGET:,.2f}" in excess
    assert "top-up funding (Element 3)" in excess
    assert ONE_TO_ONE not in page.url and "pupil/" in page.url  # the provision travelled in the POST body only


def test_the_map_with_its_exports_section_has_no_wcag_violations(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths["provision-map"])
    assert page.locator("main ul[aria-labelledby=exports-heading] a").count() == 4
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_the_pupil_s_form_has_no_wcag_violations_and_fits_320_pixels(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, pupil_url(base_url, paths))
    assert page.locator("main input[name=rows]").count() > 0, "the demo map offers no rows to choose"
    violations = axe_violations(page, axe_source)
    if violations:
        save_screenshot(page, "axe-provision-map-pupil")
    assert violations == [], describe(violations)
    assert fits_320_pixels(page), "the pupil's form scrolls sideways at 320 px"


def test_the_pupil_s_form_with_errors_has_no_wcag_violations(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, pupil_url(base_url, paths))
    page.locator("main input[name='one-to-one-0-label']").fill(ONE_TO_ONE)
    page.locator("main input[name='one-to-one-0-session_minutes']").fill("10000")
    with page.expect_navigation():
        page.get_by_role("button", name="Work out the cost").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "A session lasts between 1 and 480 minutes" in summary.inner_text()
    assert ONE_TO_ONE not in summary.inner_text()
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)


def test_the_pupil_s_result_has_no_wcag_violations_and_fits_320_pixels(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, pupil_url(base_url, paths))
    fill_in_the_pupil_s_provision(page)
    assert page.locator("#element-3").is_visible()
    violations = axe_violations(page, axe_source)
    if violations:
        save_screenshot(page, "axe-provision-map-pupil-result")
    assert violations == [], describe(violations)
    assert fits_320_pixels(page), "the pupil's result scrolls sideways at 320 px"


def test_the_print_page_has_no_wcag_violations_fits_320_pixels_and_prints_the_totals_last(
    page, base_url, paths, axe_source
):
    log_in_as_practitioner(page, base_url)
    open_page(page, print_url(base_url, paths))
    violations = axe_violations(page, axe_source)
    if violations:
        save_screenshot(page, "axe-provision-map-print")
    assert violations == [], describe(violations)
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.print-map__totals')).breakBefore") == "page"
    assert page.locator("main .print-map__totals").is_visible() and not page.locator("main .button").first.is_visible()
    page.emulate_media(media="screen")
    assert fits_320_pixels(page), "the print page scrolls sideways at 320 px"
