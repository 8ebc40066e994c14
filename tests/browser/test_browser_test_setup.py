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


def test_the_only_skip_in_the_browser_tests_is_for_missing_browser_tools():
    # A page or demo content that is missing is a bug to fail on, not a reason to skip: a skipped
    # accessibility test in CI looks like a pass. Only _unavailable may skip, and never with CI=true.
    import ast
    from pathlib import Path

    browser_tests = Path(__file__).resolve().parent
    skips = []
    for path in sorted(browser_tests.glob("*.py")):
        tree = ast.parse(path.read_text())
        inside = {}
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef):
                for node in ast.walk(function):
                    inside.setdefault(node, function.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("skip", "skipif", "importorskip"):
                skips.append(f"{path.name}:{inside.get(node, 'module')}:{node.lineno}")
    assert [skip for skip in skips if not skip.startswith("conftest.py:_unavailable:")] == []
