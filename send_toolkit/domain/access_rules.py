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
- The status of a practitioner account governs every restriction, not only the practitioners
  group: an account that registered as a practitioner and is not approved (unverified, pending,
  rejected or suspended) passes no restriction of any kind, whatever groups an editor has put it
  in. Accounts the council made without a practitioner profile (editors, staff) keep the access
  their groups give; superusers pass everything but shared passwords.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class RestrictionKind(Enum):
    LOGIN = "login"
    GROUPS = "groups"
    PASSWORD = "password"  # noqa: S105 - a restriction type, not a secret


class AccountStatus(Enum):
    """Where a practitioner account is in registration and approval (``PractitionerProfile.status``)."""

    UNVERIFIED = "unverified"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class ResourceAudience(Enum):
    PRACTITIONERS = "practitioners"
    GROUPS = "groups"


@dataclass(frozen=True)
class Viewer:
    """What is known about the person making a request."""

    authenticated: bool = False
    active: bool = False
    superuser: bool = False
    #: In the practitioners group, or one of the council's editors (may use the Wagtail admin).
    practitioner: bool = False
    group_ids: frozenset[int] = field(default_factory=frozenset)
    #: The status of the account's practitioner profile; None for an account without one (made by the council).
    account_status: AccountStatus | None = None

    @property
    def signed_in(self) -> bool:
        return self.authenticated and self.active

    @property
    def may_pass_restrictions(self) -> bool:
        """Whether any restriction could admit this viewer: signed in, and not a practitioner account
        awaiting or refused approval (superusers always may)."""
        if not self.signed_in:
            return False
        return self.superuser or self.account_status in (None, AccountStatus.APPROVED)

    @property
    def sees_practitioner_content(self) -> bool:
        """An approved practitioner, one of the council's editors, or a superuser."""
        return self.may_pass_restrictions and (self.superuser or self.practitioner)

    @property
    def uses_practitioner_tools(self) -> bool:
        """Only an approved practitioner account: the tools hold a setting's own plans, which the council's
        editors and superusers without a practitioner profile do not see."""
        return self.signed_in and self.account_status is AccountStatus.APPROVED


ANONYMOUS = Viewer()


@dataclass(frozen=True)
class Restriction:
    kind: RestrictionKind
    group_ids: frozenset[int] = field(default_factory=frozenset)


def admits(viewer: Viewer, restriction: Restriction) -> bool:
    """Whether one restriction lets this viewer in."""
    if not viewer.may_pass_restrictions:
        return False
    if restriction.kind is RestrictionKind.PASSWORD:
        return False
    if viewer.superuser:
        return True
    if restriction.kind is RestrictionKind.LOGIN:
        return viewer.sees_practitioner_content
    return bool(viewer.group_ids & restriction.group_ids)


def may_view(viewer: Viewer, restrictions: Iterable[Restriction]) -> bool:
    """Whether content under all of ``restrictions`` (none means public) may be shown."""
    return all(admits(viewer, restriction) for restriction in restrictions)


def may_view_resource(viewer: Viewer, audience: ResourceAudience, group_ids: Iterable[int] = ()) -> bool:
    """Whether the restricted body of a practitioner resource may be shown.

    "Specific groups" with no groups chosen falls back to practitioners, so a
    half-finished resource is never opened to everyone, nor closed to everyone.
    """
    if not viewer.may_pass_restrictions:
        return False
    groups = frozenset(group_ids)
    if audience is ResourceAudience.GROUPS and groups:
        return viewer.superuser or bool(viewer.group_ids & groups)
    return viewer.sees_practitioner_content
