"""Publicity (公示) of a program's shortlist: start, objections (异议) and the decision.

The end date and the quota check are shown before the officer starts; a broken quota needs a
written reason. A candidate is approved only after the end date with no objection open.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.workdays import Calendar
from unionDesk.domain.workflow import CandidateState, state_label
from unionDesk.i18n import translate
from unionDesk.services.candidates import CandidateRow, list_candidates
from unionDesk.services.database import Database
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.holidays import calendar_days
from unionDesk.services.objections import (
    ObjectionResult,
    ObjectionView,
    add_objection,
    resolve_objection,
    result_label,
)
from unionDesk.services.publicity import (
    PublicityPlan,
    PublicityStatus,
    approve,
    plan_publicity,
    publicity_status,
    reject,
    start_publicity,
)
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.selection.forms import (
    DATA_ROLE,
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

LISTED_STATES = (CandidateState.SHORTLISTED, CandidateState.IN_PUBLICITY)
ERROR_COLOUR = "#b3261e"


@dataclass(frozen=True)
class PublicityLine:
    """A shortlisted or publicised candidate; ``status`` is None until the publicity starts."""

    candidate: CandidateRow
    status: PublicityStatus | None


def load_lines(db: Database, actor: Actor, program_id: int, today: date) -> list[PublicityLine]:
    """The program's shortlisted and publicised candidates, with the publicity status."""
    return [
        PublicityLine(
            row,
            publicity_status(db, actor, row.id, today=today)
            if row.state is CandidateState.IN_PUBLICITY
            else None,
        )
        for row in list_candidates(db, actor, program_id)
        if row.state in LISTED_STATES
    ]


def next_working_day(db: Database, actor: Actor, today: date) -> date:
    """The first working day after ``today`` by the stored holiday calendar."""
    calendar = Calendar.of(calendar_days(db, actor))
    return calendar.next_working_day(today + timedelta(days=1))


