"""The two tables of the program form that are edited row by row: quotas and the rubric.

They hold no texts of their own: the form passes its translated captions in, so the texts stay
in the ``ProgramDialog`` translation context.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from unionDesk.domain.quota import QuotaBound, QuotaRule
from unionDesk.domain.scoring import Criterion, Rubric

RUBRIC_NAME, RUBRIC_KEY, RUBRIC_MAX, RUBRIC_WEIGHT = range(4)
QUOTA_CATEGORY, QUOTA_BOUND, QUOTA_PERCENT = range(3)


def to_decimal(value: float) -> Decimal:
    """A spin box value (one decimal place) as a Decimal without a needless ``.0``."""
    number = Decimal(f"{value:.1f}")
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def whole_spin(low: int, high: int, special: str = "", suffix: str = "") -> QSpinBox:
    """A whole-number box; its lowest value shows ``special`` (such as "No limit") if given."""
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSpecialValueText(special)
    spin.setSuffix(suffix)
    return spin


def decimal_spin(value: Decimal, low: float, high: float) -> QDoubleSpinBox:
    """A box for a number with one decimal place, showing ``value``."""
    spin = QDoubleSpinBox()
    spin.setDecimals(1)
    spin.setRange(low, high)
    spin.setValue(float(value))
    return spin


def _set_up(table: QTableWidget, captions: Sequence[str], stretch: int) -> None:
    """Whole-row selection, columns fitting their contents but ``stretch``, room for rows."""
    table.setHorizontalHeaderLabels(list(captions))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(table.fontMetrics().height() * 9)


class QuotaTable(QTableWidget):
    """The quota rules of a shortlist, one per row: category, bound and percentage.

    Args:
        captions: the titles of the category, bound and percentage columns.
        bounds: the text shown for each bound, in the order offered.
    """

    def __init__(
        self,
        captions: Sequence[str],
        bounds: Sequence[tuple[str, QuotaBound]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(captions), parent)
        self._bounds = tuple(bounds)
        _set_up(self, captions, QUOTA_CATEGORY)

    def row_widgets(self, row: int) -> tuple[QComboBox, QComboBox, QSpinBox]:
        """The category, bound and percentage fields of ``row``."""
        return (
            self.cellWidget(row, QUOTA_CATEGORY),  # type: ignore[return-value]
            self.cellWidget(row, QUOTA_BOUND),
            self.cellWidget(row, QUOTA_PERCENT),
        )

    def offer_categories(
        self, categories: Sequence[str], renamed: dict[str, str] | None = None
    ) -> None:
        """Offer ``categories`` in every row, keeping each row's choice (or its new name)."""
        for row in range(self.rowCount()):
            combo = self.row_widgets(row)[0]
            chosen = (renamed or {}).get(combo.currentText(), combo.currentText())
            combo.clear()
            combo.addItems(list(categories))
            if chosen and chosen not in categories:
                combo.addItem(chosen)  # kept so the check can name it, not silently changed
            combo.setCurrentText(chosen)

    def add_rule(self, categories: Sequence[str], rule: QuotaRule | None = None) -> None:
        """Append a row offering ``categories``: ``rule``, or a new one on the first category."""
        row = self.rowCount()
        self.insertRow(row)
        category, bound = QComboBox(), QComboBox()
        category.addItems(list(categories))
        for text, value in self._bounds:
            bound.addItem(text, value.value)
        percent = whole_spin(0, 100, suffix="%")
        if rule is not None:
            if category.findText(rule.category) < 0:
                category.addItem(rule.category)
            category.setCurrentText(rule.category)
            bound.setCurrentIndex(bound.findData(rule.bound.value))
            percent.setValue(rule.percent)
        for column, widget in enumerate((category, bound, percent)):
            self.setCellWidget(row, column, widget)

    def rules(self) -> tuple[QuotaRule, ...]:
        """The quota rules as entered."""
        rules = []
        for row in range(self.rowCount()):
            category, bound, percent = self.row_widgets(row)
            rules.append(
                QuotaRule(category.currentText(), QuotaBound(bound.currentData()), percent.value())
            )
        return tuple(rules)


class RubricTable(QTableWidget):
    """The criteria of a scoring rubric, one per row: name, code, maximum points and weight.

    Signals:
        criteria_changed(): a criterion was added or a maximum or weight changed.
    """

    criteria_changed = Signal()

    def __init__(self, captions: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(captions), parent)
        _set_up(self, captions, RUBRIC_NAME)

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def add_criterion(self, criterion: Criterion | None = None) -> None:
        """Append ``criterion``, or a new unnamed one worth 10 points with a free code."""
        row = self.rowCount()
        self.insertRow(row)
        if criterion is None:
            used = {self._text(r, RUBRIC_KEY) for r in range(row)}
            key = next(f"c{n}" for n in range(row + 1, row + 100) if f"c{n}" not in used)
            criterion = Criterion(key, "", Decimal(10), Decimal(10))
        self.setItem(row, RUBRIC_NAME, QTableWidgetItem(criterion.name))
        self.setItem(row, RUBRIC_KEY, QTableWidgetItem(criterion.key))
        for column, value in (
            (RUBRIC_MAX, criterion.max_points),
            (RUBRIC_WEIGHT, criterion.weight),
        ):
            spin = decimal_spin(value, 0, 1000)
            spin.valueChanged.connect(lambda _value: self.criteria_changed.emit())
            self.setCellWidget(row, column, spin)
        self.criteria_changed.emit()

    def rubric(self) -> Rubric:
        """The rubric as entered."""
        criteria = []
        for row in range(self.rowCount()):
            maximum: QDoubleSpinBox = self.cellWidget(row, RUBRIC_MAX)  # type: ignore[assignment]
            weight: QDoubleSpinBox = self.cellWidget(row, RUBRIC_WEIGHT)  # type: ignore[assignment]
            criteria.append(
                Criterion(
                    self._text(row, RUBRIC_KEY),
                    self._text(row, RUBRIC_NAME),
                    to_decimal(maximum.value()),
                    to_decimal(weight.value()),
                )
            )
        return Rubric(tuple(criteria))
