"""No input a visitor can send gives a 500: Hypothesis drives every public GET parameter and every form.

Against the demo content, over the Django test client (which raises any exception a view lets escape, so a
failure shows its traceback and Hypothesis shrinks it to the smallest request that breaks). Values are any
text (null characters, unicode, invalid percent-escapes, huge numbers, very long strings) as well as the
values each parameter expects, so the generator also reaches the code behind valid choices.

Bounded and deterministic: a fixed number of examples per channel, ``derandomize=True`` and no example
database, so CI runs the same requests every time. Each 500 it found has its own regression test beside
the code it broke (see the report in issue 9).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from send_toolkit.domain import vocabulary
from send_toolkit.domain.reading_preferences import COOKIE_NAME, PREFERENCE_NAMES
from send_toolkit.interventions.facets import FACET_NAMES
from send_toolkit.pages.models import InterventionDirectoryPage, KeyStagePage, ToolkitPage
from send_toolkit.setup.demo.access import DEMO_PRACTITIONER_USERNAME

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

EXAMPLES_PER_CHANNEL = 25

FUZZ = settings(
    max_examples=EXAMPLES_PER_CHANNEL,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text a URL or form can carry: anything but lone surrogates (which cannot be encoded at all).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
HUGE_NUMBERS = st.integers(min_value=-(2**70), max_value=2**70).map(str)
EXPECTED = st.sampled_from(
    [
        *(term.value for term in vocabulary.NEED_AREAS + vocabulary.KEY_STAGES),
        "1",
        "2",
        "0",
        "-1",
        "last",
        "name",
        "-name",
        "cost",
        "-cost",
        "true",
        "random",
        "title",
        "-title",
        "*",
        "root",
        "and",
        "or",
        "/",
        "/send-toolkit/",
        "send_toolkit.KeyStagePage",
        "\x00",
        '"',
        " ",
        "a" * 10_000,
    ]
)
VALUES = st.one_of(ANY_TEXT, HUGE_NUMBERS, EXPECTED, st.just(""))


@st.composite
def query_strings(draw, names: list[str]) -> str:
    """A query string over ``names`` (and some unknown ones), repeated names allowed, each value encoded
    properly or as raw bytes (so invalid UTF-8 and stray ``%`` signs arrive as well)."""
    known = st.sampled_from(names)
    pairs = draw(st.lists(st.tuples(st.one_of(known, known, known, ANY_TEXT), VALUES), max_size=6))
    parts = []
    for name, value in pairs:
        if draw(st.booleans()):
            encoded = quote(value, safe="")
        else:
            encoded = draw(st.binary(max_size=12)).hex().upper()
            encoded = "".join(f"%{encoded[i : i + 2]}" for i in range(0, len(encoded), 2)) + quote(value[:5], safe="%")
        parts.append(f"{quote(name, safe='')}={encoded}")
    return "&".join(parts)


def _clear_limits() -> None:
    """Login and registration limits count in the cache: empty it, so every example reaches the forms."""
    for cache in caches.all():
        cache.clear()


def _practitioner_client() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=DEMO_PRACTITIONER_USERNAME))
    return client


def _get_channels() -> dict[str, tuple[str, list[str]]]:
    """Every public GET URL of the toolkit with the parameters it reads, from the demo content."""
    toolkit = ToolkitPage.objects.get()
    directory = InterventionDirectoryPage.objects.live().first()
    key_stage = KeyStagePage.objects.live().public().first()
    directory_names = ["q", "sort", "page", *FACET_NAMES]
    search_names = ["q", "need_area", "key_stage", "page"]
    api_names = [
        "search",
        "search_operator",
        "offset",
        "limit",
        "order",
        "fields",
        "type",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "locale",
        "site",
        "id",
        "title",
        "slug",
        "show_in_menus",
        "html_path",
        "format",
    ]
    return {
        "home": (toolkit.url, ["sort"]),
        "site search": (toolkit.url + toolkit.reverse_subpage("search"), search_names),
        "glossary": (toolkit.url + toolkit.reverse_subpage("glossary"), ["q"]),
        "directory": (directory.url, directory_names),
        "directory export": (directory.url + directory.reverse_subpage("export"), directory_names),
        "key stage (staff view and overview)": (key_stage.url, ["sort", "tier"]),
        "key stage parent view": (key_stage.url + key_stage.reverse_subpage("parents"), ["sort"]),
        "sitemap": ("/sitemap.xml", ["p", "page"]),
        "reading preferences": ("/send-toolkit-reading/", ["next", "reset", *PREFERENCE_NAMES]),
        "login page": ("/accounts/login/", ["next"]),
        "registration page": ("/accounts/register/", ["next"]),
        "API pages listing": ("/api/v2/pages/", api_names),
        "API pages find": ("/api/v2/pages/find/", api_names),
        "API page detail": (f"/api/v2/pages/{toolkit.pk}/", api_names),
    }


GET_CHANNELS = [
    "home",
    "site search",
    "glossary",
    "directory",
    "directory export",
    "key stage (staff view and overview)",
    "key stage parent view",
    "sitemap",
    "reading preferences",
    "login page",
    "registration page",
    "API pages listing",
    "API pages find",
    "API page detail",
]


@pytest.mark.parametrize("channel", GET_CHANNELS)
@pytest.mark.parametrize("viewer", ["anonymous", "practitioner"])
@FUZZ
@given(data=st.data())
def test_no_get_parameter_gives_a_server_error(channel, viewer, data):
    url, names = _get_channels()[channel]
    client = _practitioner_client() if viewer == "practitioner" else Client()
    query = data.draw(query_strings(names), label="query")

    response = client.get(f"{url}?{query}")

    assert response.status_code < 500, (url, query)


# A cookie arrives as bytes, which WSGI servers hand to Django decoded as latin-1.
COOKIE_VALUES = (ANY_TEXT | st.text(st.sampled_from("=;:,&|abcdefghijklmnopqrstuvwxyz0123456789"), max_size=60)).map(
    lambda text: text.encode("utf-8").decode("latin-1")
)


@FUZZ
@given(cookie=COOKIE_VALUES)
def test_no_reading_preferences_cookie_gives_a_server_error(cookie):
    client = Client()
    client.cookies[COOKIE_NAME] = cookie

    for url in ("/send-toolkit-reading.css", "/send-toolkit-reading/?text_size=large"):
        assert client.get(url).status_code < 500, (url, cookie)


FORM_FIELDS = [
    "username",
    "password",
    "name",
    "email",
    "organisation",
    "role",
    "password1",
    "password2",
    "old_password",
    "new_password1",
    "new_password2",
    "next",
]
ANONYMOUS_FORMS = [
    "/accounts/register/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/reset/MQ/set-password/",
    "/admin/login/",
]
PRACTITIONER_FORMS = ["/accounts/", "/accounts/password/change/", "/accounts/logout/"]
FORM_VALUES = st.one_of(VALUES, st.sampled_from(["senco", "northmoor-senco", "senco@example.org", "teacher"]))


@st.composite
def form_posts(draw) -> tuple[dict[str, list[str]], str]:
    fields = draw(st.dictionaries(st.sampled_from(FORM_FIELDS) | ANY_TEXT, st.lists(FORM_VALUES, max_size=2)))
    encoding = draw(st.sampled_from(["urlencoded", "multipart"]))
    return fields, encoding


@pytest.mark.parametrize("url", ANONYMOUS_FORMS + PRACTITIONER_FORMS)
@FUZZ
@given(post=form_posts())
def test_no_form_post_gives_a_server_error(url, post):
    _clear_limits()
    fields, encoding = post
    client = _practitioner_client() if url in PRACTITIONER_FORMS else Client()
    if encoding == "multipart":
        response = client.post(url, fields)
    else:
        pairs = [(quote(name, safe=""), quote(value, safe="")) for name, values in fields.items() for value in values]
        body = "&".join(f"{name}={value}" for name, value in pairs)
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code < 500, (url, fields)
