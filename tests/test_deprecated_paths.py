"""The dotted paths host settings named before the layout by domain still work for one release, with a warning."""

from __future__ import annotations

import importlib
import sys

import pytest
from django.core.checks import run_checks
from django.utils.module_loading import import_string

from send_toolkit.access.cache_headers import CacheHeadersMiddleware
from send_toolkit.contrib.api.router import api_router
from send_toolkit.practitioners.login_limits import RateLimitedModelBackend
from send_toolkit.practitioners.session_lifetime import SessionLifetimeMiddleware

OLD_PATHS = {
    "send_toolkit.middleware.CacheHeadersMiddleware": CacheHeadersMiddleware,
    "send_toolkit.middleware.SessionLifetimeMiddleware": SessionLifetimeMiddleware,
    "send_toolkit.login_limits.RateLimitedModelBackend": RateLimitedModelBackend,
    "send_toolkit.api.api_router": api_router,
}


@pytest.mark.parametrize("old_path", OLD_PATHS)
def test_an_old_dotted_path_gives_the_same_object_with_a_deprecation_warning(old_path):
    module = old_path.rsplit(".", 1)[0]
    sys.modules.pop(module, None)  # the warning is given when the old module is first imported
    with pytest.warns(DeprecationWarning, match=module.replace(".", r"\.")):
        found = import_string(old_path)
    assert found is OLD_PATHS[old_path]


def test_a_site_still_using_the_old_paths_serves_pages_and_passes_the_toolkits_checks(settings, client, toolkit):
    with pytest.warns(DeprecationWarning):
        for module in ("send_toolkit.middleware", "send_toolkit.login_limits"):
            sys.modules.pop(module, None)
            importlib.import_module(module)
    new_to_old = {
        "send_toolkit.access.cache_headers.CacheHeadersMiddleware": "send_toolkit.middleware.CacheHeadersMiddleware",
        "send_toolkit.practitioners.session_lifetime.SessionLifetimeMiddleware": (
            "send_toolkit.middleware.SessionLifetimeMiddleware"
        ),
    }
    settings.MIDDLEWARE = [new_to_old.get(name, name) for name in settings.MIDDLEWARE]
    settings.AUTHENTICATION_BACKENDS = ["send_toolkit.login_limits.RateLimitedModelBackend"]

    toolkit_messages = [
        m.id for m in run_checks(databases=[]) if m.id and m.id.startswith("send_toolkit.") and not m.is_silenced()
    ]
    response = client.get(toolkit.url)

    assert toolkit_messages == []
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]  # the old-path cache headers middleware ran
