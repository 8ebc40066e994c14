"""Toolkit pages stay light: JavaScript at most 15 KB gzipped, a page at most 150 KB on first load."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

STATIC = Path(__file__).resolve().parents[2] / "send_toolkit" / "static" / "send_toolkit"
JS_BUDGET = 15 * 1024
PAGE_BUDGET = 150 * 1024

TRANSFERRED = """() => {
  const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
  return entries.reduce((total, entry) => total + (entry.encodedBodySize || 0), 0);
}"""


def test_all_javascript_is_at_most_15_kb_gzipped():
    total = sum(len(gzip.compress(path.read_bytes(), 9)) for path in STATIC.rglob("*.js"))
    assert 0 < total <= JS_BUDGET, f"{total} bytes"


@pytest.mark.parametrize("name", ["home", "key-stage", "tier", "directory"])
def test_a_toolkit_page_is_at_most_150_kb_on_first_load(page, base_url, paths, name):
    page.goto(base_url + paths[name])
    page.wait_for_load_state("load")
    transferred = page.evaluate(TRANSFERRED)
    assert 0 < transferred <= PAGE_BUDGET, f"{transferred} bytes"
