"""Small-number suppression for the council's provision picture (send_toolkit/domain/disclosure.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_toolkit.domain.disclosure import (
    Cell,
    Withheld,
    disclosure_table,
    enough_settings,
    withheld_sum_is_protected,
)


def settings(*names: str) -> frozenset[str]:
    return frozenset(names)


def schools(prefix: str, count: int) -> frozenset[str]:
    return frozenset(f"{prefix}{number}" for number in range(count))


def cell(key: str, contributors: frozenset[str], figure: int = 100) -> Cell[int]:
    return Cell(key, contributors, figure)


def by_key(table) -> dict:
    return {shown.key: shown for shown in table.cells}


def test_a_cell_with_four_settings_is_withheld_and_one_with_five_is_shown():
    table = disclosure_table(
        [cell("four", schools("a", 4), 4), cell("five", schools("b", 5), 5)], 5, adds_up_to_total=False
    )
    four, five = table.cells
    assert four.withheld is Withheld.FEW_SETTINGS and four.figures is None and four.settings is None
    assert five.shown and five.figures == 5 and five.settings == 5


def test_one_withheld_cell_would_be_the_total_less_the_others_so_the_next_smallest_is_withheld_too():
    cells = [
        cell("big", schools("a", 9), 900),
        cell("middle", schools("b", 6), 600),
        cell("small", schools("c", 2), 20),
    ]
    table = disclosure_table(cells, 5, total=1520)
    shown = by_key(table)
    assert shown["small"].withheld is Withheld.FEW_SETTINGS
    assert shown["middle"].withheld is Withheld.PROTECTS_ANOTHER and shown["middle"].figures is None
    assert shown["big"].figures == 900
    # The total is shown: less the shown cells it gives 620, the two withheld cells together (8 settings).
    assert table.total == 1520 and table.total_settings == 17


def test_two_withheld_cells_with_fewer_than_five_settings_between_them_are_protected_by_a_third():
    # "Two withheld cells" is not enough on its own: together they rest on 3 settings here.
    cells = [
        cell("a", schools("a", 7)),
        cell("b", schools("b", 8)),
        cell("c", schools("c", 1)),
        cell("d", schools("d", 2)),
    ]
    shown = by_key(disclosure_table(cells, 5, total=400))
    assert shown["c"].withheld is Withheld.FEW_SETTINGS and shown["d"].withheld is Withheld.FEW_SETTINGS
    assert shown["a"].withheld is Withheld.PROTECTS_ANOTHER
    assert shown["b"].shown


def test_withheld_cells_that_share_their_settings_count_each_setting_once():
    same_three = schools("s", 3)
    cells = [cell("a", schools("a", 6)), cell("b", same_three), cell("c", same_three)]
    shown = by_key(disclosure_table(cells, 5, total=300))
    assert shown["a"].withheld is Withheld.PROTECTS_ANOTHER  # b and c together are still only 3 settings


def test_withheld_cells_resting_on_enough_settings_together_need_no_more_withheld():
    cells = [cell("a", schools("a", 6)), cell("b", schools("b", 3)), cell("c", schools("c", 3))]
    shown = by_key(disclosure_table(cells, 5, total=300))
    assert shown["a"].shown and shown["b"].withheld is shown["c"].withheld is Withheld.FEW_SETTINGS


def test_every_cell_shown_shows_the_total():
    table = disclosure_table([cell("a", schools("a", 5), 1), cell("b", schools("b", 5), 2)], 5, total=3)
    assert all(shown.shown for shown in table.cells) and table.total == 3


def test_a_table_resting_on_fewer_settings_than_the_minimum_withholds_everything_and_the_total():
    table = disclosure_table([cell("a", settings("x", "y")), cell("b", settings("y", "z"))], 5, total=200)
    assert [shown.withheld for shown in table.cells] == [Withheld.FEW_SETTINGS, Withheld.FEW_SETTINGS]
    assert table.total is None and table.total_settings is None


def test_when_shown_cells_tie_the_later_one_is_withheld():
    cells = [cell("first", schools("a", 6)), cell("second", schools("b", 6)), cell("few", schools("c", 1))]
    shown = by_key(disclosure_table(cells, 5, total=300))
    assert shown["first"].shown and shown["second"].withheld is Withheld.PROTECTS_ANOTHER


def test_a_cell_no_setting_contributes_to_is_shown_as_nothing_planned_and_protects_nothing():
    shown = by_key(disclosure_table([cell("a", schools("a", 9), 100), cell("empty", frozenset(), 0)], 5, total=100))
    assert shown["empty"].shown and shown["empty"].settings == 0 and shown["empty"].figures == 0
    assert shown["a"].figures == 100


def test_empty_cells_are_never_withheld_to_protect_another():
    cells = [
        cell("empty", frozenset(), 0),
        cell("a", schools("a", 6)),
        cell("few", schools("f", 1)),
        cell("none", frozenset(), 0),
    ]
    shown = by_key(disclosure_table(cells, 5, total=200))
    assert shown["empty"].shown and shown["none"].shown
    assert shown["a"].withheld is Withheld.PROTECTS_ANOTHER


def test_a_table_whose_cells_are_not_parts_of_a_whole_only_withholds_small_cells():
    # How many settings plan each intervention: one setting counts in many cells, and there is no total.
    cells = [cell("reading", schools("a", 6), 6), cell("nurture", schools("a", 2), 2)]
    table = disclosure_table(cells, 5, total=8, adds_up_to_total=False)
    shown = by_key(table)
    assert shown["reading"].figures == 6 and shown["nurture"].withheld is Withheld.FEW_SETTINGS
    assert table.total is None and table.total_settings == 6


def test_a_minimum_of_one_shows_every_cell():
    table = disclosure_table([cell("a", settings("x")), cell("b", settings("y"))], 1, total=200)
    assert all(shown.shown for shown in table.cells) and table.total == 200


@pytest.mark.parametrize("minimum", [0, -5, 2.5, "5", True])
def test_a_minimum_that_is_not_a_whole_number_of_one_or_more_is_refused(minimum):
    with pytest.raises(ValueError, match="whole number, 1 or more"):
        disclosure_table([cell("a", settings("x"))], minimum)
    with pytest.raises(ValueError):
        enough_settings(["x"], minimum)


def test_two_cells_with_one_key_are_refused():
    with pytest.raises(ValueError, match="its own key"):
        disclosure_table([cell("a", settings("x")), cell("a", settings("y"))], 5)


def test_enough_settings_counts_each_setting_once():
    assert not enough_settings(["x", "x", "y", "y", "z"], 5)
    assert enough_settings(["v", "w", "x", "y", "z"], 5)
    assert enough_settings(5, 5) and not enough_settings(4, 5)


tables = st.lists(
    st.frozensets(st.sampled_from([f"school{number}" for number in range(12)]), max_size=8),
    min_size=1,
    max_size=6,
)


@given(tables, st.integers(min_value=1, max_value=7))
def test_nothing_shown_lets_a_reader_work_out_a_figure_resting_on_too_few_settings(contributors, minimum):
    cells = [Cell(f"cell{index}", group, len(group) * 10) for index, group in enumerate(contributors)]
    table = disclosure_table(cells, minimum, total=sum(c.figures for c in cells))
    withheld = [shown.key for shown in table.cells if not shown.shown]
    for shown, original in zip(table.cells, cells, strict=True):
        if shown.shown:
            assert len(original.settings) >= minimum or not original.settings
            assert shown.figures == original.figures
    if table.total is not None:
        # The total less the shown cells is the withheld cells' sum: it must rest on enough settings.
        assert withheld_sum_is_protected(cells, withheld, minimum)
    everyone = frozenset().union(*contributors)
    assert (table.total is not None) == (len(everyone) >= minimum)
