"""Deprecated: the Wagtail API integration moved to ``send_toolkit.contrib.api``.

This module keeps ``from send_toolkit.api import api_router`` working for one release.
"""

import warnings

from send_toolkit.contrib.api.router import ToolkitPagesAPIViewSet, api_router

__all__ = ["ToolkitPagesAPIViewSet", "api_router"]

warnings.warn(
    "send_toolkit.api is deprecated and goes in the next release: "
    "import api_router from send_toolkit.contrib.api.router.",
    DeprecationWarning,
    stacklevel=2,
)
