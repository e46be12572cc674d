"""The administrator's settings kept with the data: idle lock, backups and upload reminders."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QGroupBox, QPushButton, QSpinBox, QWidget

from unionDesk.domain.retention import Retention
from unionDesk.services.backups import read_retention, save_retention
from unionDesk.services.outbox import read_reminder_days, save_reminder_days
from unionDesk.services.outbox_reminders import DAYS_RANGE
from unionDesk.services.settings import IDLE_RANGE, read_idle_minutes, save_idle_minutes
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.upload.destinations import DestinationsDialog
from unionDesk.ui.widgets import error_label, set_message


def spin(low: int, high: int) -> QSpinBox:
    """A spin box limited to ``low``..``high``."""
    box = QSpinBox()
    box.setRange(low, high)
    return box


class AdminSettingsPanel(QGroupBox):
    """Idle lock, automatic backups to keep and reminder days; saved together, audited.

    Signals:
        idle_minutes_changed(int): the idle lock should follow this many minutes now.
        loaded(): the stored values are shown.
        saved(): all values were stored.
        destinations_opened(QDialog): the upload destinations dialog was opened (not blocking).
    """

    idle_minutes_changed = Signal(int)
    loaded = Signal()
    saved = Signal()
    destinations_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setTitle(self.tr("Security, backups and upload"))
        self.idle_minutes = spin(*IDLE_RANGE)
        self.keep_daily, self.keep_weekly, self.keep_monthly = (
            spin(1, 60),
            spin(1, 52),
            spin(1, 120),
        )
        self.outbox_days, self.backup_days = spin(*DAYS_RANGE), spin(*DAYS_RANGE)
        self.destinations_button = QPushButton(self.tr("Upload destinations…"))
        self.save_button = QPushButton(self.tr("Save settings"))
        self.message = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Lock the window after this many idle minutes"), self.idle_minutes)
        form.addRow(self.tr("Daily automatic backups to keep"), self.keep_daily)
        form.addRow(self.tr("Weekly automatic backups to keep"), self.keep_weekly)
        form.addRow(self.tr("Monthly automatic backups to keep"), self.keep_monthly)
        self.outbox_days.setToolTip(
            self.tr(
                "Remind on the main window when returns have waited longer than this for upload."
            )
        )
        self.backup_days.setToolTip(
            self.tr("Remind on the main window when the last backup is older than this.")
        )
        form.addRow(self.tr("Upload reminder (days)"), self.outbox_days)
        form.addRow(self.tr("Backup reminder (days)"), self.backup_days)
        form.addRow(self.destinations_button)
        form.addRow(self.message)
        form.addRow(self.save_button)
        self.save_button.clicked.connect(self.save)
        self.destinations_button.clicked.connect(self.open_destinations)
        db = ctx.db
        ctx.tasks.run(
            lambda: (read_idle_minutes(db), read_retention(db), read_reminder_days(db)),
            self._show,
            lambda error: show_error(self, error),
        )

    def _show(self, values: tuple[int, Retention, tuple[int, int]]) -> None:
        minutes, retention, (outbox_days, backup_days) = values
        self.idle_minutes.setValue(minutes)
        self.keep_daily.setValue(retention.daily)
        self.keep_weekly.setValue(retention.weekly)
        self.keep_monthly.setValue(retention.monthly)
        self.outbox_days.setValue(outbox_days)
        self.backup_days.setValue(backup_days)
        self.loaded.emit()

    def save(self) -> None:
        """Store the settings on the worker; the idle lock follows the new time at once."""
        db, actor, minutes = self._ctx.db, self._ctx.actor, self.idle_minutes.value()
        retention = Retention(
            self.keep_daily.value(), self.keep_weekly.value(), self.keep_monthly.value()
        )
        outbox_days, backup_days = self.outbox_days.value(), self.backup_days.value()

        def work() -> int:
            save_idle_minutes(db, actor, minutes)
            save_retention(db, actor, retention)
            save_reminder_days(db, actor, outbox_days, backup_days)
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

    def open_destinations(self) -> None:
        """Open the upload destinations dialog (window-modal, not blocking)."""
        dialog = DestinationsDialog(self._ctx, self)
        dialog.finished.connect(
            lambda _result: self._ctx.tasks.run(lambda: None, lambda _n: dialog.deleteLater())
        )
        dialog.open()
        self.destinations_opened.emit(dialog)
