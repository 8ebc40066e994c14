"""A document from a restricted collection chosen on a public page (download or risk planning template).

Only those allowed to download it learn its title, type, size or link; everyone else sees the
"log in or register" prompt, and a page that showed it is never stored by a shared cache.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from send_toolkit.pages.models import GuidancePage, RiskSupportPage
from tests.restricted_documents import practitioner_only_document

pytestmark = pytest.mark.django_db

DOCUMENT_TITLE = "Hollowpine plan"
FILENAME = "hollowpine-rows"


@pytest.fixture
def restricted_document():
    return practitioner_only_document(DOCUMENT_TITLE, FILENAME, b"rows", "Restricted for block tests")


@pytest.fixture
def public_page_with_download(toolkit, restricted_document):
    page = GuidancePage(
        title="Public page with a download",
        slug="public-download",
        body=[("download", {"document": restricted_document, "title": "", "description": ""})],
    )
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    return page


def _senco(client):
    client.force_login(get_user_model().objects.get(username="senco"))


def test_anonymous_visitors_see_the_way_in_not_the_document(client, public_page_with_download, settings):
    settings.SEND_TOOLKIT_PUBLIC_CACHE_MAX_AGE = 300
    response = client.get(public_page_with_download.url)
    html = response.text
    assert response.status_code == 200
    assert DOCUMENT_TITLE not in html and FILENAME not in html.lower() and "TXT" not in html
    assert "A document here is available to logged-in practitioners" in html
    assert f"/accounts/login/?next={public_page_with_download.url}" in html
    # Every anonymous visitor sees the same prompt, so the page may still be cached by a CDN.
    assert "public" in response["Cache-Control"]


def test_a_signed_in_account_that_may_not_download_it_is_pointed_at_its_status(client, public_page_with_download):
    client.force_login(get_user_model().objects.create_user(username="pending@school.example", password="x"))
    html = client.get(public_page_with_download.url).text
    assert DOCUMENT_TITLE not in html and FILENAME not in html.lower()
    assert "Your account cannot open it yet" in html


def test_practitioners_get_the_download_and_the_page_is_never_stored(client, public_page_with_download):
    _senco(client)
    response = client.get(public_page_with_download.url)
    assert DOCUMENT_TITLE in response.text and FILENAME in response.text
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_restricted_planning_template_is_shown_only_to_practitioners(client, restricted_document):
    page = RiskSupportPage.objects.live().first()
    page.body.append(
        (
            "risk_guidance",
            {
                "title": "Going missing",
                "what_it_may_look_like": "<p>Signs</p>",
                "immediate_actions": "<p>Act</p>",
                "who_to_contact": "<p>Call</p>",
                "planning_template": restricted_document,
                "planning_template_link": "",
            },
        )
    )
    page.save_revision().publish()
    html = client.get(page.url).text
    assert "Going missing" in html
    assert DOCUMENT_TITLE not in html and FILENAME not in html.lower()
    assert "The planning template is available to logged-in practitioners" in html
    _senco(client)
    response = client.get(page.url)
    assert f"Download the planning template: {DOCUMENT_TITLE}" in response.text
    assert "no-store" in response["Cache-Control"]


def test_the_api_does_not_name_a_restricted_document(client, public_page_with_download):
    from send_toolkit.blocks.content import DownloadBlock

    block = DownloadBlock()
    value = block.to_python({"document": public_page_with_download.body[0].value["document"].pk})
    assert block.get_api_representation(value, context={"request": None})["document"] is None
