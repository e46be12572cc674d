"""The statistics panel of the event register: the numbers the returns print for a period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.culture import EventType, PeriodStats, event_type_label
from unionDesk.i18n import translate
from unionDesk.ui.activities.event_table import NUMBER_ALIGNMENT
from unionDesk.ui.widgets import date_edit, error_label, set_message


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
