"""The 活动 page: a reading event with a department's attendance, the period statistics, filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Role
from unionDesk.domain.culture import EventDraft, EventType, event_type_label
from unionDesk.i18n import translate
from unionDesk.services.departments import add_department
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import (
    EventQuery,
    EventRow,
    create_event,
    list_events,
    set_attendance,
)
from unionDesk.services.members import create_member
from unionDesk.ui.activities.attendance_dialog import AttendanceDialog
from unionDesk.ui.activities.event_form import EventFormDialog
from unionDesk.ui.activities.event_table import SORT_ROLE, Column, EventTableModel
from unionDesk.ui.activities.events_page import EventsPage
from unionDesk.ui.common import AppContext

TODAY = date.today()
THIS_YEAR = (date(TODAY.year, 1, 1), date(TODAY.year, 12, 31))


def add_member(ctx: AppContext, name: str, sequence: int, department_id: int | None) -> int:
    draft = member_draft(
        name=name,
        id_number=fake_id(sequence),
        card_number=f"GH-E{sequence:04d}",
        department_id=department_id,
    )
    return create_member(ctx.db, OFFICE, draft)


def event_draft(kind: EventType, title: str, starts_at: datetime, **overrides: Any) -> EventDraft:
    values: dict[str, Any] = {
        "event_type": kind,
        "title": title,
        "starts_at": starts_at,
        "ends_at": None,
        "venue": "职工书屋",
        "organiser": "公司工会",
        "hours": Decimal("1.5"),
    }
    return EventDraft(**{**values, **overrides})


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> EventsPage:
    widget = EventsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    wait_idle()
    return widget


def open_dialog(qtbot: Any, page: EventsPage, button: Any) -> Any:
    with qtbot.waitSignal(page.dialog_opened) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def accept_and_wait_for_stats(qtbot: Any, page: EventsPage, dialog: QDialog) -> None:
    with qtbot.waitSignals([dialog.accepted, page.results_applied, page.stats_applied]):
        dialog.save_button.click()


def titles(page: EventsPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, Column.TITLE).data() for row in range(proxy.rowCount())]


def select(page: EventsPage, title: str) -> None:
    page.table.selectRow(titles(page).index(title))


def test_a_reading_event_with_a_departments_attendance_shows_in_the_period_statistics(
    qtbot: Any, ctx: AppContext, page: EventsPage
) -> None:
    company = add_department(ctx.db, OFFICE, None, "示范公司")
    workshop = add_department(ctx.db, OFFICE, company, "装配车间")
    names = ("张伟", "王芳", "李娜", "赵敏")
    members = [add_member(ctx, name, 101 + 2 * n, workshop) for n, name in enumerate(names)]
    add_member(ctx, "孙丽", 301, company)  # on the register, not at the event
    form: EventFormDialog = open_dialog(qtbot, page, page.add_button)
    form.type_combo.setCurrentIndex(form.type_combo.findData(EventType.READING.value))
    form.title_edit.setText("职工书屋读书分享会")
    form.venue_edit.setText("职工书屋")
    form.organiser_edit.setText("公司工会")
    form.hours_edit.setText("2")
    accept_and_wait_for_stats(qtbot, page, form)
    select(page, "职工书屋读书分享会")

    picker: AttendanceDialog = open_dialog(qtbot, page, page.attendance_button)
    qtbot.waitUntil(lambda: picker.department_tree.topLevelItemCount() == 1)
    item = picker.department_tree.findItems("装配车间", Qt.MatchFlag.MatchRecursive)[0]
    picker.department_tree.setCurrentItem(item)
    with qtbot.waitSignal(picker.attendees_added):
        qtbot.mouseClick(picker.department_button, Qt.MouseButton.LeftButton)
    accept_and_wait_for_stats(qtbot, page, picker)

    expected = event_stats(ctx.db, OFFICE, *THIS_YEAR)
    assert (expected.events, expected.attendances, expected.participants) == (1, 4, 4)
    totals = {key: label.text() for key, label in page.stats_panel.totals.items()}
    assert totals["events"] == "1" and totals["attendances"] == "4"
    assert totals["participants"] == "4" and totals["members"] == str(expected.members) == "5"
    assert totals["participation_rate"] == f"{expected.participation_rate}%" == "80.0%"
    assert totals["hours_per_member"] == str(expected.hours_per_member) == "1.60"
    reading = list(EventType).index(EventType.READING)
    line = [page.stats_panel.type_table.item(reading, c).text() for c in range(4)]
    assert line == [event_type_label(EventType.READING, translate), "1", "4", "8.0"]
    assert page.proxy.index(0, Column.ATTENDEES).data() == str(len(members))
    assert page.selected_event_id() == form.saved_event_id  # kept through the refreshes


def test_the_statistics_table_lists_every_type(qtbot: Any, page: EventsPage) -> None:
    table = page.stats_panel.type_table
    shown = [table.item(row, 0).text() for row in range(table.rowCount())]

    assert shown == [event_type_label(kind, translate) for kind in EventType]


def test_a_period_ending_before_it_starts_is_explained_not_computed(
    qtbot: Any, ctx: AppContext, page: EventsPage
) -> None:
    panel = page.stats_panel
    panel.first_edit.setDate(panel.last_edit.date().addDays(1))

    assert panel.period_error.isVisible()
    assert ctx.tasks.idle  # no statistics were asked for


def test_the_list_filters_by_text_type_and_dates(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    now = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    create_event(ctx.db, OFFICE, event_draft(EventType.READING, "读书月启动仪式", now))
    old = now - timedelta(days=60)
    create_event(ctx.db, OFFICE, event_draft(EventType.FITNESS, "工间操比赛", old))
    create_event(ctx.db, OFFICE, event_draft(EventType.READING, "好书分享", old - timedelta(1)))
    page = EventsPage(ctx)
    qtbot.addWidget(page)
    wait_idle()
    assert titles(page) == ["读书月启动仪式", "工间操比赛", "好书分享"]  # newest first

    with qtbot.waitSignal(page.results_applied):
        page.type_combo.setCurrentIndex(page.type_combo.findData(EventType.READING.value))
    assert titles(page) == ["读书月启动仪式", "好书分享"]
    page.from_edit.set_value(now.date() - timedelta(days=7))
    wait_idle()
    assert titles(page) == ["读书月启动仪式"]
    with qtbot.waitSignal(page.results_applied):
        page.search_edit.setText("分享")
    assert titles(page) == []
    assert "0" in page.count_label.text()


def test_delete_asks_for_the_reason_and_removes_the_event(
    qtbot: Any, ctx: AppContext, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    start = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    create_event(ctx.db, OFFICE, event_draft(EventType.OTHER, "重复录入的活动", start))
    page = EventsPage(ctx)
    qtbot.addWidget(page)
    wait_idle()
    select(page, "重复录入的活动")
    dialogs.texts = [("重复录入", True)]

    with qtbot.waitSignals([page.results_applied, page.stats_applied]):
        page.delete_button.click()

    assert titles(page) == []
    assert "重复录入的活动" in dialogs.named("getText")[0][2]
    assert list_events(ctx.db, OFFICE, EventQuery()) == []


def test_a_viewer_sees_no_editing(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], wait_idle: Callable[[], None]
) -> None:
    start = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    event_id = create_event(ctx.db, OFFICE, event_draft(EventType.FITNESS, "工间操", start))
    set_attendance(ctx.db, OFFICE, event_id, [add_member(ctx, "王芳", 205, None)])
    page = EventsPage(as_user("chakan", Role.VIEWER))
    qtbot.addWidget(page)
    wait_idle()
    select(page, "工间操")

    assert not page.add_button.isEnabled() and not page.delete_button.isEnabled()
    form: EventFormDialog = open_dialog(qtbot, page, page.edit_button)
    assert form.save_button.isHidden() and not form.title_edit.isEnabled()
    picker: AttendanceDialog = open_dialog(qtbot, page, page.attendance_button)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    assert picker.save_button.isHidden() and picker.picker.isHidden()


def test_event_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = EventTableModel()
    start = datetime(2026, 4, 23, 14, 0)
    rows = [
        EventRow(1, EventType.READING, "世界读书日", start, "职工书屋", 40, 3, Decimal("2.0")),
        EventRow(2, EventType.OTHER, "未定时长", start, "礼堂", 0, 0, None),
    ]
    model.set_rows(rows)

    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    assert model.index(0, Column.STARTS_AT).data() == "2026-04-23 14:00"
    assert model.index(1, Column.HOURS).data() == ""
    assert model.index(0, Column.ATTENDEES).data(SORT_ROLE) == 40
