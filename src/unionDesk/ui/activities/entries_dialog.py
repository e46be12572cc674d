"""Entries of one competition: members and teams, their members, withdrawals, prizes as honours.

The member search is the register's (pinyin initials, name, last digits of the ID number, card
number); several members can be chosen at once. Refusals show the service's message in the
dialog and keep what was chosen. Users who may not edit activities only see the entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.competition import CompetitionLevel, competition_label
from unionDesk.domain.enums import MemberStatus, label
from unionDesk.domain.honours import HonourLevel
from unionDesk.i18n import translate
from unionDesk.services.competition_entries import (
    add_member_entries,
    create_team,
    set_team_members,
    withdraw_entry,
)
from unionDesk.services.competitions import CompetitionRow, EntryRow, EntrySheet, entry_sheet
from unionDesk.services.members import MemberRow, search_members
from unionDesk.ui.activities.prize_honour_dialog import PrizeHonourDialog
from unionDesk.ui.activities.score_grid import plain, rank_text
from unionDesk.ui.activities.team_editor import MEMBER_ROLE, TeamEditor
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.widgets import error_label, set_message

SEARCH_DELAY_MS = 150
HONOUR_LEVELS = {
    CompetitionLevel.ENTERPRISE: HonourLevel.ENTERPRISE,
    CompetitionLevel.DISTRICT: HonourLevel.DISTRICT,
    CompetitionLevel.CITY: HonourLevel.CITY,
    CompetitionLevel.NATIONAL: HonourLevel.NATIONAL,
}


class EntriesDialog(QDialog):
    """Enter members and teams, change a team's members, withdraw, record prizes as honours.

    Users who may not edit activities only see the entries.

    Signals:
        changed(): entries or team members changed (the score sheet should be read again).
        results_shown(): the latest member search result is listed.
        entries_loaded(): the entry list shows the latest data.
        dialog_opened(QDialog): the honour dialog was opened (window-modal, not blocking).
    """

    changed = Signal()
    results_shown = Signal()
    entries_loaded = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(
        self, ctx: AppContext, competition: CompetitionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self.competition = ctx, competition
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self._sequence = 0
        self._rows: tuple[EntryRow, ...] = ()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.setWindowTitle(self.tr("Entries: {name}").format(name=competition.name))
        self._build()
        self._connect()
        if not self.can_edit:
            self._make_read_only()
        self.load_entries()
        self.resize(980, 680)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin initials, last digits of the ID number, or card number")
        )
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.enter_button = QPushButton(self.tr("Enter as individuals"))
        self.add_to_team_button = QPushButton(self.tr("Add to team →"))
        self.team_editor = TeamEditor()
        self.team_name_edit = self.team_editor.name_edit
        self.team_list = self.team_editor.member_list
        self.remove_from_team_button = self.team_editor.remove_button
        self.create_team_button = self.team_editor.create_button
        self.save_team_button = self.team_editor.save_button
        self.cancel_team_button = self.team_editor.cancel_button
        self.entries_table = self._entries_table()
        self.edit_team_button = QPushButton(self.tr("Edit members"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.honour_button = QPushButton(self.tr("Record as honour…"))
        self.message = error_label()
        self.info_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.picker_box = self._picker_box()
        adding = QHBoxLayout()
        adding.addWidget(self.picker_box, 3)
        adding.addWidget(self.team_editor, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(adding, 1)
        layout.addWidget(self.message)
        layout.addWidget(self._entries_box(), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _picker_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Find members (Ctrl or Shift to choose several)"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addWidget(self.enter_button)
        row.addStretch(1)
        row.addWidget(self.add_to_team_button)
        layout.addLayout(row)
        return box

    def _entries_table(self) -> QTableWidget:
        headers = [
            self.tr("Entry"),
            self.tr("Department"),
            self.tr("Team members"),
            self.tr("Total"),
            self.tr("Rank"),
            self.tr("Prize"),
        ]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _entries_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Entries"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.entries_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_team_button)
        row.addWidget(self.withdraw_button)
        row.addWidget(self.honour_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _connect(self) -> None:
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.results.itemSelectionChanged.connect(self._update_buttons)
        self.team_list.itemSelectionChanged.connect(self._update_buttons)
        self.entries_table.itemSelectionChanged.connect(self._update_buttons)
        self.enter_button.clicked.connect(lambda: self.enter_chosen())
        self.add_to_team_button.clicked.connect(lambda: self.add_chosen_to_team())
        self.remove_from_team_button.clicked.connect(self._update_buttons)
        self.create_team_button.clicked.connect(lambda: self.enter_team())
        self.edit_team_button.clicked.connect(lambda: self.edit_team())
        self.save_team_button.clicked.connect(lambda: self.save_team_members())
        self.cancel_team_button.clicked.connect(lambda: self.stop_editing_team())
        self.withdraw_button.clicked.connect(lambda: self.withdraw_selected())
        self.honour_button.clicked.connect(lambda: self.record_honour())
        self.buttons.rejected.connect(self.reject)
        self._update_buttons()

    def _make_read_only(self) -> None:
        self.picker_box.hide()
        self.team_editor.hide()
        for button in (self.edit_team_button, self.withdraw_button, self.honour_button):
            button.hide()
        self.info_label.setText(self.tr("You may look at the entries but not change them."))

    # --- finding members ------------------------------------------------------------------

    def search(self) -> None:
        """Search the register for the typed text on the worker; only the latest result shows."""
        self._timer.stop()
        self._sequence += 1
        sequence, text = self._sequence, self.search_edit.text()
        db, actor = self._ctx.db, self._ctx.actor
        if not text.strip():
            self._show_results(sequence, [])
            return
        self._ctx.tasks.run(
            lambda: search_members(db, actor, text),
            lambda rows: self._show_results(sequence, rows),
            self._refused,
        )

    def _show_results(self, sequence: int, rows: list[MemberRow]) -> None:
        if sequence != self._sequence:
            return
        entered = self._entered_ids()
        self.results.clear()
        for row in rows:
            text = " · ".join(part for part in (row.name, row.department, row.card_number) if part)
            item = QListWidgetItem(text)
            item.setData(MEMBER_ROLE, (row.id, row.name))
            if row.status is not MemberStatus.ACTIVE or row.id in entered:
                why = self.tr("entered") if row.id in entered else label(row.status, translate)
                item.setText(f"{text} ({why})")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(item)
        self._update_buttons()
        self.results_shown.emit()

    def _entered_ids(self) -> set[int]:
        """Members entered alone or in a team, except the members of the team being edited."""
        editing = self.team_editor.team
        entered = {row.member_id for row in self._rows if row.member_id is not None}
        for row in self._rows:
            if row.team_id is not None and (editing is None or row.team_id != editing.team_id):
                entered.update(row.team_member_ids)
        return entered

    def chosen_members(self) -> list[tuple[int, str]]:
        """(member id, name) of the search results chosen, in list order."""
        items = sorted(self.results.selectedItems(), key=self.results.row)
        return [item.data(MEMBER_ROLE) for item in items]

    def team_members(self) -> list[tuple[int, str]]:
        """(member id, name) of the members in the team editor (a new or an edited team)."""
        return self.team_editor.members()

    # --- changes ----------------------------------------------------------------------------

    def enter_chosen(self) -> None:
        """Enter the chosen members individually, all or none."""
        chosen = self.chosen_members()
        ids, competition_id = [member_id for member_id, _ in chosen], self.competition.id
        db, actor = self._ctx.db, self._ctx.actor
        done = self.tr("{count} member(s) entered.").format(count=len(ids))
        self._change(lambda: add_member_entries(db, actor, competition_id, ids), done)

    def add_chosen_to_team(self) -> None:
        """Put the chosen members on the team editor's list (each once)."""
        self.team_editor.add_members(self.chosen_members())
        self._update_buttons()

    def enter_team(self) -> None:
        """Enter the new team with its members; the service refuses an empty team."""
        name, ids = self.team_name_edit.text(), [i for i, _ in self.team_members()]
        db, actor, competition_id = self._ctx.db, self._ctx.actor, self.competition.id
        done = self.tr("Team “{name}” entered.").format(name=name.strip())
        self._change(lambda: create_team(db, actor, competition_id, name, ids), done, team=True)

    def edit_team(self) -> None:
        """编辑队员: show the selected team's members in the team editor, ready to change."""
        entry = self.selected_entry()
        if entry is None or entry.team_id is None or not self.can_edit:
            return
        set_message(self.message, "")
        self.team_editor.edit(entry)
        self.info_label.setText(
            self.tr("Add members from the search or remove them, then save the members.")
        )
        self._update_buttons()
        if self.search_edit.text().strip():
            self.search()  # the team's own members may be chosen again
        self.search_edit.setFocus()

    def save_team_members(self) -> None:
        """Replace the edited team's members with the listed ones, all or nothing."""
        team = self.team_editor.team
        if team is None or team.team_id is None:
            return
        ids, team_id = [member_id for member_id, _ in self.team_members()], team.team_id
        db, actor = self._ctx.db, self._ctx.actor
        done = self.tr("Members of team “{name}” saved.").format(name=team.name)
        self._change(lambda: set_team_members(db, actor, team_id, ids), done, team=True)

    def stop_editing_team(self) -> None:
        """Leave the edited team unchanged and go back to the new team."""
        self.team_editor.stop_editing()
        set_message(self.message, "")
        self.info_label.clear()
        self._update_buttons()
        if self.search_edit.text().strip():
            self.search()

    def withdraw_selected(self) -> None:
        """Withdraw the selected entry (退赛), with a reason for the audit log."""
        entry = self.selected_entry()
        if entry is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Withdraw entry"),
            self.tr("Reason for withdrawing {name}:").format(name=entry.name),
        )
        if ok:
            db, actor, entry_id = self._ctx.db, self._ctx.actor, entry.entry_id
            done = self.tr("{name} withdrew.").format(name=entry.name)
            self._change(lambda: withdraw_entry(db, actor, entry_id, reason), done)

    def _change(self, work: Callable[[], Any], done: str, *, team: bool = False) -> None:
        set_message(self.message, "")
        self._ctx.tasks.run(work, lambda _: self._changed(done, team), self._refused)

    def _changed(self, done: str, team: bool) -> None:
        self.info_label.setText(done)
        if team and self.team_editor.team is not None:
            self.team_editor.stop_editing()
        elif team:
            self.team_editor.clear()
        else:
            self.results.clearSelection()
        self.load_entries()
        self.changed.emit()

    def _refused(self, error: BaseException) -> None:
        self.info_label.clear()
        set_message(self.message, error_text(error))

    def record_honour(self) -> None:
        """Open 记为荣誉 for the selected entry's prize."""
        entry = self.selected_entry()
        if entry is None or entry.prize is None:
            return
        level = HONOUR_LEVELS[self.competition.level]
        dialog = PrizeHonourDialog(self._ctx, entry, level, self)
        dialog.accepted.connect(
            lambda: self.info_label.setText(
                self.tr("{count} honour(s) recorded.").format(count=len(dialog.honour_ids))
            )
        )
        dialog.open()
        self.dialog_opened.emit(dialog)

    # --- the entries ----------------------------------------------------------------------

    def load_entries(self) -> None:
        """Read the competition's entries again."""
        db, actor, competition_id = self._ctx.db, self._ctx.actor, self.competition.id
        self._ctx.tasks.run(
            lambda: entry_sheet(db, actor, competition_id), self._show_entries, self._refused
        )

    def _show_entries(self, sheet: EntrySheet) -> None:
        self._rows = sheet.rows
        editing = self.team_editor.team
        if editing is not None and editing.team_id not in {row.team_id for row in sheet.rows}:
            self.team_editor.stop_editing()  # the team withdrew meanwhile
        table = self.entries_table
        table.setRowCount(len(sheet.rows))
        for index, row in enumerate(sheet.rows):
            rank = rank_text(row.rank, row.tied)
            prize = competition_label(row.prize, translate) if row.prize else ""
            members = "、".join(row.team_members)
            cells = (row.name, row.department, members, plain(row.total), rank, prize)
            for column, text in enumerate(cells):
                table.setItem(index, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self._update_buttons()
        if self.search_edit.text().strip():
            self.search()  # mark the members entered just now
        self.entries_loaded.emit()

    def selected_entry(self) -> EntryRow | None:
        """The entry selected in the list, if any."""
        rows = self.entries_table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select_entry(self, name: str) -> None:
        """Select the entry called ``name`` (members or team) in the list."""
        row = next(i for i, entry in enumerate(self._rows) if entry.name == name)
        self.entries_table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = bool(self.results.selectedItems())
        self.enter_button.setEnabled(chosen)
        self.add_to_team_button.setEnabled(chosen)
        self.remove_from_team_button.setEnabled(bool(self.team_list.selectedItems()))
        entry = self.selected_entry()
        self.edit_team_button.setEnabled(entry is not None and entry.team_id is not None)
        self.withdraw_button.setEnabled(entry is not None)
        self.honour_button.setEnabled(entry is not None and entry.prize is not None)
        if entry is not None and entry.prize is None:
            self.honour_button.setToolTip(self.tr("Only an entry with a prize can be recorded."))
        else:
            self.honour_button.setToolTip("")
