"""Editing the department tree (enterprise → workshop → team) that members belong to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.services.departments import (
    MAX_DEPTH,
    DepartmentNode,
    add_department,
    delete_department,
    list_departments,
    rename_department,
)
from unionDesk.ui.common import AppContext, show_error

if TYPE_CHECKING:
    from unionDesk.services.database import Database

ID_ROLE = Qt.ItemDataRole.UserRole


class DepartmentsDialog(QDialog):
    """Add, rename and delete departments; every change is saved at once.

    Signals:
        changed(): the tree was changed in the database.
        loaded(): the tree shown was read again from the database.
    """

    changed = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._nodes: dict[int, DepartmentNode] = {}
        self._select_after_load: int | None = None
        self.setWindowTitle(self.tr("Departments"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self._build()
        self.reload()

    def _build(self) -> None:
        self.add_top_button = QPushButton(self.tr("Add top level…"))
        self.add_sub_button = QPushButton(self.tr("Add sub-department…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        actions = (
            (self.add_top_button, self.add_top_level),
            (self.add_sub_button, self.add_sub_department),
            (self.rename_button, self.rename_selected),
            (self.delete_button, self.delete_selected),
        )
        column = QVBoxLayout()
        for button, action in actions:
            button.clicked.connect(lambda _checked=False, act=action: act())
            column.addWidget(button)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.tree, 1)
        row.addLayout(column)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(480, 400)
        self._update_buttons()

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the tree from the database and show it."""
        db = self._ctx.db
        self._ctx.tasks.run(
            lambda: list_departments(db, self._ctx.actor), self._show, self._on_failure
        )

    def _show(self, nodes: list[DepartmentNode]) -> None:
        wanted = self._select_after_load or self._selected_id()
        self._select_after_load = None
        self._nodes = {node.id: node for node in nodes}
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for node in nodes:  # tree order: a parent always comes before its children
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem()
            item.setText(0, node.name)
            item.setData(0, ID_ROLE, node.id)
            if parent is None:
                self.tree.addTopLevelItem(item)
            items[node.id] = item
        self.tree.expandAll()
        if wanted in items:
            self.tree.setCurrentItem(items[wanted])
        self._update_buttons()
        self.loaded.emit()

    def _selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None and item.isSelected() else None

    def selected_department(self) -> DepartmentNode | None:
        """The department selected in the tree, if any."""
        dept_id = self._selected_id()
        return self._nodes.get(dept_id) if dept_id is not None else None

    def _update_buttons(self) -> None:
        node = self.selected_department()
        self.add_sub_button.setEnabled(node is not None and node.depth + 1 < MAX_DEPTH)
        self.rename_button.setEnabled(node is not None)
        self.delete_button.setEnabled(node is not None)

    # --- changing -------------------------------------------------------------------------

    def add_top_level(self) -> None:
        """Ask for a name and add a top-level department (the enterprise)."""
        name = self._ask_name(self.tr("Add top level"), self.tr("Name of the enterprise or unit:"))
        if name is not None:
            self._change(lambda db: add_department(db, self._ctx.actor, None, name))

    def add_sub_department(self) -> None:
        """Ask for a name and add a department under the selected one."""
        parent = self.selected_department()
        if parent is None:
            return
        prompt = self.tr("Name of the new department under “{parent}”:").format(parent=parent.name)
        name = self._ask_name(self.tr("Add sub-department"), prompt)
        if name is not None:
            self._change(lambda db: add_department(db, self._ctx.actor, parent.id, name))

    def rename_selected(self) -> None:
        """Ask for a new name for the selected department."""
        node = self.selected_department()
        if node is None:
            return
        name = self._ask_name(self.tr("Rename department"), self.tr("New name:"), node.name)
        if name is not None and name != node.name:
            self._change(
                lambda db: rename_department(db, self._ctx.actor, node.id, name), select=node.id
            )

    def delete_selected(self) -> None:
        """Delete the selected department after confirmation (it must be empty)."""
        node = self.selected_department()
        if node is None:
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self,
            self.tr("Delete department"),
            self.tr("Delete the department “{name}”?").format(name=node.path),
            buttons,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change(
                lambda db: delete_department(db, self._ctx.actor, node.id), select=node.parent_id
            )

    def _ask_name(self, title: str, prompt: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, prompt, text=text)
        return name if ok else None  # an empty name is refused by the service, with a message

    def _change(self, work: Callable[[Database], object], select: int | None = None) -> None:
        """Run ``work(db)`` on the worker, then select the new department (or ``select``)."""
        db = self._ctx.db
        self._ctx.tasks.run(
            lambda: work(db), lambda result: self._after_change(result, select), self._on_failure
        )

    def _after_change(self, result: object, select: int | None) -> None:
        self._select_after_load = result if isinstance(result, int) else select
        self.changed.emit()
        self.reload()

    def _on_failure(self, error: BaseException) -> None:
        show_error(self, error)
        self.reload()
