"""The culture-event form, for adding and editing: every field of ``EventDraft`` and the photos.

A refused save keeps every typed value and shows each problem beside its field. Photos are
stored with their SHA-256 once the event exists, and are checked again before they are opened.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.culture import (
    MAX_GUESTS,
    EventDraft,
    EventType,
    event_type_label,
    validate_event,
)
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed
from unionDesk.i18n import translate
from unionDesk.services.event_photos import (
    PhotoView,
    add_photo,
    list_photos,
    open_photo,
    remove_photo,
)
from unionDesk.services.events import EventDetail, create_event, update_event
from unionDesk.ui.common import AppContext, error_text, show_error
from unionDesk.ui.widgets import error_label, grow_to_fit, set_message, to_qdate

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.database import Database

DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_START = QTime(9, 0)
DEFAULT_LENGTH = timedelta(hours=2)  # an end, when first ticked, this long after the start
FIELDS = (
    "event_type",
    "title",
    "starts_at",
    "ends_at",
    "venue",
    "organiser",
    "hours",
    "guests",
    "description",
)


def date_time_edit(value: QDateTime) -> QDateTimeEdit:
    """A date-and-time field with a calendar pop-up, to the minute."""
    edit = QDateTimeEdit(value)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def to_qdatetime(value: datetime) -> QDateTime:
    """The ``QDateTime`` of a naive local time, to the minute."""
    return QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute))


def to_datetime(edit: QDateTimeEdit) -> datetime:
    """The naive local time an edit shows, to the minute."""
    value: datetime = edit.dateTime().toPython()  # type: ignore[assignment]
    return value.replace(second=0, microsecond=0)


class OptionalEndEdit(QWidget):
    """The end of an event, which may be left out: the tick box says whether it is given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox()
        self.known.setToolTip(self.tr("Tick to enter when the event ends"))
        self.edit = date_time_edit(QDateTime.currentDateTime())
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def value(self) -> datetime | None:
        """The end, or None when it is not ticked."""
        return to_datetime(self.edit) if self.known.isChecked() else None

    def set_value(self, value: datetime | None) -> None:
        """Show ``value``, or an unticked field for None."""
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDateTime(to_qdatetime(value))


