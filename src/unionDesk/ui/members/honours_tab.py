"""The honours (荣誉) a member already holds, as a tab of the member form, and the 劳模 flag.

The flag is never typed in: it is derived from the honours by ``model_worker_of`` (DESIGN.md 3.1)
and shown again after every change. Users without ``EDIT_MEMBERS`` see the list read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.honours import HonourDraft, HonourLevel, level_label
from unionDesk.domain.messages import QT_TRANSLATE_NOOP
from unionDesk.i18n import translate
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.honours import (
    HonourView,
    add_honour,
    delete_honour,
    list_honours,
    model_worker_of,
    update_honour,
)
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.widgets import error_label, grow_to_fit, set_message

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.database import Database

# The year box accepts more than the rule allows, so an impossible year gets the rule's message
# beside the field instead of being silently clamped.
YEAR_RANGE = (1900, 2100)
MODEL_WORKER_STYLE = "color: #8a1c1c; font-weight: bold;"

AnyIndex = QModelIndex | QPersistentModelIndex
# HonourDraft field -> caption, in the order of the list's columns and the editor's rows.
CAPTIONS = {
    "title": QT_TRANSLATE_NOOP("HonoursTab", "Title"),
    "level": QT_TRANSLATE_NOOP("HonoursTab", "Level"),
    "year": QT_TRANSLATE_NOOP("HonoursTab", "Year"),
    "awarding_body": QT_TRANSLATE_NOOP("HonoursTab", "Awarding body"),
    "notes": QT_TRANSLATE_NOOP("HonoursTab", "Notes"),
}


class Column(IntEnum):
    """The honour list's columns, in display order (the order of ``CAPTIONS``)."""

    TITLE = 0
    LEVEL = 1
    YEAR = 2
    AWARDING_BODY = 3
    NOTES = 4


def caption(field_name: str) -> str:
    """The translated caption of a ``HonourDraft`` field."""
    return translate("HonoursTab", CAPTIONS[field_name])


class HonoursModel(QAbstractTableModel):
    """A member's honours; the cells are computed in ``set_rows`` so ``data()`` is a lookup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._views: list[HonourView] = []
        self._cells: list[tuple[str, ...]] = []
        self._headers = [caption(name) for name in CAPTIONS]

    def set_rows(self, views: Sequence[HonourView]) -> None:
        """Show ``views``, replacing the rows shown before."""
        self.beginResetModel()
        self._views = list(views)
        self._cells = [_cells(view.draft) for view in self._views]
        self.endResetModel()

    def view(self, row: int) -> HonourView:
        """The honour shown in ``row``."""
        return self._views[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Number of honours (none below a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Number of columns (none below a valid parent)."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text, also as tool tip so long notes can be read."""
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        return self._cells[index.row()][index.column()] if shown and index.isValid() else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column captions."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _cells(draft: HonourDraft) -> tuple[str, ...]:
    level = level_label(draft.level, translate) if draft.level is not None else ""
    year = str(draft.year) if draft.year is not None else ""
    return (draft.title, level, year, draft.awarding_body, draft.notes)


def model_worker_badge() -> QLabel:
    """An empty label styled for the 劳模 line; fill it from ``model_worker_changed``."""
    badge = QLabel()
    badge.setStyleSheet(MODEL_WORKER_STYLE)
    return badge


def model_worker_text(level: HonourLevel | None) -> str:
    """The 劳模 line for a derived level, or "" when the member is not a 劳模."""
    if level is None:
        return ""
    text = translate("HonoursTab", "Model worker: {level}")
    return text.format(level=level_label(level, translate))


