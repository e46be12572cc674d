"""Import template and register exports: real files, read back with openpyxl."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from activity_helpers import VIEWER, enter_members, make_competition, make_members, scores
from helpers import OFFICE, TODAY, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.enums import IdType, MemberStatus
from unionDesk.domain.ids import check_id_number
from unionDesk.domain.member import MEMBER_FIELDS
from unionDesk.reports.chinese import zh
from unionDesk.services.audit import Action, AuditFilter, AuditView, query_audit
from unionDesk.services.competition_entries import save_scores
from unionDesk.services.departments import add_department
from unionDesk.services.events import create_event, set_attendance
from unionDesk.services.member_import import plan_import
from unionDesk.services.members import MemberQuery, create_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.spreadsheets import (
    MEMBER_COLUMNS,
    export_competition,
    export_event,
    export_members,
    write_template,
)
from unionDesk.store.db import Database

OFFICER = Actor(61, "luyuan", Role.OFFICER)


def _rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    book = load_workbook(path)
    found = book[sheet] if sheet else book.worksheets[0]
    return [list(row) for row in found.iter_rows(values_only=True)]


def _audited(db: Database, action: Action) -> list[AuditView]:
    return [e for e in query_audit(db, OFFICE, AuditFilter()) if e.action == action.value]


def _header_index(header: str) -> int:
    return [title for title, _, _ in MEMBER_COLUMNS].index(header)


def test_the_template_has_every_field_an_example_and_drop_downs(tmp_path: Path) -> None:
    out = write_template(tmp_path / "模板.xlsx")
    book = load_workbook(out)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["姓名", "证件类型", "身份证号码"]
    covered = {field for _, field, _ in MEMBER_COLUMNS}
    assert covered == (set(MEMBER_FIELDS) - {"department_id"}) | {"department"}
    example = [cell.value for cell in sheet[2]]
    id_number = example[_header_index("身份证号码")]
    assert isinstance(id_number, str) and len(id_number) == 18
    assert check_id_number(IdType.RESIDENT_ID, id_number, today=TODAY).number == id_number
    assert sheet.cell(row=2, column=_header_index("身份证号码") + 1).number_format == "@"
    assert sheet.cell(row=500, column=_header_index("手机号码") + 1).number_format == "@"
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    political = f"H2:H{2001}"
    assert political in lists
    options = book["选项"]
    assert options.sheet_state == "hidden"
    choices = [row[7] for row in options.iter_rows(values_only=True) if row[7]]
    assert "群众" in choices  # labels in Chinese, from the shipped catalogue
    assert len(choices) == 6
    ethnic = [row[5] for row in options.iter_rows(values_only=True) if row[5]]
    assert len(ethnic) == 56


def test_members_export_follows_the_filter_and_masks_numbers(db: Database, tmp_path: Path) -> None:
    workshop = add_department(db, OFFICE, None, "一车间")
    inside = create_member(
        db, OFFICE, member_draft(department_id=workshop, card_number="GH-1"), today=TODAY
    )
    create_member(
        db,
        OFFICE,
        member_draft(name="李娜", id_number=fake_id(124), card_number="GH-2"),
        today=TODAY,
    )
    assert inside
    count = export_members(db, OFFICER, tmp_path / "会员.xlsx", MemberQuery(department_id=workshop))
    rows = _rows(tmp_path / "会员.xlsx")
    assert count == 1 and len(rows) == 2
    assert rows[0][-1] == "会籍状态"
    line = dict(zip(rows[0], rows[1], strict=True))
    assert line["姓名"] == "张伟"
    assert line["身份证号码"] == "110105********" + fake_id()[-4:]
    assert line["手机号码"] == "138****1234"
    assert line["部门"] == "一车间"
    assert line["入会时间"] == datetime(2015, 3, 1)
    assert line["是否农民工"] == "否"
    book = load_workbook(tmp_path / "会员.xlsx")
    assert book.worksheets[0].cell(row=2, column=_header_index("身份证号码") + 1).data_type == "s"
    exports = _audited(db, Action.EXPORT)
    assert [e.summary for e in exports] == ["1 → 会员.xlsx"]
    assert _audited(db, Action.UNMASK) == []


def test_full_numbers_need_the_permission_and_are_audited(db: Database, tmp_path: Path) -> None:
    create_member(db, OFFICE, member_draft(), today=TODAY)
    with pytest.raises(PermissionDenied):
        export_members(db, OFFICER, tmp_path / "a.xlsx", MemberQuery(), full_ids=True)
    assert not (tmp_path / "a.xlsx").exists()
    allowed = Actor(62, "zhuxi", Role.OFFICER, can_unmask=True)
    assert export_members(db, allowed, tmp_path / "b.xlsx", MemberQuery(), full_ids=True) == 1
    rows = _rows(tmp_path / "b.xlsx")
    assert rows[1][_header_index("身份证号码")] == fake_id()
    unmasked = _audited(db, Action.UNMASK)
    assert [(e.actor, e.summary) for e in unmasked] == [("zhuxi", "1 → b.xlsx")]


def test_a_status_filter_leaves_out_other_members(db: Database, tmp_path: Path) -> None:
    create_member(db, OFFICE, member_draft(), today=TODAY)
    query = MemberQuery(status=MemberStatus.WITHDRAWN)
    assert export_members(db, OFFICE, tmp_path / "x.xlsx", query) == 0
    assert _rows(tmp_path / "x.xlsx") == [[title for title, _, _ in MEMBER_COLUMNS] + ["会籍状态"]]


def test_competition_export_has_scores_totals_ranks_and_prizes(
    db: Database, tmp_path: Path
) -> None:
    competition = make_competition(db)
    members = make_members(db, 2)
    first, second = enter_members(db, competition, members)
    save_scores(db, OFFICE, competition, {first: scores("80", "90"), second: scores("60", "70")})
    count = export_competition(db, VIEWER, tmp_path / "竞赛.xlsx", competition)
    book = load_workbook(tmp_path / "竞赛.xlsx")
    assert book.sheetnames == ["2026年数控车工技能竞赛"]
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert count == 2
    assert rows[0][:4] == ["序号", "姓名/队名", "部门", "队员"]
    assert rows[0][-3:] == ["总分", "名次", "奖项"]
    assert rows[1][1] == "王建国" and rows[1][-2] == 1
    total = Decimal("80") * Decimal("0.3") + Decimal("90") * Decimal("0.7")
    assert rows[1][-3] == float(total)
    assert rows[2][-2] == 2
    assert rows[1][-1] != "" and rows[2][-1] != ""


def test_event_export_lists_the_attendees(db: Database, tmp_path: Path) -> None:
    draft = EventDraft(
        event_type=EventType.READING,
        title="读书分享会：春/夏",
        starts_at=datetime(2026, 4, 23, 14, 0),
        ends_at=None,
        venue="职工书屋",
        organiser="工会办公室",
        hours=Decimal("2"),
    )
    event = create_event(db, OFFICE, draft, now=datetime(2026, 11, 21, 9, 0))
    members = make_members(db, 3)
    set_attendance(db, OFFICE, event, members[:2])
    assert export_event(db, VIEWER, tmp_path / "活动.xlsx", event) == 2
    book = load_workbook(tmp_path / "活动.xlsx")
    assert book.sheetnames == ["读书分享会：春 夏"]
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert rows[0] == ["序号", "姓名", "部门", "会员证号"]
    assert sorted(r[1] for r in rows[1:]) == sorted(["王建国", "李建国"])
    assert {r[3] for r in rows[1:]} == {"GH-A-00301", "GH-A-00303"}


def test_the_template_example_row_imports_cleanly(db: Database, tmp_path: Path) -> None:
    out = write_template(tmp_path / "模板.xlsx")
    plan = plan_import(db, OFFICE, out, translate=zh, today=TODAY)
    assert set(plan.header.columns.values()) == {field for _, field, _ in MEMBER_COLUMNS}
    assert [row.problems for row in plan.rows] == [()]
    assert (plan.new, plan.errors, plan.new_departments) == (1, 0, ("生产部", "生产部/一车间"))


def test_a_full_export_imports_again_as_the_same_members(db: Database, tmp_path: Path) -> None:
    workshop = add_department(db, OFFICE, None, "一车间")
    create_member(db, OFFICE, member_draft(department_id=workshop, hardship=True), today=TODAY)
    create_member(
        db,
        OFFICE,
        member_draft(name="李娜", id_number=fake_id(124), card_number="GH-2"),
        today=TODAY,
    )
    export_members(db, OFFICE, tmp_path / "全部.xlsx", MemberQuery(), full_ids=True)
    plan = plan_import(db, OFFICE, tmp_path / "全部.xlsx", translate=zh, today=TODAY)
    assert (plan.new, plan.update, plan.skip, plan.errors) == (0, 0, 2, 0)
    assert plan.new_departments == ()
