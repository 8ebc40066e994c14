"""Editors find the toolkit's snippets under one "SEND toolkit" menu; other apps add theirs through a hook."""

from __future__ import annotations

import pytest
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from send_toolkit import wagtail_hooks
from send_toolkit.admin_menu import MENU_ITEM_HOOK, SendToolkitViewSetGroup
from tests.admin_sidebar import labels_and_urls, main_menu, packed, submenu

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/send_toolkit"
TOOLKIT_ITEMS = [
    ("Interventions", f"{SNIPPETS}/intervention/"),
    ("Staff roles and rates", f"{SNIPPETS}/staffrole/"),
    ("Staff rate cards", f"{SNIPPETS}/ratecard/"),
    ("Cost bands", f"{SNIPPETS}/costband/"),
    ("Sub-needs", f"{SNIPPETS}/subneed/"),
    ("Glossary", f"{SNIPPETS}/glossaryterm/"),
    ("Practitioner accounts", f"{SNIPPETS}/practitionerprofile/"),
    ("Approved email domains", f"{SNIPPETS}/approvedemaildomain/"),
    ("Practitioner resources", f"{SNIPPETS}/practitionerresource/"),
    ("Undelivered email", "/admin/send-toolkit/undelivered-email/"),
    # send_toolkit.contrib.exchange, which the example site installs.
    ("Toolkit exchange", "/admin/send-toolkit-exchange/"),
]
EXTRA_ITEM = ("Council returns", "/admin/council-returns/")


class CouncilReturnsViewSet(ViewSet):
    """What another app on the council's site might add to the group."""

    name = "council_returns"
    icon = "doc-full"
    menu_label = EXTRA_ITEM[0]
    menu_url = EXTRA_ITEM[1]


def send_toolkit_group_as_rendered(admin_client) -> list[dict]:
    return submenu(main_menu(admin_client.get("/admin/").text), "SEND toolkit")


def group_built_now(admin_client) -> list[dict]:
    """The group as Wagtail builds it when the admin loads, rendered for a signed-in superuser."""
    request = admin_client.get("/admin/").wsgi_request
    component = SendToolkitViewSetGroup().get_menu_item().render_component(request)
    return packed(component)["_args"][1]


def test_the_send_toolkit_menu_holds_the_toolkits_snippets_in_order(admin_client):
    items = labels_and_urls(send_toolkit_group_as_rendered(admin_client))
    assert items == TOOLKIT_ITEMS
    for _label, url in items:
        assert admin_client.get(url).status_code == 200, url


def test_a_viewset_registered_with_the_hook_joins_the_group_after_the_toolkits_own(admin_client):
    with hooks.register_temporarily(MENU_ITEM_HOOK, CouncilReturnsViewSet):
        items = labels_and_urls(group_built_now(admin_client))
    assert items == TOOLKIT_ITEMS + [EXTRA_ITEM]


def test_a_hook_with_a_lower_order_puts_its_item_first(admin_client):
    with hooks.register_temporarily(MENU_ITEM_HOOK, lambda: CouncilReturnsViewSet(), order=-1):
        items = labels_and_urls(group_built_now(admin_client))
    assert items == [EXTRA_ITEM] + TOOLKIT_ITEMS


def test_the_old_menu_list_still_adds_an_item_for_one_release_and_warns(admin_client):
    with pytest.warns(DeprecationWarning, match=MENU_ITEM_HOOK):
        old_list = wagtail_hooks.SEND_TOOLKIT_MENU_ITEMS
    old_list.append(CouncilReturnsViewSet)
    try:
        items = labels_and_urls(group_built_now(admin_client))
    finally:
        old_list.remove(CouncilReturnsViewSet)
    assert items == TOOLKIT_ITEMS + [EXTRA_ITEM]
