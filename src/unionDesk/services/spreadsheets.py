"""Excel files officers fill in or receive: the import template and the register exports.

The files are Chinese working documents whatever language the app is shown in, like the returns:
headers are fixed Chinese texts and values are labelled through ``reports.chinese.zh``. The
member columns are the ones the importer recognises, so an exported register (with full ID
numbers) can be corrected and imported again. ID, mobile and card numbers are written as text
cells (format ``@``) so Excel never turns them into rounded numbers.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.competition import competition_label
from unionDesk.domain.enums import (
    ETHNIC_GROUPS,
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    MemberStatus,
    PoliticalStatus,
    Sex,
    SkillLevel,
    ethnicity_label,
    label,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.member_import import ENUM_FIELDS
from unionDesk.domain.privacy import mask_id_number, mask_mobile
from unionDesk.reports.chinese import zh
from unionDesk.services.audit import Action, record
from unionDesk.services.competitions import entry_sheet, get_competition
from unionDesk.services.departments import all_departments, display_paths
from unionDesk.services.events import attendance_rows, get_event
from unionDesk.services.file_store import save_document
from unionDesk.services.members import MemberQuery, query_member_ids
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Member

TEXT_FORMAT = "@"
CHUNK = 2000  # members loaded per query while exporting
TEMPLATE_ROWS = 2000  # rows of the template that carry the drop-down lists
YES, NO = "是", "否"
# (header, MemberDraft field or "department", text column); the order of the template.
MEMBER_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("姓名", "name", False),
    ("证件类型", "id_type", False),
    ("身份证号码", "id_number", True),
    ("性别", "sex", False),
    ("出生日期", "birth_date", False),
    ("民族", "ethnicity", False),
    ("手机号码", "mobile", True),
    ("政治面貌", "political_status", False),
    ("学历", "education", False),
    ("技能等级", "skill_level", False),
    ("工种", "trade", False),
    ("职务", "job_title", False),
    ("户籍", "hukou_region", False),
    ("户口性质", "hukou_nature", False),
    ("是否农民工", "migrant_worker", False),
    ("参加工作时间", "work_start_date", False),
    ("入会时间", "join_date", False),
    ("会员证号", "card_number", True),
    ("部门", "department", False),
    ("是否困难职工", "hardship", False),
    ("备注", "notes", False),
)
STATUS_HEADER = "会籍状态"
_WIDTHS = {"id_number": 22, "mobile": 15, "card_number": 16, "department": 24, "notes": 30}
_SHEET_NAME_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})


def write_template(out: Path) -> Path:
    """Write the member import template: headers, one example row and drop-down lists.

    Fixed-vocabulary columns offer their values in a drop-down (kept on a hidden sheet
    "选项"); ID, mobile and card number columns are formatted as text.

    Returns:
        ``out``.
    """
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "会员名册"
    sheet.append([header for header, _, _ in MEMBER_COLUMNS])
    sheet.append(_example_row())
    _style_member_sheet(sheet, rows=TEMPLATE_ROWS)
    options = book.create_sheet("选项")
    options.sheet_state = "hidden"
    for index, (_, field, _) in enumerate(MEMBER_COLUMNS, start=1):
        choices = _choices(field)
        if not choices:
            continue
        option_letter = get_column_letter(index)
        for row, choice in enumerate(choices, start=1):
            options.cell(row=row, column=index, value=choice)
        source = (
            f"{quote_sheetname(options.title)}!${option_letter}$1:${option_letter}${len(choices)}"
        )
        validation = DataValidation(type="list", formula1=source, allow_blank=True)
        validation.error = "请从下拉列表中选择。"
        validation.showErrorMessage = True
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
    save_document(book, out)
    return out


def export_members(
    db: Database, actor: Actor, out: Path, query: MemberQuery, *, full_ids: bool = False
) -> int:
    """Write the members ``query`` selects (the register's current filter) to ``out``.

    ID and mobile numbers are masked unless ``full_ids`` is asked by a user allowed to unmask;
    the export, and the unmasking, are audited.

    Returns:
        The number of members written.

    Raises:
        PermissionDenied: the actor may not view the register, or not unmask when asked to.
    """
    if full_ids:
        require(actor, Permission.UNMASK)
    _refuse_missing_folder(out)
    ids = query_member_ids(db, actor, query)
    departments = display_paths(all_departments(db))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员名册")
    for index, (_, field, _) in enumerate(MEMBER_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(field, 12)
    sheet.append([header for header, _, _ in MEMBER_COLUMNS] + [STATUS_HEADER])
    for member in _members(db, ids):
        values = _member_values(member, departments, full_ids=full_ids)
        sheet.append(_text_cells(sheet, values))
    save_document(book, out)
    summary = f"{len(ids)} → {out.name}"
    with db.write() as session:
        record(session, actor, Action.EXPORT, "member", "", summary)
        if full_ids:
            record(session, actor, Action.UNMASK, "member", "", summary)
    return len(ids)


def export_competition(db: Database, actor: Actor, out: Path, competition_id: int) -> int:
    """Write a competition's entries with their scores, totals, ranks and prizes.

    Returns:
        The number of entries written.

    Raises:
        NotFound: the competition was deleted.
    """
    draft = get_competition(db, actor, competition_id).draft
    sheet_data = entry_sheet(db, actor, competition_id)
    lines = sheet_data.scheme.lines
    rubric = sheet_data.scheme.pass_threshold is not None
    headers = ["序号", "姓名/队名", "部门", "队员", *(line.name for line in lines), "总分", "名次"]
    headers += ["奖项", *(["是否达标"] if rubric else [])]
    rows: list[list[object]] = []
    for number, entry in enumerate(sheet_data.rows, start=1):
        row: list[object] = [number, entry.name, entry.department, "、".join(entry.team_members)]
        row += [_number(entry.values.get(line.key)) for line in lines]
        row += [_number(entry.total), _rank(entry.rank, entry.tied)]
        row.append(competition_label(entry.prize, zh) if entry.prize else "")
        if rubric:
            row.append("" if entry.passed is None else _yes_no(entry.passed))
        rows.append(row)
    _write_list(out, draft.name, headers, rows)
    _audit_export(db, actor, "competition", competition_id, f"{len(rows)} → {out.name}")
    return len(rows)


def export_event(db: Database, actor: Actor, out: Path, event_id: int) -> int:
    """Write an event's attendance list (members on the register, by name).

    Returns:
        The number of attendees written.

    Raises:
        NotFound: the event was deleted.
    """
    title = get_event(db, actor, event_id).draft.title
    attendees = attendance_rows(db, actor, event_id)
    rows: list[list[object]] = [
        [number, row.name, row.department, row.card_number]
        for number, row in enumerate(attendees, start=1)
    ]
    _write_list(out, title, ["序号", "姓名", "部门", "会员证号"], rows, text_columns={3})
    _audit_export(db, actor, "event", event_id, f"{len(rows)} → {out.name}")
    return len(rows)


def _example_row() -> list[object]:
    """A complete, valid example member (a composed ID number that belongs to nobody)."""
    birth = date(1990, 3, 7)
    values: dict[str, object] = {
        "name": "张三",
        "id_type": label(IdType.RESIDENT_ID, zh),
        "id_number": compose_resident_id("110105", birth, 131),
        "sex": label(Sex.MALE, zh),
        "birth_date": birth,
        "ethnicity": ethnicity_label("01", zh),
        "mobile": "13800000000",
        "political_status": label(PoliticalStatus.MASSES, zh),
        "education": label(Education.SENIOR_MIDDLE, zh),
        "skill_level": label(SkillLevel.SENIOR, zh),
        "trade": "钳工",
        "job_title": "班组长",
        "hukou_region": label(HukouRegion.LOCAL, zh),
        "hukou_nature": label(HukouNature.NON_AGRICULTURAL, zh),
        "migrant_worker": NO,
        "work_start_date": date(2010, 7, 1),
        "join_date": date(2012, 3, 5),
        "card_number": "GH-2012-0001",
        "department": "生产部/一车间",
        "hardship": NO,
        "notes": "示例行，导入前请删除",
    }
    return [values[field] for _, field, _ in MEMBER_COLUMNS]


def _choices(field: str) -> list[str]:
    if field in ENUM_FIELDS:
        return [label(member, zh) for member in ENUM_FIELDS[field]]
    if field == "ethnicity":
        return [ethnicity_label(code, zh) for code in ETHNIC_GROUPS]
    if field in ("migrant_worker", "hardship"):
        return [YES, NO]
    return []


def _style_member_sheet(sheet: Worksheet, *, rows: int) -> None:
    """Bold headers, frozen header row, column widths, text and date formats."""
    sheet.freeze_panes = "A2"
    for index, (_, field, text) in enumerate(MEMBER_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(field, 12)
        sheet.cell(row=1, column=index).font = Font(bold=True)
        number_format = TEXT_FORMAT if text else "yyyy-mm-dd" if field.endswith("date") else ""
        if number_format:
            for row in range(2, rows + 2):
                sheet.cell(row=row, column=index).number_format = number_format


def _members(db: Database, ids: Sequence[int]) -> Iterator[Member]:
    """The members of ``ids`` in that order, loaded a chunk at a time."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with db.read() as session:
            found = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(chunk)))}
            session.expunge_all()
        yield from (found[i] for i in chunk if i in found)


