"""The results dialog: ranking figures from program_results, ties, detail, shortlist, sealing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from helpers import OFFICE
from selection_helpers import RoundSetup, make_round, scores, submit_scores
from unionDesk.domain.scoring import to_decimal
from unionDesk.domain.workflow import CandidateState
from unionDesk.i18n import translate
from unionDesk.services.candidates import list_candidates
from unionDesk.services.results import program_results
from unionDesk.services.rounds import close_round
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.results_view import ResultsDialog

RANK, NAME, SCORE, VALID, MEAN, MEDIAN = 0, 1, 5, 6, 7, 8
# Per candidate, the five reviewers' totals (4 criteria); with 5 scores the highest and lowest
# are dropped, so score and mean differ. The first two candidates score alike (a tie).
ALIKE = ["18 36 22 13", "17 35 20 12", "19 38 23 14", "12 25 15 9", "20 39 24 15"]
SHEETS = [ALIKE, ALIKE, ["16 30 18 10", "15 33 19 11", "20 39 24 15", "14 28 17 9", "19 37 21 14"]]
THIRD = SHEETS[2]


@pytest.fixture
def closed(ctx: AppContext) -> RoundSetup:
    """A closed round of 3 candidates, each scored by all 5 reviewers."""
    setup = make_round(ctx.db, reviewers=5)
    for candidate_id, sheet in zip(setup.candidate_ids, SHEETS, strict=True):
        for reviewer, values in zip(setup.reviewers, sheet, strict=True):
            submit_scores(ctx.db, setup, reviewer, candidate_id, scores(*values.split()))
    close_round(ctx.db, OFFICE, setup.round_id)
    return setup


def open_results(qtbot: Any, ctx: AppContext, program_id: int, round_id: int | None = None) -> Any:
    dialog = ResultsDialog(ctx, program_id, round_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    return dialog


def column(dialog: ResultsDialog, number: int) -> list[str]:
    table = dialog.ranking_table
    return [table.item(row, number).text() for row in range(table.rowCount())]


def test_ranking_shows_the_scores_program_results_computes(
    qtbot: Any, ctx: AppContext, closed: RoundSetup
) -> None:
    expected = program_results(ctx.db, OFFICE, closed.program_id).rows

    dialog = open_results(qtbot, ctx, closed.program_id)

    assert column(dialog, NAME) == [row.name for row in expected]
    assert column(dialog, SCORE) == [str(to_decimal(row.aggregate.score)) for row in expected]
    assert column(dialog, MEAN) == [str(to_decimal(row.aggregate.mean)) for row in expected]
    assert column(dialog, MEDIAN) == [str(to_decimal(row.aggregate.median)) for row in expected]
    assert column(dialog, VALID) == ["5/5"] * 3
    assert column(dialog, SCORE) != column(dialog, MEAN)  # trimmed


def test_tied_candidates_share_a_rank_shown_as_tied(
    qtbot: Any, ctx: AppContext, closed: RoundSetup
) -> None:
    dialog = open_results(qtbot, ctx, closed.program_id)

    tied = translate("ResultsDialog", "Tied {rank}").format(rank=1)
    assert column(dialog, RANK) == [tied, tied, "3"]


def test_detail_lists_each_reviewers_values_of_the_selected_candidate(
    qtbot: Any, ctx: AppContext, closed: RoundSetup
) -> None:
    dialog = open_results(qtbot, ctx, closed.program_id)
    third = column(dialog, RANK).index("3")
    dialog.ranking_table.selectRow(third)

    with qtbot.waitSignal(dialog.loaded):
        dialog.detail_box.setChecked(True)

    table = dialog.detail_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(5)]
    assert table.isVisible() and table.rowCount() == 5
    assert [row[1] for row in rows] == [f"评委{n}" for n in range(1, 6)]
    assert [row[3:7] for row in rows] == [values.split() for values in THIRD]


def test_shortlisting_moves_the_selected_candidates_to_shortlisted(
    qtbot: Any, ctx: AppContext, closed: RoundSetup, dialogs: Any
) -> None:
    dialog = open_results(qtbot, ctx, closed.program_id)
    table = dialog.ranking_table
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):
        table.selectionModel().select(table.model().index(row, 0), rows)
    dialogs.answer = QMessageBox.StandardButton.Yes
    chosen = dialog.selected_ids()

    with qtbot.waitSignal(dialog.loaded):
        dialog.shortlist_button.click()

    states = {row.id: row.state for row in list_candidates(ctx.db, OFFICE, closed.program_id)}
    assert len(chosen) == 2
    assert [states[c] for c in chosen] == [CandidateState.SHORTLISTED] * 2
    assert not dialog.shortlist_button.isEnabled()  # the selection is no longer scored


def test_an_open_round_shows_the_sealed_message_and_no_ranking(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    setup = make_round(ctx.db)
    submit_scores(ctx.db, setup, setup.chair, setup.candidate_ids[0], scores(*ALIKE[0].split()))

    dialog = open_results(qtbot, ctx, setup.program_id, setup.round_id)

    sealed = translate(
        "Validation", "Scores of the round {round} stay sealed until the round is closed."
    ).format(round="第一轮评审")
    assert dialog.message.text() == sealed
    assert dialog.ranking_table.rowCount() == 0


def test_the_chair_sees_the_ranking_of_the_closed_round(
    qtbot: Any, ctx: AppContext, closed: RoundSetup
) -> None:
    chair = dataclasses.replace(ctx, actor=closed.chair)

    dialog = open_results(qtbot, chair, closed.program_id, closed.round_id)

    assert dialog.ranking_table.rowCount() == 3
    assert not dialog.shortlist_button.isVisible()  # a reviewer may not shortlist
