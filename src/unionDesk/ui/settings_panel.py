"""The administrator's settings kept with the data: idle lock and backup rotation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QPushButton, QSpinBox, QWidget

from unionDesk.domain.retention import Retention
from unionDesk.services.backups import read_retention, save_retention
from unionDesk.services.settings import IDLE_RANGE, read_idle_minutes, save_idle_minutes
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.widgets import error_label, set_message


def spin(low: int, high: int) -> QSpinBox:
    """A spin box limited to ``low``..``high``."""
    box = QSpinBox()
    box.setRange(low, high)
    return box


class AdminSettingsPanel(QGroupBox):
    """Idle-lock minutes and how many automatic backups to keep; saved together, audited."""

    idle_minutes_changed = Signal(int)
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setTitle(self.tr("Security and backups"))
        self.idle_minutes = spin(*IDLE_RANGE)
        self.keep_daily, self.keep_weekly, self.keep_monthly = (
            spin(1, 60),
            spin(1, 52),
            spin(1, 120),
        )
        self.save_button = QPushButton(self.tr("Save settings"))
        self.message = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Lock the window after this many idle minutes"), self.idle_minutes)
        form.addRow(self.tr("Daily automatic backups to keep"), self.keep_daily)
        form.addRow(self.tr("Weekly automatic backups to keep"), self.keep_weekly)
        form.addRow(self.tr("Monthly automatic backups to keep"), self.keep_monthly)
        form.addRow(self.message)
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self.save)
        db = ctx.db
        ctx.tasks.run(
            lambda: (read_idle_minutes(db), read_retention(db)),
            self._show,
            lambda error: show_error(self, error),
        )

    def _show(self, values: tuple[int, Retention]) -> None:
        minutes, retention = values
        self.idle_minutes.setValue(minutes)
        self.keep_daily.setValue(retention.daily)
        self.keep_weekly.setValue(retention.weekly)
        self.keep_monthly.setValue(retention.monthly)
        self.loaded.emit()

    def save(self) -> None:
        """Store both settings on the worker; the idle lock follows the new time at once."""
        db, actor, minutes = self._ctx.db, self._ctx.actor, self.idle_minutes.value()
        retention = Retention(
            self.keep_daily.value(), self.keep_weekly.value(), self.keep_monthly.value()
        )

        def work() -> int:
            save_idle_minutes(db, actor, minutes)
            save_retention(db, actor, retention)
            return minutes

        set_message(self.message, "")
        self.save_button.setEnabled(False)
        self._ctx.tasks.run(work, self._saved, self._failed)

    def _saved(self, minutes: int) -> None:
        self.save_button.setEnabled(True)
        self.idle_minutes_changed.emit(minutes)
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, error)
