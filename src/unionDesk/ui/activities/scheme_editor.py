"""The scoring-scheme and prize-band editors of the competition form.

The scheme is theory and practical parts with weights, or a 安康杯 points rubric. A problem of one
line of the scheme marks that cell of its table; every problem is listed below the table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.competition import Prize, competition_label
from unionDesk.domain.competition_ranking import MAX_PRIZE_COUNT, PrizeBand
from unionDesk.domain.competition_scheme import (
    Part,
    RubricItem,
    SchemeKind,
    ScoringScheme,
    ankang_preset,
    weighted_parts_preset,
)
from unionDesk.domain.messages import Problem
from unionDesk.i18n import translate
from unionDesk.ui.activities.score_grid import INVALID_BACKGROUND, plain
from unionDesk.ui.common import problem_text
from unionDesk.ui.widgets import error_label, set_message

# Table columns of a scheme line, by the attribute the domain names in its problems.
PART_COLUMNS = ("name", "key", "max_points", "weight")
ITEM_COLUMNS = ("name", "key", "max_points")
DEFAULT_BANDS = {Prize.FIRST: 1, Prize.SECOND: 2, Prize.THIRD: 3, Prize.EXCELLENCE: 0}


def parse_number(text: str) -> Decimal:
    """A number typed in the scheme; NaN (refused by the scheme's checks) when it is none."""
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return Decimal("NaN")


class LinesTable(QTableWidget):
    """The lines of one kind of scheme: name, code, maximum score (and weight for parts)."""

    def __init__(self, columns: tuple[str, ...], key_prefix: str, headers: list[str]) -> None:
        super().__init__(0, len(columns))
        self.columns, self._prefix = columns, key_prefix
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form

    def set_lines(self, lines: Sequence[Part | RubricItem]) -> None:
        """Show ``lines``, replacing what the table held."""
        self.setRowCount(0)
        for line in lines:
            self.add_line([getattr(line, name) for name in self.columns])

    def add_line(self, values: Sequence[object] | None = None) -> None:
        """Append a line; an empty one gets a code that no other line uses."""
        if values is None:
            used, number = set(self.texts("key")), self.rowCount() + 1
            while f"{self._prefix}{number}" in used:
                number += 1
            values = ["", f"{self._prefix}{number}", "", *([""] * (len(self.columns) - 3))]
        row = self.rowCount()
        self.insertRow(row)
        for column, value in enumerate(values):
            text = plain(value) if isinstance(value, Decimal) else str(value)
            self.setItem(row, column, QTableWidgetItem(text))

    def remove_current(self) -> None:
        """Remove the line of the current cell."""
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def texts(self, name: str) -> list[str]:
        """The text of column ``name`` on every line."""
        column = self.columns.index(name)
        return [self._text(row, column) for row in range(self.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def mark(self, problems: dict[tuple[int, str], list[str]]) -> None:
        """Colour the cells (line, attribute) with problems and explain them in a tooltip."""
        for row in range(self.rowCount()):
            for column, name in enumerate(self.columns):
                item = self.item(row, column)
                if item is None:
                    item = QTableWidgetItem("")
                    self.setItem(row, column, item)
                texts = problems.get((row, name), [])
                item.setBackground(QBrush(INVALID_BACKGROUND) if texts else QBrush())
                item.setToolTip("\n".join(texts))


class SchemeEditor(QWidget):
    """Choose weighted parts (理论+实操) or a points rubric (安康杯), and edit its lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox()
        for kind in SchemeKind:
            self.kind_combo.addItem(competition_label(kind, translate), kind.value)
        self.parts_table = LinesTable(
            PART_COLUMNS,
            "part",
            [self.tr("Part"), self.tr("Code"), self.tr("Max score"), self.tr("Weight")],
        )
        self.items_table = LinesTable(
            ITEM_COLUMNS, "item", [self.tr("Assessment item"), self.tr("Code"), self.tr("Points")]
        )
        self.pass_mark_edit = QLineEdit()
        self.pass_mark_edit.setPlaceholderText(self.tr("for example 90; empty: no pass mark"))
        self.pass_mark_error = error_label()
        self.parts_preset_button = QPushButton(self.tr("Theory 30% + practical 70%"))
        self.items_preset_button = QPushButton(self.tr("Ankang Cup assessment form"))
        self.add_button = QPushButton(self.tr("Add line"))
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.message = error_label()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._page(self.parts_table, self.parts_preset_button))
        self.pages.addWidget(self._page(self.items_table, self.items_preset_button, rubric=True))
        top = QHBoxLayout()
        top.addWidget(self.kind_combo, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self._connect()
        self.set_scheme(weighted_parts_preset())
        self.items_table.set_lines(ankang_preset().items)
        self.pass_mark_edit.setText(plain(ankang_preset().pass_threshold))

    def _page(self, table: LinesTable, preset: QPushButton, rubric: bool = False) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        if rubric:
            caption = QLabel(self.tr("Pass mark"))
            caption.setBuddy(self.pass_mark_edit)
            row.addWidget(caption)
            row.addWidget(self.pass_mark_edit, 1)
        row.addStretch(1)
        row.addWidget(preset)
        layout.addLayout(row)
        if rubric:
            layout.addWidget(self.pass_mark_error)
        return page

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_kind())
        self.parts_preset_button.clicked.connect(
            lambda: self.parts_table.set_lines(weighted_parts_preset().parts)
        )
        self.items_preset_button.clicked.connect(lambda: self._set_rubric(ankang_preset()))
        self.add_button.clicked.connect(lambda: self.table().add_line())
        self.remove_button.clicked.connect(lambda: self.table().remove_current())

    def _show_kind(self) -> None:
        rubric = self.kind() is SchemeKind.POINTS_RUBRIC
        self.pages.setCurrentIndex(1 if rubric else 0)

    def kind(self) -> SchemeKind:
        """The kind of scheme chosen."""
        return SchemeKind(self.kind_combo.currentData())

    def set_kind(self, kind: SchemeKind) -> None:
        """Choose the kind of scheme (the other kind's lines are kept, unused)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def table(self) -> LinesTable:
        """The table of the kind chosen."""
        rubric = self.kind() is SchemeKind.POINTS_RUBRIC
        return self.items_table if rubric else self.parts_table

    def set_scheme(self, scheme: ScoringScheme) -> None:
        """Show ``scheme``."""
        if scheme.kind is SchemeKind.POINTS_RUBRIC:
            self._set_rubric(scheme)
        else:
            self.parts_table.set_lines(scheme.parts)
        self.set_kind(scheme.kind)

    def _set_rubric(self, scheme: ScoringScheme) -> None:
        self.items_table.set_lines(scheme.items)
        self.pass_mark_edit.setText(plain(scheme.pass_threshold))

    def scheme(self) -> ScoringScheme:
        """The scheme as typed, not yet checked."""
        if self.kind() is SchemeKind.WEIGHTED_PARTS:
            table = self.parts_table
            columns = zip(*(table.texts(name) for name in PART_COLUMNS), strict=True)
            parts = tuple(
                Part(key, name, parse_number(most), parse_number(weight))
                for name, key, most, weight in columns
            )
            return ScoringScheme(SchemeKind.WEIGHTED_PARTS, parts=parts)
        table = self.items_table
        columns = zip(*(table.texts(name) for name in ITEM_COLUMNS), strict=True)
        items = tuple(RubricItem(key, name, parse_number(most)) for name, key, most in columns)
        mark = self.pass_mark_edit.text()
        threshold = parse_number(mark) if mark.strip() else None
        return ScoringScheme(SchemeKind.POINTS_RUBRIC, items=items, pass_threshold=threshold)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Mark the cells with problems and list every problem of the scheme below it."""
        cells: dict[tuple[int, str], list[str]] = {}
        texts, mark_texts = [], []
        for item in problems:
            parts = item.field.split(".")  # scheme.parts.{index}.{attribute}
            if item.field == "scheme.pass_threshold":
                typed = {**item.params, "value": self.pass_mark_edit.text().strip()}
                mark_texts.append(problem_text(dataclasses.replace(item, params=typed)))
                continue
            if len(parts) == 4:
                cells.setdefault((int(parts[2]), parts[3]), []).append(problem_text(item))
            texts.append(problem_text(item))
        self.table().mark(cells)
        set_message(self.message, "\n".join(texts))
        set_message(self.pass_mark_error, "\n".join(mark_texts))

    def set_read_only(self) -> None:
        """Show the scheme without letting it change."""
        for widget in (self.kind_combo, self.pass_mark_edit, self.add_button, self.remove_button):
            widget.setEnabled(False)
        for widget in (self.parts_preset_button, self.items_preset_button):
            widget.setEnabled(False)
        for table in (self.parts_table, self.items_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


class PrizeBandsEditor(QWidget):
    """How many places each prize covers, 一等奖 to 优秀奖; 0 leaves a prize out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[Prize, QSpinBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, prize in enumerate(Prize):
            spin = QSpinBox()
            spin.setRange(0, MAX_PRIZE_COUNT)
            spin.setSuffix(self.tr(" places"))
            caption = QLabel(competition_label(prize, translate))
            caption.setBuddy(spin)
            grid.addWidget(caption, 0, column)
            grid.addWidget(spin, 1, column)
            self.spins[prize] = spin
        self.message = error_label()
        grid.addWidget(self.message, 2, 0, 1, len(Prize))
        self.set_bands(tuple(PrizeBand(p, count) for p, count in DEFAULT_BANDS.items()))

    def set_bands(self, bands: Sequence[PrizeBand]) -> None:
        """Show ``bands``; prizes not listed get 0 places."""
        counts = {band.prize: band.count for band in bands}
        for prize, spin in self.spins.items():
            spin.setValue(counts.get(prize, 0))

    def bands(self) -> tuple[PrizeBand, ...]:
        """The prizes with at least one place, from the highest."""
        return tuple(PrizeBand(p, s.value()) for p, s in self.spins.items() if s.value() > 0)
