"""A map's exports, for anyone who may read it: a CSV file, an .xlsx workbook and a print-ready page.

Each is ``private, no-store`` (the practitioner-tool gate) and is built from ``price_map``, so a file holds
the figures the map's page shows.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from send_toolkit.council.models import settings_for_request
from send_toolkit.front_end.layout import render
from send_toolkit.tools.gate import practitioner_tool
from send_toolkit.tools.provision_map.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    export_filename,
    map_workbook,
    rate_lines,
    write_map_csv,
)
from send_toolkit.tools.provision_map.pricing import price_map
from send_toolkit.tools.provision_map.sharing import map_for

TEMPLATES = "send_toolkit/tools/provision_map"


def council_name(request: HttpRequest) -> str:
    settings = settings_for_request(request)
    return settings.council_name if settings is not None else ""


def attachment(content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_safe
@practitioner_tool
def map_csv(request: HttpRequest, pk: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk)
    response = attachment(CSV_CONTENT_TYPE, export_filename(provision_map, "csv"))
    write_map_csv(response, price_map(provision_map), council_name(request))
    return response


@require_safe
@practitioner_tool
def map_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk)
    response = attachment(XLSX_CONTENT_TYPE, export_filename(provision_map, "xlsx"))
    response.write(map_workbook(price_map(provision_map), council_name(request)))
    return response


@require_safe
@practitioner_tool
def map_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The map as a document to print on A4: its rows, the rates used, and the totals on the last page."""
    provision_map, _access = map_for(request, pk)
    priced = price_map(provision_map)
    return render(
        request,
        f"{TEMPLATES}/map_print.html",
        {
            "provision_map": provision_map,
            "priced": priced,
            "council_name": council_name(request),
            "rates_used": rate_lines(priced),
            "printed_on": timezone.localdate(),
        },
    )
