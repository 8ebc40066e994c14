"""Gathers every provision map of a school year for the council's provision picture (``domain.provision_picture``).

Every map of the year counts, archived ones too (archiving a map means its year is finished, not that it
was never planned), and a setting with several maps counts once among the settings. Each row is costed
by ``pricing.price_row`` at the year's rates, the same formula as the map itself. Six queries, however
many maps and rows there are: the year's rates (three), the library with its key stages (two), and
the rows with their setting's key (one).

What leaves here names no setting, no map and no owner: the setting's compared key is used only to count
settings, and the rows' own names and intended outcomes are not even loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from send_toolkit.conf import DEFAULTS, toolkit_settings
from send_toolkit.domain import vocabulary
from send_toolkit.domain.disclosure import ShownCell, check_minimum
from send_toolkit.domain.provision_map import SchoolYear
from send_toolkit.domain.provision_picture import NOT_STATED, Figures, PictureRow, ProvisionPicture, provision_picture
from send_toolkit.interventions.models import Intervention
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.pricing import price_row, rates_for_year

NOT_STATED_LABEL = _("Not stated")


def minimum_settings() -> int:
    """SEND_TOOLKIT_PROVISION_PICTURE_MIN_SETTINGS, or its default when it isn't a whole number of 1 or more
    (system check W012 says so)."""
    minimum = toolkit_settings.PROVISION_PICTURE_MIN_SETTINGS
    try:
        check_minimum(minimum)
    except ValueError:
        return DEFAULTS["PROVISION_PICTURE_MIN_SETTINGS"]
    return minimum


def years_with_maps() -> list[SchoolYear]:
    """The school years any provision map is for, newest first."""
    starts = ProvisionMap.objects.order_by("-school_year_start").values_list("school_year_start", flat=True)
    return [SchoolYear(start) for start in starts.distinct()]


@dataclass(frozen=True)
class Line:
    """One line of a table of the picture: what it is, and its cell as it may be published."""

    label: str
    cell: ShownCell


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    heading: str  # the first column's heading
    lines: tuple[Line, ...]
    total: Figures | None
    total_settings: int | None


@dataclass(frozen=True)
class CouncilPicture:
    school_year: SchoolYear
    minimum: int
    settings: int | None
    interventions: tuple[Line, ...]  # settings planning each intervention, by name
    sections: tuple[Section, ...]  # staff hours and cost by area of need, key stage, tier
    unused: tuple[str, ...] | None  # library interventions no map of the year plans (None: too few settings)


def _picture_rows(school_year: SchoolYear, key_stages: dict[int, tuple[str, ...]]) -> list[PictureRow]:
    rates = rates_for_year(school_year)
    rows = (
        ProvisionMapRow.objects.filter(provision_map__school_year_start=school_year.start)
        .defer("name", "intended_outcome")
        .annotate(setting=F("provision_map__setting_key"))
    )
    picture_rows = []
    for row in rows.iterator(chunk_size=2000):
        priced = price_row(row, rates)
        figures = priced.figures
        in_library = row.intervention_id in key_stages
        picture_rows.append(
            PictureRow(
                setting=row.setting,
                intervention=row.intervention_id if in_library else None,
                need_area=row.need_area,
                tier=row.tier,
                key_stages=key_stages[row.intervention_id] if in_library else (),
                figures=None
                if figures is None
                else Figures(figures.staff_hours, figures.annual_staff_cost, figures.total_cost),
            )
        )
    return picture_rows


def _lines(table, labels: dict[str, str]) -> tuple[Line, ...]:
    return tuple(Line(labels.get(cell.key, cell.key), cell) for cell in table.cells)


def _section(key: str, title: str, heading: str, table, labels: dict[str, str]) -> Section:
    return Section(key, title, heading, _lines(table, labels), table.total, table.total_settings)


def council_picture(school_year: SchoolYear, minimum: int | None = None) -> CouncilPicture:
    """The provision picture of ``school_year``, every figure resting on at least ``minimum`` settings."""
    minimum = minimum_settings() if minimum is None else minimum
    library = Intervention.objects.order_by("name").only("pk", "name").prefetch_related("key_stages")
    names: dict[int, str] = {}
    key_stages: dict[int, tuple[str, ...]] = {}
    for intervention in library:
        names[intervention.pk] = intervention.name
        key_stages[intervention.pk] = tuple(stage.value for stage in intervention.key_stages.all())
    picture: ProvisionPicture = provision_picture(
        _picture_rows(school_year, key_stages),
        library=names,
        minimum=minimum,
        need_area_order=[term.value for term in vocabulary.NEED_AREAS],
        key_stage_order=[term.value for term in vocabulary.KEY_STAGES],
        tier_order=[term.value for term in vocabulary.TIERS],
    )
    need_areas = dict(vocabulary.choices(vocabulary.NEED_AREAS))
    stages = {**dict(vocabulary.choices(vocabulary.KEY_STAGES)), NOT_STATED: str(NOT_STATED_LABEL)}
    tiers = dict(vocabulary.choices(vocabulary.TIERS))
    return CouncilPicture(
        school_year=school_year,
        minimum=minimum,
        settings=picture.settings,
        interventions=_lines(picture.by_intervention, {str(pk): name for pk, name in names.items()}),
        sections=(
            _section(
                "need_area",
                str(_("Staff hours and cost by broad area of need")),
                str(_("Broad area of need")),
                picture.by_need_area,
                need_areas,
            ),
            _section(
                "key_stage",
                str(_("Staff hours and cost by key stage")),
                str(_("Key stage")),
                picture.by_key_stage,
                stages,
            ),
            _section("tier", str(_("Staff hours and cost by tier")), str(_("Tier")), picture.by_tier, tiers),
        ),
        unused=None if picture.unused is None else tuple(names[pk] for pk in picture.unused),
    )
