"""The council's site layout (``SEND_TOOLKIT_BASE_TEMPLATE``) for the toolkit's own views.

Toolkit pages (``ToolkitPageMixin.get_context``) and the toolkit's other views, such as the
practitioner account pages, all take it from here, so that a council
pointing the toolkit at its own base template gets every page in it, with no extra settings.
"""

from __future__ import annotations

from django import shortcuts
from django.http import HttpRequest, HttpResponse

from send_toolkit.conf import toolkit_settings

BASE_TEMPLATE_VARIABLE = "send_toolkit_base_template"


def layout_context() -> dict[str, str]:
    return {BASE_TEMPLATE_VARIABLE: toolkit_settings.BASE_TEMPLATE}


def render(request: HttpRequest, template_name, context: dict | None = None, *args, **kwargs) -> HttpResponse:
    """``django.shortcuts.render`` with the council's base template in the context."""
    return shortcuts.render(request, template_name, {**layout_context(), **(context or {})}, *args, **kwargs)


class ToolkitLayoutMixin:
    """For class-based views: adds the council's base template to the template context."""

    def get_context_data(self, **kwargs):
        return {**layout_context(), **super().get_context_data(**kwargs)}
