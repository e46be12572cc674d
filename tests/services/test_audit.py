"""The audit trail against a real database: what is written, the hash chain, and queries."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime, timedelta

import pytest

from helpers import OFFICE, fake_id
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.audit_chain import BREAK_CONTENT, BREAK_LINK
from unionDesk.domain.enums import ChangeKind
from unionDesk.domain.privacy import mask_id_number, mask_mobile
from unionDesk.services.audit import (
    Action,
    AuditFilter,
    audit_actors,
    query_audit,
    record_history,
    verify_chain,
)
from unionDesk.services.departments import add_department, delete_department, rename_department
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.members import (
    create_member,
    delete_member,
    get_member,
    record_change,
    update_member,
)
from unionDesk.store.db import Database

TODAY = date(2026, 11, 21)
CLERK = Actor(5, "clerk", Role.OFFICER)


def entries(db: Database):
    """Every entry, oldest first."""
    return list(reversed(query_audit(db, OFFICE, AuditFilter())))


def last(db: Database):
    return query_audit(db, OFFICE, AuditFilter(limit=1))[0]


def sql(db: Database, statement: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db.path)
    try:
        with connection:
            return connection.execute(statement, params).fetchall()
    finally:
        connection.close()


def audit_ids(db: Database) -> list[int]:
    return [row[0] for row in sql(db, "SELECT id FROM audit_entry ORDER BY id")]


@pytest.fixture
def member(db, make_draft) -> int:
    return create_member(db, CLERK, make_draft(), today=TODAY)


@pytest.fixture
def busy(db, make_draft) -> Database:
    """A database with some history: departments and members made, edited and removed."""
    company = add_department(db, OFFICE, None, "示范公司")
    workshop = add_department(db, OFFICE, company, "焊接车间")
    rename_department(db, CLERK, workshop, "装配车间")
    first = create_member(db, CLERK, make_draft(department_id=workshop), today=TODAY)
    update_member(db, OFFICE, first, make_draft(department_id=workshop, trade="焊工"), today=TODAY)
    second = create_member(
        db, OFFICE, make_draft(name="李娜", id_number=fake_id(125), card_number=""), today=TODAY
    )
    record_change(db, CLERK, second, ChangeKind.WITHDRAW, date(2020, 6, 1), "本人申请", today=TODAY)
    delete_member(db, OFFICE, first, "重复录入")
    return db


# --- what is written --------------------------------------------------------------------------


def test_create_member_writes_a_create_entry(db, member):
    entry = last(db)

    assert (entry.actor, entry.action, entry.record_type, entry.record_id) == (
        "clerk",
        Action.CREATE,
        "member",
        str(member),
    )
    assert entry.changes["name"] == [None, "张伟"]
    assert entry.changes["trade"] == [None, "钳工"]


def test_create_member_logs_id_and_mobile_masked(db, member, make_draft):
    draft = make_draft()

    changes = last(db).changes

    assert changes["id_number"] == [None, mask_id_number(draft.id_number)]
    assert changes["mobile"] == [None, mask_mobile(draft.mobile)]


def test_update_member_writes_only_the_changed_fields(db, member, make_draft):
    update_member(db, CLERK, member, make_draft(job_title="车间主任"), today=TODAY)

    entry = last(db)
    assert (entry.action, entry.record_id) == (Action.UPDATE, str(member))
    assert entry.changes == {"job_title": ["班组长", "车间主任"]}


def test_changing_the_id_number_logs_both_numbers_masked(db, member, make_draft):
    old, new = make_draft().id_number, fake_id(125)

    update_member(db, CLERK, member, make_draft(id_number=new), today=TODAY)

    assert last(db).changes["id_number"] == [mask_id_number(old), mask_id_number(new)]


def test_full_id_and_mobile_numbers_never_reach_the_audit_table(db, member, make_draft):
    new_id, new_mobile = fake_id(125), "13912345678"
    update_member(db, CLERK, member, make_draft(id_number=new_id, mobile=new_mobile), today=TODAY)
    get_member(db, OFFICE, member, reveal=True)

    dump = repr(sql(db, "SELECT * FROM audit_entry"))

    for number in (make_draft().id_number, new_id, make_draft().mobile, new_mobile):
        assert number not in dump


def test_changing_only_hidden_digits_of_the_mobile_is_still_logged(db, member, make_draft):
    """13800001234 → 13899991234 masks to the same 138****1234, but it is a change."""
    update_member(db, CLERK, member, make_draft(mobile="13899991234"), today=TODAY)

    assert "mobile" in last(db).changes


def test_status_change_writes_old_and_new_status(db, member):
    record_change(db, CLERK, member, ChangeKind.WITHDRAW, date(2020, 6, 1), "本人申请", today=TODAY)

    entry = last(db)
    assert (entry.actor, entry.action, entry.record_id) == (
        "clerk",
        Action.STATUS_CHANGE,
        str(member),
    )
    assert entry.changes == {"status": ["active", "withdrawn"]}
    assert "本人申请" in entry.summary


def test_delete_member_writes_a_delete_entry_with_the_reason(db, member):
    delete_member(db, CLERK, member, "重复录入")

    entry = last(db)
    assert (entry.actor, entry.action, entry.record_type, entry.record_id) == (
        "clerk",
        Action.DELETE,
        "member",
        str(member),
    )
    assert "重复录入" in entry.summary


def test_add_department_writes_a_create_entry(db):
    dept = add_department(db, CLERK, None, "示范公司")

    entry = last(db)
    assert (entry.actor, entry.action, entry.record_type, entry.record_id) == (
        "clerk",
        Action.CREATE,
        "department",
        str(dept),
    )
    assert entry.changes == {"name": [None, "示范公司"], "parent_id": [None, None]}


def test_rename_department_writes_old_and_new_name(db):
    dept = add_department(db, CLERK, None, "示范公司")

    rename_department(db, CLERK, dept, "示范集团")

    entry = last(db)
    assert (entry.action, entry.record_id) == (Action.UPDATE, str(dept))
    assert entry.changes == {"name": ["示范公司", "示范集团"]}


def test_delete_department_writes_a_delete_entry(db):
    dept = add_department(db, CLERK, None, "示范公司")

    delete_department(db, CLERK, dept)

    entry = last(db)
    assert (entry.action, entry.record_type, entry.record_id) == (
        Action.DELETE,
        "department",
        str(dept),
    )
    assert entry.changes == {"name": ["示范公司", None]}


def test_refused_edit_writes_no_entry(db, member, make_draft):
    before = audit_ids(db)

    with pytest.raises(ValidationFailed):
        update_member(db, CLERK, member, make_draft(name=""), today=TODAY)

    assert audit_ids(db) == before


@pytest.fixture
def beijing_time(monkeypatch):
    """The process runs in China Standard Time (UTC+8), so local and UTC differ."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_utc_and_local_times_are_the_same_instant(beijing_time, db, member):
    (at_utc, at_local) = sql(db, "SELECT at_utc, at_local FROM audit_entry ORDER BY id DESC")[0]
    utc, local = datetime.fromisoformat(at_utc), datetime.fromisoformat(at_local)

    assert utc.utcoffset() == timedelta(0)
    assert local.utcoffset() is not None
    assert abs(utc - local) < timedelta(seconds=1)
    assert local.utcoffset() == timedelta(hours=8)


