"""Screen lock after idle time: a modal password prompt over everything, nothing closed.

``IdleLock`` watches the application's input events; when none arrived for the idle time it
opens ``LockDialog`` application-modal. Open forms stay open under it with their input, and
the password is checked by ``services.users.log_in`` on the worker, so wrong passwords count
towards the lockout like any other log-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from unionDesk.services.users import Login, log_in
from unionDesk.ui.login import WorkerDialog, password_edit

if TYPE_CHECKING:
    from unionDesk.ui.common import AppContext

DEFAULT_IDLE_MINUTES = 10
# Only what a person does counts as activity; paints, timers and network events do not.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockDialog(WorkerDialog):
    """Asks the current user's password again; cannot be dismissed without it.

    Signals:
        log_out_requested(): the user chose to log out instead (the application closes).
    """

    log_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.tasks, parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("UnionDesk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.password_edit = password_edit()
        self._layout(
            self.tr(
                "UnionDesk was locked because nobody used it for a while. Enter the password "
                "of {user} to continue; open forms keep what was typed in them."
            ).format(user=ctx.actor.username),
            [(self.tr("Password"), self.password_edit)],
        )
        self.unlock_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText(self.tr("Unlock"))
        self.log_out_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.log_out_button.setText(self.tr("Log out"))
        self.log_out_button.clicked.connect(self.log_out_requested.emit)
        self.password_edit.setFocus()

    def _submit(self) -> None:
        db, name, secret = self._ctx.db, self._ctx.actor.username, self.password_edit.text()
        self._run(lambda: log_in(db, name, secret), self._unlocked)

    def _unlocked(self, _login: Login) -> None:
        self.password_edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.password_edit.clear()
        super()._failed(error)
        self.password_edit.setFocus()

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window does not unlock either."""
        event.ignore()


class IdleLock(QObject):
    """Locks the application after ``minutes`` without keyboard or mouse input.

    Args:
        ctx: who is logged in, and the worker that checks the password.
        window: the main window the lock dialog is shown over.
        minutes: idle time before locking.
        interval_ms: overrides ``minutes`` (tests use a fraction of a second).

    Signals:
        locked(): the lock dialog is shown.
        unlocked(): the right password was given.
        log_out_requested(): the user chose to log out from the lock dialog.
    """

    locked = Signal()
    unlocked = Signal()
    log_out_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        minutes: int = DEFAULT_IDLE_MINUTES,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._ctx, self._window = ctx, window
        self.dialog: LockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms if interval_ms is not None else minutes * 60_000)
        self._timer.timeout.connect(self.lock)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    @property
    def is_locked(self) -> bool:
        """Whether the lock dialog is showing."""
        return self.dialog is not None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Restart the idle timer on user input (never consumes the event)."""
        if self.dialog is None and event.type() in INPUT_EVENTS:
            self._timer.start()
        return False

    def lock(self) -> None:
        """Show the lock dialog over everything (no-op when already locked)."""
        if self.dialog is not None:
            return
        self._timer.stop()
        self.dialog = LockDialog(self._ctx, self._window)
        self.dialog.accepted.connect(self._unlock)
        self.dialog.log_out_requested.connect(self.log_out_requested.emit)
        self.dialog.open()
        self.locked.emit()

    def _unlock(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self._timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        """Stop watching (the window is closing, or the lead reconfigures the idle time)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
