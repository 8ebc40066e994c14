"""Finds glossary terms in rendered HTML and links the first use of each. Plain Python, no Django.

Acronyms (all capitals, like SENCO) match only in capitals, so "send" the verb is never
mistaken for SEND; other terms match in any case. Text already inside a link, heading,
button, label or definition is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "dfn", "abbr", "summary", "script", "style"}
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class TermNames:
    slug: str
    names: tuple[str, ...]


def _is_acronym(name: str) -> bool:
    letters = [character for character in name if character.isalpha()]
    return bool(letters) and all(character.isupper() for character in letters)


def _pattern(names: Iterable[str]) -> re.Pattern | None:
    # Longest first, so "EHC needs assessment" wins over a shorter name inside it.
    chosen = sorted(set(names), key=len, reverse=True)
    if not chosen:
        return None
    alternation = "|".join(re.escape(name) for name in chosen)
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE)


class TermLinker:
    """Links the first use of each term across every piece of HTML given to ``link`` (one page)."""

    def __init__(self, terms: Iterable[TermNames], make_link: Callable[[str, str], str]):
        terms = list(terms)
        self._acronyms: dict[str, str] = {}
        self._words: dict[str, str] = {}
        for term in terms:
            for name in term.names:
                if _is_acronym(name):
                    self._acronyms.setdefault(name, term.slug)
                else:
                    self._words.setdefault(name.casefold(), term.slug)
        self._pattern = _pattern(name for term in terms for name in term.names)
        self._make_link = make_link
        self.used: list[str] = []

    def _slug(self, matched: str) -> str | None:
        return self._acronyms.get(matched) or self._words.get(matched.casefold())

    def _replace(self, match: re.Match) -> str:
        slug = self._slug(match.group(1))
        if slug is None or slug in self.used:
            return match.group(0)
        self.used.append(slug)
        return self._make_link(slug, match.group(1))

    def link(self, html: str) -> str:
        if self._pattern is None:
            return html
        depth = 0
        pieces = []
        for piece in TAG.split(html):
            if piece.startswith("<"):
                found = TAG_NAME.match(piece)
                if found and found.group(2).lower() in SKIP_INSIDE and not piece.endswith("/>"):
                    depth = max(0, depth + (-1 if found.group(1) else 1))
                pieces.append(piece)
            elif depth == 0 and piece.strip():
                pieces.append(self._pattern.sub(self._replace, piece))
            else:
                pieces.append(piece)
        return "".join(pieces)


def glossary_link(href: str, slug: str, text: str) -> str:
    """An inline link to the term's glossary entry, described by its definition listed on the same page."""
    return (
        f'<a class="glossary-term" href="{escape(href)}#{escape(slug)}" '
        f'aria-describedby="glossary-definition-{escape(slug)}">{text}</a>'
    )
