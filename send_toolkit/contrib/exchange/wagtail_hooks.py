"""Registers the exchange with Wagtail; what each hook does lives in ``admin.py``."""

from wagtail import hooks

from send_toolkit.admin_menu import MENU_ITEM_HOOK
from send_toolkit.contrib.exchange.admin import ToolkitExchangeViewSet, exchange_permissions

hooks.register(MENU_ITEM_HOOK, ToolkitExchangeViewSet)
hooks.register("register_permissions", exchange_permissions)
