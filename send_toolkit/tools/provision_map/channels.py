"""The provision map as a front-end channel (registered from ``SendToolkitConfig.ready``).

Every screen shows a setting's own plan to the practitioners it is open to, so nothing is cached
publicly and nothing needs purging; the probe URL is the list of maps, which every role may ask for.
"""

from __future__ import annotations

from wagtail.models import Site

from send_toolkit.access.channels import Channel, named_urls, register_channel
from send_toolkit.tools.provision_map.urls import urlpatterns

URL_NAMES = frozenset(f"send_toolkit:{pattern.name}" for pattern in urlpatterns)


def probe_urls(site: Site) -> list[str]:
    return named_urls(site, ["send_toolkit:provision_maps"])


PROVISION_MAP = Channel(
    name="provision map",
    description="The costed provision map tool: a setting's maps, their exports and one pupil's costed provision "
    "(computed on request, never stored). Approved practitioners only; a map only to its owner and colleagues.",
    urls=probe_urls,
    url_names=URL_NAMES,
    cached_publicly=False,
)


def register() -> None:
    register_channel(PROVISION_MAP)
