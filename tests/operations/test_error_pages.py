"""The toolkit's error pages: a friendly 404 in the toolkit's look, and a plain 500 with no traceback.

The example site sets ``handler404`` and ``handler500`` to the toolkit's (``operations.error_pages``) and runs
with DEBUG off in tests, as in production.
"""

from __future__ import annotations

import re

import pytest
from django.template import loader
from django.test import Client, RequestFactory, override_settings
from wagtail.models import PageViewRestriction

from send_toolkit.operations.error_pages import server_error
from send_toolkit.pages.models import GuidancePage, ToolkitPage
from tests.operations.fault_urls import SECRET_IN_THE_ERROR

MISSING = "/send-toolkit/no-such-page/"


def _restricted_titles() -> list[str]:
    restricted = GuidancePage.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    titles = [
        page.title for section in restricted for page in GuidancePage.objects.descendant_of(section, inclusive=True)
    ]
    assert titles, "the demo has a restricted section"
    return titles


@pytest.mark.django_db
def test_a_missing_page_is_the_toolkits_404_page(client):
    response = client.get(MISSING)
    assert response.status_code == 404
    html = response.text
    assert "<h1>Page not found</h1>" in html
    assert "send_toolkit/css/toolkit.css" in html  # the toolkit's look, in the council's base template
    assert f'href="{ToolkitPage.objects.get().url}"' in html  # a way back to the toolkit
    assert "Traceback" not in html and "Resolver404" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "approved practitioner"])
def test_the_404_page_shows_no_restricted_title(client, django_user_model, signed_in):
    if signed_in:
        client.login(username="senco", password="northmoor-senco")  # the demo's approved practitioner
    section = GuidancePage.objects.filter(pk__in=PageViewRestriction.objects.values("page_id")).first()
    for path in (MISSING, f"{section.url}no-such-page/"):  # a miss inside the restricted section too
        response = client.get(path)
        assert response.status_code == 404
        for title in _restricted_titles():
            assert title not in response.text, f"{title} on the 404 page at {path}"


@pytest.mark.django_db
def test_the_404_page_is_never_stored_publicly(client):
    anonymous = client.get(MISSING)
    assert "public" not in anonymous.get("Cache-Control", "")
    client.login(username="senco", password="northmoor-senco")
    signed_in = client.get(MISSING)
    assert "private" in signed_in["Cache-Control"] and "no-store" in signed_in["Cache-Control"]
    assert "public" not in signed_in["Cache-Control"]


# What is left of a template once comments, translated strings, tags, variables and markup are taken out.
NOT_TEXT = [
    r"{% comment %}.*?{% endcomment %}",
    r"{% blocktranslate .*?{% endblocktranslate %}",
    r"{% translate .*?%}",
    r"<style>.*?</style>",
    r"{%.*?%}",
    r"{{.*?}}",
    r"<[^>]+>",
]


@pytest.mark.parametrize("template", ["404.html", "500.html", "503.html", "send_toolkit/errors/standalone.html"])
def test_every_sentence_on_the_error_pages_is_translatable(template):
    text = loader.get_template(template).template.source
    for pattern in NOT_TEXT:
        text = re.sub(pattern, " ", text, flags=re.DOTALL)
    assert text.split() == []


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.operations.fault_urls")
def test_a_view_that_raises_gets_the_500_page_without_a_traceback():
    response = Client(raise_request_exception=False).get("/test-raises/?q=anything")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert SECRET_IN_THE_ERROR not in html and "RuntimeError" not in html and "Traceback" not in html


def test_the_500_page_renders_without_a_database_or_a_request_context():
    # No django_db mark: any query would fail this test (pytest-django blocks the database).
    try:
        raise RuntimeError(SECRET_IN_THE_ERROR)
    except RuntimeError:
        response = server_error(RequestFactory().get("/anywhere/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
