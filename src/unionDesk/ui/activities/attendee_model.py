"""The attendance list of an event as a table model: each member once, in the order added.

A model rather than a widget per person, so a 500-person event stays responsive.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from unionDesk.services.events import AttendeeRow

AnyIndex = QModelIndex | QPersistentModelIndex


class AttendeeColumn(IntEnum):
    """The attendee list's columns."""

    NAME = 0
    DEPARTMENT = 1
    CARD_NUMBER = 2


class AttendeeTableModel(QAbstractTableModel):
    """The members on an event's attendance list, each once, in the order they were added."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendeeRow] = []
        self._listed: set[int] = set()
        self._headers = (self.tr("Name"), self.tr("Department"), self.tr("Card number"))

    def set_rows(self, rows: Iterable[AttendeeRow]) -> None:
        """Show ``rows`` (the stored list), replacing what was shown."""
        self.beginResetModel()
        self._rows, self._listed = [], set()
        self._append([row for row in rows if row.member_id not in self._listed])
        self.endResetModel()

    def add_rows(self, rows: Iterable[AttendeeRow]) -> int:
        """Append the members of ``rows`` not listed yet; returns how many were added."""
        new: dict[int, AttendeeRow] = {}
        for row in rows:
            if row.member_id not in self._listed:
                new.setdefault(row.member_id, row)
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._append(list(new.values()))
            self.endInsertRows()
        return len(new)

    def _append(self, rows: list[AttendeeRow]) -> None:
        self._rows.extend(rows)
        self._listed.update(row.member_id for row in rows)

    def remove_rows(self, rows: Iterable[int]) -> None:
        """Take the members shown on ``rows`` (row numbers) off the list."""
        for first, last in _runs(rows):  # from the end, so the numbers stay valid
            self.beginRemoveRows(QModelIndex(), first, last)
            self._listed.difference_update(row.member_id for row in self._rows[first : last + 1])
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def member_ids(self) -> list[int]:
        """Ids of the listed members."""
        return [row.member_id for row in self._rows]

    def is_listed(self, member_id: int) -> bool:
        """Whether ``member_id`` is on the list."""
        return member_id in self._listed

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AttendeeColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        return (row.name, row.department, row.card_number)[index.column()]


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive row numbers as (first, last), the last run first."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows), reverse=True):
        if runs and runs[-1][0] == row + 1:
            runs[-1] = (row, runs[-1][1])
        else:
            runs.append((row, row))
    return runs
