"""Small screens, zoom and print: nothing scrolls sideways, nothing is cut off, pages print as handouts."""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS, open_named_page

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "home",
    "need-area",
    "key-stage",
    "key-stage-parents",
    "tier",
    "risk",
    "apdr-guide",
    "directory",
    "directory-filtered",
    "intervention",
    "search-results",
    "search-no-results",
    "glossary",
    "accessibility-statement",
    "guidance",
    "need-area-parents",
    "login",
    "registration",
    "form-with-errors",
]

PAGE_WIDER_THAN_VIEWPORT = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Elements that hide overflowing content (other than deliberately scrollable regions and
# visually hidden text): at 200% zoom none of them may be cutting anything off.
CLIPPED_ELEMENTS = """() => Array.from(document.querySelectorAll('body *')).filter(element => {
  if (element.closest('.visually-hidden, .skip-link')) return false;
  const style = getComputedStyle(element);
  const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
  return hides && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
}).map(element => element.tagName + '.' + element.className)"""

OFF_SCREEN_TEXT = """() => Array.from(document.querySelectorAll('main *, header *')).filter(element => {
  if (element.closest('.visually-hidden, .skip-link, .table-scroll')) return false;
  const ownText = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
  if (!ownText) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && (box.right > document.documentElement.clientWidth + 1 || box.left < -1);
}).map(element => element.tagName + ': ' + element.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_page_scrolls_sideways_at_320_pixels(browser, base_url, paths, name):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_named_page(page, base_url, paths, name)
    assert page.evaluate(PAGE_WIDER_THAN_VIEWPORT) <= 0
    assert page.evaluate(OFF_SCREEN_TEXT) == []
    context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_nothing_is_cut_off_at_200_percent_zoom(browser, base_url, paths, name):
    # A 1280 by 800 window zoomed to 200% lays pages out in 640 by 400 CSS pixels at twice the density.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    open_named_page(page, base_url, paths, name)
    assert page.evaluate(PAGE_WIDER_THAN_VIEWPORT) <= 0
    assert page.evaluate(CLIPPED_ELEMENTS) == []
    assert page.evaluate(OFF_SCREEN_TEXT) == []
    context.close()


def test_wide_tables_scroll_inside_a_labelled_focusable_region(browser, base_url, paths):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base_url + paths["home"])
    region = page.locator(".table-scroll").first
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    context.close()


@pytest.mark.parametrize("name", ["key-stage", "key-stage-parents", "tier"])
def test_a_key_stage_page_prints_as_a_handout(page, base_url, paths, name):
    page.goto(base_url + paths[name])
    page.emulate_media(media="print")
    for furniture in (".toolkit-bar", ".audience-switch", ".print-button", ".site-footer"):
        assert page.locator(furniture).first.is_hidden(), furniture
    # The breadcrumbs stay, so the handout says which area of need and phase it is for.
    assert page.locator(".breadcrumbs").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".review-date").is_visible()
    content = {"key-stage": ".tier-card", "key-stage-parents": ".family-strategy", "tier": ".strategy"}[name]
    assert page.locator(content).first.is_visible()
    assert page.evaluate(PAGE_WIDER_THAN_VIEWPORT) <= 0
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"{name}-handout.pdf").write_bytes(pdf)
