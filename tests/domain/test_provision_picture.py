"""Adding up a school year's provision maps for the council's picture (send_toolkit/domain/provision_picture.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_toolkit.domain.disclosure import Withheld
from send_toolkit.domain.provision_picture import (
    NOT_STATED,
    Figures,
    PictureRow,
    provision_picture,
    share_equally,
    share_figures,
)

READING = 1
NURTURE = 2
UNUSED = 3
WORKED = Figures(Decimal("57.00"), Decimal("855.00"), Decimal("855.00"))  # the worked example's row
STAGES = ["early_years", "ks1", "ks2", "ks3", "ks4", "post16"]


def reading(setting: str, key_stages=("ks2",), figures=WORKED) -> PictureRow:
    return PictureRow(setting, READING, "cognition_learning", "getting_help", key_stages, figures)


def own_provision(setting: str, figures=WORKED) -> PictureRow:
    return PictureRow(setting, None, "semh", "getting_help", (), figures)


def picture(rows, minimum=5):
    return provision_picture(
        rows,
        library=[READING, NURTURE, UNUSED],
        minimum=minimum,
        need_area_order=["communication_interaction", "cognition_learning", "semh", "sensory_physical"],
        key_stage_order=STAGES,
        tier_order=["getting_advice", "getting_help", "getting_more_help"],
    )


def cells(table) -> dict:
    return {cell.key: cell for cell in table.cells}


def test_share_equally_splits_to_the_unit_with_the_remainder_on_the_earlier_shares():
    assert share_equally(Decimal("1.00"), 3) == [Decimal("0.34"), Decimal("0.33"), Decimal("0.33")]
    assert share_equally(Decimal("855.00"), 2) == [Decimal("427.50"), Decimal("427.50")]
    assert share_equally(Decimal("0.01"), 2) == [Decimal("0.01"), Decimal("0.00")]
    with pytest.raises(ValueError):
        share_equally(Decimal("1"), 0)
    thirds = share_figures(WORKED, 3)
    assert sum(thirds, Figures()) == WORKED and thirds[0].staff_hours == Decimal("19.00")


@given(
    st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False),
    st.integers(1, 6),
)
def test_shares_always_add_up_to_the_amount(amount, parts):
    shares = share_equally(amount, parts)
    assert sum(shares) == amount and max(shares) - min(shares) <= Decimal("0.01")


def test_five_settings_planning_the_worked_example_give_five_times_its_figures():
    result = picture([reading(f"school {number}") for number in range(5)])
    learning = cells(result.by_need_area)["cognition_learning"]
    assert learning.settings == 5
    assert learning.figures == Figures(Decimal("285.00"), Decimal("4275.00"), Decimal("4275.00"))
    assert result.by_need_area.total == learning.figures
    assert cells(result.by_key_stage)["ks2"].figures == learning.figures
    assert cells(result.by_tier)["getting_help"].figures == learning.figures
    assert cells(result.by_intervention)[str(READING)].figures == 5
    assert result.settings == 5


def test_four_settings_are_too_few_for_any_figure():
    result = picture([reading(f"school {number}") for number in range(4)])
    assert cells(result.by_need_area)["cognition_learning"].withheld is Withheld.FEW_SETTINGS
    assert cells(result.by_intervention)[str(READING)].withheld is Withheld.FEW_SETTINGS
    assert result.by_need_area.total is None and result.settings is None
    assert result.unused is None  # the list would say what those four plan


def test_a_setting_counts_once_however_many_rows_and_maps_it_has():
    rows = [reading(f"school {number}") for number in range(5)] + [reading("school 0"), reading("school 0")]
    result = picture(rows)
    assert cells(result.by_intervention)[str(READING)].figures == 5
    assert cells(result.by_need_area)["cognition_learning"].settings == 5
    assert result.by_need_area.total.total_cost == Decimal("855.00") * 7


def test_a_row_for_several_key_stages_is_shared_equally_and_own_provision_is_not_stated():
    rows = [reading(f"school {number}", key_stages=("ks2", "ks1")) for number in range(5)]
    rows += [own_provision(f"school {number}") for number in range(5)]
    result = picture(rows)
    stages = cells(result.by_key_stage)
    assert (
        stages["ks1"].figures
        == stages["ks2"].figures
        == Figures(Decimal("142.50"), Decimal("2137.50"), Decimal("2137.50"))
    )
    assert stages[NOT_STATED].figures.total_cost == Decimal("4275.00")
    assert list(stages)[-1] == NOT_STATED
    assert result.by_key_stage.total == result.by_need_area.total == result.by_tier.total


def test_one_settings_own_provision_cannot_be_worked_out_from_the_total():
    rows = [reading(f"school {number}") for number in range(6)] + [own_provision("the only one")]
    result = picture(rows)
    areas = cells(result.by_need_area)
    assert areas["semh"].withheld is Withheld.FEW_SETTINGS
    assert areas["cognition_learning"].withheld is Withheld.PROTECTS_ANOTHER
    assert areas["communication_interaction"].shown and areas["communication_interaction"].settings == 0
    # The total is shown (7 settings); less the shown cells (nothing) it gives only a 7-setting figure.
    assert result.by_need_area.total.total_cost == Decimal("855.00") * 7


def test_interventions_nobody_plans_are_listed_and_those_planned_are_not():
    result = picture([reading(f"school {number}") for number in range(5)])
    assert result.unused == (NURTURE, UNUSED)
    assert picture([]).unused == (READING, NURTURE, UNUSED) and picture([]).settings == 0


def test_a_row_that_cannot_be_costed_still_plans_its_intervention_but_adds_no_figures():
    rows = [reading(f"school {number}") for number in range(5)] + [reading("school 5", figures=None)]
    result = picture(rows)
    assert cells(result.by_intervention)[str(READING)].figures == 6
    assert cells(result.by_need_area)["cognition_learning"].settings == 5


@given(st.lists(st.tuples(st.integers(0, 9), st.booleans(), st.sampled_from([(), ("ks1",), ("ks1", "ks2", "ks3")]))))
def test_every_table_adds_up_to_the_same_total_as_the_rows(plans):
    rows = [
        PictureRow(f"school {school}", READING if library else None, "semh", "getting_help", stages, WORKED)
        for school, library, stages in plans
    ]
    result = picture(rows, minimum=1)
    expected = sum((row.figures for row in rows), Figures())
    for table in (result.by_need_area, result.by_key_stage, result.by_tier):
        assert sum((cell.figures for cell in table.cells), Figures()) == expected
        assert table.total == (expected if rows else None)
