"""Text that goes into a spreadsheet cell, made safe to open (CSV injection, also called formula injection).

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a tab or
carriage return at the start can hide such a cell's first character from the check. Text from the toolkit's
users (an intervention's name, a provision's intended outcome) therefore never starts a cell with one of them:
in a CSV file it gets a leading apostrophe, which Excel and LibreOffice show as a text marker; an ``.xlsx``
workbook stores it as text instead and marks it with Excel's own "quote prefix" (``starts_like_formula``).
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Written first in a CSV file, so that Excel reads it as UTF-8 (without it, "£" and accents come out garbled).
UTF8_MARK = "\ufeff"


def starts_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (or could, once the cell is edited)."""
    return text[:1] in FORMULA_TRIGGERS


def neutralised(text: str) -> str:
    """``text`` for a CSV cell: as it is, unless a spreadsheet would run it, then with a leading apostrophe."""
    return "'" + text if starts_like_formula(text) else text
