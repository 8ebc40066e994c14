"""The reading options as a front-end channel (registered from ``SendToolkitConfig.ready``).

The stylesheet follows the reader's own cookie and is private; the form sets the cookie and goes
back. Neither shows toolkit content, so nothing is purged; they are in the register so that every
view the toolkit serves is.
"""

from __future__ import annotations

from wagtail.models import Site

from send_toolkit.access.channels import Channel, named_urls, register_channel


def stylesheet_urls(site: Site) -> list[str]:
    return named_urls(site, ["send_toolkit:reading_preferences_css"])


READING_PREFERENCES = Channel(
    name="reading preferences",
    description="The reading options form (send-toolkit-reading/) and the stylesheet that applies them.",
    urls=stylesheet_urls,
    url_names=frozenset({"send_toolkit:reading_preferences", "send_toolkit:reading_preferences_css"}),
    cached_publicly=False,
)


def register() -> None:
    """Register the channels this room owns."""
    register_channel(READING_PREFERENCES)
