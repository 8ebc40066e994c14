"""Reads an exchange archive without trusting it: within size limits, never outside itself, checked in full.

Nothing is ever extracted to disk: each part is read into memory by its name in the zip, so a name such
as ``../../settings.py`` could do no harm, but it is refused all the same (as are absolute names,
backslashes, drive letters, symbolic links and encrypted entries), since no archive we write holds one.
A "zip bomb" is refused before anything is unpacked, from the sizes the zip declares
(``SEND_TOOLKIT_EXCHANGE_MAX_UNPACKED_SIZE``), and again while unpacking, should an entry hold more than
it declares. The manifest and every section are parsed and checked against the archive's JSON Schema,
and every file the manifest lists is read once and compared with its recorded size and SHA-256, so a
damaged or changed archive is known before the import changes anything.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator

from send_toolkit.conf import toolkit_settings
from send_toolkit.contrib.exchange.archive_format import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    SECTIONS_BY_NAME,
    schema,
    sections_in,
)
from send_toolkit.contrib.exchange.problems import ArchiveInvalid, Problem

# Errors zipfile and zlib raise on a damaged archive or entry (a truncated file, a bad CRC, a broken stream).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


@dataclass(frozen=True)
class Limits:
    archive_size: int
    unpacked_size: int
    entries: int


def configured_limits() -> Limits:
    """The limits in force (``SEND_TOOLKIT_EXCHANGE_MAX_*``)."""
    return Limits(
        archive_size=toolkit_settings.EXCHANGE_MAX_ARCHIVE_SIZE,
        unpacked_size=toolkit_settings.EXCHANGE_MAX_UNPACKED_SIZE,
        entries=toolkit_settings.EXCHANGE_MAX_ENTRIES,
    )


def unsafe_name_reason(name: str) -> str | None:
    """Why an entry's name could point outside the archive's own folder, or None when it is a plain relative name."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return _("an absolute name, or one with a backslash")
    first = name.split("/", 1)[0]
    if len(first) >= 2 and first[1] == ":":
        return _("a drive letter")
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts) or posixpath.normpath(name) != name.rstrip("/"):
        return _("a “..” or empty part")
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _label(item: Any, index: int) -> str:
    """How a person recognises item ``index`` of a section: its number and, where it has one, its name."""
    number = _("item %(number)s") % {"number": index + 1}
    if isinstance(item, dict):
        for key in ("path", "name", "term", "title", "label", "slug"):
            value = item.get(key)
            if isinstance(value, str) and value:
                return f"{number} ({value[:80]})"
    return number


def _schema_problems(instance: Any, definition: str, file: str) -> list[Problem]:
    validator = Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": schema()["$defs"]})
    problems = []
    for error in sorted(validator.iter_errors(instance), key=lambda error: list(map(str, error.absolute_path))):
        path = list(error.absolute_path)
        item = ""
        if isinstance(instance, list) and path and isinstance(path[0], int):
            item = _label(instance[path[0]], path[0])
            path = path[1:]
        field_name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
        problems.append(Problem(file=file, item=item, field=field_name, message=error.message))
    return problems


@dataclass
class Archive:
    """An archive that passed every check in this module: its manifest, its sections, and its files to read."""

    name: str
    zip_file: zipfile.ZipFile
    manifest: dict[str, Any]
    sections: dict[str, list[dict[str, Any]]]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # path → its manifest entry

    @property
    def version(self) -> int:
        return self.manifest["format_version"]

    def items(self, section: str) -> list[dict[str, Any]]:
        return self.sections.get(section, [])

    def read_file(self, path: str) -> bytes:
        """The bytes of a file the manifest lists (checked against its size and SHA-256 when the archive was read)."""
        return self.zip_file.read(path)


