"""The competition score grid: keyboard entry, marked invalid cells, one save, ranks and prizes."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from activity_helpers import enter_members, make_competition, make_members, scores
from helpers import OFFICE
from unionDesk.domain.access import Role
from unionDesk.domain.competition import CompetitionType, Prize, competition_label
from unionDesk.domain.competition_scheme import ankang_preset
from unionDesk.i18n import translate
from unionDesk.services.competition_entries import create_team, save_scores, withdraw_entry
from unionDesk.services.competitions import entry_sheet
from unionDesk.ui.activities import score_panel as grid_module
from unionDesk.ui.activities.score_grid import INVALID_BACKGROUND, UNSAVED_BACKGROUND
from unionDesk.ui.activities.score_panel import ScoreGrid
from unionDesk.ui.common import AppContext

THEORY, PRACTICAL = 2, 3  # score columns after the entry and its department
TOTAL, RANK, PRIZE = 4, 5, 6


@pytest.fixture
def competition(ctx: AppContext) -> tuple[int, list[int]]:
    """A 30/70 skills competition with prizes 1/2/3 and three entries: (id, entry ids)."""
    competition_id = make_competition(ctx.db)
    return competition_id, enter_members(ctx.db, competition_id, make_members(ctx.db, 3))


def shown_grid(qtbot: Any, ctx: AppContext, competition_id: int) -> ScoreGrid:
    grid = ScoreGrid(ctx)
    qtbot.addWidget(grid)
    grid.resize(900, 500)
    grid.show()
    with qtbot.waitSignal(grid.loaded):
        grid.load(competition_id)
    return grid


def cell(grid: ScoreGrid, row: int, column: int) -> Any:
    return grid.model.data(grid.model.index(row, column))


def type_in(qtbot: Any, grid: ScoreGrid, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type ``text`` into the current cell as a user would, then press ``key``."""
    view = grid.view
    editor = view.indexWidget(view.currentIndex())
    if editor is None:  # typing starts editing; the following keys go to the new editor
        qtbot.keyClick(view, text[0])
        text, editor = text[1:], view.indexWidget(view.currentIndex())
    assert editor is not None
    qtbot.keyClicks(editor, text)
    press(qtbot, grid, key)


def press(qtbot: Any, grid: ScoreGrid, key: Qt.Key) -> None:
    """Press ``key`` in the open editor, or in the grid when none is open."""
    view = grid.view
    before = view.currentIndex()
    qtbot.keyClick(view.indexWidget(before) or view, key)
    if key == Qt.Key.Key_Tab:
        qtbot.waitUntil(lambda: view.currentIndex() != before)
    else:  # Enter: the editor commits and closes after the key is handled
        qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def start_at(grid: ScoreGrid, row: int, column: int) -> None:
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(row, column))


