"""The council's provision picture: every setting's provision maps for one school year, added up (issue 10).

Plain Python, no Django. The adapter (``tools/provision_map/picture.py``) costs each row with the map
arithmetic (``domain.provision_map.row_figures``, at the year's rates) and hands over, for each row, only
what the picture needs: which setting (its compared key, never shown), which library intervention, broad
area of need, tier, the intervention's key stages and the row's figures. Nothing names a setting, a map or
its owner.

- **Settings per intervention**: how many settings plan each library intervention (a setting counts once
  however many maps or rows it has).
- **Staff hours and cost** by broad area of need, by key stage and by tier. Each row counts in its one area
  of need and its one tier. For key stages a row takes its intervention's key stages; a row for several key
  stages is shared equally between them (to the penny and the hundredth of an hour, any remainder going to
  the earlier stages), so each table adds up to the same total. The setting's own provision, and a row whose
  intervention has left the library, has no key stage: it counts as "Not stated" (``NOT_STATED``).
- **Interventions nobody uses**: library interventions in no map of the year (not listed while too few
  settings have maps: it would say what those few plan).

Every table then goes through ``domain.disclosure``: a figure is shown only where enough settings contribute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from send_toolkit.domain.costing import PENNY
from send_toolkit.domain.disclosure import Cell, Table, disclosure_table, enough_settings

NOT_STATED = "not_stated"  # the key-stage key of rows with no key stage (the setting's own provision)
HUNDREDTH = PENNY  # staff hours are kept to the hundredth of an hour, as the map shows them


@dataclass(frozen=True)
class Figures:
    """What a cell of the picture adds up: planned staff hours, annual staff cost and total cost."""

    staff_hours: Decimal = Decimal("0.00")
    annual_staff_cost: Decimal = Decimal("0.00")
    total_cost: Decimal = Decimal("0.00")

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.staff_hours + other.staff_hours,
            self.annual_staff_cost + other.annual_staff_cost,
            self.total_cost + other.total_cost,
        )


@dataclass(frozen=True)
class PictureRow:
    """One row of one setting's map, as the picture sees it. ``figures`` is None for a row that could not be
    costed: it still counts as planning its intervention, but adds nothing to hours or cost."""

    setting: str
    intervention: int | None
    need_area: str
    tier: str
    key_stages: tuple[str, ...]
    figures: Figures | None


@dataclass(frozen=True)
class ProvisionPicture:
    settings: int | None  # settings with a row in a map of the year; None when fewer than the minimum (but some)
    by_intervention: Table[int]
    by_need_area: Table[Figures]
    by_key_stage: Table[Figures]
    by_tier: Table[Figures]
    # Library interventions no map of the year plans; None when fewer than the minimum (but some) settings
    # have maps, since the list would then say what those few settings plan.
    unused: tuple[int, ...] | None
    minimum: int


def share_equally(amount: Decimal, parts: int, unit: Decimal = PENNY) -> list[Decimal]:
    """``amount`` split into ``parts`` shares of whole ``unit``s that add up to it exactly; the earlier shares
    take any remainder, one unit each (£1.00 in three is £0.34, £0.33, £0.33)."""
    if parts < 1:
        raise ValueError("Share between one part or more.")
    units = int((amount / unit).to_integral_value())
    each, remainder = divmod(units, parts)
    return [(each + (1 if index < remainder else 0)) * unit for index in range(parts)]


def share_figures(figures: Figures, parts: int) -> list[Figures]:
    """A row's figures shared equally between ``parts`` key stages; the shares add up to the row's figures."""
    hours = share_equally(figures.staff_hours, parts, HUNDREDTH)
    staff = share_equally(figures.annual_staff_cost, parts)
    total = share_equally(figures.total_cost, parts)
    return [Figures(hours[index], staff[index], total[index]) for index in range(parts)]


@dataclass
class _Tally:
    settings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    figures: dict[str, Figures] = field(default_factory=lambda: defaultdict(Figures))

    def add(self, key: str, setting: str, figures: Figures) -> None:
        self.settings[key].add(setting)
        self.figures[key] += figures

    def cells(self, order: Sequence[str]) -> list[Cell[Figures]]:
        """A cell for each key of ``order`` (empty ones too), then any other key met, in the order met."""
        keys = list(order) + [key for key in self.settings if key not in order]
        return [Cell(key, frozenset(self.settings.get(key, ())), self.figures.get(key, Figures())) for key in keys]


def _key_stages_in_order(key_stages: tuple[str, ...], order: Sequence[str]) -> tuple[str, ...]:
    known = [stage for stage in order if stage in key_stages]
    return tuple(known + sorted(set(key_stages) - set(order))) or (NOT_STATED,)


def provision_picture(
    rows: Iterable[PictureRow],
    library: Iterable[int],
    minimum: int,
    need_area_order: Sequence[str] = (),
    key_stage_order: Sequence[str] = (),
    tier_order: Sequence[str] = (),
) -> ProvisionPicture:
    """The picture of ``rows`` (every row of every map of one school year), suppressed below ``minimum``.

    ``library`` is every intervention in the library, in the order the picture lists them; the tables'
    cells come in the ``*_order`` given (``NOT_STATED`` last among the key stages), each present even
    when no row is in it.
    """
    settings: set[str] = set()
    planners: dict[int, set[str]] = defaultdict(set)
    need_areas, key_stages, tiers = _Tally(), _Tally(), _Tally()
    overall = Figures()
    for row in rows:
        settings.add(row.setting)
        if row.intervention is not None:
            planners[row.intervention].add(row.setting)
        if row.figures is None:
            continue
        overall += row.figures
        need_areas.add(row.need_area, row.setting, row.figures)
        tiers.add(row.tier, row.setting, row.figures)
        stages = _key_stages_in_order(row.key_stages, key_stage_order)
        for stage, share in zip(stages, share_figures(row.figures, len(stages)), strict=True):
            key_stages.add(stage, row.setting, share)
    library = list(library)
    used = [pk for pk in library if pk in planners]
    by_intervention = disclosure_table(
        [Cell(str(pk), frozenset(planners[pk]), len(planners[pk])) for pk in used], minimum, adds_up_to_total=False
    )
    enough = not settings or enough_settings(settings, minimum)
    return ProvisionPicture(
        settings=len(settings) if enough else None,
        by_intervention=by_intervention,
        by_need_area=disclosure_table(need_areas.cells(need_area_order), minimum, overall),
        by_key_stage=disclosure_table(key_stages.cells([*key_stage_order, NOT_STATED]), minimum, overall),
        by_tier=disclosure_table(tiers.cells(tier_order), minimum, overall),
        unused=tuple(pk for pk in library if pk not in planners) if enough else None,
        minimum=minimum,
    )
