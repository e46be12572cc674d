"""The holiday calendar (放假 and 调休上班 days) that publicity periods are counted with."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.workdays import DayKind, SpecialDay, day_kind_label
from unionDesk.i18n import translate
from unionDesk.services.holidays import calendar_days, remove_calendar_day, set_calendar_day
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.selection.forms import (
    ServiceForm,
    Work,
    button_row,
    cell,
    confirm,
    open_window_modal,
    picked_date,
    read_only_table,
)
from unionDesk.ui.widgets import date_edit, error_label, set_message, to_qdate


class CalendarDialog(QDialog):
    """The holidays and make-up working days of one year; editable with EDIT_SELECTION.

    Signals:
        loaded(): the days of the chosen year are listed.
        dialog_opened(QDialog): a day form was opened (window-modal, not blocking).
    """

    loaded = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_SELECTION)
        self._days: list[SpecialDay] = []
        self._wanted: date | None = None  # the day to select once the list is read again
        self.setWindowTitle(self.tr("Holiday calendar"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(date.today().year)
        self.year_spin.valueChanged.connect(lambda _year: self.refresh())
        self.table = read_only_table(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Name")]
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.message = error_label()
        self._build()
        self.resize(560, 560)
        self.refresh()

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(lambda: self.add_day())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        hint = QLabel(
            self.tr(
                "Days not listed count by the plain week: Monday to Friday are working days. "
                "Changes apply to publicities started afterwards."
            )
        )
        hint.setWordWrap(True)
        year_caption = QLabel(self.tr("Year"))
        year_caption.setBuddy(self.year_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(year_caption, self.year_spin, None))
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.remove_button, None))
        layout.addWidget(buttons)
        if not self.can_edit:
            self.setToolTip(self.tr("Your account may view the calendar but not change it."))
        self._update_buttons()

    def refresh(self) -> None:
        """List the days of the chosen year."""
        db, actor, year = self._ctx.db, self._ctx.actor, self.year_spin.value()
        self._ctx.tasks.run(lambda: calendar_days(db, actor, year), self._show, self._on_failure)

    def _show(self, days: list[SpecialDay]) -> None:
        if days and days[0].day.year != self.year_spin.value():
            return  # the year was changed meanwhile; its own result follows
        selected = self.selected_day()
        kept = self._wanted or (selected.day if selected else None)
        self._wanted, self._days = None, days
        self.table.setRowCount(len(days))
        weekdays = self._weekday_names()
        for row, special in enumerate(days):
            texts = (
                special.day.isoformat(),
                weekdays[special.day.weekday()],
                day_kind_label(special.kind, translate),
                special.name,
            )
            for column, text in enumerate(texts):
                self.table.setItem(row, column, cell(text, special.day))
            if kept is not None and kept == special.day:
                self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit()

    def _weekday_names(self) -> tuple[str, ...]:
        return (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )

    def selected_day(self) -> SpecialDay | None:
        """The day selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self._days[rows[0].row()] if rows and rows[0].row() < len(self._days) else None

    def _update_buttons(self) -> None:
        chosen = self.selected_day() is not None
        self.add_button.setEnabled(self.can_edit)
        self.edit_button.setEnabled(self.can_edit and chosen)
        self.remove_button.setEnabled(self.can_edit and chosen)

    def add_day(self) -> CalendarDayDialog | None:
        """Open the form for a new day in the chosen year."""
        if not self.can_edit:
            return None
        today = date.today()
        start = (
            today if today.year == self.year_spin.value() else date(self.year_spin.value(), 1, 1)
        )
        return self._open(
            CalendarDayDialog(self._ctx, SpecialDay(start, DayKind.HOLIDAY, ""), self)
        )

    def edit_selected(self) -> CalendarDayDialog | None:
        """Open the form on the selected day (its kind and name; the date stays)."""
        special = self.selected_day()
        if not self.can_edit or special is None:
            return None
        return self._open(CalendarDayDialog(self._ctx, special, self, editing=True))

    def remove_selected(self) -> None:
        """Remove the selected day after confirmation."""
        special = self.selected_day()
        if not self.can_edit or special is None:
            return
        text = self.tr("Remove {date} ({name}) from the calendar?").format(
            date=special.day.isoformat(), name=special.name
        )
        if confirm(self, self.tr("Remove day"), text):
            db, actor, day = self._ctx.db, self._ctx.actor, special.day
            self._ctx.tasks.run(
                lambda: remove_calendar_day(db, actor, day),
                lambda _: self.refresh(),
                self._on_failure,
            )

    def _open(self, dialog: CalendarDayDialog) -> CalendarDayDialog:
        dialog.accepted.connect(lambda: self._after_save(dialog.saved_day))
        open_window_modal(self._ctx, dialog)
        self.dialog_opened.emit(dialog)
        return dialog

    def _after_save(self, special: SpecialDay | None) -> None:
        set_message(self.message, "")
        self._wanted = special.day if special is not None else None
        if special is not None and special.day.year != self.year_spin.value():
            self.year_spin.setValue(special.day.year)  # refreshes
        else:
            self.refresh()

    def _on_failure(self, error: BaseException) -> None:
        set_message(self.message, error_text(error))
        self.refresh()


class CalendarDayDialog(ServiceForm):
    """Add a holiday or make-up working day, or change the kind and name of a listed one."""

    def __init__(
        self,
        ctx: AppContext,
        special: SpecialDay,
        parent: QWidget | None = None,
        *,
        editing: bool = False,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(
            self.tr("Edit calendar day") if editing else self.tr("Add calendar day")
        )
        self.saved_day: SpecialDay | None = None
        self.date_edit = date_edit(to_qdate(special.day))
        self.date_edit.setEnabled(not editing)
        self.kind_combo = QComboBox()
        for kind in DayKind:
            self.kind_combo.addItem(day_kind_label(kind, translate), kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(special.kind.value))
        self.name_edit = QLineEdit(special.name)
        self.name_edit.setPlaceholderText(self.tr("For example 国庆节 or 国庆节调休上班"))
        self.add_field("day", self.tr("Date"), self.date_edit)
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.resize(420, self.sizeHint().height())

    def day(self) -> SpecialDay:
        """The day as entered."""
        return SpecialDay(
            picked_date(self.date_edit),
            DayKind(self.kind_combo.currentData()),
            self.name_edit.text(),
        )

    def work(self) -> Work:
        """Store the day (``set_calendar_day`` replaces an entry with the same date)."""
        special, actor = self.day(), self._ctx.actor
        self.saved_day = special
        return lambda db: set_calendar_day(db, actor, special)
