"""Member import against real files (openpyxl, csv) and a real SQLite database: dry run, commit,
duplicates, existing members, departments, cancel, the error report and remembered mappings."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from helpers import OFFICE
from import_helpers import (
    HEADER,
    TITLE,
    TODAY,
    fake_id,
    member_row,
    member_rows,
    write_csv,
    write_not_a_zip,
    write_xlsx,
)
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.enums import ChangeKind, PoliticalStatus
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.audit import verify_chain
from unionDesk.services.database import create_database
from unionDesk.services.departments import add_department, all_departments
from unionDesk.services.errors import ServiceError, ValidationFailed
from unionDesk.services.import_files import UnreadableImport
from unionDesk.services.import_report import write_error_report
from unionDesk.services.member_import import (
    ImportCancelled,
    commit_import,
    plan_import,
    remember_columns,
    remembered_columns,
)
from unionDesk.services.members import create_member, get_member, record_change
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.models import AuditEntry, Department, Member, MembershipChange

VIEWER = Actor(7, "viewer", Role.VIEWER)
ID_COLUMN = HEADER.index("身份证号码")


def zh(context: str, text: str) -> str:
    """A stand-in for the Chinese UI: only the report's column title is translated."""
    return "错误原因" if (context, text) == ("Import", "Error reason") else text


def members(db) -> dict[str, Member]:
    with db.read() as session:
        found = session.scalars(select(Member).where(Member.deleted_at.is_(None))).all()
        return {m.id_number: m for m in found}


def audit_count(db, action: str | None = None) -> int:
    with db.read() as session:
        query = select(func.count()).select_from(AuditEntry)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        return session.scalar(query) or 0


def valid_rows(count: int) -> list[list[object]]:
    """``count`` valid rows (``member_rows`` makes people too young to join beyond 240 rows)."""
    return [member_row(i, 身份证号码=fake_id(i, birth=date(1980, 1, 1))) for i in range(count)]


def plan(db, path: Path, **options):
    return plan_import(db, OFFICE, path, today=TODAY, **options)


def department_paths(db) -> set[str]:
    return {node.path for node in all_departments(db)}


@pytest.fixture
def workshop(db) -> int:
    root = add_department(db, OFFICE, None, "测试机械厂")
    return add_department(db, OFFICE, root, "生产车间")


