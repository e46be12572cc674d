"""The award program form: presets, every field round-tripping, and errors beside their fields."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from helpers import OFFICE
from selection_helpers import YEAR, make_program
from unionDesk.domain.access import Role
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourLevel
from unionDesk.domain.quota import QuotaBound, QuotaRule
from unionDesk.i18n import translate
from unionDesk.services.programs import draft_from_preset, get_program, list_programs
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.page import SelectionPage
from unionDesk.ui.selection.program_dialog import ProgramDialog, parse_quorum
from unionDesk.ui.selection.program_tables import RUBRIC_MAX, RUBRIC_NAME

PRESET = draft_from_preset("beijing_craftsman", YEAR)


@pytest.fixture
def open_dialog(qtbot: Any) -> Callable[..., ProgramDialog]:
    def make(context: AppContext, *args: Any) -> ProgramDialog:
        dialog = ProgramDialog(context, *args)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def save(qtbot: Any, dialog: ProgramDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_creating_from_a_preset_in_the_page_menu_saves_the_program(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    page = SelectionPage(ctx)
    qtbot.addWidget(page)
    wait_idle()
    texts = [action.text() for action in page.new_program_menu.actions()]
    preset_action = next(a for a in page.new_program_menu.actions() if "北京大工匠" in a.text())
    assert any("最美劳动者" in text for text in texts)

    with qtbot.waitSignal(page.dialog_opened) as opened:
        preset_action.trigger()
    dialog = opened.args[0]
    assert dialog.name_edit.text().endswith("年北京大工匠选树")
    with qtbot.waitSignal(page.programs_loaded):
        save(qtbot, dialog)

    [row] = list_programs(ctx.db, OFFICE)
    assert row.id == dialog.saved_program_id == page.current_program_id()
    stored = get_program(ctx.db, OFFICE, row.id).draft
    assert stored.rubric == PRESET.rubric
    assert stored.quota_rules == PRESET.quota_rules
    assert page.program_tree.topLevelItem(0).text(0) == row.name
    wait_idle()  # the program's candidates are still loading; the page must outlive them


def test_every_field_of_a_preset_round_trips_through_the_form(
    ctx: AppContext, open_dialog: Any
) -> None:
    dialog = open_dialog(ctx, PRESET)

    assert dialog.draft() == PRESET


def test_a_blank_program_has_no_criteria_and_no_categories(
    ctx: AppContext, open_dialog: Any
) -> None:
    draft = open_dialog(ctx).draft()

    assert (draft.name, draft.categories, draft.rubric.criteria) == ("", (), ())
    assert draft.quorum == Fraction(2, 3)


def test_a_zero_maximum_is_shown_beside_the_rubric_and_the_input_kept(
    ctx: AppContext, open_dialog: Any, wait_idle: Callable[[], None]
) -> None:
    dialog = open_dialog(ctx, PRESET)
    dialog.name_edit.setText("2026年北京大工匠选树（试行）")
    dialog.rubric_table.cellWidget(1, RUBRIC_MAX).setValue(0)

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_idle()

    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    expected = translate(
        "Validation", "Criterion {number}: the maximum score must be greater than 0."
    )
    assert dialog.error_label("rubric").text() == expected.format(number=2)
    assert dialog.error_label("rubric").isVisible()  # its tab was brought to the front
    assert dialog.error_label("name").isHidden()
    assert dialog.summary_label.isVisible()
    assert dialog.rubric_table.cellWidget(1, RUBRIC_MAX).value() == 0
    assert dialog.rubric_table.item(1, RUBRIC_NAME).text() == "技能水平"
    assert dialog.name_edit.text() == "2026年北京大工匠选树（试行）"
    assert list_programs(ctx.db, OFFICE) == []


def test_an_impossible_age_range_is_shown_beside_the_minimum_age(
    ctx: AppContext, open_dialog: Any, wait_idle: Callable[[], None]
) -> None:
    dialog = open_dialog(ctx, PRESET)
    dialog.min_age_spin.setValue(50)
    dialog.max_age_spin.setValue(40)

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_idle()

    assert "50" in dialog.error_label("eligibility.min_age").text()
    assert dialog.tabs.currentIndex() == 1


def test_quota_rules_round_trip_through_the_table(
    qtbot: Any, ctx: AppContext, open_dialog: Any
) -> None:
    program_id = make_program(ctx.db)
    detail = get_program(ctx.db, OFFICE, program_id)
    dialog = open_dialog(ctx, detail.draft, program_id)
    assert dialog.quota_rules() == PRESET.quota_rules

    dialog.add_quota_row()
    category, bound, percent = dialog.quota_widgets(2)
    category.setCurrentText("科教人员")
    bound.setCurrentIndex(bound.findData(QuotaBound.AT_LEAST.value))
    percent.setValue(10)
    save(qtbot, dialog)

    stored = get_program(ctx.db, OFFICE, program_id).draft.quota_rules
    assert stored == (*PRESET.quota_rules, QuotaRule("科教人员", QuotaBound.AT_LEAST, 10))


def test_renaming_a_category_keeps_it_chosen_in_its_quota(
    ctx: AppContext, open_dialog: Any
) -> None:
    dialog = open_dialog(ctx, PRESET)

    dialog.category_list.item(0).setText("一线工人")

    assert dialog.categories()[0] == "一线工人"
    assert dialog.quota_rules()[0].category == "一线工人"
    assert [dialog.quota_widgets(0)[0].itemText(i) for i in range(3)] == [
        "一线工人",
        "企业负责人",
        "科教人员",
    ]


def test_eligibility_rules_left_at_no_limit_are_not_set(ctx: AppContext, open_dialog: Any) -> None:
    dialog = open_dialog(ctx, PRESET)
    dialog.skill_combo.setCurrentIndex(0)
    dialog.service_spin.setValue(dialog.service_spin.minimum())
    dialog.honour_level_combo.setCurrentIndex(dialog.honour_level_combo.findData("city"))

    rules = dialog.draft().eligibility

    assert rules.min_skill_level is None and rules.min_years_of_service is None
    assert rules.required_honour_level is HonourLevel.CITY
    assert rules.min_age == 25  # untouched
    assert dialog.skill_combo.itemData(1) == SkillLevel.APPRENTICE.value


@pytest.mark.parametrize(
    ("text", "value"),
    [("2/3", Fraction(2, 3)), ("67%", Fraction(67, 100)), (" 0.75 ", Fraction(3, 4)), ("x", None)],
)
def test_quorum_is_read_as_a_fraction_or_a_percentage(text: str, value: Fraction | None) -> None:
    assert parse_quorum(text) == value


def test_an_unreadable_quorum_is_refused_beside_the_field(
    ctx: AppContext, open_dialog: Any, wait_idle: Callable[[], None]
) -> None:
    dialog = open_dialog(ctx, PRESET)
    dialog.quorum_edit.setText("三分之二")

    dialog.save()
    wait_idle()

    assert dialog.error_label("quorum").isVisible()
    assert dialog.quorum_edit.text() == "三分之二"
    assert list_programs(ctx.db, OFFICE) == []


def test_the_weight_sum_follows_the_rubric(ctx: AppContext, open_dialog: Any) -> None:
    dialog = open_dialog(ctx, PRESET)
    assert "100" in dialog.weight_sum_label.text()

    dialog.add_rubric_row()  # a new criterion weighs 10

    assert "110" in dialog.weight_sum_label.text()
    assert dialog.rubric().criteria[-1].key == "c5"


def test_editing_saves_changes_to_the_stored_program(
    qtbot: Any, ctx: AppContext, open_dialog: Any
) -> None:
    program_id = make_program(ctx.db)
    dialog = open_dialog(ctx, get_program(ctx.db, OFFICE, program_id).draft, program_id)
    dialog.publicity_spin.setValue(7)
    dialog.disagreement_spin.setValue(12.5)

    save(qtbot, dialog)

    stored = get_program(ctx.db, OFFICE, program_id).draft
    assert stored == dataclasses.replace(PRESET, publicity_days=7, disagreement_sd=Decimal("12.5"))


def test_a_viewer_gets_the_form_read_only(ctx: AppContext, as_user: Any, open_dialog: Any) -> None:
    dialog = open_dialog(as_user("chakan", Role.VIEWER), PRESET, 1)

    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isVisible()
    assert not dialog.tabs.widget(0).isEnabled()
