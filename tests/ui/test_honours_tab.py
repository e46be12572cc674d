"""The honours tab of the member form: list, add, edit, delete with a reason, the 劳模 line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from helpers import OFFICE, member_draft
from unionDesk.domain.access import Role
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.honours import add_honour, list_honours
from unionDesk.services.members import create_member, get_member
from unionDesk.ui.common import AppContext
from unionDesk.ui.members.form import MemberFormDialog
from unionDesk.ui.members.honours_tab import Column, HonourDialog, HonoursModel, HonoursTab

MODEL_WORKER = HonourDraft("北京市劳动模范", HonourLevel.PROVINCIAL, 2020, "北京市人民政府")
CRAFTSMAN = HonourDraft("北京大工匠", HonourLevel.CITY, 2023, "北京市总工会", "第二届")


@pytest.fixture
def member_id(ctx: AppContext) -> int:
    return create_member(ctx.db, OFFICE, member_draft())


def open_tab(qtbot: Any, ctx: AppContext, member_id: int) -> HonoursTab:
    tab = HonoursTab(ctx, member_id)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.honours_loaded):
        tab.show()
    return tab


@pytest.fixture
def tab(qtbot: Any, ctx: AppContext, member_id: int) -> HonoursTab:
    return open_tab(qtbot, ctx, member_id)


def open_editor(qtbot: Any, tab: HonoursTab, button: Any) -> HonourDialog:
    with qtbot.waitSignal(tab.dialog_opened) as blocker:
        button.click()
    return blocker.args[0]


def fill(dialog: HonourDialog, draft: HonourDraft) -> None:
    dialog.title_edit.setText(draft.title)
    assert draft.level is not None and draft.year is not None
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(draft.level.value))
    dialog.year_spin.setValue(draft.year)
    dialog.awarding_body_edit.setText(draft.awarding_body)
    dialog.notes_edit.setPlainText(draft.notes)


def save_button(dialog: HonourDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def save_and_reload(qtbot: Any, tab: HonoursTab, dialog: HonourDialog) -> None:
    with qtbot.waitSignal(tab.honours_loaded):
        save_button(dialog).click()


def add_through_widgets(qtbot: Any, tab: HonoursTab, draft: HonourDraft) -> None:
    dialog = open_editor(qtbot, tab, tab.add_button)
    fill(dialog, draft)
    save_and_reload(qtbot, tab, dialog)


def shown_rows(tab: HonoursTab) -> list[list[str]]:
    model = tab.model
    return [
        [model.data(model.index(row, column)) for column in Column]
        for row in range(model.rowCount())
    ]


def select_title(tab: HonoursTab, title: str) -> None:
    titles = [row[Column.TITLE] for row in shown_rows(tab)]
    tab.table.selectRow(titles.index(title))


def test_model_passes_the_model_tester(qtmodeltester: Any, ctx: AppContext, member_id: int) -> None:
    add_honour(ctx.db, OFFICE, member_id, MODEL_WORKER)
    add_honour(ctx.db, OFFICE, member_id, CRAFTSMAN)
    model = HonoursModel()
    model.set_rows(list_honours(ctx.db, OFFICE, member_id))

    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_an_honour_added_through_the_editor_is_listed_and_stored(
    qtbot: Any, ctx: AppContext, member_id: int, tab: HonoursTab
) -> None:
    add_through_widgets(qtbot, tab, CRAFTSMAN)

    assert shown_rows(tab) == [["北京大工匠", "City", "2023", "北京市总工会", "第二届"]]
    assert [view.draft for view in list_honours(ctx.db, OFFICE, member_id)] == [CRAFTSMAN]


def test_a_future_year_is_refused_beside_the_year_keeping_the_input(
    qtbot: Any, ctx: AppContext, member_id: int, tab: HonoursTab, wait_idle: Callable[[], None]
) -> None:
    dialog = open_editor(qtbot, tab, tab.add_button)
    fill(dialog, MODEL_WORKER)
    dialog.year_spin.setValue(date.today().year + 1)

    save_button(dialog).click()
    wait_idle()

    assert dialog.isVisible()
    assert str(date.today().year + 1) in dialog.error_label("year").text()
    assert dialog.error_label("year").isVisible() and dialog.summary_label.isVisible()
    assert dialog.error_label("title").isHidden()
    assert dialog.title_edit.text() == "北京市劳动模范"
    assert list_honours(ctx.db, OFFICE, member_id) == []


def test_an_empty_title_is_refused_beside_the_title(
    qtbot: Any, ctx: AppContext, member_id: int, tab: HonoursTab, wait_idle: Callable[[], None]
) -> None:
    dialog = open_editor(qtbot, tab, tab.add_button)
    fill(dialog, MODEL_WORKER)
    dialog.title_edit.setText("  ")

    save_button(dialog).click()
    wait_idle()

    assert "title" in dialog.error_label("title").text()
    assert dialog.error_label("title").isVisible()
    assert dialog.awarding_body_edit.text() == "北京市人民政府"
    assert list_honours(ctx.db, OFFICE, member_id) == []


def test_editing_an_honour_saves_the_changes(qtbot: Any, ctx: AppContext, member_id: int) -> None:
    add_honour(ctx.db, OFFICE, member_id, CRAFTSMAN)
    tab = open_tab(qtbot, ctx, member_id)
    select_title(tab, "北京大工匠")
    dialog = open_editor(qtbot, tab, tab.edit_button)
    assert dialog.title_edit.text() == "北京大工匠"  # the editor shows the stored values

    dialog.year_spin.setValue(2024)
    dialog.notes_edit.setPlainText("第三届")
    save_and_reload(qtbot, tab, dialog)

    stored = list_honours(ctx.db, OFFICE, member_id)[0].draft
    assert (stored.year, stored.notes) == (2024, "第三届")
    assert shown_rows(tab)[0][Column.YEAR] == "2024"


def test_delete_asks_again_until_a_reason_is_given_and_audits_it(
    qtbot: Any, ctx: AppContext, member_id: int, dialogs: Any
) -> None:
    add_honour(ctx.db, OFFICE, member_id, CRAFTSMAN)
    tab = open_tab(qtbot, ctx, member_id)
    select_title(tab, "北京大工匠")
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialogs.texts = [("   ", True), ("录入错误", True)]

    with qtbot.waitSignal(tab.honours_loaded):
        tab.delete_button.click()

    assert len(dialogs.named("question")) == 1
    assert len(dialogs.named("getText")) == 2
    assert tab.model.rowCount() == 0
    assert list_honours(ctx.db, OFFICE, member_id) == []
    deleted = query_audit(ctx.db, OFFICE, AuditFilter(record_type="honour"))
    assert any(e.action == Action.DELETE and "录入错误" in e.summary for e in deleted)


def test_delete_without_a_reason_keeps_the_honour(
    qtbot: Any, ctx: AppContext, member_id: int, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    add_honour(ctx.db, OFFICE, member_id, CRAFTSMAN)
    tab = open_tab(qtbot, ctx, member_id)
    select_title(tab, "北京大工匠")
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialogs.texts = [("", False)]  # the reason dialog is cancelled

    tab.delete_button.click()
    wait_idle()

    assert len(list_honours(ctx.db, OFFICE, member_id)) == 1
    assert tab.model.rowCount() == 1


def test_declining_the_confirmation_asks_no_reason_and_keeps_the_honour(
    qtbot: Any, ctx: AppContext, member_id: int, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    add_honour(ctx.db, OFFICE, member_id, CRAFTSMAN)
    tab = open_tab(qtbot, ctx, member_id)
    select_title(tab, "北京大工匠")

    tab.delete_button.click()  # the recorder answers No, the default button
    wait_idle()

    assert dialogs.named("getText") == []
    assert len(list_honours(ctx.db, OFFICE, member_id)) == 1


def test_model_worker_line_appears_after_adding_a_provincial_model_worker_honour(
    qtbot: Any, tab: HonoursTab
) -> None:
    assert tab.model_worker_label.isHidden()

    add_through_widgets(qtbot, tab, MODEL_WORKER)

    assert tab.model_worker_label.isVisible()
    assert tab.model_worker_label.text() == "Model worker: Provincial/ministerial"


def test_a_viewer_sees_the_honours_but_no_editing_buttons(
    qtbot: Any, ctx: AppContext, member_id: int, as_user: Callable[..., AppContext]
) -> None:
    add_honour(ctx.db, OFFICE, member_id, CRAFTSMAN)
    tab = open_tab(qtbot, as_user("chakan", Role.VIEWER), member_id)

    assert tab.model.rowCount() == 1
    assert tab.add_button.isHidden()
    assert tab.edit_button.isHidden()
    assert tab.delete_button.isHidden()


def test_member_form_shows_the_honours_tab_and_the_model_worker_flag(
    qtbot: Any, ctx: AppContext, member_id: int, wait_idle: Callable[[], None]
) -> None:
    add_honour(ctx.db, OFFICE, member_id, MODEL_WORKER)
    form = MemberFormDialog(ctx, [], get_member(ctx.db, OFFICE, member_id))
    qtbot.addWidget(form)
    form.show()
    wait_idle()

    titles = [form.tabs.tabText(index) for index in range(form.tabs.count())]
    assert titles == ["Details", "Honours", "Change history"]
    assert form.honours.model.rowCount() == 1
    assert form.model_worker_flag.text() == "Model worker: Provincial/ministerial"


def test_a_new_member_form_has_no_honours_tab(qtbot: Any, ctx: AppContext) -> None:
    form = MemberFormDialog(ctx, [])
    qtbot.addWidget(form)

    assert not hasattr(form, "honours")


def test_enter_in_the_editor_saves_the_honour(
    qtbot: Any, ctx: AppContext, member_id: int, tab: HonoursTab
) -> None:
    dialog = open_editor(qtbot, tab, tab.add_button)
    fill(dialog, MODEL_WORKER)

    with qtbot.waitSignal(tab.honours_loaded):
        qtbot.keyClick(dialog.awarding_body_edit, Qt.Key.Key_Return)

    assert [view.draft.title for view in list_honours(ctx.db, OFFICE, member_id)] == [
        "北京市劳动模范"
    ]
