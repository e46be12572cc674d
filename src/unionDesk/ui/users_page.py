"""User accounts (administrators only): list, add, edit role and flags, reset a password.

The services refuse what is not allowed (the last administrator, a weak password, a taken
name); the dialogs show the refusal beside the fields and keep what was typed.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import MIN_PASSWORD_LENGTH, ROLE_LABELS, Role
from unionDesk.i18n import translate
from unionDesk.services.users import UserView, add_user, list_users, reset_password, update_user
from unionDesk.ui.audit_page import fill_table, read_only_table
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.login import WorkerDialog, password_edit
from unionDesk.ui.widgets import set_message

TIME_FORMAT = "%Y-%m-%d %H:%M"


class UserColumn(IntEnum):
    """Columns of the users table."""

    USERNAME = 0
    NAME = 1
    ROLE = 2
    UNMASK = 3
    DISABLED = 4
    LOCKED_UNTIL = 5
    LAST_LOGIN = 6


def role_label(role: Role) -> str:
    """The translated name of a role (管理员, 录入员 …)."""
    return translate("Enum", ROLE_LABELS[role])


def role_combo(current: Role = Role.OFFICER) -> QComboBox:
    """A combo box of the roles; item data is the role."""
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


def _time_text(moment: datetime | None) -> str:
    return moment.strftime(TIME_FORMAT) if moment is not None else ""


class UserDialog(WorkerDialog):
    """Add an account (``user`` None) or edit its name, role and flags."""

    def __init__(self, ctx: AppContext, user: UserView | None, parent: QWidget | None) -> None:
        super().__init__(ctx.tasks, parent)
        self._ctx, self._user = ctx, user
        self.username_edit = QLineEdit(user.username if user else "")
        self.display_edit = QLineEdit(user.display_name if user else "")
        self.role_combo = role_combo(user.role if user else Role.OFFICER)
        self.unmask_check = QCheckBox(self.tr("May see full ID and mobile numbers"))
        self.unmask_check.setChecked(bool(user and user.can_unmask))
        self.disabled_check = QCheckBox(self.tr("Account disabled (cannot log in)"))
        self.disabled_check.setChecked(bool(user and user.disabled))
        self.password_edit, self.repeat_edit = password_edit(), password_edit()
        if user is None:
            self._layout_new()
        else:
            self._layout_existing(user)

    def _layout_new(self) -> None:
        self.setWindowTitle(self.tr("Add user"))
        intro = self.tr(
            "The new user must choose their own password at the first log-in. Passwords "
            "need at least {minimum} characters."
        ).format(minimum=MIN_PASSWORD_LENGTH)
        self._layout(
            intro,
            [
                (self.tr("User name"), self.username_edit),
                (self.tr("Name"), self.display_edit),
                (self.tr("Role"), self.role_combo),
                ("", self.unmask_check),
                (self.tr("Initial password"), self.password_edit),
                (self.tr("Repeat password"), self.repeat_edit),
            ],
        )

    def _layout_existing(self, user: UserView) -> None:
        self.setWindowTitle(self.tr("Edit user: {user}").format(user=user.username))
        self.username_edit.setReadOnly(True)
        self._layout(
            "",
            [
                (self.tr("User name"), self.username_edit),
                (self.tr("Name"), self.display_edit),
                (self.tr("Role"), self.role_combo),
                ("", self.unmask_check),
                ("", self.disabled_check),
            ],
        )

    def _submit(self) -> None:
        db, actor = self._ctx.db, self._ctx.actor
        role, unmask = Role(self.role_combo.currentData()), self.unmask_check.isChecked()
        shown = self.display_edit.text()
        if self._user is not None:
            user_id, disabled = self._user.id, self.disabled_check.isChecked()
            self._run(
                lambda: update_user(
                    db,
                    actor,
                    user_id,
                    role=role,
                    disabled=disabled,
                    can_unmask=unmask,
                    display_name=shown,
                ),
                lambda _none: self.accept(),
            )
            return
        if self.password_edit.text() != self.repeat_edit.text():
            set_message(self.message, self.tr("The two passwords differ. Type them again."))
            return
        name, secret = self.username_edit.text(), self.password_edit.text()
        self._run(
            lambda: add_user(db, actor, name, shown, role, secret, unmask),
            lambda _id: self.accept(),
        )


class ResetPasswordDialog(WorkerDialog):
    """Give a user a new password that they must change at their next log-in."""

    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None) -> None:
        super().__init__(ctx.tasks, parent)
        self._ctx, self._user = ctx, user
        self.setWindowTitle(self.tr("Reset password: {user}").format(user=user.username))
        self.password_edit, self.repeat_edit = password_edit(), password_edit()
        self._layout(
            self.tr(
                "{user} must replace this password with their own at the next log-in. "
                "A locked account is unlocked."
            ).format(user=user.username),
            [
                (self.tr("New password"), self.password_edit),
                (self.tr("Repeat password"), self.repeat_edit),
            ],
        )

    def _submit(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            set_message(self.message, self.tr("The two passwords differ. Type them again."))
            return
        db, actor, user_id = self._ctx.db, self._ctx.actor, self._user.id
        secret = self.password_edit.text()
        self._run(lambda: reset_password(db, actor, user_id, secret), lambda _n: self.accept())


class UsersPage(QWidget):
    """The accounts of this database.

    Signals:
        users_shown(): the table shows a fresh list.
        dialog_opened(QDialog): an add, edit or reset dialog was opened (not blocking).
    """

    users_shown = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.users: list[UserView] = []
        self.table = read_only_table(self._headers())
        self.add_button = QPushButton(self.tr("Add user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._connect()
        self.refresh()

    def _headers(self) -> list[str]:
        return [
            self.tr("User name"),
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Sees full numbers"),
            self.tr("Disabled"),
            self.tr("Locked until"),
            self.tr("Last log-in"),
        ]

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self._open(UserDialog(self._ctx, None, self)))
        self.edit_button.clicked.connect(lambda: self._open_for_selected(UserDialog))
        self.reset_button.clicked.connect(lambda: self._open_for_selected(ResetPasswordDialog))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._open_for_selected(UserDialog))
        self._update_buttons()

    def refresh(self) -> None:
        """Read the accounts again."""
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: list_users(db, actor), self._show, lambda e: show_error(self, e)
        )

    def _show(self, users: list[UserView]) -> None:
        self.users = users
        fill_table(self.table, [self._cells(u) for u in users])
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self.users_shown.emit()

    def _cells(self, user: UserView) -> tuple[str, ...]:
        yes, no = self.tr("Yes"), ""
        return (
            user.username,
            user.display_name,
            role_label(user.role),
            yes if user.can_unmask or user.role is Role.ADMIN else no,
            yes if user.disabled else no,
            _time_text(user.locked_until),
            _time_text(user.last_login_at),
        )

    def selected_user(self) -> UserView | None:
        """The account of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def select_user(self, username: str) -> None:
        """Select the row of ``username``."""
        names = [u.username for u in self.users]
        self.table.selectRow(names.index(username))

    def _open_for_selected(self, dialog_class: type[UserDialog | ResetPasswordDialog]) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(dialog_class(self._ctx, user, self))

    def _open(self, dialog: QDialog) -> None:
        dialog.accepted.connect(self.refresh)
        # Deleted once the work it queued has reported back (Escape during a save).
        dialog.finished.connect(
            lambda _result: self._ctx.tasks.run(lambda: None, lambda _n: dialog.deleteLater())
        )
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _update_buttons(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.edit_button.setEnabled(selected)
        self.reset_button.setEnabled(selected)
