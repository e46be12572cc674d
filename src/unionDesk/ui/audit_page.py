"""The audit log page (administrators) and the change-history table the member form shows.

Entries come from ``services.audit`` on the worker; this module only lays them out. The
"Verify chain" button recomputes every hash and names the first broken entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.audit_chain import BREAK_LINK
from unionDesk.domain.messages import QT_TRANSLATE_NOOP
from unionDesk.i18n import translate
from unionDesk.services.audit import (
    Action,
    AuditFilter,
    AuditView,
    ChainReport,
    audit_actors,
    query_audit,
    verify_chain,
)
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.widgets import OptionalDateEdit

AUDIT_CONTEXT = "Audit"
ACTION_LABELS: dict[Action, str] = {
    Action.CREATE: QT_TRANSLATE_NOOP("Audit", "Created"),
    Action.UPDATE: QT_TRANSLATE_NOOP("Audit", "Changed"),
    Action.DELETE: QT_TRANSLATE_NOOP("Audit", "Deleted"),
    Action.STATUS_CHANGE: QT_TRANSLATE_NOOP("Audit", "Status change"),
    Action.LOGIN: QT_TRANSLATE_NOOP("Audit", "Logged in"),
    Action.LOGIN_FAILED: QT_TRANSLATE_NOOP("Audit", "Log-in refused"),
    Action.LOGOUT: QT_TRANSLATE_NOOP("Audit", "Logged out"),
    Action.UNMASK: QT_TRANSLATE_NOOP("Audit", "Full numbers shown"),
    Action.EXPORT: QT_TRANSLATE_NOOP("Audit", "Exported"),
    Action.SETTINGS: QT_TRANSLATE_NOOP("Audit", "Settings changed"),
    Action.BACKUP: QT_TRANSLATE_NOOP("Audit", "Backup"),
    Action.RESTORE: QT_TRANSLATE_NOOP("Audit", "Restore"),
    Action.SUBMIT: QT_TRANSLATE_NOOP("Audit", "Review submitted"),
    Action.RECUSE: QT_TRANSLATE_NOOP("Audit", "Recused"),
    Action.REOPEN: QT_TRANSLATE_NOOP("Audit", "Review reopened"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Audit", "Round closed"),
    Action.SIGN: QT_TRANSLATE_NOOP("Audit", "Signed"),
    Action.UPLOAD: QT_TRANSLATE_NOOP("Audit", "Upload"),
}
# Record types the filter offers; entries of other types still show under "All records".
RECORD_TYPE_LABELS: dict[str, str] = {
    "member": QT_TRANSLATE_NOOP("Audit", "Member"),
    "department": QT_TRANSLATE_NOOP("Audit", "Department"),
    "user": QT_TRANSLATE_NOOP("Audit", "User account"),
    "union": QT_TRANSLATE_NOOP("Audit", "Union profile"),
    "settings": QT_TRANSLATE_NOOP("Audit", "Settings"),
    "backup": QT_TRANSLATE_NOOP("Audit", "Backup"),
    "honour": QT_TRANSLATE_NOOP("Audit", "Honour"),
    "program": QT_TRANSLATE_NOOP("Audit", "Award program"),
    "candidate": QT_TRANSLATE_NOOP("Audit", "Candidate"),
    "review_round": QT_TRANSLATE_NOOP("Audit", "Review round"),
    "review": QT_TRANSLATE_NOOP("Audit", "Review"),
    "objection": QT_TRANSLATE_NOOP("Audit", "Objection"),
    "calendar": QT_TRANSLATE_NOOP("Audit", "Holiday calendar"),
    "outbox_item": QT_TRANSLATE_NOOP("Audit", "Upload outbox"),
    "upload_destination": QT_TRANSLATE_NOOP("Audit", "Upload destination"),
}
EMPTY_VALUE = "—"
ValueText = Callable[[str, object], str]  # (field, stored value) -> what the user reads


class AuditColumn(IntEnum):
    """Columns of the audit page's table."""

    TIME = 0
    USER = 1
    ACTION = 2
    RECORD = 3
    SUMMARY = 4
    CHANGES = 5


class HistoryColumn(IntEnum):
    """Columns of a record's change history (修改记录)."""

    TIME = 0
    USER = 1
    ACTION = 2
    CHANGES = 3


def action_label(action: Action) -> str:
    """The translated name of an audited action."""
    return translate(AUDIT_CONTEXT, ACTION_LABELS[action])


def local_time(at_local: str) -> str:
    """``2026-11-21T09:30:05+08:00`` as ``2026-11-21 09:30:05``."""
    return at_local[:19].replace("T", " ")


def changes_text(
    changes: Mapping[str, Sequence[Any]],
    captions: Mapping[str, str],
    value_text: ValueText | None = None,
) -> str:
    """One line per changed field: ``caption: before → after``."""
    shown = value_text or plain_value_text
    lines = []
    for field, (before, after) in sorted(changes.items()):
        caption = captions.get(field) or field
        lines.append(
            f"{caption}: {_or_dash(shown, field, before)} → {_or_dash(shown, field, after)}"
        )
    return "\n".join(lines)


def plain_value_text(_field: str, value: object) -> str:
    """A stored value as it is."""
    return str(value)


def _or_dash(value_text: ValueText, field: str, value: object) -> str:
    if value is None or value == "":
        return EMPTY_VALUE
    return value_text(field, value)


def read_only_table(headers: Sequence[str]) -> QTableWidget:
    """A table of text cells that the user can select but not edit."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], fit_rows: bool = True) -> None:
    """Replace the table's rows with ``rows`` of text (rows as tall as their text if asked)."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    if fit_rows:
        table.resizeRowsToContents()


