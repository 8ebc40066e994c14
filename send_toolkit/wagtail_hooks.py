"""Registers the toolkit with Wagtail; what each hook does lives in its room's ``admin.py`` (or ``access/``).

The "SEND toolkit" admin menu group is filled from the ``register_send_toolkit_menu_item`` hook
(``send_toolkit.admin_menu``); add your own item from your app's ``wagtail_hooks.py`` the same way the toolkit
adds its own below (docs/how-to/extend-the-admin-menu.md). A viewset class is itself a function that returns
a viewset, so it is registered as it is.
"""

from __future__ import annotations

import warnings

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from send_toolkit.access.enforcement import (
    enforce_toolkit_document_access,
    enforce_toolkit_page_access,
    register_access_checked_rich_text_links,
)
from send_toolkit.admin_menu import MENU_ITEM_HOOK, SendToolkitViewSetGroup, legacy_menu_items
from send_toolkit.glossary.admin import GlossaryTermViewSet
from send_toolkit.interventions.admin import (
    CostBandViewSet,
    InterventionViewSet,
    RateCardViewSet,
    StaffRoleViewSet,
    SubNeedViewSet,
)
from send_toolkit.mail.admin import POLICY as UNDELIVERED_EMAIL_POLICY
from send_toolkit.mail.admin import UndeliveredEmailViewSet, add_undelivered_email_summary
from send_toolkit.mail.models import OutboxMessage
from send_toolkit.pages.admin import refuse_move_that_duplicates_a_sibling, review_report_menu_item, review_report_urls
from send_toolkit.practitioners.admin import (
    ApprovedEmailDomainViewSet,
    PractitionerProfileViewSet,
    PractitionerResourceViewSet,
    add_pending_practitioners_summary,
)
from send_toolkit.tools.provision_map.admin import (
    provision_picture_menu_item,
    provision_picture_permission,
    provision_picture_urls,
)

# Before any viewset asks for it (Wagtail would otherwise make a default policy for the model).
register_permission_policy(OutboxMessage, UNDELIVERED_EMAIL_POLICY)

# The "SEND toolkit" menu group, in this order.
hooks.register(MENU_ITEM_HOOK, InterventionViewSet)
hooks.register(MENU_ITEM_HOOK, StaffRoleViewSet)
hooks.register(MENU_ITEM_HOOK, RateCardViewSet)
hooks.register(MENU_ITEM_HOOK, CostBandViewSet)
hooks.register(MENU_ITEM_HOOK, SubNeedViewSet)
hooks.register(MENU_ITEM_HOOK, GlossaryTermViewSet)
hooks.register(MENU_ITEM_HOOK, PractitionerProfileViewSet)
hooks.register(MENU_ITEM_HOOK, ApprovedEmailDomainViewSet)
hooks.register(MENU_ITEM_HOOK, PractitionerResourceViewSet)
hooks.register(MENU_ITEM_HOOK, UndeliveredEmailViewSet)
hooks.register("register_admin_viewset", SendToolkitViewSetGroup)

# Admin screens.
hooks.register("register_admin_urls", review_report_urls)
hooks.register("register_reports_menu_item", review_report_menu_item)
hooks.register("register_admin_urls", provision_picture_urls)
hooks.register("register_reports_menu_item", provision_picture_menu_item)
hooks.register("register_permissions", provision_picture_permission)
hooks.register("before_move_page", refuse_move_that_duplicates_a_sibling)
hooks.register("construct_homepage_summary_items", add_pending_practitioners_summary)
hooks.register("construct_homepage_summary_items", add_undelivered_email_summary)

# The front end: only those the toolkit's access rules admit see restricted pages, documents and links.
hooks.register("before_serve_page", enforce_toolkit_page_access)
hooks.register("before_serve_document", enforce_toolkit_document_access)
# Order 100 runs after Wagtail's own registration, so the access-checked link handlers replace Wagtail's.
hooks.register("register_rich_text_features", register_access_checked_rich_text_links, order=100)


def __getattr__(name: str) -> list:
    # SEND_TOOLKIT_MENU_ITEMS was documented here in 0.1.0 and hosts appended their viewsets to it. Items
    # added to it are still shown (after the hook's) for one release; it no longer holds the toolkit's own.
    if name == "SEND_TOOLKIT_MENU_ITEMS":
        warnings.warn(
            "send_toolkit.wagtail_hooks.SEND_TOOLKIT_MENU_ITEMS is deprecated and will be removed in the next "
            f"release: register a function returning your viewset with the {MENU_ITEM_HOOK!r} hook instead.",
            DeprecationWarning,
            stacklevel=2,
        )
        return legacy_menu_items
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
