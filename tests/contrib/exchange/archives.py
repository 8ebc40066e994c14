"""Helpers for the exchange tests: archives made, taken apart and damaged; what a site holds, counted."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from PIL import Image as PILImage

from send_toolkit.contrib.exchange.exporting import export_toolkit
from send_toolkit.pages.models import ToolkitPage


def exported(toolkit: ToolkitPage) -> bytes:
    out = io.BytesIO()
    export_toolkit(toolkit, out)
    return out.getvalue()


def entries(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zip_file:
        return {name: zip_file.read(name) for name in zip_file.namelist()}


def section(archive: bytes, name: str) -> list[dict[str, Any]]:
    return json.loads(entries(archive)[f"sections/{name}.json"])


def manifest(archive: bytes) -> dict[str, Any]:
    return json.loads(entries(archive)["manifest.json"])


def rezipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
        for name, data in parts.items():
            zip_file.writestr(name, data)
    return out.getvalue()


def with_json(archive: bytes, path: str, change: Callable[[Any], Any]) -> bytes:
    """The archive with one JSON part changed by ``change`` (given the parsed JSON, returning the new)."""
    parts = entries(archive)
    parts[path] = json.dumps(change(json.loads(parts[path]))).encode()
    return rezipped(parts)


def row_counts() -> dict[str, int]:
    """Rows in every table of the site (models without a table of their own left out)."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def png_bytes(colour: str = "teal", size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return os.fspath(path)
