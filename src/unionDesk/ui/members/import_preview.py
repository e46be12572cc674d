"""The dry-run step of the import wizard: the counts, the rows with errors, new departments."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.i18n import translate
from unionDesk.services.member_import import ImportPlan

ERRORS_SHOWN = 1000  # rows of the error list; the error report has them all
VALUE_WIDTH = 180  # pixels at most for the row, column and value columns (an ID number fits)


class ImportPreview(QWidget):
    """Shows an ``ImportPlan``: what importing would do, and what to correct first.

    Signals:
        report_requested(): "Save error report…" was clicked.
        changed(): the create-departments choice changed (the Import button may now be allowed).
    """

    report_requested = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.new_label, self.update_label = QLabel(), QLabel()
        self.skip_label, self.error_count_label = QLabel(), QLabel()
        counts = QFormLayout()
        counts.addRow(self.tr("New members:"), self.new_label)
        counts.addRow(self.tr("Members to update:"), self.update_label)
        counts.addRow(self.tr("Already registered, skipped:"), self.skip_label)
        counts.addRow(self.tr("Rows with errors (not imported):"), self.error_count_label)
        self.errors_table = list_table(
            [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("What to correct")]
        )
        self.errors_note = QLabel()
        self.errors_note.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Save error report…"))
        self.report_button.clicked.connect(self.report_requested)
        report_row = QHBoxLayout()
        report_row.addWidget(self.errors_note, 1)
        report_row.addWidget(self.report_button)
        self.departments_check = QCheckBox()
        self.departments_check.toggled.connect(lambda _on: self.changed.emit())
        self.error_label = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addWidget(self.errors_table, 1)
        layout.addLayout(report_row)
        layout.addWidget(self.departments_check)
        layout.addWidget(self.error_label)

    def show_plan(self, plan: ImportPlan) -> None:
        """Show the counts and problems of ``plan``; new departments need a tick to be made."""
        self.plan = plan
        self.new_label.setText(str(plan.new))
        self.update_label.setText(str(plan.update))
        self.skip_label.setText(str(plan.skip))
        self.error_count_label.setText(str(plan.errors))
        self._fill_errors(plan)
        self.departments_check.setVisible(bool(plan.new_departments))
        self.departments_check.setChecked(False)
        self.departments_check.setText(
            self.tr(
                "Create the departments the file names that are not in the tree yet: {names}"
            ).format(names="、".join(plan.new_departments))
        )
        self.error_label.clear()

    def can_commit(self) -> bool:
        """Whether there is something to import and every new department was agreed to."""
        plan = self.plan
        if plan is None or plan.new + plan.update == 0:
            return False
        return not plan.new_departments or self.departments_check.isChecked()

    def _fill_errors(self, plan: ImportPlan) -> None:
        problems = [found for row in plan.rows for found in row.problems]
        table = self.errors_table
        table.setRowCount(min(len(problems), ERRORS_SHOWN))
        for index, found in enumerate(problems[:ERRORS_SHOWN]):
            cells = (str(found.row), found.column, found.value, found.reason.render(translate))
            for column, text in enumerate(cells):
                table.setItem(index, column, table_item(text))
        for column in range(3):
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(table.columnWidth(column), VALUE_WIDTH))
        table.resizeRowsToContents()
        self.report_button.setEnabled(plan.errors > 0)
        if not problems:
            note = self.tr("Every row can be imported.")
        elif len(problems) > ERRORS_SHOWN:
            note = self.tr(
                "The first {shown} of {count} problems are shown. Save the error report to see "
                "them all, correct the file and import it again."
            ).format(shown=ERRORS_SHOWN, count=len(problems))
        else:
            note = self.tr(
                "Rows with errors are not imported. Save the error report, correct those rows "
                "in it and import it again."
            )
        self.errors_note.setText(note)


def list_table(headers: list[str]) -> QTableWidget:
    """A read-only table of whole rows whose last column takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def table_item(text: str) -> QTableWidgetItem:
    """A cell showing ``text``, with the same text as tooltip (long values are cut off)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def error_label() -> QLabel:
    """A label for a step's refusal, in red, selectable so it can be copied."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
