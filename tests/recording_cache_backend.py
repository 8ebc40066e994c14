"""A real wagtail.contrib.frontend_cache backend that records purged URLs instead of calling a CDN."""

from __future__ import annotations

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url: str) -> None:
        PURGED.append(url)
