"""Reading options work with a keyboard, with and without JavaScript, and are remembered in this browser."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"
FONT_SIZE = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
LINE_HEIGHT_RATIO = """() => { const style = getComputedStyle(document.body);
  return parseFloat(style.lineHeight) / parseFloat(style.fontSize); }"""


def choose_high_contrast_and_large_text(page) -> None:
    page.locator("summary", has_text="Reading options").click()
    page.get_by_label("High contrast (yellow on black)").check()
    page.get_by_label("Large", exact=True).check()
    page.get_by_role("button", name="Save reading options").click()


def test_with_javascript_options_apply_at_once_and_are_remembered(page, base_url, paths):
    page.goto(base_url + paths["tier"])
    standard_size = page.evaluate(FONT_SIZE)
    choose_high_contrast_and_large_text(page)
    page.wait_for_function("() => getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)'")
    assert page.get_by_role("status").inner_text() == "Reading options saved."
    page.goto(base_url + paths["home"])
    assert page.evaluate(BACKGROUND) == "rgb(0, 0, 0)"
    assert page.evaluate(FONT_SIZE) == pytest.approx(standard_size * 1.25)


def test_without_javascript_the_form_saves_options_and_returns_to_the_page(browser, base_url, paths):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + paths["tier"])
    choose_high_contrast_and_large_text(page)
    page.wait_for_url(f"**{paths['tier']}")
    assert page.evaluate(BACKGROUND) == "rgb(0, 0, 0)"
    page.locator("summary", has_text="Reading options").click()
    page.get_by_role("button", name="Reset to standard").click()
    assert page.evaluate(BACKGROUND) == "rgb(255, 255, 255)"
    context.close()


def test_dyslexia_friendly_font_and_wide_spacing(page, base_url, paths):
    page.goto(base_url + paths["tier"])
    page.locator("summary", has_text="Reading options").click()
    page.get_by_label("Dyslexia-friendly (wider spacing)").check()
    page.get_by_label("Wide", exact=True).check()
    page.get_by_role("button", name="Save reading options").click()
    page.wait_for_function("() => getComputedStyle(document.body).fontFamily.includes('Verdana')")
    assert page.evaluate(LINE_HEIGHT_RATIO) == pytest.approx(2, abs=0.05)
