"""The 竞赛 page: list, search and filters, actions, unsaved scores, and the entries dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from activity_helpers import enter_members, make_competition, make_members, scores
from helpers import OFFICE, TODAY
from unionDesk.domain.access import Role
from unionDesk.domain.competition import CompetitionType, Prize
from unionDesk.domain.enums import ChangeKind
from unionDesk.domain.honours import HonourLevel
from unionDesk.services.competition_entries import save_scores
from unionDesk.services.competitions import entry_sheet, list_competitions
from unionDesk.services.honours import list_honours
from unionDesk.services.members import record_change
from unionDesk.ui.activities.competition_form import CompetitionFormDialog
from unionDesk.ui.activities.competitions_page import CompetitionsPage
from unionDesk.ui.activities.entries_dialog import EntriesDialog
from unionDesk.ui.activities.prize_honour_dialog import PrizeHonourDialog
from unionDesk.ui.common import AppContext

THEORY = 2
SKILLS, ANKANG = "2026年数控车工技能竞赛", "2025年安康杯竞赛"


@pytest.fixture
def two(ctx: AppContext) -> dict[str, int]:
    """A 2026 skills competition and a 2025 安康杯: name -> id."""
    return {
        SKILLS: make_competition(ctx.db),
        ANKANG: make_competition(
            ctx.db,
            name=ANKANG,
            kind=CompetitionType.ANKANG,
            starts_on=date(2025, 9, 1),
            ends_on=None,
            trade="",
        ),
    }


def open_page(qtbot: Any, ctx: AppContext) -> CompetitionsPage:
    page = CompetitionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: ctx.tasks.idle and page.grid.competition_id is not None)
    return page


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, two: dict[str, int]) -> CompetitionsPage:
    return open_page(qtbot, ctx)


def names(page: CompetitionsPage) -> list[str]:
    return [page.table.item(row, 0).text() for row in range(page.table.rowCount())]


def select(qtbot: Any, page: CompetitionsPage, name: str) -> None:
    page.table.selectRow(names(page).index(name))
    qtbot.waitUntil(lambda: page._ctx.tasks.idle)


def test_the_list_is_newest_first_and_shows_the_first_competitions_grid(
    page: CompetitionsPage, two: dict[str, int]
) -> None:
    assert names(page) == [SKILLS, ANKANG]
    assert page.grid.competition_id == two[SKILLS]
    assert SKILLS in page.sheet_title.text()


def test_search_type_and_year_filter_the_list(qtbot: Any, page: CompetitionsPage) -> None:
    with qtbot.waitSignal(page.results_applied):
        qtbot.keyClicks(page.search_edit, "2025")
    assert names(page) == [ANKANG]
    with qtbot.waitSignal(page.results_applied):
        page.search_edit.clear()

    with qtbot.waitSignal(page.results_applied):
        page.type_combo.setCurrentIndex(page.type_combo.findData(CompetitionType.SKILLS.value))
    assert names(page) == [SKILLS]

    with qtbot.waitSignal(page.results_applied):
        page.type_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.results_applied):
        page.year_combo.setCurrentIndex(page.year_combo.findData(2025))
    assert names(page) == [ANKANG]


def test_a_new_competition_is_listed_and_its_grid_shown(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage
) -> None:
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.new_button.click()
    dialog: CompetitionFormDialog = opened.args[0]
    dialog.field_widget("name").setText("2026年电工技能竞赛")
    kind = dialog.field_widget("kind")
    kind.setCurrentIndex(kind.findData(CompetitionType.SKILLS.value))

    with qtbot.waitSignal(page.results_applied):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: ctx.tasks.idle)

    assert "2026年电工技能竞赛" in names(page)
    assert page.grid.competition_id == dialog.saved_competition_id
    assert page.selected_competition_id() == dialog.saved_competition_id


def test_delete_asks_for_a_reason_and_removes_the_competition(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, dialogs: Any, two: dict[str, int]
) -> None:
    dialogs.texts = [("录入重复", True)]
    with qtbot.waitSignal(page.results_applied):
        page.delete_button.click()

    assert names(page) == [ANKANG]
    assert [row.id for row in list_competitions(ctx.db, OFFICE)] == [two[ANKANG]]
    assert SKILLS in dialogs.named("getText")[0][2]


def test_unsaved_scores_are_kept_when_the_switch_is_cancelled(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, dialogs: Any, two: dict[str, int]
) -> None:
    enter_members(ctx.db, two[SKILLS], make_members(ctx.db, 1))
    page.grid.load(two[SKILLS])
    qtbot.waitUntil(lambda: page.grid.model.rowCount() == 1)
    page.grid.model.setData(page.grid.model.index(0, THEORY), "88")
    dialogs.answer = QMessageBox.StandardButton.Cancel

    select(qtbot, page, ANKANG)

    assert dialogs.named("question")
    assert page.grid.competition_id == two[SKILLS]
    assert page.selected_competition_id() == two[SKILLS]
    assert page.grid.model.data(page.grid.model.index(0, THEORY)) == "88"


def test_discarding_unsaved_scores_switches_and_saves_nothing(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, dialogs: Any, two: dict[str, int]
) -> None:
    enter_members(ctx.db, two[SKILLS], make_members(ctx.db, 1))
    page.grid.load(two[SKILLS])
    qtbot.waitUntil(lambda: page.grid.model.rowCount() == 1)
    page.grid.model.setData(page.grid.model.index(0, THEORY), "88")
    dialogs.answer = QMessageBox.StandardButton.Discard

    select(qtbot, page, ANKANG)

    assert page.grid.competition_id == two[ANKANG]
    assert not page.grid.has_unsaved()
    assert entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows[0].values == {}


def test_saving_unsaved_scores_stores_them_then_switches(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, dialogs: Any, two: dict[str, int]
) -> None:
    enter_members(ctx.db, two[SKILLS], make_members(ctx.db, 1))
    page.grid.load(two[SKILLS])
    qtbot.waitUntil(lambda: page.grid.model.rowCount() == 1)
    page.grid.model.setData(page.grid.model.index(0, THEORY), "88")
    dialogs.answer = QMessageBox.StandardButton.Save

    select(qtbot, page, ANKANG)
    qtbot.waitUntil(lambda: page.grid.competition_id == two[ANKANG])

    assert entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows[0].values == {"theory": Decimal(88)}
    assert page.selected_competition_id() == two[ANKANG]


def test_a_viewer_sees_no_editing(
    qtbot: Any, ctx: AppContext, two: dict[str, int], as_user: Callable[..., AppContext]
) -> None:
    enter_members(ctx.db, two[SKILLS], make_members(ctx.db, 1))
    page = open_page(qtbot, as_user("chakan", Role.VIEWER))
    qtbot.waitUntil(lambda: page.grid.model.rowCount() == 1)

    assert not page.new_button.isEnabled()
    assert not page.delete_button.isEnabled()
    assert not page.entries_button.isEnabled()
    assert page.edit_button.isEnabled()  # opens the form read-only
    assert page.grid.save_button.isHidden()
    assert not page.grid.model.flags(page.grid.model.index(0, THEORY)) & Qt.ItemFlag.ItemIsEditable


# --- entries ------------------------------------------------------------------------------


@pytest.fixture
def entries(qtbot: Any, page: CompetitionsPage) -> EntriesDialog:
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.entries_button.click()
    dialog: EntriesDialog = opened.args[0]
    qtbot.waitUntil(lambda: page._ctx.tasks.idle)
    return dialog


def search(qtbot: Any, dialog: EntriesDialog, text: str) -> list[str]:
    with qtbot.waitSignal(dialog.results_shown):
        dialog.search_edit.setText(text)
    return [dialog.results.item(row).text() for row in range(dialog.results.count())]


def choose_all(dialog: EntriesDialog) -> None:
    for row in range(dialog.results.count()):
        item = dialog.results.item(row)
        item.setSelected(bool(item.flags() & Qt.ItemFlag.ItemIsEnabled))


def test_members_found_by_pinyin_initials_are_entered_together(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, entries: EntriesDialog, two: Any
) -> None:
    make_members(ctx.db, 12)  # 王建国, 李建国 … 王秀英, 李秀英
    with qtbot.waitSignal(entries.results_shown):
        qtbot.keyClicks(entries.search_edit, "wxy")
    choose_all(entries)

    with qtbot.waitSignal(page.grid.loaded):
        entries.enter_button.click()

    assert [row.name for row in entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows] == ["王秀英"]
    assert page.grid.model.data(page.grid.model.index(0, 0)) == "王秀英"
    qtbot.waitUntil(lambda: "(" in entries.results.item(0).text())  # marked as entered
    assert not entries.results.item(0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_withdrawn_member_cannot_be_chosen(
    qtbot: Any, ctx: AppContext, entries: EntriesDialog
) -> None:
    member = make_members(ctx.db, 1)[0]
    record_change(
        ctx.db, OFFICE, member, ChangeKind.WITHDRAW, date(2026, 3, 1), "退会", today=TODAY
    )

    search(qtbot, entries, "wjg")

    assert not entries.results.item(0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_an_empty_team_is_refused_with_the_service_message(
    qtbot: Any, ctx: AppContext, entries: EntriesDialog, two: Any
) -> None:
    entries.team_name_edit.setText("数控一班")
    entries.create_team_button.click()
    qtbot.waitUntil(lambda: entries.message.isVisible())

    assert "member" in entries.message.text()
    assert entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows == ()
    assert entries.team_name_edit.text() == "数控一班"


def test_a_team_is_entered_with_its_members(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, entries: EntriesDialog, two: Any
) -> None:
    make_members(ctx.db, 12)
    search(qtbot, entries, "秀英")  # 王秀英, 李秀英
    choose_all(entries)
    entries.add_to_team_button.click()
    entries.team_name_edit.setText("数控一班")

    with qtbot.waitSignal(page.grid.loaded):
        entries.create_team_button.click()

    row = entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows[0]
    assert (row.name, sorted(row.team_members)) == ("数控一班", sorted(["王秀英", "李秀英"]))
    assert entries.team_list.count() == 0
    qtbot.waitUntil(lambda: ctx.tasks.idle)  # the search runs again to mark the entered
    tooltip = page.grid.model.data(page.grid.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "王秀英" in tooltip


def test_withdrawing_an_entry_asks_for_a_reason(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, dialogs: Any, two: Any
) -> None:
    enter_members(ctx.db, two[SKILLS], make_members(ctx.db, 2))
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.entries_button.click()
    dialog: EntriesDialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.entries_table.rowCount() == 2)
    dialog.select_entry("王建国")
    dialogs.texts = [("因病不能参赛", True)]

    with qtbot.waitSignal(page.grid.loaded):
        dialog.withdraw_button.click()

    assert [row.name for row in entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows] == ["李建国"]


def test_a_prize_is_recorded_as_an_honour(
    qtbot: Any, ctx: AppContext, page: CompetitionsPage, two: Any
) -> None:
    members = make_members(ctx.db, 2)
    entry_ids = enter_members(ctx.db, two[SKILLS], members)
    save_scores(ctx.db, OFFICE, two[SKILLS], {entry_ids[0]: scores("95", "96")})
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.entries_button.click()
    dialog: EntriesDialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.entries_table.rowCount() == 2)
    dialog.select_entry("李建国")
    assert not dialog.honour_button.isEnabled()  # no prize
    dialog.select_entry("王建国")

    with qtbot.waitSignal(dialog.dialog_opened) as honour_opened:
        dialog.honour_button.click()
    honour: PrizeHonourDialog = honour_opened.args[0]
    assert honour.level_combo.currentData() == HonourLevel.ENTERPRISE.value  # from the level
    honour.body_edit.setText("公司工会")
    with qtbot.waitSignal(honour.accepted):
        honour.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    held = list_honours(ctx.db, OFFICE, members[0])
    assert [(h.draft.title, h.draft.awarding_body) for h in held] == [
        ("2026年数控车工技能竞赛一等奖", "公司工会")
    ]
    assert dialog.entries_table.item(0, 5).text()  # the prize is listed
    assert Prize.FIRST in {row.prize for row in entry_sheet(ctx.db, OFFICE, two[SKILLS]).rows}
