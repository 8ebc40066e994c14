"""The API's system check: Wagtail's own API purging does not know the toolkit's router."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.urls import NoReverseMatch, reverse


def _ids() -> set[str]:
    return {message.id for message in run_checks(databases=[]) if message.id.startswith("send_toolkit.W01")}


def test_the_example_site_passes():
    assert _ids() == set()


def test_wagtails_own_api_purging_is_warned_about(settings):
    settings.WAGTAILAPI_USE_FRONTENDCACHE = True

    assert _ids() == {"send_toolkit.W010"}


def test_wagtails_api_purging_would_look_for_a_router_the_toolkit_does_not_mount():
    # What Wagtail's handler reverses on every publish (wagtail/api/v2/signal_handlers.py).
    with pytest.raises(NoReverseMatch):
        reverse("wagtailapi_v2:pages:detail", args=[1])
    assert reverse("send_toolkit_api:pages:detail", args=[1]) == "/api/v2/pages/1/"
