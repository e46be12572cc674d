"""The 竞赛 and 活动 entries of the main window, by role."""

from __future__ import annotations

import dataclasses

from selection_helpers import make_reviewers
from unionDesk.services.database import get_union
from unionDesk.ui.activities.competitions_page import CompetitionsPage
from unionDesk.ui.activities.events_page import EventsPage
from unionDesk.ui.main_window import MainWindow, ReviewerPage

COMPETITIONS_ROW, EVENTS_ROW = 2, 3


def attached(qtbot, ctx, wait_idle) -> MainWindow:
    window = MainWindow(ctx.paths)
    qtbot.addWidget(window)
    window.attach(ctx, get_union(ctx.db))
    window.show()
    wait_idle()
    return window


def test_an_officer_gets_the_competitions_and_events_pages(qtbot, ctx, wait_idle):
    window = attached(qtbot, ctx, wait_idle)

    titles = window.nav_titles()
    assert isinstance(window.show_page(titles[COMPETITIONS_ROW]), CompetitionsPage)
    assert isinstance(window.show_page(titles[EVENTS_ROW]), EventsPage)
    wait_idle()


def test_the_activity_pages_are_built_only_when_first_shown(qtbot, ctx, wait_idle):
    window = attached(qtbot, ctx, wait_idle)

    assert window.competitions_page is None and window.events_page is None
    window.nav.setCurrentRow(EVENTS_ROW)
    assert isinstance(window.events_page, EventsPage) and window.competitions_page is None
    wait_idle()


def test_a_reviewer_gets_no_activity_registers(qtbot, ctx, wait_idle):
    reviewer = make_reviewers(ctx.db, 1)[0]

    window = attached(qtbot, dataclasses.replace(ctx, actor=reviewer), wait_idle)

    titles = window.nav_titles()
    assert isinstance(window.show_page(titles[COMPETITIONS_ROW]), ReviewerPage)
    assert isinstance(window.show_page(titles[EVENTS_ROW]), ReviewerPage)
    assert window.competitions_page is None and window.events_page is None


def test_closing_the_window_over_unsaved_scores_asks_first(qtbot, ctx, wait_idle, dialogs):
    from PySide6.QtWidgets import QMessageBox

    from activity_helpers import enter_members, make_competition, make_members

    competition_id = make_competition(ctx.db)
    enter_members(ctx.db, competition_id, make_members(ctx.db, 2))
    window = attached(qtbot, ctx, wait_idle)
    window.show_page(window.nav_titles()[COMPETITIONS_ROW])
    grid = window.competitions_page.grid
    qtbot.waitUntil(lambda: grid.competition_id == competition_id)
    first_score = grid.model.index(0, grid.model.score_columns()[0])
    grid.model.setData(first_score, "88")
    assert grid.has_unsaved()

    dialogs.answer = QMessageBox.StandardButton.No
    window.close()
    assert window.isVisible() and len(dialogs.named("question")) == 1

    dialogs.answer = QMessageBox.StandardButton.Yes
    window.close()
    assert not window.isVisible()
