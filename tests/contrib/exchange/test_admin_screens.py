"""The admin screens: only superusers and those given the permission; a download, an upload, a dry-run report."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from send_toolkit.pages.models import ToolkitPage
from tests.admin_sidebar import labels_and_urls, main_menu, submenu
from tests.contrib.exchange.archives import entries, exported, manifest, row_counts

pytestmark = pytest.mark.django_db

INDEX = "/admin/send-toolkit-exchange/"
EXPORT = "/admin/send-toolkit-exchange/export/"
IMPORT = "/admin/send-toolkit-exchange/import/"
RESOURCE_BODY = b"Use the provision map to record the interventions"


@pytest.fixture
def editor_client(client):
    """The demo's toolkit editor: may use the admin and edit the toolkit, but not export or import it."""
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


def grant(username: str, codename: str) -> None:
    user = get_user_model().objects.get(username=username)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="send_toolkit_exchange", codename=codename)
    )


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def upload(archive: bytes, name: str = "northmoor.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, archive, content_type="application/zip")


def test_the_urls_are_the_viewsets():
    assert reverse("send-toolkit-exchange:export") == EXPORT and reverse("send-toolkit-exchange:import") == IMPORT


@pytest.mark.parametrize("url", [INDEX, EXPORT, IMPORT])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post(url).status_code == 302


@pytest.mark.parametrize("url", [INDEX, EXPORT, IMPORT])
def test_an_editor_without_the_permission_is_refused_and_gets_no_archive(editor_client, url, toolkit):
    # Wagtail's admin answers a refused permission by sending the editor back to the dashboard, with a message.
    assert refused(editor_client.get(url))
    response = editor_client.post(url, {"toolkit": toolkit.pk})
    assert refused(response) and RESOURCE_BODY not in response.content
    sidebar = main_menu(editor_client.get("/admin/").content.decode())
    assert ("Toolkit exchange", INDEX) not in labels_and_urls(submenu(sidebar, "SEND toolkit"))


def test_an_editor_given_the_export_permission_downloads_the_archive(editor_client, toolkit):
    grant("editor", "export_toolkit")
    sidebar = main_menu(editor_client.get("/admin/").content.decode())
    assert ("Toolkit exchange", INDEX) in labels_and_urls(submenu(sidebar, "SEND toolkit"))
    index = editor_client.get(INDEX).content.decode()
    assert EXPORT in index and IMPORT not in index
    assert refused(editor_client.get(IMPORT))
    assert "Download the archive" in editor_client.get(EXPORT).content.decode()
    response = editor_client.post(EXPORT, {"toolkit": toolkit.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    today = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="send-toolkit-{today}.zip"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    archive = b"".join(response.streaming_content)
    assert manifest(archive)["toolkit"]["title"] == toolkit.title
    assert RESOURCE_BODY in entries(archive)["sections/practitioner_resources.json"]


def test_a_dry_run_upload_shows_the_report_and_changes_nothing(admin_client, toolkit, site):
    archive = exported(toolkit)
    counts = row_counts()
    response = admin_client.post(
        IMPORT, {"archive": upload(archive), "parent": site.root_page_id, "slug": "northmoor-copy", "dry_run": "on"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dry run: nothing was changed" in html
    assert "107 will be created" in html and "34 already here, kept as it is" in html
    assert "northmoor-copy/for-practitioners: <strong>will be created</strong> (guidance page, restricted)" in html
    assert row_counts() == counts


def test_an_upload_imports_the_toolkit_under_the_chosen_page(admin_client, toolkit, site):
    response = admin_client.post(
        IMPORT, {"archive": upload(exported(toolkit)), "parent": site.root_page_id, "slug": "northmoor-copy"}
    )
    copy = ToolkitPage.objects.get(slug="northmoor-copy")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_explore", args=[copy.pk])
    assert copy.get_parent().pk == site.root_page_id and copy.get_descendants().count() == 106
    assert copy.get_latest_revision().user.username == "admin"


def test_a_damaged_upload_lists_the_problems_and_changes_nothing(admin_client, toolkit, site):
    archive = exported(toolkit)
    counts = row_counts()
    response = admin_client.post(
        IMPORT, {"archive": upload(archive[:2000]), "parent": site.root_page_id, "slug": "northmoor-copy"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported: 1 problem to fix" in html
    assert "northmoor.zip: this is not a zip archive, or it is damaged or cut short." in html
    assert row_counts() == counts


def test_an_importer_must_be_allowed_to_add_pages_under_the_parent(editor_client, toolkit, site):
    grant("editor", "import_toolkit")
    response = editor_client.post(
        IMPORT, {"archive": upload(exported(toolkit)), "parent": site.root_page_id, "slug": "northmoor-copy"}
    )
    assert response.status_code == 200
    assert f"You may not add pages under “{site.root_page.title}”." in response.content.decode()
    assert not ToolkitPage.objects.filter(slug="northmoor-copy").exists()


def test_an_upload_that_is_not_an_archive_is_a_clear_message_not_a_server_error(admin_client, site):
    response = admin_client.post(
        IMPORT, {"archive": upload(io.BytesIO(b"not a zip").getvalue(), "notes.zip"), "parent": site.root_page_id}
    )
    assert response.status_code == 400 and "notes.zip: this is not a zip archive" in response.content.decode()


def test_the_two_permissions_can_be_given_to_a_group_in_the_admin(admin_client):
    editors = Group.objects.get(name="Toolkit editors")
    html = admin_client.get(reverse("wagtailusers_groups:edit", args=[editors.pk])).content.decode()
    assert "Can export a whole toolkit, restricted content included" in html
    assert "Can import a toolkit from another council" in html
