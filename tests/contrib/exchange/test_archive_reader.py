"""An archive is read without trusting it: size limits, names that lead outside it, bombs, damage, bad JSON."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from send_toolkit.contrib.exchange.archive_reader import ArchiveReader, Limits, unsafe_name_reason
from send_toolkit.contrib.exchange.problems import ArchiveInvalid
from tests.contrib.exchange.archives import entries, exported, rezipped, with_json

pytestmark = pytest.mark.django_db

GENEROUS = Limits(archive_size=50 * 1024 * 1024, unpacked_size=50 * 1024 * 1024, entries=1000)


def problems_reading(data: bytes, limits: Limits = GENEROUS) -> list[str]:
    with pytest.raises(ArchiveInvalid) as raised, ArchiveReader(io.BytesIO(data), "upload.zip", limits):
        pass
    return [str(problem) for problem in raised.value.problems]


@pytest.fixture
def archive(toolkit) -> bytes:
    return exported(toolkit)


def test_an_exported_archive_reads_with_every_section_and_file(archive):
    with ArchiveReader(io.BytesIO(archive), "northmoor.zip") as read:
        assert read.version == 1
        assert len(read.items("pages")) == 107
        assert len(read.items("interventions")) == 34
        (document,) = read.items("documents")
        assert read.read_file(document["file"]).startswith(b"Provision map template")


@pytest.mark.parametrize(
    "name",
    [
        "../settings.py",
        "files/../../etc/passwd",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "files\\..\\x",
        "files/./a",
        "a//b",
    ],
)
def test_a_name_that_could_lead_outside_the_archive_is_refused(archive, name):
    assert unsafe_name_reason(name) is not None
    parts = {**entries(archive), name: b"harmless?"}
    (problem,) = problems_reading(rezipped(parts))
    assert problem.startswith("upload.zip: refused entry") and name[:20] in problem


def test_plain_names_inside_the_archive_are_accepted():
    for name in (
        "manifest.json",
        "sections/pages.json",
        "files/documents/3/provision-map.txt",
        "files/images/9/a b.png",
    ):
        assert unsafe_name_reason(name) is None


def test_a_symbolic_link_in_the_archive_is_refused(archive):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zip_file:
        for name, data in entries(archive).items():
            zip_file.writestr(name, data)
        link = zipfile.ZipInfo("files/documents/1/link")
        link.external_attr = 0o120777 << 16
        zip_file.writestr(link, "/etc/passwd")
    assert "a symbolic link" in problems_reading(out.getvalue())[0]


def test_a_zip_bomb_is_refused_from_its_declared_size_before_anything_is_unpacked(archive):
    parts = {**entries(archive), "files/documents/99/zeros.txt": b"\0" * (20 * 1024 * 1024)}
    bomb = rezipped(parts)
    assert len(bomb) < 1024 * 1024  # small on the wire
    limits = Limits(archive_size=10 * 1024 * 1024, unpacked_size=5 * 1024 * 1024, entries=1000)
    (problem,) = problems_reading(bomb, limits)
    assert "would unpack to" in problem and "SEND_TOOLKIT_EXCHANGE_MAX_UNPACKED_SIZE" in problem


def declared_size_changed(data: bytes, name: str, size: int) -> bytes:
    """The zip with the size its central directory declares for ``name`` set to ``size``."""
    patched = bytearray(data)
    cursor = 0
    while True:
        cursor = patched.index(b"PK\x01\x02", cursor)  # a central directory header
        name_length = struct.unpack_from("<H", patched, cursor + 28)[0]
        if patched[cursor + 46 : cursor + 46 + name_length] == name.encode():
            struct.pack_into("<I", patched, cursor + 24, size)  # its uncompressed size
            return bytes(patched)
        cursor += 4


def test_an_entry_holding_more_than_it_declares_is_refused(archive):
    lying = declared_size_changed(archive, "manifest.json", 10)
    with zipfile.ZipFile(io.BytesIO(lying)) as zip_file:
        assert zip_file.getinfo("manifest.json").file_size == 10
    (problem,) = problems_reading(lying)
    assert problem.startswith("manifest.json: ")


def test_an_archive_larger_than_the_limit_is_refused(archive):
    (problem,) = problems_reading(archive, Limits(archive_size=1000, unpacked_size=10**9, entries=1000))
    assert "SEND_TOOLKIT_EXCHANGE_MAX_ARCHIVE_SIZE" in problem


def test_an_archive_with_too_many_entries_is_refused(archive):
    (problem,) = problems_reading(archive, Limits(archive_size=10**9, unpacked_size=10**9, entries=3))
    assert "SEND_TOOLKIT_EXCHANGE_MAX_ENTRIES" in problem


def test_a_truncated_archive_is_refused_as_damaged(archive):
    (problem,) = problems_reading(archive[: len(archive) // 2])
    assert problem == "upload.zip: this is not a zip archive, or it is damaged or cut short. Export the toolkit again."


def test_a_file_that_is_not_a_zip_is_refused():
    (problem,) = problems_reading(b"intervention,need area\nLego therapy,semh\n")
    assert "not a zip archive" in problem


def test_bad_json_is_reported_with_the_file_and_line(archive):
    parts = {**entries(archive), "sections/pages.json": b'[{"id": 1,\n "title": }]'}
    (problem,) = problems_reading(rezipped(parts))
    assert problem.startswith("sections/pages.json: is not valid JSON (line 2, column 11")


def test_an_archive_of_a_newer_format_version_is_refused_with_what_to_do(archive):
    newer = with_json(archive, "manifest.json", lambda manifest: {**manifest, "format_version": 2})
    (problem,) = problems_reading(newer)
    assert problem == (
        "manifest.json, format_version: the archive is format version 2, newer than this site reads (up to 1). "
        "Update send_toolkit, then import it again."
    )


def test_another_kind_of_zip_is_refused(archive):
    other = with_json(archive, "manifest.json", lambda manifest: {**manifest, "format": "something-else"})
    assert "is not a SEND toolkit exchange archive" in problems_reading(other)[0]


def test_schema_problems_name_the_file_the_item_and_the_field(archive):
    def break_first(interventions):
        interventions[0]["group_size"] = "four"
        del interventions[1]["tier"]
        return interventions

    problems = problems_reading(with_json(archive, "sections/interventions.json", break_first))
    assert any(
        problem.startswith("sections/interventions.json, item 1 (")
        and ", group_size: 'four' is not of type 'integer'" in problem
        for problem in problems
    ), problems
    assert any("item 2 (" in problem and "'tier' is a required property" in problem for problem in problems), problems


def test_a_changed_file_does_not_match_the_manifest(archive):
    parts = entries(archive)
    (path,) = [name for name in parts if name.startswith("files/documents/")]
    parts[path] = b"Something else entirely"
    (problem,) = problems_reading(rezipped(parts))
    assert problem.startswith(f"{path}: does not match the size and SHA-256")


def test_a_section_the_manifest_miscounts_is_refused(archive):
    recounted = with_json(archive, "sections/glossary_terms.json", lambda terms: terms[:-1])
    (problem,) = problems_reading(recounted)
    assert problem == "sections/glossary_terms.json: holds 11 items, but the manifest says 12."


@pytest.mark.parametrize("value", [0, -5, "200MB", None])
def test_a_limit_that_is_not_a_positive_whole_number_fails_the_system_check(value):
    with (
        override_settings(SEND_TOOLKIT_EXCHANGE_MAX_UNPACKED_SIZE=value),
        pytest.raises(SystemCheckError, match="send_toolkit.E007"),
    ):
        call_command("check")
