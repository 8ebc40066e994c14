"""A form posted in a charset other than UTF-8 is a short plain 400 on every toolkit form, never a 500.

Before ``RequestCharsetMiddleware`` a url-encoded post declaring ``charset=utf-16`` was a 500 on every form:
Django refused the body with ``BadRequest``, then its 400 handler ran the CSRF check again, which read the
body again. The client here enforces CSRF and sends a valid token, as a browser would.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import WARNING, run_checks
from django.core.exceptions import BadRequest
from django.test import Client

from send_toolkit.checks import CSRF, REQUEST_CHARSET
from send_toolkit.operations.request_charset import declares_other_charset
from send_toolkit.pages.models import InterventionDirectoryPage, ToolkitPage
from send_toolkit.practitioners.models import PractitionerProfile
from send_toolkit.setup.demo.access import DEMO_PRACTITIONER_USERNAME

ANONYMOUS_FORMS = [
    "/accounts/register/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/reset/MQ/no-such-token/",
    "/admin/login/",
]
PRACTITIONER_FORMS = ["/accounts/", "/accounts/logout/", "/accounts/password/change/"]
EDITOR_FORMS = ["/admin/snippets/send_toolkit/intervention/import/"]

BAD_CHARSETS = [
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=nonsense",
    "multipart/form-data; boundary=BOUNDARY; charset=utf-16",
    "multipart/form-data; boundary=BOUNDARY; charset=nonsense",
]


def _body(content_type: str, token: str) -> bytes:
    fields = {"csrfmiddlewaretoken": token, "email": "someone@example.org", "username": "someone", "password": "x"}
    if content_type.startswith("multipart/"):
        parts = [f'--BOUNDARY\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields.items()]
        text = "".join(parts) + "--BOUNDARY--\r\n"
    else:
        text = "&".join(f"{name}={value}" for name, value in fields.items())
    charset = content_type.rpartition("charset=")[2]
    return text.encode(charset if charset in ("utf-16", "latin-1") else "utf-8")


def _browser(user=None) -> Client:
    """A client that checks CSRF like the real site, holds a CSRF cookie and answers errors with pages."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    client.get("/accounts/login/")  # sets the CSRF cookie
    return client


def _post(client: Client, url: str, content_type: str):
    token = client.cookies["csrftoken"].value
    return client.generic("POST", url, _body(content_type, token), content_type=content_type, HTTP_X_CSRFTOKEN=token)


def _assert_plain_400(response):
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "must be sent as UTF-8" in response.text
    assert "Traceback" not in response.text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", BAD_CHARSETS)
@pytest.mark.parametrize("url", ANONYMOUS_FORMS)
def test_anonymous_forms_answer_a_bad_charset_with_a_plain_400(url, content_type):
    _assert_plain_400(_post(_browser(), url, content_type))


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", BAD_CHARSETS)
@pytest.mark.parametrize("form", ["reading options", "site search", "directory", "directory export"])
def test_get_forms_posted_in_a_bad_charset_get_a_plain_400(form, content_type):
    toolkit = ToolkitPage.objects.get()
    directory = InterventionDirectoryPage.objects.live().get()
    url = {
        "reading options": "/send-toolkit-reading/",
        "site search": toolkit.url + toolkit.reverse_subpage("search"),
        "directory": directory.url,
        "directory export": directory.url + directory.reverse_subpage("export"),
    }[form]

    _assert_plain_400(_post(_browser(), url, content_type))


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", BAD_CHARSETS)
@pytest.mark.parametrize("url", PRACTITIONER_FORMS)
def test_practitioner_forms_answer_a_bad_charset_with_a_plain_400(url, content_type):
    practitioner = get_user_model().objects.get(username=DEMO_PRACTITIONER_USERNAME)
    assert PractitionerProfile.objects.filter(user=practitioner).exists()
    _assert_plain_400(_post(_browser(practitioner), url, content_type))


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", BAD_CHARSETS)
@pytest.mark.parametrize("url", EDITOR_FORMS)
def test_editor_forms_answer_a_bad_charset_with_a_plain_400(url, content_type):
    editor = get_user_model().objects.create_superuser("charset-editor", "editor@example.org", "x")
    _assert_plain_400(_post(_browser(editor), url, content_type))


@pytest.mark.django_db
def test_a_practitioner_approval_button_answers_a_bad_charset_with_a_plain_400():
    editor = get_user_model().objects.create_superuser("charset-editor", "editor@example.org", "x")
    profile = PractitionerProfile.objects.first()
    url = f"/admin/snippets/send_toolkit/practitionerprofile/{profile.pk}/status/approve/"

    _assert_plain_400(_post(_browser(editor), url, BAD_CHARSETS[0]))
    assert PractitionerProfile.objects.get(pk=profile.pk).status == profile.status


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded; charset=UTF-8", "multipart/form-data; boundary=BOUNDARY"]
)
def test_utf8_posts_still_reach_the_form(content_type):
    response = _post(_browser(), "/accounts/login/", content_type)

    assert response.status_code == 200
    assert 'name="username"' in response.text


@pytest.mark.django_db
def test_without_the_middleware_a_utf16_form_post_was_a_server_error(settings):
    """Django's 400 handler reads the body again and the error escapes Django's handling: the WSGI server
    answers 500. What the middleware exists for: if Django stops doing this, the middleware can go."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != REQUEST_CHARSET]

    with pytest.raises(BadRequest, match="must be UTF-8 encoded"):
        _post(_browser(), "/accounts/login/", BAD_CHARSETS[0])


@pytest.mark.parametrize(
    ("header", "other"),
    [
        ("application/x-www-form-urlencoded", False),
        ("application/x-www-form-urlencoded; charset=utf-8", False),
        ("application/x-www-form-urlencoded; charset=UTF8", False),
        ("multipart/form-data; boundary=x; charset=utf_8", False),
        ("application/json; charset=utf-16", False),  # not a form: Django does not parse it
        ("", False),
        ("application/x-www-form-urlencoded; charset=utf-16", True),
        ("application/x-www-form-urlencoded; charset=", True),
        ("multipart/form-data; boundary=x; charset=nonsense", True),
    ],
)
def test_only_forms_that_declare_another_charset_are_refused(header, other):
    assert declares_other_charset(header) is other


def _w008() -> list:
    return [message for message in run_checks(databases=[]) if message.id == "send_toolkit.W008"]


def test_the_example_site_has_the_middleware_in_place():
    assert _w008() == []


def test_a_site_without_the_middleware_is_warned(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != REQUEST_CHARSET]

    [warning] = _w008()

    assert warning.level == WARNING
    assert "500" in warning.msg


def test_a_site_with_the_middleware_after_the_csrf_check_is_warned(settings):
    others = [name for name in settings.MIDDLEWARE if name != REQUEST_CHARSET]
    settings.MIDDLEWARE = [*others[: others.index(CSRF) + 1], REQUEST_CHARSET, *others[others.index(CSRF) + 1 :]]

    assert len(_w008()) == 1
