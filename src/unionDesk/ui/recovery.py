"""Recovery from an unreadable database, and the safe order of a restore while the app runs.

A broken database is never overwritten: ``RecoveryDialog`` explains and offers the newest
backup that passes its checks; restoring renames the broken file to
``uniondesk.sqlite3.broken-<time>`` and copies the backup in its place.

``restore_and_reopen`` is how a running window restores a backup (the Settings page's
``BackupPanel`` asks for it with ``restore_requested``): on the worker it closes the window's
``Database`` (so no pooled connection outlives the old file), restores, and opens the database
again (upgrading an older backup); the owner then swaps the new ``Database`` into its pages,
and ``warn_missing_files`` says if some attachments and photos could not be put back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk import APP_NAME
from unionDesk.domain.access import Actor
from unionDesk.paths import AppPaths
from unionDesk.services.backup_files import not_restored_warning
from unionDesk.services.backups import (
    RECOVERY_ACTOR,
    BackupInfo,
    RestoreResult,
    newest_good_backup,
    restore_backup,
)
from unionDesk.services.database import Database, open_database
from unionDesk.ui.common import problem_text, show_error
from unionDesk.ui.tasks import TaskRunner

Reopened = Callable[[Database, RestoreResult], None]


class RecoveryDialog(QDialog):
    """Says the database cannot be read and offers ``backup`` (accepted: restore it)."""

    def __init__(
        self, paths: AppPaths, backup: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database cannot be read"))
        self.message = QLabel(self._explanation(paths, backup))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = self.buttons.addButton(
                self.tr("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole
            )
        self.quit_button = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _explanation(self, paths: AppPaths, backup: BackupInfo | None) -> str:
        damaged = self.tr(
            "The database file {file} is damaged or is not a UnionDesk database. It has not "
            "been changed or overwritten."
        ).format(file=paths.database)
        if backup is None:
            return (
                damaged
                + "\n\n"
                + self.tr(
                    "No usable backup was found in {folder}. Quit, then copy a backup into that "
                    "folder, or ask for help; keep the damaged file."
                ).format(folder=paths.backups)
            )
        offer = self.tr(
            "The newest good backup was taken on {time}:\n{file}\n\nRestore it? Changes made "
            "after that time are lost; the damaged file is kept beside the database, renamed "
            "with .broken and the time."
        ).format(time=backup.taken_at.strftime("%Y-%m-%d %H:%M"), file=backup.file)
        return damaged + "\n\n" + offer


def offer_recovery(
    parent: QWidget,
    tasks: TaskRunner,
    paths: AppPaths,
    on_restored: Reopened,
    on_quit: Callable[[], None],
) -> None:
    """Find the newest good backup, offer it, and restore it if the user agrees.

    Calls ``on_restored(database, result)`` with the reopened database, or ``on_quit()`` when
    the user declines, no backup helps, or the restore fails (after saying why).
    """

    def offer(backup: BackupInfo | None) -> None:
        accepted = RecoveryDialog(paths, backup, parent).exec() == QDialog.DialogCode.Accepted
        if backup is None or not accepted:
            on_quit()
            return
        restore_and_reopen(tasks, paths, RECOVERY_ACTOR, backup.file, None, restored, failed)

    def restored(db: Database, result: RestoreResult) -> None:
        warn_missing_files(parent, result)
        on_restored(db, result)

    def failed(error: BaseException) -> None:
        show_error(parent, error)
        on_quit()

    tasks.run(lambda: newest_good_backup(paths), offer, failed)


def warn_missing_files(parent: QWidget, result: RestoreResult) -> None:
    """Say so when the restore could not put back some attachments and photos it lists."""
    warning = not_restored_warning(result.restored_from, result.files_missing)
    if warning is not None:
        QMessageBox.warning(parent, APP_NAME, problem_text(warning))


def restore_and_reopen(
    tasks: TaskRunner,
    paths: AppPaths,
    actor: Actor,
    file: Path,
    db: Database | None,
    on_reopened: Reopened,
    on_failed: Callable[[BaseException], None],
) -> None:
    """Restore ``file`` on the worker in the safe order: close ``db``, restore, open again.

    Until ``on_reopened`` runs, the owner must not start other work on ``db``; the worker is
    single-threaded, so work queued earlier finishes before the close. If the restore is
    refused, nothing was changed and the old ``db`` still works (it reconnects on next use).
    """

    def work() -> tuple[Database, RestoreResult]:
        if db is not None:
            db.close()
        result = restore_backup(paths, actor, file)
        return open_database(paths), result

    tasks.run(work, lambda done: on_reopened(*done), on_failed)