def test_model_passes_the_model_tester(
    qtmodeltester: Any, qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    grid = shown_grid(qtbot, ctx, competition[0])
    grid.model.setData(grid.model.index(0, THEORY), "101")  # a marked cell
    grid.model.setData(grid.model.index(1, THEORY), "80")  # an unsaved one

    qtmodeltester.check(grid.model, force_py=True)
    qtmodeltester.check(grid.model)


def test_rubric_model_with_a_team_passes_the_model_tester(
    qtmodeltester: Any, qtbot: Any, ctx: AppContext
) -> None:
    competition_id = make_competition(ctx.db, ankang_preset(), kind=CompetitionType.ANKANG)
    create_team(ctx.db, OFFICE, competition_id, "安全一班", make_members(ctx.db, 2))
    grid = shown_grid(qtbot, ctx, competition_id)

    qtmodeltester.check(grid.model, force_py=True)
    assert grid.model.columnCount() == 2 + 7 + 4  # seven items, then total, rank, prize, passed


def test_team_members_are_in_the_name_tooltip(qtbot: Any, ctx: AppContext) -> None:
    competition_id = make_competition(ctx.db)
    create_team(ctx.db, OFFICE, competition_id, "数控一班", make_members(ctx.db, 2))
    grid = shown_grid(qtbot, ctx, competition_id)

    tooltip = grid.model.data(grid.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)

    assert cell(grid, 0, 0) == "数控一班"
    assert "王建国" in tooltip and "李建国" in tooltip


def test_enter_commits_and_moves_down_the_same_column(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    grid = shown_grid(qtbot, ctx, competition[0])
    start_at(grid, 0, THEORY)

    type_in(qtbot, grid, "85")
    type_in(qtbot, grid, "92.5")

    assert [cell(grid, row, THEORY) for row in range(3)] == ["85", "92.5", ""]
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (2, THEORY)


def test_tab_moves_right_and_on_to_the_next_row(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    grid = shown_grid(qtbot, ctx, competition[0])
    start_at(grid, 0, THEORY)

    type_in(qtbot, grid, "80", Qt.Key.Key_Tab)
    assert grid.view.currentIndex().column() == PRACTICAL
    type_in(qtbot, grid, "90", Qt.Key.Key_Tab)

    assert (cell(grid, 0, THEORY), cell(grid, 0, PRACTICAL)) == ("80", "90")
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (1, THEORY)


def test_typing_replaces_a_saved_score(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    competition_id, entries = competition
    save_scores(ctx.db, OFFICE, competition_id, {entries[0]: scores("70", "70")})
    grid = shown_grid(qtbot, ctx, competition_id)
    start_at(grid, 0, THEORY)

    type_in(qtbot, grid, "75")

    assert cell(grid, 0, THEORY) == "75"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("101", "above the maximum"),
        ("-5", "cannot be negative"),
        ("abc", "“abc” is not a number"),
        ("85.555", "too many decimal places"),
    ],
)
def test_a_value_that_breaks_a_rule_is_marked_and_kept_as_typed(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]], typed: str, message: str
) -> None:
    grid = shown_grid(qtbot, ctx, competition[0])
    start_at(grid, 0, THEORY)

    type_in(qtbot, grid, typed)

    index = grid.model.index(0, THEORY)
    assert grid.model.data(index) == typed
    assert grid.model.data(index, Qt.ItemDataRole.BackgroundRole) == INVALID_BACKGROUND
    assert message in grid.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert grid.model.changes() == {}