def _member_values(member: Member, departments: dict[int, str], *, full_ids: bool) -> list[object]:
    values: dict[str, object] = {
        "name": member.name,
        "id_number": member.id_number if full_ids else mask_id_number(member.id_number),
        "mobile": member.mobile if full_ids else mask_mobile(member.mobile),
        "birth_date": member.birth_date,
        "ethnicity": ethnicity_label(member.ethnicity, zh) if member.ethnicity else "",
        "trade": member.trade,
        "job_title": member.job_title,
        "migrant_worker": _yes_no(member.migrant_worker),
        "work_start_date": member.work_start_date,
        "join_date": member.join_date,
        "card_number": member.card_number or "",
        "department": departments.get(member.department_id or 0, ""),
        "hardship": _yes_no(member.hardship),
        "notes": member.notes,
    }
    for field, kind in ENUM_FIELDS.items():
        values[field] = label(kind(getattr(member, field)), zh)
    status = label(MemberStatus(member.status), zh)
    return [values[field] for _, field, _ in MEMBER_COLUMNS] + [status]


def _text_cells(sheet: Worksheet, values: Sequence[object]) -> list[object]:
    """Cells for a write-only row: numbers as text, dates with a date format."""
    cells: list[object] = []
    for index, value in enumerate(values):
        text = index < len(MEMBER_COLUMNS) and MEMBER_COLUMNS[index][2]
        if text or isinstance(value, date):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = TEXT_FORMAT if text else "yyyy-mm-dd"
            cells.append(cell)
        else:
            cells.append(value)
    return cells


