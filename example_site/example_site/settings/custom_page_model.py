"""The test settings on a site with its own base page model (Wagtail 8's WAGTAIL_PAGE_MODEL).

CI runs the toolkit's custom-base-page subset with these (``make test-custom-page-model``); see
docs/how-to/use-a-custom-base-page-model.md.
"""

import os
import tempfile
from pathlib import Path

from .test import *  # noqa: F403
from .test import DATABASES, INSTALLED_APPS

# The app that defines the base page model comes above send_toolkit, whose page types extend it.
INSTALLED_APPS = ["custom_base_page", *INSTALLED_APPS]
WAGTAIL_PAGE_MODEL = "custom_base_page.BasePage"

# A database of its own: one migrated with Wagtail's default Page can never take a custom base page.
if "DATABASE_URL" not in os.environ:
    database = Path(tempfile.gettempdir()) / "send-toolkit-custom-page-model.sqlite3"
    DATABASES = {**DATABASES, "default": {**DATABASES["default"], "NAME": database}}
