"""The council's brand stylesheet as a front-end channel (registered from ``SendToolkitConfig.ready``).

It shows the council's colours, the same to everyone, and no toolkit content, so nothing is purged
(a change of colour changes the link's fingerprint); it is in the register so that every view the
toolkit serves is.
"""

from __future__ import annotations

from wagtail.models import Site

from send_toolkit.access.channels import Channel, named_urls, register_channel


def stylesheet_urls(site: Site) -> list[str]:
    return named_urls(site, ["send_toolkit:brand_stylesheet"])


BRAND_STYLESHEET = Channel(
    name="brand stylesheet",
    description="The council's colours as CSS custom properties (send-toolkit-brand.css), the same for everyone.",
    urls=stylesheet_urls,
    url_names=frozenset({"send_toolkit:brand_stylesheet"}),
)


def register() -> None:
    """Register the channels this room owns."""
    register_channel(BRAND_STYLESHEET)
