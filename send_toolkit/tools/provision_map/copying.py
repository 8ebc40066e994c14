"""Copying a map to the next school year.

The copy keeps every row as the setting planned it and is priced at the next year's rate card (a map's
rates always come from its own year). Rows whose intervention has since been withdrawn from the library,
or is no longer open to this practitioner, become the setting's own provision under the same name; rows
whose intervention's defaults have changed keep the setting's figures, and are listed so the SENCO can
check them. Rows still at the old year's number of weeks move to the new year's.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from send_toolkit.access.visibility import visible_interventions
from send_toolkit.domain.provision_map import LibraryCheck, library_check
from send_toolkit.interventions.models import Intervention
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from send_toolkit.tools.provision_map.pricing import latest_school_weeks, library_defaults


@dataclass(frozen=True)
class RowChange:
    row: ProvisionMapRow
    check: LibraryCheck


def _library_today(request: HttpRequest, rows: list[ProvisionMapRow]) -> dict[int, Intervention]:
    ids = {row.intervention_id for row in rows if row.intervention_id}
    return {
        intervention.pk: intervention
        for intervention in visible_interventions(request, Intervention.objects.filter(pk__in=ids))
    }


def _rows_and_library(request: HttpRequest, provision_map: ProvisionMap):
    """The map's rows in order, and the interventions they came from that this practitioner may still see."""
    rows = list(provision_map.rows.order_by("position", "pk"))
    return rows, _library_today(request, rows)


def _check(row: ProvisionMapRow, today: dict[int, Intervention], weeks: int) -> LibraryCheck:
    if not row.from_library:
        return LibraryCheck()
    intervention = today.get(row.intervention_id)
    current = library_defaults(intervention, weeks) if intervention is not None else None
    return library_check(row.library_defaults, current)


def library_changes(request: HttpRequest, provision_map: ProvisionMap) -> list[RowChange]:
    """The map's library rows whose intervention has been withdrawn or has changed its defaults."""
    rows, today = _rows_and_library(request, provision_map)
    weeks = latest_school_weeks(provision_map.school_year.next())
    checks = [RowChange(row, _check(row, today, weeks)) for row in rows]
    return [change for change in checks if change.check.withdrawn or change.check.changed]


def copy_to_next_year(request: HttpRequest, provision_map: ProvisionMap) -> ProvisionMap:
    """A new map for the next school year, owned by the same practitioner; the original is left as it was."""
    next_year = provision_map.school_year.next()
    old_weeks = latest_school_weeks(provision_map.school_year)
    new_weeks = latest_school_weeks(next_year)
    rows, today = _rows_and_library(request, provision_map)
    copy = ProvisionMap.objects.create(
        owner=provision_map.owner,
        setting_name=provision_map.setting_name,
        setting_key=provision_map.setting_key,
        name=provision_map.name,
        school_year_start=next_year.start,
        notional_sen_budget=provision_map.notional_sen_budget,
        copied_from=provision_map,
    )
    new_rows = []
    for row in rows:
        check = _check(row, today, new_weeks)
        row.pk = None
        row.provision_map = copy
        if row.weeks == old_weeks:
            row.weeks = new_weeks
        if check.withdrawn:
            row.intervention = None
            row.library_defaults = {}
        elif row.intervention_id in today:
            row.library_defaults = library_defaults(today[row.intervention_id], new_weeks)
        new_rows.append(row)
    ProvisionMapRow.objects.bulk_create(new_rows)
    return copy
