"""Who may see restricted content, decided from plain facts (no Django, no database).

``access.py`` gathers the facts about a request and the content it asks for; this
module makes the decision, so the rules can be read, and tested, on their own.

The rules (DESIGN.md section 4):

- A "logged-in users" restriction means an *approved practitioner* here, not any
  account: anyone may register, so an unverified or unapproved account must see
  no more than an anonymous visitor.
- A "groups" restriction admits members of one of its groups (and superusers),
  exactly as Wagtail does when it serves the page itself.
- Shared-password restrictions are disabled: they never admit anyone.
- Content is visible only if every restriction on it (and on its ancestors) admits
  the viewer.
- Suspended and inactive accounts are nobody: they see what anonymous visitors see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class RestrictionKind(Enum):
    LOGIN = "login"
    GROUPS = "groups"
    PASSWORD = "password"  # noqa: S105 - a restriction type, not a secret


class ResourceAudience(Enum):
    PRACTITIONERS = "practitioners"
    GROUPS = "groups"


@dataclass(frozen=True)
class Viewer:
    """What is known about the person making a request."""

    authenticated: bool = False
    active: bool = False
    superuser: bool = False
    #: An approved practitioner, or one of the council's editors.
    practitioner: bool = False
    group_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def signed_in(self) -> bool:
        return self.authenticated and self.active


ANONYMOUS = Viewer()


@dataclass(frozen=True)
class Restriction:
    kind: RestrictionKind
    group_ids: frozenset[int] = field(default_factory=frozenset)


def admits(viewer: Viewer, restriction: Restriction) -> bool:
    """Whether one restriction lets this viewer in."""
    if not viewer.signed_in:
        return False
    if restriction.kind is RestrictionKind.PASSWORD:
        return False
    if viewer.superuser:
        return True
    if restriction.kind is RestrictionKind.LOGIN:
        return viewer.practitioner
    return bool(viewer.group_ids & restriction.group_ids)


def may_view(viewer: Viewer, restrictions: Iterable[Restriction]) -> bool:
    """Whether content under all of ``restrictions`` (none means public) may be shown."""
    return all(admits(viewer, restriction) for restriction in restrictions)


def may_view_resource(viewer: Viewer, audience: ResourceAudience, group_ids: Iterable[int] = ()) -> bool:
    """Whether the restricted body of a practitioner resource may be shown.

    "Specific groups" with no groups chosen falls back to practitioners, so a
    half-finished resource is never opened to everyone, nor closed to everyone.
    """
    if not viewer.signed_in:
        return False
    groups = frozenset(group_ids)
    if audience is ResourceAudience.GROUPS and groups:
        return viewer.superuser or bool(viewer.group_ids & groups)
    return viewer.practitioner
