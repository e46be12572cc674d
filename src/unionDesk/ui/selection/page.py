"""The officer's 评选 page: award programs on the left, the chosen one's candidates on the right.

Every query and change runs on the database worker. The rounds, results, publicity and calendar
buttons only emit signals; the main window connects them to their dialogs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.eligibility import RuleResult, is_eligible
from unionDesk.domain.workflow import CandidateState, state_label
from unionDesk.i18n import translate
from unionDesk.services.candidates import CandidateRow, list_candidates, submit, withdraw
from unionDesk.services.eligibility_check import CHECKABLE_STATES, check, override_eligibility
from unionDesk.services.errors import NotFound
from unionDesk.services.programs import (
    Preset,
    ProgramDetail,
    ProgramRow,
    get_program,
    list_presets,
    list_programs,
)
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.selection.candidate_form import (
    CandidateForm,
    CandidateRecord,
    ProgramInfo,
    load_candidate,
)
from unionDesk.ui.selection.candidate_table import CandidateTableModel, candidate_table_view
from unionDesk.ui.selection.member_picker import MemberPicker
from unionDesk.ui.selection.program_dialog import ProgramDialog


class SelectionPage(QWidget):
    """Award programs and their candidates, with the nomination workflow's actions.

    Signals:
        programs_loaded(): the program list shows the latest result.
        candidates_loaded(): the candidate table shows the chosen program's latest result.
        dialog_opened(QDialog): a form or dialog was opened (window-modal, not blocking).
        rounds_requested(int), results_requested(int), publicity_requested(int): the review
            rounds, results or publicity of the program with that id were asked for.
        calendar_requested(): the public holiday calendar was asked for.
    """

    programs_loaded = Signal()
    candidates_loaded = Signal()
    dialog_opened = Signal(QDialog)
    rounds_requested = Signal(int)
    results_requested = Signal(int)
    publicity_requested = Signal(int)
    calendar_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_SELECTION)
        self._sequence = 0  # number of the latest candidate query
        self._program: ProgramInfo | None = None
        self._candidates: list[CandidateRow] = []
        self._wanted_program: int | None = None
        self._wanted_candidate: int | None = None
        self.model = CandidateTableModel(self)
        self._build()
        self._connect()
        self._load_presets()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.program_tree = QTreeWidget()
        self.program_tree.setHeaderLabels(
            [self.tr("Program"), self.tr("Year"), self.tr("Candidates")]
        )
        self.program_tree.setRootIsDecorated(False)
        self.program_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.program_tree.header().setStretchLastSection(False)
        self.new_program_button = QPushButton(self.tr("New program"))
        self.new_program_menu = QMenu(self)
        self.new_program_button.setMenu(self.new_program_menu)
        self.edit_program_button = QPushButton(
            self.tr("Edit program") if self.can_edit else self.tr("View program")
        )
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Filter by name"))
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("All states"), None)
        for state in CandidateState:
            self.state_combo.addItem(state_label(state, translate), state.value)
        self.table = candidate_table_view(self.model)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self._left_pane())
        splitter.addWidget(self._right_pane())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(splitter, 1)

    def _toolbar(self) -> QHBoxLayout:
        self.rounds_button = QPushButton(self.tr("Review rounds…"))
        self.results_button = QPushButton(self.tr("Review results…"))
        self.publicity_button = QPushButton(self.tr("Publicity…"))
        self.calendar_button = QPushButton(self.tr("Holidays…"))
        row = QHBoxLayout()
        for button in (self.rounds_button, self.results_button, self.publicity_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.calendar_button)
        return row

    def _left_pane(self) -> QWidget:
        pane = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_program_button)
        buttons.addWidget(self.edit_program_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.program_tree, 1)
        layout.addLayout(buttons)
        self.new_program_button.setVisible(self.can_edit)
        return pane

    def _right_pane(self) -> QWidget:
        pane = QWidget()
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.state_combo, 1)
        self.nominate_button = QPushButton(self.tr("Nominate…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.submit_button = QPushButton(self.tr("Submit nomination"))
        self.check_button = QPushButton(self.tr("Check eligibility"))
        self.override_button = QPushButton(self.tr("Declare eligible…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        actions = QHBoxLayout()
        for button in (self.nominate_button, self.open_button, *self._edit_buttons()[1:]):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in self._edit_buttons():
            button.setVisible(self.can_edit)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts_label)
        layout.addLayout(actions)
        return pane

    def _edit_buttons(self) -> list[QPushButton]:
        return [
            self.nominate_button,
            self.submit_button,
            self.check_button,
            self.override_button,
            self.withdraw_button,
        ]

    def _connect(self) -> None:
        self.program_tree.currentItemChanged.connect(lambda *_: self._program_chosen())
        self.search_edit.textChanged.connect(lambda _text: self._apply_filter())
        self.state_combo.currentIndexChanged.connect(lambda _index: self._apply_filter())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)
        self.edit_program_button.clicked.connect(lambda: self.edit_program())
        self.nominate_button.clicked.connect(lambda: self.nominate())
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.submit_button.clicked.connect(lambda: self.submit_selected())
        self.check_button.clicked.connect(lambda: self.check_selected())
        self.override_button.clicked.connect(lambda: self.override_selected())
        self.withdraw_button.clicked.connect(lambda: self.withdraw_selected())
        self.rounds_button.clicked.connect(lambda: self._request(self.rounds_requested))
        self.results_button.clicked.connect(lambda: self._request(self.results_requested))
        self.publicity_button.clicked.connect(lambda: self._request(self.publicity_requested))
        self.calendar_button.clicked.connect(self.calendar_requested.emit)
        self._update_buttons()

    def _request(self, signal: Any) -> None:
        program_id = self.current_program_id()
        if program_id is not None:
            signal.emit(program_id)

    # --- loading --------------------------------------------------------------------------

    def _load_presets(self) -> None:
        self._ctx.tasks.run(list_presets, self._fill_new_program_menu, self._on_failure)

    def _fill_new_program_menu(self, presets: list[Preset]) -> None:
        self.new_program_menu.clear()
        for preset in presets:
            text = self.tr("From the preset “{name}”").format(name=preset.name)
            action = self.new_program_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, p=preset: self.new_program(p))
        self.new_program_menu.addSeparator()
        blank = self.new_program_menu.addAction(self.tr("Blank program"))
        blank.triggered.connect(lambda _checked=False: self.new_program(None))

    def refresh(self) -> None:
        """Read the programs and the chosen program's candidates again, keeping the choice."""
        self._wanted_program = self.current_program_id() or self._wanted_program
        self._wanted_candidate = self.selected_candidate_id() or self._wanted_candidate
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(lambda: list_programs(db, actor), self._show_programs, self._on_failure)

    def _show_programs(self, programs: list[ProgramRow]) -> None:
        tree, wanted = self.program_tree, self._wanted_program
        tree.blockSignals(True)
        tree.clear()
        for program in programs:
            item = QTreeWidgetItem([program.name, str(program.year), str(program.candidate_count)])
            item.setData(0, Qt.ItemDataRole.UserRole, program.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
            if program.id == wanted:
                tree.setCurrentItem(item)
        first = tree.topLevelItem(0)
        if tree.currentItem() is None and first is not None:
            tree.setCurrentItem(first)
        tree.resizeColumnToContents(1)
        tree.resizeColumnToContents(2)
        tree.blockSignals(False)
        self.programs_loaded.emit()
        self._program_chosen()

    def current_program_id(self) -> int | None:
        """Id of the program chosen in the list, if any."""
        item = self.program_tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _program_chosen(self) -> None:
        program_id, db, actor = self.current_program_id(), self._ctx.db, self._ctx.actor
        self._sequence += 1
        sequence = self._sequence
        if program_id is None:
            self._show_candidates(sequence, None, [])
            return
        if program_id != self._wanted_program:
            self._wanted_program, self._wanted_candidate = program_id, None
        self._ctx.tasks.run(
            lambda: (get_program(db, actor, program_id), list_candidates(db, actor, program_id)),
            lambda loaded: self._show_candidates(sequence, *loaded),
            self._on_failure,
        )

    def _show_candidates(
        self, sequence: int, program: ProgramDetail | None, rows: list[CandidateRow]
    ) -> None:
        if sequence != self._sequence:
            return  # another program was chosen meanwhile
        self._program = (
            None
            if program is None
            else ProgramInfo(program.id, program.draft.name, program.draft.categories)
        )
        self._candidates = rows
        self._apply_filter()
        self._show_counts()
        self.candidates_loaded.emit()

    def _apply_filter(self) -> None:
        """Show the candidates in the chosen state whose name contains the typed text."""
        state, text = self.state_combo.currentData(), self.search_edit.text().strip()
        chosen = self.selected_candidate_id() or self._wanted_candidate
        self.model.set_rows(
            [
                row
                for row in self._candidates
                if (state is None or row.state == state) and text in row.name
            ]
        )
        row = self.model.row_of(chosen) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def _show_counts(self) -> None:
        counts = Counter(row.state for row in self._candidates)
        parts = [
            f"{state_label(state, translate)} {counts[state]}"
            for state in CandidateState
            if counts[state]
        ]
        live = len(self._candidates) - counts[CandidateState.WITHDRAWN]
        total = self.tr("{count} candidate(s)").format(count=live)  # as the program list counts
        self.counts_label.setText(" · ".join([total, *parts]))

    # --- the chosen candidate -------------------------------------------------------------

    def selected_candidate_id(self) -> int | None:
        """Id of the candidate selected in the table, if any."""
        row = self._selected_row()
        return row.id if row is not None else None

    def _selected_row(self) -> CandidateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.candidate(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has_program = self.current_program_id() is not None
        for button in (self.rounds_button, self.results_button, self.publicity_button):
            button.setEnabled(has_program)
        self.edit_program_button.setEnabled(has_program)
        self.nominate_button.setEnabled(has_program and self._program is not None)
        row = self._selected_row()
        state = row.state if row is not None else None
        self.open_button.setEnabled(row is not None)
        self.submit_button.setEnabled(state is CandidateState.DRAFT)
        self.check_button.setEnabled(state in CHECKABLE_STATES)
        self.override_button.setEnabled(state is CandidateState.INELIGIBLE)
        self.withdraw_button.setEnabled(state is not None and not state.final)

    # --- programs -------------------------------------------------------------------------

    def new_program(self, preset: Preset | None) -> None:
        """Open the program form on a copy of ``preset``, or on a blank program."""
        if self.can_edit:
            self._open_program_dialog(
                ProgramDialog(self._ctx, preset.draft if preset else None, parent=self)
            )

    def edit_program(self) -> None:
        """Load the chosen program and open its form (read-only for viewers)."""
        program_id, db, actor = self.current_program_id(), self._ctx.db, self._ctx.actor
        if program_id is not None:
            self._ctx.tasks.run(
                lambda: get_program(db, actor, program_id),
                lambda detail: self._open_program_dialog(
                    ProgramDialog(self._ctx, detail.draft, detail.id, self)
                ),
                self._on_failure,
            )

    def _open_program_dialog(self, dialog: ProgramDialog) -> None:
        def saved() -> None:
            self._wanted_program = dialog.saved_program_id
            self.refresh()

        dialog.accepted.connect(saved)
        self._open(dialog)

    # --- candidates -----------------------------------------------------------------------

    def nominate(self) -> None:
        """Pick a member, then open a new nomination form for them."""
        if not self.can_edit or self._program is None:
            return
        picker, program = MemberPicker(self._ctx, self), self._program
        picker.accepted.connect(lambda: self._open_new_form(program, picker.chosen()))
        self._open(picker)

    def _open_new_form(self, program: ProgramInfo, member: tuple[int, str] | None) -> None:
        if member is not None:
            self._open_form(CandidateForm(self._ctx, program, member=member, parent=self))

    def open_selected(self) -> None:
        """Load the selected candidate and open the nomination form on it."""
        candidate_id, program = self.selected_candidate_id(), self._program
        if candidate_id is None or program is None:
            return
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: load_candidate(db, actor, candidate_id),
            lambda record: self._open_stored_form(program, record),
            self._on_failure,
        )

    def _open_stored_form(self, program: ProgramInfo, record: CandidateRecord) -> None:
        self._open_form(CandidateForm(self._ctx, program, record=record, parent=self))

    def _open_form(self, form: CandidateForm) -> None:
        def saved(candidate_id: int) -> None:
            self._wanted_candidate = candidate_id
            self.refresh()

        form.saved.connect(saved)
        self._open(form)

    def submit_selected(self) -> None:
        """草稿 → 已推荐 for the selected candidate."""
        self._change(lambda db, actor, cid: submit(db, actor, cid, today=date.today()))

    def check_selected(self) -> None:
        """Check the selected candidate's eligibility and show each rule's verdict."""
        row = self._selected_row()
        if row is not None:
            self._change(
                lambda db, actor, cid: check(db, actor, cid), lambda r: self._show_check(row, r)
            )

    def _show_check(self, row: CandidateRow, results: list[RuleResult]) -> None:
        state = CandidateState.ELIGIBLE if is_eligible(results) else CandidateState.INELIGIBLE
        lines = [
            self.tr("{name}: {state}").format(name=row.name, state=state_label(state, translate))
        ]
        lines += [
            f"{'✓' if result.passed else '✗'} {result.reason.render(translate)}"
            for result in results
        ]
        if not results:
            lines.append(self.tr("This program sets no eligibility rules."))
        QMessageBox.information(self, self.tr("Eligibility check"), "\n".join(lines))

    def override_selected(self) -> None:
        """Declare an ineligible candidate eligible, with the officer's written reason."""
        row = self._selected_row()
        if row is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Declare eligible"),
            self.tr("Why is {name} eligible although the rules say otherwise?").format(
                name=row.name
            ),
        )
        if ok:
            self._change(lambda db, actor, cid: override_eligibility(db, actor, cid, reason))

    def withdraw_selected(self) -> None:
        """Withdraw the selected nomination, after confirmation and with a reason."""
        row = self._selected_row()
        if row is None:
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        text = self.tr(
            "Withdraw the nomination of {name}? A withdrawn nomination cannot be resumed; the "
            "member would have to be nominated again."
        ).format(name=row.name)
        answer = QMessageBox.question(
            self, self.tr("Withdraw nomination"), text, buttons, QMessageBox.StandardButton.No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Withdraw nomination"), self.tr("Reason for the withdrawal:")
        )
        if ok:
            self._change(lambda db, actor, cid: withdraw(db, actor, cid, reason))

    def _change(
        self, action: Callable[..., Any], on_done: Callable[[Any], None] | None = None
    ) -> None:
        """Run ``action(db, actor, candidate_id)`` on the selected candidate, then refresh."""
        candidate_id, db, actor = self.selected_candidate_id(), self._ctx.db, self._ctx.actor
        if candidate_id is None or not self.can_edit:
            return

        def done(result: Any) -> None:
            self.refresh()
            if on_done is not None:
                on_done(result)

        self._ctx.tasks.run(lambda: action(db, actor, candidate_id), done, self._on_failure)

    # --- dialogs and errors ---------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda _result: self._delete_when_idle(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _delete_when_idle(self, dialog: QDialog) -> None:
        """Delete a closed dialog once the work it queued has reported back."""
        self._ctx.tasks.run(lambda: None, lambda _: dialog.deleteLater())

    def _on_failure(self, error: BaseException) -> None:
        show_error(self, error)
        if isinstance(error, NotFound):
            self.refresh()  # someone removed the record meanwhile
