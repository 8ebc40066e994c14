"""The columns of an intervention CSV file, shared by the import and the directory's export.

Each column knows how to write a value as plain text and how to read it back,
so a file exported from the directory can be edited and imported again.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from send_toolkit.domain import vocabulary
from send_toolkit.interventions.models import Audience, Delivery, EvidenceStrength

LIST_SEPARATOR = ";"


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


def _read_whole_number(minimum: int, blank_ok: bool = False) -> Callable[[str], int | None]:
    def read(text: str) -> int | None:
        text = text.strip()
        if not text and blank_ok:
            return None
        try:
            number = int(text)
        except ValueError:
            raise CellError(f"“{text}” is not a whole number.") from None
        if number < minimum:
            raise CellError(f"must be {minimum} or more, not {number}.")
        return number

    return read


def _read_decimal(minimum: Decimal, places: int, what: str) -> Callable[[str], Decimal]:
    def read(text: str) -> Decimal:
        cleaned = text.strip().replace("£", "").replace(",", "")
        if not cleaned:
            return Decimal("0")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise CellError(f"“{text.strip()}” is not {what}.") from None
        if not number.is_finite() or number < minimum:
            raise CellError(f"must be {minimum} or more, not {text.strip()}.")
        if number != number.quantize(Decimal(1).scaleb(-places)):
            raise CellError(f"“{text.strip()}” has more than {places} decimal places.")
        return number

    return read


def _read_term(terms: tuple[vocabulary.Term, ...], what: str) -> Callable[[str], str]:
    def read(text: str) -> str:
        term = vocabulary.find(terms, text) if text.strip() else None
        if term is None:
            known = ", ".join(t.label for t in terms)
            raise CellError(f"“{text.strip()}” is not a {what}. Use one of: {known}.")
        return term.value

    return read


def _read_terms(terms: tuple[vocabulary.Term, ...], what: str) -> Callable[[str], list[str]]:
    read_one = _read_term(terms, what)

    def read(text: str) -> list[str]:
        parts = [part for part in (p.strip() for p in text.split(LIST_SEPARATOR)) if part]
        if not parts:
            raise CellError(f"needs at least one {what}.")
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
        raise CellError(f"“{text.strip()}” is not a {what}. Use one of: {known}.")

    return read


def _read_names(text: str) -> list[str]:
    return [part for part in (p.strip() for p in text.split(LIST_SEPARATOR)) if part]


def _read_date(text: str) -> datetime.date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise CellError(f"“{text}” is not a date. Write it as 2026-09-01 or 01/09/2026.")


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
        _read_terms(vocabulary.NEED_AREAS, "broad area of need"),
        required=True,
    ),
    Column("sub_needs", "Sub-needs", lambda names: f"{LIST_SEPARATOR} ".join(names), _read_names),
    Column(
        "key_stages",
        "Key stages",
        _labels(vocabulary.KEY_STAGES),
        _read_terms(vocabulary.KEY_STAGES, "key stage"),
        required=True,
    ),
    Column(
        "tier",
        "THRIVE tier",
        lambda value: vocabulary.by_value(vocabulary.TIERS, value).label,
        _read_term(vocabulary.TIERS, "tier"),
        required=True,
    ),
    Column(
        "delivery",
        "Delivery",
        _choice_label(Delivery.choices),
        _read_choice(Delivery.choices, "way of delivering", blank=Delivery.SMALL_GROUP),
    ),
    Column("group_size", "Group size", _text, _read_whole_number(1)),
    Column("session_minutes", "Session length (minutes)", _text, _read_whole_number(1)),
    Column("sessions_per_week", "Sessions per week", _text, _read_decimal(Decimal("0.1"), 1, "a number of sessions")),
    Column("weeks", "Number of weeks", _text, _read_whole_number(1, blank_ok=True)),
    Column("staff_role", "Staff role", _text, _read_text),
    Column("staff_count", "Adults per session", _text, _read_whole_number(1)),
    Column("training_required", "Training required", _text, _read_text),
    Column("training_cost", "Training cost (£)", _text, _read_decimal(Decimal("0"), 2, "a sum of money")),
    Column("resource_cost", "One-off resource cost (£)", _text, _read_decimal(Decimal("0"), 2, "a sum of money")),
    Column(
        "evidence_strength",
        "Evidence strength",
        _choice_label(EvidenceStrength.choices),
        _read_choice(EvidenceStrength.choices, "strength of evidence", blank=EvidenceStrength.NOT_EVALUATED),
    ),
    Column("evidence_source", "Evidence source link", _text, _read_text),
    Column("provider", "Provider", _text, _read_text),
    Column("provider_url", "Provider link", _text, _read_text),
    Column("last_reviewed", "Last reviewed", lambda d: d.isoformat() if d else "", _read_date),
    Column(
        "audience",
        "Audience",
        _choice_label(Audience.choices),
        _read_choice(Audience.choices, "audience", blank=Audience.PUBLIC),
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


def export_row(intervention, costing, columns: Iterable[Column]) -> list[str]:
    """One CSV row. Needs ``need_areas``, ``key_stages`` and ``sub_needs`` prefetched and ``staff_role`` selected."""
    values = {
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
        row.append(_safe_for_spreadsheets(column.write(value)))
    return row


def _safe_for_spreadsheets(text: str) -> str:
    # A cell starting with = + - @ runs as a formula in Excel (CSV injection).
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
