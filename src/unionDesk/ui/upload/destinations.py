"""上报目的地: the list of upload destinations (the form is in ``destination_form``).

Anyone who may open the list sees it and may test a connection; only users who may edit the
settings add, edit, remove or choose the default. Stored tokens and passwords never come back
to the screen: the form only says one is saved, and leaving the field empty keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.outbox import kind_label
from unionDesk.i18n import translate
from unionDesk.services.destinations import (
    DestinationView,
    ProbeResult,
    list_destinations,
    probe_destination,
    remove_destination,
    set_default,
)
from unionDesk.ui.audit_page import fill_table, read_only_table
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.upload.destination_form import DestinationForm
from unionDesk.ui.widgets import ERROR_STYLE, error_label, set_message

OK_STYLE = "color: #1b6e20;"


class DestinationColumn(IntEnum):
    """Columns of the destinations table."""

    NAME = 0
    KIND = 1
    ADDRESS = 2
    CREDENTIALS = 3
    DEFAULT = 4


class DestinationsDialog(QDialog):
    """The upload destinations: list, add, edit, remove, choose the default, test a connection.

    Signals:
        destinations_shown(): the table shows a fresh list.
        form_opened(QDialog): an add or edit form was opened (not blocking).
        probe_finished(bool): a connection test ended; True when the destination answered.
    """

    destinations_shown = Signal()
    form_opened = Signal(QDialog)
    probe_finished = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_SETTINGS)
        self.destinations: list[DestinationView] = []
        self.probing = False  # one connection test at a time: each may wait for its timeouts
        self.setWindowTitle(self.tr("Upload destinations"))
        self.table = read_only_table(self._headers())
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DestinationColumn.ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.default_button = QPushButton(self.tr("Set as default"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._build()
        self._connect()
        self.resize(760, 360)
        self.refresh()

    def _headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Address or folder"),
            self.tr("Token or password"),
            self.tr("Default"),
        ]

    def _build(self) -> None:
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
            button.setVisible(self.can_edit)
        self.default_button.setVisible(self.can_edit)
        row.addWidget(self.default_button)
        row.addStretch(1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        if not self.can_edit:
            note = QLabel(self.tr("Only an administrator can change the upload destinations."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self._open_form(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.default_button.clicked.connect(self.make_selected_default)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._edit_selected())
        self._update_buttons()

    # --- the list -------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Read the destinations again, then select ``select_id`` (or keep the selection)."""
        chosen = self.selected_destination()
        keep = select_id if select_id is not None else (chosen.id if chosen else None)
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: list_destinations(db, actor), lambda rows: self._show(rows, keep), self._failed
        )

    def _show(self, destinations: list[DestinationView], select_id: int | None) -> None:
        self.destinations = destinations
        fill_table(self.table, [self._cells(d) for d in destinations])
        ids = [d.id for d in destinations]
        if select_id is None:
            select_id = next((d.id for d in destinations if d.is_default), None)
        if select_id in ids:
            self.table.selectRow(ids.index(select_id))
        self._update_buttons()
        self.destinations_shown.emit()

    def _cells(self, destination: DestinationView) -> tuple[str, ...]:
        return (
            destination.name,
            kind_label(destination.kind, translate),
            destination.url,
            self.tr("Saved") if destination.has_secret else "",
            self.tr("Default") if destination.is_default else "",
        )

    def selected_destination(self) -> DestinationView | None:
        """The destination of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.destinations[rows[0].row()] if rows else None

    def select_destination(self, name: str) -> None:
        """Select the row of the destination called ``name``."""
        self.table.selectRow([d.name for d in self.destinations].index(name))

    def _update_buttons(self) -> None:
        chosen = self.selected_destination()
        self.edit_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)
        self.test_button.setEnabled(chosen is not None and not self.probing)
        self.default_button.setEnabled(chosen is not None and not chosen.is_default)

    # --- changes (administrators) ---------------------------------------------------------

    def _edit_selected(self) -> None:
        chosen = self.selected_destination()
        if chosen is not None and self.can_edit:
            self._open_form(chosen)

    def _open_form(self, destination: DestinationView | None) -> None:
        form = DestinationForm(self._ctx, destination, self)
        form.accepted.connect(lambda: self.refresh(form.saved_id))
        # Deleted once the work it queued has reported back (Escape during a save).
        form.finished.connect(
            lambda _result: self._ctx.tasks.run(lambda: None, lambda _n: form.deleteLater())
        )
        form.open()
        self.form_opened.emit(form)

    def remove_selected(self) -> None:
        """Remove the selected destination after a confirmation (refused while items wait)."""
        chosen = self.selected_destination()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove upload destination"),
            self.tr("Remove the upload destination {name}?").format(name=chosen.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, paths, destination_id = self._ctx.db, self._ctx.actor, self._ctx.paths, chosen.id
        self._change(lambda: remove_destination(db, actor, paths, destination_id))

    def make_selected_default(self) -> None:
        """Make the selected destination the one new returns are queued for."""
        chosen = self.selected_destination()
        if chosen is not None:
            db, actor, destination_id = self._ctx.db, self._ctx.actor, chosen.id
            self._change(lambda: set_default(db, actor, destination_id))

    def _change(self, work: Callable[[], object]) -> None:
        set_message(self.message, "")
        self._ctx.tasks.run(work, lambda _none: self.refresh(), self._failed)

    def _failed(self, error: BaseException) -> None:
        set_message(self.message, error_text(error))

    # --- connection test ------------------------------------------------------------------

    def test_connection(self) -> None:
        """Ask the selected destination for a cheap answer, on the worker (it has timeouts)."""
        chosen = self.selected_destination()
        if chosen is None:
            return
        self.probing = True
        self._update_buttons()
        self._set_status(self.tr("Testing {name}…").format(name=chosen.name), "")
        db, paths, destination_id = self._ctx.db, self._ctx.paths, chosen.id
        self._ctx.tasks.run(
            lambda: probe_destination(db, paths, destination_id, translate=translate),
            lambda result: self._probed(chosen.name, result),
            self._probe_failed,
        )

    def _probed(self, name: str, result: ProbeResult) -> None:
        self.probing = False
        self._update_buttons()
        text = self.tr("{name}: {result}").format(name=name, result=result.message)
        self._set_status(text, OK_STYLE if result.ok else ERROR_STYLE)
        self.probe_finished.emit(result.ok)

    def _probe_failed(self, error: BaseException) -> None:
        self.probing = False
        self._update_buttons()
        self._set_status(error_text(error), ERROR_STYLE)
        self.probe_finished.emit(False)

    def _set_status(self, text: str, style: str) -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)
