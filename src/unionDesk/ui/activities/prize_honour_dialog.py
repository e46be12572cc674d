"""记为荣誉: record a competition entry's prize as an honour of each person in it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from unionDesk.domain.competition import competition_label
from unionDesk.domain.honours import HonourLevel, level_label
from unionDesk.i18n import translate
from unionDesk.services.competition_entries import record_prize_as_honour
from unionDesk.services.competitions import EntryRow
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.widgets import error_label, set_message


class PrizeHonourDialog(QDialog):
    """记为荣誉: record an entry's prize as an honour of each person in it."""

    def __init__(
        self, ctx: AppContext, entry: EntryRow, level: HonourLevel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._entry = ctx, entry
        self.honour_ids: list[int] = []
        prize = competition_label(entry.prize, translate) if entry.prize else ""
        self.setWindowTitle(self.tr("Record as honour: {name}").format(name=entry.name))
        self.level_combo = QComboBox()
        for value in HonourLevel:
            self.level_combo.addItem(level_label(value, translate), value.value)
        self.level_combo.setCurrentIndex(self.level_combo.findData(level.value))
        self.body_edit = QLineEdit()
        self.body_edit.setPlaceholderText(self.tr("for example 北京市总工会"))
        self.message = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        people = "、".join(entry.team_members) if entry.team_id is not None else entry.name
        intro = QLabel(
            self.tr("{prize} is recorded as an honour of: {people}").format(
                prize=prize, people=people
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow(self.tr("Awarding body"), self.body_edit)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.resize(440, self.sizeHint().height())

    def save(self) -> None:
        """Record the honours on the worker; stay open and show the reason if refused."""
        db, actor, entry_id = self._ctx.db, self._ctx.actor, self._entry.entry_id
        level, body = HonourLevel(self.level_combo.currentData()), self.body_edit.text()
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(
            lambda: record_prize_as_honour(db, actor, entry_id, level, body),
            self._saved,
            self._refused,
        )

    def _saved(self, honour_ids: list[int]) -> None:
        self.honour_ids = honour_ids
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        set_message(self.message, error_text(error))
