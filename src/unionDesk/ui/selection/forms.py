"""Small table and form helpers the selection dialogs share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.i18n import translate
from unionDesk.services.database import Database
from unionDesk.services.errors import ValidationFailed
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.widgets import error_label, grow_to_fit, set_message

DATA_ROLE = Qt.ItemDataRole.UserRole
Work = Callable[[Database], object]


def read_only_table(headers: list[str], stretch: int = -1) -> QTableWidget:
    """A table of whole rows, one selected at a time, that the user reads but does not edit.

    Columns fit their contents; the ``stretch`` column (by default the last) takes the rest.
    """
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    fit_columns(table, stretch)
    return table


def fit_columns(table: QTableWidget, stretch: int = -1) -> None:
    """Size every column to its contents, except ``stretch`` (-1: the last), which fills up."""
    header, count = table.horizontalHeader(), table.columnCount()
    for column in range(count):
        fill = column == stretch % count if count else False
        mode = QHeaderView.ResizeMode.Stretch if fill else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)


def cell(text: str, data: object = None) -> QTableWidgetItem:
    """A table item showing ``text`` that carries ``data``."""
    item = QTableWidgetItem(text)
    item.setData(DATA_ROLE, data)
    return item


def picked_date(edit: QDateEdit) -> date:
    """The date a date field shows, as a Python date."""
    return edit.date().toPython()  # type: ignore[return-value]


def button_row(*widgets: QWidget | None) -> QHBoxLayout:
    """A row of widgets; None stands for a stretch.

    Its push buttons are not auto-default, so Enter in a list or field does not trigger them.
    """
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
            continue
        if isinstance(widget, QPushButton):
            widget.setAutoDefault(False)
        row.addWidget(widget)
    return row


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question whose safe answer, No, is the default."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_window_modal(ctx: AppContext, dialog: QDialog) -> None:
    """Open ``dialog`` without blocking; delete it once the work it queued has reported back.

    Its parent may be deleted first, taking the dialog with it; the TaskRunner then drops the
    deletion, as it drops any result for a deleted widget.
    """
    dialog.finished.connect(
        lambda _result: ctx.tasks.run(lambda: None, lambda _done: dialog.deleteLater())
    )
    dialog.open()


class ServiceForm(QDialog):
    """A small form whose OK runs one service call on the worker.

    A refused call keeps the input and shows each problem beside its field (by the field names
    the service uses), the rest at the top. Subclasses add fields and implement ``work``.
    """

    # Each form defines it: the service call it makes with its current values.
    work: Callable[[], Work]

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(title)
        self.summary = error_label()
        self.form = QFormLayout()
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, caption: str, widget: QWidget) -> None:
        """Add ``widget`` for the service field ``name``, with its error label below it."""
        self._fields[name], self._errors[name] = widget, error_label()
        column = QVBoxLayout()
        column.addWidget(widget)
        column.addWidget(self._errors[name])
        self.form.addRow(caption, column)

    def error_label(self, name: str) -> QLabel:
        """The label that shows problems with the field ``name``."""
        return self._errors[name]

    def save(self) -> None:
        """Run ``work`` on the worker; close on success, show the problems otherwise."""
        work, db = self.work(), self._ctx.db
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(lambda: work(db), lambda _: self.accept(), self.show_failure)

    def show_failure(self, error: BaseException) -> None:
        """Show why the call was refused, each problem beside its field where there is one."""
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.show_problems(error.by_field(translate))
        else:
            self.show_problems({"": [error_text(error)]})

    def show_problems(self, messages: dict[str, list[str]]) -> None:
        """Show translated ``messages`` by field name; those of no field go to the top."""
        for name, label in self._errors.items():
            set_message(label, "\n".join(messages.get(name, [])))
        others = [t for name, texts in messages.items() if name not in self._errors for t in texts]
        set_message(self.summary, "\n".join(others))
        grow_to_fit(self)
