"""Roles and permissions, the password policy and the lockout rule (DESIGN.md 7)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from unionDesk.domain.access import (
    CLI_ACTOR,
    LOCKOUT,
    MAX_FAILED_LOGINS,
    MIN_PASSWORD_LENGTH,
    ROLE_PERMISSIONS,
    Actor,
    Permission,
    Role,
    locked_until_after_failure,
    password_problems,
)

NOW = datetime(2026, 11, 21, 9, 30)

EXPECTED: dict[Role, set[Permission]] = {
    Role.ADMIN: set(Permission),
    Role.OFFICER: {
        Permission.VIEW_MEMBERS,
        Permission.EDIT_MEMBERS,
        Permission.EDIT_DEPARTMENTS,
        Permission.VIEW_SELECTION,
        Permission.EDIT_SELECTION,
        Permission.VIEW_ACTIVITIES,
        Permission.EDIT_ACTIVITIES,
        Permission.MAKE_RETURNS,
    },
    Role.REVIEWER: {Permission.REVIEW},
    Role.VIEWER: {Permission.VIEW_MEMBERS, Permission.VIEW_SELECTION, Permission.VIEW_ACTIVITIES},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", [p for p in Permission if p is not Permission.UNMASK])
def test_role_grants_exactly_its_permissions(role, permission):
    actor = Actor(7, "someone", role)

    assert actor.may(permission) is (permission in EXPECTED[role])


@pytest.mark.parametrize("role", [Role.OFFICER, Role.REVIEWER, Role.VIEWER])
def test_unmask_is_not_granted_by_a_role_other_than_admin(role):
    assert not Actor(7, "someone", role).may(Permission.UNMASK)


@pytest.mark.parametrize("role", [Role.OFFICER, Role.VIEWER])
def test_unmask_is_granted_per_user(role):
    assert Actor(7, "someone", role, can_unmask=True).may(Permission.UNMASK)


def test_admin_may_unmask_without_the_per_user_flag():
    assert Actor(1, "boss", Role.ADMIN, can_unmask=False).may(Permission.UNMASK)


def test_can_unmask_does_not_grant_other_permissions_to_a_reviewer():
    reviewer = Actor(7, "judge", Role.REVIEWER, can_unmask=True)

    assert not reviewer.may(Permission.VIEW_MEMBERS)
    assert not reviewer.may(Permission.EDIT_MEMBERS)


def test_unmask_is_not_in_any_non_admin_role_permission_set():
    for role in (Role.OFFICER, Role.REVIEWER, Role.VIEWER):
        assert Permission.UNMASK not in ROLE_PERMISSIONS[role]


def test_cli_actor_is_an_unmasking_administrator_named_cli():
    assert CLI_ACTOR.username == "cli"
    assert CLI_ACTOR.user_id is None
    assert all(CLI_ACTOR.may(p) for p in Permission)


# --- password policy --------------------------------------------------------------------------


def test_minimum_password_length_is_eight():
    assert MIN_PASSWORD_LENGTH == 8


def test_a_good_password_has_no_problems():
    assert password_problems("Bluebird-73", "zhangwei") == []


def test_seven_characters_are_too_short():
    problems = password_problems("abc1234", "zhangwei")

    assert [p.field for p in problems] == ["password"]
    assert problems[0].params == {"minimum": 8}


def test_eight_characters_are_long_enough():
    assert password_problems("abc12345", "zhangwei") == []


def test_empty_password_is_refused():
    assert password_problems("", "zhangwei")


def test_password_containing_the_user_name_is_refused():
    problems = password_problems("xzhangwei9", "zhangwei")

    assert problems
    assert "user name" in problems[0].text


def test_password_containing_the_user_name_in_other_case_is_refused():
    assert password_problems("ZhangWei2026", "zhangwei")


@pytest.mark.parametrize("password", ["aaaaaaaa", "abababab", "11111111"])
def test_password_with_fewer_than_three_distinct_characters_is_refused(password):
    assert password_problems(password, "zhangwei")


def test_three_distinct_characters_are_enough():
    assert password_problems("abcabcab", "zhangwei") == []


@pytest.mark.parametrize("password", [" leading1x", "trailing1x "])
def test_password_with_spaces_at_either_end_is_refused(password):
    assert password_problems(password, "zhangwei")


def test_space_inside_a_password_is_allowed():
    assert password_problems("blue bird 73", "zhangwei") == []


def test_empty_user_name_does_not_refuse_every_password():
    assert password_problems("Bluebird-73", "") == []


# --- lockout ----------------------------------------------------------------------------------


def test_lock_after_five_failures_for_fifteen_minutes():
    assert MAX_FAILED_LOGINS == 5
    assert timedelta(minutes=15) == LOCKOUT
    assert locked_until_after_failure(5, NOW) == NOW + timedelta(minutes=15)


@pytest.mark.parametrize("failed", [0, 1, 2, 3, 4])
def test_fewer_than_five_failures_do_not_lock(failed):
    assert locked_until_after_failure(failed, NOW) is None


def test_more_than_five_failures_keep_locking():
    assert locked_until_after_failure(6, NOW) == NOW + LOCKOUT