def test_entries_are_in_time_order(busy):
    times = [datetime.fromisoformat(row[0]) for row in sql(busy, "SELECT at_utc FROM audit_entry")]

    assert times == sorted(times)


# --- the chain --------------------------------------------------------------------------------


def test_chain_of_a_fresh_database_with_activity_is_intact(busy):
    report = verify_chain(busy)

    assert report.ok
    assert report.checked == len(audit_ids(busy)) >= 8


def test_chain_of_an_empty_log_is_intact(db):
    assert verify_chain(db).ok


def test_edited_summary_is_detected_at_that_entry(busy):
    target = audit_ids(busy)[3]
    sql(busy, "UPDATE audit_entry SET summary = summary || '!' WHERE id = ?", target)

    report = verify_chain(busy)

    assert (report.ok, report.broken_id, report.reason) == (False, target, BREAK_CONTENT)


def test_edited_changes_are_detected_at_that_entry(busy):
    target = audit_ids(busy)[4]
    sql(busy, "UPDATE audit_entry SET changes = '{}' WHERE id = ?", target)

    assert (verify_chain(busy).broken_id, verify_chain(busy).reason) == (target, BREAK_CONTENT)


def test_edited_actor_of_the_first_entry_is_detected(busy):
    first = audit_ids(busy)[0]
    sql(busy, "UPDATE audit_entry SET actor = 'someone' WHERE id = ?", first)

    assert verify_chain(busy).broken_id == first


def test_deleted_middle_entry_is_detected_at_the_next_entry(busy):
    ids = audit_ids(busy)
    sql(busy, "DELETE FROM audit_entry WHERE id = ?", ids[3])

    report = verify_chain(busy)

    assert (report.ok, report.broken_id, report.reason) == (False, ids[4], BREAK_LINK)


def test_deleted_first_entry_is_detected_at_the_second(busy):
    ids = audit_ids(busy)
    sql(busy, "DELETE FROM audit_entry WHERE id = ?", ids[0])

    assert (verify_chain(busy).broken_id, verify_chain(busy).reason) == (ids[1], BREAK_LINK)


def test_deleting_the_last_entry_is_not_detectable_by_the_chain_alone(busy):
    """Known limit: a truncated chain is still a valid chain. Only an anchor kept elsewhere
    (the last hash and count, e.g. in backups) could show the tail was cut."""
    ids = audit_ids(busy)
    sql(busy, "DELETE FROM audit_entry WHERE id = ?", ids[-1])

    report = verify_chain(busy)

    assert report.ok
    assert report.checked == len(ids) - 1


