"""The member import wizard and the import/export buttons of the register pages."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from activity_helpers import COMPETITION_NAME, enter_members, make_competition, make_members
from helpers import OFFICE
from import_helpers import HEADER, TITLE, fake_id, member_row, member_rows, write_xlsx
from unionDesk.domain.access import Role
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.services.departments import list_departments
from unionDesk.services.events import create_event, set_attendance
from unionDesk.services.members import MemberQuery, query_member_ids
from unionDesk.ui.activities.competitions_page import CompetitionsPage
from unionDesk.ui.activities.events_page import EventsPage
from unionDesk.ui.common import AppContext
from unionDesk.ui.members.import_dialog import ImportDialog
from unionDesk.ui.members.page import MembersPage

NAME, ID_NUMBER, SERIAL = HEADER.index("姓名"), HEADER.index("身份证号码"), HEADER.index("序号")


def roster(tmp_path: Path, rows: list[list[object]] | None = None) -> Path:
    """A WPS-style roster: merged title row, header, 3 good rows and one numeric ID."""
    numeric = member_row(3, 身份证号码=float(fake_id(3)))
    return write_xlsx(
        tmp_path / "花名册.xlsx",
        rows if rows is not None else [*member_rows(3), numeric],
        title=TITLE,
    )


@pytest.fixture
def dialog(qtbot: Any, ctx: AppContext) -> ImportDialog:
    widget = ImportDialog(ctx)
    qtbot.addWidget(widget)
    return widget


def on_page(qtbot: Any, dialog: ImportDialog, page: int) -> None:
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == page, timeout=5000)


def to_preview(qtbot: Any, dialog: ImportDialog, path: Path) -> None:
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    on_page(qtbot, dialog, dialog.MAPPING)
    dialog.next_button.click()
    on_page(qtbot, dialog, dialog.PREVIEW)


def member_count(ctx: AppContext) -> int:
    return len(query_member_ids(ctx.db, ctx.actor, MemberQuery()))


def test_the_header_under_a_title_row_is_mapped_for_confirmation(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path
) -> None:
    dialog.file_edit.setText(str(roster(tmp_path)))
    dialog.next_button.click()
    on_page(qtbot, dialog, dialog.MAPPING)
    assert "2" in dialog.mapping.intro.text()  # the header is sheet row 2
    assert dialog.mapping.combo(NAME).currentData() == "name"
    assert dialog.mapping.combo(ID_NUMBER).currentData() == "id_number"
    assert dialog.mapping.combo(SERIAL).currentData() is None
    assert dialog.mapping.table.item(NAME, 1).text() == member_row(0)[NAME]


def test_the_dry_run_counts_rows_and_lists_the_numeric_id(
    qtbot: Any, ctx: AppContext, dialog: ImportDialog, tmp_path: Path
) -> None:
    to_preview(qtbot, dialog, roster(tmp_path))
    preview = dialog.preview
    assert (preview.new_label.text(), preview.error_count_label.text()) == ("3", "1")
    assert preview.errors_table.rowCount() == 1
    assert preview.errors_table.item(0, 0).text() == "6"  # title, header, 3 rows, then this
    assert "number" in preview.errors_table.item(0, 3).text()
    assert member_count(ctx) == 0  # a dry run writes nothing


def test_new_departments_need_a_tick_then_the_good_rows_are_imported(
    qtbot: Any, ctx: AppContext, dialog: ImportDialog, tmp_path: Path
) -> None:
    to_preview(qtbot, dialog, roster(tmp_path))
    assert not dialog.preview.departments_check.isHidden()
    assert "生产车间" in dialog.preview.departments_check.text()
    assert not dialog.next_button.isEnabled()
    dialog.preview.departments_check.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=5000) as imported:
        dialog.next_button.click()
    assert (imported.args[0].created, imported.args[0].errors) == (3, 1)
    assert member_count(ctx) == 3
    assert [d.name for d in list_departments(ctx.db, ctx.actor)] == ["生产车间"]
    assert "3" in dialog.done_label.text()


def test_a_changed_mapping_is_used_and_remembered(
    qtbot: Any, ctx: AppContext, tmp_path: Path, dialog: ImportDialog
) -> None:
    path = roster(tmp_path, member_rows(2))
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    on_page(qtbot, dialog, dialog.MAPPING)
    department = HEADER.index("所在部门")
    combo = dialog.mapping.combo(department)
    combo.setCurrentIndex(combo.findData(None))  # do not import the department column
    dialog.next_button.click()
    on_page(qtbot, dialog, dialog.PREVIEW)
    assert dialog.preview.departments_check.isHidden()
    assert dialog.next_button.isEnabled()
    again = ImportDialog(ctx)
    qtbot.addWidget(again)
    again.file_edit.setText(str(path))
    again.next_button.click()
    on_page(qtbot, again, again.MAPPING)
    assert again.mapping.combo(department).currentData() is None
    assert "last time" in again.mapping.intro.text()


def test_an_unreadable_file_is_explained_on_the_first_page(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path
) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_text("姓名,身份证号\n")
    dialog.file_edit.setText(str(fake))
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.file_error.text() != "", timeout=5000)
    assert dialog.stack.currentIndex() == dialog.FILE
    assert dialog.next_button.isEnabled()


def test_cancel_during_the_import_changes_nothing(
    qtbot: Any, ctx: AppContext, dialog: ImportDialog, tmp_path: Path
) -> None:
    to_preview(qtbot, dialog, roster(tmp_path, member_rows(3)))
    dialog.preview.departments_check.setChecked(True)
    gate = threading.Event()
    ctx.tasks.run(gate.wait, lambda _: None)  # hold the worker until Cancel was pressed
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == dialog.WORKING
    dialog.cancel_button.click()
    assert dialog.cancel_button.isEnabled() is False  # cancelling; the dialog stays open
    gate.set()
    on_page(qtbot, dialog, dialog.PREVIEW)
    assert "Nothing was changed" in dialog.preview.error_label.text()
    assert member_count(ctx) == 0


def test_the_error_report_is_saved_where_asked(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path
) -> None:
    to_preview(qtbot, dialog, roster(tmp_path))
    out = tmp_path / "错误报告.xlsx"
    dialog.save_report(out)
    qtbot.waitUntil(lambda: out.name in dialog.preview.errors_note.text(), timeout=5000)
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0][-1] == "Error reason"  # the translation of 错误原因 (no translator loaded)
    assert [row[-1] is not None for row in rows[1:]] == [False, False, False, True]


# --- the buttons of the register pages ----------------------------------------------------


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> MembersPage:
    widget = MembersPage(ctx)
    qtbot.addWidget(widget)
    wait_idle()
    return widget


def test_the_members_page_exports_its_filter_and_the_template(
    qtbot: Any, ctx: AppContext, page: MembersPage, tmp_path: Path, dialogs: Any
) -> None:
    out = tmp_path / "名册.xlsx"
    page.export_members(out, full_ids=False)
    qtbot.waitUntil(lambda: bool(dialogs.named("information")), timeout=5000)
    assert "0 rows" in dialogs.named("information")[0][2]
    assert load_workbook(out).worksheets[0]["A1"].value == "姓名"
    template = tmp_path / "模板.xlsx"
    page.download_template(template)
    qtbot.waitUntil(lambda: len(dialogs.named("information")) == 2, timeout=5000)
    assert template.exists()


def test_import_is_offered_only_to_users_who_may_edit(
    qtbot: Any, as_user: Callable[..., AppContext], page: MembersPage
) -> None:
    assert page.import_button.isEnabled()
    viewer = MembersPage(as_user("chakan", Role.VIEWER))
    qtbot.addWidget(viewer)
    assert not viewer.import_button.isEnabled() and viewer.export_button.isEnabled()


def test_an_unmasking_user_is_asked_before_full_numbers(
    qtbot: Any, as_user: Callable[..., AppContext], tmp_path: Path, dialogs: Any
) -> None:
    chair = MembersPage(as_user("zhuxi", Role.OFFICER, can_unmask=True))
    qtbot.addWidget(chair)
    chair.export_members(tmp_path / "x.xlsx")
    assert [call[0] for call in dialogs.calls] == ["question"]
    qtbot.waitUntil(lambda: bool(dialogs.named("information")), timeout=5000)


def test_the_competitions_page_exports_the_selected_results(
    qtbot: Any, ctx: AppContext, tmp_path: Path, dialogs: Any
) -> None:
    competition = make_competition(ctx.db)
    enter_members(ctx.db, competition, make_members(ctx.db, 2))
    page = CompetitionsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: ctx.tasks.idle and page.grid.competition_id is not None)
    assert page.export_button.isEnabled()
    out = tmp_path / "竞赛.xlsx"
    page.export_selected(out)
    qtbot.waitUntil(lambda: bool(dialogs.named("information")), timeout=5000)
    assert "2 rows" in dialogs.named("information")[0][2]
    assert load_workbook(out).sheetnames == [COMPETITION_NAME]


def test_the_events_page_exports_the_selected_attendance(
    qtbot: Any, ctx: AppContext, tmp_path: Path, dialogs: Any
) -> None:
    draft = EventDraft(
        EventType.READING,
        "读书会",
        datetime(2026, 3, 1, 14),
        None,
        "职工书屋",
        "工会",
        "",
        Decimal("2"),
        0,
    )
    event = create_event(ctx.db, OFFICE, draft, now=datetime(2026, 11, 21, 9))
    set_attendance(ctx.db, OFFICE, event, make_members(ctx.db, 3))
    page = EventsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: ctx.tasks.idle and page.proxy.rowCount() == 1)
    assert not page.export_button.isEnabled()
    page.table.selectRow(0)
    assert page.export_button.isEnabled()
    out = tmp_path / "活动.xlsx"
    page.export_selected(out)
    qtbot.waitUntil(lambda: bool(dialogs.named("information")), timeout=5000)
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 4 and rows[0][1] == "姓名"


def test_after_the_import_the_error_report_can_still_be_saved(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path
) -> None:
    to_preview(qtbot, dialog, roster(tmp_path))
    dialog.preview.departments_check.setChecked(True)
    dialog.next_button.click()
    on_page(qtbot, dialog, dialog.DONE)
    assert not dialog.done_report_button.isHidden()
    out = tmp_path / "报告.xlsx"
    dialog.save_report(out)
    qtbot.waitUntil(lambda: out.name in dialog.done_label.text(), timeout=5000)
    assert out.exists()


def test_cancel_while_reading_returns_to_the_file_step(
    qtbot: Any, ctx: AppContext, dialog: ImportDialog, tmp_path: Path
) -> None:
    gate = threading.Event()
    ctx.tasks.run(gate.wait, lambda _: None)
    dialog.file_edit.setText(str(roster(tmp_path)))
    dialog.next_button.click()
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: dialog.file_error.text() != "", timeout=5000)
    assert dialog.stack.currentIndex() == dialog.FILE
    assert "Nothing was changed" in dialog.file_error.text()
