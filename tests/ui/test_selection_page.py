"""The 评选 page: programs, candidates by state, nominating through the picker, the workflow."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from helpers import OFFICE, fake_id, member_draft
from selection_helpers import NOMINATION_DAY, make_candidates, make_members, make_program
from unionDesk.domain.access import Role
from unionDesk.domain.candidate import CandidateDraft
from unionDesk.domain.enums import SkillLevel, label
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.workflow import CandidateState, state_label
from unionDesk.i18n import translate
from unionDesk.services.candidates import get_candidate, list_candidates, nominate, submit
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.candidate_form import CandidateForm
from unionDesk.ui.selection.candidate_table import CandidateTableModel, Column
from unionDesk.ui.selection.member_picker import MemberPicker
from unionDesk.ui.selection.page import SelectionPage

UNIT = "测试机械厂"
SEQUENCES = itertools.count(701, 2)  # ID numbers no helper member uses


def label_of(state: CandidateState) -> str:
    return state_label(state, translate)


@pytest.fixture
def program(ctx: AppContext) -> int:
    """北京大工匠 2026 without a nomination deadline, so submitting today is on time."""
    return make_program(ctx.db, nomination_deadline=None, review_deadline=None)


@pytest.fixture
def eligible(ctx: AppContext, program: int) -> list[int]:
    """Three eligible (合格) candidates: 王建国, 李秀英, 张卫东."""
    return make_candidates(ctx.db, program, make_members(ctx.db, 3))


def draft_candidate(
    ctx: AppContext, program: int, name: str, *, honoured: bool = True, **member: Any
) -> int:
    """A complete nomination of a new member ``name``, still a draft (草稿).

    The member meets the 北京大工匠 rules unless ``member`` or ``honoured`` say otherwise.
    """
    sequence = next(SEQUENCES)
    values = {
        "name": name,
        "id_number": fake_id(sequence, birth=date(1980, 3, 10)),
        "card_number": f"GH-D-{sequence}",
        "skill_level": SkillLevel.SENIOR_TECHNICIAN,
        "work_start_date": date(2005, 7, 1),
    }
    member_id = create_member(ctx.db, OFFICE, member_draft(**values | member), today=NOMINATION_DAY)
    if honoured:
        honour = HonourDraft("区级技术能手", HonourLevel.DISTRICT, 2020, "北京市朝阳区人民政府")
        add_honour(ctx.db, OFFICE, member_id, honour, today=NOMINATION_DAY)
    draft = CandidateDraft(member_id, UNIT, "一线职工", "摘要", "事迹")
    return nominate(ctx.db, OFFICE, program, draft)


def ineligible_candidate(ctx: AppContext, program: int) -> int:
    """欧阳芳, a 高级工 without honours: nominated, then found 不合格 by the page's check."""
    candidate_id = draft_candidate(
        ctx, program, "欧阳芳", honoured=False, skill_level=SkillLevel.SENIOR
    )
    submit(ctx.db, OFFICE, candidate_id)
    return candidate_id


@pytest.fixture
def make_page(qtbot: Any, wait_idle: Callable[[], None]) -> Callable[[AppContext], SelectionPage]:
    def make(context: AppContext) -> SelectionPage:
        page = SelectionPage(context)
        qtbot.addWidget(page)
        page.resize(1200, 640)
        page.show()
        wait_idle()
        return page

    return make


@pytest.fixture
def page(ctx: AppContext, make_page: Callable[[AppContext], SelectionPage]) -> SelectionPage:
    return make_page(ctx)


def cells(page: SelectionPage, column: Column) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def select(page: SelectionPage, name: str) -> None:
    page.table.selectRow(cells(page, Column.NAME).index(name))


def state_of(page: SelectionPage, name: str) -> str:
    return cells(page, Column.STATE)[cells(page, Column.NAME).index(name)]


