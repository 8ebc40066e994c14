"""Writes an exchange archive: the sections as JSON, the files they use, and a manifest recording both."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder

import send_toolkit
from send_toolkit.contrib.exchange.archive_format import FORMAT, FORMAT_VERSION, MANIFEST, SECTIONS, SECTIONS_BY_NAME


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


class ArchiveWriter:
    """``with ArchiveWriter(out, toolkit={...}) as writer:`` then ``add_file`` and ``add_section``; the manifest is
    written last, on leaving the ``with`` block."""

    def __init__(self, out: IO[bytes], toolkit: dict[str, str]):
        self.zip_file = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)
        self.toolkit = toolkit
        self.sections: list[dict[str, Any]] = []
        self.files: list[dict[str, Any]] = []

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            if exc_type is None:
                self._write_manifest()
        finally:
            self.zip_file.close()

    def add_file(self, path: str, data: bytes) -> None:
        self.zip_file.writestr(path, data)
        self.files.append({"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})

    def add_section(self, name: str, items: list[dict[str, Any]]) -> None:
        self.zip_file.writestr(SECTIONS_BY_NAME[name].path, _json_bytes(items))
        self.sections.append({"name": name, "count": len(items)})

    def _write_manifest(self) -> None:
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "generator": {"package": "send_toolkit", "version": send_toolkit.__version__},
            "toolkit": self.toolkit,
            "sections": sorted(self.sections, key=lambda entry: SECTIONS.index(SECTIONS_BY_NAME[entry["name"]])),
            "files": self.files,
        }
        self.zip_file.writestr(MANIFEST, _json_bytes(manifest))