def test_wps_roster_with_title_numeric_id_and_mixed_dates(db, tmp_path, workshop):
    rows = [
        member_row(1, 入会时间=43895),  # Excel serial: 2020-03-05
        member_row(2, 入会时间="2020年3月5日"),
        member_row(3, 入会时间=datetime(2020, 3, 5)),
        member_row(4, 入会时间="2020/3/5", 身份证号码=f" {fake_id(4).lower()} "),
        member_row(5, 身份证号码=float(fake_id(5)[:17] + "0")),  # how Excel stores a number
        member_row(6, 入会时间="2099-01-01"),
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", rows, title=TITLE)

    result = plan(db, path)

    assert (result.new, result.update, result.skip, result.errors) == (4, 0, 0, 2)
    assert result.header.row_index == 1  # the merged title row is skipped
    assert result.new_departments == ()
    problems = {p.row: p for r in result.rows for p in r.problems}
    assert set(problems) == {7, 8}  # sheet rows: title 1, header 2, data from 3
    assert problems[7].column == "身份证号码"
    assert "as a number" in problems[7].reason.render()
    assert problems[8].column == "入会时间"
    assert problems[8].value == "2099-01-01"
    assert members(db) == {}  # a dry run writes nothing

    done = commit_import(db, OFFICE, result)

    assert (done.created, done.updated, done.skipped, done.errors) == (4, 0, 0, 2)
    stored = members(db)
    assert set(stored) == {fake_id(i) for i in (1, 2, 3, 4)}
    assert {m.join_date for m in stored.values()} == {date(2020, 3, 5)}
    assert {m.department_id for m in stored.values()} == {workshop}
    assert audit_count(db, "create") == 2 + 4  # two departments, then one entry per member


def test_gb18030_csv_imports_like_xlsx(db, tmp_path, workshop):
    path = write_csv(tmp_path / "名单.csv", member_rows(3), encoding="gb18030")

    done = commit_import(db, OFFICE, plan(db, path))

    assert done.created == 3
    assert {m.name for m in members(db).values()} == {member_row(i)[1] for i in range(3)}


def test_duplicate_rows_in_the_file_are_reported_and_imported_once(db, tmp_path, workshop):
    rows = [member_row(1), member_row(2), member_row(1, 手机号码="13800009999")]
    path = write_xlsx(tmp_path / "dup.xlsx", rows)

    result = plan(db, path)

    assert result.duplicates_in_file == ((2, 4),)
    assert (result.new, result.errors) == (2, 1)
    [bad] = [r for r in result.rows if r.problems]
    assert bad.row == 4 and bad.draft is None
    assert bad.problems[0].reason.render() == (
        "This ID number is already in row 2 of the file. Keep one of the two rows."
    )
    commit_import(db, OFFICE, result)
    assert members(db)[fake_id(1)].mobile == member_row(1)[HEADER.index("手机号码")]


def test_existing_members_are_skipped_or_updated_keeping_blank_cells(db, tmp_path, workshop):
    first = write_xlsx(tmp_path / "first.xlsx", [member_row(1, 政治面貌="中共党员"), member_row(2)])
    commit_import(db, OFFICE, plan(db, first))
    again = [member_row(1, 政治面貌="", 手机号码="13800007777"), member_row(2), member_row(3)]
    second = write_xlsx(tmp_path / "second.xlsx", again)

    skipping = plan(db, second)
    assert (skipping.new, skipping.update, skipping.skip) == (1, 0, 2)
    assert set(skipping.existing) == {2, 3}
    updating = plan(db, second, update_existing=True)
    assert (updating.new, updating.update, updating.skip) == (1, 1, 1)  # row 3 is unchanged

    audits = audit_count(db, "update")
    done = commit_import(db, OFFICE, updating, update_existing=True)

    assert (done.created, done.updated, done.skipped) == (1, 1, 1)
    one = members(db)[fake_id(1)]
    assert one.mobile == "13800007777"
    assert one.political_status == PoliticalStatus.CPC_MEMBER.value  # the blank cell kept it
    assert audit_count(db, "update") == audits + 1


def test_skip_by_default_even_with_changed_values(db, tmp_path, workshop):
    commit_import(db, OFFICE, plan(db, write_xlsx(tmp_path / "a.xlsx", [member_row(1)])))
    changed = write_xlsx(tmp_path / "b.xlsx", [member_row(1, 手机号码="13800006666")])

    done = commit_import(db, OFFICE, plan(db, changed))

    assert (done.created, done.updated, done.skipped) == (0, 0, 1)
    assert members(db)[fake_id(1)].mobile == member_row(1)[HEADER.index("手机号码")]


def test_card_number_of_another_member_is_an_error(db, tmp_path, make_draft):
    create_member(db, OFFICE, make_draft(card_number="GH-1"), today=TODAY)
    header = (*HEADER[:-1], "会员证号", "入会时间")
    row = [*member_row(1)[:-1], "gh-1", "2012-03-05"]
    path = write_xlsx(tmp_path / "card.xlsx", [row], header=header)

    result = plan(db, path)

    assert result.errors == 1
    [found] = result.rows[0].problems
    assert found.column == "会员证号"
    assert found.reason.render() == (
        "Card number GH-1 already belongs to 张伟. Each member needs their own card number."
    )


def test_new_departments_need_confirmation_and_are_created_audited(db, tmp_path):
    root = add_department(db, OFFICE, None, "测试机械厂")
    add_department(db, OFFICE, root, "生产车间")
    rows = [
        member_row(1, 所在部门="生产车间"),
        member_row(2, 所在部门="装配车间/一班"),
        member_row(3, 所在部门="测试机械厂／装配车间"),  # full-width slash, full path
    ]
    result = plan(db, write_xlsx(tmp_path / "d.xlsx", rows))
    assert result.new_departments == ("测试机械厂/装配车间", "测试机械厂/装配车间/一班")
    assert result.errors == 0

    with pytest.raises(ServiceError) as refused:
        commit_import(db, OFFICE, result)
    assert "not in the tree yet" in refused.value.problem.render()
    assert members(db) == {}

    commit_import(db, OFFICE, result, create_departments=True)

    assert department_paths(db) == {
        "测试机械厂",
        "测试机械厂/生产车间",
        "测试机械厂/装配车间",
        "测试机械厂/装配车间/一班",
    }
    ids = {node.path: node.id for node in all_departments(db)}
    stored = members(db)
    assert stored[fake_id(2)].department_id == ids["测试机械厂/装配车间/一班"]
    assert stored[fake_id(3)].department_id == ids["测试机械厂/装配车间"]


def test_ambiguous_and_too_deep_departments_are_row_errors(db, tmp_path):
    root = add_department(db, OFFICE, None, "测试机械厂")
    for workshop in ("一车间", "二车间"):
        add_department(db, OFFICE, add_department(db, OFFICE, root, workshop), "电焊班")
    rows = [
        member_row(1, 所在部门="电焊班"),
        member_row(2, 所在部门="二车间/电焊班"),
        member_row(3, 所在部门="二车间/电焊班/甲组"),
        member_row(4, 所在部门=" / "),
    ]

    result = plan(db, write_xlsx(tmp_path / "amb.xlsx", rows))

    assert (result.new, result.errors) == (1, 3)
    reasons = {p.row: p.reason.render() for r in result.rows for p in r.problems}
    assert reasons[2].startswith("More than one department is named “电焊班”")
    assert "at most three levels" in reasons[4]
    assert reasons[5].startswith("“/” is not in the department tree")
    assert all(p.column == "所在部门" for r in result.rows for p in r.problems)


def test_cancel_during_commit_leaves_the_database_unchanged(db, tmp_path, workshop):
    result = plan(db, write_xlsx(tmp_path / "many.xlsx", valid_rows(450)))
    before = audit_count(db)
    calls = iter(range(10_000))

    with pytest.raises(ImportCancelled):
        commit_import(db, OFFICE, result, cancelled=lambda: next(calls) >= 2)  # after 400 rows

    assert members(db) == {}
    assert audit_count(db) == before


def test_cancel_during_plan_and_progress(db, tmp_path, workshop):
    path = write_xlsx(tmp_path / "many.xlsx", valid_rows(450))
    with pytest.raises(ImportCancelled):
        plan(db, path, cancelled=lambda: True)
    seen: list[tuple[int, int]] = []

    result = plan(db, path, progress=lambda done, total: seen.append((done, total)))

    assert result.new == 450
    assert seen[0] == (0, 450) and seen[-1] == (450, 450)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    committed: list[tuple[int, int]] = []
    commit_import(db, OFFICE, result, progress=lambda *step: committed.append(step))
    assert committed[-1] == (450, 450)


def test_commit_refuses_when_the_register_changed_since_the_plan(
    db, tmp_path, workshop, make_draft
):
    rows = [member_row(1), member_row(2, 身份证号码=make_draft().id_number, 性别="男")]
    result = plan(db, write_xlsx(tmp_path / "race.xlsx", rows))
    assert result.new == 2
    create_member(db, OFFICE, make_draft(), today=TODAY)  # another user, meanwhile

    with pytest.raises(ServiceError) as refused:
        commit_import(db, OFFICE, result)

    assert "changed since the preview" in refused.value.problem.render()
    assert set(members(db)) == {make_draft().id_number}


def test_no_header_row_and_explicit_column_mapping(db, tmp_path, workshop):
    path = write_xlsx(
        tmp_path / "plain.xlsx",
        [["列1", "列2", "列3"], *[[r[1], r[ID_COLUMN], r[-1]] for r in member_rows(2)]],
        header=None,
    )
    with pytest.raises(ValidationFailed) as failed:
        plan(db, path)
    assert "No header row was found in the first 20 rows" in str(failed.value)
    with pytest.raises(ValidationFailed):
        plan(db, path, columns={0: "name", 2: "join_date"})

    result = plan(db, path, columns={0: "name", 1: "id_number", 2: "join_date"})

    assert result.errors == 2  # the ethnic group is required and missing
    assert {p.column for r in result.rows for p in r.problems} == {"民族"}
    mapped = plan(
        db,
        write_xlsx(tmp_path / "odd.xlsx", member_rows(2), header=[f"第{i}列" for i in range(11)]),
        columns={1: "name", 3: "ethnicity", 4: "id_number", 10: "join_date"},
    )
    assert (mapped.new, mapped.errors) == (2, 0)


def test_unreadable_file_writes_nothing(db, tmp_path):
    with pytest.raises(UnreadableImport):
        plan(db, write_not_a_zip(tmp_path / "fake.xlsx"))
    assert members(db) == {}


def test_viewers_may_not_import(db, tmp_path):
    with pytest.raises(PermissionDenied):
        plan_import(db, VIEWER, write_xlsx(tmp_path / "a.xlsx", member_rows(1)), today=TODAY)


def test_error_report_can_be_fixed_and_imported_again(db, tmp_path, workshop):
    rows = [member_row(1), member_row(2, 民族="火星族"), member_row(3, 身份证号码=fake_id(3)[:-1])]
    path = write_xlsx(tmp_path / "in.xlsx", rows, title=TITLE, text_columns=[ID_COLUMN])
    result = plan(db, path)
    commit_import(db, OFFICE, result)

    report = write_error_report(result, tmp_path / "out" / "errors.xlsx", translate=zh)

    sheet = openpyxl.load_workbook(report).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == [*HEADER, "错误原因"]
    assert [row[1] for row in values[1:]] == [r[1] for r in rows]
    assert values[1][-1] is None
    assert values[2][-1].startswith("民族: “火星族” is not one of the 56 ethnic groups")
    assert values[2][-1].endswith("(火星族)")
    assert values[3][-1].startswith("身份证号码: ")
    assert sheet.cell(row=3, column=ID_COLUMN + 1).number_format == "@"
    assert isinstance(sheet.cell(row=3, column=ID_COLUMN + 1).value, str)

    book = openpyxl.load_workbook(report)  # the officer fixes the two cells and saves
    book.active.cell(row=3, column=HEADER.index("民族") + 1).value = "回族"
    book.active.cell(row=4, column=ID_COLUMN + 1).value = fake_id(3)
    book.save(tmp_path / "fixed.xlsx")
    again = plan(db, tmp_path / "fixed.xlsx")
    assert (again.new, again.skip, again.errors) == (2, 1, 0)
    commit_import(db, OFFICE, again)
    assert set(members(db)) == {fake_id(i) for i in (1, 2, 3)}
    assert members(db)[fake_id(2)].ethnicity == "03"


def test_remembered_columns_round_trip(db):
    headers = ["姓名 ", "号码", "入会"]
    assert remembered_columns(db, headers) is None

    remember_columns(db, OFFICE, headers, {0: "name", 1: "id_number", 2: "join_date"})

    assert remembered_columns(db, ["姓名", "号码", "入会"]) == {
        0: "name",
        1: "id_number",
        2: "join_date",
    }
    assert remembered_columns(db, ["姓名", "号码"]) is None
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "settings"
    assert json.loads(entry.changes)[entry.record_id][1] == json.dumps(
        {"0": "name", "1": "id_number", "2": "join_date"}
    )


def test_sex_is_checked_against_the_id_number(db, tmp_path, workshop):
    result = plan(db, write_xlsx(tmp_path / "sex.xlsx", [member_row(1, 性别="女")]))
    [found] = result.rows[0].problems
    assert found.column == "性别"  # fake_id(1) has an odd sequence: a man
    assert found.reason.render().startswith("The ID number belongs to a man, but Female")


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=25))
def test_any_mix_of_repeats_imports_each_person_once(tmp_path_factory, picks):
    folder = tmp_path_factory.mktemp("prop")
    database = create_database(
        resolve_paths(folder / "data"), "测试工会", compose_uscc("91110105MA01ABCD1")
    )
    try:
        rows = [member_row(i, 所在部门="") for i in picks]
        result = plan_import(database, OFFICE, write_xlsx(folder / "p.xlsx", rows), today=TODAY)
        done = commit_import(database, OFFICE, result)
        assert done.created == result.new == len(set(picks))
        assert result.errors == len(picks) - len(set(picks))
        assert set(members(database)) == {fake_id(i) for i in picks}
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Department)) == 0
    finally:
        database.close()


