"""The competition history tab (竞赛记录) of the member form: read-only, shown when not empty."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Role
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, Prize
from unionDesk.domain.competition_form import CompetitionDraft
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import ankang_preset, weighted_parts_preset
from unionDesk.services.competition_entries import add_member_entries, create_team, save_scores
from unionDesk.services.competitions import (
    competition_history,
    create_competition,
    entry_sheet,
)
from unionDesk.services.members import create_member, get_member
from unionDesk.ui.common import AppContext
from unionDesk.ui.members.competitions_tab import (
    Column,
    CompetitionHistoryModel,
    CompetitionsTab,
    add_competitions_tab,
)
from unionDesk.ui.members.form import MemberFormDialog

SKILLS = CompetitionDraft(
    name="2026年数控车工技能竞赛",
    kind=CompetitionType.SKILLS,
    trade="数控车工",
    level=CompetitionLevel.ENTERPRISE,
    starts_on=date(2026, 9, 8),
    ends_on=date(2026, 9, 10),
    organiser="公司工会",
    venue="实训基地",
    scheme=weighted_parts_preset(),
    prize_bands=(PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 1)),
)
ANKANG = CompetitionDraft(
    name="2025年度“安康杯”竞赛",
    kind=CompetitionType.ANKANG,
    trade="",
    level=CompetitionLevel.ENTERPRISE,
    starts_on=date(2025, 3, 1),
    ends_on=date(2025, 10, 31),
    organiser="公司工会",
    venue="各车间",
    scheme=ankang_preset(),
)
FULL_MARKS = {item.key: item.max_points for item in ankang_preset().items}
SKILLS_ROW = ["2026年数控车工技能竞赛", "Skills competition", "2026-09-08", "", "87.00", "1"]
ANKANG_ROW = ["2025年度“安康杯”竞赛", "Ankang Cup", "2025-03-01", "机加工车间", "100.00", "1", ""]


@pytest.fixture
def member_id(ctx: AppContext) -> int:
    return create_member(ctx.db, OFFICE, member_draft())


@pytest.fixture
def entered(ctx: AppContext, member_id: int) -> int:
    """The member won the skills competition (87.00, first prize) and entered the 2025 安康杯
    in a team with full marks (100.00); a second member came second in the skills one."""
    other = create_member(
        ctx.db, OFFICE, member_draft(name="李强", id_number=fake_id(125), card_number="GH-2")
    )
    skills = create_competition(ctx.db, OFFICE, SKILLS)
    mine, theirs = add_member_entries(ctx.db, OFFICE, skills, [member_id, other])
    scores = {
        mine: {"theory": Decimal(80), "practical": Decimal(90)},
        theirs: {"theory": Decimal(70), "practical": Decimal(60)},
    }
    save_scores(ctx.db, OFFICE, skills, scores)
    ankang = create_competition(ctx.db, OFFICE, ANKANG)
    create_team(ctx.db, OFFICE, ankang, "机加工车间", [member_id])
    (team,) = entry_sheet(ctx.db, OFFICE, ankang).rows
    save_scores(ctx.db, OFFICE, ankang, {team.entry_id: FULL_MARKS})
    return member_id


def shown_rows(tab: CompetitionsTab) -> list[list[str]]:
    """The rows as the table shows them, in the view's order."""
    model = tab.table.model()
    return [
        [model.data(model.index(row, column)) for column in Column]
        for row in range(model.rowCount())
    ]


def open_form(qtbot: Any, ctx: AppContext, member_id: int, wait_idle: Callable[[], None]) -> Any:
    form = MemberFormDialog(ctx, [], get_member(ctx.db, OFFICE, member_id))
    qtbot.addWidget(form)
    form.show()
    wait_idle()
    return form


def tab_titles(form: Any) -> list[str]:
    return [form.tabs.tabText(index) for index in range(form.tabs.count())]


def test_model_passes_the_model_tester(qtmodeltester: Any, ctx: AppContext, entered: int) -> None:
    model = CompetitionHistoryModel()
    model.set_rows(competition_history(ctx.db, OFFICE, entered))

    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_the_member_form_shows_the_history_tab_after_the_honours(
    qtbot: Any, ctx: AppContext, entered: int, wait_idle: Callable[[], None]
) -> None:
    form = open_form(qtbot, ctx, entered, wait_idle)

    assert tab_titles(form) == ["Details", "Honours", "Competition history", "Change history"]
    assert form.tabs.widget(2) is form.competitions


def test_the_tab_lists_each_competition_newest_first_with_the_entrys_outcome(
    qtbot: Any, ctx: AppContext, entered: int, wait_idle: Callable[[], None]
) -> None:
    form = open_form(qtbot, ctx, entered, wait_idle)

    assert shown_rows(form.competitions) == [[*SKILLS_ROW, "First prize"], ANKANG_ROW]


def test_the_tab_is_read_only(
    qtbot: Any, ctx: AppContext, entered: int, wait_idle: Callable[[], None]
) -> None:
    form = open_form(qtbot, ctx, entered, wait_idle)
    table = form.competitions.table

    index = table.model().index(0, Column.TOTAL)
    assert not table.model().flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not form.competitions.findChildren(QPushButton)


def test_sorting_by_total_compares_numbers(
    qtbot: Any, ctx: AppContext, entered: int, wait_idle: Callable[[], None]
) -> None:
    form = open_form(qtbot, ctx, entered, wait_idle)

    form.competitions.table.sortByColumn(Column.TOTAL, Qt.SortOrder.AscendingOrder)

    totals = [row[Column.TOTAL] for row in shown_rows(form.competitions)]
    assert totals == ["87.00", "100.00"]  # as text "100.00" would come first


def test_a_member_without_competitions_gets_no_tab(
    qtbot: Any, ctx: AppContext, member_id: int, wait_idle: Callable[[], None]
) -> None:
    form = open_form(qtbot, ctx, member_id, wait_idle)

    assert tab_titles(form) == ["Details", "Honours", "Change history"]
    assert form.competitions.model.rowCount() == 0
    assert not form.competitions.isVisible()


def test_a_viewer_sees_the_history_too(
    qtbot: Any,
    as_user: Callable[..., AppContext],
    entered: int,
    wait_idle: Callable[[], None],
) -> None:
    viewer = as_user("chakan", Role.VIEWER)

    form = open_form(qtbot, viewer, entered, wait_idle)

    assert "Competition history" in tab_titles(form)
    assert len(shown_rows(form.competitions)) == 2


def test_a_user_who_may_not_see_competitions_gets_no_tab(
    qtbot: Any,
    as_user: Callable[..., AppContext],
    entered: int,
    wait_idle: Callable[[], None],
) -> None:
    reviewer = as_user("pingwei", Role.REVIEWER)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    honours = QWidget()
    tabs.addTab(honours, "Honours")

    assert add_competitions_tab(tabs, reviewer, entered, honours) is None
    wait_idle()
    assert tabs.count() == 1
