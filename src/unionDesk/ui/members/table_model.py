"""The register's table model: an ordered id list whose rows are fetched lazily, by window.

Only the ids of the current query live in memory; rows are read from the database 200 at a time
when the view first asks for one of them, and at most ``MAX_WINDOWS`` windows stay cached. Sorting
is never done here: ``sort()`` asks the page for a new SQL query instead (DESIGN.md 12).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from unionDesk.domain.enums import label
from unionDesk.i18n import translate
from unionDesk.services.members import MemberRow, SortColumn, fetch_rows

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.database import Database

WINDOW = 200  # rows read per database round trip
MAX_WINDOWS = 20  # cached windows (4,000 rows), enough for several screens of scrolling
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The register's columns, in display order."""

    NAME = 0
    SEX = 1
    BIRTH_DATE = 2
    ID_NUMBER = 3  # masked
    MOBILE = 4  # masked
    DEPARTMENT = 5
    CARD_NUMBER = 6
    SKILL_LEVEL = 7
    POLITICAL_STATUS = 8
    JOIN_DATE = 9
    STATUS = 10


SORT_COLUMNS: dict[Column, SortColumn] = {
    Column.NAME: SortColumn.NAME,
    Column.BIRTH_DATE: SortColumn.BIRTH_DATE,
    Column.DEPARTMENT: SortColumn.DEPARTMENT,
    Column.CARD_NUMBER: SortColumn.CARD_NUMBER,
    Column.JOIN_DATE: SortColumn.JOIN_DATE,
    Column.STATUS: SortColumn.STATUS,
}


def display_cells(row: MemberRow) -> tuple[str, ...]:
    """The text of each column for one member, computed once so ``data()`` is a lookup."""
    return (
        row.name,
        label(row.sex, translate),
        row.birth_date.isoformat(),
        row.id_number_masked,
        row.mobile_masked,
        row.department,
        row.card_number,
        label(row.skill_level, translate),
        label(row.political_status, translate),
        row.join_date.isoformat(),
        label(row.status, translate),
    )


class MemberTableModel(QAbstractTableModel):
    """Members of the current query, as an id list with lazily fetched rows.

    Signals:
        sort_requested(SortColumn, bool): the user asked for another order (column, descending);
            the owner runs a new query and calls ``set_ids`` with the result.
    """

    sort_requested = Signal(object, bool)

    def __init__(self, db: Database, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._ids: list[int] = []
        # window number -> (row, cells) per id of the window; None for an id deleted meanwhile
        self._windows: OrderedDict[int, list[tuple[MemberRow, tuple[str, ...]] | None]] = (
            OrderedDict()
        )
        self._headers = self._header_texts()

    def _header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Birth date"),
            self.tr("ID number"),
            self.tr("Mobile"),
            self.tr("Department"),
            self.tr("Card number"),
            self.tr("Skill level"),
            self.tr("Political status"),
            self.tr("Join date"),
            self.tr("Status"),
        )

    # --- what the owner calls -------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show the members ``ids``, in this order (the result of a query)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._windows.clear()
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget cached rows (after an edit) so visible rows are read again."""
        self._windows.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def member_id(self, row: int) -> int:
        """The id of the member shown on ``row``."""
        return self._ids[row]

    def row_of(self, member_id: int) -> int | None:
        """The row showing ``member_id``, or None when the query does not include it."""
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def member_row(self, row: int) -> MemberRow | None:
        """The register line on ``row`` (fetched if needed); None if deleted meanwhile."""
        entry = self._entry(row)
        return entry[0] if entry is not None else None

    @property
    def cached_windows(self) -> list[int]:
        """Window numbers currently cached, least recently used first (for tests)."""
        return list(self._windows)

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell on every paint; answer the unused ones first.
        if role not in (Qt.ItemDataRole.DisplayRole, ROW_ID_ROLE):
            return None
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ROW_ID_ROLE:
            return self._ids[index.row()]
        entry = self._entry(index.row())
        return entry[1][index.column()] if entry is not None else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for a new query in this order; the rows themselves are never sorted here."""
        if 0 <= column < len(Column) and Column(column) in SORT_COLUMNS:
            descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(SORT_COLUMNS[Column(column)], descending)

    # --- lazy rows ---------------------------------------------------------------------------

    def _entry(self, row: int) -> tuple[MemberRow, tuple[str, ...]] | None:
        number, offset = divmod(row, WINDOW)
        window = self._windows.get(number)
        if window is None:
            window = self._load_window(number)
        else:
            self._windows.move_to_end(number)
        return window[offset]

    def _load_window(self, number: int) -> list[tuple[MemberRow, tuple[str, ...]] | None]:
        ids = self._ids[number * WINDOW : (number + 1) * WINDOW]
        # The one database read allowed on the GUI thread: a single indexed lookup of at most
        # WINDOW rows (about 5 ms), so scrolling never waits for the worker (DESIGN.md 9).
        rows = {row.id: (row, display_cells(row)) for row in fetch_rows(self._db, self._actor, ids)}
        window = [rows.get(member_id) for member_id in ids]
        self._windows[number] = window
        while len(self._windows) > MAX_WINDOWS:
            self._windows.popitem(last=False)
        return window
