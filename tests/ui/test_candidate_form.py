"""The nomination form: live character counters, attachments with fingerprints, read-only states."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from helpers import OFFICE
from selection_helpers import make_candidates, make_members, make_program
from unionDesk.domain.access import Role
from unionDesk.domain.candidate import AttachmentKind
from unionDesk.domain.workflow import CandidateState, state_label
from unionDesk.i18n import translate
from unionDesk.services.attachments import add_attachment, list_attachments
from unionDesk.services.candidates import get_candidate, list_candidates, withdraw
from unionDesk.services.programs import get_program
from unionDesk.ui.common import AppContext
from unionDesk.ui.selection.candidate_form import (
    CandidateForm,
    ProgramInfo,
    load_candidate,
)

RARE = "𠈌"  # U+2020C, two UTF-16 units but one character


@pytest.fixture
def program(ctx: AppContext) -> ProgramInfo:
    program_id = make_program(ctx.db, nomination_deadline=None, review_deadline=None)
    draft = get_program(ctx.db, OFFICE, program_id).draft
    return ProgramInfo(program_id, draft.name, draft.categories)


@pytest.fixture
def candidate(ctx: AppContext, program: ProgramInfo) -> int:
    """王建国, an eligible (合格) candidate."""
    [candidate_id] = make_candidates(ctx.db, program.id, make_members(ctx.db, 1))
    return candidate_id


@pytest.fixture
def show_form(qtbot: Any, ctx: AppContext, program: ProgramInfo) -> Callable[..., CandidateForm]:
    def make(candidate_id: int | None = None, context: AppContext = ctx) -> CandidateForm:
        if candidate_id is None:
            [member_id] = make_members(context.db, 1, first_sequence=301)
            form = CandidateForm(context, program, member=(member_id, "王建国"))
        else:
            record = load_candidate(context.db, context.actor, candidate_id)
            form = CandidateForm(context, program, record=record)
        qtbot.addWidget(form)
        form.show()
        return form

    return make


@pytest.fixture
def png(tmp_path: Path) -> Path:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "证件照.png"
    assert image.save(str(path), "PNG")
    return path


# --- counters ---------------------------------------------------------------------------------


def test_the_live_counter_counts_a_rare_character_as_one(show_form: Any) -> None:
    form = show_form()

    form.summary_edit.setPlainText(f"王{RARE}同志")

    assert form.summary_counter.text() == "4 / 500"
    assert form.deeds_counter.text() == "0 / 2000"


def test_a_summary_over_500_characters_blocks_saving_with_a_message(
    ctx: AppContext, program: ProgramInfo, show_form: Any, wait_idle: Callable[[], None]
) -> None:
    form = show_form()
    form.unit_edit.setText("测试机械厂")
    form.summary_edit.setPlainText(RARE * 501)

    form.save()
    wait_idle()

    assert form.summary_counter.text() == "501 / 500"
    assert "#b3261e" in form.summary_counter.styleSheet()
    assert not form.save_button.isEnabled()
    assert form.error_label("summary").isVisible()
    expected = translate(
        "CandidateForm", "{over} character(s) over the limit of {limit}. Shorten the text to save."
    )
    assert form.error_label("summary").text() == expected.format(over=1, limit=500)
    assert list_candidates(ctx.db, OFFICE, program.id) == []


def test_shortening_the_text_allows_saving_again(show_form: Any) -> None:
    form = show_form()
    form.deeds_edit.setPlainText("事" * 2001)
    assert not form.save_button.isEnabled()

    form.deeds_edit.setPlainText("事" * 2000)

    assert form.save_button.isEnabled()
    assert not form.error_label("deeds").isVisible()


# --- saving -----------------------------------------------------------------------------------


def test_a_new_nomination_is_saved_as_a_draft_and_stays_open_for_attachments(
    qtbot: Any, ctx: AppContext, program: ProgramInfo, show_form: Any
) -> None:
    form = show_form()
    assert not form.add_photo_button.isEnabled()
    form.unit_edit.setText("测试机械厂")
    form.summary_edit.setPlainText(f"王{RARE}事迹摘要")

    with qtbot.waitSignal(form.saved) as saved:
        form.save_button.click()

    detail = get_candidate(ctx.db, OFFICE, saved.args[0])
    assert (detail.state, detail.draft.summary) == (CandidateState.DRAFT, f"王{RARE}事迹摘要")
    assert form.isVisible() and form.add_photo_button.isEnabled()
    assert form.state_label.text() == state_label(CandidateState.DRAFT, translate)


def test_a_refused_save_shows_the_problem_beside_the_field(
    show_form: Any, wait_idle: Callable[[], None]
) -> None:
    form = show_form()
    form.summary_edit.setPlainText("摘要")

    form.save_button.click()
    wait_idle()

    assert form.error_label("nominating_unit").isVisible()
    assert form.summary_label.isVisible()
    assert form.summary_edit.toPlainText() == "摘要"


def test_editing_a_stored_nomination_saves_and_closes(
    qtbot: Any, ctx: AppContext, candidate: int, show_form: Any
) -> None:
    form = show_form(candidate)
    form.unit_edit.setText("测试机械厂工会")

    with qtbot.waitSignal(form.accepted):
        form.save_button.click()

    assert get_candidate(ctx.db, OFFICE, candidate).draft.nominating_unit == "测试机械厂工会"


def test_eligibility_and_history_are_listed(candidate: int, show_form: Any) -> None:
    form = show_form(candidate)

    rules = [form.eligibility_list.item(i).text() for i in range(form.eligibility_list.count())]
    assert len(rules) == 5 and all(text.startswith("✓ ") for text in rules)
    history = form.history_table
    assert history.rowCount() == 2
    nominated = state_label(CandidateState.NOMINATED, translate)
    assert (
        history.item(1, 1).text()
        == f"{nominated} → {state_label(CandidateState.ELIGIBLE, translate)}"
    )
    assert history.item(1, 2).text() == "cli"


def test_a_withdrawn_nomination_is_read_only(
    ctx: AppContext, candidate: int, show_form: Any
) -> None:
    withdraw(ctx.db, OFFICE, candidate, "本人申请")
    form = show_form(candidate)

    assert form.unit_edit.isReadOnly() and form.summary_edit.isReadOnly()
    assert form.save_button.isHidden()
    assert not form.add_certificate_button.isEnabled()
    assert form.history_table.item(2, 3).text() == "本人申请"


# --- attachments ------------------------------------------------------------------------------


def test_an_attached_png_is_listed(
    qtbot: Any, ctx: AppContext, candidate: int, show_form: Any, png: Path
) -> None:
    form = show_form(candidate)

    with qtbot.waitSignal(form.attachments_shown):
        form.add_file(AttachmentKind.PHOTO, png)

    assert form.attachment_list.count() == 1
    assert "证件照.png" in form.attachment_list.item(0).text()
    assert [a.file_name for a in list_attachments(ctx.db, OFFICE, candidate)] == ["证件照.png"]


def test_a_file_of_the_wrong_type_is_refused_below_the_list(
    candidate: int, show_form: Any, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    fake = tmp_path / "照片.png"
    fake.write_text("not a picture", encoding="utf-8")
    form = show_form(candidate)

    form.add_file(AttachmentKind.PHOTO, fake)
    wait_idle()

    assert form.attachment_error.isVisible()
    assert "照片.png" in form.attachment_error.text()
    assert form.attachment_list.count() == 0


def test_opening_a_verified_attachment_hands_it_to_the_viewer(
    qtbot: Any, ctx: AppContext, candidate: int, show_form: Any, png: Path
) -> None:
    add_attachment(ctx.db, OFFICE, candidate, AttachmentKind.PHOTO, png)
    form = show_form(candidate)
    opened: list[QUrl] = []
    form.open_url = opened.append

    form.open_attachment_button.click()
    qtbot.waitUntil(lambda: bool(opened))

    assert Path(opened[0].toLocalFile()).read_bytes() == png.read_bytes()


def test_a_damaged_stored_file_is_reported_instead_of_opened(
    qtbot: Any, ctx: AppContext, candidate: int, show_form: Any, png: Path, dialogs: Any
) -> None:
    dialogs.errors_expected = True
    add_attachment(ctx.db, OFFICE, candidate, AttachmentKind.PHOTO, png)
    [stored] = (ctx.paths.root / "attachments").rglob("*.png")
    stored.write_bytes(stored.read_bytes()[:-1] + b"\x00")
    form = show_form(candidate)
    opened: list[QUrl] = []
    form.open_url = opened.append

    form.open_attachment_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.named("warning")))

    assert opened == []
    assert "证件照.png" in dialogs.named("warning")[0][2]


def test_removing_an_attachment_asks_first(
    qtbot: Any, ctx: AppContext, candidate: int, show_form: Any, png: Path, dialogs: Any
) -> None:
    add_attachment(ctx.db, OFFICE, candidate, AttachmentKind.PHOTO, png)
    form = show_form(candidate)
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(form.attachments_shown):
        form.remove_attachment_button.click()

    assert dialogs.named("question")
    assert form.attachment_list.count() == 0
    assert list_attachments(ctx.db, OFFICE, candidate) == []


def test_a_viewer_gets_the_form_read_only(
    ctx: AppContext, candidate: int, show_form: Any, as_user: Any
) -> None:
    form = show_form(candidate, as_user("chakan", Role.VIEWER))

    assert form.unit_edit.isReadOnly() and not form.category_combo.isEnabled()
    assert form.save_button.isHidden()
    assert not form.add_photo_button.isEnabled()
