"""The one request-aware gate every front-end listing goes through (DESIGN.md section 4).

Wagtail only checks page privacy when a page itself is served. Anything that
lists, links to, counts or exports pages and snippets must ask this module what
the person making the request may see. The decisions themselves are made from
plain facts in ``access_rules``; this module gathers those facts once per request.

Whenever restricted content is admitted for a request, the request is marked so
that ``CacheHeadersMiddleware`` sends ``Cache-Control: private, no-store``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet, prefetch_related_objects
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction

from send_toolkit.access.request_state import note, recall, remember
from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.access_rules import (
    ANONYMOUS,
    AccountStatus,
    ResourceAudience,
    Restriction,
    RestrictionKind,
    Viewer,
    admits,
    may_view_resource,
)
from send_toolkit.interventions.models import Audience

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.query import PageQuerySet

# The reverse accessor of ``PractitionerProfile.user`` (read by name: access sits below the practitioners room).
PRACTITIONER_PROFILE = "practitioner_profile"

# Memo key: set once a response holds content not everyone may see (read by CacheHeadersMiddleware).
RESTRICTED_CONTENT_SHOWN = "restricted_content_shown"

_KINDS = {
    BaseViewRestriction.LOGIN: RestrictionKind.LOGIN,
    BaseViewRestriction.GROUPS: RestrictionKind.GROUPS,
    BaseViewRestriction.PASSWORD: RestrictionKind.PASSWORD,
}


def restriction_facts(restriction: BaseViewRestriction) -> Restriction:
    """A page or collection restriction as plain facts."""
    kind = _KINDS.get(restriction.restriction_type, RestrictionKind.PASSWORD)
    group_ids = frozenset(group.pk for group in restriction.groups.all()) if kind is RestrictionKind.GROUPS else None
    return Restriction(kind=kind, group_ids=group_ids or frozenset())


def _facts_without_groups(restriction: BaseViewRestriction) -> Restriction:
    return Restriction(kind=_KINDS.get(restriction.restriction_type, RestrictionKind.PASSWORD), group_ids=frozenset())


def viewer_for(user) -> Viewer:
    """The facts about a user that access decisions need."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    if not user.is_active:
        return Viewer(authenticated=True, active=False)
    groups = dict(user.groups.values_list("pk", "name"))
    return Viewer(
        authenticated=True,
        active=True,
        superuser=user.is_superuser,
        practitioner=(
            user.is_superuser
            or toolkit_settings.PRACTITIONER_GROUP in groups.values()
            or user.has_perm("wagtailadmin.access_admin")
        ),
        group_ids=frozenset(groups),
        account_status=_account_status(user),
    )


def _account_status(user) -> AccountStatus | None:
    """The status of the user's practitioner profile (``PractitionerProfile``), None if they have none."""
    profile = getattr(user, PRACTITIONER_PROFILE, None)  # the reverse one-to-one raises AttributeError when absent
    if profile is None:
        return None
    try:
        return AccountStatus(profile.status)
    except ValueError:  # a status this version does not know: treat as not approved
        return AccountStatus.PENDING


def request_viewer(request: HttpRequest | None) -> Viewer:
    """The viewer for a request, worked out once per request."""
    if request is None:
        return ANONYMOUS
    return remember(request, "viewer", lambda: viewer_for(getattr(request, "user", None)))


def mark_restricted_content_shown(request: HttpRequest | None) -> None:
    """Record that this response holds content not everyone may see (so it must not be cached)."""
    note(request, RESTRICTED_CONTENT_SHOWN, True)


def restricted_content_shown(request: HttpRequest | None) -> bool:
    """Whether anything this request was shown is restricted (so the response must stay private)."""
    return bool(recall(request, RESTRICTED_CONTENT_SHOWN, False))


def _page_restrictions(request: HttpRequest | None) -> list[tuple[PageViewRestriction, bool]]:
    """Every page restriction, with whether this request passes it, read once per request."""
    return remember(request, "page_restrictions", lambda: _read_page_restrictions(request_viewer(request)))


