"""The culture-event form: every field saved, errors beside fields, and the photos."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from helpers import OFFICE
from unionDesk.domain.access import Role
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.services.event_photos import list_photos
from unionDesk.services.events import create_event, get_event
from unionDesk.ui.activities.event_form import FIELDS, EventFormDialog
from unionDesk.ui.common import AppContext

START = (datetime.now() - timedelta(days=3)).replace(hour=14, minute=30, second=0, microsecond=0)


def stored_draft(**overrides: Any) -> EventDraft:
    values: dict[str, Any] = {
        "event_type": EventType.ROLE_MODEL_TALK,
        "title": "劳模工匠进车间宣讲",
        "starts_at": START,
        "ends_at": START + timedelta(hours=2),
        "venue": "职工之家",
        "organiser": "公司工会",
        "description": "邀请市级劳模分享成长经历。",
        "hours": Decimal("2.0"),
        "guests": 5,
    }
    return EventDraft(**{**values, **overrides})


def new_form(qtbot: Any, ctx: AppContext) -> EventFormDialog:
    form = EventFormDialog(ctx)
    qtbot.addWidget(form)
    form.show()
    return form


def edit_form(qtbot: Any, ctx: AppContext, event_id: int) -> EventFormDialog:
    form = EventFormDialog(ctx, get_event(ctx.db, OFFICE, event_id))
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.photos_shown):
        form.show()
    return form


def choose_type(form: EventFormDialog, kind: EventType) -> None:
    form.type_combo.setCurrentIndex(form.type_combo.findData(kind.value))


def save(qtbot: Any, form: EventFormDialog) -> None:
    with qtbot.waitSignal(form.accepted):
        form.save_button.click()


def png(tmp_path: Path, name: str = "合影.png") -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6fdb"))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def test_a_new_event_is_saved_with_every_field(qtbot: Any, ctx: AppContext) -> None:
    form = new_form(qtbot, ctx)
    choose_type(form, EventType.ROLE_MODEL_TALK)
    form.title_edit.setText("劳模工匠进车间宣讲")
    form.starts_edit.setDateTime(QDateTime(START))
    form.ends_edit.known.setChecked(True)  # suggests the start plus two hours
    form.venue_edit.setText("职工之家")
    form.organiser_edit.setText("公司工会")
    qtbot.keyClicks(form.hours_edit, "2")
    form.guests_spin.setValue(5)
    form.description_edit.setPlainText("邀请市级劳模分享成长经历。")

    save(qtbot, form)

    assert form.saved_event_id is not None
    assert get_event(ctx.db, OFFICE, form.saved_event_id).draft == stored_draft()


def test_editing_shows_the_stored_values_and_saves_changes(qtbot: Any, ctx: AppContext) -> None:
    event_id = create_event(ctx.db, OFFICE, stored_draft())
    form = edit_form(qtbot, ctx, event_id)
    assert form.draft(form.typed_hours()) == stored_draft()

    form.ends_edit.known.setChecked(False)
    form.hours_edit.setText("1.5")
    save(qtbot, form)

    expected = stored_draft(ends_at=None, hours=Decimal("1.5"))
    assert get_event(ctx.db, OFFICE, event_id).draft == expected


def test_refused_save_shows_errors_beside_fields_and_keeps_the_input(
    qtbot: Any, ctx: AppContext
) -> None:
    form = new_form(qtbot, ctx)
    form.title_edit.setText("读书分享会")
    qtbot.keyClicks(form.hours_edit, "30")

    form.save_button.click()
    qtbot.waitUntil(lambda: form.error_label("venue").isVisible())

    for name in ("event_type", "venue", "organiser", "hours"):
        assert form.error_label(name).isVisible(), name
    assert not form.error_label("title").isVisible()
    assert "30" in form.error_label("hours").text()
    assert form.title_edit.text() == "读书分享会" and form.hours_edit.text() == "30"
    assert form.summary_label.isVisible() and form.isVisible()


def test_hours_that_are_not_a_number_are_refused_with_the_other_problems(
    qtbot: Any, ctx: AppContext
) -> None:
    form = new_form(qtbot, ctx)
    form.hours_edit.setText("两小时")

    form.save_button.click()

    assert "两小时" in form.error_label("hours").text()
    assert form.error_label("title").isVisible()
    assert ctx.tasks.idle  # nothing was sent to the database


def test_photos_are_added_opened_after_the_check_and_removed(
    qtbot: Any, ctx: AppContext, tmp_path: Path, dialogs: Any
) -> None:
    event_id = create_event(ctx.db, OFFICE, stored_draft())
    form = edit_form(qtbot, ctx, event_id)
    opened: list[QUrl] = []
    form.open_url = opened.append
    with qtbot.waitSignal(form.photos_shown):
        form.add_photo_file(png(tmp_path))
    assert "合影.png" in form.photo_list.item(0).text()

    form.open_selected_photo()
    qtbot.waitUntil(lambda: len(opened) == 1)
    stored = Path(opened[0].toLocalFile())
    assert stored.read_bytes() == png(tmp_path).read_bytes() and stored != png(tmp_path)

    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(form.photos_shown):
        form.remove_photo_button.click()
    assert form.photo_list.count() == 0
    assert list_photos(ctx.db, OFFICE, event_id) == []


def test_a_file_that_is_not_a_picture_is_refused_below_the_photo_list(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    event_id = create_event(ctx.db, OFFICE, stored_draft())
    form = edit_form(qtbot, ctx, event_id)
    text_file = tmp_path / "名单.png"
    text_file.write_text("不是图片", encoding="utf-8")

    form.add_photo_file(text_file)
    qtbot.waitUntil(lambda: form.photo_error.isVisible())

    assert form.photo_list.count() == 0


def test_a_new_event_takes_photos_only_once_saved(qtbot: Any, ctx: AppContext) -> None:
    form = new_form(qtbot, ctx)

    assert not form.add_photo_button.isEnabled()
    assert form.photo_hint.isVisible()


def test_a_viewer_gets_the_form_read_only(qtbot: Any, ctx: AppContext, as_user: Any) -> None:
    event_id = create_event(ctx.db, OFFICE, stored_draft())
    viewer = as_user("chakan", Role.VIEWER)

    form = edit_form(qtbot, viewer, event_id)

    assert not any(form.field_widget(name).isEnabled() for name in FIELDS)
    assert form.save_button.isHidden() and not form.add_photo_button.isEnabled()
    assert form.open_photo_button.isVisible() and not form.photo_hint.isVisible()
