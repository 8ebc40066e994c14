"""Browser tests may skip locally when chromium or axe-core is missing, but never in CI."""

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.browser.conftest import _unavailable


def test_missing_browser_tools_skip_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped, match="chromium is not installed"):
        _unavailable("chromium is not installed")


def test_missing_browser_tools_fail_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed, match="must run, not skip"):
        _unavailable("axe-core is not installed")