def _read_page_restrictions(viewer: Viewer) -> list[tuple[PageViewRestriction, bool]]:
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    if viewer.may_pass_restrictions:
        prefetch_related_objects(restrictions, "groups")
        return [(r, admits(viewer, restriction_facts(r))) for r in restrictions]
    # Nobody signed out (nor an unapproved practitioner account) passes any restriction, whichever
    # groups it names (access_rules.admits), so the groups are not read: one query fewer on every anonymous page.
    return [(r, admits(viewer, _facts_without_groups(r))) for r in restrictions]


def _failed_restrictions(request: HttpRequest | None) -> list[PageViewRestriction]:
    return [restriction for restriction, passed in _page_restrictions(request) if not passed]


def visible_pages(request: HttpRequest | None, queryset: PageQuerySet) -> PageQuerySet:
    """Live pages from ``queryset`` that this request may see."""
    queryset = queryset.live()
    for restriction in _failed_restrictions(request):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    if any(passed for _restriction, passed in _page_restrictions(request)):
        # Restricted pages may be among the results.
        mark_restricted_content_shown(request)
    return queryset


def restrictions_covering(request: HttpRequest | None, page) -> list[PageViewRestriction]:
    """The restrictions on ``page`` and its ancestors (by tree path), from those this request has read already."""
    return [
        restriction
        for restriction, _passed in _page_restrictions(request)
        if page.path.startswith(restriction.page.path)
    ]


def can_view_page(request: HttpRequest | None, page) -> bool:
    """Whether this request may see ``page`` (its title, link and body)."""
    if page is None or not page.live:
        return False
    covering = [(r, passed) for r, passed in _page_restrictions(request) if page.path.startswith(r.page.path)]
    if not all(passed for _r, passed in covering):
        return False
    if covering:
        mark_restricted_content_shown(request)
    return True


def is_practitioner(user) -> bool:
    """Approved practitioners, and the council's own editors, see practitioner content."""
    return viewer_for(user).sees_practitioner_content


def request_is_practitioner(request: HttpRequest | None) -> bool:
    return request_viewer(request).sees_practitioner_content


def visible_interventions(request: HttpRequest | None, queryset: QuerySet) -> QuerySet:
    """Interventions this request may see: practitioner-only ones only for practitioners."""
    if not request_is_practitioner(request):
        return queryset.filter(audience=Audience.PUBLIC)
    mark_restricted_content_shown(request)
    return queryset


def can_view_intervention(request: HttpRequest | None, intervention) -> bool:
    if intervention is None:
        return False
    if intervention.audience == Audience.PUBLIC:
        return True
    if request_is_practitioner(request):
        mark_restricted_content_shown(request)
        return True
    return False


def can_view_resource(request: HttpRequest | None, resource) -> bool:
    """Whether this request may see a practitioner resource's restricted body (anyone may see its teaser)."""
    if resource is None:
        return False
    audience = ResourceAudience(resource.audience)
    group_ids = [group.pk for group in resource.groups.all()] if audience is ResourceAudience.GROUPS else []
    allowed = may_view_resource(request_viewer(request), audience, group_ids)
    if allowed:
        mark_restricted_content_shown(request)
    return allowed


def can_view_collection(request: HttpRequest | None, collection) -> bool:
    """Whether this request may download documents in ``collection`` (collection privacy, toolkit rules)."""
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).prefetch_related("groups")
    viewer = request_viewer(request)
    facts = [restriction_facts(r) for r in restrictions]
    if not all(admits(viewer, fact) for fact in facts):
        return False
    if facts:
        mark_restricted_content_shown(request)
    return True


def can_view_document(request: HttpRequest | None, document) -> bool:
    """Whether this request may see ``document`` (its title, type, size and link): its collection's privacy."""
    return document is not None and can_view_collection(request, document.collection)
