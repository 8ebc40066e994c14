"""What is wrong with an archive, said so that someone can find and fix it: the file, the item, the field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # the part of the archive: "manifest.json", "sections/pages.json", or the archive itself
    message: str
    item: str = ""  # which item in that file, as a person recognises it: "page send-toolkit/ks1"
    field: str = ""  # which field of the item: "body[2].page"

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.file, self.item, self.field) if part)
        return f"{where}: {self.message}"


class ArchiveInvalid(Exception):
    """The archive cannot be imported; nothing was changed. ``problems`` says every reason found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