def click_and_reload(qtbot: Any, page: SelectionPage, button: Any) -> None:
    with qtbot.waitSignal(page.candidates_loaded):
        button.click()


# --- listing and filtering --------------------------------------------------------------------


def test_lists_programs_with_year_and_candidate_count(
    ctx: AppContext, program: int, eligible: list[int], make_page: Any
) -> None:
    make_program(ctx.db, "most_beautiful_worker")
    page = make_page(ctx)

    tree = page.program_tree
    rows = [
        [tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())
    ]
    assert sorted(rows) == sorted(
        [["2026年北京大工匠选树", "2026", "3"], ["2026年最美劳动者评选", "2026", "0"]]
    )


def test_lists_the_candidates_of_the_chosen_program_with_state_labels(
    ctx: AppContext, program: int, eligible: list[int], make_page: Any
) -> None:
    draft_candidate(ctx, program, "周建华")
    page = make_page(ctx)

    assert page.current_program_id() == program
    assert sorted(cells(page, Column.NAME)) == sorted(["王建国", "李秀英", "张卫东", "周建华"])
    assert state_of(page, "周建华") == label_of(CandidateState.DRAFT)
    assert state_of(page, "王建国") == label_of(CandidateState.ELIGIBLE)
    assert cells(page, Column.UNIT) == [UNIT] * 4


def test_counts_per_state_are_shown_under_the_table(
    ctx: AppContext, program: int, eligible: list[int], make_page: Any
) -> None:
    draft_candidate(ctx, program, "周建华")
    page = make_page(ctx)

    text = page.counts_label.text()
    assert f"{label_of(CandidateState.DRAFT)} 1" in text
    assert f"{label_of(CandidateState.ELIGIBLE)} 3" in text
    assert label_of(CandidateState.NOMINATED) not in text


def test_state_filter_shows_only_candidates_in_that_state(
    ctx: AppContext, program: int, eligible: list[int], make_page: Any
) -> None:
    draft_candidate(ctx, program, "周建华")
    page = make_page(ctx)

    page.state_combo.setCurrentIndex(page.state_combo.findData(CandidateState.DRAFT.value))

    assert cells(page, Column.NAME) == ["周建华"]
    page.state_combo.setCurrentIndex(0)
    assert len(cells(page, Column.NAME)) == 4


def test_search_box_filters_by_name(program: int, eligible: list[int], page: SelectionPage) -> None:
    page.search_edit.setText("李")

    assert cells(page, Column.NAME) == ["李秀英"]


def test_choosing_another_program_shows_its_candidates(
    qtbot: Any, ctx: AppContext, program: int, eligible: list[int], make_page: Any
) -> None:
    other = make_program(ctx.db, "most_beautiful_worker")
    page = make_page(ctx)
    items = [page.program_tree.topLevelItem(i) for i in range(2)]
    item = next(i for i in items if i.data(0, Qt.ItemDataRole.UserRole) == other)

    with qtbot.waitSignal(page.candidates_loaded):
        page.program_tree.setCurrentItem(item)

    assert cells(page, Column.NAME) == []
    assert page.current_program_id() == other


def test_refresh_keeps_the_chosen_program_and_candidate(
    qtbot: Any, ctx: AppContext, program: int, eligible: list[int], make_page: Any
) -> None:
    make_program(ctx.db, "most_beautiful_worker")
    page = make_page(ctx)
    select(page, "张卫东")

    with qtbot.waitSignal(page.candidates_loaded):
        page.refresh()

    assert page.current_program_id() == program
    assert page.selected_candidate_id() == eligible[2]


def test_candidate_table_model_passes_the_model_tester(
    qtmodeltester: Any, ctx: AppContext, program: int, eligible: list[int]
) -> None:
    model = CandidateTableModel()
    model.set_rows(list_candidates(ctx.db, OFFICE, program))

    qtmodeltester.check(model)
    assert model.rowCount() == 3


# --- nominating and the workflow --------------------------------------------------------------


