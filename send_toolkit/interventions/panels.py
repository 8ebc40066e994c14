"""Admin edit-screen panels specific to the toolkit."""

from __future__ import annotations

from wagtail.admin.panels import Panel

from send_toolkit.interventions.costs import cost_of, rates_for_request


class CostingPanel(Panel):
    """Read-only costs of the saved intervention, worked out from the council's rates."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "send_toolkit/admin/costing_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["costing"] = None
            if instance is not None and instance.pk:
                rates = rates_for_request(self.request)
                context["rates"] = rates
                context["costing"] = cost_of(instance, rates)
            return context
