"""The attendance picker: pinyin search with multi-select, whole departments, removal, saving."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Role
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.services.demo import fill_demo
from unionDesk.services.departments import add_department
from unionDesk.services.events import (
    AttendeeRow,
    attendance_rows,
    create_event,
    department_member_ids,
    get_event,
    set_attendance,
)
from unionDesk.services.members import create_member
from unionDesk.ui.activities.attendance_dialog import AttendanceDialog
from unionDesk.ui.activities.attendee_model import AttendeeTableModel
from unionDesk.ui.common import AppContext


def add_member(ctx: AppContext, name: str, sequence: int, department_id: int | None = None) -> int:
    draft = member_draft(
        name=name,
        id_number=fake_id(sequence),
        card_number=f"GH-T{sequence:04d}",
        department_id=department_id,
    )
    return create_member(ctx.db, OFFICE, draft)


def add_event(ctx: AppContext, guests: int = 0) -> int:
    draft = EventDraft(
        event_type=EventType.FITNESS,
        title="工间操展示",
        starts_at=datetime.now().replace(hour=10, minute=0, second=0, microsecond=0),
        ends_at=None,
        venue="厂区广场",
        organiser="工会",
        hours=Decimal("0.5"),
        guests=guests,
    )
    return create_event(ctx.db, OFFICE, draft)


def open_dialog(qtbot: Any, ctx: AppContext, event_id: int) -> AttendanceDialog:
    dialog = AttendanceDialog(ctx, event_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    return dialog


def listed_names(dialog: AttendanceDialog) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def save(qtbot: Any, dialog: AttendanceDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()


def department_item(dialog: AttendanceDialog, name: str) -> QTreeWidgetItem:
    found = dialog.department_tree.findItems(name, Qt.MatchFlag.MatchRecursive)
    assert len(found) == 1
    return found[0]


@pytest.fixture
def people(ctx: AppContext) -> dict[str, int]:
    """Four members; 张伟 and 张文 share the pinyin initials zw."""
    return {
        name: add_member(ctx, name, sequence)
        for name, sequence in (("张伟", 101), ("张文", 103), ("李娜", 202), ("王芳", 204))
    }


def test_pinyin_initials_find_members_and_multi_select_adds_them(
    qtbot: Any, ctx: AppContext, people: dict[str, int]
) -> None:
    dialog = open_dialog(qtbot, ctx, add_event(ctx))
    with qtbot.waitSignal(dialog.results_shown):
        qtbot.keyClicks(dialog.search_edit, "zw")
    assert dialog.results.count() == 2
    dialog.results.selectAll()

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert sorted(listed_names(dialog)) == ["张伟", "张文"]
    assert "2" in dialog.count_label.text()
    shown = [dialog.results.item(row) for row in range(dialog.results.count())]
    assert all(not item.flags() & Qt.ItemFlag.ItemIsEnabled for item in shown)  # listed now


def test_enter_in_the_search_box_adds_the_first_result_without_saving(
    qtbot: Any, ctx: AppContext, people: dict[str, int]
) -> None:
    event_id = add_event(ctx)
    dialog = open_dialog(qtbot, ctx, event_id)
    with qtbot.waitSignal(dialog.results_shown):
        qtbot.keyClicks(dialog.search_edit, "ln")

    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)

    assert listed_names(dialog) == ["李娜"]
    assert dialog.isVisible()
    assert get_event(ctx.db, OFFICE, event_id).attendee_ids == frozenset()


def test_removing_an_attendee_saves_the_list_without_them(
    qtbot: Any, ctx: AppContext, people: dict[str, int]
) -> None:
    event_id = add_event(ctx)
    set_attendance(ctx.db, OFFICE, event_id, [people["张伟"], people["李娜"], people["王芳"]])
    dialog = open_dialog(qtbot, ctx, event_id)
    dialog.table.selectRow(listed_names(dialog).index("李娜"))

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)

    assert [row.name for row in attendance_rows(ctx.db, OFFICE, event_id)] == ["王芳", "张伟"]
    assert dialog.change is not None and (dialog.change.added, dialog.change.removed) == (0, 1)


def test_whole_department_includes_sub_departments(
    qtbot: Any, ctx: AppContext, people: dict[str, int]
) -> None:
    root = add_department(ctx.db, OFFICE, None, "示范公司")
    workshop = add_department(ctx.db, OFFICE, root, "装配车间")
    team = add_department(ctx.db, OFFICE, workshop, "总装一班")
    add_member(ctx, "赵敏", 301, workshop)
    add_member(ctx, "钱进", 303, team)
    add_member(ctx, "孙丽", 402, root)  # above the workshop: not included
    dialog = open_dialog(qtbot, ctx, add_event(ctx))
    dialog.department_tree.setCurrentItem(department_item(dialog, "装配车间"))

    with qtbot.waitSignal(dialog.attendees_added):
        qtbot.mouseClick(dialog.department_button, Qt.MouseButton.LeftButton)

    assert sorted(listed_names(dialog)) == sorted(["赵敏", "钱进"])
    assert "装配车间" in dialog.message_label.text()


class PaintWatcher(QObject):
    """Records when a widget was last painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted_at = time.perf_counter()
        return False


