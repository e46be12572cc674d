"""The reviewer's screen (我的评审): scoring, submitting and recusing through the real widgets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from helpers import OFFICE
from selection_helpers import make_candidates, make_members, make_program, make_reviewers
from unionDesk.domain.access import Actor
from unionDesk.domain.candidate import AttachmentKind
from unionDesk.domain.review import ConflictKind, ReviewStatus, review_label
from unionDesk.i18n import translate
from unionDesk.services.attachments import add_attachment
from unionDesk.services.reviews import AssignmentDetail, assignment_detail, submit_review
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.recusal_dialog import RecusalDialog
from unionDesk.ui.selection.review_page import ReviewPage
from unionDesk.ui.selection.score_sheet import NO_TOTAL

TODAY = date.today()  # the page works with the real date, so the round must include it
# On the 北京大工匠 rubric (思想品德 20, 技能水平 40, 创新成果 25, 示范作用 15) each weight equals
# the maximum, so the weighted total is the plain sum of the values.
TYPED = {"conduct": "18.5", "skill": "36", "innovation": "22", "example": "13.5"}
TYPED_TOTAL = "90.00"


@dataclasses.dataclass(frozen=True)
class Round:
    """An open round (today inside its dates) with two candidates and two reviewers."""

    id: int
    candidate_ids: list[int]
    reviewers: list[Actor]


@pytest.fixture
def review_round(ctx: AppContext) -> Round:
    program_id = make_program(ctx.db)
    candidate_ids = make_candidates(ctx.db, program_id, make_members(ctx.db, 2))
    reviewers = make_reviewers(ctx.db, 2)
    draft = RoundDraft(
        program_id=program_id,
        name="第一轮评审",
        opens_on=TODAY - timedelta(days=1),
        closes_on=TODAY + timedelta(days=10),
        chair_user_id=reviewers[0].user_id,
        reviewer_ids=tuple(r.user_id for r in reviewers if r.user_id is not None),
        candidate_ids=tuple(candidate_ids),
    )
    return Round(create_round(ctx.db, OFFICE, draft), candidate_ids, reviewers)


@pytest.fixture
def open_page(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> Callable[[Actor], ReviewPage]:
    """``open_page(reviewer)``: the page as that reviewer sees it, loaded and shown."""

    def make(reviewer: Actor) -> ReviewPage:
        page = ReviewPage(dataclasses.replace(ctx, actor=reviewer))
        qtbot.addWidget(page)
        page.resize(1200, 780)
        page.show()
        page.activateWindow()
        qtbot.waitActive(page)
        wait_idle()
        return page

    return make


def choose(qtbot: Any, page: ReviewPage, candidate_id: int, wait: Callable[[], None]) -> None:
    """Click the candidate's row on the left and wait for the nomination to be shown."""
    table = page.candidate_table
    row = [a.candidate_id for a in page._assignments].index(candidate_id)
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait()


def detail_of(ctx: AppContext, reviewer: Actor, rnd: Round, candidate_id: int) -> AssignmentDetail:
    """What the service holds for this reviewer: the check behind the widgets."""
    return assignment_detail(ctx.db, reviewer, rnd.id, candidate_id, today=TODAY)


