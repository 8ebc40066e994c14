"""The Wagtail admin menu as the sidebar receives it: telepath-packed JSON in `<script id="wagtail-sidebar-props">`."""

from __future__ import annotations

import json
import re

from wagtail.admin.telepath import JSContext

SIDEBAR_PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)
MAIN_MENU = "wagtail.sidebar.MainMenuModule"
SUBMENU = "wagtail.sidebar.SubMenuItem"


def main_menu(html: str) -> list[dict]:
    """The packed items of the main menu on an admin page, top level first."""
    match = SIDEBAR_PROPS.search(html)
    assert match, "the page has no admin sidebar"
    (module,) = [module for module in json.loads(match.group(1))["modules"] if module["_type"] == MAIN_MENU]
    return module["_args"][0]


def submenu(items: list[dict], label: str) -> list[dict]:
    """The packed items inside the one submenu called ``label``."""
    (group,) = [item for item in items if item["_type"] == SUBMENU and item["_args"][0]["label"] == label]
    return group["_args"][1]


def packed(component) -> dict:
    """A sidebar component packed the way the admin page packs it, to read with the functions above."""
    return JSContext().pack(component)


def labels_and_urls(items: list[dict]) -> list[tuple[str, str | None]]:
    """(label, URL) of every item in order; a nested submenu has no URL of its own."""
    return [(item["_args"][0]["label"], item["_args"][0].get("url")) for item in items]
