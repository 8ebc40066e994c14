"""Which figures of a table may be published without identifying a setting (small-number suppression).

Plain Python, no Django. The council's provision picture adds up many settings' provision maps; a figure
that rests on one or two settings tells a reader what those schools plan and spend. The rules:

1. **Too few settings.** A cell is shown only when at least ``minimum`` settings contribute to it (a
   setting contributes when it has a row in the cell). Otherwise its figures, and its number of settings,
   are withheld (``Withheld.FEW_SETTINGS``). A cell no setting contributes to is shown as it is: nothing is
   planned there, and saying so rests on no setting's figures.
2. **No working back from the total.** In a table whose cells add up to the total (each row counts in one
   cell, or is shared out between cells), the total minus the shown cells is the sum of the withheld cells.
   So that sum must itself rest on at least ``minimum`` settings: while the settings behind all the
   withheld cells together number fewer, the shown cell with the fewest settings is withheld too
   (``Withheld.PROTECTS_ANOTHER``; ties go to the later cell; an empty cell protects nothing, so it stays).
   Withholding the total instead would not be enough: every table of the report adds up to the same total,
   and a table with every cell shown gives it away by addition. Nor is "at least two cells withheld": two
   cells resting on one setting each would still be given away together.
3. **The total** is shown when at least ``minimum`` settings contribute to the whole table. By rule 2,
   subtracting the shown cells from it only ever reveals a figure that rests on ``minimum`` settings or more.

Cells are told apart only by their key; what a figure is (hours, pounds) does not matter here.
These rules count settings: they do not check whether one large setting makes up most of a figure.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Figures = TypeVar("Figures")


class Withheld(enum.Enum):
    FEW_SETTINGS = "few_settings"  # fewer than the minimum number of settings contribute
    PROTECTS_ANOTHER = "protects_another"  # withheld so that a withheld cell can't be worked out from the total


@dataclass(frozen=True)
class Cell(Generic[Figures]):
    """One cell of a table: its key, the settings that contribute to it, and its figures."""

    key: str
    settings: frozenset[str]
    figures: Figures


@dataclass(frozen=True)
class ShownCell(Generic[Figures]):
    """A cell as it may be published: ``settings`` and ``figures`` are None when the cell is withheld."""

    key: str
    settings: int | None
    figures: Figures | None
    withheld: Withheld | None = None

    @property
    def shown(self) -> bool:
        return self.withheld is None


@dataclass(frozen=True)
class Table(Generic[Figures]):
    cells: tuple[ShownCell[Figures], ...]
    total: Figures | None  # None: withheld (too few settings in the whole table), or the table has no total
    total_settings: int | None


def check_minimum(minimum: int) -> None:
    """ValueError unless ``minimum`` is a whole number of at least 1 (1 shows everything)."""
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
        raise ValueError("The smallest number of settings behind a figure must be a whole number, 1 or more.")


def enough_settings(settings: Iterable[str] | int, minimum: int) -> bool:
    """Rule 1: may a figure resting on these settings (or this many) be shown?"""
    check_minimum(minimum)
    count = settings if isinstance(settings, int) else len(frozenset(settings))
    return count >= minimum


def withheld_sum_is_protected(cells: Iterable[Cell], withheld_keys: Iterable[str], minimum: int) -> bool:
    """Rule 2: the withheld cells, taken together, rest on enough settings (or no cell is withheld)."""
    keys = set(withheld_keys)
    if not keys:
        return True
    behind_withheld = frozenset().union(*(cell.settings for cell in cells if cell.key in keys))
    return enough_settings(behind_withheld, minimum)


def _withheld_keys(cells: Sequence[Cell], minimum: int, adds_up_to_total: bool) -> dict[str, Withheld]:
    withheld = {
        cell.key: Withheld.FEW_SETTINGS
        for cell in cells
        if cell.settings and not enough_settings(cell.settings, minimum)
    }
    if not adds_up_to_total:
        return withheld
    while not withheld_sum_is_protected(cells, withheld, minimum):
        # An empty cell adds no settings to the withheld ones, so withholding it would protect nothing.
        shown = [
            (len(cell.settings), -index, cell.key)
            for index, cell in enumerate(cells)
            if cell.key not in withheld and cell.settings
        ]
        if not shown:
            break  # everything is withheld: the whole table rests on too few settings, so the total is withheld
        withheld[min(shown)[2]] = Withheld.PROTECTS_ANOTHER
    return withheld


def disclosure_table(
    cells: Sequence[Cell[Figures]],
    minimum: int,
    total: Figures | None = None,
    adds_up_to_total: bool = True,
) -> Table[Figures]:
    """The cells as they may be published, and the total when it may be.

    ``adds_up_to_total`` False is for a table whose cells are not parts of a whole (how many settings plan
    each intervention: one setting counts in many cells), where only rule 1 applies and ``total`` is ignored.
    """
    check_minimum(minimum)
    keys = [cell.key for cell in cells]
    if len(set(keys)) != len(keys):
        raise ValueError("Each cell of a table needs its own key.")
    withheld = _withheld_keys(cells, minimum, adds_up_to_total)
    shown_cells = tuple(
        ShownCell(cell.key, None, None, withheld[cell.key])
        if cell.key in withheld
        else ShownCell(cell.key, len(cell.settings), cell.figures)
        for cell in cells
    )
    everyone = frozenset().union(*(cell.settings for cell in cells))
    if not adds_up_to_total or not enough_settings(everyone, minimum):
        return Table(shown_cells, None, len(everyone) if enough_settings(everyone, minimum) else None)
    return Table(shown_cells, total, len(everyone))
