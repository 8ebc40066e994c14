"""The example site never serves document files straight from the media folder, even on the dev server.

A document's file under /media/documents/ would reach anyone with its path, whatever its collection's
privacy; documents go only through Wagtail's serve view, which checks who is asking.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.dev_urls import load_dev_urls, unload_dev_urls
from tests.restricted_documents import practitioner_only_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def dev_server(settings):
    settings.DEBUG = True
    settings.ROOT_URLCONF = load_dev_urls()
    yield
    unload_dev_urls()


@pytest.fixture
def restricted_document():
    return practitioner_only_document("Hollowpine plan", "hollowpine-media", b"restricted rows", "Restricted media")


def test_a_restricted_documents_media_url_is_not_served_on_the_dev_server(client, dev_server, restricted_document):
    assert default_storage.exists(restricted_document.file.name)
    response = client.get(f"/media/{restricted_document.file.name}")
    assert response.status_code == 404
    assert b"restricted rows" not in response.content


@pytest.mark.parametrize("path", ["/media/documents/", "/media/", "/media/documents/hollowpine-media.txt"])
def test_the_media_and_documents_folders_are_not_served_on_the_dev_server(client, dev_server, path):
    default_storage.save("documents/hollowpine-media.txt", ContentFile(b"restricted rows"))
    assert client.get(path).status_code == 404


def test_documents_are_still_served_by_wagtails_view_to_those_allowed(client, dev_server, restricted_document):
    assert client.get(restricted_document.url).status_code == 302  # anonymous: to the login page
    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.get(restricted_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"restricted rows"


def test_images_are_still_served_on_the_dev_server(client, dev_server):
    name = default_storage.save("original_images/probe-image.txt", ContentFile(b"image bytes"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"image bytes"
