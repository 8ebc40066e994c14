"""Document files are stored under unguessable names, and the download keeps its readable name."""

from __future__ import annotations

import posixpath
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from send_toolkit.access.document_files import move_to_unguessable_name
from send_toolkit.domain.document_names import is_unguessable
from tests.restricted_documents import practitioner_only_document

pytestmark = pytest.mark.django_db

Document = get_document_model()


def _stored_name(document) -> str:
    return Document.objects.values_list("file", flat=True).get(pk=document.pk)


def _assert_token_path(document, file_name: str):
    stored = _stored_name(document)
    assert is_unguessable(stored), stored
    assert stored.startswith("documents/") and posixpath.basename(stored) == file_name
    assert default_storage.exists(stored)


def _senco(client):
    client.force_login(get_user_model().objects.get(username="senco"))


def test_a_document_uploaded_in_the_admin_gets_an_unguessable_path(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@council.example", "x"))
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Hollowpine plan",
            "file": SimpleUploadedFile("hollowpine-plan.txt", b"plan rows", content_type="text/plain"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Hollowpine plan")
    _assert_token_path(document, "hollowpine-plan.txt")
    # Written once, straight to its unguessable name: no copy left under the guessable one.
    assert not default_storage.exists("documents/hollowpine-plan.txt")


def test_a_document_created_in_code_gets_an_unguessable_path(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = practitioner_only_document("Hollowpine plan", "hollowpine-code", b"rows", "Restricted")
    _assert_token_path(document, "hollowpine-code.txt")
    assert document.file.name == _stored_name(document)
    # The copy stored before the row was saved is deleted once the change is committed.
    assert not default_storage.exists("documents/hollowpine-code.txt")
    assert document.file.open("rb").read() == b"rows"


def test_a_file_assigned_before_saving_is_written_once_to_its_unguessable_path():
    document = Document(title="Assigned", file=ContentFile(b"assigned", name="assigned-file.txt"))
    document.save()
    _assert_token_path(document, "assigned-file.txt")
    assert not default_storage.exists("documents/assigned-file.txt")


def test_a_new_file_on_an_existing_document_gets_a_new_unguessable_path():
    document = Document.objects.create(title="Replaced", file=ContentFile(b"first", name="first.txt"))
    first = _stored_name(document)
    document.file = ContentFile(b"second", name="second.txt")
    document.save()
    _assert_token_path(document, "second.txt")
    assert posixpath.dirname(_stored_name(document)) != posixpath.dirname(first)


def test_the_download_keeps_its_readable_file_name(client):
    document = practitioner_only_document("Hollowpine plan", "hollowpine-download", b"rows", "Restricted")
    _senco(client)
    response = client.get(document.url)
    assert document.url == f"/documents/{document.pk}/hollowpine-download.txt"
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"rows"
    assert 'filename="hollowpine-download.txt"' in response["Content-Disposition"]


def _legacy_document(title: str, name: str, content: bytes | None):
    """A document stored before this release: its file straight under documents/ by its own name."""
    document = Document.objects.create(title=title, file=ContentFile(b"placeholder", name="placeholder.txt"))
    if content is not None:
        default_storage.save(name, ContentFile(content))
    Document.objects.filter(pk=document.pk).update(file=name)
    return Document.objects.get(pk=document.pk)


def test_saving_only_the_file_size_leaves_a_stored_name_alone():
    legacy = _legacy_document("Legacy size", "documents/legacy-size.txt", b"size")
    legacy.file_size = None
    legacy.get_file_size()  # Wagtail saves update_fields=["file_size"]
    assert _stored_name(legacy) == "documents/legacy-size.txt"


def test_the_command_moves_existing_files_to_unguessable_names(client, django_capture_on_commit_callbacks):
    legacy = _legacy_document("Legacy plan", "documents/legacy-plan.txt", b"legacy rows")
    missing = _legacy_document("Lost plan", "documents/lost-plan.txt", None)
    already = Document.objects.create(title="New plan", file=ContentFile(b"new", name="new-plan.txt"))
    already_name = _stored_name(already)

    out = StringIO()
    call_command("send_toolkit_secure_document_names", "--dry-run", stdout=out)
    assert _stored_name(legacy) == "documents/legacy-plan.txt"
    assert "1 document file would be moved" in out.getvalue()
    assert "documents/lost-plan.txt" in out.getvalue()

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_toolkit_secure_document_names", stdout=out)
    report = out.getvalue()
    assert "1 document file moved to an unguessable name" in report
    assert "already unguessable" in report and "1 file missing: documents/lost-plan.txt" in report
    _assert_token_path(legacy, "legacy-plan.txt")
    assert not default_storage.exists("documents/legacy-plan.txt")
    assert _stored_name(missing) == "documents/lost-plan.txt"
    assert _stored_name(already) == already_name
    # The download still works, at the same URL and with the same name.
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@council.example", "x"))
    response = client.get(f"/documents/{legacy.pk}/legacy-plan.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"legacy rows"


def test_a_long_file_name_still_fits_the_field_and_keeps_its_extension():
    long_name = "a-very-long-title-for-a-risk-assessment-planning-template-for-key-stage-two.txt"
    document = Document.objects.create(title="Long", file=ContentFile(b"long", name=long_name))
    stored = _stored_name(document)
    assert is_unguessable(stored) and len(stored) <= Document._meta.get_field("file").max_length
    assert stored.endswith(".txt") and posixpath.basename(stored).startswith("a-very-long-title")


def test_moving_one_of_two_documents_sharing_a_file_keeps_it_for_the_other(django_capture_on_commit_callbacks):
    first = _legacy_document("Shared one", "documents/shared-plan.txt", b"shared")
    second = _legacy_document("Shared two", "documents/shared-plan.txt", None)
    with django_capture_on_commit_callbacks(execute=True):
        move_to_unguessable_name(first)
    assert default_storage.exists("documents/shared-plan.txt")  # the second document still uses it
    with django_capture_on_commit_callbacks(execute=True):
        move_to_unguessable_name(second)
    _assert_token_path(first, "shared-plan.txt")
    _assert_token_path(second, "shared-plan.txt")
    assert _stored_name(first) != _stored_name(second)
    assert not default_storage.exists("documents/shared-plan.txt")
