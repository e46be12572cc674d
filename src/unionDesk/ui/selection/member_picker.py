"""The member picker that starts a nomination: search members, choose an active one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.enums import MemberStatus, label
from unionDesk.i18n import translate
from unionDesk.services.members import MemberRow, search_members
from unionDesk.ui.common import AppContext, show_error

SEARCH_DELAY_MS = 150


class MemberPicker(QDialog):
    """Find a member by name, pinyin initials, the last digits of the ID number or card number.

    Signals:
        results_shown(): the latest search result is listed.
    """

    results_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sequence = 0
        self.setWindowTitle(self.tr("Nominate a member"))
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin initials, last digits of the ID number, or card number")
        )
        self.results = QListWidget()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        layout = QVBoxLayout(self)
        for widget in (self.search_edit, self.results, self.buttons):
            layout.addWidget(widget)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._text_changed())
        self.results.currentItemChanged.connect(lambda *_: self._update_ok())
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()
        self.resize(460, 420)

    def search(self) -> None:
        """Search for the typed text on the worker; only the latest result is shown."""
        self._timer.stop()
        self._sequence += 1
        sequence, text = self._sequence, self.search_edit.text()
        db, actor = self._ctx.db, self._ctx.actor
        if not text.strip():
            self._show(sequence, [])
            return
        self._ctx.tasks.run(
            lambda: search_members(db, actor, text),
            lambda rows: self._show(sequence, rows),
            lambda error: show_error(self, error),
        )

    def _show(self, sequence: int, rows: list[MemberRow]) -> None:
        if sequence != self._sequence:
            return
        self.results.clear()
        for row in rows:
            text = " · ".join(part for part in (row.name, row.department, row.card_number) if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.name))
            if row.status is not MemberStatus.ACTIVE:  # only active members can be nominated
                item.setText(f"{text} ({label(row.status, translate)})")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(item)
        items = [self.results.item(row) for row in range(self.results.count())]
        first = next((item for item in items if item.flags() & Qt.ItemFlag.ItemIsEnabled), None)
        if first is not None:
            self.results.setCurrentItem(first)
        self._update_ok()
        self.results_shown.emit()

    def chosen(self) -> tuple[int, str] | None:
        """(member id, name) of the chosen member, if any."""
        item = self.results.currentItem()
        member: tuple[int, str] | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        return member

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.chosen() is not None
        )

    def _text_changed(self) -> None:
        # Until the new result is shown, Enter must not accept a member of the old one.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._timer.start()
