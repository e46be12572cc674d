"""The member import wizard: choose a file, confirm the columns, check (dry run), import.

Reading, checking and importing run on the database worker; their progress comes back through
a queued signal and a Cancel button stops them (the service then writes nothing). The file is
read again by each step, so the wizard never holds a whole sheet in the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk.i18n import translate
from unionDesk.services.import_report import write_error_report
from unionDesk.services.member_import import (
    ImportCancelled,
    ImportPlan,
    ImportResult,
    commit_import,
    plan_import,
    remember_columns,
)
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.members.import_columns import ColumnMapping, FileColumns, inspect_file
from unionDesk.ui.members.import_preview import (
    ImportPreview,
    error_label,
)


class _Progress(QObject):
    """Carries progress from the worker to the GUI thread (a queued connection)."""

    changed = Signal(int, int)


class ImportDialog(QDialog):
    """The four steps of importing members from a spreadsheet.

    Signals:
        imported(ImportResult): the import was committed.
    """

    imported = Signal(object)
    FILE, MAPPING, PREVIEW, WORKING, DONE = range(5)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.file_columns: FileColumns | None = None
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self._cancel = threading.Event()
        self._back_to = self.FILE  # the page a cancelled or failed step returns to
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.setWindowTitle(self.tr("Import members"))
        self.setMinimumSize(760, 520)
        self.stack = QStackedWidget()
        for page in (self._file_page(), self._mapping_page(), self._preview_page()):
            self.stack.addWidget(page)
        self.stack.addWidget(self._working_page())
        self.stack.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._buttons())
        self._go(self.FILE)

    # --- pages ----------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        intro = QLabel(
            self.tr(
                "Choose the member list to import: an Excel or WPS workbook (.xlsx, .xls), an "
                "OpenDocument sheet (.ods) or a CSV file. The first visible sheet is read; title "
                "rows above the header row are skipped. Nothing is saved until you confirm the "
                "check in the last step."
            )
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("Path of the file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(lambda: self.browse())
        self.file_error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        return _page(intro, row, self.file_error, stretch=True)

    def _mapping_page(self) -> QWidget:
        self.mapping = ColumnMapping()
        return self.mapping

    def _preview_page(self) -> QWidget:
        self.preview = ImportPreview()
        self.preview.report_requested.connect(lambda: self.save_report())
        self.preview.changed.connect(self._update_buttons)
        return self.preview

    def _working_page(self) -> QWidget:
        self.working_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        return _page(self.working_label, self.progress_bar, stretch=True)

    def _done_page(self) -> QWidget:
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_report_button = QPushButton(self.tr("Save error report…"))
        self.done_report_button.clicked.connect(lambda: self.save_report())
        row = QHBoxLayout()
        row.addWidget(self.done_report_button)
        row.addStretch(1)
        return _page(self.done_label, row, stretch=True)

    def _buttons(self) -> QHBoxLayout:
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(lambda: self.back())
        self.next_button.clicked.connect(lambda: self.next())
        self.cancel_button.clicked.connect(lambda: self.reject())
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.back_button, self.next_button, self.cancel_button):
            row.addWidget(button)
        return row

    # --- navigation -----------------------------------------------------------------------

    def browse(self) -> None:
        """Ask for the file to import."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import members"),
            self.file_edit.text(),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)"),
        )
        if name:
            self.file_edit.setText(name)

    def next(self) -> None:
        """Go on from the current step: read the file, check it, import it, or close."""
        page = self.stack.currentIndex()
        if page == self.FILE:
            self.read_file()
        elif page == self.MAPPING:
            self.check()
        elif page == self.PREVIEW:
            self.commit()
        elif page == self.DONE:
            self.accept()

    def back(self) -> None:
        """Return to the previous step (nothing has been saved before the import)."""
        page = self.stack.currentIndex()
        if page in (self.MAPPING, self.PREVIEW):
            self._go(page - 1)

    def reject(self) -> None:
        """Cancel the running step, or close the wizard when nothing is running."""
        if self.stack.currentIndex() == self.WORKING:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.working_label.setText(self.tr("Cancelling… nothing will be changed."))
            return
        super().reject()

    def _go(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.back_button.setEnabled(page in (self.MAPPING, self.PREVIEW))
        self.back_button.setVisible(page != self.DONE)
        self.cancel_button.setVisible(page != self.DONE)
        self.cancel_button.setEnabled(True)
        labels = {
            self.FILE: self.tr("Next"),
            self.MAPPING: self.tr("Check the rows"),
            self.PREVIEW: self.tr("Import"),
            self.WORKING: self.tr("Next"),
            self.DONE: self.tr("Close"),
        }
        self.next_button.setText(labels[page])
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        enabled = page != self.WORKING
        if page == self.PREVIEW:
            enabled = self.preview.can_commit()
        self.next_button.setEnabled(enabled)

    # --- step 1: the file -----------------------------------------------------------------

    def read_file(self) -> None:
        """Read the chosen file's header row and any remembered mapping, on the worker."""
        text = self.file_edit.text().strip()
        if not text:
            self.file_error.setText(self.tr("Choose a file first."))
            return
        path, db = Path(text), self._ctx.db
        self.file_error.clear()
        self._run(
            self.tr("Reading {file}…").format(file=path.name),
            self.FILE,
            lambda: inspect_file(db, path),
            self._show_columns,
            self.file_error,
        )

    def _show_columns(self, found: FileColumns) -> None:
        if self._cancel.is_set():  # reading has no cancel point; drop what it read
            self._failed(ImportCancelled(), self.file_error)
            return
        self.file_columns = found
        if not found.headers:
            self.file_error.setText(self.tr("The file has no rows. Choose another file."))
            self._go(self.FILE)
            return
        self.mapping.show_columns(found)
        self._go(self.MAPPING)

    # --- step 2: the dry run --------------------------------------------------------------

    def check(self) -> None:
        """Check every row with the chosen mapping (the dry run), and remember the mapping."""
        path, db, actor = Path(self.file_edit.text().strip()), self._ctx.db, self._ctx.actor
        columns, update = self.mapping.chosen_columns(), self.mapping.update_radio.isChecked()
        self.mapping.error_label.clear()

        headers = self.file_columns.headers if self.file_columns else ()

        def work() -> ImportPlan:
            plan = plan_import(
                db,
                actor,
                path,
                columns=columns,
                update_existing=update,
                translate=translate,
                progress=self._progress.changed.emit,
                cancelled=self._cancel.is_set,
            )
            remember_columns(db, actor, headers, columns)  # confirmed: offer it next time
            return plan

        self._run(
            self.tr("Checking the rows…"),
            self.MAPPING,
            work,
            self._show_plan,
            self.mapping.error_label,
        )

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.preview.show_plan(plan)
        self._go(self.PREVIEW)

    def save_report(self, out: Path | None = None) -> None:
        """Write the rows with their errors to an xlsx file the officer can correct."""
        plan = self.plan
        if plan is None:
            return
        if out is None:
            suggested = plan.file.with_name(plan.file.stem + "-错误报告.xlsx")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save error report"), str(suggested), self.tr("Excel (*.xlsx)")
            )
            if not name:
                return
            out = Path(name)
        target = out
        self._ctx.tasks.run(
            lambda: write_error_report(plan, target, translate=translate),
            self._report_saved,
            lambda error: self.preview.error_label.setText(error_text(error)),
        )

    def _report_saved(self, written: Path) -> None:
        text = self.tr("Saved the error report to {file}.").format(file=written)
        if self.stack.currentIndex() == self.DONE:
            self.done_label.setText(f"{self.done_label.text()}\n{text}")
        else:
            self.preview.errors_note.setText(text)

    # --- step 3: the import ---------------------------------------------------------------

    def commit(self) -> None:
        """Import the good rows of the plan in one transaction."""
        plan = self.plan
        if plan is None or not self.preview.can_commit():
            return
        db, actor = self._ctx.db, self._ctx.actor
        update, create = (
            self.mapping.update_radio.isChecked(),
            self.preview.departments_check.isChecked(),
        )

        def work() -> ImportResult:
            return commit_import(
                db,
                actor,
                plan,
                update_existing=update,
                create_departments=create,
                progress=self._progress.changed.emit,
                cancelled=self._cancel.is_set,
            )

        self._run(
            self.tr("Importing…"), self.PREVIEW, work, self._show_result, self.preview.error_label
        )

    def _show_result(self, result: ImportResult) -> None:
        self.import_result = result
        self.done_label.setText(
            self.tr(
                "Import finished: {created} members added, {updated} updated, {skipped} "
                "skipped, {errors} rows with errors not imported."
            ).format(
                created=result.created,
                updated=result.updated,
                skipped=result.skipped,
                errors=result.errors,
            )
        )
        self.done_report_button.setVisible(result.errors > 0)
        self._go(self.DONE)
        self.imported.emit(result)

    # --- running a step -------------------------------------------------------------------

    def _run(
        self,
        title: str,
        back_to: int,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        error_label: QLabel,
    ) -> None:
        """Show the progress page and run ``work`` on the worker; return to ``back_to`` on error."""
        self._cancel.clear()
        self._back_to = back_to
        self.working_label.setText(title)
        self.progress_bar.setRange(0, 0)  # busy until the first report
        self._go(self.WORKING)
        self._ctx.tasks.run(work, on_success, lambda error: self._failed(error, error_label))

    def _failed(self, error: BaseException, label: QLabel) -> None:
        self._go(self._back_to)
        if isinstance(error, ImportCancelled):
            label.setText(self.tr("Cancelled. Nothing was changed."))
        else:
            label.setText(error_text(error))

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)


def _page(*parts: QWidget | QHBoxLayout | QFormLayout, stretch: bool = False) -> QWidget:
    """A step's page: ``parts`` from top to bottom; tables take the spare height."""
    page = QWidget()
    layout = QVBoxLayout(page)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if isinstance(part, QTableWidget) else 0)
        else:
            layout.addLayout(part)
    if stretch:
        layout.addStretch(1)
    return page
