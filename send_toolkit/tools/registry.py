"""The practitioner tools an editor can place on a page (the gated resource's "Practitioner tool" block).

One entry per tool: its name and description as practitioners see them, and the URL name of its first
screen. A page shows the link only inside a practitioner resource's restricted body, so visitors see the
resource's teaser and a login prompt, and practitioners the link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Tool:
    key: str
    name: Promise
    description: Promise
    url_name: str


TOOLS: tuple[Tool, ...] = (
    Tool(
        "provision_map",
        _("Costed provision map"),
        _(
            "Plan your setting's provision for the school year from the council's intervention library and staff "
            "rates, see what it costs, and work out one pupil's costed provision against the notional SEN budget."
        ),
        "send_toolkit:provision_maps",
    ),
)


def tool_choices() -> list[tuple[str, Promise]]:
    return [(tool.key, tool.name) for tool in TOOLS]


def tool_named(key: str) -> Tool | None:
    return next((tool for tool in TOOLS if tool.key == key), None)
