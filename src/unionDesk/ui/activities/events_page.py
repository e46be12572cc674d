"""The culture-event register (活动): search and filters, the event list, and its actions.

Beside the list, a statistics panel shows the numbers the returns print for a period.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.culture import EventType, PeriodStats, event_type_label, period_problems
from unionDesk.i18n import translate
from unionDesk.services.errors import NotFound
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import (
    EventDetail,
    EventQuery,
    EventRow,
    delete_event,
    get_event,
    list_events,
)
from unionDesk.services.spreadsheets import export_event
from unionDesk.ui.activities.attendance_dialog import AttendanceDialog
from unionDesk.ui.activities.event_form import EventFormDialog
from unionDesk.ui.activities.event_table import EVENT_ID_ROLE, SORT_ROLE, Column, EventTableModel
from unionDesk.ui.activities.stats_panel import EventStatsPanel
from unionDesk.ui.common import AppContext, problem_text, show_error
from unionDesk.ui.export_file import ask_xlsx_path, run_export
from unionDesk.ui.widgets import OptionalDateEdit

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying


class EventsPage(QWidget):
    """Search, filter and maintain the culture events, with the period's statistics beside.

    Signals:
        results_applied(): a query result is now shown in the table.
        stats_applied(): the statistics panel shows the latest numbers.
        dialog_opened(QDialog): a form or dialog was opened (window-modal, not blocking).
    """

    results_applied = Signal()
    stats_applied = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self._sequence = 0  # number of the latest list query started
        self._stats_sequence = 0
        self.model = EventTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search by title, venue or organiser"))
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in EventType:
            self.type_combo.addItem(event_type_label(kind, translate), kind.value)
        self.from_edit, self.to_edit = OptionalDateEdit(), OptionalDateEdit()
        self.from_edit.known.setText(self.tr("From"))
        self.to_edit.known.setText(self.tr("To"))
        self.count_label = QLabel()
        self.table = self._build_table()
        self.stats_panel = EventStatsPanel()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.stats_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([760, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        layout.addWidget(splitter, 1)
        layout.addLayout(self._button_row())

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 3)
        row.addWidget(self.type_combo, 2)
        row.addWidget(self.from_edit, 1)
        row.addWidget(self.to_edit, 1)
        row.addWidget(self.count_label)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        digit = table.fontMetrics().horizontalAdvance("0")
        widths = {
            Column.STARTS_AT: 16,
            Column.TYPE: 17,
            Column.TITLE: 26,
            Column.VENUE: 14,
            Column.ATTENDEES: 8,
            Column.GUESTS: 7,
        }
        for column, digits in widths.items():
            header.resizeSection(column, digits * digit + 16)
        header.setStretchLastSection(True)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.STARTS_AT, Qt.SortOrder.DescendingOrder)
        return table

    def _button_row(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("New event"))
        # Users who may not edit open the same form read-only.
        self.edit_button = QPushButton(self.tr("Edit") if self.can_edit else self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.attendance_button = QPushButton(
            self.tr("Attendance…") if self.can_edit else self.tr("Attendees")
        )
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        self.export_button = QPushButton(self.tr("Export attendance…"))
        row.addWidget(self.attendance_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self.add_button.setEnabled(self.can_edit)
        if not self.can_edit:
            self.setToolTip(self.tr("Your account may view the events but not change them."))
        return row

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.refresh_list)
        self.type_combo.currentIndexChanged.connect(lambda _index: self.refresh_list())
        for bound in (self.from_edit, self.to_edit):
            bound.known.toggled.connect(lambda _on: self.refresh_list())
            bound.edit.dateChanged.connect(lambda _day: self.refresh_list())
        for day in (self.stats_panel.first_edit, self.stats_panel.last_edit):
            day.dateChanged.connect(lambda _day: self.refresh_stats())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.proxy.modelReset.connect(self._update_buttons)
        self.add_button.clicked.connect(lambda: self.add_event())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.attendance_button.clicked.connect(lambda: self.attendance_selected())
        self.export_button.clicked.connect(lambda: self.export_selected())
        self._update_buttons()

    # --- querying -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Query the list and the statistics again and show them when they arrive."""
        self.refresh_list()
        self.refresh_stats()

    def refresh_list(self) -> None:
        """Run the current search and filters again; only the latest result is shown."""
        self._search_timer.stop()
        self._sequence += 1
        sequence, query, db, actor = (
            self._sequence,
            self.current_query(),
            self._ctx.db,
            self._ctx.actor,
        )
        self._ctx.tasks.run(
            lambda: list_events(db, actor, query),
            lambda rows: self._apply_rows(sequence, rows),
            self._on_failure,
        )

    def current_query(self) -> EventQuery:
        """The query the search box and filters describe."""
        kind = self.type_combo.currentData()
        return EventQuery(
            text=self.search_edit.text(),
            event_type=EventType(kind) if kind else None,
            first=self.from_edit.value(),
            last=self.to_edit.value(),
        )

    def _apply_rows(self, sequence: int, rows: list[EventRow]) -> None:
        if sequence != self._sequence:
            return  # a newer query is on its way; this result is out of date
        selected = self.selected_event_id()
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} events").format(count=len(rows)))
        if selected is not None:
            hits = self.proxy.match(self.proxy.index(0, 0), EVENT_ID_ROLE, selected, 1)
            if hits:
                self.table.selectRow(hits[0].row())
        self.results_applied.emit()

    def refresh_stats(self) -> None:
        """Compute the statistics of the chosen period on the worker and show them."""
        self._stats_sequence += 1
        sequence, (first, last) = self._stats_sequence, self.stats_panel.period()
        problems = period_problems(first, last)
        self.stats_panel.show_period_problem("\n".join(problem_text(p) for p in problems))
        if problems:
            return
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: event_stats(db, actor, first, last),
            lambda stats: self._apply_stats(sequence, stats),
            self._on_failure,
        )

    def _apply_stats(self, sequence: int, stats: PeriodStats) -> None:
        if sequence == self._stats_sequence:
            self.stats_panel.show_stats(stats)
            self.stats_applied.emit()

    # --- actions --------------------------------------------------------------------------

    def selected_event_id(self) -> int | None:
        """Id of the selected event, if any."""
        row = self._selected_row()
        return row.id if row is not None else None

    def _selected_row(self) -> EventRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.event_row(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def add_event(self) -> None:
        """Open an empty event form."""
        if self.can_edit:
            self._open(EventFormDialog(self._ctx, parent=self))

    def edit_selected(self) -> None:
        """Load the selected event and open the form on it."""
        event_id, db, actor = self.selected_event_id(), self._ctx.db, self._ctx.actor
        if event_id is not None:
            self._ctx.tasks.run(
                lambda: get_event(db, actor, event_id), self._open_edit_form, self._on_failure
            )

    def _open_edit_form(self, detail: EventDetail) -> None:
        self._open(EventFormDialog(self._ctx, detail, parent=self))

    def attendance_selected(self) -> None:
        """Open the attendance picker of the selected event (read-only for viewers)."""
        row = self._selected_row()
        if row is not None:
            self._open(AttendanceDialog(self._ctx, row.id, parent=self))

    def delete_selected(self) -> None:
        """Delete the selected event after asking for the reason (kept in the audit log)."""
        row = self._selected_row()
        if row is None or not self.can_edit:
            return
        text = self.tr(
            "Delete the event “{title}” of {day}? Its attendance no longer counts in the "
            "statistics. Reason for deleting:"
        ).format(title=row.title, day=f"{row.starts_at:%Y-%m-%d}")
        reason, ok = QInputDialog.getText(self, self.tr("Delete event"), text)
        if ok:
            event_id, db, actor = row.id, self._ctx.db, self._ctx.actor
            self._ctx.tasks.run(
                lambda: delete_event(db, actor, event_id, reason),
                lambda _: self.refresh(),
                self._on_failure,
            )

    def export_selected(self, out: Path | None = None) -> None:
        """Save the selected event's attendance list to an xlsx file."""
        row = self._selected_row()
        if row is None:
            return
        out = out or ask_xlsx_path(self, self.tr("Export attendance"), f"{row.title}.xlsx")
        if out is not None:
            target, db, actor, event_id = out, self._ctx.db, self._ctx.actor, row.id
            run_export(self, self._ctx, lambda: export_event(db, actor, target, event_id), target)

    def _open(self, dialog: QDialog) -> None:
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._delete_when_idle(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _delete_when_idle(self, dialog: QDialog) -> None:
        """Delete a closed dialog once the work it queued (a save in flight) has reported back."""
        self._ctx.tasks.run(lambda: None, lambda _: dialog.deleteLater())

    def _on_failure(self, error: BaseException) -> None:
        show_error(self, error)
        if isinstance(error, NotFound):
            self.refresh()  # someone deleted the event meanwhile

    def _update_buttons(self) -> None:
        has_selection = self.table.selectionModel().hasSelection()
        self.edit_button.setEnabled(has_selection)
        self.attendance_button.setEnabled(has_selection)
        self.export_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection and self.can_edit)
