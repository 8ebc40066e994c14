"""Request logs never record query strings, where search text travels (DESIGN.md section 5).

The example site's production LOGGING is applied for real (``http_probe`` runs the site under its
production settings in a subprocess, behind Django's development server), and a request that errors is
made with a child's name in the query string: the traceback and the request lines reach stderr, the name
does not.
"""

from __future__ import annotations

import logging
import sys

import pytest

from send_toolkit.operations.log_filters import WithoutQueryStrings, without_query_strings
from tests.operations import http_probe
from tests.operations.fault_urls import SECRET_IN_THE_ERROR

SEARCHES = [
    "/test-raises/?q=Tommy+Jones",
    "/send-toolkit/search/?q=Tommy+Jones+Year+3+ADHD",
    "/send-toolkit/interventions/?q=Tommy%20Jones",
    "/api/v2/pages/?search=Tommy+Jones",
]


@pytest.fixture(scope="module")
def production_log(tmp_path_factory) -> str:
    database = tmp_path_factory.mktemp("probe") / "empty.sqlite3"
    return http_probe.run(SEARCHES, f"sqlite:///{database}").log


def test_a_failing_request_logs_its_traceback_method_and_path(production_log):
    assert "ERROR django.request GET /test-raises/ Internal Server Error: /test-raises/" in production_log
    assert "Traceback (most recent call last)" in production_log
    assert f"RuntimeError: {SECRET_IN_THE_ERROR}" in production_log
    assert '"GET /test-raises/ HTTP/1.1" 500' in production_log  # django.server's request line


def test_no_search_text_reaches_the_log(production_log):
    for path in SEARCHES:
        assert f'"GET {path.split("?")[0]} HTTP/1.1"' in production_log  # each request was logged...
    assert "tommy" not in production_log.lower()  # ...without what was searched for
    assert "?q=" not in production_log and "search=" not in production_log


def _record(message: str, *args, exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_filter_takes_query_strings_out_of_messages_and_tracebacks():
    try:
        raise ValueError("Bad value in /send-toolkit/search/?q=Tommy+Jones")
    except ValueError:
        record = _record('"%s" %s', "GET /send-toolkit/search/?q=Tommy+Jones HTTP/1.1", "500", exc_info=sys.exc_info())
    assert WithoutQueryStrings().filter(record)
    text = logging.Formatter("%(request_method)s %(request_path)s %(message)s").format(record)
    assert "Tommy" not in text
    assert '- - "GET /send-toolkit/search/ HTTP/1.1" 500' in text
    assert "ValueError: Bad value in /send-toolkit/search/" in text


def test_sentences_with_question_marks_are_left_alone():
    assert without_query_strings("Is the server running? /a/b/?x=1 done") == "Is the server running? /a/b/ done"