class HistoryTable(QTableWidget):
    """A record's audit entries, oldest first: time, user, action, changed fields."""

    def __init__(
        self,
        captions: Mapping[str, str],
        value_text: ValueText | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(HistoryColumn), parent)
        self._captions, self._value_text = captions, value_text
        self.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Changes")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def set_entries(self, entries: Sequence[AuditView]) -> None:
        """Show ``entries``."""
        rows = [
            (
                local_time(e.at_local),
                e.actor,
                action_label(e.action),
                changes_text(e.changes, self._captions, self._value_text) or e.summary,
            )
            for e in entries
        ]
        fill_table(self, rows)
        self.resizeColumnToContents(HistoryColumn.TIME)


class AuditPage(QWidget):
    """Filter and read the audit trail, and check that no entry was edited or removed.

    Signals:
        entries_shown(): a query result is now in the table.
        verified(): the chain check finished and its result is shown.
    """

    entries_shown = Signal()
    verified = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sequence = 0
        self._build()
        self._connect()
        self.reload_actors()
        self.refresh()

    def _build(self) -> None:
        self.user_combo = QComboBox()
        self.user_combo.addItem(self.tr("All users"), "")
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All records"), "")
        for key, text in RECORD_TYPE_LABELS.items():
            self.type_combo.addItem(translate(AUDIT_CONTEXT, text), key)
        self.since_edit, self.until_edit = OptionalDateEdit(), OptionalDateEdit()
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_label = QLabel()
        self.verify_label.setWordWrap(True)
        self.count_label = QLabel()
        self.table = read_only_table(self._headers())
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verify_label, 1)
        layout.addLayout(bottom)

    def _headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Summary"),
            self.tr("Changes"),
        ]

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("User")))
        row.addWidget(self.user_combo, 1)
        row.addWidget(QLabel(self.tr("Record type")))
        row.addWidget(self.type_combo, 1)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.since_edit)
        row.addWidget(QLabel(self.tr("To")))
        row.addWidget(self.until_edit)
        row.addWidget(self.count_label)
        return row

    def _connect(self) -> None:
        self.user_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.type_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.since_edit, self.until_edit):
            edit.known.toggled.connect(lambda _on: self.refresh())
            edit.edit.dateChanged.connect(lambda _d: self.refresh())
        self.verify_button.clicked.connect(lambda: self.verify())

    # --- querying -------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe."""
        return AuditFilter(
            actor=self.user_combo.currentData() or "",
            record_type=self.type_combo.currentData() or "",
            since=self.since_edit.value(),
            until=self.until_edit.value(),
        )

    def refresh(self) -> None:
        """Query the entries again; only the latest query's result is shown."""
        self._sequence += 1
        sequence, wanted, db, actor = (
            self._sequence,
            self.current_filter(),
            self._ctx.db,
            self._ctx.actor,
        )
        self._ctx.tasks.run(
            lambda: query_audit(db, actor, wanted),
            lambda entries: self._show(sequence, entries),
            lambda error: show_error(self, error),
        )

    def reload_actors(self) -> None:
        """Fill the user filter with every name that appears in the log."""
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: audit_actors(db, actor), self._fill_actors, lambda e: show_error(self, e)
        )

    def _fill_actors(self, names: list[str]) -> None:
        combo, chosen = self.user_combo, self.user_combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(combo.count() - 1)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def _show(self, sequence: int, entries: list[AuditView]) -> None:
        if sequence != self._sequence:
            return  # a newer query is on its way
        fill_table(self.table, [self._cells(e) for e in entries], fit_rows=False)
        self._add_change_tooltips(entries)
        for column in AuditColumn:
            if column is not AuditColumn.CHANGES:  # the last column takes the rest
                self.table.resizeColumnToContents(column)
        self.count_label.setText(self.tr("{count} entries").format(count=len(entries)))
        self.entries_shown.emit()

    def _cells(self, entry: AuditView) -> tuple[str, ...]:
        kind = RECORD_TYPE_LABELS.get(entry.record_type)
        record = translate(AUDIT_CONTEXT, kind) if kind else entry.record_type
        if entry.record_id:
            record = f"{record} #{entry.record_id}"
        changes = changes_text(entry.changes, {}).replace("\n", "; ")
        return (
            local_time(entry.at_local),
            entry.actor,
            action_label(entry.action),
            record,
            entry.summary,
            changes,
        )

    def _add_change_tooltips(self, entries: list[AuditView]) -> None:
        """One line per entry in the table; every changed field in the cell's tooltip."""
        for row, entry in enumerate(entries):
            item = self.table.item(row, AuditColumn.CHANGES)
            if item is not None and entry.changes:
                item.setToolTip(changes_text(entry.changes, {}))

    # --- verifying ------------------------------------------------------------------------

    def verify(self) -> None:
        """Recompute the hash chain on the worker and say whether it is intact."""
        self.verify_button.setEnabled(False)
        self.verify_label.setText(self.tr("Checking the audit log…"))
        db = self._ctx.db
        self._ctx.tasks.run(lambda: verify_chain(db), self._show_report, self._verify_failed)

    def _show_report(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setStyleSheet("" if report.ok else "color: #b3261e;")
        self.verify_label.setText(self._report_text(report))
        self.verified.emit()

    def _report_text(self, report: ChainReport) -> str:
        if report.ok:
            return self.tr("OK: all {count} entries are intact.").format(count=report.checked)
        if report.reason == BREAK_LINK:
            return self.tr(
                "The audit log was tampered with: an entry before entry {entry} was removed "
                "or changed ({count} entries checked)."
            ).format(entry=report.broken_id, count=report.checked)
        return self.tr(
            "The audit log was tampered with: entry {entry} was edited after it was "
            "written ({count} entries checked)."
        ).format(entry=report.broken_id, count=report.checked)

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setText("")
        show_error(self, error)
