"""Honours members hold, against a real database: add, edit, delete, audit and the 劳模 flag."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import select

from helpers import OFFICE
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.eligibility import HeldHonour
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.member import MemberDraft
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.honours import (
    add_honour,
    delete_honour,
    held_honours,
    list_honours,
    model_worker_of,
    update_honour,
)
from unionDesk.services.members import create_member, delete_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.programs import create_program, draft_from_preset
from unionDesk.store.db import Database
from unionDesk.store.models import AuditEntry
from unionDesk.store.selection_models import Candidate, Honour

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)
VIEWER = Actor(5, "v", Role.VIEWER)
REVIEWER = Actor(6, "r", Role.REVIEWER)
DraftFactory = Callable[..., MemberDraft]

CITY_MODEL = HonourDraft("北京市劳动模范", HonourLevel.CITY, 2020, "北京市人民政府")
NATIONAL_MEDAL = HonourDraft("全国五一劳动奖章", HonourLevel.NATIONAL, 2023, "中华全国总工会")
DISTRICT_MODEL = HonourDraft("朝阳区先进工作者", HonourLevel.DISTRICT, 2018, "朝阳区人民政府")


@pytest.fixture
def member_id(db: Database, make_draft: DraftFactory) -> int:
    return create_member(db, OFFICE, make_draft(), today=TODAY)


def add(db: Database, member_id: int, draft: HonourDraft) -> int:
    return add_honour(db, OFFICE, member_id, draft, today=TODAY)


def honour_audit(db: Database) -> list[AuditEntry]:
    with db.read() as session:
        statement = select(AuditEntry).where(AuditEntry.record_type == "honour")
        return list(session.scalars(statement.order_by(AuditEntry.id)))


def test_an_added_honour_is_listed_with_cleaned_values(db, member_id):
    typed = HonourDraft("  北京市  劳动模范 ", HonourLevel.CITY, 2020, " 北京市人民政府", " 备注 ")

    honour_id = add(db, member_id, typed)

    [view] = list_honours(db, OFFICE, member_id)
    assert (view.id, view.member_id, view.won_in_program) == (honour_id, member_id, None)
    assert view.draft == HonourDraft(
        "北京市 劳动模范", HonourLevel.CITY, 2020, "北京市人民政府", "备注"
    )


def test_honours_are_listed_newest_year_first(db, member_id):
    for draft in (CITY_MODEL, NATIONAL_MEDAL, DISTRICT_MODEL):
        add(db, member_id, draft)

    years = [view.draft.year for view in list_honours(db, OFFICE, member_id)]

    assert years == [2023, 2020, 2018]


def test_adding_an_honour_is_audited_with_member_name_and_title(db, member_id):
    honour_id = add(db, member_id, CITY_MODEL)

    [entry] = honour_audit(db)
    assert (entry.action, entry.record_id, entry.summary) == (
        "create",
        str(honour_id),
        "张伟: 北京市劳动模范",
    )
    assert json.loads(entry.changes) == {
        "awarding_body": [None, "北京市人民政府"],
        "level": [None, "city"],
        "title": [None, "北京市劳动模范"],
        "year": [None, 2020],
    }


def test_an_invalid_honour_reports_every_field_and_is_not_saved(db, member_id):
    with pytest.raises(ValidationFailed) as caught:
        add(db, member_id, HonourDraft(" ", None, 2027, ""))

    assert set(caught.value.by_field()) == {"title", "level", "year", "awarding_body"}
    assert "The award year 2027 is not possible" in caught.value.by_field()["year"][0]
    assert list_honours(db, OFFICE, member_id) == []
    assert honour_audit(db) == []


def test_an_honour_cannot_be_added_to_a_deleted_or_missing_member(db, member_id):
    delete_member(db, OFFICE, member_id, "重复录入")

    with pytest.raises(NotFound, match="no longer on the register"):
        add(db, member_id, CITY_MODEL)
    with pytest.raises(NotFound):
        add(db, 999, CITY_MODEL)


def test_update_honour_saves_and_audits_the_changed_fields(db, member_id):
    honour_id = add(db, member_id, CITY_MODEL)
    corrected = HonourDraft("北京市劳动模范", HonourLevel.CITY, 2021, "北京市人民政府")

    update_honour(db, OFFICE, honour_id, corrected, today=TODAY)

    assert [view.draft for view in list_honours(db, OFFICE, member_id)] == [corrected]
    entry = honour_audit(db)[-1]
    assert (entry.action, entry.summary) == ("update", "张伟: 北京市劳动模范")
    assert json.loads(entry.changes) == {"year": [2020, 2021]}


def test_update_honour_checks_the_form(db, member_id):
    honour_id = add(db, member_id, CITY_MODEL)

    with pytest.raises(ValidationFailed) as caught:
        update_honour(db, OFFICE, honour_id, HonourDraft("", HonourLevel.CITY, 2020, "北京市"))

    assert list(caught.value.by_field()) == ["title"]
    assert [view.draft for view in list_honours(db, OFFICE, member_id)] == [CITY_MODEL]


def test_delete_honour_keeps_the_row_and_audits_the_reason(db, member_id):
    honour_id = add(db, member_id, CITY_MODEL)

    delete_honour(db, OFFICE, honour_id, "  录入错误 ")

    assert list_honours(db, OFFICE, member_id) == []
    with db.read() as session:
        honour = session.get(Honour, honour_id)
        assert honour is not None and honour.deleted_at is not None
    entry = honour_audit(db)[-1]
    assert (entry.action, entry.summary) == ("delete", "张伟: 北京市劳动模范: 录入错误")
    assert json.loads(entry.changes)["title"] == ["北京市劳动模范", None]


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("  ", "Enter why this honour is removed"),
        ("因" * 501, "This text has 501 characters, but at most 500 are allowed."),
    ],
)
def test_delete_honour_needs_a_reason_of_reasonable_length(db, member_id, reason, expected):
    honour_id = add(db, member_id, CITY_MODEL)

    with pytest.raises(ValidationFailed) as caught:
        delete_honour(db, OFFICE, honour_id, reason)

    assert expected in caught.value.by_field()["reason"][0]
    assert len(list_honours(db, OFFICE, member_id)) == 1


def test_a_deleted_honour_cannot_be_edited_or_deleted_again(db, member_id):
    honour_id = add(db, member_id, CITY_MODEL)
    delete_honour(db, OFFICE, honour_id, "录入错误")

    with pytest.raises(NotFound, match="no longer on record"):
        update_honour(db, OFFICE, honour_id, CITY_MODEL, today=TODAY)
    with pytest.raises(NotFound):
        delete_honour(db, OFFICE, honour_id, "再次删除")


def test_a_member_without_model_worker_honours_is_not_a_model_worker(db, member_id):
    add(db, member_id, NATIONAL_MEDAL)

    assert model_worker_of(db, OFFICE, member_id) is None


def test_model_worker_level_is_the_highest_model_worker_honour(db, member_id):
    for draft in (DISTRICT_MODEL, NATIONAL_MEDAL, CITY_MODEL):
        add(db, member_id, draft)

    # The national medal is higher but is not a 劳模 title.
    assert model_worker_of(db, OFFICE, member_id) is HonourLevel.CITY


def test_deleted_honours_do_not_count_for_the_model_worker_flag(db, member_id):
    add(db, member_id, DISTRICT_MODEL)
    city_id = add(db, member_id, CITY_MODEL)

    delete_honour(db, OFFICE, city_id, "证书有误")

    assert model_worker_of(db, OFFICE, member_id) is HonourLevel.DISTRICT


def test_held_honours_gives_the_live_honours_to_the_eligibility_check(db, member_id):
    add(db, member_id, DISTRICT_MODEL)
    add(db, member_id, NATIONAL_MEDAL)
    delete_honour(db, OFFICE, add(db, member_id, CITY_MODEL), "重复录入")

    with db.read() as session:
        held = held_honours(session, member_id)

    assert held == [
        HeldHonour("全国五一劳动奖章", HonourLevel.NATIONAL, 2023),
        HeldHonour("朝阳区先进工作者", HonourLevel.DISTRICT, 2018),
    ]


def test_an_honour_won_through_a_program_names_that_program(db, member_id):
    program_id = create_program(db, OFFICE, draft_from_preset("beijing_craftsman", 2025))
    with db.write() as session:
        candidate = Candidate(
            program_id=program_id,
            member_id=member_id,
            nominating_unit="第一车间",
            category="一线职工",
            state="approved",
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(candidate)
        session.flush()
        session.add(
            Honour(
                member_id=member_id,
                title="北京大工匠",
                level="city",
                year=2025,
                awarding_body="北京市总工会",
                notes="",
                candidate_id=candidate.id,
                created_at=NOW,
                updated_at=NOW,
            )
        )
    add(db, member_id, CITY_MODEL)

    views = list_honours(db, OFFICE, member_id)

    assert [(view.draft.title, view.won_in_program) for view in views] == [
        ("北京大工匠", program_id),
        ("北京市劳动模范", None),
    ]


def test_a_viewer_can_read_honours_but_not_change_them(db, member_id):
    honour_id = add(db, member_id, CITY_MODEL)

    assert [view.id for view in list_honours(db, VIEWER, member_id)] == [honour_id]
    assert model_worker_of(db, VIEWER, member_id) is HonourLevel.CITY
    with pytest.raises(PermissionDenied):
        add_honour(db, VIEWER, member_id, NATIONAL_MEDAL, today=TODAY)
    with pytest.raises(PermissionDenied):
        update_honour(db, VIEWER, honour_id, NATIONAL_MEDAL, today=TODAY)
    with pytest.raises(PermissionDenied):
        delete_honour(db, VIEWER, honour_id, "无权删除")


def test_a_reviewer_cannot_read_members_honours(db, member_id):
    with pytest.raises(PermissionDenied):
        list_honours(db, REVIEWER, member_id)
    with pytest.raises(PermissionDenied):
        model_worker_of(db, REVIEWER, member_id)


def test_listing_the_honours_of_a_missing_member_is_not_found(db):
    with pytest.raises(NotFound):
        list_honours(db, OFFICE, 4242)
