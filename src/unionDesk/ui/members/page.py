"""The member register page: search as you type, filters, the member table and its actions.

Every query runs on the database worker. Each one carries a sequence number, and only the result
of the latest query is shown, so a slow early result can never replace a newer one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.enums import MemberStatus, label
from unionDesk.i18n import translate
from unionDesk.services.departments import DepartmentNode, list_departments
from unionDesk.services.errors import NotFound
from unionDesk.services.members import (
    MemberDetail,
    MemberQuery,
    MemberRow,
    SortColumn,
    delete_member,
    get_member,
    query_member_ids,
)
from unionDesk.services.spreadsheets import export_members, write_template
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.departments import DepartmentsDialog
from unionDesk.ui.export_file import ask_full_ids, ask_xlsx_path, run_export
from unionDesk.ui.members.change_dialog import MembershipChangeDialog
from unionDesk.ui.members.form import MemberFormDialog
from unionDesk.ui.members.import_dialog import ImportDialog
from unionDesk.ui.members.table_model import SORT_COLUMNS, Column, MemberTableModel
from unionDesk.ui.widgets import indented_departments

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
# Initial column widths in digit widths (a Chinese character is about two).
COLUMN_WIDTHS = {
    Column.NAME: 12,
    Column.SEX: 7,
    Column.BIRTH_DATE: 11,
    Column.ID_NUMBER: 19,
    Column.MOBILE: 12,
    Column.DEPARTMENT: 24,
    Column.CARD_NUMBER: 12,
    Column.SKILL_LEVEL: 16,
    Column.POLITICAL_STATUS: 16,
    Column.JOIN_DATE: 11,
}


class MembersPage(QWidget):
    """Search, filter and maintain the member register.

    Signals:
        results_applied(): a query result is now shown in the table.
        dialog_opened(QDialog): a form or dialog was opened (window-modal, not blocking).
    """

    results_applied = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_MEMBERS)
        self._sequence = 0  # number of the latest query started
        self._sort, self._descending = SortColumn.NAME, False
        self._departments: list[DepartmentNode] = []
        self.model = MemberTableModel(ctx.db, ctx.actor, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.reload_departments()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search by name, pinyin initials, last digits of the ID number, or card number")
        )
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("All departments"), None)
        self.status_combo = self._status_combo()
        self.count_label = QLabel()
        self.table = self._build_table()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._button_row())

    def _status_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("All statuses"), None)
        for status in MemberStatus:
            combo.addItem(label(status, translate), status.value)
        combo.setCurrentIndex(combo.findData(MemberStatus.ACTIVE.value))
        return combo

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 3)
        row.addWidget(self.department_combo, 2)
        row.addWidget(self.status_combo, 1)
        row.addWidget(self.count_label)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        # Fixed row heights and column widths: sizing to contents would read every row.
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        digit = table.fontMetrics().horizontalAdvance("0")
        for column, digits in COLUMN_WIDTHS.items():
            header.resizeSection(column, digits * digit + 16)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        return table

    def _button_row(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("Add"))
        # Users who may not edit open the same form read-only.
        self.edit_button = QPushButton(self.tr("Edit") if self.can_edit else self.tr("Open"))
        self.change_button = QPushButton(self.tr("Membership change…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.departments_button = QPushButton(self.tr("Departments…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the members the list shows to an Excel file"))
        self.template_button = QPushButton(self.tr("Download template…"))
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.change_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.import_button, self.export_button, self.template_button):
            row.addWidget(button)
        row.addWidget(self.departments_button)
        self.add_button.setEnabled(self.can_edit)
        self.import_button.setEnabled(self.can_edit)
        self.departments_button.setEnabled(self._ctx.actor.may(Permission.EDIT_DEPARTMENTS))
        if not self.can_edit:
            self.setToolTip(self.tr("Your account may view the register but not change it."))
        return row

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.refresh)
        self.department_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.status_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.model.sort_requested.connect(self._on_sort_requested)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button.clicked.connect(lambda: self.add_member())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.change_button.clicked.connect(lambda: self.change_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.departments_button.clicked.connect(lambda: self.edit_departments())
        self.import_button.clicked.connect(lambda: self.import_members())
        self.export_button.clicked.connect(lambda: self.export_members())
        self.template_button.clicked.connect(lambda: self.download_template())
        self._update_buttons()

    # --- querying -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the current search and filters again and show the result when it arrives."""
        self._search_timer.stop()
        self._sequence += 1
        sequence, query, db = self._sequence, self.current_query(), self._ctx.db
        self._ctx.tasks.run(
            lambda: query_member_ids(db, self._ctx.actor, query),
            lambda ids: self._apply_ids(sequence, ids),
            self._on_failure,
        )

    def current_query(self) -> MemberQuery:
        """The query the search box, filters and sort order describe."""
        status = self.status_combo.currentData()
        return MemberQuery(
            text=self.search_edit.text(),
            department_id=self.department_combo.currentData(),
            status=MemberStatus(status) if status else None,
            sort=self._sort,
            descending=self._descending,
        )

    def _apply_ids(self, sequence: int, ids: list[int]) -> None:
        if sequence != self._sequence:
            return  # a newer query is on its way; this result is out of date
        selected = self.selected_member_id()
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("{count} members").format(count=len(ids)))
        self._restore_selection(selected)
        self.results_applied.emit()

    def _restore_selection(self, member_id: int | None) -> None:
        row = self.model.row_of(member_id) if member_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_sort_requested(self, column: SortColumn, descending: bool) -> None:
        if (column, descending) != (self._sort, self._descending):
            self._sort, self._descending = column, descending
            self.refresh()

    def _keep_sort_indicator(self, section: int, _order: Qt.SortOrder) -> None:
        """Put the indicator back when a column that cannot be sorted was clicked."""
        if Column(section) in SORT_COLUMNS:
            return
        current = next(c for c, s in SORT_COLUMNS.items() if s == self._sort)
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(current, order)
        header.blockSignals(False)

    # --- departments ----------------------------------------------------------------------

    def reload_departments(self) -> None:
        """Read the department tree again for the filter and the member form."""
        db = self._ctx.db
        self._ctx.tasks.run(
            lambda: list_departments(db, self._ctx.actor), self._fill_departments, self._on_failure
        )

    def _fill_departments(self, nodes: list[DepartmentNode]) -> None:
        self._departments = nodes
        combo, chosen = self.department_combo, self.department_combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(combo.count() - 1)
        for text, dept_id in indented_departments(nodes):
            combo.addItem(text, dept_id)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if chosen is not None and index < 0:
            self.refresh()  # the filtered department was deleted

    # --- actions --------------------------------------------------------------------------

    def selected_member_id(self) -> int | None:
        """Id of the selected member, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_id(rows[0].row()) if rows else None

    def _selected_row(self) -> MemberRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_row(rows[0].row()) if rows else None

    def add_member(self) -> None:
        """Open an empty member form."""
        if self.can_edit:
            self._open(MemberFormDialog(self._ctx, self._departments, parent=self))

    def edit_selected(self) -> None:
        """Load the selected member and open the form on it."""
        member_id, db = self.selected_member_id(), self._ctx.db
        if member_id is not None:
            self._ctx.tasks.run(
                lambda: get_member(db, self._ctx.actor, member_id),
                self._open_edit_form,
                self._on_failure,
            )

    def _open_edit_form(self, detail: MemberDetail) -> None:
        self._open(MemberFormDialog(self._ctx, self._departments, detail, parent=self))

    def change_selected(self) -> None:
        """Record a membership change (withdrawal, transfer …) for the selected member."""
        row = self._selected_row()
        if row is not None and self.can_edit:
            self._open(MembershipChangeDialog(self._ctx, row.id, row.name, row.status, self))

    def delete_selected(self) -> None:
        """Remove the selected member from the register, after confirmation."""
        row = self._selected_row()
        if row is None or not self.can_edit or not self._confirm_delete(row):
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Delete member"), self.tr("Reason for deleting (optional):")
        )
        if ok:
            member_id, db = row.id, self._ctx.db
            self._ctx.tasks.run(
                lambda: delete_member(db, self._ctx.actor, member_id, reason),
                lambda _: self._after_change(),
                self._on_failure,
            )

    def _confirm_delete(self, row: MemberRow) -> bool:
        text = self.tr(
            "Delete {name} (card {card}) from the register? "
            "The membership history is kept, but the member no longer appears in lists."
        ).format(name=row.name, card=row.card_number or "-")
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self, self.tr("Delete member"), text, buttons, QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def edit_departments(self) -> None:
        """Open the department tree editor."""
        dialog = DepartmentsDialog(self._ctx, self)
        dialog.changed.connect(self._after_departments_changed)
        self._open(dialog)

    def import_members(self) -> None:
        """Open the import wizard; the list and the departments reload after an import."""
        if self.can_edit:
            dialog = ImportDialog(self._ctx, self)
            dialog.imported.connect(lambda _result: self._after_departments_changed())
            self._open(dialog)

    def export_members(self, out: Path | None = None, full_ids: bool | None = None) -> None:
        """Save the members the list shows (search and filters) to an xlsx file.

        Users allowed to see full ID numbers are asked whether to write them (audited).
        """
        out = out or ask_xlsx_path(self, self.tr("Export members"), "会员名册.xlsx")
        if out is None:
            return
        if full_ids is None:
            full_ids = self._ctx.actor.may(Permission.UNMASK) and ask_full_ids(self)
        target, query, db, actor = out, self.current_query(), self._ctx.db, self._ctx.actor
        full = full_ids

        def work() -> int:
            return export_members(db, actor, target, query, full_ids=full)

        run_export(self, self._ctx, work, target)

    def download_template(self, out: Path | None = None) -> None:
        """Save the member import template (headers, an example row, drop-down lists)."""
        out = out or ask_xlsx_path(self, self.tr("Download template"), "会员导入模板.xlsx")
        if out is not None:
            target = out
            self._ctx.tasks.run(
                lambda: write_template(target), self._template_saved, self._on_failure
            )

    def _template_saved(self, written: Path) -> None:
        text = self.tr(
            "Saved the import template to {file}. Fill in one member per row, then import it "
            "with the Import… button."
        )
        QMessageBox.information(self, self.tr("Download template"), text.format(file=written))

    def _after_departments_changed(self) -> None:
        self.reload_departments()
        self._after_change()  # department paths shown in the table may have changed

    def _open(self, dialog: QDialog) -> None:
        dialog.accepted.connect(self._after_change)
        dialog.finished.connect(lambda _result: self._delete_when_idle(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _delete_when_idle(self, dialog: QDialog) -> None:
        """Delete a closed dialog once the work it queued (a save in flight) has reported back."""
        self._ctx.tasks.run(lambda: None, lambda _: dialog.deleteLater())

    def _after_change(self) -> None:
        self.model.invalidate()
        self.refresh()

    def _on_failure(self, error: BaseException) -> None:
        show_error(self, error)
        if isinstance(error, NotFound):
            self._after_change()  # someone deleted the member meanwhile

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = self.table.selectionModel().hasSelection()
        self.edit_button.setEnabled(has_selection)
        for button in (self.change_button, self.delete_button):
            button.setEnabled(has_selection and self.can_edit)
