"""The council's two colours as a small stylesheet of CSS custom properties.

Pages link to it rather than carrying an inline ``<style>``, so that the toolkit's pages pass a
Content-Security-Policy with no ``'unsafe-inline'`` (docs/explanation/security-headers.md). The link carries a
fingerprint of the colours, so a change of colour is a new URL and no cached copy shows the old one.
"""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from send_toolkit.council.models import ToolkitSettings, settings_for_request
from send_toolkit.domain.contrast import HEX_COLOUR


def brand_css(settings: ToolkitSettings | None) -> str:
    """The custom properties for the council's colours (checked for contrast when saved); empty when none is set."""
    if settings is None:
        return ""
    declarations = []
    if settings.brand_colour and HEX_COLOUR.match(settings.brand_colour):
        declarations.append(f"--brand:{settings.brand_colour};")
    if settings.accent_colour and HEX_COLOUR.match(settings.accent_colour):
        declarations.append(f"--link:{settings.accent_colour};--button:{settings.accent_colour};")
    if not declarations:
        return ""
    return ":root{" + "".join(declarations) + "}\n"


def fingerprint(css: str) -> str:
    """A short digest of the stylesheet, for the link's query string."""
    return hashlib.sha256(css.encode()).hexdigest()[:12]


@require_GET
def brand_stylesheet(request: HttpRequest) -> HttpResponse:
    """The same for every visitor of a site: marked public for anonymous visitors, like a page
    (``CacheHeadersMiddleware.PUBLIC_VIEWS``)."""
    return HttpResponse(brand_css(settings_for_request(request)), content_type="text/css; charset=utf-8")
