"""Deprecated: the login limits moved to ``send_toolkit.practitioners.login_limits``.

This module keeps ``send_toolkit.login_limits.RateLimitedModelBackend`` working for one release.
"""

import warnings

from send_toolkit.practitioners.login_limits import RateLimitedModelBackend

__all__ = ["RateLimitedModelBackend"]

warnings.warn(
    "send_toolkit.login_limits is deprecated and goes in the next release: use "
    "send_toolkit.practitioners.login_limits.RateLimitedModelBackend in AUTHENTICATION_BACKENDS.",
    DeprecationWarning,
    stacklevel=2,
)
