"""The review rounds dialog: creating a round, progress by status, reopening and closing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from helpers import OFFICE
from selection_helpers import (
    RoundSetup,
    make_candidates,
    make_members,
    make_program,
    make_reviewers,
    make_round,
    scores,
    submit_scores,
)
from unionDesk.domain.access import Role
from unionDesk.domain.review import ReviewStatus, review_label
from unionDesk.domain.workflow import CandidateState
from unionDesk.i18n import translate
from unionDesk.services.candidates import list_candidates
from unionDesk.services.rounds import list_rounds, round_progress
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.round_dialog import NewRoundDialog, RoundsDialog, parse_quorum

GOOD = scores("18", "35", "22", "13")


@pytest.fixture
def setup(ctx: AppContext) -> RoundSetup:
    """An open round of 3 candidates and 3 reviewers; pw1 (the chair) submitted on the first."""
    made = make_round(ctx.db)
    submit_scores(ctx.db, made, made.chair, made.candidate_ids[0], GOOD)
    return made


def open_dialog(qtbot: Any, ctx: AppContext, program_id: int) -> RoundsDialog:
    dialog = RoundsDialog(ctx, program_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.progress_loaded):
        dialog.show()
    return dialog


def as_actor(ctx: AppContext, actor: Any) -> AppContext:
    return dataclasses.replace(ctx, actor=actor)


def grid_texts(dialog: RoundsDialog) -> list[str]:
    table = dialog.progress_table
    return [
        table.item(row, column).text()
        for row in range(table.rowCount())
        for column in range(table.columnCount())
    ]


def select_pair(dialog: RoundsDialog, reviewer: str, candidate_id: int) -> None:
    table = dialog.progress_table
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            pair = table.item(row, column).data(Qt.ItemDataRole.UserRole)
            if pair.reviewer == reviewer and pair.candidate_id == candidate_id:
                table.setCurrentCell(row, column)
                return
    raise AssertionError(f"no cell for {reviewer} on {candidate_id}")


def check(items: Any, texts: list[str]) -> None:
    for row in range(items.count()):
        if any(text in items.item(row).text() for text in texts):
            items.item(row).setCheckState(Qt.CheckState.Checked)


def test_a_round_created_in_the_form_moves_the_checked_candidates_to_under_review(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    program_id = make_program(ctx.db)
    candidate_ids = make_candidates(ctx.db, program_id, make_members(ctx.db, 3))
    make_reviewers(ctx.db, 2)
    rounds = open_dialog_without_rounds(qtbot, ctx, program_id)
    form = rounds.new_round()
    assert isinstance(form, NewRoundDialog)
    qtbot.waitUntil(lambda: form.candidate_list.count() == 3)
    form.name_edit.setText("第一轮评审")
    check(form.reviewer_list, ["pw1", "pw2"])
    check(form.candidate_list, ["王建国", "李秀英"])
    form.chair_combo.setCurrentIndex(form.chair_combo.findText("评委1 (pw1)"))

    with qtbot.waitSignals([rounds.loaded, rounds.progress_loaded]):
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    states = {row.id: row.state for row in list_candidates(ctx.db, OFFICE, program_id)}
    assert [states[c] for c in candidate_ids] == [
        CandidateState.UNDER_REVIEW,
        CandidateState.UNDER_REVIEW,
        CandidateState.ELIGIBLE,
    ]
    assert rounds.rounds_table.item(0, 0).text() == "第一轮评审"
    assert rounds.rounds_table.item(0, 2).text() == "评委1"


def open_dialog_without_rounds(qtbot: Any, ctx: AppContext, program_id: int) -> RoundsDialog:
    dialog = RoundsDialog(ctx, program_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    return dialog


def test_a_refused_round_keeps_the_form_open_with_the_problem_beside_the_field(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    program_id = make_program(ctx.db)
    make_candidates(ctx.db, program_id, make_members(ctx.db, 1))
    rounds = open_dialog_without_rounds(qtbot, ctx, program_id)
    form = rounds.new_round()
    assert form is not None
    qtbot.waitUntil(lambda: form.candidate_list.count() == 1)
    form.name_edit.setText("第一轮评审")

    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle()

    assert form.isVisible()
    assert form.error_label("reviewer_ids").text() == translate(
        "Validation", "Choose the reviewers of the round, each once."
    )
    assert form.name_edit.text() == "第一轮评审"
    assert list_rounds(ctx.db, OFFICE, program_id) == []


def test_the_progress_grid_shows_statuses_and_no_scores(
    qtbot: Any, ctx: AppContext, setup: RoundSetup
) -> None:
    dialog = open_dialog(qtbot, ctx, setup.program_id)

    texts = grid_texts(dialog)

    submitted = review_label(ReviewStatus.SUBMITTED, translate)
    not_started = translate("RoundsDialog", "Not started")
    assert texts.count(submitted) == 1
    assert texts.count(not_started) == 8
    assert not any(ch.isdigit() for text in texts for ch in text)
    assert dialog.rounds_table.item(0, 3).text() == "1/9"


def test_the_chair_reopens_a_submitted_review_with_a_reason(
    qtbot: Any, ctx: AppContext, setup: RoundSetup, dialogs: Any
) -> None:
    dialog = open_dialog(qtbot, as_actor(ctx, setup.chair), setup.program_id)
    select_pair(dialog, "评委1", setup.candidate_ids[0])
    assert dialog.reopen_button.isEnabled()
    dialogs.texts = [("评分录入有误，请重新评分", True)]

    with qtbot.waitSignal(dialog.progress_loaded):
        dialog.reopen_button.click()

    statuses = [p.status for p in round_progress(ctx.db, OFFICE, setup.round_id)]
    assert ReviewStatus.SUBMITTED not in statuses
    assert review_label(ReviewStatus.DRAFT, translate) in grid_texts(dialog)


def test_an_officer_who_does_not_chair_cannot_reopen(
    qtbot: Any, as_user: Callable[..., AppContext], setup: RoundSetup
) -> None:
    officer = as_user("ganshi", Role.OFFICER)
    dialog = open_dialog(qtbot, officer, setup.program_id)

    select_pair(dialog, "评委1", setup.candidate_ids[0])

    assert dialog.selected_review() is not None
    assert not dialog.reopen_button.isEnabled()


def test_a_reviewer_who_does_not_chair_sees_no_round(
    qtbot: Any, ctx: AppContext, setup: RoundSetup
) -> None:
    dialog = open_dialog_without_rounds(qtbot, as_actor(ctx, setup.reviewers[1]), setup.program_id)

    assert dialog.rounds_table.rowCount() == 0
    assert not dialog.reopen_button.isEnabled()
    assert not dialog.close_round_button.isEnabled()


def test_closing_with_unfinished_reviews_asks_and_closes_on_yes(
    qtbot: Any, ctx: AppContext, setup: RoundSetup, dialogs: Any
) -> None:
    dialog = open_dialog(qtbot, ctx, setup.program_id)
    dialogs.answer = QMessageBox.StandardButton.Yes

    with qtbot.waitSignals([dialog.loaded, dialog.progress_loaded]):
        dialog.close_round_button.click()

    [question] = dialogs.named("question")
    assert "8" in question[2]
    assert list_rounds(ctx.db, OFFICE, setup.program_id)[0].closed
    assert dialog.rounds_table.item(0, 4).text() == translate("RoundsDialog", "Closed")
    assert not dialog.close_round_button.isEnabled()


def test_closing_answered_no_leaves_the_round_open(
    qtbot: Any, ctx: AppContext, setup: RoundSetup, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    dialog = open_dialog(qtbot, ctx, setup.program_id)

    dialog.close_round_button.click()
    wait_idle()

    assert len(dialogs.named("question")) == 1
    assert not list_rounds(ctx.db, OFFICE, setup.program_id)[0].closed


@pytest.mark.parametrize(
    ("text", "quorum"),
    [("2/3", Fraction(2, 3)), ("75%", Fraction(3, 4)), (" 0.8 ", Fraction(4, 5)), ("", None)],
)
def test_a_quorum_is_read_as_fraction_decimal_or_percentage(
    text: str, quorum: Fraction | None
) -> None:
    assert parse_quorum(text) == quorum


def test_an_unreadable_quorum_is_shown_beside_the_field(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    program_id = make_program(ctx.db)
    rounds = open_dialog_without_rounds(qtbot, ctx, program_id)
    form = rounds.new_round()
    assert form is not None
    wait_idle()
    form.quorum_edit.setText("三分之二")

    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert form.error_label("quorum").text() == translate(
        "NewRoundDialog",
        "Enter the quorum as a fraction such as 2/3, or as a percentage such as 75%.",
    )
    assert form.buttons.isEnabled()
