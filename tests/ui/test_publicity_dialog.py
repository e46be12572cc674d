"""The publicity dialog: end date and quota before the start, override, objections, decisions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from helpers import OFFICE
from selection_helpers import (
    ROUND_CLOSES,
    ROUND_OPENS,
    RoundSetup,
    make_candidates,
    make_members,
    make_program,
    make_reviewers,
    scores,
    submit_scores,
)
from unionDesk.domain.workflow import CandidateState
from unionDesk.i18n import translate
from unionDesk.services.candidates import list_candidates
from unionDesk.services.objections import ObjectionResult, list_objections, result_label
from unionDesk.services.publicity import start_publicity
from unionDesk.services.results import shortlist
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.store.db import Database
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.publicity_dialog import PublicityDialog

FRONTLINE, MANAGER, SCIENCE = "一线职工", "企业负责人", "科教人员"
GOOD = scores("18", "35", "22", "13")
STATE = 3


def make_shortlist(db: Database, categories: Sequence[str]) -> tuple[int, list[int]]:
    """A program whose candidates of ``categories`` were reviewed, closed and shortlisted."""
    program_id = make_program(db)
    candidate_ids = make_candidates(db, program_id, make_members(db, len(categories)), categories)
    reviewers = make_reviewers(db, 2)
    draft = RoundDraft(
        program_id,
        "第一轮评审",
        ROUND_OPENS,
        ROUND_CLOSES,
        reviewers[0].user_id,
        tuple(r.user_id for r in reviewers if r.user_id is not None),
        tuple(candidate_ids),
    )
    setup = RoundSetup(program_id, create_round(db, OFFICE, draft), candidate_ids, reviewers)
    for candidate_id in candidate_ids:
        for reviewer in reviewers:
            submit_scores(db, setup, reviewer, candidate_id, GOOD)
    close_round(db, OFFICE, setup.round_id)
    shortlist(db, OFFICE, candidate_ids)
    return program_id, candidate_ids


@pytest.fixture
def balanced(ctx: AppContext) -> tuple[int, list[int]]:
    """Two front-line candidates: every quota rule of the preset is met."""
    return make_shortlist(ctx.db, [FRONTLINE, FRONTLINE])


@pytest.fixture
def unbalanced(ctx: AppContext) -> tuple[int, list[int]]:
    """One of three front-line (below 50%) and one manager of three (above 20%)."""
    return make_shortlist(ctx.db, [FRONTLINE, MANAGER, SCIENCE])


@pytest.fixture
def publicised(ctx: AppContext, balanced: tuple[int, list[int]]) -> tuple[int, int]:
    """The first candidate of ``balanced`` in publicity from today."""
    program_id, candidate_ids = balanced
    start_publicity(ctx.db, OFFICE, program_id, candidate_ids[:1], date.today())
    return program_id, candidate_ids[0]


def open_publicity(qtbot: Any, ctx: AppContext, program_id: int) -> PublicityDialog:
    dialog = PublicityDialog(ctx, program_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignals([dialog.loaded, dialog.plan_shown]):
        dialog.show()
    return dialog


def plan_for(qtbot: Any, dialog: PublicityDialog, day: date) -> None:
    with qtbot.waitSignal(dialog.plan_shown):
        dialog.start_edit.setDate(QDate(day.year, day.month, day.day))


def states(ctx: AppContext, program_id: int) -> list[CandidateState]:
    return [row.state for row in list_candidates(ctx.db, OFFICE, program_id)]


def select_candidate(dialog: PublicityDialog, candidate_id: int) -> None:
    ids = [line.candidate.id for line in dialog.lines]
    dialog.table.selectRow(ids.index(candidate_id))


def click_ok(qtbot: Any, dialog: PublicityDialog, form: Any) -> None:
    with qtbot.waitSignal(dialog.loaded):
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_plan_over_national_day_ends_on_october_12(
    qtbot: Any, ctx: AppContext, balanced: tuple[int, list[int]]
) -> None:
    dialog = open_publicity(qtbot, ctx, balanced[0])

    plan_for(qtbot, dialog, date(2026, 9, 30))

    expected = translate("PublicityDialog", "{days} working days, ending on {end}")
    assert dialog.plan_label.text() == expected.format(days=5, end="2026-10-12")


def test_the_quota_check_is_shown_before_the_start(
    qtbot: Any, ctx: AppContext, unbalanced: tuple[int, list[int]]
) -> None:
    dialog = open_publicity(qtbot, ctx, unbalanced[0])

    lines = dialog.quota_label.text().split("<br>")

    assert len(lines) == 2
    assert all("✗" in line and "✓" not in line for line in lines)
    assert dialog.override_edit.isEnabled()
    assert states(ctx, unbalanced[0]) == [CandidateState.SHORTLISTED] * 3


def test_a_broken_quota_needs_a_written_reason_to_start(
    qtbot: Any, ctx: AppContext, unbalanced: tuple[int, list[int]]
) -> None:
    dialog = open_publicity(qtbot, ctx, unbalanced[0])
    plan_for(qtbot, dialog, date.today())

    dialog.start_button.click()

    assert dialog.override_error.text() == translate(
        "PublicityDialog", "A quota rule is not met. Write why the publicity starts anyway."
    )
    assert states(ctx, unbalanced[0]) == [CandidateState.SHORTLISTED] * 3
    dialog.override_edit.setText("本年度企业负责人推荐名额经市总工会批准调整")
    with qtbot.waitSignals([dialog.loaded, dialog.plan_shown]):
        dialog.start_button.click()
    assert states(ctx, unbalanced[0]) == [CandidateState.IN_PUBLICITY] * 3


def test_starting_puts_the_shortlist_into_publicity_with_its_dates(
    qtbot: Any, ctx: AppContext, balanced: tuple[int, list[int]]
) -> None:
    dialog = open_publicity(qtbot, ctx, balanced[0])
    plan_for(qtbot, dialog, date.today())
    assert dialog.plan is not None

    with qtbot.waitSignals([dialog.loaded, dialog.plan_shown]):
        dialog.start_button.click()

    period = f"{date.today()} – {dialog.plan.end}"
    assert states(ctx, balanced[0]) == [CandidateState.IN_PUBLICITY] * 2
    assert [dialog.table.item(row, 4).text() for row in range(2)] == [period, period]
    assert not dialog.start_button.isEnabled()


def test_an_objection_is_recorded_and_resolved(
    qtbot: Any, ctx: AppContext, publicised: tuple[int, int]
) -> None:
    program_id, candidate_id = publicised
    dialog = open_publicity(qtbot, ctx, program_id)
    select_candidate(dialog, candidate_id)

    form = dialog.record_objection()
    assert form is not None
    form.content_edit.setPlainText("反映该候选人的创新成果系班组集体完成。")
    click_ok(qtbot, dialog, form)
    select_candidate(dialog, candidate_id)
    dialog.objection_table.selectRow(0)
    pending = result_label(ObjectionResult.PENDING, translate)
    assert dialog.objection_table.item(0, 3).text() == pending

    resolver = dialog.resolve_selected_objection()
    assert resolver is not None
    resolver.handling_edit.setPlainText("经调查核实，成果由候选人主持完成，异议不属实。")
    resolver.result_combo.setCurrentIndex(resolver.result_combo.findData("dismissed"))
    click_ok(qtbot, dialog, resolver)

    [objection] = list_objections(ctx.db, OFFICE, candidate_id)
    assert objection.result is ObjectionResult.DISMISSED
    select_candidate(dialog, candidate_id)
    assert dialog.objection_table.item(0, 3).text() == result_label(
        ObjectionResult.DISMISSED, translate
    )


def test_an_objection_without_content_keeps_the_form_open(
    qtbot: Any, ctx: AppContext, publicised: tuple[int, int], wait_idle: Any
) -> None:
    program_id, candidate_id = publicised
    dialog = open_publicity(qtbot, ctx, program_id)
    select_candidate(dialog, candidate_id)
    form = dialog.record_objection()
    assert form is not None

    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle()

    assert form.isVisible()
    assert form.error_label("content").text() == translate(
        "Validation", "Write what the objection says."
    )


def test_approval_before_the_end_is_refused_with_the_message(
    qtbot: Any, ctx: AppContext, publicised: tuple[int, int], dialogs: Any, wait_idle: Any
) -> None:
    program_id, candidate_id = publicised
    dialog = open_publicity(qtbot, ctx, program_id)
    select_candidate(dialog, candidate_id)
    dialogs.answer = QMessageBox.StandardButton.Yes

    dialog.approve_button.click()
    wait_idle()

    line = dialog.selected_line()
    assert line is not None and line.status is not None
    refusal = translate(
        "Validation",
        "The publicity of {name} runs until {end}. Approve the candidate after that day.",
    )
    assert dialog.message.text() == refusal.format(name=line.candidate.name, end=line.status.end)
    rows = {row.id: row.state for row in list_candidates(ctx.db, OFFICE, program_id)}
    assert rows[candidate_id] is CandidateState.IN_PUBLICITY


def test_not_approving_asks_for_the_reason_and_rejects(
    qtbot: Any, ctx: AppContext, publicised: tuple[int, int], dialogs: Any
) -> None:
    program_id, candidate_id = publicised
    dialog = open_publicity(qtbot, ctx, program_id)
    select_candidate(dialog, candidate_id)
    dialogs.texts = [("经核实，异议属实", True)]

    with qtbot.waitSignal(dialog.loaded):
        dialog.reject_button.click()

    rows = {row.id: row.state for row in list_candidates(ctx.db, OFFICE, program_id)}
    assert rows[candidate_id] is CandidateState.REJECTED
    assert candidate_id not in [line.candidate.id for line in dialog.lines]
