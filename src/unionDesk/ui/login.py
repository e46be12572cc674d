"""Log-in, first administrator and password-change dialogs.

Every check runs on the worker through services; the dialogs only collect input and show the
refusals beside the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import MIN_PASSWORD_LENGTH
from unionDesk.services.errors import ServiceError, ValidationFailed
from unionDesk.services.users import Login, add_first_admin, change_password, log_in
from unionDesk.ui.common import error_text, problem_text
from unionDesk.ui.tasks import TaskRunner
from unionDesk.ui.widgets import error_label, set_message

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.database import Database


def password_edit() -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class WorkerDialog(QDialog):
    """A dialog whose OK button runs one service call on the worker."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.message = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

    def _layout(self, intro: str, rows: list[tuple[str, QWidget]]) -> None:
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        for caption, widget in rows:
            form.addRow(caption, widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        set_message(self.message, "")
        self.buttons.setEnabled(False)
        self._tasks.run(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            set_message(self.message, "\n".join(problem_text(p) for p in error.problems))
        elif isinstance(error, ServiceError):
            set_message(self.message, problem_text(error.problem))
        else:
            set_message(self.message, error_text(error))

    def _submit(self) -> None:  # pragma: no cover - every subclass overrides it
        raise RuntimeError("subclass must override _submit")


class LoginDialog(WorkerDialog):
    """User name and password; five wrong passwords lock the account for 15 minutes."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        union_name: str,
        parent: QWidget | None = None,
        username: str = "",
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self.login: Login | None = None
        self.setWindowTitle(self.tr("Log in to UnionDesk"))
        self.username_edit = QLineEdit(username)
        self.password_edit = password_edit()
        self._layout(
            union_name,
            [(self.tr("User name"), self.username_edit), (self.tr("Password"), self.password_edit)],
        )
        (self.password_edit if username else self.username_edit).setFocus()

    def _submit(self) -> None:
        db, name, secret = self._db, self.username_edit.text(), self.password_edit.text()
        self._run(lambda: log_in(db, name, secret), self._logged_in)

    def _logged_in(self, login: Login) -> None:
        self.login = login
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.password_edit.clear()
        super()._failed(error)


class FirstAdminDialog(WorkerDialog):
    """Creates the first administrator of a database that has no accounts yet."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        self.username_edit, self.display_edit = QLineEdit(), QLineEdit()
        self.password_edit, self.repeat_edit = password_edit(), password_edit()
        self._layout(
            self.tr(
                "This database has no user accounts yet. Create the administrator who "
                "manages users, backups and settings. Passwords need at least {minimum} "
                "characters."
            ).format(minimum=MIN_PASSWORD_LENGTH),
            [
                (self.tr("User name"), self.username_edit),
                (self.tr("Name"), self.display_edit),
                (self.tr("Password"), self.password_edit),
                (self.tr("Repeat password"), self.repeat_edit),
            ],
        )

    def _submit(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            set_message(self.message, self.tr("The two passwords differ. Type them again."))
            return
        db, name, shown = self._db, self.username_edit.text(), self.display_edit.text()
        secret = self.password_edit.text()
        self._run(lambda: add_first_admin(db, name, shown, secret), self._created)

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()


class ChangePasswordDialog(WorkerDialog):
    """The user's own password change; required after an administrator reset it."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        actor: Actor,
        forced: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self._db, self._actor = db, actor
        self.setWindowTitle(self.tr("Change password"))
        self.old_edit, self.new_edit, self.repeat_edit = (password_edit() for _ in range(3))
        intro = (
            self.tr("An administrator set your password. Choose your own before you continue.")
            if forced
            else ""
        )
        self._layout(
            intro,
            [
                (self.tr("Current password"), self.old_edit),
                (self.tr("New password"), self.new_edit),
                (self.tr("Repeat new password"), self.repeat_edit),
            ],
        )

    def _submit(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            set_message(self.message, self.tr("The two new passwords differ. Type them again."))
            return
        db, actor, old, new = self._db, self._actor, self.old_edit.text(), self.new_edit.text()
        self._run(lambda: change_password(db, actor, old, new), lambda _none: self.accept())
