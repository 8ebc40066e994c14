"""Shared fixtures: a real database with the toolkit skeleton (and demo content) built once per session."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Site

from send_toolkit.pages.models import ToolkitPage


@pytest.fixture(scope="session", autouse=True)
def collected_static_files():
    """Manifest static files storage (the production settings) serves only what ``collectstatic`` wrote down:
    collect into the settings' throwaway STATIC_ROOT first, as a deployment does."""
    if "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]:
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo toolkit once; each test then runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("send_toolkit_setup", "--demo", "--force-demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def site(db) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def toolkit(db) -> ToolkitPage:
    return ToolkitPage.objects.get()


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: its database changes are rolled back, but what Wagtail and the
    login limits cached from them (site root paths, attempt counts) would otherwise outlive them."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
