"""A member's competition history (竞赛记录), as a read-only tab of the member form.

The rows come from ``competition_history``: every competition the member entered, alone or in a
team, with the entry's total, rank and prize as the score sheet computes them. The tab joins
the form only once the history has arrived and is not empty, so a member who never entered a
competition is not shown an empty page.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.competition import Prize, competition_label
from unionDesk.domain.messages import QT_TRANSLATE_NOOP
from unionDesk.i18n import translate
from unionDesk.services.competitions import HistoryRow, competition_history
from unionDesk.ui.activities.score_grid import rank_text
from unionDesk.ui.common import AppContext, show_error

AnyIndex = QModelIndex | QPersistentModelIndex
CAPTIONS = (
    QT_TRANSLATE_NOOP("CompetitionsTab", "Competition"),
    QT_TRANSLATE_NOOP("CompetitionsTab", "Type"),
    QT_TRANSLATE_NOOP("CompetitionsTab", "Date"),
    QT_TRANSLATE_NOOP("CompetitionsTab", "Team"),
    QT_TRANSLATE_NOOP("CompetitionsTab", "Total"),
    QT_TRANSLATE_NOOP("CompetitionsTab", "Rank"),
    QT_TRANSLATE_NOOP("CompetitionsTab", "Prize"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole  # the cell's value for sorting: a date, number or text
UNRANKED = 1_000_000  # sorts after every rank


class Column(IntEnum):
    """The history's columns, in display order (the order of ``CAPTIONS``)."""

    COMPETITION = 0
    TYPE = 1
    DATE = 2
    TEAM = 3
    TOTAL = 4
    RANK = 5
    PRIZE = 6


class CompetitionHistoryModel(QAbstractTableModel):
    """A member's competitions; cells are computed in ``set_rows`` so ``data()`` is a lookup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._headers = [translate("CompetitionsTab", text) for text in CAPTIONS]

    def set_rows(self, rows: Sequence[HistoryRow]) -> None:
        """Show ``rows``, replacing the rows shown before."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [_cells(row) for row in self._rows]
        self.endResetModel()

    def history_row(self, row: int) -> HistoryRow:
        """The competition entry shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Number of competitions (none below a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Number of columns (none below a valid parent)."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text (also as tool tip), its sort value, and numbers aligned right."""
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == SORT_ROLE:
            return _sort_value(self._rows[index.row()], Column(index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            Column.TOTAL,
            Column.RANK,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column captions."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _cells(row: HistoryRow) -> tuple[str, ...]:
    return (
        row.name,
        competition_label(row.kind, translate),
        row.starts_on.isoformat(),
        row.team,
        "" if row.total is None else format(row.total, "f"),
        rank_text(row.rank, row.tied),
        "" if row.prize is None else competition_label(row.prize, translate),
    )


def _sort_value(row: HistoryRow, column: Column) -> Any:
    """Dates and numbers sort as such; no rank or prize sorts after the lowest."""
    if column == Column.DATE:
        return row.starts_on.isoformat()
    if column == Column.TOTAL:
        return float(row.total) if row.total is not None else -1.0
    if column == Column.RANK:
        return row.rank if row.rank is not None else UNRANKED
    if column == Column.PRIZE:
        return list(Prize).index(row.prize) if row.prize is not None else len(Prize)
    return _cells(row)[column]


class CompetitionsTab(QWidget):
    """The competitions one member entered, read-only, newest first.

    Signals:
        history_loaded(int): the list shows the stored history; the number of rows.
    """

    history_loaded = Signal(int)

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._member_id = ctx, member_id
        self.model = CompetitionHistoryModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.COMPETITION, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self).addWidget(self.table)

    def refresh(self) -> None:
        """Read the member's competition history again and show it when it arrives."""
        db, actor, member_id = self._ctx.db, self._ctx.actor, self._member_id
        self._ctx.tasks.run(
            lambda: competition_history(db, actor, member_id),
            self._show,
            lambda error: show_error(self, error),
        )

    def _show(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self.history_loaded.emit(len(rows))


def add_competitions_tab(
    tabs: QTabWidget, ctx: AppContext, member_id: int, after: QWidget
) -> CompetitionsTab | None:
    """Load a member's competition history and show it as a tab after ``after`` if not empty.

    Returns:
        The tab (kept hidden while the member has no competitions), or None when the user may
        not see competitions.
    """
    if not ctx.actor.may(Permission.VIEW_ACTIVITIES):
        return None
    tab = CompetitionsTab(ctx, member_id, tabs)
    tab.hide()  # a child of ``tabs`` until it becomes one of its pages

    def place(count: int) -> None:
        if count and tabs.indexOf(tab) < 0:
            caption = translate("CompetitionsTab", "Competition history")
            tabs.insertTab(tabs.indexOf(after) + 1, tab, caption)

    tab.history_loaded.connect(place)
    tab.refresh()
    return tab
