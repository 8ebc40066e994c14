"""The access decisions on their own: plain facts in, yes or no out (no database)."""

from __future__ import annotations

import pytest

from send_toolkit.domain.access_rules import (
    ANONYMOUS,
    AccountStatus,
    ResourceAudience,
    Restriction,
    RestrictionKind,
    Viewer,
    admits,
    may_view,
    may_view_resource,
)

PRACTITIONERS, EDITORS, EARLY_YEARS = 1, 2, 3

APPROVED = Viewer(authenticated=True, active=True, practitioner=True, group_ids=frozenset({PRACTITIONERS}))
UNAPPROVED = Viewer(authenticated=True, active=True)
SUSPENDED = Viewer(authenticated=True, active=False, practitioner=True, group_ids=frozenset({PRACTITIONERS}))
SUPERUSER = Viewer(authenticated=True, active=True, superuser=True, practitioner=True)

LOGIN = Restriction(RestrictionKind.LOGIN)
PRACTITIONER_GROUPS = Restriction(RestrictionKind.GROUPS, frozenset({PRACTITIONERS, EDITORS}))
EARLY_YEARS_ONLY = Restriction(RestrictionKind.GROUPS, frozenset({EARLY_YEARS}))
PASSWORD = Restriction(RestrictionKind.PASSWORD)


def test_public_content_is_for_everyone():
    assert may_view(ANONYMOUS, []) and may_view(SUSPENDED, [])


@pytest.mark.parametrize("restriction", [LOGIN, PRACTITIONER_GROUPS, EARLY_YEARS_ONLY, PASSWORD])
def test_anonymous_and_suspended_viewers_pass_no_restriction(restriction):
    assert not admits(ANONYMOUS, restriction)
    assert not admits(SUSPENDED, restriction)


def test_logged_in_users_means_approved_practitioners_not_any_account():
    assert admits(APPROVED, LOGIN)
    assert not admits(UNAPPROVED, LOGIN)


def test_group_restrictions_admit_members_only():
    assert admits(APPROVED, PRACTITIONER_GROUPS)
    assert not admits(APPROVED, EARLY_YEARS_ONLY)
    assert not admits(UNAPPROVED, PRACTITIONER_GROUPS)


def test_shared_passwords_never_admit_anyone_not_even_superusers():
    assert not admits(SUPERUSER, PASSWORD)


def test_superusers_pass_login_and_group_restrictions():
    assert admits(SUPERUSER, LOGIN) and admits(SUPERUSER, EARLY_YEARS_ONLY)


def test_content_under_several_restrictions_needs_every_one():
    assert not may_view(APPROVED, [PRACTITIONER_GROUPS, EARLY_YEARS_ONLY])
    both = Viewer(authenticated=True, active=True, practitioner=True, group_ids=frozenset({PRACTITIONERS, EARLY_YEARS}))
    assert may_view(both, [PRACTITIONER_GROUPS, EARLY_YEARS_ONLY])


def test_resources_for_practitioners_open_only_to_approved_practitioners():
    assert may_view_resource(APPROVED, ResourceAudience.PRACTITIONERS)
    assert not may_view_resource(UNAPPROVED, ResourceAudience.PRACTITIONERS)
    assert not may_view_resource(ANONYMOUS, ResourceAudience.PRACTITIONERS)
    assert not may_view_resource(SUSPENDED, ResourceAudience.PRACTITIONERS)


def test_resources_for_groups_open_to_those_groups_and_fall_back_to_practitioners_when_none_chosen():
    assert not may_view_resource(APPROVED, ResourceAudience.GROUPS, [EARLY_YEARS])
    assert may_view_resource(SUPERUSER, ResourceAudience.GROUPS, [EARLY_YEARS])
    early_years = Viewer(authenticated=True, active=True, group_ids=frozenset({EARLY_YEARS}))
    assert may_view_resource(early_years, ResourceAudience.GROUPS, [EARLY_YEARS])
    assert may_view_resource(APPROVED, ResourceAudience.GROUPS, [])
    assert not may_view_resource(UNAPPROVED, ResourceAudience.GROUPS, [])


@pytest.mark.parametrize(
    "status", [AccountStatus.UNVERIFIED, AccountStatus.PENDING, AccountStatus.REJECTED, AccountStatus.SUSPENDED]
)
def test_an_unapproved_account_passes_no_restriction_even_inside_the_named_groups(status):
    """Status governs every restriction: an editor putting the account in a group does not open it."""
    in_every_group = Viewer(
        authenticated=True,
        active=True,
        practitioner=True,
        group_ids=frozenset({PRACTITIONERS, EDITORS, EARLY_YEARS}),
        account_status=status,
    )
    for restriction in (LOGIN, PRACTITIONER_GROUPS, EARLY_YEARS_ONLY, PASSWORD):
        assert not admits(in_every_group, restriction)
    assert not in_every_group.sees_practitioner_content
    assert not may_view_resource(in_every_group, ResourceAudience.PRACTITIONERS)
    assert not may_view_resource(in_every_group, ResourceAudience.GROUPS, [EARLY_YEARS])


def test_an_approved_account_and_staff_without_a_profile_pass_their_groups_restrictions():
    approved = Viewer(
        authenticated=True,
        active=True,
        practitioner=True,
        group_ids=frozenset({PRACTITIONERS, EARLY_YEARS}),
        account_status=AccountStatus.APPROVED,
    )
    staff = Viewer(authenticated=True, active=True, group_ids=frozenset({EARLY_YEARS}))
    for viewer in (approved, staff):
        assert admits(viewer, EARLY_YEARS_ONLY)
        assert may_view_resource(viewer, ResourceAudience.GROUPS, [EARLY_YEARS])
    assert admits(approved, LOGIN) and not admits(staff, LOGIN)


def test_a_superuser_passes_whatever_their_practitioner_profile_says():
    superuser = Viewer(authenticated=True, active=True, superuser=True, account_status=AccountStatus.REJECTED)
    assert admits(superuser, LOGIN) and admits(superuser, EARLY_YEARS_ONLY)
    assert may_view_resource(superuser, ResourceAudience.PRACTITIONERS)
    assert not admits(superuser, PASSWORD)
