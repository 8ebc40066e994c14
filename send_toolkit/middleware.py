"""Deprecated: the middleware moved. This module keeps the old dotted paths working for one release.

- ``send_toolkit.middleware.CacheHeadersMiddleware`` → ``send_toolkit.access.cache_headers.CacheHeadersMiddleware``
- ``send_toolkit.middleware.SessionLifetimeMiddleware`` →
  ``send_toolkit.practitioners.session_lifetime.SessionLifetimeMiddleware``
"""

import warnings

from send_toolkit.access.cache_headers import CacheHeadersMiddleware
from send_toolkit.practitioners.session_lifetime import SessionLifetimeMiddleware

__all__ = ["CacheHeadersMiddleware", "SessionLifetimeMiddleware"]

warnings.warn(
    "send_toolkit.middleware is deprecated and goes in the next release: use "
    "send_toolkit.access.cache_headers.CacheHeadersMiddleware and "
    "send_toolkit.practitioners.session_lifetime.SessionLifetimeMiddleware in MIDDLEWARE.",
    DeprecationWarning,
    stacklevel=2,
)
