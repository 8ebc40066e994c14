"""The columns of an intervention CSV file, shared by the import and the directory's export.

Each column knows how to write a value as plain text and how to read it back,
so a file exported from the directory can be edited and imported again.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext, gettext_lazy

from send_toolkit.domain import vocabulary
from send_toolkit.domain.spreadsheet_cells import neutralised
from send_toolkit.interventions.models import Audience, Delivery, EvidenceStrength

LIST_SEPARATOR = ";"
SMALL_INTEGER_MAX = 32767  # a PositiveSmallIntegerField on every database Django supports


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the person importing, so it is plain words."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    write: Callable[[Any], str]
    read: Callable[[str], Any] | None = None  # None: export only (worked-out figures)
    required: bool = False
    public: bool = True  # False: exported only for people who may see practitioner-only content
    field: str = ""  # model field the value goes into; defaults to ``key``

    @property
    def target(self) -> str:
        return self.field or self.key


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _read_text(text: str) -> str:
    return text.strip()


@functools.cache
def _rich_text_cleaner():
    from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

    return DbHTMLConverter()  # the default rich-text features, as the description field uses


def _read_rich_text(text: str) -> str:
    """HTML from a file, cut down to what Wagtail's rich-text editor allows.

    The description is shown on a public page with ``|richtext``, which trusts what is stored,
    so scripts, event-handler attributes and unknown elements must not get in through a file.
    The cleaner reads Wagtail's database format, so page and document links in an export survive.
    """
    cleaned, _removed = _rich_text_cleaner().clean(text.strip())
    return cleaned


# Numbers are written with the digits 0-9 only. Python would also read "1e309", "inf", "nan", "1_000"
# and other scripts' digits ("١٢"), which a spreadsheet never means and the database cannot hold.
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?([0-9]*)(?:\.([0-9]*))?", re.ASCII)
SHOWN_CELL_LENGTH = 40


def shown(text: str) -> str:
    """A cell quoted in a message, cut short so a runaway cell cannot flood the list of problems."""
    text = text.strip()
    if len(text) > SHOWN_CELL_LENGTH:
        text = text[: SHOWN_CELL_LENGTH - 1] + "…"
    return f"“{text}”"


def _read_whole_number(minimum: int, maximum: int, blank_ok: bool = False) -> Callable[[str], int | None]:
    def read(text: str) -> int | None:
        text = text.strip()
        if not text and blank_ok:
            return None
        if not _WHOLE_NUMBER.fullmatch(text):
            raise CellError(
                gettext("%(cell)s is not a whole number. Write it with the digits 0–9, such as 12.")
                % {"cell": shown(text)}
            )
        digits = text.lstrip("+-").lstrip("0")
        if len(digits) > len(str(maximum)) or int(text) > maximum:
            raise CellError(
                gettext("%(cell)s is too large: the most is %(most)s.") % {"cell": shown(text), "most": f"{maximum:,}"}
            )
        number = int(text)
        if number < minimum:
            raise CellError(
                gettext("must be %(least)s or more, not %(number)s.") % {"least": minimum, "number": number}
            )
        return number

    return read


def _read_decimal(minimum: Decimal, digits: int, places: int, what: str) -> Callable[[str], Decimal]:
    """A number with at most ``places`` decimal places and ``digits`` digits in all (the model field's own)."""
    most = Decimal(10) ** (digits - places) - Decimal(1).scaleb(-places)

    def read(text: str) -> Decimal:
        cleaned = text.strip().removeprefix("£").replace(",", "").strip()
        if not cleaned:
            return Decimal("0")
        match = _DECIMAL.fullmatch(cleaned)
        if match is None or not (match[1] or match[2]):
            raise CellError(
                gettext("%(cell)s is not %(what)s. Write it with the digits 0–9, such as 12.5.")
                % {"cell": shown(text), "what": what}
            )
        whole, fraction = match[1].lstrip("0"), (match[2] or "").rstrip("0")
        if len(fraction) > places:
            raise CellError(
                gettext("%(cell)s has more than %(places)s decimal places.") % {"cell": shown(text), "places": places}
            )
        if len(whole) > digits - places:
            raise CellError(
                gettext("%(cell)s is too large: the most is %(most)s.") % {"cell": shown(text), "most": f"{most:,}"}
            )
        number = Decimal(cleaned) + Decimal(0)  # adding 0 turns "-0" into 0
        if number < minimum:
            raise CellError(
                gettext("must be %(least)s or more, not %(cell)s.") % {"least": minimum, "cell": shown(text)}
            )
        return number

    return read


def _read_term(terms: tuple[vocabulary.Term, ...], what: str) -> Callable[[str], str]:
    def read(text: str) -> str:
        term = vocabulary.find(terms, text) if text.strip() else None
        if term is None:
            known = ", ".join(t.label for t in terms)
            raise CellError(
                gettext("%(cell)s is not a %(what)s. Use one of: %(known)s.")
                % {"cell": shown(text), "what": what, "known": known}
            )
        return term.value

    return read


def _read_terms(terms: tuple[vocabulary.Term, ...], what: str) -> Callable[[str], list[str]]:
    read_one = _read_term(terms, what)

    def read(text: str) -> list[str]:
        parts = [part for part in (p.strip() for p in text.split(LIST_SEPARATOR)) if part]
        if not parts:
            raise CellError(gettext("needs at least one %(what)s.") % {"what": what})
        return [read_one(part) for part in parts]

    return read


def _read_choice(choices: Iterable[tuple[str, str]], what: str, blank: str | None = None) -> Callable[[str], str]:
    choices = list(choices)

    def read(text: str) -> str:
        wanted = text.strip().casefold()
        if not wanted and blank is not None:
            return blank
        for value, label in choices:
            if wanted in (value.casefold(), str(label).casefold()):
                return value
        known = ", ".join(str(label) for _, label in choices)
        raise CellError(
            gettext("%(cell)s is not a %(what)s. Use one of: %(known)s.")
            % {"cell": shown(text), "what": what, "known": known}
        )

    return read


def _read_names(text: str) -> list[str]:
    return [part for part in (p.strip() for p in text.split(LIST_SEPARATOR)) if part]


def _read_date(text: str) -> datetime.date | None:
    text = text.strip()
    if not text:
        return None
    if not text.isascii():  # strptime would read other scripts' digits too
        raise CellError(_date_message(text))
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise CellError(_date_message(text))


def _date_message(text: str) -> str:
    return gettext("%(cell)s is not a date. Write it as 2026-09-01 or 01/09/2026.") % {"cell": shown(text)}


def _labels(terms: tuple[vocabulary.Term, ...]) -> Callable[[Iterable[str]], str]:
    def write(values: Iterable[str]) -> str:
        return f"{LIST_SEPARATOR} ".join(vocabulary.by_value(terms, value).label for value in values)

    return write


def _choice_label(choices) -> Callable[[str], str]:
    labels = dict(choices)
    return lambda value: str(labels.get(value, value))


COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", _text, _read_text, required=True),
    Column("slug", "Slug", _text, _read_text),
    Column("summary", "Summary", _text, _read_text, required=True),
    Column("description", "Description (HTML)", _text, _read_rich_text),
    Column("for_parents", "What this means for parents and carers", _text, _read_text),
    Column("at_home", "What you can do at home", _text, _read_text),
    Column(
        "need_areas",
        "Broad areas of need",
        _labels(vocabulary.NEED_AREAS),
        _read_terms(vocabulary.NEED_AREAS, gettext_lazy("broad area of need")),
        required=True,
    ),
    Column("sub_needs", "Sub-needs", lambda names: f"{LIST_SEPARATOR} ".join(names), _read_names),
    Column(
        "key_stages",
        "Key stages",
        _labels(vocabulary.KEY_STAGES),
        _read_terms(vocabulary.KEY_STAGES, gettext_lazy("key stage")),
        required=True,
    ),
    Column(
        "tier",
        "THRIVE tier",
        lambda value: vocabulary.by_value(vocabulary.TIERS, value).label,
        _read_term(vocabulary.TIERS, gettext_lazy("tier")),
        required=True,
    ),
    Column(
        "delivery",
        "Delivery",
        _choice_label(Delivery.choices),
        _read_choice(Delivery.choices, gettext_lazy("way of delivering"), blank=Delivery.SMALL_GROUP),
    ),
    Column("group_size", "Group size", _text, _read_whole_number(1, SMALL_INTEGER_MAX)),
    Column("session_minutes", "Session length (minutes)", _text, _read_whole_number(1, SMALL_INTEGER_MAX)),
    Column(
        "sessions_per_week",
        "Sessions per week",
        _text,
        _read_decimal(Decimal("0.1"), 4, 1, gettext_lazy("a number of sessions")),
    ),
    Column("weeks", "Number of weeks", _text, _read_whole_number(1, SMALL_INTEGER_MAX, blank_ok=True)),
    Column("staff_role", "Staff role", _text, _read_text),
    Column("staff_count", "Adults per session", _text, _read_whole_number(1, SMALL_INTEGER_MAX)),
    Column("training_required", "Training required", _text, _read_text),
    Column(
        "training_cost", "Training cost (£)", _text, _read_decimal(Decimal("0"), 9, 2, gettext_lazy("a sum of money"))
    ),
    Column(
        "resource_cost",
        "One-off resource cost (£)",
        _text,
        _read_decimal(Decimal("0"), 9, 2, gettext_lazy("a sum of money")),
    ),
    Column(
        "evidence_strength",
        "Evidence strength",
        _choice_label(EvidenceStrength.choices),
        _read_choice(
            EvidenceStrength.choices, gettext_lazy("strength of evidence"), blank=EvidenceStrength.NOT_EVALUATED
        ),
    ),
    Column("evidence_source", "Evidence source link", _text, _read_text),
    Column("provider", "Provider", _text, _read_text),
    Column("provider_url", "Provider link", _text, _read_text),
    Column("last_reviewed", "Last reviewed", lambda d: d.isoformat() if d else "", _read_date),
    Column(
        "audience",
        "Audience",
        _choice_label(Audience.choices),
        _read_choice(Audience.choices, gettext_lazy("audience"), blank=Audience.PUBLIC),
        public=False,
    ),
    # Worked out from the council's rates: exported to help people compare, ignored on import.
    Column("annual_cost", "Total cost a year (£)", _text),
    Column("cost_per_pupil", "Cost per pupil (£)", _text),
    Column("cost_band", "Cost band", _text),
)

COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
IMPORTED_COLUMNS = tuple(column for column in COLUMNS if column.read is not None)


def column_for_header(header: str) -> Column | None:
    wanted = header.strip().casefold()
    for column in COLUMNS:
        if wanted in (column.key.casefold(), column.label.casefold()):
            return column
    return None


def export_columns(include_practitioner_fields: bool) -> tuple[Column, ...]:
    return tuple(column for column in COLUMNS if column.public or include_practitioner_fields)


def export_row(intervention, costing, columns: Iterable[Column], description: str | None = None) -> list[str]:
    """One CSV row. Needs ``need_areas``, ``key_stages`` and ``sub_needs`` prefetched and ``staff_role`` selected.

    ``description`` is the description as the reader may see it (``access.rich_text_images``), if not the stored one.
    """
    values = {
        "description": intervention.description if description is None else description,
        "need_areas": [area.value for area in intervention.need_areas.all()],
        "key_stages": [stage.value for stage in intervention.key_stages.all()],
        "sub_needs": [sub_need.name for sub_need in intervention.sub_needs.all()],
        "staff_role": intervention.staff_role.name if intervention.staff_role else "",
        "annual_cost": costing.total_cost,
        "cost_per_pupil": costing.cost_per_pupil,
        "cost_band": costing.cost_band or "",
    }
    row = []
    for column in columns:
        value = values[column.key] if column.key in values else getattr(intervention, column.target)
        row.append(neutralised(column.write(value)))
    return row