def test_new_entries_after_a_deleted_tail_chain_on_the_new_last_entry(busy, make_draft):
    ids = audit_ids(busy)
    sql(busy, "DELETE FROM audit_entry WHERE id = ?", ids[-1])

    add_department(busy, OFFICE, None, "新公司")

    assert verify_chain(busy).ok


def test_swapped_contents_of_two_entries_are_detected(busy):
    ids = audit_ids(busy)
    a, b = ids[2], ids[3]
    summary_a, summary_b = (
        sql(busy, "SELECT summary FROM audit_entry WHERE id = ?", i)[0][0] for i in (a, b)
    )
    sql(busy, "UPDATE audit_entry SET summary = ? WHERE id = ?", summary_b, a)
    sql(busy, "UPDATE audit_entry SET summary = ? WHERE id = ?", summary_a, b)

    assert verify_chain(busy).broken_id == a


# --- queries ----------------------------------------------------------------------------------


def test_query_is_newest_first(busy):
    ids = [entry.id for entry in query_audit(busy, OFFICE, AuditFilter())]

    assert ids == sorted(ids, reverse=True)


def test_query_filters_by_actor(busy):
    found = query_audit(busy, OFFICE, AuditFilter(actor="clerk"))

    assert [e.action for e in reversed(found)] == [
        Action.UPDATE,
        Action.CREATE,
        Action.STATUS_CHANGE,
    ]
    assert {e.actor for e in found} == {"clerk"}


def test_query_filters_by_record_type(busy):
    found = query_audit(busy, OFFICE, AuditFilter(record_type="department"))

    assert len(found) == 3
    assert {e.record_type for e in found} == {"department"}


def test_query_combines_actor_and_record_type(busy):
    found = query_audit(busy, OFFICE, AuditFilter(actor="clerk", record_type="department"))

    assert [(e.action, e.summary) for e in found] == [(Action.UPDATE, "装配车间")]


def test_query_limit_keeps_the_newest(busy):
    found = query_audit(busy, OFFICE, AuditFilter(limit=2))

    assert [e.id for e in found] == audit_ids(busy)[-2:][::-1]


def backdate(db: Database) -> list[int]:
    """Give the first three entries local times on 18, 19 and 20 November 2026."""
    ids = audit_ids(db)
    for entry_id, stamp in zip(
        ids,
        ("2026-11-18T23:59:59+08:00", "2026-11-19T00:00:00+08:00", "2026-11-20T12:00:00+08:00"),
        strict=False,
    ):
        sql(db, "UPDATE audit_entry SET at_local = ? WHERE id = ?", stamp, entry_id)
    return ids


def test_query_since_a_date_includes_that_whole_day(busy):
    ids = backdate(busy)

    found = query_audit(busy, OFFICE, AuditFilter(since=date(2026, 11, 19)))

    assert ids[0] not in {e.id for e in found}
    assert {ids[1], ids[2]} <= {e.id for e in found}


def test_query_until_a_date_includes_that_whole_day(busy):
    ids = backdate(busy)

    found = query_audit(busy, OFFICE, AuditFilter(until=date(2026, 11, 19)))

    assert sorted(e.id for e in found) == ids[:2]


def test_query_between_two_dates(busy):
    ids = backdate(busy)

    found = query_audit(
        busy, OFFICE, AuditFilter(since=date(2026, 11, 19), until=date(2026, 11, 20))
    )

    assert sorted(e.id for e in found) == ids[1:3]


def test_audit_actors_lists_each_name_once(busy):
    assert audit_actors(busy, OFFICE) == ["clerk", "cli"]


def test_record_history_is_one_members_entries_oldest_first(db, make_draft):
    first = create_member(db, CLERK, make_draft(), today=TODAY)
    other = create_member(
        db, CLERK, make_draft(name="李娜", id_number=fake_id(125), card_number=""), today=TODAY
    )
    update_member(db, OFFICE, first, make_draft(trade="焊工"), today=TODAY)
    update_member(
        db,
        OFFICE,
        other,
        make_draft(name="李娜", id_number=fake_id(125), card_number="", trade="电工"),
        today=TODAY,
    )
    record_change(db, CLERK, first, ChangeKind.WITHDRAW, date(2020, 6, 1), "本人申请", today=TODAY)

    history = record_history(db, CLERK, "member", first)

    assert [e.action for e in history] == [Action.CREATE, Action.UPDATE, Action.STATUS_CHANGE]
    assert {e.record_id for e in history} == {str(first)}
    assert [e.id for e in history] == sorted(e.id for e in history)


def test_record_history_includes_unmasking(db, member):
    get_member(db, OFFICE, member, reveal=True)

    assert record_history(db, CLERK, "member", member)[-1].action is Action.UNMASK