class PublicityDialog(QDialog):
    """Start the publicity of shortlisted candidates and follow it to the decision.

    Signals:
        loaded(): the candidates and their publicity status were read again.
        plan_shown(): the end date and quota check of the chosen start date are shown.
        dialog_opened(QDialog): an objection form was opened (window-modal, not blocking).
    """

    loaded = Signal()
    plan_shown = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, program_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._program_id = ctx, program_id
        self.can_edit = ctx.actor.may(Permission.EDIT_SELECTION)
        self.lines: list[PublicityLine] = []  # as listed in the table, top first
        self._plan_sequence = 0
        self.plan: PublicityPlan | None = None
        self.setWindowTitle(self.tr("Publicity"))
        self._build()
        self.resize(1000, 760)
        self.refresh()
        self._default_start()

    def _build(self) -> None:
        self.table = read_only_table(self._headers(), stretch=2)
        self.table.itemSelectionChanged.connect(self._on_candidate_changed)
        self.objection_table = read_only_table(
            [
                self.tr("Received"),
                self.tr("Content"),
                self.tr("Handling"),
                self.tr("Result"),
                self.tr("Resolved on"),
                self.tr("Recorded by"),
            ],
            stretch=1,
        )
        self.objection_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.objection_table.itemSelectionChanged.connect(self._update_buttons)
        self.message, self.notice = error_label(), QLabel()
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(self._start_box())
        layout.addWidget(self._candidate_box(), 2)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

    def _headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Nominating unit"),
            self.tr("State"),
            self.tr("Publicity period"),
            self.tr("Ended"),
            self.tr("Objections"),
            self.tr("Ended with no objection"),
        ]

    def _start_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Start the publicity of all shortlisted candidates"))
        self.start_edit = date_edit(to_qdate(date.today()))
        self.start_edit.dateChanged.connect(lambda _day: self.update_plan())
        self.plan_label, self.quota_label = QLabel(), QLabel()
        self.quota_label.setWordWrap(True)
        self.quota_label.setTextFormat(Qt.TextFormat.RichText)
        self.override_edit = QLineEdit()
        self.override_edit.setPlaceholderText(
            self.tr("Needed only when a quota rule is not met: why start anyway")
        )
        self.override_error = error_label()
        self.start_button = QPushButton(self.tr("Start publicity"))
        self.start_button.clicked.connect(lambda: self.start())
        form = QFormLayout(box)
        form.addRow(self.tr("Start date"), button_row(self.start_edit, self.plan_label, None))
        form.addRow(self.tr("Quota check"), self.quota_label)
        override = QVBoxLayout()
        override.addWidget(self.override_edit)
        override.addWidget(self.override_error)
        form.addRow(self.tr("Reason for overriding"), override)
        form.addRow(button_row(None, self.start_button))
        return box

    def _candidate_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Objections and decision for the selected candidate"))
        self.add_objection_button = QPushButton(self.tr("Record objection…"))
        self.resolve_button = QPushButton(self.tr("Resolve objection…"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.reject_button = QPushButton(self.tr("Not approve…"))
        for button, action in (
            (self.add_objection_button, self.record_objection),
            (self.resolve_button, self.resolve_selected_objection),
            (self.approve_button, self.approve_selected),
            (self.reject_button, self.reject_selected),
        ):
            button.clicked.connect(lambda _checked=False, act=action: act())
        layout = QVBoxLayout(box)
        layout.addWidget(self.objection_table)
        layout.addLayout(
            button_row(
                self.add_objection_button,
                self.resolve_button,
                None,
                self.approve_button,
                self.reject_button,
            )
        )
        return box

    # --- candidates -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the candidates and their publicity status again."""
        db, actor, program_id = self._ctx.db, self._ctx.actor, self._program_id
        today = date.today()
        self._ctx.tasks.run(
            lambda: load_lines(db, actor, program_id, today), self._show, self._on_failure
        )

    def _show(self, lines: list[PublicityLine]) -> None:
        kept = self.selected_line()
        self.lines = lines
        self.table.blockSignals(True)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate(self._cells(line)):
                self.table.setItem(row, column, cell(text, line.candidate.id))
            if kept is not None and kept.candidate.id == line.candidate.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self._on_candidate_changed()
        self.loaded.emit()

    def _cells(self, line: PublicityLine) -> list[str]:
        row, status = line.candidate, line.status
        texts = [row.name, row.category, row.nominating_unit, state_label(row.state, translate)]
        if status is None or status.start is None:
            return [*texts, "", "", "", ""]
        objections = self.tr("{count} ({pending} pending)").format(
            count=len(status.objections), pending=status.pending
        )
        return [
            *texts,
            f"{status.start} – {status.end}",
            self._yes_no(status.ended),
            objections,
            self._yes_no(status.clear),
        ]

    def _yes_no(self, value: bool) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def selected_line(self) -> PublicityLine | None:
        """The candidate selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.lines[rows[0].row()] if rows and rows[0].row() < len(self.lines) else None

    def _on_candidate_changed(self) -> None:
        line = self.selected_line()
        objections = line.status.objections if line and line.status else []
        self.objection_table.setRowCount(len(objections))
        for row, item in enumerate(objections):
            texts = (
                item.received_on.isoformat(),
                item.content,
                item.handling,
                result_label(item.result, translate),
                item.resolved_on.isoformat() if item.resolved_on else "",
                item.recorded_by,
            )
            for column, text in enumerate(texts):
                self.objection_table.setItem(row, column, cell(text, item))
        self.objection_table.resizeRowsToContents()
        self._update_buttons()

    def selected_objection(self) -> ObjectionView | None:
        """The objection selected in the list, if any."""
        items = self.objection_table.selectedItems()
        return items[0].data(DATA_ROLE) if items else None

    def _update_buttons(self) -> None:
        line, objection = self.selected_line(), self.selected_objection()
        publicised = line is not None and line.candidate.state is CandidateState.IN_PUBLICITY
        pending = objection is not None and objection.result is ObjectionResult.PENDING
        shortlisted = any(
            entry.candidate.state is CandidateState.SHORTLISTED for entry in self.lines
        )
        self.start_button.setEnabled(self.can_edit and shortlisted)
        for button in (self.add_objection_button, self.approve_button, self.reject_button):
            button.setEnabled(self.can_edit and publicised)
        self.resolve_button.setEnabled(self.can_edit and publicised and pending)

    # --- plan and start -------------------------------------------------------------------

    def _default_start(self) -> None:
        db, actor, today = self._ctx.db, self._ctx.actor, date.today()
        self._ctx.tasks.run(
            lambda: next_working_day(db, actor, today),
            lambda day: self.start_edit.setDate(to_qdate(day)),
            self._on_failure,
        )

    def update_plan(self) -> None:
        """Compute the end date and quota check for the chosen start date."""
        self._plan_sequence += 1
        sequence, start = self._plan_sequence, self.start_date()
        db, actor, program_id = self._ctx.db, self._ctx.actor, self._program_id
        self._ctx.tasks.run(
            lambda: plan_publicity(db, actor, program_id, start),
            lambda plan: self._show_plan(sequence, plan),
            self._on_failure,
        )

    def start_date(self) -> date:
        """The start date chosen."""
        return picked_date(self.start_edit)

    def _show_plan(self, sequence: int, plan: PublicityPlan) -> None:
        if sequence != self._plan_sequence:
            return  # the start date changed meanwhile
        self.plan = plan
        self.plan_label.setText(
            self.tr("{days} working days, ending on {end}").format(
                days=plan.working_days, end=plan.end.isoformat()
            )
        )
        lines = []
        for result in plan.quota:
            text = html.escape(("✓ " if result.passed else "✗ ") + result.reason.render(translate))
            failed = f'<span style="color:{ERROR_COLOUR}">{text}</span>'
            lines.append(text if result.passed else failed)
        self.quota_label.setText("<br>".join(lines) or self.tr("The program sets no quota."))
        self.override_edit.setEnabled(self.quota_failed())
        self.plan_shown.emit()

    def quota_failed(self) -> bool:
        """Whether a quota rule is not met by the shortlist (as of the last plan)."""
        return self.plan is not None and any(not result.passed for result in self.plan.quota)

    def start(self) -> None:
        """Put every shortlisted candidate into publicity from the chosen date."""
        reason = self.override_edit.text().strip()
        if self.quota_failed() and not reason:
            set_message(
                self.override_error,
                self.tr("A quota rule is not met. Write why the publicity starts anyway."),
            )
            self.override_edit.setFocus()
            return
        set_message(self.override_error, "")
        shortlisted = CandidateState.SHORTLISTED
        ids = [e.candidate.id for e in self.lines if e.candidate.state is shortlisted]
        db, actor, program_id = self._ctx.db, self._ctx.actor, self._program_id
        start, today = self.start_date(), date.today()
        self._ctx.tasks.run(
            lambda: start_publicity(
                db, actor, program_id, ids, start, quota_override_reason=reason, today=today
            ),
            self._started,
            self._on_start_failure,
        )

    def _started(self, end: date) -> None:
        set_message(self.message, "")
        self.notice.setText(self.tr("The publicity has started; it ends on {end}.").format(end=end))
        self.override_edit.clear()
        self.refresh()
        self.update_plan()

    def _on_start_failure(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            messages = error.by_field(translate)
            set_message(self.override_error, "\n".join(messages.pop("quota_override_reason", [])))
            set_message(self.message, "\n".join(t for texts in messages.values() for t in texts))
        else:
            self._on_failure(error)

    # --- objections and decision ----------------------------------------------------------

    def record_objection(self) -> ObjectionDialog | None:
        """Open the form for an objection against the selected candidate."""
        line = self.selected_line()
        if line is None or not self.add_objection_button.isEnabled():
            return None
        dialog = ObjectionDialog(self._ctx, line.candidate, self)
        self._open(dialog)
        return dialog

    def resolve_selected_objection(self) -> ResolveDialog | None:
        """Open the form for recording how the selected objection was handled."""
        objection = self.selected_objection()
        if objection is None or not self.resolve_button.isEnabled():
            return None
        dialog = ResolveDialog(self._ctx, objection, self)
        self._open(dialog)
        return dialog

    def approve_selected(self) -> None:
        """Approve the selected candidate (通过) after confirmation."""
        line = self.selected_line()
        if line is None or not self.approve_button.isEnabled():
            return
        text = self.tr("Approve {name}? This decision is final.").format(name=line.candidate.name)
        if confirm(self, self.tr("Approve"), text):
            candidate_id, actor = line.candidate.id, self._ctx.actor
            self._change(lambda db: approve(db, actor, candidate_id, today=date.today()))

    def reject_selected(self) -> None:
        """Do not approve the selected candidate (未通过), with a reason."""
        line = self.selected_line()
        if line is None or not self.reject_button.isEnabled():
            return
        prompt = self.tr("Why is {name} not approved?").format(name=line.candidate.name)
        reason, ok = QInputDialog.getText(self, self.tr("Not approve"), prompt)
        if ok:
            candidate_id, actor = line.candidate.id, self._ctx.actor
            self._change(lambda db: reject(db, actor, candidate_id, reason))

    def _change(self, work: Work) -> None:
        db = self._ctx.db
        set_message(self.message, "")
        self._ctx.tasks.run(lambda: work(db), lambda _: self.refresh(), self._on_failure)

    def _open(self, dialog: ServiceForm) -> None:
        dialog.accepted.connect(self.refresh)
        open_window_modal(self._ctx, dialog)
        self.dialog_opened.emit(dialog)

    def _on_failure(self, error: BaseException) -> None:
        set_message(self.message, error_text(error))


class ObjectionDialog(ServiceForm):
    """Record an objection (异议) received against a candidate in publicity."""

    def __init__(self, ctx: AppContext, candidate: CandidateRow, parent: QWidget | None = None):
        super().__init__(ctx, "", parent)
        self._candidate_id = candidate.id
        self.setWindowTitle(self.tr("Objection against {name}").format(name=candidate.name))
        self.received_edit = date_edit(QDate.currentDate())
        self.content_edit = QPlainTextEdit()
        self.add_field("received_on", self.tr("Received on"), self.received_edit)
        self.add_field("content", self.tr("Content"), self.content_edit)
        self.resize(480, 320)

    def work(self) -> Work:
        """``add_objection`` with the values entered."""
        actor, candidate_id = self._ctx.actor, self._candidate_id
        received = picked_date(self.received_edit)
        content = self.content_edit.toPlainText()
        return lambda db: add_objection(
            db,
            actor,
            candidate_id,
            received,
            content,
            today=date.today(),
        )


class ResolveDialog(ServiceForm):
    """Record how an objection was looked into and whether it was founded."""

    def __init__(self, ctx: AppContext, objection: ObjectionView, parent: QWidget | None = None):
        super().__init__(ctx, "", parent)
        self._objection_id = objection.id
        self.setWindowTitle(self.tr("Resolve objection"))
        content = QLabel(objection.content)
        content.setWordWrap(True)
        self.form.addRow(self.tr("Objection"), content)
        self.handling_edit = QPlainTextEdit()
        self.result_combo = QComboBox()
        self.result_combo.addItem(self.tr("Founded"), ObjectionResult.UPHELD.value)
        self.result_combo.addItem(self.tr("Unfounded"), ObjectionResult.DISMISSED.value)
        self.resolved_edit = date_edit(QDate.currentDate())
        self.add_field("handling", self.tr("Handling"), self.handling_edit)
        self.add_field("result", self.tr("Result"), self.result_combo)
        self.add_field("resolved_on", self.tr("Resolved on"), self.resolved_edit)
        self.resize(480, 380)

    def work(self) -> Work:
        """``resolve_objection`` with the values entered."""
        actor, objection_id = self._ctx.actor, self._objection_id
        handling = self.handling_edit.toPlainText()
        result = ObjectionResult(self.result_combo.currentData())
        resolved = picked_date(self.resolved_edit)
        return lambda db: resolve_objection(
            db,
            actor,
            objection_id,
            handling,
            result,
            resolved,
            today=date.today(),
        )
