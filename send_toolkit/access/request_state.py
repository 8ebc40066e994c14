"""What one request has worked out already, kept in one memo (not in attributes scattered on the request).

A page render asks the same questions many times (who is this viewer, which page restrictions do they pass,
what are the council's rates, where is the directory): each is answered once per request and remembered
here. The memo lives exactly as long as the request object, so nothing outlives the request; it holds work
identity and published content only, never anything a practitioner typed about a child.

    viewer = remember(request, "viewer", lambda: viewer_for(request.user))

Outside a request (``request`` is None: management commands, emails, the sitemap's anonymous view)
nothing is remembered and ``compute`` runs every time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from django.http import HttpRequest

T = TypeVar("T")

# The only attribute the toolkit sets on a request.
MEMO_ATTRIBUTE = "send_toolkit_memo"


def request_memo(request: HttpRequest) -> dict[str, Any]:
    """The request's memo (made on first use)."""
    memo = request.__dict__.get(MEMO_ATTRIBUTE)
    if memo is None:
        memo = {}
        setattr(request, MEMO_ATTRIBUTE, memo)
    return memo


def remember(request: HttpRequest | None, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, worked out once per request under ``key``."""
    if request is None:
        return compute()
    memo = request_memo(request)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def recall(request: HttpRequest | None, key: str, default: Any = None) -> Any:
    """What the request remembered under ``key``, or ``default``."""
    if request is None:
        return default
    return request_memo(request).get(key, default)


def note(request: HttpRequest | None, key: str, value: Any) -> None:
    """Remember ``value`` under ``key`` for the rest of the request (a flag such as "restricted content shown")."""
    if request is not None:
        request_memo(request)[key] = value
