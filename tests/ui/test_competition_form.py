"""The competition form: every field, the scheme editor, prize bands, errors beside fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from activity_helpers import enter_members, make_competition, make_members, scores
from helpers import OFFICE
from unionDesk.domain.access import Role
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, Prize
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import (
    Part,
    SchemeKind,
    ankang_preset,
    weighted_parts_preset,
)
from unionDesk.services.competition_entries import save_scores
from unionDesk.services.competitions import get_competition, list_competitions
from unionDesk.ui.activities.competition_form import CompetitionFormDialog
from unionDesk.ui.activities.score_grid import INVALID_BACKGROUND
from unionDesk.ui.common import AppContext


def open_form(
    qtbot: Any, ctx: AppContext, competition_id: int | None = None
) -> CompetitionFormDialog:
    detail = get_competition(ctx.db, OFFICE, competition_id) if competition_id else None
    dialog = CompetitionFormDialog(ctx, detail)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo: Any, value: Any) -> None:
    index = combo.findData(value.value)
    assert index >= 0
    combo.setCurrentIndex(index)


def fill_skills_competition(dialog: CompetitionFormDialog) -> None:
    dialog.field_widget("name").setText("2026年焊工技能竞赛")
    choose(dialog.field_widget("kind"), CompetitionType.SKILLS)
    dialog.field_widget("trade").setText("焊工")
    choose(dialog.field_widget("level"), CompetitionLevel.DISTRICT)
    dialog.field_widget("starts_on").set_value(date(2026, 6, 2))
    dialog.field_widget("ends_on").set_value(date(2026, 6, 3))
    dialog.field_widget("organiser").setText("区总工会")
    dialog.field_widget("venue").setText("区职业技能实训基地")


def save(qtbot: Any, dialog: CompetitionFormDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def refuse(qtbot: Any, dialog: CompetitionFormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.summary_label.isVisible())


def set_cell(table: Any, row: int, column: int, text: str) -> None:
    table.item(row, column).setText(text)


def test_the_form_creates_a_competition_with_a_30_70_scheme_and_prize_bands(
    qtbot: Any, ctx: AppContext
) -> None:
    dialog = open_form(qtbot, ctx)
    fill_skills_competition(dialog)
    dialog.scheme_editor.parts_table.setRowCount(0)  # start from nothing, then the preset
    dialog.scheme_editor.parts_preset_button.click()
    spins = dialog.bands_editor.spins
    for prize, count in zip(Prize, (1, 2, 3, 5), strict=True):
        spins[prize].setValue(count)

    save(qtbot, dialog)

    stored = get_competition(ctx.db, OFFICE, dialog.saved_competition_id).draft
    assert stored.scheme == weighted_parts_preset()
    assert stored.prize_bands == tuple(
        PrizeBand(prize, count) for prize, count in zip(Prize, (1, 2, 3, 5), strict=True)
    )
    assert (stored.name, stored.kind, stored.level) == (
        "2026年焊工技能竞赛",
        CompetitionType.SKILLS,
        CompetitionLevel.DISTRICT,
    )
    assert (stored.starts_on, stored.ends_on, stored.venue) == (
        date(2026, 6, 2),
        date(2026, 6, 3),
        "区职业技能实训基地",
    )


def test_weights_and_lines_typed_in_the_parts_table_are_saved(qtbot: Any, ctx: AppContext) -> None:
    dialog = open_form(qtbot, ctx)
    fill_skills_competition(dialog)
    table = dialog.scheme_editor.parts_table
    set_cell(table, 0, 3, "40")
    set_cell(table, 1, 3, "60")
    dialog.scheme_editor.add_button.click()
    set_cell(table, 2, 0, "安全文明生产")
    set_cell(table, 2, 2, "10")
    set_cell(table, 2, 3, "5")

    save(qtbot, dialog)

    parts = get_competition(ctx.db, OFFICE, dialog.saved_competition_id).draft.scheme.parts
    assert [(p.name, p.weight) for p in parts] == [
        ("理论知识", Decimal(40)),
        ("实际操作", Decimal(60)),
        ("安全文明生产", Decimal(5)),
    ]
    assert parts[2] == Part("part3", "安全文明生产", Decimal(10), Decimal(5))


def test_an_ankang_cup_is_scored_by_the_rubric_with_its_pass_mark(
    qtbot: Any, ctx: AppContext
) -> None:
    dialog = open_form(qtbot, ctx)
    fill_skills_competition(dialog)
    choose(dialog.field_widget("kind"), CompetitionType.ANKANG)
    assert dialog.scheme_editor.kind() is SchemeKind.POINTS_RUBRIC

    save(qtbot, dialog)

    stored = get_competition(ctx.db, OFFICE, dialog.saved_competition_id).draft.scheme
    assert stored == ankang_preset()


def test_problems_are_shown_beside_their_fields_and_the_input_is_kept(
    qtbot: Any, ctx: AppContext
) -> None:
    dialog = open_form(qtbot, ctx)
    fill_skills_competition(dialog)
    dialog.field_widget("name").setText("")
    dialog.field_widget("ends_on").set_value(date(2026, 5, 1))  # before the start
    table = dialog.scheme_editor.parts_table
    set_cell(table, 1, 2, "abc")

    refuse(qtbot, dialog)

    assert dialog.isVisible()
    assert "name of the competition" in dialog.error_label("name").text()
    assert "cannot end" in dialog.error_label("ends_on").text()
    assert table.item(1, 2).text() == "abc"
    assert table.item(1, 2).background().color() == INVALID_BACKGROUND
    assert "Line 2" in table.item(1, 2).toolTip()
    assert not dialog.error_label("trade").isVisible()
    assert dialog.field_widget("venue").text() == "区职业技能实训基地"
    assert list_competitions(ctx.db, OFFICE) == []


def test_a_pass_mark_that_is_not_a_number_is_quoted_as_typed(qtbot: Any, ctx: AppContext) -> None:
    dialog = open_form(qtbot, ctx)
    fill_skills_competition(dialog)
    dialog.scheme_editor.set_kind(SchemeKind.POINTS_RUBRIC)
    dialog.scheme_editor.pass_mark_edit.setText("九十")

    refuse(qtbot, dialog)

    assert "九十" in dialog.scheme_editor.pass_mark_error.text()


def test_prize_bands_problems_are_shown_under_the_prizes(
    qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_form(qtbot, ctx)
    fill_skills_competition(dialog)
    # The spin boxes cannot produce a bad band; a repeated prize stands in for one.
    bands = (PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.FIRST, 2))
    monkeypatch.setattr(dialog.bands_editor, "bands", lambda: bands)

    refuse(qtbot, dialog)

    assert "more than once" in dialog.bands_editor.message.text()


def test_editing_loads_every_field_and_saves_changes(qtbot: Any, ctx: AppContext) -> None:
    competition_id = make_competition(ctx.db)
    dialog = open_form(qtbot, ctx, competition_id)
    assert dialog.field_widget("name").text() == "2026年数控车工技能竞赛"
    assert dialog.field_widget("ends_on").value() == date(2026, 5, 13)
    assert dialog.bands_editor.spins[Prize.THIRD].value() == 3

    dialog.field_widget("venue").setText("二号车间")
    dialog.bands_editor.spins[Prize.EXCELLENCE].setValue(4)
    save(qtbot, dialog)

    stored = get_competition(ctx.db, OFFICE, competition_id).draft
    assert stored.venue == "二号车间"
    assert stored.prize_bands[-1] == PrizeBand(Prize.EXCELLENCE, 4)


def test_a_scheme_change_after_scores_is_refused_under_the_scheme(
    qtbot: Any, ctx: AppContext
) -> None:
    competition_id = make_competition(ctx.db)
    entry = enter_members(ctx.db, competition_id, make_members(ctx.db, 1))[0]
    save_scores(ctx.db, OFFICE, competition_id, {entry: scores("80", "90")})
    dialog = open_form(qtbot, ctx, competition_id)
    set_cell(dialog.scheme_editor.parts_table, 0, 3, "40")

    refuse(qtbot, dialog)

    assert "cannot be changed" in dialog.scheme_editor.message.text()
    assert get_competition(ctx.db, OFFICE, competition_id).draft.scheme == weighted_parts_preset()


def test_a_viewer_gets_the_form_read_only(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext]
) -> None:
    competition_id = make_competition(ctx.db)
    viewer = as_user("chakan", Role.VIEWER)
    dialog = open_form(qtbot, viewer, competition_id)

    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isHidden()
    assert not dialog.field_widget("name").isEnabled()
    assert not dialog.scheme_editor.add_button.isEnabled()
    table = dialog.scheme_editor.parts_table
    assert not table.editTriggers() & table.EditTrigger.DoubleClicked
    assert not dialog.bands_editor.isEnabled()
    assert table.item(0, 0).text() == "理论知识"  # still shown
