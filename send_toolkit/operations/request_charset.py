"""Form posts that declare a charset other than UTF-8 get a short 400 page, not a 500.

Django refuses a url-encoded body in any other charset with ``BadRequest``, but its own 400 handler
runs the CSRF check again, which reads the body again, raises again and turns the answer into a 500;
a multipart body in another charset is decoded with it and reaches the forms as garbled text. Every page
the toolkit serves is UTF-8, so its forms post UTF-8: anything else is a client that cannot be answered
properly, and is told so before any view or middleware reads the body.

Put ``RequestCharsetMiddleware`` in ``MIDDLEWARE`` before ``CsrfViewMiddleware`` (check ``send_toolkit.W008``).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext

# The content types Django parses into request.POST and request.FILES.
FORM_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def declares_other_charset(content_type_header: str) -> bool:
    """Whether a form content type names a charset that is not UTF-8 (an unknown name included)."""
    content_type, params = parse_header_parameters(content_type_header)
    if content_type not in FORM_CONTENT_TYPES or "charset" not in params:
        return False
    try:
        return codecs.lookup(params["charset"]).name != "utf-8"
    except LookupError:
        return True


class RequestCharsetMiddleware:
    """Answer a form post in another charset with a plain 400 before anything reads its body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and declares_other_charset(request.META.get("CONTENT_TYPE", "")):
            response = HttpResponseBadRequest(
                gettext(
                    "This form could not be read: it must be sent as UTF-8. Go back, reload the page and send it again."
                ),
                content_type="text/plain; charset=utf-8",
            )
            add_never_cache_headers(response)
            return response
        return self.get_response(request)
