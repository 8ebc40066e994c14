"""The register of front-end channels (access/channels.py) holds every way the toolkit serves content.

Purging, the sitemap and the leak matrix see only what the register holds, so a view that belongs
to no channel would be neither purged nor probed: these tests fail when one appears.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, resolve
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import AbstractPage

from send_toolkit import urls as toolkit_urls
from send_toolkit.access.channels import Channel, register_channel, registered_channel, registered_channels


def _url_names(patterns, namespace: str) -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            # An include() without a namespace keeps the names in the includer's namespace.
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            names |= _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}:{pattern.name}")
    return names


def _page_routes() -> set[tuple[str, str]]:
    """(page type, route name) for every route of every page type the toolkit ships."""
    page_types = [
        model
        for model in apps.get_app_config("send_toolkit").get_models()
        if issubclass(model, AbstractPage) and issubclass(model, RoutablePageMixin)
    ]
    return {(model.__name__, pattern.name) for model in page_types for pattern in model.get_resolver().url_patterns}


def test_every_url_the_toolkit_serves_belongs_to_a_channel():
    served = _url_names(toolkit_urls.urlpatterns, toolkit_urls.app_name)
    claimed = {name for channel in registered_channels() for name in channel.url_names}
    assert served, "send_toolkit.urls serves nothing?"
    assert sorted(served - claimed) == []


def test_every_page_route_belongs_to_a_channel():
    routes = _page_routes()
    claimed = {name for channel in registered_channels() for name in channel.page_routes}
    assert {"search", "export", "intervention", "parents"} <= {name for _type, name in routes}
    assert sorted(route for route in routes if route[1] not in claimed) == []


@pytest.mark.django_db
def test_each_channel_lists_its_own_urls_on_the_demo_site(client, site):
    for channel in registered_channels():
        urls = list(channel.urls(site))
        assert urls, f"{channel.name} lists no URL"
        for url in urls:
            view = resolve(urlsplit(url).path).view_name
            served_by_pages = view == "wagtail_serve" and channel.page_routes
            assert served_by_pages or view in channel.url_names, f"{url} ({view}) is not served by {channel.name}"


def test_a_second_channel_by_the_same_name_is_refused():
    sitemap = registered_channel("sitemap")
    register_channel(sitemap)  # the same entry again, as a repeated ready() would: harmless
    impostor = Channel(name="sitemap", description="Another sitemap.", urls=lambda site: [])
    with pytest.raises(ImproperlyConfigured):
        register_channel(impostor)
    assert registered_channel("sitemap") is sitemap
