"""Blocks that show a single-source Intervention record on a page."""

from django.db.models import prefetch_related_objects
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from send_toolkit.access.api_context import api_reader
from send_toolkit.access.visibility import can_view_intervention
from send_toolkit.blocks.public_text import EVERYONE
from send_toolkit.interventions.costs import cost_of, hourly_rates_for_request, rates_for_request
from send_toolkit.interventions.representation import intervention_representation


def _costed(request, interventions: list) -> list[tuple]:
    """(intervention, costing) for each intervention; staff rates and council settings are read once per request."""
    if not interventions:
        return []
    rates = rates_for_request(request)
    hourly_rates = hourly_rates_for_request(request)
    return [(intervention, cost_of(intervention, rates, hourly_rates)) for intervention in interventions]


def _represented(context: dict | None, interventions: list) -> list[dict]:
    """Each intervention as the API shows it (``interventions.representation``), costed from the council's rates."""
    if not interventions:
        return []
    # One query per relation for all of them, not one per intervention.
    prefetch_related_objects(interventions, "staff_role", "need_areas", "key_stages", "sub_needs")
    rates = rates_for_request(api_reader(context))
    return [intervention_representation(context, intervention, rates) for intervention in interventions]


def _directory_of(parent_context: dict | None):
    """The intervention directory of the page being rendered (pages know their toolkit; blocks need no page model)."""
    page = (parent_context or {}).get("page")
    request = (parent_context or {}).get("request")
    find = getattr(page, "intervention_directory", None)
    return find(request) if find is not None else None


class InterventionBlock(blocks.StructBlock):
    intervention = SnippetChooserBlock("send_toolkit.Intervention")
    local_note = blocks.TextBlock(
        required=False, help_text="Anything local to add on this page, such as who to contact to arrange it."
    )

    class Meta:
        icon = "snippet"
        label = "Intervention"
        template = "send_toolkit/blocks/intervention.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        intervention = value.get("intervention")
        visible = intervention if can_view_intervention(request, intervention) else None
        context["visible_intervention"] = visible
        context["costing"] = _costed(request, [visible])[0][1] if visible else None
        context["intervention_directory"] = _directory_of(parent_context) if visible else None
        return context

    def get_searchable_content(self, value):
        # A practitioner-only intervention is not shown to the public, nor is the local note beside it.
        intervention = value.get("intervention")
        if not can_view_intervention(EVERYONE, intervention):
            return []
        return [intervention.name, intervention.summary, value.get("local_note") or ""]

    def get_api_representation(self, value, context=None):
        # The intervention's public fields when the reader may see it; otherwise nothing, not even the local note.
        intervention = value.get("intervention")
        if not can_view_intervention(api_reader(context), intervention):
            return {"intervention": None, "local_note": ""}
        return {"intervention": _represented(context, [intervention])[0], "local_note": value.get("local_note") or ""}


class CostingBlock(blocks.StructBlock):
    """An inline costing table for one or more interventions, worked out from council rates."""

    heading = blocks.CharBlock(max_length=200, required=False, default="What it costs")
    interventions = blocks.ListBlock(SnippetChooserBlock("send_toolkit.Intervention"), min_num=1)

    class Meta:
        icon = "table"
        label = "Costing table"
        template = "send_toolkit/blocks/costing.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        visible = [item for item in value.get("interventions", []) if can_view_intervention(request, item)]
        context["visible_interventions"] = visible
        context["costed_interventions"] = _costed(request, visible)
        return context

    def get_searchable_content(self, value):
        # The table, heading included, shows only when at least one of its interventions may be seen.
        names = [item.name for item in value.get("interventions", []) if can_view_intervention(EVERYONE, item)]
        return [value.get("heading") or "", *names] if names else []

    def get_api_representation(self, value, context=None):
        # As on the page: the interventions the reader may see, and the heading only when there is one.
        request = api_reader(context)
        visible = [item for item in value.get("interventions", []) if can_view_intervention(request, item)]
        return {
            "heading": (value.get("heading") or "") if visible else "",
            "interventions": _represented(context, visible),
        }
