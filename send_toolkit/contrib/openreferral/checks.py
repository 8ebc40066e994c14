"""The feed's system check: installed but not mounted (send_toolkit.W009)."""

from __future__ import annotations

from django.core import checks
from django.urls import NoReverseMatch, reverse

from send_toolkit.contrib.openreferral.channels import NAMESPACE


@checks.register(checks.Tags.urls)
def check_feed_is_mounted(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """W009: ``send_toolkit.contrib.openreferral`` is in INSTALLED_APPS but no URL serves the feed."""
    try:
        reverse(f"{NAMESPACE}:api_details")
    except NoReverseMatch:
        return [
            checks.Warning(
                "send_toolkit.contrib.openreferral is installed, but the Open Referral UK feed is not mounted.",
                hint='Add path("openreferral/", openreferral_api.urls) to your urls.py, with '
                "from send_toolkit.contrib.openreferral.api import openreferral_api, or remove the app.",
                id="send_toolkit.W009",
            )
        ]
    return []
