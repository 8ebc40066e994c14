"""Rich-text links to restricted pages and documents: the href only for readers allowed to follow it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from wagtail.rich_text import expand_db_html

from send_toolkit.pages.models import GuidancePage
from tests.restricted_documents import practitioner_only_document

pytestmark = pytest.mark.django_db

FILENAME = "emberlock-form"


@pytest.fixture
def restricted_section():
    return GuidancePage.objects.get(slug="for-practitioners")  # the demo's practitioners-only section


@pytest.fixture
def restricted_document():
    return practitioner_only_document("Referral form", FILENAME, b"form", "Restricted for link tests")


@pytest.fixture
def linking_page(toolkit, restricted_section, restricted_document):
    html = (
        f'<p><a linktype="page" id="{restricted_section.pk}">Read the practitioners section</a>, '
        f'<a linktype="document" id="{restricted_document.pk}">fill in the referral form</a> or '
        f'<a linktype="page" id="{toolkit.pk}">go home</a>.</p>'
    )
    page = GuidancePage(title="Public page with links", slug="public-links", body=[("rich_text", html)])
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_anonymous_readers_keep_the_words_but_not_the_links(client, linking_page, restricted_section, toolkit):
    response = client.get(linking_page.url)
    html = response.text
    assert "Read the practitioners section" in html and "fill in the referral form" in html
    assert restricted_section.slug not in html
    assert FILENAME not in html and "/documents/" not in html
    assert f'<a href="{toolkit.url}">go home</a>' in html


def test_accounts_not_yet_approved_do_not_get_the_links_either(client, linking_page, restricted_section):
    client.force_login(get_user_model().objects.create_user(username="pending@school.example", password="x"))
    html = client.get(linking_page.url).text
    assert restricted_section.slug not in html and FILENAME not in html


def test_practitioners_get_working_links_on_a_response_that_is_never_stored(client, linking_page, restricted_section):
    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.get(linking_page.url)
    assert f'<a href="{restricted_section.url}">Read the practitioners section</a>' in response.text
    assert FILENAME in response.text
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_outside_a_request_links_to_restricted_things_are_dropped(linking_page, restricted_section, toolkit):
    html = expand_db_html(linking_page.body[0].value.source)
    assert restricted_section.slug not in html and FILENAME not in html
    assert f'<a href="{toolkit.url}">go home</a>' in html


def test_a_link_to_a_page_that_no_longer_exists_keeps_its_text(client, toolkit):
    page = GuidancePage(
        title="Dangling", slug="dangling", body=[("rich_text", '<p><a linktype="page" id="999999">Gone</a></p>')]
    )
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200 and "<a>Gone</a>" in response.text
