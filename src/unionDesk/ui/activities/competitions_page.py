"""The competition register (竞赛): search, filters, the list, its actions and the score grid.

Every query runs on the database worker and only the latest result is shown. Typed scores are
never dropped silently: choosing another competition first asks to save or discard them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
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
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.competition import CompetitionType, competition_label
from unionDesk.i18n import translate
from unionDesk.services.competitions import (
    CompetitionDetail,
    CompetitionQuery,
    CompetitionRow,
    delete_competition,
    get_competition,
    list_competitions,
)
from unionDesk.services.errors import NotFound
from unionDesk.services.spreadsheets import export_competition
from unionDesk.ui.activities.competition_form import CompetitionFormDialog
from unionDesk.ui.activities.entries_dialog import EntriesDialog
from unionDesk.ui.activities.score_panel import ScoreGrid
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.export_file import ask_xlsx_path, run_export

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Answer = QMessageBox.StandardButton


def row_cells(row: CompetitionRow) -> tuple[str, ...]:
    """The text of each list column for one competition."""
    return (
        row.name,
        competition_label(row.kind, translate),
        row.trade,
        competition_label(row.level, translate),
        row.starts_on.isoformat(),
        str(row.entries),
        str(row.scored),
    )


class CompetitionsPage(QWidget):
    """Search, filter and maintain competitions, and enter the scores of the chosen one.

    Signals:
        results_applied(): a query result is now shown in the list.
        dialog_opened(QDialog): a form or dialog was opened (window-modal, not blocking).
    """

    results_applied = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self._sequence = 0  # number of the latest query started
        self._rows: list[CompetitionRow] = []
        self._years: set[int] = {date.today().year}
        self._wanted: int | None = None  # a competition to show once it is listed
        self._switching_to: int | None = None  # shown once the typed scores are saved
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.grid = ScoreGrid(ctx)
        self._build()
        self._connect()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search by name, trade or organiser"))
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in CompetitionType:
            self.type_combo.addItem(competition_label(kind, translate), kind.value)
        self.year_combo = QComboBox()
        self._fill_years()
        self.count_label = QLabel()
        self.table = self._build_table()
        self.sheet_title = QLabel()
        font = self.sheet_title.font()
        font.setBold(True)
        self.sheet_title.setFont(font)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.sheet_title)
        lower_layout.addWidget(self.grid, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._upper_pane())
        splitter.addWidget(lower)
        splitter.setSizes([240, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

    def _upper_pane(self) -> QWidget:
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.type_combo, 2)
        filters.addWidget(self.year_combo, 1)
        filters.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("New competition"))
        self.edit_button = QPushButton(self.tr("Edit") if self.can_edit else self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.entries_button = QPushButton(self.tr("Entries…"))
        self.export_button = QPushButton(self.tr("Export results…"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.entries_button)
        buttons.addWidget(self.export_button)
        self.new_button.setEnabled(self.can_edit)
        if not self.can_edit:
            self.setToolTip(self.tr("Your account may view competitions but not change them."))
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return pane

    def _build_table(self) -> QTableWidget:
        headers = [
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Trade"),
            self.tr("Level"),
            self.tr("Starts on"),
            self.tr("Entries"),
            self.tr("Scored"),
        ]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.refresh)
        self.type_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.year_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.new_button.clicked.connect(lambda: self.add_competition())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.entries_button.clicked.connect(lambda: self.open_entries())
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.grid.saved.connect(self._after_scores_saved)
        self.grid.save_failed.connect(self._cancel_switch)
        self._update_buttons()

    # --- querying -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the current search and filters again and show the result when it arrives."""
        self._search_timer.stop()
        self._sequence += 1
        sequence, query, db, actor = (
            self._sequence,
            self.current_query(),
            self._ctx.db,
            self._ctx.actor,
        )
        self._ctx.tasks.run(
            lambda: list_competitions(db, actor, query),
            lambda rows: self._apply_rows(sequence, rows),
            self._on_failure,
        )

    def current_query(self) -> CompetitionQuery:
        """The query the search box and filters describe."""
        kind = self.type_combo.currentData()
        return CompetitionQuery(
            text=self.search_edit.text(),
            kind=CompetitionType(kind) if kind else None,
            year=self.year_combo.currentData(),
        )

    def _apply_rows(self, sequence: int, rows: list[CompetitionRow]) -> None:
        if sequence != self._sequence:
            return  # a newer query is on its way; this result is out of date
        self._rows = rows
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(row_cells(row)):
                item = QTableWidgetItem(text)
                if column >= 5:
                    item.setTextAlignment(NUMBER_ALIGNMENT)
                table.setItem(index, column, item)
        table.blockSignals(False)
        self.count_label.setText(self.tr("{count} competitions").format(count=len(rows)))
        if {row.starts_on.year for row in rows} - self._years:
            self._years |= {row.starts_on.year for row in rows}
            self._fill_years()
        self._select_after_query()
        self.results_applied.emit()

    def _select_after_query(self) -> None:
        """Select the wanted or shown competition again; the first one when none is shown."""
        wanted = self._wanted or self.grid.competition_id
        self._wanted = None
        if wanted is None and self._rows:
            wanted = self._rows[0].id
        self._highlight(wanted)
        if self.selected_competition_id() is not None:
            self._on_selection_changed()

    def _fill_years(self) -> None:
        combo, chosen = self.year_combo, self.year_combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All years"), None)
        for year in sorted(self._years, reverse=True):
            combo.addItem(str(year), year)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)

    # --- the chosen competition -----------------------------------------------------------

    def selected_competition_id(self) -> int | None:
        """Id of the competition selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()].id if rows else None

    def _row(self, competition_id: int | None) -> CompetitionRow | None:
        return next((row for row in self._rows if row.id == competition_id), None)

    def _highlight(self, competition_id: int | None) -> None:
        """Select a competition in the list without switching the grid to it."""
        self.table.blockSignals(True)
        self.table.clearSelection()
        row = next((i for i, r in enumerate(self._rows) if r.id == competition_id), None)
        if row is not None:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self._update_buttons()

    def _on_selection_changed(self) -> None:
        self._update_buttons()
        wanted = self.selected_competition_id()
        if wanted is None or wanted == self.grid.competition_id:
            return  # the grid keeps its competition while the list is filtered
        if not self.grid.has_unsaved():
            self._show_competition(wanted)
            return
        answer = self._ask_about_unsaved()
        if answer == Answer.Discard:
            self.grid.model.discard()
            self._show_competition(wanted)
        elif answer == Answer.Save and self.grid.model.changes():
            self._switching_to = wanted
            self.grid.save()
        else:
            self._highlight(self.grid.competition_id)

    def _ask_about_unsaved(self) -> Answer:
        text = self.tr(
            "{count} typed score(s) of this competition are not saved. Save them before "
            "showing another competition?"
        ).format(count=self.grid.model.unsaved_count)
        if self.grid.model.invalid_count:
            text += " " + self.tr(
                "{count} of them are marked in red and cannot be saved until corrected."
            ).format(count=self.grid.model.invalid_count)
        buttons = Answer.Save | Answer.Discard | Answer.Cancel
        return QMessageBox.question(self, self.tr("Unsaved scores"), text, buttons, Answer.Save)

    def _after_scores_saved(self) -> None:
        wanted, self._switching_to = self._switching_to, None
        if wanted is not None and not self.grid.has_unsaved():
            self._highlight(wanted)
            self._show_competition(wanted)
        else:
            self._highlight(self.grid.competition_id)
        self.refresh()  # the counts of scored entries changed

    def _cancel_switch(self) -> None:
        self._switching_to = None
        self._highlight(self.grid.competition_id)

    def _show_competition(self, competition_id: int | None) -> None:
        row = self._row(competition_id)
        title = self.tr("Score sheet: {name}").format(name=row.name) if row else ""
        self.sheet_title.setText(title)
        self.grid.load(competition_id)
        self._update_buttons()

    # --- actions --------------------------------------------------------------------------

    def add_competition(self) -> None:
        """Open an empty competition form."""
        if self.can_edit:
            self._open(CompetitionFormDialog(self._ctx, parent=self))

    def edit_selected(self) -> None:
        """Load the selected competition and open the form on it."""
        competition_id, db, actor = self.selected_competition_id(), self._ctx.db, self._ctx.actor
        if competition_id is not None:
            self._ctx.tasks.run(
                lambda: get_competition(db, actor, competition_id),
                self._open_edit_form,
                self._on_failure,
            )

    def _open_edit_form(self, detail: CompetitionDetail) -> None:
        self._open(CompetitionFormDialog(self._ctx, detail, parent=self))

    def delete_selected(self) -> None:
        """Remove the selected competition from the list, with a reason for the audit log."""
        row = self._row(self.selected_competition_id())
        if row is None or not self.can_edit:
            return
        text = self.tr(
            "Delete “{name}”? Its entries and scores are kept in the audit log, but it no longer "
            "appears in lists. Reason for deleting:"
        ).format(name=row.name)
        reason, ok = QInputDialog.getText(self, self.tr("Delete competition"), text)
        if ok:
            db, actor, competition_id = self._ctx.db, self._ctx.actor, row.id
            self._ctx.tasks.run(
                lambda: delete_competition(db, actor, competition_id, reason),
                lambda _: self._after_delete(competition_id),
                self._on_failure,
            )

    def _after_delete(self, competition_id: int) -> None:
        if self.grid.competition_id == competition_id:
            self.grid.model.discard()
            self._show_competition(None)
        self.refresh()

    def open_entries(self) -> None:
        """Open the entries of the selected competition: add members or teams, withdraw."""
        row = self._row(self.selected_competition_id())
        if row is not None and self.can_edit:
            dialog = EntriesDialog(self._ctx, row, self)
            dialog.changed.connect(self._after_entries_changed)
            self._open(dialog)

    def export_selected(self, out: Path | None = None) -> None:
        """Save the selected competition's entries, scores, ranks and prizes to an xlsx file."""
        row = self._row(self.selected_competition_id())
        if row is None:
            return
        out = out or ask_xlsx_path(self, self.tr("Export results"), f"{row.name}.xlsx")
        if out is not None:
            target, db, actor, competition_id = out, self._ctx.db, self._ctx.actor, row.id
            run_export(
                self,
                self._ctx,
                lambda: export_competition(db, actor, target, competition_id),
                target,
            )

    def _after_entries_changed(self) -> None:
        self.grid.load(self.grid.competition_id)  # typed scores stay
        self.refresh()

    def _open(self, dialog: QDialog) -> None:
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        dialog.finished.connect(lambda _result: self._delete_when_idle(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _after_dialog(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved_competition_id", None)
        if saved is not None:
            self._wanted = saved
            if saved == self.grid.competition_id:
                self.grid.load(saved)  # the scheme or the prize bands may have changed
        self.refresh()

    def _delete_when_idle(self, dialog: QDialog) -> None:
        """Delete a closed dialog once the work it queued has reported back."""
        self._ctx.tasks.run(lambda: None, lambda _: dialog.deleteLater())

    def _on_failure(self, error: BaseException) -> None:
        show_error(self, error)
        if isinstance(error, NotFound):
            self.refresh()  # someone deleted the competition meanwhile

    def _update_buttons(self) -> None:
        selected = self.selected_competition_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected and self.can_edit)
        self.entries_button.setEnabled(selected and self.can_edit)
        self.export_button.setEnabled(selected)