def test_get_member_after_import_shows_masked_numbers(db, tmp_path, workshop):
    commit_import(db, OFFICE, plan(db, write_xlsx(tmp_path / "m.xlsx", [member_row(1)])))
    detail = get_member(db, OFFICE, members(db)[fake_id(1)].id)
    assert detail.draft.id_number == fake_id(1)[:6] + "********" + fake_id(1)[-4:]


def test_each_imported_member_is_audited_masked_and_the_chain_holds(db, tmp_path, workshop):
    commit_import(db, OFFICE, plan(db, write_xlsx(tmp_path / "a.xlsx", valid_rows(3))))

    assert verify_chain(db).ok
    with db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.record_type == "member").order_by(AuditEntry.id)
        ).all()
        by_number = {m.id_number: m.id for m in session.scalars(select(Member))}
    assert [e.action for e in entries] == ["create"] * 3
    first = json.loads(entries[0].changes)
    number = fake_id(0, birth=date(1980, 1, 1))
    assert entries[0].record_id == str(by_number[number])
    assert first["id_number"] == [None, number[:6] + "********" + number[-4:]]
    assert first["join_date"] == [None, "2012-03-05"]
    with db.read() as session:
        joins = session.scalars(select(MembershipChange)).all()
    assert sorted((c.member_id, c.kind) for c in joins) == sorted(
        (member_id, "join") for member_id in by_number.values()
    )


def test_update_that_moves_the_join_after_a_later_change_is_a_row_error(db, tmp_path, workshop):
    commit_import(db, OFFICE, plan(db, write_xlsx(tmp_path / "a.xlsx", [member_row(1)])))
    member_id = members(db)[fake_id(1)].id
    record_change(db, OFFICE, member_id, ChangeKind.TRANSFER_OUT, date(2015, 1, 1), "调往分厂")
    later_join = write_xlsx(tmp_path / "b.xlsx", [member_row(1, 入会时间="2016-01-01")])

    result = plan(db, later_join, update_existing=True)

    assert (result.update, result.errors) == (0, 1)
    [found] = result.rows[0].problems
    assert (found.column, found.value) == ("入会时间", "2016-01-01")
    assert found.reason.render() == (
        "The join date cannot be after a later membership change (2015-01-01)."
    )
