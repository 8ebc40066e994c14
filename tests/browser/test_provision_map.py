"""The costed provision map in a real browser: built by keyboard alone, no axe violations, nothing scrolls
sideways at 320 px (issue 10)."""

from __future__ import annotations

import pytest

from .conftest import axe_violations, describe, log_in_as_practitioner, open_page, save_screenshot
from .test_keyboard import tab_to
from .test_responsive import PAGE_WIDER_THAN_VIEWPORT

pytestmark = pytest.mark.browser

SCREENS = [
    "provision-maps",
    "provision-map",
    "provision-map-add-row",
    "provision-map-own-row",
    "provision-map-edit-row",
    "provision-map-copy",
    "provision-map-sharing",
    "provision-map-settings",
]
MAP_NAME = "Keyboard-built map"


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")


def test_a_senco_builds_a_map_and_deletes_it_by_keyboard_alone(page, base_url, paths):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths["provision-maps"])
    tab_to(page, "el => el.name === 'name'", "the map's name")
    page.keyboard.type(MAP_NAME)
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Create the map'", "Create the map")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text().startswith(MAP_NAME)

    tab_to(page, "el => el.tagName === 'A' && el.textContent.trim() === 'Add an intervention from the library'", "Add")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "el => el.tagName === 'SELECT' && el.name === 'intervention'", "the intervention list")
    page.keyboard.type("Phonics catch-up")  # a focused list selects the option whose name is typed
    assert page.evaluate("() => document.activeElement.selectedOptions[0].text") == "Phonics catch-up group"
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Continue'", "Continue")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "el => el.name === 'groups'", "the number of groups")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Add to the map'", "Add to the map")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    table = page.locator("table.provision-table")
    assert "Phonics catch-up group" in table.inner_text()
    assert "2 groups of" in table.inner_text()
    assert "Differs from the library: Number of groups" not in table.inner_text()  # groups are the map's own choice

    tab_to(page, "el => el.tagName === 'A' && el.textContent.trim() === 'Delete it'", "Delete it")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Yes, delete the map'", "Yes, delete")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"“{MAP_NAME}” has been deleted." in page.locator("main").inner_text()


@pytest.mark.parametrize("name", SCREENS)
def test_provision_map_screens_have_no_wcag_violations_and_fit_320_pixels(page, base_url, paths, axe_source, name):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths[name])
    violations = axe_violations(page, axe_source)
    if violations:
        save_screenshot(page, f"axe-{name}")
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_timeout(100)
    assert page.evaluate(PAGE_WIDER_THAN_VIEWPORT) <= 0, f"{name} scrolls sideways at 320 px"


def test_a_row_form_with_errors_has_no_wcag_violations(page, base_url, paths, axe_source):
    log_in_as_practitioner(page, base_url)
    open_page(page, base_url + paths["provision-map-own-row"])
    page.locator("main input[name=pupils_per_group]").fill("0")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert "A group needs at least 1 pupil" in page.locator(".error-summary").inner_text()
    violations = axe_violations(page, axe_source)
    assert violations == [], describe(violations)
