"""The example site's URL configuration as the dev server has it (DEBUG on), for tests of what it serves.

``example_site/urls.py`` decides at import time what to add when DEBUG is on, so it is loaded afresh
under another module name while DEBUG is on, and the test points ROOT_URLCONF at that copy.
"""

from __future__ import annotations

import importlib.util
import sys

from example_site import urls as example_site_urls

MODULE_NAME = "tests.example_site_dev_urls"


def load_dev_urls() -> str:
    """Load the example site's URLs under DEBUG (the caller turns it on) and return the module's name."""
    spec = importlib.util.spec_from_file_location(MODULE_NAME, example_site_urls.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module
    spec.loader.exec_module(module)
    return MODULE_NAME


def unload_dev_urls() -> None:
    sys.modules.pop(MODULE_NAME, None)