def test_nominating_through_the_member_picker_creates_a_draft(
    qtbot: Any, ctx: AppContext, program: int, page: SelectionPage
) -> None:
    make_members(ctx.db, 2)  # 王建国 and 李秀英, not yet nominated
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.nominate_button.click()
    picker = opened.args[0]
    assert isinstance(picker, MemberPicker)
    with qtbot.waitSignal(picker.results_shown):
        qtbot.keyClicks(picker.search_edit, "wjg")  # pinyin initials of 王建国
    assert picker.chosen() is not None and picker.chosen()[1] == "王建国"

    with qtbot.waitSignal(page.dialog_opened) as opened:
        picker.buttons.button(picker.buttons.StandardButton.Ok).click()
    form = opened.args[0]
    assert isinstance(form, CandidateForm)
    form.unit_edit.setText(UNIT)
    form.category_combo.setCurrentText("科教人员")
    with qtbot.waitSignal(page.candidates_loaded):
        form.save_button.click()

    [row] = list_candidates(ctx.db, OFFICE, program)
    assert (row.name, row.state, row.category) == ("王建国", CandidateState.DRAFT, "科教人员")
    assert state_of(page, "王建国") == label_of(CandidateState.DRAFT)
    assert page.selected_candidate_id() == row.id


def test_submit_then_check_moves_the_candidate_and_updates_the_table(
    qtbot: Any, ctx: AppContext, program: int, page: SelectionPage, dialogs: Any
) -> None:
    candidate_id = draft_candidate(ctx, program, "周建华")
    with qtbot.waitSignal(page.candidates_loaded):
        page.refresh()
    select(page, "周建华")
    assert page.submit_button.isEnabled() and not page.check_button.isEnabled()

    click_and_reload(qtbot, page, page.submit_button)
    assert state_of(page, "周建华") == label_of(CandidateState.NOMINATED)
    assert page.check_button.isEnabled() and not page.submit_button.isEnabled()

    click_and_reload(qtbot, page, page.check_button)
    assert state_of(page, "周建华") == label_of(CandidateState.ELIGIBLE)
    assert get_candidate(ctx.db, OFFICE, candidate_id).state is CandidateState.ELIGIBLE
    [(_kind, _title, text)] = dialogs.named("information")
    assert text.count("✓") == 5 and "✗" not in text


def test_check_shows_the_reason_of_each_failed_rule(
    qtbot: Any, ctx: AppContext, program: int, page: SelectionPage, dialogs: Any
) -> None:
    ineligible_candidate(ctx, program)
    with qtbot.waitSignal(page.candidates_loaded):
        page.refresh()
    select(page, "欧阳芳")

    click_and_reload(qtbot, page, page.check_button)

    assert state_of(page, "欧阳芳") == label_of(CandidateState.INELIGIBLE)
    text = dialogs.named("information")[0][2]
    assert text.count("✗") == 2  # the skill level and the prior honour
    assert label(SkillLevel.SENIOR, translate) in text  # the level held, named in the reason


def test_declaring_eligible_requires_a_written_reason(
    qtbot: Any,
    ctx: AppContext,
    program: int,
    page: SelectionPage,
    dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[], None],
) -> None:
    candidate_id = ineligible_candidate(ctx, program)
    with qtbot.waitSignal(page.candidates_loaded):
        page.refresh()
    select(page, "欧阳芳")
    click_and_reload(qtbot, page, page.check_button)
    answers = [("  ", True), ("获全国技术能手，经评选委员会研究认定", True)]
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: answers.pop(0))
    dialogs.errors_expected = True

    page.override_button.click()
    wait_idle()

    assert len(dialogs.named("warning")) == 1
    assert get_candidate(ctx.db, OFFICE, candidate_id).state is CandidateState.INELIGIBLE
    click_and_reload(qtbot, page, page.override_button)
    detail = get_candidate(ctx.db, OFFICE, candidate_id)
    assert detail.state is CandidateState.ELIGIBLE
    assert detail.eligibility_override == "获全国技术能手，经评选委员会研究认定"
    assert state_of(page, "欧阳芳") == label_of(CandidateState.ELIGIBLE)