def type_score(qtbot: Any, text: str) -> None:
    """Type into the focused editor and press Enter, as a reviewer does."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def visible_texts(page: ReviewPage) -> str:
    """Every text the page shows in labels and fields."""
    parts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QLineEdit)]
    parts += [w.toPlainText() for w in page.findChildren(QPlainTextEdit)]
    return "\n".join(parts)


def test_reviewer_types_scores_with_enter_and_submits(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any, dialogs: Any
) -> None:
    reviewer, candidate = review_round.reviewers[0], review_round.candidate_ids[0]
    page = open_page(reviewer)
    choose(qtbot, page, candidate, wait_idle)
    editors = page.sheet.editors
    qtbot.waitUntil(lambda: editors["conduct"].hasFocus())
    for key in ("conduct", "skill", "innovation", "example"):
        assert editors[key].hasFocus()
        type_score(qtbot, TYPED[key])
    assert page.sheet.comment_edit.hasFocus()  # Enter in the last score moves to the comment
    page.sheet.comment_edit.setPlainText("技术攻关成果突出")  # Chinese cannot be key-clicked
    assert TYPED_TOTAL in page.sheet.total_text()

    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.review_stored):
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    wait_idle()

    assert len(dialogs.named("question")) == 1
    stored = detail_of(ctx, reviewer, review_round, candidate)
    assert stored.review.status is ReviewStatus.SUBMITTED
    assert stored.review.values == {key: Decimal(text) for key, text in TYPED.items()}
    assert stored.review.comment == "技术攻关成果突出"
    assert all(editor.isReadOnly() for editor in page.sheet.editors.values())
    assert page.sheet.comment_edit.isReadOnly()
    assert not page.submit_button.isEnabled() and not page.save_button.isEnabled()
    assert page.lock_label.isVisible() and page.lock_label.text()
    status = review_label(ReviewStatus.SUBMITTED, translate)
    assert page.candidate_table.item(page.candidate_table.currentRow(), 2).text() == status
    assert "1/2" in page.round_combo.currentText()


def test_declining_the_confirmation_submits_nothing(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any, dialogs: Any
) -> None:
    reviewer, candidate = review_round.reviewers[0], review_round.candidate_ids[0]
    page = open_page(reviewer)
    choose(qtbot, page, candidate, wait_idle)
    for key, text in TYPED.items():
        page.sheet.editors[key].setText(text)
    dialogs.answer = QMessageBox.StandardButton.No
    page.submit_button.click()
    wait_idle()
    assert len(dialogs.named("question")) == 1
    assert detail_of(ctx, reviewer, review_round, candidate).review.status is None
    assert not page.sheet.editors["conduct"].isReadOnly()


def test_out_of_range_score_is_marked_and_submit_is_refused(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any, dialogs: Any
) -> None:
    reviewer, candidate = review_round.reviewers[0], review_round.candidate_ids[0]
    page = open_page(reviewer)
    choose(qtbot, page, candidate, wait_idle)
    type_score(qtbot, "25")  # 思想品德 has a maximum of 20
    for key in ("skill", "innovation", "example"):
        type_score(qtbot, TYPED[key])

    error = page.sheet.errors["conduct"]
    assert error.isVisible() and "25" in error.text() and "20" in error.text()
    assert "#b3261e" in page.sheet.editors["conduct"].styleSheet()
    assert not page.sheet.errors["skill"].isVisible()
    assert NO_TOTAL in page.sheet.total_text()

    dialogs.answer = QMessageBox.StandardButton.Yes
    page.submit_button.click()
    wait_idle()
    assert dialogs.named("question") == []  # refused before asking to confirm
    assert page.message_label.isVisible() and page.message_label.text()
    assert detail_of(ctx, reviewer, review_round, candidate).review.status is None


def test_ctrl_s_keeps_a_draft_of_the_scores_so_far(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    reviewer, candidate = review_round.reviewers[0], review_round.candidate_ids[0]
    page = open_page(reviewer)
    choose(qtbot, page, candidate, wait_idle)
    type_score(qtbot, "17")
    with qtbot.waitSignal(page.review_stored):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    wait_idle()
    stored = detail_of(ctx, reviewer, review_round, candidate).review
    assert stored.status is ReviewStatus.DRAFT
    assert stored.values == {"conduct": Decimal("17")}
    assert not page.sheet.editors["skill"].isReadOnly()  # a draft stays editable
    status = review_label(ReviewStatus.DRAFT, translate)
    assert page.candidate_table.item(page.candidate_table.currentRow(), 2).text() == status


def test_ctrl_down_moves_to_the_next_candidate_and_its_first_score(
    qtbot: Any, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    page = open_page(review_round.reviewers[0])
    first = page._assignments[0].candidate_id
    choose(qtbot, page, first, wait_idle)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert page.detail is not None
    assert page.detail.candidate_id == page._assignments[1].candidate_id != first
    assert page.sheet.editors["conduct"].hasFocus()


def test_recusal_as_other_needs_a_description(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    reviewer, candidate = review_round.reviewers[0], review_round.candidate_ids[1]
    page = open_page(reviewer)
    choose(qtbot, page, candidate, wait_idle)
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.recuse_button.click()
    dialog: RecusalDialog = opened.args[0]
    dialog.kind_buttons[ConflictKind.OTHER].click()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    wait_idle()
    assert dialog.isVisible() and dialog.text_error.isVisible() and dialog.text_error.text()
    assert detail_of(ctx, reviewer, review_round, candidate).review.status is None

    dialog.text_edit.setText("曾与被推荐人在同一项目组共事")
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    wait_idle()
    stored = detail_of(ctx, reviewer, review_round, candidate).review
    assert stored.status is ReviewStatus.RECUSED
    assert stored.conflict_kind is ConflictKind.OTHER
    assert stored.conflict_text == "曾与被推荐人在同一项目组共事"
    assert all(editor.isReadOnly() for editor in page.sheet.editors.values())
    assert "曾与被推荐人在同一项目组共事" in page.lock_label.text()


def test_second_reviewer_does_not_see_the_first_reviewers_scores(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    first, second = review_round.reviewers
    candidate = review_round.candidate_ids[0]
    values = {key: Decimal(text) for key, text in TYPED.items()}
    submit_review(ctx.db, first, review_round.id, candidate, values, "评委一的评语", today=TODAY)
    page = open_page(second)
    choose(qtbot, page, candidate, wait_idle)
    assert all(editor.text() == "" for editor in page.sheet.editors.values())
    assert not page.sheet.editors["conduct"].isReadOnly()
    assert NO_TOTAL in page.sheet.total_text()
    shown = visible_texts(page)
    assert "评委一的评语" not in shown and TYPED_TOTAL not in shown and "18.5" not in shown
    assert "0/2" in page.round_combo.currentText()  # the first reviewer's progress is not mine


def test_closed_round_is_marked_and_read_only(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    close_round(ctx.db, OFFICE, review_round.id, allow_unfinished=True)
    page = open_page(review_round.reviewers[0])
    assert page.round_combo.currentText().endswith(page.tr("{round} [closed]").format(round=""))
    choose(qtbot, page, review_round.candidate_ids[0], wait_idle)
    assert not any(b.isEnabled() for b in (page.save_button, page.submit_button))
    assert not page.recuse_button.isEnabled()
    if page.detail is None:  # the service refuses to show a closed round's review
        assert page.detail_stack.currentWidget() is page.placeholder
        assert page.placeholder.text()
    else:
        assert all(editor.isReadOnly() for editor in page.sheet.editors.values())
        assert page.lock_label.isVisible() and page.lock_label.text()


def test_attachment_opens_through_the_replaceable_opener(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any, tmp_path: Path
) -> None:
    candidate = review_round.candidate_ids[0]
    source = tmp_path / "技能证书.pdf"
    source.write_bytes(b"%PDF-1.4\n% test certificate\n")
    add_attachment(ctx.db, OFFICE, candidate, AttachmentKind.CERTIFICATE, source)
    page = open_page(review_round.reviewers[0])
    opened: list[Path] = []
    page.open_file = opened.append
    choose(qtbot, page, candidate, wait_idle)
    item = page.attachment_list.item(0)
    assert "技能证书.pdf" in item.text()
    page.attachment_list.itemActivated.emit(item)
    wait_idle()
    assert len(opened) == 1 and opened[0].read_bytes() == source.read_bytes()


def test_round_not_yet_open_is_read_only_with_the_dates(
    qtbot: Any, ctx: AppContext, open_page: Any, wait_idle: Any
) -> None:
    program_id = make_program(ctx.db)
    (candidate,) = make_candidates(ctx.db, program_id, make_members(ctx.db, 1))
    (reviewer,) = make_reviewers(ctx.db, 1)
    opens = TODAY + timedelta(days=3)
    draft = RoundDraft(
        program_id,
        "第二轮评审",
        opens,
        opens + timedelta(days=7),
        None,
        (reviewer.user_id,),
        (candidate,),
    )
    create_round(ctx.db, OFFICE, draft)
    page = open_page(reviewer)
    choose(qtbot, page, candidate, wait_idle)
    assert page.detail is not None and not page.detail.editable
    assert all(editor.isReadOnly() for editor in page.sheet.editors.values())
    assert not page.save_button.isEnabled() and not page.recuse_button.isEnabled()
    assert opens.isoformat() in page.lock_label.text()


def test_moving_to_another_candidate_keeps_typed_scores_as_a_draft(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    reviewer = review_round.reviewers[0]
    page = open_page(reviewer)
    first = page._assignments[0].candidate_id
    choose(qtbot, page, first, wait_idle)
    type_score(qtbot, "19.5")
    choose(qtbot, page, page._assignments[1].candidate_id, wait_idle)
    stored = detail_of(ctx, reviewer, review_round, first).review
    assert stored.status is ReviewStatus.DRAFT
    assert stored.values == {"conduct": Decimal("19.5")}


def test_invalid_scores_keep_the_reviewer_on_the_candidate(
    qtbot: Any, ctx: AppContext, review_round: Round, open_page: Any, wait_idle: Any
) -> None:
    reviewer = review_round.reviewers[0]
    page = open_page(reviewer)
    first = page._assignments[0].candidate_id
    choose(qtbot, page, first, wait_idle)
    type_score(qtbot, "21")
    choose(qtbot, page, page._assignments[1].candidate_id, wait_idle)
    assert page.selected_candidate_id() == first
    assert page.detail is not None and page.detail.candidate_id == first
    assert page.sheet.editors["conduct"].text() == "21"
    assert page.sheet.errors["conduct"].isVisible() and page.message_label.isVisible()
    assert detail_of(ctx, reviewer, review_round, first).review.status is None
