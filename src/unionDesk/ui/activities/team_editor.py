"""The team editor of the entries dialog: a new team's members, or an entered team's (编辑队员)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.services.competitions import EntryRow

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1  # (member id, name) of a search result


class TeamEditor(QGroupBox):
    """The members of a new team, or of an entered team while they are being changed (编辑队员).

    Editing a team puts the new team's name and members aside; they come back when the editing
    ends, so starting to edit never loses a team being put together.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team: EntryRow | None = None  # the entered team being edited; None for a new team
        self._new_team: tuple[str, list[tuple[int, str]]] = ("", [])
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("for example 数控一班"))
        self.member_list = QListWidget()
        self.member_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.remove_button = QPushButton(self.tr("Remove from team"))
        self.create_button = QPushButton(self.tr("Enter team"))
        self.save_button = QPushButton(self.tr("Save members"))
        self.cancel_button = QPushButton(self.tr("Cancel editing"))
        form = QFormLayout()
        form.addRow(self.tr("Team name"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Team members")))
        layout.addWidget(self.member_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        for button in (self.create_button, self.save_button, self.cancel_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self._show_mode()

    def members(self) -> list[tuple[int, str]]:
        """(member id, name) of the team's members as listed."""
        items = (self.member_list.item(row) for row in range(self.member_list.count()))
        return [item.data(MEMBER_ROLE) for item in items]

    def add_members(self, members: list[tuple[int, str]]) -> None:
        """Put ``members`` on the list, each once."""
        present = {member_id for member_id, _ in self.members()}
        for member_id, name in members:
            if member_id not in present:
                item = QListWidgetItem(name)
                item.setData(MEMBER_ROLE, (member_id, name))
                self.member_list.addItem(item)
                present.add(member_id)

    def remove_selected(self) -> None:
        """Take the selected members off the list."""
        for item in self.member_list.selectedItems():
            self.member_list.takeItem(self.member_list.row(item))

    def edit(self, team: EntryRow) -> None:
        """Show an entered team with its current members, ready to change them."""
        if self.team is None:
            self._new_team = (self.name_edit.text(), self.members())
        self.team = team
        self._fill(team.name, list(zip(team.team_member_ids, team.team_members, strict=True)))
        self._show_mode()

    def stop_editing(self) -> None:
        """Go back to the new team, as it was before the editing started."""
        if self.team is not None:
            self.team = None
            self._fill(*self._new_team)
            self._new_team = ("", [])
            self._show_mode()

    def clear(self) -> None:
        """Empty the new team (it was entered)."""
        self._fill("", [])

    def _fill(self, name: str, members: list[tuple[int, str]]) -> None:
        self.name_edit.setText(name)
        self.member_list.clear()
        self.add_members(members)

    def _show_mode(self) -> None:
        editing = self.team is not None
        self.setTitle(
            self.tr("Members of team “{name}”").format(name=self.team.name)
            if self.team is not None
            else self.tr("New team")
        )
        self.name_edit.setEnabled(not editing)  # set_team_members keeps the name
        self.create_button.setVisible(not editing)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