class HonourDialog(QDialog):
    """Add an honour to a member (``view`` None) or edit one; problems appear beside fields."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        view: HonourView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._member_id, self._view = ctx, member_id, view
        self.title_edit, self.awarding_body_edit = QLineEdit(), QLineEdit()
        self.level_combo = QComboBox()
        self.level_combo.addItem(self.tr("(not chosen)"), None)
        for level in HonourLevel:
            self.level_combo.addItem(level_label(level, translate), level.value)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(*YEAR_RANGE)
        self.year_spin.setValue(date.today().year)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self._fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "level": self.level_combo,
            "year": self.year_spin,
            "awarding_body": self.awarding_body_edit,
            "notes": self.notes_edit,
        }
        self._errors = {name: error_label() for name in self._fields}
        self.summary_label = error_label()
        self._build()
        if view is not None:
            self._load(view.draft)
        self.setWindowTitle(self.tr("Edit honour") if view else self.tr("Add honour"))

    def _build(self) -> None:
        form = QFormLayout()
        for name, widget in self._fields.items():
            form.addRow(caption(name), widget)
            form.addRow("", self._errors[name])
        self.title_edit.setPlaceholderText(self.tr("as on the certificate, e.g. 北京市劳动模范"))
        self.awarding_body_edit.setPlaceholderText(self.tr("e.g. 北京市人民政府"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def error_label(self, name: str) -> QLabel:
        """The label that shows problems with the field ``name``."""
        return self._errors[name]

    def _load(self, draft: HonourDraft) -> None:
        self.title_edit.setText(draft.title)
        level = draft.level.value if draft.level is not None else None
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(level), 0))
        if draft.year is not None:
            self.year_spin.setValue(draft.year)
        self.awarding_body_edit.setText(draft.awarding_body)
        self.notes_edit.setPlainText(draft.notes)

    def draft(self) -> HonourDraft:
        """The values as typed, not yet checked."""
        level = self.level_combo.currentData()
        return HonourDraft(
            title=self.title_edit.text(),
            level=HonourLevel(level) if level is not None else None,
            year=self.year_spin.value(),
            awarding_body=self.awarding_body_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> None:
        """Check and store the honour on the worker; stay open and show problems if refused."""
        draft, db, actor = self.draft(), self._ctx.db, self._ctx.actor
        member_id, view = self._member_id, self._view
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(
            lambda: _store(db, actor, member_id, view, draft),
            lambda _result: self.accept(),
            self._on_failed,
        )

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, ValidationFailed):
            show_error(self, error)
            return
        messages = error.by_field(translate)
        for name, message in self._errors.items():
            set_message(message, "\n".join(messages.get(name, [])))
        others = [
            text for name, texts in messages.items() if name not in self._errors for text in texts
        ]
        summary = self.tr(
            "The honour was not saved. Correct what is shown in red, then save again."
        )
        set_message(self.summary_label, "\n".join([summary, *others]))
        first = next((name for name in self._fields if name in messages), None)
        if first is not None:
            self._fields[first].setFocus()
        grow_to_fit(self)


def _store(
    db: Database, actor: Actor, member_id: int, view: HonourView | None, draft: HonourDraft
) -> None:
    """Add ``draft`` to the member, or save it over ``view`` (runs on the worker)."""
    if view is None:
        add_honour(db, actor, member_id, draft)
    else:
        update_honour(db, actor, view.id, draft)


class HonoursTab(QWidget):
    """The honours of one member: list, add, edit, delete (with a reason), and the 劳模 line.

    Signals:
        honours_loaded(): the list and the 劳模 line show the stored honours.
        model_worker_changed(str): the 劳模 line's text after loading ("" when not a 劳模).
        dialog_opened(QDialog): an honour editor was opened (tests use it to reach the editor).
    """

    honours_loaded = Signal()
    model_worker_changed = Signal(str)
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._member_id = ctx, member_id
        self.can_edit = ctx.actor.may(Permission.EDIT_MEMBERS)
        self.model = HonoursModel(self)
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        self.model_worker_label = model_worker_badge()
        self.model_worker_label.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTES, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self.can_edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_worker_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._update_buttons()

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self.add_honour())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

    def _update_buttons(self) -> None:
        selected = self.selected_view() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def selected_view(self) -> HonourView | None:
        """The selected honour, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.view(rows[0].row()) if rows else None

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the member's honours and 劳模 level again and show them when they arrive."""
        db, actor, member_id = self._ctx.db, self._ctx.actor, self._member_id
        self._ctx.tasks.run(
            lambda: (
                list_honours(db, actor, member_id),
                model_worker_of(db, actor, member_id),
            ),
            self._show,
            lambda error: show_error(self, error),
        )

    def _show(self, loaded: tuple[list[HonourView], HonourLevel | None]) -> None:
        views, level = loaded
        self.model.set_rows(views)
        text = model_worker_text(level)
        set_message(self.model_worker_label, text)
        self.model_worker_changed.emit(text)
        self.honours_loaded.emit()

    # --- changing --------------------------------------------------------------------------

    def add_honour(self) -> None:
        """Open an empty honour editor."""
        if self.can_edit:
            self._open(HonourDialog(self._ctx, self._member_id, parent=self))

    def edit_selected(self) -> None:
        """Open the editor on the selected honour."""
        view = self.selected_view()
        if view is not None and self.can_edit:
            self._open(HonourDialog(self._ctx, self._member_id, view, parent=self))

    def _open(self, dialog: HonourDialog) -> None:
        dialog.accepted.connect(self.refresh)
        # Deleted once any save it queued has reported back, so no callback finds it gone.
        dialog.finished.connect(
            lambda _result: self._ctx.tasks.run(lambda: None, lambda _: dialog.deleteLater())
        )
        dialog.open()
        self.dialog_opened.emit(dialog)

    def delete_selected(self) -> None:
        """Remove the selected honour after confirmation and a required reason (audited)."""
        view = self.selected_view()
        if view is None or not self.can_edit or not self._confirm_delete(view):
            return
        reason = self._ask_reason()
        if reason is None:
            return
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: delete_honour(db, actor, view.id, reason),
            lambda _: self.refresh(),
            lambda error: show_error(self, error),
        )

    def _confirm_delete(self, view: HonourView) -> bool:
        text = self.tr(
            "Delete the honour {title} ({year}) from this member? "
            "The model worker flag is derived again from the remaining honours."
        ).format(title=view.draft.title, year=view.draft.year)
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self, self.tr("Delete honour"), text, buttons, QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_reason(self) -> str | None:
        """The reason typed, asking again while it is blank; None when cancelled."""
        prompt = self.tr("Reason for deleting (required, kept in the audit log):")
        while True:
            reason, ok = QInputDialog.getText(self, self.tr("Delete honour"), prompt)
            if not ok:
                return None
            if reason.strip():
                return reason.strip()
            prompt = self.tr("A reason is required. Why is this honour removed?")
