"""The example site's production settings, with one view that raises (for the fault tests' subprocess).

Read from the environment like production (``http_probe.run`` sets it): DATABASE_URL decides whether the
database can be reached.
"""

from example_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.operations.fault_urls"
