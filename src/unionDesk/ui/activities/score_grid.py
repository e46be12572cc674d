"""The competition score sheet: one row per entry, one editable column per part or item.

Typed values stay in the model until saved: each is checked against the scheme as it is typed,
and a cell that breaks a rule is marked with the domain's message and never sent. Totals, ranks
and prizes shown are the saved ones, computed by the service; the panel that saves them
(``score_panel.ScoreGrid``) reads them again after each save.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QTableView,
    QWidget,
)

from unionDesk.domain.competition import Prize, competition_label, score_problems
from unionDesk.domain.competition_scheme import Part, SchemeKind, ScoringScheme
from unionDesk.domain.messages import Problem
from unionDesk.i18n import translate
from unionDesk.services.competitions import EntryRow, EntrySheet
from unionDesk.ui.common import problem_text

AnyIndex = QModelIndex | QPersistentModelIndex
Cell = tuple[int, str]  # (entry id, part or item key)
Changes = dict[int, dict[str, Decimal | None]]
INVALID_BACKGROUND = QColor("#f9dedc")
UNSAVED_BACKGROUND = QColor("#fff4ce")
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
EMPTY_SHEET = EntrySheet(0, ScoringScheme(SchemeKind.WEIGHTED_PARTS), (), ())


class Kind(Enum):
    """What a column of the sheet shows."""

    NAME = "name"
    DEPARTMENT = "department"
    SCORE = "score"  # one per part or item; the only editable kind
    TOTAL = "total"
    RANK = "rank"
    PRIZE = "prize"
    PASSED = "passed"  # only for a rubric with a pass mark


def parse_score(text: str) -> Decimal | None:
    """The score typed in a cell: None when empty, NaN when it is not a number."""
    stripped = text.strip()
    if not stripped:
        return None
    try:
        value = Decimal(stripped)
    except InvalidOperation:
        return Decimal("NaN")
    return value.copy_abs() if value.is_zero() else value  # "-0" is 0


def plain(value: Decimal | None) -> str:
    """A stored score or total as the sheet shows it."""
    return "" if value is None else format(value, "f")


def rank_text(rank: int | None, tied: bool) -> str:
    """A rank as lists show it: "3", or "并列2" when another entry shares it."""
    if rank is None:
        return ""
    return translate("ScoreGrid", "Tied {rank}").format(rank=rank) if tied else str(rank)


class ScoreGridModel(QAbstractTableModel):
    """The entries of one competition with their typed and saved scores.

    Signals:
        edits_changed(): a cell was typed in, saved or discarded.
    """

    edits_changed = Signal()

    def __init__(self, editable: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editable = editable
        self.sheet = EMPTY_SHEET
        self._columns: list[tuple[Kind, str]] = []
        self._typed: dict[Cell, str] = {}  # unsaved text per cell, exactly as typed
        self._problems: dict[Cell, str] = {}  # message per typed cell that breaks a rule
        self._set_columns()

    # --- what the owner calls -------------------------------------------------------------

    def set_sheet(self, sheet: EntrySheet) -> None:
        """Show ``sheet``; typed values of the same competition stay where they still fit."""
        self.beginResetModel()
        if sheet.competition_id != self.sheet.competition_id:
            self._typed.clear()
        self.sheet = sheet
        self._set_columns()
        rows = {row.entry_id: row for row in sheet.rows}
        keys = {line.key for line in sheet.scheme.lines}
        typed = self._typed
        self._typed = {
            (entry, key): text
            for (entry, key), text in typed.items()
            if entry in rows and key in keys and not self._same(rows[entry], key, text)
        }
        self._problems = {}
        for cell, text in self._typed.items():
            self._check(cell, text)
        self.endResetModel()
        self.edits_changed.emit()

    def changes(self) -> Changes:
        """The typed values that can be saved: entry id -> key -> score (None clears it)."""
        found: Changes = {}
        for (entry, key), text in self._typed.items():
            if (entry, key) not in self._problems:
                found.setdefault(entry, {})[key] = parse_score(text)
        return found

    def mark_refused(self, problems: Sequence[Problem]) -> None:
        """Mark the typed cells the service refused (fields ``entries.{id}[.{key}]``)."""
        for item in problems:
            parts = item.field.split(".", 2)  # entries, entry id, line key (absent: every line)
            if parts[0] != "entries" or len(parts) < 2:
                continue
            for cell in self._typed:
                if str(cell[0]) == parts[1] and (len(parts) == 2 or parts[2] == cell[1]):
                    self._problems[cell] = problem_text(item)
        if self._columns and self.sheet.rows:
            last = self.index(len(self.sheet.rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.edits_changed.emit()

    def discard(self) -> None:
        """Forget every unsaved value."""
        self.beginResetModel()
        self._typed.clear()
        self._problems.clear()
        self.endResetModel()
        self.edits_changed.emit()

    @property
    def unsaved_count(self) -> int:
        """Cells typed in and not saved, valid or not."""
        return len(self._typed)

    @property
    def invalid_count(self) -> int:
        """Typed cells that break a rule and cannot be saved."""
        return len(self._problems)

    def score_columns(self) -> list[int]:
        """The columns that hold a part's or an item's score, left to right."""
        return [column for column, (kind, _) in enumerate(self._columns) if kind is Kind.SCORE]

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.sheet.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            in_range = 0 <= section < len(self.sheet.rows)
            return str(section + 1) if in_range and role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(self._columns):
            return None
        kind, key = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(kind, key)
        if role == Qt.ItemDataRole.ToolTipRole and kind is Kind.SCORE:
            return self._line_hint(key)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.sheet.rows):
            return None
        kind, key = self._columns[index.column()]
        row = self.sheet.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, kind, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, kind, key)
        if role == Qt.ItemDataRole.BackgroundRole and kind is Kind.SCORE:
            return self._background((row.entry_id, key))
        if role == Qt.ItemDataRole.TextAlignmentRole and kind not in (Kind.NAME, Kind.DEPARTMENT):
            return NUMBER_ALIGNMENT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self._columns[index.column()][0] is Kind.SCORE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        cell, text = self._cell(index.row(), index.column()), str(value).strip()
        self._problems.pop(cell, None)
        if self._same(self.sheet.rows[index.row()], cell[1], text):
            self._typed.pop(cell, None)
        else:
            self._typed[cell] = text
            self._check(cell, text)
        self.dataChanged.emit(index, index)
        self.edits_changed.emit()
        return True

    # --- cells -------------------------------------------------------------------------------

    def _set_columns(self) -> None:
        scheme = self.sheet.scheme
        scores = [(Kind.SCORE, line.key) for line in scheme.lines]
        tail = [(Kind.TOTAL, ""), (Kind.RANK, ""), (Kind.PRIZE, "")]
        if scheme.kind is SchemeKind.POINTS_RUBRIC and scheme.pass_threshold is not None:
            tail.append((Kind.PASSED, ""))
        self._columns = [(Kind.NAME, ""), (Kind.DEPARTMENT, ""), *scores, *tail]

    def _cell(self, row: int, column: int) -> Cell:
        return self.sheet.rows[row].entry_id, self._columns[column][1]

    def _same(self, row: EntryRow, key: str, text: str) -> bool:
        """Whether ``text`` means the saved value ("85.0" is the saved 85)."""
        saved, typed = row.values.get(key), parse_score(text)
        if saved is None or typed is None:
            return saved is typed
        return typed.is_finite() and typed == saved

    def _check(self, cell: Cell, text: str) -> None:
        found = score_problems(self.sheet.scheme, {cell[1]: parse_score(text)}, complete=False)
        if found:  # the message quotes the value as typed, not as parsed ("abc", not "NaN")
            shown = dataclasses.replace(found[0], params={**found[0].params, "value": text})
            self._problems[cell] = problem_text(shown)

    def _text(self, row: EntryRow, kind: Kind, key: str) -> str:
        if kind is Kind.SCORE:
            typed = self._typed.get((row.entry_id, key))
            return typed if typed is not None else plain(row.values.get(key))
        if kind is Kind.NAME:
            return row.name
        if kind is Kind.DEPARTMENT:
            return row.department
        if kind is Kind.TOTAL:
            return plain(row.total)
        if kind is Kind.RANK:
            return rank_text(row.rank, row.tied)
        if kind is Kind.PRIZE:
            return self._prize_text(row.prize)
        if row.passed is None:
            return ""
        return self.tr("Passed") if row.passed else self.tr("Not passed")

    @staticmethod
    def _prize_text(prize: Prize | None) -> str:
        return "" if prize is None else competition_label(prize, translate)

    def _tooltip(self, row: EntryRow, kind: Kind, key: str) -> str | None:
        if kind is Kind.NAME and row.team_id is not None:
            return self.tr("Team members: {names}").format(names="、".join(row.team_members))
        if kind is not Kind.SCORE:
            return None
        cell = (row.entry_id, key)
        if cell in self._problems:
            return self._problems[cell]
        if cell in self._typed:
            return self.tr("Not saved yet. Press Ctrl+S to save the scores.")
        return None

    def _background(self, cell: Cell) -> QColor | None:
        if cell in self._problems:
            return INVALID_BACKGROUND
        return UNSAVED_BACKGROUND if cell in self._typed else None

    def _header_text(self, kind: Kind, key: str) -> str:
        if kind is Kind.SCORE:
            line = next(line for line in self.sheet.scheme.lines if line.key == key)
            return f"{line.name} ({plain(line.max_points)})"
        texts = {
            Kind.NAME: self.tr("Entry"),
            Kind.DEPARTMENT: self.tr("Department"),
            Kind.TOTAL: self.tr("Total"),
            Kind.RANK: self.tr("Rank"),
            Kind.PRIZE: self.tr("Prize"),
            Kind.PASSED: self.tr("Pass mark {mark}").format(
                mark=plain(self.sheet.scheme.pass_threshold)
            ),
        }
        return texts[kind]

    def _line_hint(self, key: str) -> str:
        line = next(line for line in self.sheet.scheme.lines if line.key == key)
        hint = self.tr("{name}: 0 to {maximum} points").format(
            name=line.name, maximum=plain(line.max_points)
        )
        if isinstance(line, Part):
            weight = self.tr("weight {weight}").format(weight=plain(line.weight))
            hint = f"{hint}, {weight}"
        return hint


class ScoreGridView(QTableView):
    """A table made for typing scores: typing starts editing, Enter moves down, Tab right.

    Tab and Shift+Tab move between score cells only, wrapping to the next or previous row.
    Delete clears a score cell.
    """

    def __init__(self, model: ScoreGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """After Enter in an editor (the delegate submits), go down to the next row."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves down, Delete clears a score; other keys as in any table."""
        current, editing = self.currentIndex(), self.state() == self.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_down()
            event.accept()
        elif not editing and event.key() == Qt.Key.Key_Delete and current.isValid():
            self._model.setData(current, "")
            event.accept()
        else:
            super().keyPressEvent(event)

    def move_down(self) -> None:
        """Make the same column of the next row current (no change on the last row)."""
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self._model.rowCount():
            self.setCurrentIndex(current.siblingAtRow(current.row() + 1))

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab and Shift+Tab step through the score cells, row by row."""
        actions = QAbstractItemView.CursorAction
        columns, current = self._model.score_columns(), self.currentIndex()
        if cursorAction not in (actions.MoveNext, actions.MovePrevious) or not columns:
            return super().moveCursor(cursorAction, modifiers)
        if not current.isValid():
            return self._model.index(0, columns[0])
        row, column = current.row(), current.column()
        if cursorAction == actions.MoveNext:
            later = [c for c in columns if c > column]
            if later:
                return self._model.index(row, later[0])
            last_row = row + 1 >= self._model.rowCount()
            return QModelIndex() if last_row else self._model.index(row + 1, columns[0])
        earlier = [c for c in columns if c < column]
        if earlier:
            return self._model.index(row, earlier[-1])
        return QModelIndex() if row == 0 else self._model.index(row - 1, columns[-1])

    def commit_open_editor(self) -> None:
        """Store what is typed in an open editor, as leaving the cell would."""
        editor = self.indexWidget(self.currentIndex()) if self.currentIndex().isValid() else None
        if editor is not None and self.state() == self.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
