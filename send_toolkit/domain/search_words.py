"""What a reader typed in a search box, reduced to the plain words every search backend accepts."""

from __future__ import annotations

import re

MAX_QUERY_LENGTH = 200

# Quotes, brackets and other symbols are query syntax to some search backends (an unbalanced
# quote is an error in SQLite's full-text search); readers mean words, so keep only those.
NOT_A_WORD = re.compile(r"[^\w\s'’-]+")


def plain_words(text: str) -> str:
    """``text`` with everything but words, apostrophes and hyphens removed, at most ``MAX_QUERY_LENGTH`` long."""
    return " ".join(NOT_A_WORD.sub(" ", text).split())[:MAX_QUERY_LENGTH].strip()
