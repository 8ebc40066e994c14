"""The "SEND toolkit" group in the Wagtail admin menu, filled from the ``register_send_toolkit_menu_item`` hook.

Each function registered with the hook returns a viewset class or instance (a ``SnippetViewSet`` for a
snippet); the group asks every such function when the admin loads, in hook order, so the toolkit's own
items and a third party's go through the same door (docs/how-to/extend-the-admin-menu.md).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

MENU_ITEM_HOOK = "register_send_toolkit_menu_item"

# Filled only through the deprecated ``send_toolkit.wagtail_hooks.SEND_TOOLKIT_MENU_ITEMS`` (which warns);
# kept for one release so a host that appended to it still sees its item. Remove with that alias.
legacy_menu_items: list[type[ViewSet] | ViewSet] = []


def menu_items() -> list[type[ViewSet] | ViewSet]:
    """What the group holds: each hook's viewset in hook order, then anything added the deprecated way."""
    hooked = [fn() for fn in hooks.get_hooks(MENU_ITEM_HOOK)]
    return hooked + [item for item in legacy_menu_items if item not in hooked]


class SendToolkitViewSetGroup(SnippetViewSetGroup):
    menu_label = _("SEND toolkit")
    menu_name = "send-toolkit"
    menu_icon = "folder-open-inverse"
    menu_order = 250

    def __init__(self) -> None:
        # Read here, not at import: Wagtail builds the group when the admin URLs load, after every
        # app's wagtail_hooks module has registered its items.
        self.items = menu_items()
        super().__init__()
