"""The event list's table model: the events of one query, with every cell computed once."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from unionDesk.domain.culture import event_type_label
from unionDesk.i18n import translate
from unionDesk.services.events import EventRow

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