def _write_list(
    out: Path,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    text_columns: set[int] | None = None,
) -> None:
    """A one-sheet list: bold frozen headers, then ``rows``; ``text_columns`` stay text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _sheet_name(title)
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = max(8, 2 * len(header) + 4)
    for index in text_columns or set():
        for row_number in range(2, len(rows) + 2):
            sheet.cell(row=row_number, column=index + 1).number_format = TEXT_FORMAT
    save_document(book, out)


def _sheet_name(title: str) -> str:
    """``title`` as an Excel sheet name: no brackets, colons, ``*?/`` or backslashes; 31 long."""
    return " ".join(title.translate(_SHEET_NAME_FORBIDDEN).split())[:31] or "Sheet1"


def _refuse_missing_folder(out: Path) -> None:
    """Fail before any row is written (a write-only sheet cannot be abandoned cleanly)."""
    if not out.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(out.parent))


def _audit_export(db: Database, actor: Actor, record_type: str, record_id: int, text: str) -> None:
    with db.write() as session:
        record(session, actor, Action.EXPORT, record_type, record_id, text)


def _yes_no(value: bool) -> str:
    return YES if value else NO


def _number(value: Decimal | None) -> float | str:
    """A score as a number Excel can sum (scores have at most two decimals); "" if missing."""
    return "" if value is None else float(value)


def _rank(rank: int | None, tied: bool) -> str | int:
    if rank is None:
        return ""
    return f"{rank}（并列）" if tied else rank
