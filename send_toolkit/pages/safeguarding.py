"""Guarantees the safeguarding notice and emergency contacts on every Getting Risk Support page."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from send_toolkit.council.models import settings_for_request
from send_toolkit.domain import vocabulary

NOTICE_MARKER = "data-safeguarding-notice"
NOTICE_TEMPLATE = "send_toolkit/components/safeguarding_notice.html"
MAIN_OPENING = re.compile(rb"<main\b[^>]*>", re.IGNORECASE)
BODY_OPENING = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def notice_context(request: HttpRequest | None) -> dict:
    settings = settings_for_request(request)
    return {"notice": vocabulary.SAFEGUARDING_NOTICE, "settings": settings}


def ensure_safeguarding_notice(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Put the notice back at the top of the main content of an HTML page that left it out."""
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    content_type = response.get("Content-Type", "")
    if response.status_code != 200 or "text/html" not in content_type or getattr(response, "streaming", False):
        return response
    if NOTICE_MARKER.encode() in response.content:
        return response
    notice = render_to_string(NOTICE_TEMPLATE, notice_context(request), request=request).encode()
    content = response.content
    opening = MAIN_OPENING.search(content) or BODY_OPENING.search(content)
    position = opening.end() if opening else 0
    response.content = content[:position] + notice + content[position:]
    return response