def test_withdrawing_asks_for_confirmation_first(
    ctx: AppContext,
    program: int,
    eligible: list[int],
    page: SelectionPage,
    dialogs: Any,
    wait_idle: Callable[[], None],
) -> None:
    select(page, "李秀英")

    page.withdraw_button.click()  # the patched question answers its default button, No
    wait_idle()

    assert [call[0] for call in dialogs.calls] == ["question"]
    assert "李秀英" in dialogs.calls[0][2]
    assert get_candidate(ctx.db, OFFICE, eligible[1]).state is CandidateState.ELIGIBLE


def test_withdrawing_after_confirmation_records_the_reason(
    qtbot: Any,
    ctx: AppContext,
    program: int,
    eligible: list[int],
    page: SelectionPage,
    dialogs: Any,
) -> None:
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialogs.texts = [("本人申请撤回", True)]
    select(page, "李秀英")

    click_and_reload(qtbot, page, page.withdraw_button)

    detail = get_candidate(ctx.db, OFFICE, eligible[1])
    assert detail.state is CandidateState.WITHDRAWN
    assert detail.history[-1].reason == "本人申请撤回"
    assert state_of(page, "李秀英") == label_of(CandidateState.WITHDRAWN)
    assert not page.withdraw_button.isEnabled()


def test_open_shows_the_nomination_form_of_the_selected_candidate(
    qtbot: Any, program: int, eligible: list[int], page: SelectionPage
) -> None:
    select(page, "张卫东")

    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.open_button.click()

    form = opened.args[0]
    assert isinstance(form, CandidateForm)
    assert form.unit_edit.text() == UNIT
    assert form.state_label.text() == label_of(CandidateState.ELIGIBLE)


# --- rights and the other dialogs' buttons ----------------------------------------------------


def test_a_viewer_sees_no_editing_buttons(
    ctx: AppContext, program: int, eligible: list[int], as_user: Any, make_page: Any
) -> None:
    page = make_page(as_user("chakan", Role.VIEWER))
    select(page, "王建国")

    hidden = [
        page.new_program_button,
        page.nominate_button,
        page.submit_button,
        page.check_button,
        page.override_button,
        page.withdraw_button,
    ]
    assert all(button.isHidden() for button in hidden)
    assert page.open_button.isVisible() and page.open_button.isEnabled()
    assert page.edit_program_button.text() == page.tr("View program")
    assert cells(page, Column.NAME)  # the candidates are still listed


def test_toolbar_buttons_ask_for_the_chosen_programs_dialogs(
    qtbot: Any, program: int, page: SelectionPage
) -> None:
    for button, signal in (
        (page.rounds_button, page.rounds_requested),
        (page.results_button, page.results_requested),
        (page.publicity_button, page.publicity_requested),
    ):
        with qtbot.waitSignal(signal) as emitted:
            button.click()
        assert emitted.args == [program]
    with qtbot.waitSignal(page.calendar_requested):
        page.calendar_button.click()


def test_program_buttons_are_disabled_without_a_program(page: SelectionPage) -> None:
    assert page.current_program_id() is None
    disabled = (page.rounds_button, page.results_button, page.publicity_button)
    assert not any(button.isEnabled() for button in disabled)
    assert not page.nominate_button.isEnabled()
    assert page.calendar_button.isEnabled()


def test_enter_in_the_table_opens_the_selected_candidate(
    qtbot: Any, program: int, eligible: list[int], page: SelectionPage
) -> None:
    select(page, "李秀英")
    page.table.setFocus()

    with qtbot.waitSignal(page.dialog_opened) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)

    assert opened.args[0].windowTitle().endswith("李秀英")