class EventFormDialog(QDialog):
    """Add an event (``detail`` None) or edit one; ``saved_event_id`` is set on success.

    Signals:
        photos_shown(): the photo list shows the stored photos.
    """

    photos_shown = Signal()

    def __init__(
        self, ctx: AppContext, detail: EventDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._event_id = detail.id if detail is not None else None
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self.saved_event_id: int | None = None
        # Replaceable in tests: shows a verified photo in the system's viewer.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._create_fields()
        self._errors = {name: error_label() for name in FIELDS}
        self.summary_label, self.photo_error = error_label(), error_label()
        self._build()
        self._connect()
        if detail is not None:
            self.load(detail.draft)
            self.setWindowTitle(self.tr("Event: {title}").format(title=detail.draft.title))
            self._load_photos()
        else:
            self.setWindowTitle(self.tr("New event"))
        if not self.can_edit:
            self._make_read_only()
        self._update_photo_buttons()

    # --- fields ---------------------------------------------------------------------------

    def _create_fields(self) -> None:
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("(choose the type)"), None)
        for kind in EventType:
            self.type_combo.addItem(event_type_label(kind, translate), kind.value)
        self.title_edit = QLineEdit()
        today = QDateTime(QDateTime.currentDateTime().date(), DEFAULT_START)
        self.starts_edit, self.ends_edit = date_time_edit(today), OptionalEndEdit()
        self.venue_edit = QLineEdit()
        self.organiser_edit = QLineEdit()
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText(self.tr("for example 2 or 1.5"))
        self.guests_spin = QSpinBox()
        self.guests_spin.setRange(0, MAX_GUESTS)
        self.guests_spin.setToolTip(self.tr("Attendees who are not members of the union"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        widgets = (
            self.type_combo,
            self.title_edit,
            self.starts_edit,
            self.ends_edit,
            self.venue_edit,
            self.organiser_edit,
            self.hours_edit,
            self.guests_spin,
            self.description_edit,
        )
        self._fields: dict[str, QWidget] = dict(zip(FIELDS, widgets, strict=True))

    def _captions(self) -> tuple[str, ...]:
        return (
            self.tr("Type"),
            self.tr("Title"),
            self.tr("Starts"),
            self.tr("Ends"),
            self.tr("Venue"),
            self.tr("Organiser"),
            self.tr("Hours"),
            self.tr("Guests"),
            self.tr("Description"),
        )

    def field_widget(self, name: str) -> QWidget:
        """The input widget of the ``EventDraft`` field ``name``."""
        return self._fields[name]

    def error_label(self, name: str) -> QLabel:
        """The label that shows problems with the field ``name``."""
        return self._errors[name]

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (name, caption) in enumerate(zip(FIELDS, self._captions(), strict=True)):
            label = QLabel(caption)
            label.setBuddy(self._fields[name])
            grid.addWidget(label, 2 * row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._fields[name], 2 * row, 1)
            grid.addWidget(self._errors[name], 2 * row + 1, 1)
        grid.setRowStretch(2 * len(FIELDS) - 2, 1)  # the description takes the room left
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        body = QHBoxLayout()
        body.addLayout(grid, 3)
        body.addWidget(self._photos_box(), 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        for previous, following in itertools.pairwise(self._fields.values()):
            QWidget.setTabOrder(previous, following)
        self.resize(820, 560)

    def _photos_box(self) -> QGroupBox:
        self.photo_list = QListWidget()
        self.add_photo_button = QPushButton(self.tr("Add photo…"))
        self.open_photo_button = QPushButton(self.tr("Open"))
        self.remove_photo_button = QPushButton(self.tr("Remove…"))
        for button in (self.add_photo_button, self.open_photo_button, self.remove_photo_button):
            button.setAutoDefault(False)  # Enter saves the form
        row = QHBoxLayout()
        row.addWidget(self.add_photo_button)
        row.addWidget(self.open_photo_button)
        row.addWidget(self.remove_photo_button)
        box = QGroupBox(self.tr("Photos"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.photo_list, 1)
        layout.addWidget(self.photo_error)
        self.photo_hint = QLabel(self.tr("Save the event first; then add its photos."))
        self.photo_hint.setWordWrap(True)
        self.photo_hint.setVisible(self._event_id is None)
        layout.addWidget(self.photo_hint)
        layout.addLayout(row)
        return box

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.ends_edit.known.toggled.connect(self._suggest_end)
        self.add_photo_button.clicked.connect(lambda: self.choose_photo())
        self.open_photo_button.clicked.connect(lambda: self.open_selected_photo())
        self.photo_list.itemActivated.connect(lambda _item: self.open_selected_photo())
        self.remove_photo_button.clicked.connect(lambda: self.remove_selected_photo())
        self.photo_list.currentItemChanged.connect(lambda *_: self._update_photo_buttons())

    def _suggest_end(self, ticked: bool) -> None:
        """A newly ticked end starts two hours after the start, not at the current time."""
        if ticked:
            start = to_datetime(self.starts_edit)
            self.ends_edit.edit.setDateTime(to_qdatetime(start + DEFAULT_LENGTH))

    def _make_read_only(self) -> None:
        for widget in self._fields.values():
            widget.setEnabled(False)
        self.save_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    # --- values ---------------------------------------------------------------------------

    def load(self, draft: EventDraft) -> None:
        """Show the values of ``draft``."""
        kind = draft.event_type.value if draft.event_type is not None else None
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(kind), 0))
        self.title_edit.setText(draft.title)
        if draft.starts_at is not None:
            self.starts_edit.setDateTime(to_qdatetime(draft.starts_at))
        self.ends_edit.set_value(draft.ends_at)
        self.venue_edit.setText(draft.venue)
        self.organiser_edit.setText(draft.organiser)
        self.hours_edit.setText("" if draft.hours is None else str(draft.hours))
        self.guests_spin.setValue(draft.guests)
        self.description_edit.setPlainText(draft.description)

    def draft(self, hours: Decimal | None) -> EventDraft:
        """The values as typed, not yet checked, with ``hours`` as read by ``typed_hours``."""
        kind = self.type_combo.currentData()
        return EventDraft(
            event_type=EventType(kind) if kind else None,
            title=self.title_edit.text(),
            starts_at=to_datetime(self.starts_edit),
            ends_at=self.ends_edit.value(),
            venue=self.venue_edit.text(),
            organiser=self.organiser_edit.text(),
            description=self.description_edit.toPlainText(),
            hours=hours,
            guests=self.guests_spin.value(),
        )

    def typed_hours(self) -> Decimal | None:
        """The hours typed (None when empty).

        Raises:
            InvalidOperation: the text is not a number.
        """
        text = self.hours_edit.text().strip().replace("．", ".")
        return Decimal(text) if text else None

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Check and store the event on the worker; stay open and show problems if refused."""
        if not self.can_edit:
            return
        try:
            draft = self.draft(self.typed_hours())
        except InvalidOperation:
            self.show_problems(self._problems_with_bad_hours())
            return
        db, actor, event_id = self._ctx.db, self._ctx.actor, self._event_id
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(lambda: _store(db, actor, event_id, draft), self._saved, self._failed)

    def _problems_with_bad_hours(self) -> ValidationFailed:
        """Every problem of the form when the hours are not a number, found without saving."""
        text = QT_TRANSLATE_NOOP(
            "EventFormDialog", "“{text}” is not a number. Enter the hours, for example 1.5."
        )
        typed = self.hours_edit.text().strip()
        hours_problem = Problem("hours", "EventFormDialog", text, {"text": typed})
        others: list[Problem] = []
        try:
            validate_event(self.draft(Decimal(1)), now=datetime.now())
        except ValidationFailed as error:
            others = list(error.problems)
        return ValidationFailed([*others, hours_problem])

    def _saved(self, event_id: int) -> None:
        self.saved_event_id = event_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.show_problems(error)
        else:
            show_error(self, error)

    def show_problems(self, error: ValidationFailed) -> None:
        """Show each problem beside its field and a summary line at the top."""
        messages = error.by_field(translate)
        for name, message in self._errors.items():
            set_message(message, "\n".join(messages.get(name, [])))
        others = [text for name, texts in messages.items() if name not in FIELDS for text in texts]
        summary = self.tr(
            "The event was not saved. Correct the {count} problem(s) shown in red, then save again."
        ).format(count=len(error.problems))
        set_message(self.summary_label, "\n".join([summary, *others]))
        first = next((name for name in FIELDS if name in messages), None)
        if first is not None:
            self._fields[first].setFocus()
        grow_to_fit(self)

    # --- photos ---------------------------------------------------------------------------

    def _load_photos(self) -> None:
        event_id, db, actor = self._event_id, self._ctx.db, self._ctx.actor
        assert event_id is not None
        self._ctx.tasks.run(
            lambda: list_photos(db, actor, event_id), self._show_photos, self._photo_failed
        )

    def _show_photos(self, photos: list[PhotoView]) -> None:
        self.photo_list.clear()
        for photo in photos:
            size = self.tr("{size} KB").format(size=max(1, round(photo.size / 1024)))
            item = QListWidgetItem(f"{photo.file_name} · {size}")
            item.setData(PHOTO_ID_ROLE, photo.id)
            self.photo_list.addItem(item)
        if photos:
            self.photo_list.setCurrentRow(0)
        self._update_photo_buttons()
        self.photos_shown.emit()

    def _update_photo_buttons(self) -> None:
        may_change = self._event_id is not None and self.can_edit
        chosen = self.photo_list.currentItem() is not None
        self.add_photo_button.setEnabled(may_change)
        self.open_photo_button.setEnabled(chosen)
        self.remove_photo_button.setEnabled(chosen and may_change)

    def choose_photo(self) -> None:
        """Ask for a picture file and add it to the event."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add photo"), "", self.tr("Images (*.jpg *.jpeg *.png)")
        )
        if path:
            self.add_photo_file(Path(path))

    def add_photo_file(self, path: Path) -> None:
        """Store the picture at ``path`` on the worker; a refusal is shown below the list."""
        event_id, db, actor = self._event_id, self._ctx.db, self._ctx.actor
        if event_id is None or not self.can_edit:
            return
        set_message(self.photo_error, "")

        def work() -> list[PhotoView]:
            add_photo(db, actor, event_id, path)
            return list_photos(db, actor, event_id)

        self._ctx.tasks.run(work, self._show_photos, self._photo_failed)

    def selected_photo(self) -> int | None:
        """Id of the chosen photo, if any."""
        item = self.photo_list.currentItem()
        photo_id: int | None = item.data(PHOTO_ID_ROLE) if item else None
        return photo_id

    def open_selected_photo(self) -> None:
        """Check the chosen photo's fingerprint on the worker, then show it."""
        photo_id, db, actor = self.selected_photo(), self._ctx.db, self._ctx.actor
        if photo_id is not None:
            self._ctx.tasks.run(
                lambda: open_photo(db, actor, photo_id),
                self._show_photo,
                self._photo_failed,
            )

    def _show_photo(self, path: Path) -> None:
        self.open_url(QUrl.fromLocalFile(str(path)))

    def remove_selected_photo(self) -> None:
        """Take the chosen photo off the event, after confirmation."""
        item, event_id, db, actor = (
            self.photo_list.currentItem(),
            self._event_id,
            self._ctx.db,
            self._ctx.actor,
        )
        if item is None or event_id is None or not self.can_edit:
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        text = self.tr("Remove the photo {name} from the event?").format(name=item.text())
        answer = QMessageBox.question(
            self, self.tr("Remove photo"), text, buttons, QMessageBox.StandardButton.No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        photo_id = item.data(PHOTO_ID_ROLE)

        def work() -> list[PhotoView]:
            remove_photo(db, actor, photo_id)
            return list_photos(db, actor, event_id)

        self._ctx.tasks.run(work, self._show_photos, self._photo_failed)

    def _photo_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            set_message(self.photo_error, error_text(error))
        else:
            show_error(self, error)


def _store(db: Database, actor: Actor, event_id: int | None, draft: EventDraft) -> int:
    """Create the event, or update the event ``event_id``; returns its id."""
    if event_id is None:
        return create_event(db, actor, draft)
    update_event(db, actor, event_id, draft)
    return event_id
