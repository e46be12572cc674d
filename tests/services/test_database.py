"""Creating and opening the database (DESIGN.md 8), and the demo data that fills it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from helpers import OFFICE
from unionDesk.domain.enums import ChangeKind, IdType, MemberStatus
from unionDesk.domain.ids import check_id_number
from unionDesk.domain.member import validate_member
from unionDesk.domain.membership import Change, derive_status
from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.database import (
    create_database,
    database_exists,
    explain_store_error,
    get_union,
    open_database,
)
from unionDesk.services.demo import fill_demo
from unionDesk.services.errors import ServiceError
from unionDesk.services.members import MemberQuery, get_member, query_member_ids
from unionDesk.store.db import Database
from unionDesk.store.errors import DatabaseUnreadable
from unionDesk.store.models import Member

TODAY = date(2026, 11, 21)
USCC = compose_uscc("91110105MA01ABCD1")
BAD_USCC = USCC[:17] + ("0" if USCC[17] != "0" else "1")


def fields_of(error: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {p.field for p in error.value.problems}


def pragma(db: Database, name: str) -> object:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


# --- create --------------------------------------------------------------------------------


def test_create_stores_the_union_profile(db):
    union = get_union(db)

    assert (union.name, union.uscc) == ("测试机械厂工会委员会", USCC)


def test_create_normalises_the_union_name_and_code(paths):
    db = create_database(paths, "  测试机械厂   工会委员会 ", USCC.lower())
    try:
        union = get_union(db)
    finally:
        db.close()

    assert (union.name, union.uscc) == ("测试机械厂 工会委员会", USCC)


def test_create_refuses_a_wrong_credit_code(paths):
    with pytest.raises(ValidationFailed) as error:
        create_database(paths, "测试机械厂工会委员会", BAD_USCC)

    assert fields_of(error) == {"uscc"}
    assert not database_exists(paths)


def test_create_refuses_an_empty_union_name(paths):
    with pytest.raises(ValidationFailed) as error:
        create_database(paths, "   ", USCC)

    assert fields_of(error) == {"union_name"}
    assert not database_exists(paths)


def test_create_reports_name_and_code_problems_together(paths):
    with pytest.raises(ValidationFailed) as error:
        create_database(paths, "", BAD_USCC)

    assert fields_of(error) == {"union_name", "uscc"}


def test_create_refuses_an_overlong_union_name(paths):
    with pytest.raises(ValidationFailed) as error:
        create_database(paths, "工" * 101, USCC)

    assert fields_of(error) == {"union_name"}


def test_create_refuses_when_a_database_exists(db, paths):
    with pytest.raises(ServiceError) as error:
        create_database(paths, "另一个工会委员会", USCC)

    assert str(paths.root) in error.value.problem.render()
    assert get_union(db).name == "测试机械厂工会委员会"


def test_create_over_a_blank_leftover_file(paths):
    paths.ensure().database.write_bytes(b"")

    db = create_database(paths, "测试机械厂工会委员会", USCC)
    try:
        assert get_union(db).uscc == USCC
    finally:
        db.close()


def test_database_exists_only_after_create(paths):
    assert not database_exists(paths)

    create_database(paths, "测试机械厂工会委员会", USCC).close()

    assert database_exists(paths)


# --- connection settings -------------------------------------------------------------------


def test_connections_use_wal(db):
    assert pragma(db, "journal_mode") == "wal"


def test_connections_use_synchronous_full(db):
    assert pragma(db, "synchronous") == 2


def test_connections_enforce_foreign_keys(db):
    assert pragma(db, "foreign_keys") == 1


def test_reopened_database_uses_the_same_settings(db, paths):
    db.close()
    reopened = open_database(paths)
    try:
        names = ("journal_mode", "synchronous", "foreign_keys")
        assert [pragma(reopened, name) for name in names] == ["wal", 2, 1]
    finally:
        reopened.close()


# --- open ----------------------------------------------------------------------------------


def test_open_of_a_current_database_takes_no_backup(db, paths):
    db.close()

    reopened = open_database(paths)
    reopened.close()

    assert list(paths.backups.iterdir()) == []


def test_open_of_an_unreadable_file_leaves_it_unchanged(paths):
    garbage = bytes(range(256)) * 16
    paths.ensure().database.write_bytes(garbage)

    with pytest.raises(DatabaseUnreadable):
        open_database(paths)

    assert paths.database.read_bytes() == garbage


def test_unreadable_file_is_explained_with_its_location(paths):
    message = explain_store_error(DatabaseUnreadable("x"), paths).render()

    assert str(paths.database) in message
    assert str(paths.backups) in message


def test_unreadable_file_does_not_count_as_blank(tmp_path):
    paths = resolve_paths(tmp_path / "data")
    paths.ensure().database.write_bytes(b"not a database" * 100)

    assert database_exists(paths)


# --- demo data -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    paths = resolve_paths(tmp_path_factory.mktemp("demo") / "data")
    db = create_database(paths, "测试机械厂工会委员会", USCC)
    fill_demo(db, 2000)
    yield db
    db.close()


@pytest.fixture(scope="module")
def demo_members(demo_db) -> list[Member]:
    with demo_db.read() as session:
        members = list(session.scalars(select(Member)))
        for member in members:
            _ = member.changes  # load the history before the session closes
        return members


def test_demo_adds_the_number_of_members_asked_for(demo_db):
    assert len(query_member_ids(demo_db, OFFICE, MemberQuery())) == 2000


def test_demo_id_numbers_are_unique(demo_members):
    numbers = [m.id_number for m in demo_members]

    assert len(set(numbers)) == len(numbers) == 2000


def test_demo_id_numbers_are_valid(demo_members):
    for member in demo_members:
        info = check_id_number(IdType.RESIDENT_ID, member.id_number, today=TODAY)
        assert (info.birth_date, info.sex) == (member.birth_date, member.sex), member.id_number


def test_demo_statuses_follow_from_the_history(demo_members):
    for member in demo_members:
        history = [Change(ChangeKind(c.kind), c.effective_on) for c in member.changes]
        assert derive_status(history) == MemberStatus(member.status), member.id


def test_demo_has_members_who_left(demo_members):
    statuses = {m.status for m in demo_members}

    assert MemberStatus.ACTIVE.value in statuses
    assert len(statuses) > 1


def test_demo_has_minority_names_with_the_middle_dot(demo_members):
    assert any("·" in m.name for m in demo_members)


def test_demo_members_pass_the_member_form_checks(demo_db, demo_members):
    failures = {}
    for member in demo_members:
        try:
            validate_member(get_member(demo_db, OFFICE, member.id, reveal=True).draft, today=TODAY)
        except ValidationFailed as failed:
            failures[member.id] = str(failed)

    assert failures == {}


def test_demo_names_include_characters_outside_the_bmp(db):
    fill_demo(db, 5000)

    with db.read() as session:
        names = session.scalars(select(Member.name)).all()
    assert any(ord(char) > 0xFFFF for name in names for char in name)


def test_demo_run_twice_keeps_id_numbers_unique(db):
    fill_demo(db, 300)
    fill_demo(db, 300, seed=1)

    with db.read() as session:
        numbers = session.scalars(select(Member.id_number)).all()
    assert len(numbers) == len(set(numbers)) == 600
