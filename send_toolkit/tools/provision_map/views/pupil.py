"""One pupil's costed provision, worked out from a map on request and never stored (DESIGN.md section 5).

A practitioner who may read the map ticks the rows one pupil attends and adds any 1:1 provision; the
answer is a page to print, or a CSV file (the same POST with ``format=csv``). Everything travels in POST
bodies, never in a URL; nothing is written to the database, the logs, a cache or the search index; every
answer is ``private, no-store``; and Django's error reports leave out every posted value.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from send_toolkit.front_end.layout import render
from send_toolkit.interventions.costs import rates_for_request
from send_toolkit.tools.gate import practitioner_tool
from send_toolkit.tools.provision_map.exports import (
    CSV_CONTENT_TYPE,
    export_filename,
    provided_as,
    write_pupil_csv,
)
from send_toolkit.tools.provision_map.pricing import PricedMap, price_map
from send_toolkit.tools.provision_map.pupil_forms import MOST_LINES, PupilProvisionForm
from send_toolkit.tools.provision_map.sharing import map_for
from send_toolkit.tools.provision_map.views.exports import attachment

TEMPLATES = "send_toolkit/tools/provision_map"
ADD_LINE = "add_line"
CHANGE = "change"


def _form_page(request: HttpRequest, priced: PricedMap, form: PupilProvisionForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        f"{TEMPLATES}/pupil_form.html",
        {
            "provision_map": priced.provision_map,
            "priced": priced,
            "form": form,
            "most_lines": MOST_LINES,
            "notional_sen_budget": rates_for_request(request).notional_sen_budget,
        },
        status=status,
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
@practitioner_tool
def pupil_provision(request: HttpRequest, pk: int) -> HttpResponse:
    provision_map, _access = map_for(request, pk)
    priced = price_map(provision_map)
    if request.method != "POST":
        return _form_page(request, priced, PupilProvisionForm(priced))
    action = request.POST.get("action", "")
    if action in (ADD_LINE, CHANGE):
        return _form_page(
            request, priced, PupilProvisionForm(priced, request.POST, bind=False, add_line=action == ADD_LINE)
        )
    form = PupilProvisionForm(priced, request.POST)
    if not form.is_valid():
        return _form_page(request, priced, form, status=400)
    provision = form.provision(rates_for_request(request).notional_sen_budget)
    if request.POST.get("format") == "csv":
        response = attachment(CSV_CONTENT_TYPE, export_filename(provision_map, "csv", kind="pupil-provision"))
        write_pupil_csv(response, provision, provision_map)
        return response
    return render(
        request,
        f"{TEMPLATES}/pupil_result.html",
        {
            "provision_map": provision_map,
            "provision": provision,
            "lines": [(line, provided_as(line.one_to_one)) for line in provision.lines],
            "form": form,  # its carried_values go back in the page's forms (never in a repr: see PupilProvision)
        },
    )
