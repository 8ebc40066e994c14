"""Optional integrations, each a sub-app with its own ``apps.py``: add only the ones a site uses."""
