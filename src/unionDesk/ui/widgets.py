"""Small widgets and helpers shared by the forms and dialogs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from unionDesk.domain.enums import label
from unionDesk.i18n import translate
from unionDesk.services.departments import DepartmentNode

DATE_FORMAT = "yyyy-MM-dd"
ERROR_STYLE = "color: #b3261e;"
EARLIEST_DATE = QDate(1900, 1, 1)


def indented_departments(nodes: Iterable[DepartmentNode]) -> list[tuple[str, int]]:
    """(text, id) per department, indented by depth, for combo boxes."""
    return [("\u3000" * node.depth + node.name, node.id) for node in nodes]


def error_label() -> QLabel:
    """A red, word-wrapped message label that stays hidden while empty."""
    message = QLabel()
    message.setWordWrap(True)
    message.setStyleSheet(ERROR_STYLE)
    message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    message.hide()
    return message


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its word-wrapped messages at its current width."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)


def set_message(message: QLabel, text: str) -> None:
    """Show ``text`` in ``message``, or hide it when ``text`` is empty."""
    message.setText(text)
    message.setVisible(bool(text))


def date_edit(value: QDate) -> QDateEdit:
    """A date field with a calendar pop-up and ISO display."""
    edit = QDateEdit(value)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(EARLIEST_DATE)
    return edit


def to_qdate(value: date) -> QDate:
    """The ``QDate`` of a Python date."""
    return QDate(value.year, value.month, value.day)


def enum_combo(members: Iterable[StrEnum], default: StrEnum | None = None) -> QComboBox:
    """A combo box of enum labels whose item data is the stored code."""
    combo = QComboBox()
    for member in members:
        combo.addItem(label(member, translate), member.value)
    if default is not None:
        combo.setCurrentIndex(combo.findData(default.value))
    return combo


class OptionalDateEdit(QWidget):
    """A date that may be left empty: the tick box says whether the date is known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox()
        self.known.setToolTip(self.tr("Tick to enter the date; leave empty if not known"))
        self.edit = date_edit(QDate.currentDate())
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        """The date, or None when it is not ticked."""
        return self.edit.date().toPython() if self.known.isChecked() else None  # type: ignore[return-value]

    def set_value(self, value: date | None) -> None:
        """Show ``value``, or an empty (unticked) field for None."""
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


def widget_value(widget: QWidget) -> object:
    """The value a form widget holds (combo boxes: the item data)."""
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, OptionalDateEdit):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def set_widget_value(widget: QWidget, value: object) -> None:
    """Show ``value`` in a form widget (combo boxes: select the item with that data)."""
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value) if value is not None else 0, 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, OptionalDateEdit):
        widget.set_value(value)  # type: ignore[arg-type]
    elif isinstance(widget, QDateEdit):
        if isinstance(value, date):
            widget.setDate(to_qdate(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
