"""The reviewer's screen (我的评审): assigned candidates, their nominations and score entry.

The services give a reviewer only their own review, and this page computes nothing beyond the
reviewer's own weighted total: no other reviewer's scores, no aggregate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.candidate import kind_label
from unionDesk.domain.messages import Problem, ValidationFailed
from unionDesk.domain.review import ReviewStatus, comment_problems, draft_problems, review_label
from unionDesk.domain.scoring import score_problems
from unionDesk.i18n import translate
from unionDesk.services.reviews import (
    Assignment,
    AssignmentDetail,
    MyRound,
    assignment_detail,
    my_assignments,
    my_rounds,
    open_assigned_attachment,
    save_review,
    submit_review,
)
from unionDesk.ui.common import AppContext, error_text, problem_text, show_error
from unionDesk.ui.selection.recusal_dialog import RecusalDialog
from unionDesk.ui.selection.score_sheet import ScoreSheet
from unionDesk.ui.widgets import ERROR_STYLE, set_message

LOCK_STYLE = "background: #fff4e5; padding: 4px;"


def open_with_system(path: Path) -> None:
    """Open ``path`` in the program the system associates with its type."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReviewPage(QWidget):
    """我的评审: the reviewer's rounds, assigned candidates and their own score entry.

    Keys: Enter moves through the scores, Ctrl+S saves, Ctrl+Down / Ctrl+Up go to the next /
    previous candidate.

    Signals:
        rounds_loaded(): the round list was (re)filled.
        assignments_loaded(): the candidate list of the current round was (re)filled.
        detail_loaded(): the selected candidate's nomination and review are shown.
        review_stored(): a save, submission or recusal was stored.
        dialog_opened(QDialog): the recusal dialog was opened (window-modal, not blocking).
    """

    rounds_loaded = Signal()
    assignments_loaded = Signal()
    detail_loaded = Signal()
    review_stored = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rounds: dict[int, MyRound] = {}
        self._assignments: list[Assignment] = []
        self.detail: AssignmentDetail | None = None
        self._focus_wanted: int | None = None  # candidate whose first score gets the focus
        self._shown: tuple[dict[str, Decimal | None], str] | None = None  # values as loaded
        # Replaced in tests: opening a file would start another program.
        self.open_file: Callable[[Path], None] = open_with_system
        self._build()
        self._connect()
        self._reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.round_combo = QComboBox()
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.candidate_table = QTableWidget(0, 3)
        self.candidate_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Category"), self.tr("My status")]
        )
        table = self.candidate_table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setToolTip(self.tr("Ctrl+Down / Ctrl+Up: next / previous candidate"))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.placeholder = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.placeholder)
        self.detail_stack.addWidget(self._detail_panel())
        splitter = QSplitter()
        splitter.addWidget(table)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 880])
        self.chair_button = QPushButton(self.tr("Chair: progress and closing…"))
        self.chair_button.setToolTip(
            self.tr("As chair of this round: see who has submitted, reopen a review, close it.")
        )
        self.chair_button.clicked.connect(self.open_chair_view)
        self.chair_button.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Review round")))
        top.addWidget(self.round_combo, 1)
        top.addWidget(self.chair_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _detail_panel(self) -> QWidget:
        self.name_label, self.unit_label, self.category_label = QLabel(), QLabel(), QLabel()
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_label.setFont(font)
        self.summary_view, self.deeds_view = QPlainTextEdit(), QPlainTextEdit()
        for view in (self.summary_view, self.deeds_view):
            view.setReadOnly(True)
            view.setTabChangesFocus(True)
        self.summary_view.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        form = QFormLayout()
        form.addRow(self.tr("Nominating unit"), self.unit_label)
        form.addRow(self.tr("Category"), self.category_label)
        form.addRow(self.tr("Summary"), self.summary_view)
        form.addRow(self.tr("Deeds"), self.deeds_view)
        form.addRow(self.tr("Attachments"), self.attachment_list)
        nomination = QGroupBox(self.tr("Nomination"))
        nomination_layout = QVBoxLayout(nomination)
        nomination_layout.addWidget(self.name_label)
        nomination_layout.addLayout(form)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(nomination, 1)
        layout.addWidget(self._score_box())
        return panel

    def _score_box(self) -> QGroupBox:
        self.sheet = ScoreSheet()
        self.lock_label = QLabel(wordWrap=True)
        self.lock_label.setStyleSheet(LOCK_STYLE)
        self.message_label = QLabel(wordWrap=True)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setToolTip(self.tr("Keep the scores without submitting (Ctrl+S)"))
        self.submit_button = QPushButton(self.tr("Submit…"))
        self.recuse_button = QPushButton(self.tr("Recuse…"))
        buttons = QHBoxLayout()
        for button in (self.save_button, self.submit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.recuse_button)
        box = QGroupBox(self.tr("My scores"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.sheet)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        return box

    def _connect(self) -> None:
        self.round_combo.currentIndexChanged.connect(lambda _index: self._round_changed())
        table = self.candidate_table
        table.itemSelectionChanged.connect(self._candidate_changed)
        table.clicked.connect(lambda _index: self._want_focus())
        table.activated.connect(lambda _index: self._want_focus())
        self.attachment_list.itemActivated.connect(self._open_attachment)
        self.save_button.clicked.connect(lambda: self.save_draft())
        self.submit_button.clicked.connect(lambda: self.submit())
        self.recuse_button.clicked.connect(lambda: self.open_recusal())
        shortcuts = (
            (QKeySequence.StandardKey.Save, self.save_draft),
            ("Ctrl+Down", lambda: self.choose_next(1)),
            ("Ctrl+Up", lambda: self.choose_next(-1)),
        )
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        QWidget.setTabOrder(self.sheet.comment_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.submit_button)
        QWidget.setTabOrder(self.submit_button, self.recuse_button)

    # --- rounds and candidates ------------------------------------------------------------

    def refresh(self) -> None:
        """Read my rounds, the current round's candidates and the selected review again.

        Unsaved scores are kept first as a draft; invalid ones stay on screen, marked.
        """
        if self._leave():
            self._reload()

    def _reload(self) -> None:
        ctx = self._ctx
        self._ctx.tasks.run(lambda: my_rounds(ctx.db, ctx.actor), self._show_rounds, self._no_list)

    def current_round(self) -> MyRound | None:
        """The round chosen at the top."""
        return self._rounds.get(self.round_combo.currentData())

    def _show_rounds(self, rounds: list[MyRound]) -> None:
        chosen = self.round_combo.currentData()
        self._rounds = {r.id: r for r in rounds}
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for item in rounds:
            self.round_combo.addItem(self._round_text(item), item.id)
        self.round_combo.setCurrentIndex(max(self.round_combo.findData(chosen), 0))
        self.round_combo.blockSignals(False)
        self._show_chair_button()
        self.rounds_loaded.emit()
        self._load_assignments()

    def _show_chair_button(self) -> None:
        current = self.current_round()
        self.chair_button.setVisible(current is not None and current.chaired)

    def open_chair_view(self) -> QDialog | None:
        """The rounds dialog of the current round's program, for its chair."""
        from unionDesk.ui.selection.round_dialog import RoundsDialog

        current = self.current_round()
        if current is None or not current.chaired:
            return None
        dialog = RoundsDialog(self._ctx, current.program_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _round_text(self, item: MyRound) -> str:
        text = self.tr("{program} — {round} ({opens} – {closes}), finished {finished}/{total}")
        text = text.format(
            program=item.program_name,
            round=item.name,
            opens=item.opens_on.isoformat(),
            closes=item.closes_on.isoformat(),
            finished=item.finished,
            total=item.candidates,
        )
        return self.tr("{round} [closed]").format(round=text) if item.closed else text

    def _load_assignments(self) -> None:
        current, ctx = self.current_round(), self._ctx
        if current is None:
            self._show_assignments(None, [])
            return
        ctx.tasks.run(
            lambda: my_assignments(ctx.db, ctx.actor, current.id),
            lambda rows: self._show_assignments(current.id, rows),
            self._no_list,
        )

    def _show_assignments(self, round_id: int | None, rows: list[Assignment]) -> None:
        current = self.current_round()
        if round_id != (current.id if current else None):
            return  # the user chose another round meanwhile
        chosen, table = self.selected_candidate_id(), self.candidate_table
        self._assignments = rows
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            texts = (item.name, item.category, self._status_text(item.status))
            for column, text in enumerate(texts):
                table.setItem(row, column, QTableWidgetItem(text))
        ids = [item.candidate_id for item in rows]
        table.selectRow(ids.index(chosen) if chosen in ids else 0)
        table.blockSignals(False)
        if current is None:
            self.placeholder.setText(self.tr("You are not a reviewer of any round yet."))
        elif rows:
            self.placeholder.setText(self.tr("Choose a candidate on the left."))
        else:
            self.placeholder.setText(self.tr("No candidates are assigned to you in this round."))
        self.assignments_loaded.emit()
        self._load_detail()

    def _status_text(self, status: ReviewStatus | None) -> str:
        return self.tr("Not started") if status is None else review_label(status, translate)

    def selected_candidate_id(self) -> int | None:
        """The candidate selected on the left, if any."""
        rows = self.candidate_table.selectionModel().selectedRows()
        return self._assignments[rows[0].row()].candidate_id if rows else None

    def choose_candidate(self, candidate_id: int) -> None:
        """Select a candidate and put the cursor in the first score once it is shown."""
        ids = [item.candidate_id for item in self._assignments]
        if candidate_id in ids:
            self.candidate_table.selectRow(ids.index(candidate_id))
            self._want_focus()

    def choose_next(self, step: int) -> None:
        """Go to the next (``step`` 1) or previous (-1) candidate."""
        ids = [item.candidate_id for item in self._assignments]
        current = self.selected_candidate_id()
        index = ids.index(current) + step if current in ids else 0
        if 0 <= index < len(ids):
            self.choose_candidate(ids[index])

    def _want_focus(self) -> None:
        self._focus_wanted = self.selected_candidate_id()
        if self.detail is not None and self.detail.candidate_id == self._focus_wanted:
            self._focus_first_score()

    def _focus_first_score(self) -> None:
        self._focus_wanted = None
        first = self.sheet.first_editor()
        if first is not None and not first.isReadOnly():
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            first.selectAll()

    # --- the selected candidate -----------------------------------------------------------

    def _leave(self) -> bool:
        """Before another review is shown: keep changed scores as a draft; False if invalid."""
        detail, values, comment = self._editable(), self.sheet.values(), self.sheet.comment()
        if detail is None or (values, comment) == self._shown:
            return True
        if self._refused(draft_problems(detail.rubric, values, comment)):
            return False
        self._store(detail, ReviewStatus.DRAFT)
        return True

    def _candidate_changed(self) -> None:
        if self._leave():
            self._load_detail()
        elif self.detail is not None:  # stay until the marked scores are corrected
            self.candidate_table.blockSignals(True)
            ids = [item.candidate_id for item in self._assignments]
            self.candidate_table.selectRow(ids.index(self.detail.candidate_id))
            self.candidate_table.blockSignals(False)

    def _round_changed(self) -> None:
        self._show_chair_button()
        if self._leave():
            self._load_assignments()
        elif self.detail is not None:
            self.round_combo.blockSignals(True)
            self.round_combo.setCurrentIndex(self.round_combo.findData(self.detail.round_id))
            self.round_combo.blockSignals(False)

    def _load_detail(self) -> None:
        current, candidate_id, ctx = self.current_round(), self.selected_candidate_id(), self._ctx
        self.detail = None
        for button in (self.save_button, self.submit_button, self.recuse_button):
            button.setEnabled(False)  # until the review is shown
        if current is None or candidate_id is None:
            self.detail_stack.setCurrentWidget(self.placeholder)
            return
        ctx.tasks.run(
            lambda: assignment_detail(
                ctx.db, ctx.actor, current.id, candidate_id, today=date.today()
            ),
            self._show_detail,
            lambda error: self._no_detail(candidate_id, error),
        )

    def _show_detail(self, detail: AssignmentDetail) -> None:
        current = self.current_round()
        if current is None or (detail.round_id, detail.candidate_id) != (
            current.id,
            self.selected_candidate_id(),
        ):
            return  # another candidate was chosen meanwhile
        self.detail = detail
        self.name_label.setText(detail.name)
        self.unit_label.setText(detail.nominating_unit)
        self.category_label.setText(detail.category)
        self.summary_view.setPlainText(detail.summary)
        self.deeds_view.setPlainText(detail.deeds)
        self.attachment_list.clear()
        for info in detail.attachments:
            text = f"{kind_label(info.kind, translate)}: {info.file_name}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.attachment_list.addItem(item)
        reason = self._lock_reason(detail, current)
        read_only = bool(reason) or not detail.editable
        self.sheet.set_review(detail.rubric, detail.review, read_only)
        self._shown = (self.sheet.values(), self.sheet.comment())
        set_message(self.lock_label, reason)
        for button in (self.save_button, self.submit_button, self.recuse_button):
            button.setEnabled(not read_only)
        self._set_message("")
        self.detail_stack.setCurrentIndex(1)
        if self._focus_wanted == detail.candidate_id:
            self._focus_first_score()
        self.detail_loaded.emit()

    def _lock_reason(self, detail: AssignmentDetail, current: MyRound) -> str:
        review, today = detail.review, date.today()
        if review.status is ReviewStatus.SUBMITTED:
            return self.tr("Submitted. To change it, ask the chair of the review round.")
        if review.status is ReviewStatus.RECUSED:
            kind = review_label(review.conflict_kind, translate) if review.conflict_kind else ""
            reason = "：".join(text for text in (kind, review.conflict_text) if text)
            return self.tr(
                "You recused yourself ({reason}). To change it, ask the chair of the review round."
            ).format(reason=reason)
        if current.closed:
            return self.tr("This round is closed; reviews can no longer change.")
        if not current.opens_on <= today <= current.closes_on:
            return self.tr(
                "This round accepts reviews from {opens} to {closes}; today is outside that period."
            ).format(opens=current.opens_on.isoformat(), closes=current.closes_on.isoformat())
        if not detail.editable:
            return self.tr("This review cannot be changed (the candidate may have been withdrawn).")
        return ""

    def _no_detail(self, candidate_id: int, error: BaseException) -> None:
        if candidate_id == self.selected_candidate_id():
            self.placeholder.setText(error_text(error))
            self.detail_stack.setCurrentWidget(self.placeholder)

    def _no_list(self, error: BaseException) -> None:
        self.placeholder.setText(error_text(error))
        self.detail_stack.setCurrentWidget(self.placeholder)

    def _open_attachment(self, item: QListWidgetItem) -> None:
        current, ctx = self.current_round(), self._ctx
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        if current is not None:
            ctx.tasks.run(
                lambda: open_assigned_attachment(ctx.db, ctx.actor, current.id, attachment_id),
                self.open_file,
                lambda error: show_error(self, error),
            )

    # --- saving, submitting, recusing -----------------------------------------------------

    def _editable(self) -> AssignmentDetail | None:
        return self.detail if self.detail is not None and self.save_button.isEnabled() else None

    def save_draft(self) -> None:
        """Keep the scores entered so far (暂存); values given must be valid."""
        detail = self._editable()
        values, comment = self.sheet.values(), self.sheet.comment()
        if detail is None or self._refused(draft_problems(detail.rubric, values, comment)):
            return
        self._store(detail, ReviewStatus.DRAFT)

    def submit(self) -> None:
        """Check the review is complete, confirm, and submit it; it is locked from then on."""
        detail = self._editable()
        values, comment = self.sheet.values(), self.sheet.comment()
        if detail is None:
            return
        if self._refused(score_problems(detail.rubric, values) + comment_problems(comment)):
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self,
            self.tr("Submit review"),
            self.tr("Submit your review of {name}? After submitting you cannot change it.").format(
                name=detail.name
            ),
            buttons,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._store(detail, ReviewStatus.SUBMITTED)

    def _refused(self, problems: Sequence[Problem]) -> bool:
        others = self.sheet.show_problems(problems)
        if problems:
            summary = self.tr("Not stored. Correct the entries marked in red.")
            self._set_message("\n".join([summary, *map(problem_text, others)]), error=True)
        return bool(problems)

    def _store(self, detail: AssignmentDetail, status: ReviewStatus) -> None:
        ctx, values, comment = self._ctx, self.sheet.values(), self.sheet.comment()
        write = submit_review if status is ReviewStatus.SUBMITTED else save_review
        ids = (detail.round_id, detail.candidate_id)
        self.save_button.setEnabled(False)
        self.submit_button.setEnabled(False)
        ctx.tasks.run(
            lambda: write(ctx.db, ctx.actor, *ids, values, comment, today=date.today()),
            lambda _: self._stored(detail.candidate_id, status, (values, comment)),
            lambda error: self._store_failed(detail.candidate_id, error),
        )

    def _stored(
        self, candidate_id: int, status: ReviewStatus, kept: tuple[dict[str, Decimal | None], str]
    ) -> None:
        if self._still_shown(candidate_id):
            self._shown = kept
        time = datetime.now().strftime("%H:%M")
        self._set_message(self.tr("Saved at {time}.").format(time=time))
        self.review_stored.emit()
        if status is ReviewStatus.DRAFT:
            self._show_status(candidate_id, status)
        else:
            self._reload()  # the lock, the status and the round's progress

    def _show_status(self, candidate_id: int, status: ReviewStatus) -> None:
        ids = [item.candidate_id for item in self._assignments]
        if candidate_id in ids:
            row = ids.index(candidate_id)
            self._assignments[row] = replace(self._assignments[row], status=status)
            self.candidate_table.setItem(row, 2, QTableWidgetItem(self._status_text(status)))

    def _store_failed(self, candidate_id: int, error: BaseException) -> None:
        if not self._still_shown(candidate_id):
            show_error(self, error)  # kept on leaving; that review is no longer on screen
        elif isinstance(error, ValidationFailed):
            self._refused(error.problems)
        else:
            self._set_message(error_text(error), error=True)

    def _still_shown(self, candidate_id: int) -> bool:
        """Whether the review stored is still on screen; if so its buttons work again."""
        shown = self.detail is not None and self.detail.candidate_id == candidate_id
        self.save_button.setEnabled(shown)
        self.submit_button.setEnabled(shown)
        return shown

    def _set_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else "")
        set_message(self.message_label, text)

    def open_recusal(self) -> None:
        """Open the recusal dialog for the selected candidate (window-modal, not blocking)."""
        detail = self._editable()
        if detail is None:
            return
        dialog = RecusalDialog(self._ctx, detail.round_id, detail.candidate_id, detail.name, self)
        dialog.accepted.connect(self.review_stored.emit)
        dialog.accepted.connect(self._reload)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        self.dialog_opened.emit(dialog)
