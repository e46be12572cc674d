"""The permission matrix: every role × every service action, enforced in services/.

A refused call raises ``PermissionDenied`` and changes nothing in the database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.enums import ChangeKind
from unionDesk.domain.member import MemberDraft
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.audit import AuditFilter, query_audit, record_history
from unionDesk.services.database import create_database
from unionDesk.services.departments import (
    add_department,
    delete_department,
    list_departments,
    rename_department,
)
from unionDesk.services.members import (
    MemberQuery,
    create_member,
    delete_member,
    fetch_rows,
    get_member,
    query_member_ids,
    record_change,
    search_members,
    update_member,
)
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.users import add_user, list_users, reset_password, update_user
from unionDesk.store.db import Database

TODAY = date(2026, 11, 21)
UNION_NAME = "测试机械厂工会委员会"
UNION_USCC = compose_uscc("91110105MA01ABCD1")
TABLES = ("member", "membership_change", "department", "app_user", "audit_entry", "union_profile")


@dataclass(frozen=True)
class Ids:
    member: int
    department: int  # has no members: may be renamed or deleted
    user: int


@dataclass(frozen=True)
class Case:
    name: str
    call: Callable[[Database, Actor, Ids], object]
    allowed: frozenset[Role]
    writes: bool


EVERYONE_BUT_REVIEWER = frozenset({Role.ADMIN, Role.OFFICER, Role.VIEWER})
EDITORS = frozenset({Role.ADMIN, Role.OFFICER})
ADMIN_ONLY = frozenset({Role.ADMIN})


def _other_person() -> MemberDraft:
    return member_draft(name="李娜", id_number=fake_id(125), card_number="GH-2015-0002")


CASES = [
    Case(
        "query_member_ids",
        lambda db, a, i: query_member_ids(db, a, MemberQuery()),
        EVERYONE_BUT_REVIEWER,
        False,
    ),
    Case(
        "fetch_rows", lambda db, a, i: fetch_rows(db, a, [i.member]), EVERYONE_BUT_REVIEWER, False
    ),
    Case(
        "search_members", lambda db, a, i: search_members(db, a, "张"), EVERYONE_BUT_REVIEWER, False
    ),
    Case("get_member", lambda db, a, i: get_member(db, a, i.member), EVERYONE_BUT_REVIEWER, False),
    Case(
        "get_member_reveal",
        lambda db, a, i: get_member(db, a, i.member, reveal=True),
        ADMIN_ONLY,
        True,
    ),
    Case(
        "create_member",
        lambda db, a, i: create_member(db, a, _other_person(), today=TODAY),
        EDITORS,
        True,
    ),
    Case(
        "update_member",
        lambda db, a, i: update_member(
            db, a, i.member, member_draft(job_title="车间主任"), today=TODAY
        ),
        EDITORS,
        True,
    ),
    Case(
        "record_change",
        lambda db, a, i: record_change(
            db, a, i.member, ChangeKind.WITHDRAW, date(2020, 6, 1), "本人申请", today=TODAY
        ),
        EDITORS,
        True,
    ),
    Case("delete_member", lambda db, a, i: delete_member(db, a, i.member, "重复"), EDITORS, True),
    Case(
        "list_departments", lambda db, a, i: list_departments(db, a), EVERYONE_BUT_REVIEWER, False
    ),
    Case("add_department", lambda db, a, i: add_department(db, a, None, "新公司"), EDITORS, True),
    Case(
        "rename_department",
        lambda db, a, i: rename_department(db, a, i.department, "改名车间"),
        EDITORS,
        True,
    ),
    Case(
        "delete_department", lambda db, a, i: delete_department(db, a, i.department), EDITORS, True
    ),
    Case(
        "add_user",
        lambda db, a, i: add_user(db, a, "newbie", "新人", Role.VIEWER, "Bluebird-73"),
        ADMIN_ONLY,
        True,
    ),
    Case(
        "reset_password",
        lambda db, a, i: reset_password(db, a, i.user, "Fresh-start-9"),
        ADMIN_ONLY,
        True,
    ),
    Case(
        "update_user",
        lambda db, a, i: update_user(
            db,
            a,
            i.user,
            role=Role.VIEWER,
            disabled=True,
            can_unmask=False,
            display_name="王芳",
        ),
        ADMIN_ONLY,
        True,
    ),
    Case("list_users", lambda db, a, i: list_users(db, a), ADMIN_ONLY, False),
    Case("query_audit", lambda db, a, i: query_audit(db, a, AuditFilter()), ADMIN_ONLY, False),
    Case(
        "record_history",
        lambda db, a, i: record_history(db, a, "member", i.member),
        EVERYONE_BUT_REVIEWER,
        False,
    ),
]

ACTORS = {
    Role.ADMIN: Actor(900, "boss", Role.ADMIN, can_unmask=False),
    Role.OFFICER: Actor(901, "clerk", Role.OFFICER),
    Role.REVIEWER: Actor(902, "judge", Role.REVIEWER),
    Role.VIEWER: Actor(903, "guest", Role.VIEWER),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, Ids]:
    """One database with a member, an empty department and a user, copied for each test."""
    paths = resolve_paths(tmp_path_factory.mktemp("template") / "data")
    db = create_database(paths, UNION_NAME, UNION_USCC)
    try:
        member = create_member(db, OFFICE, member_draft(), today=TODAY)
        company = add_department(db, OFFICE, None, "示范公司")
        workshop = add_department(db, OFFICE, company, "焊接车间")
        user = add_user(db, OFFICE, "wangfang", "王芳", Role.OFFICER, "Bluebird-73")
    finally:
        db.close()
    return paths.database, Ids(member, workshop, user)


@pytest.fixture
def copy(template, tmp_path) -> Iterator[tuple[Database, Ids]]:
    source, ids = template
    target = tmp_path / "copy.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    db = Database(target)
    yield db, ids
    db.close()


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        tables = {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in TABLES
        }
    connection.close()
    return tables


def audit_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute("SELECT count(*) FROM audit_entry").fetchone()
    connection.close()
    return count


MATRIX = [
    pytest.param(role, case, id=f"{role.value}-{case.name}") for role in Role for case in CASES
]


@pytest.mark.parametrize(("role", "case"), MATRIX)
def test_permission_matrix(copy, role, case):
    db, ids = copy
    actor = ACTORS[role]
    before = snapshot(db.path)

    if role in case.allowed:
        case.call(db, actor, ids)
        if case.writes:
            assert audit_count(db.path) == len(before["audit_entry"]) + 1
        else:
            assert snapshot(db.path) == before
    else:
        with pytest.raises(PermissionDenied):
            case.call(db, actor, ids)
        assert snapshot(db.path) == before


def test_matrix_covers_every_listed_service_action():
    assert {case.name for case in CASES} == {
        "query_member_ids",
        "fetch_rows",
        "search_members",
        "get_member",
        "get_member_reveal",
        "create_member",
        "update_member",
        "record_change",
        "delete_member",
        "list_departments",
        "add_department",
        "rename_department",
        "delete_department",
        "add_user",
        "reset_password",
        "update_user",
        "list_users",
        "query_audit",
        "record_history",
    }


def test_refusal_names_the_user(copy):
    db, ids = copy

    with pytest.raises(PermissionDenied) as refused:
        delete_member(db, ACTORS[Role.VIEWER], ids.member)

    assert refused.value.problem.params == {"user": "guest"}


def test_officer_with_unmask_may_reveal_full_numbers(copy):
    db, ids = copy
    officer = Actor(901, "clerk", Role.OFFICER, can_unmask=True)

    detail = get_member(db, officer, ids.member, reveal=True)

    assert detail.draft.id_number == member_draft().id_number
    assert detail.draft.mobile == member_draft().mobile


def test_viewer_with_unmask_may_reveal_full_numbers(copy):
    db, ids = copy
    viewer = Actor(903, "guest", Role.VIEWER, can_unmask=True)

    assert get_member(db, viewer, ids.member, reveal=True).draft.id_number == (
        member_draft().id_number
    )


def test_reveal_writes_an_unmask_audit_entry(copy):
    db, ids = copy
    officer = Actor(901, "clerk", Role.OFFICER, can_unmask=True)

    get_member(db, officer, ids.member, reveal=True)

    last = query_audit(db, OFFICE, AuditFilter(limit=1))[0]
    assert (last.actor, last.action.value, last.record_type, last.record_id) == (
        "clerk",
        "unmask",
        "member",
        str(ids.member),
    )


def test_get_member_without_reveal_masks_numbers_and_writes_nothing(copy):
    db, ids = copy
    before = audit_count(db.path)

    detail = get_member(db, ACTORS[Role.OFFICER], ids.member)

    assert "*" in detail.draft.id_number
    assert "*" in detail.draft.mobile
    assert audit_count(db.path) == before


def test_viewer_cannot_read_the_audit_history_of_a_user_account(copy):
    """The per-record history is for members; login history of accounts is admin-only."""
    db, ids = copy

    with pytest.raises(PermissionDenied):
        record_history(db, ACTORS[Role.VIEWER], "user", ids.user)
