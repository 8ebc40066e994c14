"""Unguessable names for document files (DESIGN.md section 4).

A web server that serves the media folder directly (a misconfigured host, a dev server) would hand
out any file whose path someone can guess, whatever the document's collection privacy. The path
of a stored document holds a random folder, so it cannot be guessed from the document's title or
file name, while the file keeps its own name for downloads: ``documents/<token>/<file name>``.
"""

from __future__ import annotations

import posixpath
import re
import secrets

# 128 random bits, in lower-case hex so the folder is as hard to guess on case-insensitive storage.
TOKEN_BYTES = 16
TOKEN = re.compile(rf"[0-9a-f]{{{2 * TOKEN_BYTES}}}")


def unguessable_name(file_name: str) -> str:
    """``file_name`` (its last part only) inside a new random folder: ``<token>/<file name>``."""
    return posixpath.join(secrets.token_hex(TOKEN_BYTES), posixpath.basename(file_name))


def is_unguessable(stored_name: str) -> bool:
    """Whether a stored file name (``documents/<token>/<file name>``) sits in a random folder."""
    folder = posixpath.dirname(stored_name.replace("\\", "/"))
    return bool(TOKEN.fullmatch(posixpath.basename(folder)))