def test_save_stores_valid_cells_in_one_call_and_leaves_marked_ones_typed(
    qtbot: Any,
    ctx: AppContext,
    competition: tuple[int, list[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    competition_id, entries = competition
    calls: list[dict[int, dict[str, Decimal | None]]] = []

    def counting(db: Any, actor: Any, cid: int, changes: Any) -> None:
        calls.append({entry: dict(values) for entry, values in changes.items()})
        save_scores(db, actor, cid, changes)

    monkeypatch.setattr(grid_module, "save_scores", counting)
    grid = shown_grid(qtbot, ctx, competition_id)
    start_at(grid, 0, THEORY)
    for value in ("80", "101", "60"):
        type_in(qtbot, grid, value)

    with qtbot.waitSignal(grid.saved):
        qtbot.keyClick(grid.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert calls == [{entries[0]: {"theory": Decimal(80)}, entries[2]: {"theory": Decimal(60)}}]
    stored = {row.entry_id: row.values for row in entry_sheet(ctx.db, OFFICE, competition_id).rows}
    assert stored == {
        entries[0]: {"theory": Decimal(80)},
        entries[1]: {},
        entries[2]: {"theory": Decimal(60)},
    }
    assert cell(grid, 1, THEORY) == "101"  # still typed, still marked
    assert grid.model.unsaved_count == 1


def test_ctrl_s_saves_the_score_still_being_typed(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    competition_id, entries = competition
    grid = shown_grid(qtbot, ctx, competition_id)
    start_at(grid, 1, PRACTICAL)
    qtbot.keyClick(grid.view, "7")
    editor = grid.view.indexWidget(grid.view.currentIndex())
    qtbot.keyClicks(editor, "7.5")

    with qtbot.waitSignal(grid.saved):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = entry_sheet(ctx.db, OFFICE, competition_id).rows[1]
    assert (stored.entry_id, stored.values) == (entries[1], {"practical": Decimal("77.5")})


def test_unsaved_cells_are_shaded_until_saved(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    grid = shown_grid(qtbot, ctx, competition[0])
    index = grid.model.index(0, PRACTICAL)
    grid.model.setData(index, "88")
    assert grid.model.data(index, Qt.ItemDataRole.BackgroundRole) == UNSAVED_BACKGROUND

    with qtbot.waitSignal(grid.saved):
        grid.save_button.click()

    assert grid.model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    assert grid.model.unsaved_count == 0


def test_clearing_a_cell_with_delete_removes_the_stored_score(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    competition_id, entries = competition
    save_scores(ctx.db, OFFICE, competition_id, {entries[0]: scores("70", "80")})
    grid = shown_grid(qtbot, ctx, competition_id)
    start_at(grid, 0, PRACTICAL)

    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    with qtbot.waitSignal(grid.saved):
        grid.save()

    assert entry_sheet(ctx.db, OFFICE, competition_id).rows[0].values == {"theory": Decimal(70)}
    assert cell(grid, 0, TOTAL) == ""


def test_ties_show_as_tied_ranks(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    competition_id, entries = competition
    values = {entries[0]: scores("90", "90"), entries[1]: scores("80", "80")}
    save_scores(ctx.db, OFFICE, competition_id, {**values, entries[2]: scores("80", "80")})

    grid = shown_grid(qtbot, ctx, competition_id)

    tied = translate("ScoreGrid", "Tied {rank}").format(rank=2)
    assert [cell(grid, row, RANK) for row in range(3)] == ["1", tied, tied]
    assert [cell(grid, row, TOTAL) for row in range(3)] == ["90.00", "80.00", "80.00"]


def test_refused_scores_are_marked_with_the_service_message(
    qtbot: Any, ctx: AppContext, competition: tuple[int, list[int]]
) -> None:
    competition_id, entries = competition
    grid = shown_grid(qtbot, ctx, competition_id)
    grid.model.setData(grid.model.index(0, THEORY), "75")
    withdraw_entry(ctx.db, OFFICE, entries[0], "因病退赛")  # meanwhile, elsewhere
    with qtbot.waitSignal(grid.save_failed):
        grid.save()

    index = grid.model.index(0, THEORY)
    assert grid.model.data(index, Qt.ItemDataRole.BackgroundRole) == INVALID_BACKGROUND
    assert grid.error_label.isVisible()
    assert entry_sheet(ctx.db, OFFICE, competition_id).rows[0].entry_id == entries[1]


def test_a_viewer_cannot_edit_the_grid(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], competition: Any
) -> None:
    grid = shown_grid(qtbot, as_user("chakan", Role.VIEWER), competition[0])
    start_at(grid, 0, THEORY)

    qtbot.keyClick(grid.view, "8")

    assert grid.view.state() != QAbstractItemView.State.EditingState
    assert not grid.model.flags(grid.model.index(0, THEORY)) & Qt.ItemFlag.ItemIsEditable
    assert grid.model.setData(grid.model.index(0, THEORY), "80") is False
    assert grid.save_button.isHidden()


def test_thirty_entries_typed_through_the_grid_are_saved_ranked_and_awarded(
    qtbot: Any, ctx: AppContext
) -> None:
    """The Done-when scenario: a skills competition with 30 entries, scores typed in the grid."""
    competition_id = make_competition(ctx.db)
    entries = enter_members(ctx.db, competition_id, make_members(ctx.db, 30))
    grid = shown_grid(qtbot, ctx, competition_id)
    # Theory down the column with Enter; practical along the rows with Tab, over theory.
    theory = [str(60 + row) for row in range(30)]  # 60 … 89
    practical = [str(99 - row) for row in range(30)]  # 99 … 70
    start_at(grid, 0, THEORY)
    for value in theory:
        type_in(qtbot, grid, value)
    start_at(grid, 0, PRACTICAL)
    for row, value in enumerate(practical):
        if row:
            press(qtbot, grid, Qt.Key.Key_Tab)  # from this row's theory to its practical
        type_in(qtbot, grid, value, Qt.Key.Key_Tab if row < 29 else Qt.Key.Key_Return)
    assert grid.model.unsaved_count == 60

    with qtbot.waitSignal(grid.saved):
        grid.save_button.click()

    stored = entry_sheet(ctx.db, OFFICE, competition_id).rows
    assert [row.entry_id for row in stored] == entries
    assert [row.values for row in stored] == [
        {"theory": Decimal(t), "practical": Decimal(p)}
        for t, p in zip(theory, practical, strict=True)
    ]
    # total = 0.3·theory + 0.7·practical falls by 0.4 a row: row 0 is first.
    assert cell(grid, 0, TOTAL) == "87.30"
    assert [cell(grid, row, RANK) for row in range(3)] == ["1", "2", "3"]
    prizes = [cell(grid, row, PRIZE) for row in range(7)]
    first, second, third = (
        competition_label(p, translate) for p in (Prize.FIRST, Prize.SECOND, Prize.THIRD)
    )
    assert prizes == [first, second, second, third, third, third, ""]
