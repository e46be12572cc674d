"""The holiday calendar dialog: listing a year, adding, refusing, removing; read-only viewers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from helpers import OFFICE
from unionDesk.domain.access import Role
from unionDesk.domain.workdays import DayKind, SpecialDay, day_kind_label
from unionDesk.i18n import translate
from unionDesk.services.holidays import calendar_days, set_calendar_day
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.calendar_dialog import CalendarDayDialog, CalendarDialog

EMPTY_YEAR = 2030  # no arrangement shipped for it


def open_calendar(qtbot: Any, ctx: AppContext, year: int) -> CalendarDialog:
    dialog = CalendarDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    if dialog.year_spin.value() != year:
        with qtbot.waitSignal(dialog.loaded):
            dialog.year_spin.setValue(year)
    return dialog


def rows(dialog: CalendarDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def fill(form: CalendarDayDialog, day: date, kind: DayKind, name: str) -> None:
    form.date_edit.setDate(QDate(day.year, day.month, day.day))
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind.value))
    form.name_edit.setText(name)


def test_the_shipped_national_day_arrangement_is_listed(qtbot: Any, ctx: AppContext) -> None:
    dialog = open_calendar(qtbot, ctx, 2026)

    listed = {row[0]: row for row in rows(dialog)}

    workday = day_kind_label(DayKind.WORKDAY, translate)
    assert listed["2026-10-10"][2:] == [workday, "国庆节调休上班"]
    assert listed["2026-10-01"][1] == translate("CalendarDialog", "Thu")


def test_an_added_holiday_is_stored_and_listed(qtbot: Any, ctx: AppContext) -> None:
    dialog = open_calendar(qtbot, ctx, EMPTY_YEAR)
    form = dialog.add_day()
    assert form is not None
    fill(form, date(EMPTY_YEAR, 10, 1), DayKind.HOLIDAY, "国庆节")

    with qtbot.waitSignal(dialog.loaded):
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    holiday = day_kind_label(DayKind.HOLIDAY, translate)
    assert rows(dialog) == [["2030-10-01", translate("CalendarDialog", "Tue"), holiday, "国庆节"]]
    assert calendar_days(ctx.db, OFFICE, EMPTY_YEAR) == [
        SpecialDay(date(EMPTY_YEAR, 10, 1), DayKind.HOLIDAY, "国庆节")
    ]
    assert dialog.selected_day() is not None


def test_a_weekday_as_make_up_working_day_is_refused_with_the_message(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    dialog = open_calendar(qtbot, ctx, EMPTY_YEAR)
    form = dialog.add_day()
    assert form is not None
    fill(form, date(EMPTY_YEAR, 10, 9), DayKind.WORKDAY, "国庆节调休上班")  # a Wednesday

    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle()

    message = translate(
        "Validation",
        "{date} falls on a weekday, so it cannot be a make-up working day; make-up "
        "working days are Saturdays or Sundays.",
    ).format(date="2030-10-09")
    assert form.isVisible()
    assert form.error_label("day").text() == message
    assert form.name_edit.text() == "国庆节调休上班"
    assert calendar_days(ctx.db, OFFICE, EMPTY_YEAR) == []


def test_editing_changes_the_name_of_the_selected_day(qtbot: Any, ctx: AppContext) -> None:
    set_calendar_day(ctx.db, OFFICE, SpecialDay(date(EMPTY_YEAR, 5, 1), DayKind.HOLIDAY, "劳动"))
    dialog = open_calendar(qtbot, ctx, EMPTY_YEAR)
    dialog.table.selectRow(0)
    form = dialog.edit_selected()
    assert form is not None and not form.date_edit.isEnabled()
    form.name_edit.setText("劳动节")

    with qtbot.waitSignal(dialog.loaded):
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert rows(dialog)[0][3] == "劳动节"


def test_removing_asks_and_removes_the_day(qtbot: Any, ctx: AppContext, dialogs: Any) -> None:
    set_calendar_day(ctx.db, OFFICE, SpecialDay(date(EMPTY_YEAR, 5, 1), DayKind.HOLIDAY, "劳动节"))
    dialog = open_calendar(qtbot, ctx, EMPTY_YEAR)
    dialog.table.selectRow(0)
    dialogs.answer = QMessageBox.StandardButton.Yes

    with qtbot.waitSignal(dialog.loaded):
        dialog.remove_button.click()

    assert len(dialogs.named("question")) == 1
    assert rows(dialog) == []
    assert calendar_days(ctx.db, OFFICE, EMPTY_YEAR) == []


def test_a_viewer_sees_the_calendar_read_only(
    qtbot: Any, as_user: Callable[..., AppContext]
) -> None:
    dialog = open_calendar(qtbot, as_user("chakan", Role.VIEWER), 2026)
    dialog.table.selectRow(0)

    assert len(rows(dialog)) > 20
    assert not dialog.add_button.isEnabled()
    assert not dialog.edit_button.isEnabled()
    assert not dialog.remove_button.isEnabled()
    assert dialog.add_day() is None