class ArchiveReader:
    """``with ArchiveReader(file, name) as archive:`` reads and checks everything, or raises ``ArchiveInvalid``."""

    def __init__(self, file: IO[bytes], name: str, limits: Limits | None = None):
        self.file = file
        self.name = name
        self.limits = limits or configured_limits()
        self.zip_file: zipfile.ZipFile | None = None
        self.unpacked = 0

    def __enter__(self) -> Archive:
        try:
            return self._read()
        except BaseException:
            self.close()
            raise

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self.zip_file is not None:
            self.zip_file.close()
            self.zip_file = None

    def _fail(self, message: str, file: str | None = None, **where) -> ArchiveInvalid:
        return ArchiveInvalid([Problem(file=file or self.name, message=message, **where)])

    def _read(self) -> Archive:
        self._check_size()
        try:
            self.zip_file = zipfile.ZipFile(self.file)
        except ZIP_ERRORS:
            raise self._fail(
                _("this is not a zip archive, or it is damaged or cut short. Export the toolkit again.")
            ) from None
        infos = self._checked_entries()
        manifest = self._json(MANIFEST, infos)
        self._check_manifest(manifest)
        sections = {}
        problems = []
        for entry in manifest["sections"]:
            section = SECTIONS_BY_NAME[entry["name"]]
            items = self._json(section.path, infos)
            found = _schema_problems(items, section.name, section.path)
            if not found and len(items) != entry["count"]:
                found = [
                    Problem(
                        section.path,
                        _("holds %(found)s items, but the manifest says %(count)s.")
                        % {"found": len(items), "count": entry["count"]},
                    )
                ]
            problems += found
            sections[section.name] = items
        files = {entry["path"]: entry for entry in manifest["files"]}
        problems += self._file_problems(files, infos)
        if problems:
            raise ArchiveInvalid(problems)
        return Archive(name=self.name, zip_file=self.zip_file, manifest=manifest, sections=sections, files=files)

    def _check_size(self) -> None:
        self.file.seek(0, 2)
        size = self.file.tell()
        self.file.seek(0)
        if size > self.limits.archive_size:
            raise self._fail(
                _(
                    "the archive is %(size)s bytes, more than this site takes (%(limit)s, "
                    "SEND_TOOLKIT_EXCHANGE_MAX_ARCHIVE_SIZE)."
                )
                % {"size": f"{size:,}", "limit": f"{self.limits.archive_size:,}"}
            )

    def _checked_entries(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zip_file.infolist()
        if len(infos) > self.limits.entries:
            raise self._fail(
                _(
                    "the archive holds %(count)s entries, more than this site takes (%(limit)s, "
                    "SEND_TOOLKIT_EXCHANGE_MAX_ENTRIES)."
                )
                % {"count": f"{len(infos):,}", "limit": f"{self.limits.entries:,}"}
            )
        problems = []
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            reason = unsafe_name_reason(info.filename)
            if reason is None and _is_symlink(info):
                reason = _("a symbolic link")
            if reason is None and info.flag_bits & 0x1:
                reason = _("an encrypted entry")
            if reason is None and info.filename in by_name:
                reason = _("a second entry of the same name")
            if reason is not None:
                problems.append(
                    Problem(
                        self.name,
                        _("refused entry “%(name)s”: %(reason)s.") % {"name": info.filename[:200], "reason": reason},
                    )
                )
            by_name[info.filename] = info
        declared = sum(info.file_size for info in infos)
        if declared > self.limits.unpacked_size:
            problems.append(
                Problem(
                    self.name,
                    _(
                        "the archive would unpack to %(size)s bytes, more than this site takes (%(limit)s, "
                        "SEND_TOOLKIT_EXCHANGE_MAX_UNPACKED_SIZE)."
                    )
                    % {"size": f"{declared:,}", "limit": f"{self.limits.unpacked_size:,}"},
                )
            )
        if problems:
            raise ArchiveInvalid(problems)
        return by_name

    def _unpack(self, info: zipfile.ZipInfo) -> bytes:
        """An entry's bytes, never more than it declares nor more than the limit allows in all."""
        try:
            with self.zip_file.open(info) as entry:
                data = entry.read(info.file_size + 1)
        except ZIP_ERRORS:
            raise self._fail(
                _("this part of the archive is damaged. Export the toolkit again."), file=info.filename
            ) from None
        self.unpacked += len(data)
        if len(data) > info.file_size or self.unpacked > self.limits.unpacked_size:
            raise self._fail(_("this part unpacks to more than the archive declares: refused."), file=info.filename)
        return data

    def _json(self, path: str, infos: dict[str, zipfile.ZipInfo]) -> Any:
        if path not in infos:
            raise self._fail(_("missing from the archive."), file=path)
        data = self._unpack(infos[path])
        try:
            return json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise self._fail(_("is not UTF-8 text."), file=path) from None
        except json.JSONDecodeError as error:
            raise self._fail(
                _("is not valid JSON (line %(line)s, column %(column)s: %(reason)s).")
                % {"line": error.lineno, "column": error.colno, "reason": error.msg},
                file=path,
            ) from None

    def _check_manifest(self, manifest: Any) -> None:
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise self._fail(
                _("this is not a SEND toolkit exchange archive (its format is not “%(format)s”).") % {"format": FORMAT},
                file=MANIFEST,
            )
        version = manifest.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self._fail(_("format_version must be a whole number from 1."), file=MANIFEST, field="format_version")
        if version > FORMAT_VERSION:
            raise self._fail(
                _(
                    "the archive is format version %(version)s, newer than this site reads (up to %(supported)s). "
                    "Update send_toolkit, then import it again."
                )
                % {"version": version, "supported": FORMAT_VERSION},
                file=MANIFEST,
                field="format_version",
            )
        problems = _schema_problems(manifest, "manifest", MANIFEST)
        if problems:
            raise ArchiveInvalid(problems)
        known = {section.name for section in sections_in(version)}
        unknown = [entry["name"] for entry in manifest["sections"] if entry["name"] not in known]
        names = [entry["name"] for entry in manifest["sections"]]
        if unknown:
            raise self._fail(
                _("unknown sections for format version %(version)s: %(names)s.")
                % {"version": version, "names": ", ".join(unknown)},
                file=MANIFEST,
                field="sections",
            )
        if len(set(names)) != len(names):
            raise self._fail(_("a section is listed twice."), file=MANIFEST, field="sections")

    def _file_problems(self, files: dict[str, dict[str, Any]], infos: dict[str, zipfile.ZipInfo]) -> list[Problem]:
        problems = []
        for path, entry in files.items():
            if path not in infos:
                problems.append(Problem(path, _("listed in the manifest but missing from the archive.")))
                continue
            data = self._unpack(infos[path])
            if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
                problems.append(
                    Problem(
                        path,
                        _("does not match the size and SHA-256 the manifest records: the file was changed or damaged."),
                    )
                )
        return problems
