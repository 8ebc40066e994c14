"""Text put into a spreadsheet cell never runs as a formula (domain/spreadsheet_cells.py)."""

from __future__ import annotations

import pytest

from send_toolkit.domain.spreadsheet_cells import neutralised, starts_like_formula


@pytest.mark.parametrize("text", ["=1+1", "+44 161 000", "-5", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("x")'])
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert starts_like_formula(text)
    assert neutralised(text) == "'" + text


@pytest.mark.parametrize("text", ["Reading group", "", "3 × 30 minutes", "'quoted", " =not first", "£855.00"])
def test_other_text_is_left_as_it_is(text):
    assert not starts_like_formula(text)
    assert neutralised(text) == text
