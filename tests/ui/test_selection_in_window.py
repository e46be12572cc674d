"""The 评选 entry of the main window: the officer's page and its dialogs, the reviewer's rounds."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from selection_helpers import make_candidates, make_members, make_program, make_reviewers
from unionDesk.services.database import get_union
from unionDesk.ui.common import AppContext
from unionDesk.ui.main_window import SELECTION_ROW, MainWindow
from unionDesk.ui.selection.calendar_dialog import CalendarDialog
from unionDesk.ui.selection.page import SelectionPage
from unionDesk.ui.selection.publicity_dialog import PublicityDialog
from unionDesk.ui.selection.results_view import ResultsDialog
from unionDesk.ui.selection.review_page import ReviewPage
from unionDesk.ui.selection.round_dialog import RoundsDialog


def attached(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> MainWindow:
    window = MainWindow(ctx.paths)
    qtbot.addWidget(window)
    window.attach(ctx, get_union(ctx.db))
    window.show()
    wait_idle()
    return window


def test_an_officer_gets_the_selection_page(qtbot, ctx, wait_idle):
    make_program(ctx.db)

    window = attached(qtbot, ctx, wait_idle)
    page = window.show_page(window.nav_titles()[SELECTION_ROW])

    assert isinstance(page, SelectionPage)
    assert window.review_page is None


@pytest.mark.parametrize(
    ("button", "kind"),
    [
        ("rounds_button", RoundsDialog),
        ("results_button", ResultsDialog),
        ("publicity_button", PublicityDialog),
        ("calendar_button", CalendarDialog),
    ],
)
def test_the_page_buttons_open_their_dialogs_over_the_window(
    qtbot, ctx, wait_idle, dialogs, button, kind
):
    program_id = make_program(ctx.db)
    make_candidates(ctx.db, program_id, make_members(ctx.db, 2))
    window = attached(qtbot, ctx, wait_idle)
    page = window.show_page(window.nav_titles()[SELECTION_ROW])
    qtbot.waitUntil(lambda: page.current_program_id() == program_id)
    qtbot.waitUntil(getattr(page, button).isEnabled)  # once the program's candidates are in
    dialogs.errors_expected = True  # results of a program without a closed round say so

    getattr(page, button).click()
    qtbot.waitUntil(lambda: window.findChild(kind) is not None)
    wait_idle()

    opened = window.findChild(kind)
    assert opened.isVisible()
    with qtbot.waitSignal(page.candidates_loaded):  # the page refreshes after its dialog
        opened.reject()
    wait_idle()


def test_a_reviewer_lands_on_their_own_rounds(qtbot, ctx, wait_idle):
    reviewer = make_reviewers(ctx.db, 1)[0]
    as_reviewer = dataclasses.replace(ctx, actor=reviewer)

    window = attached(qtbot, as_reviewer, wait_idle)

    assert window.nav.currentRow() == SELECTION_ROW
    assert isinstance(window.review_page, ReviewPage)  # built because it is on screen
    assert window.review_page.isVisible()
    assert window.selection_page is None


def test_a_reviewer_who_chairs_a_round_reaches_its_progress_and_closes_it(
    qtbot, ctx, wait_idle, dialogs
):
    from datetime import date, timedelta

    from PySide6.QtWidgets import QMessageBox

    from helpers import OFFICE
    from unionDesk.services.rounds import RoundDraft, create_round, list_rounds

    program_id = make_program(ctx.db)
    candidates = make_candidates(ctx.db, program_id, make_members(ctx.db, 2))
    chair, other = make_reviewers(ctx.db, 2)
    today = date.today()
    create_round(
        ctx.db,
        OFFICE,
        RoundDraft(
            program_id,
            "终评",
            today - timedelta(days=1),
            today + timedelta(days=5),
            chair.user_id,
            (chair.user_id, other.user_id),
            tuple(candidates),
        ),
    )
    page = ReviewPage(dataclasses.replace(ctx, actor=chair))
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    assert page.chair_button.isVisible()
    dialogs.answer = QMessageBox.StandardButton.Yes

    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.chair_button.click()
    rounds: RoundsDialog = opened.args[0]
    qtbot.waitUntil(lambda: rounds.selected_round() is not None)
    wait_idle()
    rounds.close_selected_round()
    wait_idle()

    assert list_rounds(ctx.db, OFFICE, program_id)[0].closed
    rounds.reject()
    wait_idle()


def test_a_reviewer_who_does_not_chair_sees_no_chair_button(qtbot, ctx, wait_idle):
    from datetime import date, timedelta

    from helpers import OFFICE
    from unionDesk.services.rounds import RoundDraft, create_round

    program_id = make_program(ctx.db)
    candidates = make_candidates(ctx.db, program_id, make_members(ctx.db, 1))
    chair, other = make_reviewers(ctx.db, 2)
    today = date.today()
    create_round(
        ctx.db,
        OFFICE,
        RoundDraft(
            program_id,
            "初评",
            today,
            today + timedelta(days=5),
            chair.user_id,
            (chair.user_id, other.user_id),
            tuple(candidates),
        ),
    )
    page = ReviewPage(dataclasses.replace(ctx, actor=other))
    qtbot.addWidget(page)
    page.show()
    wait_idle()

    assert page.current_round() is not None and not page.chair_button.isVisible()
