"""The outbox table: one row per package, its state coloured, sortable by a proxy."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from unionDesk.domain.outbox import (
    OutboxState,
    state_label,
)
from unionDesk.domain.periods import Period, parse_period
from unionDesk.i18n import translate
from unionDesk.services.outbox import (
    OutboxItemView,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {
    OutboxState.DELIVERED: QColor("#1b7f3b"),
    OutboxState.QUARANTINED: QColor("#c62828"),
    OutboxState.FAILED: QColor("#d35400"),
}

# Initial column widths in digit widths (a Chinese character is about two).
COLUMN_WIDTHS = (18, 14, 16, 9, 7, 16, 23)  # the last column stretches
AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The outbox table's columns, in display order."""

    TITLE = 0
    PERIOD = 1
    DESTINATION = 2
    STATE = 3
    ATTEMPTS = 4
    NEXT_ATTEMPT = 5
    RECEIPT = 6
    RECEIVED = 7


def local_time(moment: datetime | None) -> str:
    """``moment`` as local wall-clock minutes (an aware time is converted), or empty."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return local.strftime("%Y-%m-%d %H:%M")


def period_text(code: str) -> str:
    """A period code in words (2026Q3 → 2026年第三季度); an unknown code as it is."""
    period = parse_period(code)
    return period.label if isinstance(period, Period) else code


def display_cells(item: OutboxItemView) -> tuple[str, ...]:
    """The text of each column for one item, computed once so ``data()`` is a lookup."""
    waiting = item.state in (OutboxState.QUEUED, OutboxState.FAILED)
    return (
        item.title,
        period_text(item.period),
        item.destination_name,
        state_label(item.state, translate),
        str(item.attempts),
        local_time(item.next_attempt_at) if waiting else "",
        item.receipt_id,
        local_time(item.received_at),
    )


def sort_keys(item: OutboxItemView) -> tuple[Any, ...]:
    """What each column sorts by: numbers and times as themselves, not as text."""
    return (
        item.title,
        item.period,
        item.destination_name,
        item.state.value,
        item.attempts,
        item.next_attempt_at.timestamp() if item.next_attempt_at else 0.0,
        item.receipt_id,
        item.received_at.timestamp() if item.received_at else 0.0,
    )


class OutboxModel(QAbstractTableModel):
    """The outbox items as the service listed them (newest first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[OutboxItemView] = []
        self._cells: list[tuple[str, ...]] = []
        self._keys: list[tuple[Any, ...]] = []
        self._headers = (
            self.tr("Return"),
            self.tr("Period"),
            self.tr("Destination"),
            self.tr("State"),
            self.tr("Attempts"),
            self.tr("Next attempt"),
            self.tr("Receipt number"),
            self.tr("Delivered at"),
        )

    def set_rows(self, items: list[OutboxItemView]) -> None:
        """Show ``items``, replacing what was shown."""
        self.beginResetModel()
        self._items = list(items)
        self._cells = [display_cells(item) for item in self._items]
        self._keys = [sort_keys(item) for item in self._items]
        self.endResetModel()

    def item(self, row: int) -> OutboxItemView:
        """The item shown on ``row``."""
        return self._items[row]

    def row_of(self, item_id: int) -> int | None:
        """The row showing the item ``item_id``, or None."""
        return next((row for row, item in enumerate(self._items) if item.id == item_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[row][column]
        if role == SORT_ROLE:
            return self._keys[row][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATE:
            colour = STATE_COLOURS.get(self._items[row].state)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
