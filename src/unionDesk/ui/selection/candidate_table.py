"""The candidate table of the 评选 page: its columns, its model and the view showing it."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from unionDesk.domain.workflow import state_label
from unionDesk.i18n import translate
from unionDesk.services.candidates import CandidateRow

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """Columns of the candidate table."""

    NAME = 0
    DEPARTMENT = 1
    CATEGORY = 2
    UNIT = 3
    STATE = 4


class CandidateTableModel(QAbstractTableModel):
    """The candidates of one program as plain rows; cells are computed once in ``set_rows``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CandidateRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._headers = (
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Category"),
            self.tr("Nominating unit"),
            self.tr("State"),
        )

    def set_rows(self, rows: list[CandidateRow]) -> None:
        """Show ``rows``, replacing what was shown."""
        self.beginResetModel()
        self._rows = rows
        self._cells = [
            (r.name, r.department, r.category, r.nominating_unit, state_label(r.state, translate))
            for r in rows
        ]
        self.endResetModel()

    def candidate(self, row: int) -> CandidateRow:
        """The candidate shown in ``row``."""
        return self._rows[row]

    def row_of(self, candidate_id: int) -> int | None:
        """The row showing ``candidate_id``, if it is shown."""
        return next((n for n, r in enumerate(self._rows) if r.id == candidate_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of candidates shown (Qt override)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (Qt override)."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text (Qt override)."""
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._cells[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (Qt override)."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(Column) else None
        return None


def candidate_table_view(model: CandidateTableModel) -> QTableView:
    """A read-only view of ``model``: whole rows, one at a time, columns sized for Chinese names."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    width = table.fontMetrics().horizontalAdvance("中")
    for column, chars in ((Column.NAME, 6), (Column.DEPARTMENT, 10), (Column.CATEGORY, 6)):
        header.resizeSection(column, chars * width + 16)
    header.resizeSection(Column.UNIT, 12 * width + 16)
    return table
