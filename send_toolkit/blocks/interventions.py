"""Blocks that show a single-source Intervention record on a page."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from send_toolkit.access.visibility import can_view_intervention
from send_toolkit.blocks.public_text import EVERYONE
from send_toolkit.interventions.costs import cost_of, hourly_rates_for_request, rates_for_request


def _costed(request, interventions: list) -> list[tuple]:
    """(intervention, costing) for each intervention; staff rates and council settings are read once per request."""
    if not interventions:
        return []
    rates = rates_for_request(request)
    hourly_rates = hourly_rates_for_request(request)
    return [(intervention, cost_of(intervention, rates, hourly_rates)) for intervention in interventions]


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
