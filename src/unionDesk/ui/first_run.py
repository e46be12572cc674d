"""First-run dialog: the union's name and 统一社会信用代码 create the database (no defaults)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import MIN_PASSWORD_LENGTH, Actor
from unionDesk.domain.uscc import check_uscc
from unionDesk.i18n import translate
from unionDesk.paths import AppPaths
from unionDesk.services.database import AdminAccount, Database, create_database
from unionDesk.services.errors import ServiceError, ValidationFailed
from unionDesk.services.users import log_in
from unionDesk.ui.common import error_text, problem_text
from unionDesk.ui.login import password_edit
from unionDesk.ui.tasks import TaskRunner
from unionDesk.ui.widgets import error_label, set_message


class FirstRunDialog(QDialog):
    """Asks for the union's identity and creates the database in ``paths``."""

    def __init__(self, paths: AppPaths, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths, self._tasks = paths, tasks
        self.database: Database | None = None
        self.setWindowTitle(self.tr("Welcome to UnionDesk"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. XX有限公司工会委员会"))
        self.uscc_edit = QLineEdit()
        self.uscc_edit.setMaxLength(40)
        self.uscc_edit.setPlaceholderText(self.tr("18 characters, from the union's certificate"))
        self.username_edit, self.display_edit = QLineEdit(), QLineEdit()
        self.password_edit, self.repeat_edit = password_edit(), password_edit()
        self.actor: Actor | None = None
        self.name_error, self.uscc_error, self.general_error = (error_label() for _ in range(3))
        self.account_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._build()
        self.uscc_edit.editingFinished.connect(self._check_code_now)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "No database was found in {folder}. Enter your union's details to create one. "
                "They appear on every return."
            ).format(folder=self._paths.root)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Union name"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Unified social credit code"), self.uscc_edit)
        form.addRow("", self.uscc_error)
        form.addRow(
            QLabel(
                self.tr(
                    "Administrator account (manages users, backups and "
                    "settings; at least {minimum} characters of password)"
                ).format(minimum=MIN_PASSWORD_LENGTH)
            )
        )
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Name"), self.display_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Repeat password"), self.repeat_edit)
        form.addRow("", self.account_error)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _check_code_now(self) -> None:
        if not self.uscc_edit.text().strip():
            return
        try:
            check_uscc(self.uscc_edit.text())
        except ValidationFailed as failed:
            self._show(self.uscc_error, problem_text(failed.problems[0]))
        else:
            self._show(self.uscc_error, "")

    def _create(self) -> None:
        for label in (self.name_error, self.uscc_error, self.general_error, self.account_error):
            self._show(label, "")
        if self.password_edit.text() != self.repeat_edit.text():
            self._show(self.account_error, self.tr("The two passwords differ. Type them again."))
            return
        self.buttons.setEnabled(False)
        name, code, paths = self.name_edit.text(), self.uscc_edit.text(), self._paths
        admin = AdminAccount(
            self.username_edit.text(), self.password_edit.text(), self.display_edit.text()
        )
        self._tasks.run(
            lambda: _create_and_log_in(paths, name, code, admin), self._created, self._failed
        )

    def _created(self, created: tuple[Database, Actor]) -> None:
        self.database, self.actor = created
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            for field_name, messages in error.by_field(translate).items():
                target = {
                    "union_name": self.name_error,
                    "uscc": self.uscc_error,
                    "username": self.account_error,
                    "password": self.account_error,
                }.get(field_name, self.general_error)
                self._show(target, "\n".join(messages))
        elif isinstance(error, ServiceError):
            self._show(self.general_error, problem_text(error.problem))
        else:
            self._show(self.general_error, error_text(error))

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        set_message(label, text)


def _create_and_log_in(
    paths: AppPaths, name: str, code: str, admin: AdminAccount
) -> tuple[Database, Actor]:
    database = create_database(paths, name, code, admin)
    return database, log_in(database, admin.username, admin.password).actor
