"""The toolkit runs on the site's base page model: Wagtail's Page, or a site's own (Wagtail 8's WAGTAIL_PAGE_MODEL).

`make test-custom-page-model` runs this file, with the rest of the custom-base-page subset, against
example_site.settings.custom_page_model; the tests that need a custom base page skip on the default settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import InterventionDirectoryPage, ToolkitPageMixin

REPO = Path(__file__).resolve().parents[2]
TOOLKIT_PAGE_TYPES = [
    model for model in apps.get_app_config("send_toolkit").get_models() if issubclass(model, ToolkitPageMixin)
]

needs_custom_base_page = pytest.mark.skipif(
    BasePage._meta.label == "wagtailcore.Page",
    reason="needs a custom base page model: run with --ds=example_site.settings.custom_page_model",
)


@pytest.fixture
def editor_client(client, db):
    admin = get_user_model().objects.create_superuser("base-page-editor", "editor@example.test", "pw")
    client.force_login(admin)
    return client


def test_every_toolkit_page_type_is_a_page_of_the_sites_base_page_model(toolkit):
    assert BasePage._meta.label == getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")
    # One table per page type, joined straight to the site's base page table.
    assert {model: list(model._meta.parents) for model in TOOLKIT_PAGE_TYPES} == {
        model: [BasePage] for model in TOOLKIT_PAGE_TYPES
    }
    in_the_demo = {type(page) for page in toolkit.get_descendants(inclusive=True).specific()}
    assert in_the_demo == set(TOOLKIT_PAGE_TYPES)


@needs_custom_base_page
def test_editors_see_the_sites_own_base_page_field_on_every_toolkit_page_type(editor_client, toolkit):
    for model in TOOLKIT_PAGE_TYPES:
        page = model.objects.descendant_of(toolkit, inclusive=True).first()
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, model
        assert 'name="owning_service"' in response.content.decode(), model


@needs_custom_base_page
def test_a_base_page_field_an_editor_sets_on_a_toolkit_page_is_kept_and_the_page_still_served(
    editor_client, client, toolkit
):
    directory = InterventionDirectoryPage.objects.child_of(toolkit).get()
    data = nested_form_data(
        {
            "title": directory.title,
            "slug": directory.slug,
            "introduction": rich_text("<p>Every intervention in the toolkit.</p>"),
            "owning_service": "SEND Support Service",
            "action-publish": "action-publish",
        }
    )
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=(directory.pk,)), data)
    assert response.status_code == 302
    # A site-wide query on the site's own field finds the toolkit page among the site's pages.
    assert BasePage.objects.get(owning_service="SEND Support Service").specific == directory
    client.logout()
    assert client.get(directory.url).status_code == 200


def test_a_site_that_names_a_base_page_model_it_has_not_installed_is_told_where_to_list_it(tmp_path):
    (tmp_path / "missing_base_page_settings.py").write_text(
        "from example_site.settings.test import *  # noqa: F403\n"
        'INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "custom_base_page"]  # noqa: F405\n'
        'WAGTAIL_PAGE_MODEL = "custom_base_page.BasePage"\n'
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO", "DATABASE_URL"))}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(REPO / "example_site"), str(REPO)])
    env["DJANGO_SETTINGS_MODULE"] = "missing_base_page_settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured:"), result.stderr
    assert "custom_base_page.BasePage (WAGTAIL_PAGE_MODEL)" in last_line
    assert "Add the app that defines it to INSTALLED_APPS, above 'send_toolkit'" in last_line
