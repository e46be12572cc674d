"""The attendance picker (签到) of a culture event: find members fast, or take a whole department.

The attendee list is a table model, not a widget per person, so a 500-person event stays
responsive. Saving replaces the stored list in one call (``set_attendance``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.culture import MAX_GUESTS
from unionDesk.domain.enums import MemberStatus, label
from unionDesk.i18n import translate
from unionDesk.services.departments import DepartmentNode, list_departments
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.events import (
    AttendanceChange,
    AttendeeRow,
    EventDetail,
    attendance_rows,
    department_member_ids,
    get_event,
    set_attendance,
    update_event,
)
from unionDesk.services.members import MemberRow, fetch_rows, search_members
from unionDesk.ui.activities.attendee_model import AttendeeColumn, AttendeeTableModel
from unionDesk.ui.common import AppContext, error_text, show_error
from unionDesk.ui.widgets import error_label, set_message

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.database import Database

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 100
DATA_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Loaded:
    detail: EventDetail
    attendees: list[AttendeeRow]
    departments: list[DepartmentNode]


def _load(db: Database, actor: Actor, event_id: int) -> _Loaded:
    return _Loaded(
        get_event(db, actor, event_id),
        attendance_rows(db, actor, event_id),
        list_departments(db, actor),
    )


def _department_rows(db: Database, actor: Actor, department_id: int) -> list[AttendeeRow]:
    """The active members of a department and its sub-departments, as attendee rows."""
    ids = department_member_ids(db, actor, department_id)
    return [_attendee(row) for row in fetch_rows(db, actor, ids)]


def _attendee(row: MemberRow) -> AttendeeRow:
    return AttendeeRow(row.id, row.name, row.department, row.card_number)


def _save(
    db: Database, actor: Actor, event_id: int, member_ids: list[int], guests: int
) -> AttendanceChange:
    """Store the guests (when changed) and replace the attendance list."""
    draft = get_event(db, actor, event_id).draft
    if draft.guests != guests:
        update_event(db, actor, event_id, dataclasses.replace(draft, guests=guests))
    return set_attendance(db, actor, event_id, member_ids)


class AttendanceDialog(QDialog):
    """Record who attended an event; read-only for users who may not edit.

    Signals:
        loaded(): the event, its stored attendees and the department tree are shown.
        results_shown(): the latest member search result is listed.
        attendees_added(int): members were added to the list (how many).
    """

    loaded = Signal()
    results_shown = Signal()
    attendees_added = Signal(int)

    def __init__(self, ctx: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._event_id = ctx, event_id
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self._sequence = self._shown = 0  # numbers of the latest search started and shown
        self._add_when_shown = False  # Enter was pressed before the latest search was shown
        self._results: list[MemberRow] = []
        self.change: AttendanceChange | None = None
        self.model = AttendeeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # the list filter matches any column
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.setWindowTitle(self.tr("Attendance"))
        self._build()
        self._connect()
        self._update_count()
        db, actor = ctx.db, ctx.actor
        ctx.tasks.run(lambda: _load(db, actor, event_id), self._show_loaded, self._load_failed)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin initials, last digits of the ID number, or card number")
        )
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self.tr("Add"))
        self.department_tree = QTreeWidget()
        self.department_tree.setHeaderHidden(True)
        self.department_button = QPushButton(self.tr("Add whole department"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.error_message = error_label()
        self.table = self._build_table()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Find in the list"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.count_label = QLabel()
        self.guests_spin = QSpinBox()
        self.guests_spin.setRange(0, MAX_GUESTS)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        for button in (self.add_button, self.department_button, self.remove_button):
            button.setAutoDefault(False)
        self.picker = self._picker()
        body = QHBoxLayout()
        body.addWidget(self.picker, 2)
        body.addWidget(self._list_box(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.error_message)
        layout.addWidget(self.buttons)
        self.resize(980, 640)

    def _picker(self) -> QWidget:
        search = QGroupBox(self.tr("Find members"))
        search_layout = QVBoxLayout(search)
        search_layout.addWidget(self.search_edit)
        search_layout.addWidget(self.results, 1)
        search_layout.addWidget(self.add_button)
        departments = QGroupBox(self.tr("Whole department"))
        department_layout = QVBoxLayout(departments)
        department_layout.addWidget(self.department_tree, 1)
        department_layout.addWidget(self.department_button)
        picker = QWidget()
        layout = QVBoxLayout(picker)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(search, 3)
        layout.addWidget(departments, 2)
        return picker

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        # Fixed row heights and column widths: sizing to contents would read every row.
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        digit = table.fontMetrics().horizontalAdvance("0")
        header.resizeSection(AttendeeColumn.NAME, 12 * digit + 16)
        header.resizeSection(AttendeeColumn.DEPARTMENT, 26 * digit + 16)
        header.setStretchLastSection(True)
        return table

    def _list_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Attendees"))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        guests = QLabel(self.tr("Guests (not members)"))
        guests.setBuddy(self.guests_spin)
        bottom.addWidget(guests)
        bottom.addWidget(self.guests_spin)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        return box

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.search)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_selected())
        self.results.itemSelectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(lambda: self.add_selected())
        self.department_tree.itemSelectionChanged.connect(self._update_buttons)
        self.department_button.clicked.connect(lambda: self.add_department())
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.guests_spin.valueChanged.connect(lambda _value: self._update_count())
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(lambda *_: self._update_count())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the search box or its results adds the chosen members instead of saving."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() in (self.search_edit, self.results):
            if self._timer.isActive() or self._shown != self._sequence:
                self._add_when_shown = True  # typed faster than the search: add its result
                if self._timer.isActive():
                    self.search()
            else:
                self.add_selected()
            return
        super().keyPressEvent(event)

    # --- loading --------------------------------------------------------------------------

    def _show_loaded(self, loaded: _Loaded) -> None:
        title = self.tr("Attendance: {title}").format(title=loaded.detail.draft.title)
        self.setWindowTitle(title)
        self.model.set_rows(loaded.attendees)
        self.guests_spin.setValue(loaded.detail.draft.guests)
        self._fill_departments(loaded.departments)
        if not self.can_edit:
            self._make_read_only()
        self.search_edit.setFocus()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        show_error(self, error)
        self.reject()

    def _fill_departments(self, nodes: list[DepartmentNode]) -> None:
        items: dict[int, QTreeWidgetItem] = {}
        for node in nodes:  # tree order: a parent always comes before its children
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            item = QTreeWidgetItem([node.name])
            item.setData(0, DATA_ROLE, node.id)
            if parent is None:
                self.department_tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[node.id] = item
        self.department_tree.expandToDepth(0)

    def _make_read_only(self) -> None:
        self.picker.hide()
        self.remove_button.hide()
        self.guests_spin.setReadOnly(True)
        self.save_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    # --- finding and adding members -------------------------------------------------------

    def search(self) -> None:
        """Search members for the typed text on the worker; only the latest result is shown."""
        self._timer.stop()
        self._sequence += 1
        sequence, text = self._sequence, self.search_edit.text()
        db, actor = self._ctx.db, self._ctx.actor
        if not text.strip():
            self._show_results(sequence, [])
            return
        self._ctx.tasks.run(
            lambda: search_members(db, actor, text, SEARCH_LIMIT),
            lambda rows: self._show_results(sequence, rows),
            lambda error: show_error(self, error),
        )

    def _show_results(self, sequence: int, rows: list[MemberRow]) -> None:
        if sequence != self._sequence:
            return
        self._shown, self._results = sequence, rows
        self._list_results()
        self.results_shown.emit()
        if self._add_when_shown:
            self._add_when_shown = False
            self.add_selected()

    def _list_results(self) -> None:
        """List the search result; members already on the list are shown but cannot be chosen."""
        self.results.clear()
        for row in self._results:
            parts = [row.name, row.department, row.card_number]
            if row.status is not MemberStatus.ACTIVE:
                parts.append(label(row.status, translate))
            item = QListWidgetItem(" · ".join(part for part in parts if part))
            item.setData(DATA_ROLE, row)
            if self.model.is_listed(row.id):
                item.setText(self.tr("{member} (listed)").format(member=item.text()))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(item)
        self._choose_first_result()
        self._update_buttons()

    def _choose_first_result(self) -> None:
        """Make the first member not listed yet current, preferring active members."""
        items = [self.results.item(row) for row in range(self.results.count())]
        free = [item for item in items if item.flags() & Qt.ItemFlag.ItemIsEnabled]
        active = [item for item in free if item.data(DATA_ROLE).status is MemberStatus.ACTIVE]
        if active or free:
            self.results.setCurrentItem((active or free)[0])

    def add_selected(self) -> None:
        """Add the chosen search results to the list, then get ready for the next search."""
        chosen = [item.data(DATA_ROLE) for item in self.results.selectedItems()]
        if not chosen or not self.can_edit:
            return
        added = self.model.add_rows(_attendee(row) for row in chosen)
        self._after_adding(added, self.tr("Added {added} member(s).").format(added=added))
        self._list_results()
        self.search_edit.selectAll()
        self.search_edit.setFocus()

    def add_department(self) -> None:
        """Add every active member of the chosen department and its sub-departments."""
        items = self.department_tree.selectedItems()
        if not items or not self.can_edit:
            return
        department_id, name = items[0].data(0, DATA_ROLE), items[0].text(0)
        db, actor = self._ctx.db, self._ctx.actor
        self.department_button.setEnabled(False)
        self._ctx.tasks.run(
            lambda: _department_rows(db, actor, department_id),
            lambda rows: self._add_department_rows(name, rows),
            self._department_failed,
        )

    def _add_department_rows(self, name: str, rows: list[AttendeeRow]) -> None:
        added = self.model.add_rows(rows)
        text = self.tr("{department}: added {added} of {count} active member(s).")
        self._after_adding(added, text.format(department=name, added=added, count=len(rows)))
        self._list_results()

    def _department_failed(self, error: BaseException) -> None:
        self._update_buttons()
        show_error(self, error)

    def _after_adding(self, added: int, message: str) -> None:
        self.message_label.setText(message)
        if added:
            self.table.scrollToBottom()
            self.attendees_added.emit(added)
        self._update_buttons()

    def remove_selected(self) -> None:
        """Take the selected attendees off the list."""
        selected = self.table.selectionModel().selectedRows()
        if selected and self.can_edit:
            self.model.remove_rows(self.proxy.mapToSource(index).row() for index in selected)
            self.message_label.setText(
                self.tr("Removed {count} member(s).").format(count=len(selected))
            )
            self._list_results()

    # --- state and saving -----------------------------------------------------------------

    def _update_count(self) -> None:
        members, guests = self.model.rowCount(), self.guests_spin.value()
        text = self.tr("{members} member(s) and {guests} guest(s): {total} attendees in all")
        self.count_label.setText(
            text.format(members=members, guests=guests, total=members + guests)
        )

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.can_edit and bool(self.results.selectedItems()))
        self.department_button.setEnabled(
            self.can_edit and bool(self.department_tree.selectedItems())
        )
        self.remove_button.setEnabled(self.can_edit and self.table.selectionModel().hasSelection())

    def save(self) -> None:
        """Store the list (one ``set_attendance``) and the guests on the worker."""
        if not self.can_edit:
            return
        db, actor, event_id = self._ctx.db, self._ctx.actor, self._event_id
        ids, guests = self.model.member_ids(), self.guests_spin.value()
        set_message(self.error_message, "")
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(
            lambda: _save(db, actor, event_id, ids, guests), self._saved, self._save_failed
        )

    def _saved(self, change: AttendanceChange) -> None:
        self.change = change
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            set_message(self.error_message, error_text(error))
        else:
            show_error(self, error)
