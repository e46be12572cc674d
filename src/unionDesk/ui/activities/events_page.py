"""The culture-event register (活动): search and filters, the event list, and its actions.

Beside the list, a statistics panel shows the numbers the returns print for a period.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
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
from unionDesk.ui.activities.attendance_dialog import AttendanceDialog
from unionDesk.ui.activities.event_form import EventFormDialog
from unionDesk.ui.common import AppContext, problem_text, show_error
from unionDesk.ui.widgets import OptionalDateEdit, date_edit, error_label, set_message

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The event list's columns, in display order."""

    STARTS_AT = 0
    TYPE = 1
    TITLE = 2
    VENUE = 3
    ATTENDEES = 4
    GUESTS = 5
    HOURS = 6


NUMBER_COLUMNS = (Column.ATTENDEES, Column.GUESTS, Column.HOURS)


def _cells(row: EventRow) -> tuple[tuple[str, ...], tuple[object, ...]]:
    """Display text and sort key of every column, computed once so ``data()`` is a lookup."""
    kind = event_type_label(row.event_type, translate)
    hours = "" if row.hours is None else str(row.hours)
    texts = (
        f"{row.starts_at:%Y-%m-%d %H:%M}",
        kind,
        row.title,
        row.venue,
        str(row.attendees),
        str(row.guests),
        hours,
    )
    keys = (
        row.starts_at.isoformat(),
        kind,
        row.title,
        row.venue,
        row.attendees,
        row.guests,
        -1.0 if row.hours is None else float(row.hours),
    )
    return texts, keys


class EventTableModel(QAbstractTableModel):
    """The events of the current query, newest first, with precomputed cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []
        self._cells: list[tuple[tuple[str, ...], tuple[object, ...]]] = []
        self._headers = (
            self.tr("Date and time"),
            self.tr("Type"),
            self.tr("Title"),
            self.tr("Venue"),
            self.tr("Attendees"),
            self.tr("Guests"),
            self.tr("Hours"),
        )

    def set_rows(self, rows: list[EventRow]) -> None:
        """Show ``rows`` (the result of a query), replacing what was shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [_cells(row) for row in rows]
        self.endResetModel()

    def event_row(self, row: int) -> EventRow:
        """The event shown on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(Column):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        texts, keys = self._cells[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == SORT_ROLE:
            return keys[index.column()]
        if role == EVENT_ID_ROLE:
            return self._rows[index.row()].id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            return NUMBER_ALIGNMENT
        return None


class EventStatsPanel(QGroupBox):
    """Statistics of a period (this year by default): totals and a line per event type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Statistics"))
        year = QDate.currentDate().year()
        self.first_edit, self.last_edit = (
            date_edit(QDate(year, 1, 1)),
            date_edit(QDate(year, 12, 31)),
        )
        self.period_error = error_label()
        self.totals = {key: QLabel() for key in self._captions()}
        for value in self.totals.values():
            value.setAlignment(NUMBER_ALIGNMENT)
        self.type_table = self._type_table()
        period = QHBoxLayout()
        period.addWidget(self.first_edit, 1)
        period.addWidget(QLabel("–"))
        period.addWidget(self.last_edit, 1)
        form = QFormLayout()
        for key, caption in self._captions().items():
            form.addRow(caption, self.totals[key])
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.period_error)
        layout.addLayout(form)
        layout.addWidget(self.type_table)
        layout.addStretch(1)

    def _captions(self) -> dict[str, str]:
        return {
            "events": self.tr("Events"),
            "attendances": self.tr("Member attendances"),
            "guests": self.tr("Guests"),
            "participants": self.tr("Members who took part"),
            "members": self.tr("Members on the register"),
            "participation_rate": self.tr("Participation rate"),
            "member_hours": self.tr("Member hours"),
            "hours_per_member": self.tr("Hours per member"),
        }

    def _type_table(self) -> QTableWidget:
        headers = (self.tr("Type"), self.tr("Events"), self.tr("Attendances"), self.tr("Hours"))
        table = QTableWidget(len(EventType), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        rows = table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        frame = 2 * table.frameWidth()
        table.setFixedHeight(
            header.sizeHint().height() + len(EventType) * rows.defaultSectionSize() + frame
        )
        return table

    def period(self) -> tuple[date, date]:
        """The first and last day of the chosen period."""
        return self.first_edit.date().toPython(), self.last_edit.date().toPython()  # type: ignore[return-value]

    def show_period_problem(self, text: str) -> None:
        """Show why the chosen period cannot be computed ("" to clear)."""
        set_message(self.period_error, text)

    def show_stats(self, stats: PeriodStats) -> None:
        """Show the numbers of ``stats``."""
        rate, per_member = stats.participation_rate, stats.hours_per_member
        values = {
            "events": str(stats.events),
            "attendances": str(stats.attendances),
            "guests": str(stats.guests),
            "participants": str(stats.participants),
            "members": str(stats.members),
            "participation_rate": "—" if rate is None else f"{rate}%",
            "member_hours": str(stats.member_hours),
            "hours_per_member": "—" if per_member is None else str(per_member),
        }
        for key, text in values.items():
            self.totals[key].setText(text)
        for row, line in enumerate(stats.by_type):
            cells = (
                event_type_label(line.event_type, translate),
                str(line.events),
                str(line.attendances),
                str(line.hours),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(NUMBER_ALIGNMENT)
                self.type_table.setItem(row, column, item)


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
        row.addWidget(self.attendance_button)
        row.addStretch(1)
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
        self.delete_button.setEnabled(has_selection and self.can_edit)
