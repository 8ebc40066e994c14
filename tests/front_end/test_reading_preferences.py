"""Reading aids: remembered per browser in a cookie, applied by a small stylesheet, pages stay cacheable."""

import pytest

from send_toolkit.domain import reading_preferences as prefs

pytestmark = pytest.mark.django_db


def test_unknown_or_malformed_cookie_values_fall_back_to_standard():
    assert prefs.parse("size:huge|colour:pink|nonsense") == {
        "size": "standard",
        "spacing": "standard",
        "contrast": "standard",
        "font": "standard",
    }


def test_choices_round_trip_through_the_cookie_value():
    chosen = prefs.update(prefs.parse(""), {"size": "large", "font": "dyslexia", "contrast": "rainbow"})
    assert prefs.serialise(chosen) == "size:large|font:dyslexia"
    assert prefs.parse("size:large|font:dyslexia") == chosen


def test_standard_choices_produce_no_css():
    assert prefs.stylesheet(prefs.parse("")) == ""


def test_no_js_form_saves_the_choice_and_returns_to_the_page(client, toolkit):
    response = client.get("/send-toolkit-reading/", {"size": "largest", "contrast": "high", "next": toolkit.url})
    assert response.status_code == 302 and response["Location"] == toolkit.url
    assert response.cookies[prefs.COOKIE_NAME].value == "size:largest|contrast:high"
    css = client.get("/send-toolkit-reading.css")
    body = css.content.decode()
    assert "--reading-scale:1.5;" in body and "--background:#000;" in body
    assert "private" in css["Cache-Control"] and "Cookie" in css["Vary"]


def test_reset_clears_every_choice(client, toolkit):
    client.get("/send-toolkit-reading/", {"font": "dyslexia", "next": toolkit.url})
    client.get("/send-toolkit-reading/", {"reset": "1", "next": toolkit.url})
    assert client.get("/send-toolkit-reading.css").content == b""


def test_the_form_never_redirects_to_another_site(client):
    response = client.get("/send-toolkit-reading/", {"size": "large", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_pages_are_the_same_for_every_reader_so_they_stay_cacheable(client, toolkit):
    plain = client.get(toolkit.url)
    client.get("/send-toolkit-reading/", {"size": "large", "next": toolkit.url})
    with_choice = client.get(toolkit.url)
    assert plain.content == with_choice.content
    assert plain.get("Cache-Control") == with_choice.get("Cache-Control")
    assert "Reading options" in with_choice.content.decode()