def test_a_department_of_500_is_added_painted_and_saved_quickly(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    department = add_department(ctx.db, OFFICE, None, "总装车间")
    fill_demo(ctx.db, 560)  # all land in the only department; about 510 are active
    active = department_member_ids(ctx.db, OFFICE, department)
    assert len(active) >= 500
    event_id = add_event(ctx, guests=12)
    dialog = open_dialog(qtbot, ctx, event_id)
    dialog.resize(980, 640)
    dialog.department_tree.setCurrentItem(department_item(dialog, "总装车间"))
    watcher = PaintWatcher()
    dialog.table.viewport().installEventFilter(watcher)
    listed_at: list[float] = []
    dialog.model.rowsInserted.connect(lambda *_: listed_at.append(time.perf_counter()))

    started = time.perf_counter()
    dialog.department_button.click()
    qtbot.waitUntil(lambda: bool(listed_at) and (watcher.painted_at or 0) > listed_at[0])
    assert watcher.painted_at is not None and dialog.model.rowCount() == len(active)
    painted = watcher.painted_at - started
    started = time.perf_counter()
    save(qtbot, dialog)
    saved = time.perf_counter() - started

    print(
        f"\n{len(active)} attendees: listed and painted {painted * 1000:.0f} ms, "
        f"saved {saved * 1000:.0f} ms"
    )
    assert painted < 1.0 and saved < 1.0
    assert get_event(ctx.db, OFFICE, event_id).attendee_ids == frozenset(active)
    assert f"{len(active) + 12}" in dialog.count_label.text()


def test_changed_guests_are_saved_with_the_attendance(
    qtbot: Any, ctx: AppContext, people: dict[str, int]
) -> None:
    event_id = add_event(ctx, guests=3)
    dialog = open_dialog(qtbot, ctx, event_id)
    assert dialog.guests_spin.value() == 3

    dialog.guests_spin.setValue(25)
    save(qtbot, dialog)

    assert get_event(ctx.db, OFFICE, event_id).draft.guests == 25


def test_a_viewer_sees_the_attendees_but_cannot_change_them(
    qtbot: Any, ctx: AppContext, people: dict[str, int], as_user: Callable[..., AppContext]
) -> None:
    event_id = add_event(ctx)
    set_attendance(ctx.db, OFFICE, event_id, [people["王芳"]])
    viewer = as_user("chakan", Role.VIEWER)

    dialog = open_dialog(qtbot, viewer, event_id)

    assert listed_names(dialog) == ["王芳"]
    assert dialog.picker.isHidden() and dialog.remove_button.isHidden()
    assert dialog.save_button.isHidden() and dialog.guests_spin.isReadOnly()


def test_attendee_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = AttendeeTableModel()
    rows = [AttendeeRow(n, f"会员{n}", "装配车间", f"GH{n:04d}") for n in range(1, 8)]
    model.set_rows(rows[:3])
    qtmodeltester.check(model, force_py=True)
    assert model.add_rows(rows) == 4  # the first three are listed already
    model.remove_rows([0, 2, 3, 6])
    qtmodeltester.check(model)

    assert model.member_ids() == [2, 5, 6]
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_enter_typed_before_the_search_ran_adds_the_result_of_the_typed_text(
    qtbot: Any, ctx: AppContext, people: dict[str, int]
) -> None:
    dialog = open_dialog(qtbot, ctx, add_event(ctx))

    with qtbot.waitSignal(dialog.attendees_added):
        qtbot.keyClicks(dialog.search_edit, "wf")
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # within the typing pause

    assert listed_names(dialog) == ["王芳"]
