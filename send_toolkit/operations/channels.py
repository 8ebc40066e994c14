"""The health endpoint as a front-end channel (registered from ``SendToolkitConfig.ready``).

It shows no content, only whether the database and cache answer, and is never stored by a cache;
it is in the register so that every view the toolkit serves is.
"""

from __future__ import annotations

from wagtail.models import Site

from send_toolkit.access.channels import Channel, named_urls, register_channel


def health_urls(site: Site) -> list[str]:
    return named_urls(site, ["send_toolkit:health"])


HEALTH = Channel(
    name="health",
    description="The health endpoint: whether the database and cache can be reached, nothing more.",
    urls=health_urls,
    url_names=frozenset({"send_toolkit:health"}),
    cached_publicly=False,
)


def register() -> None:
    """Register the channels this room owns."""
    register_channel(HEALTH)
