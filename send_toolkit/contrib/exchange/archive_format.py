"""The exchange archive's format: its name and version, its sections, and where each part lives in the zip.

One zip file::

    manifest.json                         format, format_version, what is inside (docs/reference/exchange-archive.md)
    sections/<section>.json               one JSON array per section, in the order below
    files/<documents|images>/<id>/<name>  the files the documents and images hold

Sections are imported in ``SECTIONS`` order and exported in the reverse order, because a section refers
only to sections before it (an intervention to sub-needs and to pages, a document to its collection, a
collection to groups). Page content is the one exception: it may refer to any section, so the pages take
their places in the tree early (other content links to them) and are filled in and published last.

Versions: ``FORMAT_VERSION`` goes up by one whenever a section is added or a field changes meaning. A site
reads every version up to its own, and refuses a newer one with a message saying so. To add a section
(progress frameworks, say): add its module under ``sections/``, list it here with ``since_version`` set to
the new version, describe it in the schema file (``schema/exchange-archive.schema.json``) and in the
reference page, and raise ``FORMAT_VERSION``. Archives of older versions simply lack the section.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

FORMAT = "send-toolkit-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "exchange-archive.schema.json"


@dataclass(frozen=True)
class SectionFormat:
    name: str
    since_version: int = 1

    @property
    def path(self) -> str:
        return f"sections/{self.name}.json"


SECTIONS: tuple[SectionFormat, ...] = (
    SectionFormat("groups"),
    SectionFormat("collections"),
    SectionFormat("documents"),
    SectionFormat("images"),
    SectionFormat("pages"),
    SectionFormat("sub_needs"),
    SectionFormat("staff_roles"),
    SectionFormat("cost_bands"),
    SectionFormat("interventions"),
    SectionFormat("glossary_terms"),
    SectionFormat("practitioner_resources"),
)
SECTIONS_BY_NAME = {section.name: section for section in SECTIONS}


def sections_in(version: int) -> tuple[SectionFormat, ...]:
    """The sections an archive of ``version`` may hold."""
    return tuple(section for section in SECTIONS if section.since_version <= version)


def media_file_path(kind: str, item_id: int, file_name: str) -> str:
    """Where a document's or image's file sits in the archive: ``files/<kind>/<id>/<file name>``."""
    return f"files/{kind}/{item_id}/{posixpath.basename(file_name)}"


@cache
def schema() -> dict[str, Any]:
    """The archive's JSON Schema (draft 2020-12): ``$defs/manifest`` and one ``$defs/<section>`` per section."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
