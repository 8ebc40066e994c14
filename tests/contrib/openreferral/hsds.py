"""The official HSDS-UK 3.0 schemas (../shared/oruk-schemas, or $ORUK_SCHEMAS), read where they are, never copied.

Their NOTICE allows using them to check conformance; the project's own tests stand without them, so where the
folder is absent the schema checks skip with a reason, except in CI (CI=true), where its absence is a failure.
Validation is JSON Schema 2020-12 with a format checker (uuid, uri, email, date-time are checked).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parents[3]
FORMATS = Draft202012Validator.FORMAT_CHECKER
# The paging keys every list response carries, and their JSON types (the list schemas' own "Page" sits in an
# allOf that validators ignore, as the NOTICE warns, so they are checked here directly).
PAGING = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def schemas_folder() -> Path:
    return Path(os.environ.get("ORUK_SCHEMAS") or REPO.parent / "shared" / "oruk-schemas")


def require_schemas() -> Path:
    """The schemas' folder; skip (fail in CI) when it is absent."""
    folder = schemas_folder()
    if not (folder / "service.json").is_file():
        message = f"the HSDS-UK 3.0 schemas are not at {folder} (set ORUK_SCHEMAS to their folder)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + ": CI must check conformance")
        pytest.skip(message)
    return folder


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads((require_schemas() / name).read_text())


def item_schema(list_schema: str) -> dict[str, Any]:
    """The schema of one entry in a list schema's ``contents``."""
    return schema(list_schema)["properties"]["contents"]["items"]


def problems(instance: Any, against: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(against, format_checker=FORMATS)
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def assert_valid(instance: Any, against: dict[str, Any], where: str = "") -> None:
    found = problems(instance, against)
    assert not found, f"{where} breaks the HSDS-UK 3.0 schema:\n" + "\n".join(found[:20])


def assert_page(body: dict[str, Any], where: str = "") -> None:
    """The paging keys are there, of the right types, and agree with each other."""
    for key, kind in PAGING.items():
        assert isinstance(body.get(key), kind) and not (kind is int and isinstance(body[key], bool)), (where, key)
    size, page, pages = body["size"], body["page_number"], body["total_pages"]
    assert size == len(body["contents"]), where
    assert body["empty"] == (size == 0), where
    assert body["first_page"] == (page == 1), where
    assert body["last_page"] == (page >= pages), where
    assert 0 <= size <= body["total_items"], where


def empty_fields(value: Any, path: str = "") -> list[str]:
    """Where a response has a null, an empty string or an empty list (the UK profile wants them left out)."""
    if value is None or value == "" or (value == [] and not path.endswith("contents")):
        return [path or "(root)"]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in empty_fields(item, f"{path}/{key}")]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in empty_fields(item, f"{path}/{index}")]
    return []
