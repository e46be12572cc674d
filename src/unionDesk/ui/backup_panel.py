"""The backups section of the Settings page: list, back up now, restore from a file.

The panel never replaces the database itself: after the user confirms, it emits
``restore_requested(Path)`` and the window that owns the ``Database`` runs
``ui.recovery.restore_and_reopen`` (close, restore, open again) and swaps the new database in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.services.backup_files import not_copied_warning, not_in_backup_warning
from unionDesk.services.backups import (
    BackupCheck,
    BackupInfo,
    BackupKind,
    check_backup,
    create_backup,
    list_backups,
)
from unionDesk.ui.common import AppContext, problem_text, show_error

FILE_FILTER = "SQLite (*.sqlite3 *.db);;*"


class BackupPanel(QWidget):
    """Lists the backups and makes or restores one; all file work runs on the worker."""

    restore_requested = Signal(Path)
    backups_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken at"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_to_button = QPushButton(self.tr("Back up to a file…"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.backup_button.clicked.connect(lambda: self.back_up(None))
        self.backup_to_button.clicked.connect(self._back_up_to_file)
        self.restore_button.clicked.connect(self._choose_restore)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.backup_to_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        """Read the backups folder again (on the worker)."""
        paths = self._ctx.paths
        self._ctx.tasks.run(lambda: list_backups(paths), self._show, self._failed)

    def back_up(self, to: Path | None) -> None:
        """Back up now, into the backups folder (``to`` None) or to the file ``to``."""
        paths, actor = self._ctx.paths, self._ctx.actor
        self._set_busy(True)
        self._ctx.tasks.run(lambda: create_backup(paths, actor, to), self._made, self._failed)

    def ask_restore(self, file: Path) -> None:
        """Check ``file`` on the worker; if sound and confirmed, emit ``restore_requested``."""
        paths = self._ctx.paths
        self._set_busy(True)
        self._ctx.tasks.run(lambda: check_backup(file, paths), self._confirm, self._failed)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            cells = (
                backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                self._kind_label(backup.kind),
                self.tr("{size} KB").format(size=max(1, backup.size // 1024)),
                str(backup.file),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _kind_label(self, kind: BackupKind) -> str:
        labels = {
            BackupKind.AUTO: self.tr("Automatic"),
            BackupKind.MANUAL: self.tr("Manual"),
            BackupKind.BEFORE_UPGRADE: self.tr("Before upgrade"),
            BackupKind.BEFORE_RESTORE: self.tr("Before restore"),
        }
        return labels[kind]

    def _made(self, made: BackupInfo) -> None:
        self._set_busy(False)
        text = self.tr("The backup was saved as {file}.").format(file=made.file)
        warning = not_copied_warning(made.file, made.files_missing)
        if warning is None:
            QMessageBox.information(self, self.tr("Backup"), text)
        else:
            QMessageBox.warning(self, self.tr("Backup"), text + "\n\n" + problem_text(warning))
        self.refresh()
        self.backups_changed.emit()

    def _back_up_to_file(self) -> None:
        suggested = str(self._ctx.paths.backups / "uniondesk-backup.sqlite3")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up to a file"), suggested, FILE_FILTER
        )
        if chosen:
            self.back_up(Path(chosen))

    def _choose_restore(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore a backup"), str(self._selected_or_folder()), FILE_FILTER
        )
        if chosen:
            self.ask_restore(Path(chosen))

    def _selected_or_folder(self) -> Path:
        row = self.table.currentRow()
        item = self.table.item(row, 3) if row >= 0 else None
        return Path(item.text()) if item is not None else self._ctx.paths.backups

    def _confirm(self, check: BackupCheck) -> None:
        self._set_busy(False)
        if check.problem is not None:
            QMessageBox.warning(self, self.tr("Restore"), problem_text(check.problem))
            return
        text = self.tr(
            "Replace the current data with the backup {file}? Changes made since it was "
            "taken are lost; the current data is kept as a backup first."
        ).format(file=check.file)
        warning = not_in_backup_warning(check.file, check.files_missing)
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            text if warning is None else text + "\n\n" + problem_text(warning),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(check.file)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.backup_to_button, self.restore_button):
            button.setEnabled(not busy)
