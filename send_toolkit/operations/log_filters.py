"""Logging that never records what visitors searched for.

Search and directory queries are personal data waiting to happen ("Tommy Jones Year 3 ADHD"), and they
travel in query strings. ``WithoutQueryStrings`` is a filter for the handlers that write request logs
(``django.request`` and ``django.server``): it removes every query string from the message and from the
traceback, and adds ``request_method`` and ``request_path`` (the path alone) for the format string::

    "filters": {"without_query_strings": {"()": "send_toolkit.operations.log_filters.WithoutQueryStrings"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "filters": ["without_query_strings"], ...}},

Put it on the handler, not the logger: a logger's filters do not see records from its child loggers.
Request bodies are never logged by Django's loggers; don't add a handler that does (``mail_admins``
sends the query string and more).
"""

from __future__ import annotations

import logging
import re

# A path followed by a query string: "/send-toolkit/search/?q=Tommy+Jones" keeps "/send-toolkit/search/".
_QUERY_STRING = re.compile(r"(/[^\s?\"'<>]*)\?[^\s\"'<>]*")
_FORMATTER = logging.Formatter()


def without_query_strings(text: str) -> str:
    """``text`` with the query string of every path in it removed."""
    return _QUERY_STRING.sub(r"\1", text)


class WithoutQueryStrings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        # HttpRequest.path holds no query string (a socket, on django.server records, has no path at all).
        record.request_method = getattr(request, "method", None) or "-"
        record.request_path = getattr(request, "path", None) or "-"
        message = record.getMessage()
        cleaned = without_query_strings(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            # A formatter uses exc_text when it is set, so the traceback is written without query strings too.
            record.exc_text = without_query_strings(_FORMATTER.formatException(record.exc_info))
        return True
