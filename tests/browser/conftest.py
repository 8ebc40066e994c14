"""Real-browser tests: Playwright (Python) driving Debian's chromium, with axe-core injected.

They run against pytest-django's live server and the demo toolkit built once for the
session (see ``base_url`` for why the server is not taken from the ``live_server`` fixture);
each test is marked ``django_db`` (see ``pytest_collection_modifyitems``).

Outside CI the tests skip, saying why, when chromium or axe-core is missing; with ``CI=true``
they fail instead, so a broken CI image can never pass silently.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

# Playwright's sync API runs an event loop in this thread; the tests only read the
# database through the live server, so Django's async guard is not needed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
AXE_SCRIPT = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = HERE.parent.parent / "test-artifacts" / "screenshots"
CHROMIUM_CANDIDATES = [os.environ.get("CHROMIUM_PATH", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true, so browser tests must run, not skip)")
    pytest.skip(reason)


def chromium_path() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        _unavailable("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a test dependency
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright runs, Django's connection handler sees another context in this thread and
        # opens a connection of its own for the tests' database reads; close it here, or PostgreSQL
        # refuses to drop the test database at the end ("accessed by other users").
        connections.close_all()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        _unavailable("axe-core is not installed: run `npm ci` in tests/browser")
    return AXE_SCRIPT.read_text()


@pytest.fixture(scope="session")
def base_url(django_db_setup, django_db_blocker):
    """pytest-django's live server (the class behind its ``live_server`` fixture), serving the demo toolkit.

    Any test whose fixtures include the ``live_server`` fixture itself becomes a TransactionTestCase,
    whose flush would wipe the demo built once for the whole session; so the same server is
    started here, and each browser test runs in an ordinary rolled-back transaction instead.
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
    yield server.url
    server.stop()


def pytest_collection_modifyitems(items):
    # Each browser test runs in a rolled-back transaction like every other test; with
    # SQLite in memory the live server shares that connection, so logins leave no trace.
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def axe_violations(page, axe_source: str) -> list[dict]:
    """Violations of WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now.

    axe-core is evaluated through the DevTools protocol, not added as an inline ``<script>``: the pages'
    Content-Security-Policy refuses inline scripts, and the test must not be the one to break it.
    """
    page.evaluate(f"() => {{ {axe_source}\n }}")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


def save_screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="session")
def paths(django_db_setup, django_db_blocker) -> dict[str, str]:
    from .pages import demo_paths

    with django_db_blocker.unblock():
        return demo_paths()


def open_page(page, url: str):
    """Open a page the toolkit must provide and fail unless it answers 200 (never skip: a missing page is a bug)."""
    response = page.goto(url)
    assert response is not None, f"{url} gave no response"
    assert response.status == 200, f"{url} returned {response.status}, expected 200"
    return response


def open_form_with_errors(page, base_url: str):
    """The registration form sent empty: the page under test is the form showing its errors."""
    from .pages import REGISTER_URL

    open_page(page, base_url + REGISTER_URL)
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.is_visible(), "the error summary is not shown"
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert page.locator(".error-message").first.is_visible()


def open_named_page(page, base_url: str, paths: dict[str, str], name: str):
    """Open a page from ``paths`` by name; "form-with-errors" is the registration form after an empty send."""
    if name == "form-with-errors":
        return open_form_with_errors(page, base_url)
    return open_page(page, base_url + paths[name])


def log_in_as_practitioner(page, base_url: str) -> None:
    """Log in through the toolkit's own form as the demo's approved practitioner."""
    from .pages import ACCOUNT_URL, LOGIN_URL, PRACTITIONER_PASSWORD, PRACTITIONER_USERNAME

    open_page(page, f"{base_url}{LOGIN_URL}?next={ACCOUNT_URL}")
    page.locator("main input[name=username]").fill(PRACTITIONER_USERNAME)
    page.locator("main input[type=password]").fill(PRACTITIONER_PASSWORD)
    with page.expect_navigation():
        page.locator("main form[method=post] [type=submit]").first.click()
    assert page.url.endswith(ACCOUNT_URL), f"logging in did not reach the account page: {page.url}"
