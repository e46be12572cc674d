"""Review rounds of a program (评审轮次): set-up, progress by status, reopening, closing.

The progress grid says who has finished, never what anyone scored: ``round_progress`` returns
statuses only, and scores stay sealed until the round is closed (DESIGN.md 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Actor, Permission, Role
from unionDesk.domain.review import ReviewStatus, review_label
from unionDesk.domain.workflow import CandidateState
from unionDesk.i18n import translate
from unionDesk.services.candidates import CandidateRow, list_candidates
from unionDesk.services.database import Database
from unionDesk.services.reviews import my_rounds
from unionDesk.services.round_lookup import ReviewProgress
from unionDesk.services.rounds import (
    CommitteeAccount,
    RoundDraft,
    close_round,
    committee_accounts,
    create_round,
    list_rounds,
    reopen_review,
    round_progress,
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
from unionDesk.ui.selection.results_view import ResultsDialog
from unionDesk.ui.widgets import date_edit, error_label, set_message, to_qdate

UNFINISHED = (None, ReviewStatus.DRAFT)
DEFAULT_ROUND_DAYS = 14


@dataclass(frozen=True)
class RoundLine:
    """One round as the list shows it.

    Attributes:
        chaired: the acting user chairs the round. Only rounds found through ``my_rounds``
            set it: the users who may list every round (officers, viewers) can never chair
            one, and administrators may reopen and close without chairing.
    """

    id: int
    name: str
    opens_on: date
    closes_on: date
    chair: str
    finished: int
    expected: int
    closed: bool
    chaired: bool


def load_rounds(db: Database, actor: Actor, program_id: int) -> list[RoundLine]:
    """The program's rounds; for a chair without selection rights, the rounds they chair."""
    if actor.may(Permission.VIEW_SELECTION):
        return [
            RoundLine(
                r.id,
                r.name,
                r.opens_on,
                r.closes_on,
                r.chair,
                r.finished,
                r.expected,
                r.closed,
                chaired=actor.user_id is not None and r.chair_user_id == actor.user_id,
            )
            for r in list_rounds(db, actor, program_id)
        ]
    lines = []
    for mine in my_rounds(db, actor):
        if not mine.chaired or mine.program_id != program_id:
            continue
        pairs = round_progress(db, actor, mine.id)
        finished = sum(p.status not in UNFINISHED for p in pairs)
        lines.append(
            RoundLine(
                mine.id,
                mine.name,
                mine.opens_on,
                mine.closes_on,
                actor.username,
                finished,
                len(pairs),
                mine.closed,
                chaired=True,
            )
        )
    return lines


class RoundsDialog(QDialog):
    """The rounds of a program with the progress of the selected one.

    Signals:
        loaded(): the round list was read again.
        progress_loaded(): the progress grid shows the selected round.
        dialog_opened(QDialog): a sub-dialog was opened (window-modal, not blocking).
    """

    loaded = Signal()
    progress_loaded = Signal()
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, program_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._program_id = ctx, program_id
        self._lines: list[RoundLine] = []
        self._progress: list[ReviewProgress] = []
        self.setWindowTitle(self.tr("Review rounds"))
        self._build()
        self.resize(900, 620)
        self.refresh()

    def _build(self) -> None:
        headers = [self.tr("Round"), self.tr("Period"), self.tr("Chair"), self.tr("Finished")]
        self.rounds_table = read_only_table([*headers, self.tr("Status")], stretch=0)
        self.rounds_table.itemSelectionChanged.connect(self._on_round_changed)
        self.new_button = QPushButton(self.tr("New round…"))
        self.close_round_button = QPushButton(self.tr("Close round…"))
        self.results_button = QPushButton(self.tr("Results…"))
        self.reopen_button = QPushButton(self.tr("Reopen review…"))
        self.progress_table = QTableWidget()
        self.progress_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.progress_table.itemSelectionChanged.connect(self._update_buttons)
        self.message = error_label()
        self.new_button.setEnabled(self._ctx.actor.may(Permission.EDIT_SELECTION))
        for button, action in (
            (self.new_button, self.new_round),
            (self.close_round_button, self.close_selected_round),
            (self.results_button, self.show_results),
            (self.reopen_button, self.reopen_selected_review),
        ):
            button.clicked.connect(lambda _checked=False, act=action: act())
        layout = QVBoxLayout(self)
        layout.addWidget(self.rounds_table, 2)
        layout.addLayout(
            button_row(self.new_button, None, self.results_button, self.close_round_button)
        )
        progress_box = QGroupBox(self.tr("Progress (status only; scores stay sealed)"))
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addWidget(self.progress_table)
        progress_layout.addLayout(button_row(None, self.reopen_button))
        layout.addWidget(progress_box, 3)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the rounds again, keeping the selected one."""
        db, actor, program_id = self._ctx.db, self._ctx.actor, self._program_id
        self._ctx.tasks.run(
            lambda: load_rounds(db, actor, program_id), self._show_rounds, self._on_failure
        )

    def _show_rounds(self, lines: list[RoundLine]) -> None:
        kept = self.selected_round()
        self._lines = lines
        table = self.rounds_table
        table.blockSignals(True)
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            status = self.tr("Closed") if line.closed else self.tr("Open")
            texts = (
                line.name,
                f"{line.opens_on} – {line.closes_on}",
                line.chair or "-",
                f"{line.finished}/{line.expected}",
                status,
            )
            for column, text in enumerate(texts):
                table.setItem(row, column, cell(text, line.id))
        ids = [line.id for line in lines]
        if lines:
            table.selectRow(ids.index(kept.id) if kept and kept.id in ids else 0)
        table.blockSignals(False)
        self._on_round_changed()
        self.loaded.emit()

    def selected_round(self) -> RoundLine | None:
        """The round selected in the list, if any."""
        rows = self.rounds_table.selectionModel().selectedRows()
        return self._lines[rows[0].row()] if rows and rows[0].row() < len(self._lines) else None

    def _on_round_changed(self) -> None:
        self._progress = []
        self._show_progress(None, [])
        line = self.selected_round()
        if line is not None:
            db, actor = self._ctx.db, self._ctx.actor
            self._ctx.tasks.run(
                lambda: round_progress(db, actor, line.id),
                lambda pairs: self._show_progress(line.id, pairs),
                self._on_failure,
            )

    def _show_progress(self, round_id: int | None, pairs: list[ReviewProgress]) -> None:
        line = self.selected_round()
        if round_id is not None and (line is None or line.id != round_id):
            return  # another round was selected meanwhile
        self._progress = pairs
        reviewers = list(dict.fromkeys((p.reviewer_id, p.reviewer) for p in pairs))
        candidates = list(dict.fromkeys((p.candidate_id, p.candidate) for p in pairs))
        table = self.progress_table
        table.clear()
        table.setRowCount(len(reviewers))
        table.setColumnCount(len(candidates))
        table.setVerticalHeaderLabels([name for _, name in reviewers])
        table.setHorizontalHeaderLabels([name for _, name in candidates])
        rows = {rid: n for n, (rid, _) in enumerate(reviewers)}
        columns = {cid: n for n, (cid, _) in enumerate(candidates)}
        for pair in pairs:
            table.setItem(
                rows[pair.reviewer_id],
                columns[pair.candidate_id],
                cell(self.status_text(pair.status), pair),
            )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._update_buttons()
        if round_id is not None:
            self.progress_loaded.emit()

    def status_text(self, status: ReviewStatus | None) -> str:
        """The label of a review status; "Not started" for a review not begun."""
        return self.tr("Not started") if status is None else review_label(status, translate)

    def selected_review(self) -> ReviewProgress | None:
        """The (reviewer, candidate) pair selected in the progress grid, if any."""
        items = self.progress_table.selectedItems()
        return items[0].data(DATA_ROLE) if items else None

    def _update_buttons(self) -> None:
        line, pair, actor = self.selected_round(), self.selected_review(), self._ctx.actor
        is_open = line is not None and not line.closed
        may_run = line is not None and (actor.may(Permission.EDIT_SELECTION) or line.chaired)
        may_reopen = line is not None and (actor.role is Role.ADMIN or line.chaired)
        locked = pair is not None and pair.status is not None and pair.status.locked
        self.close_round_button.setEnabled(is_open and may_run)
        self.results_button.setEnabled(line is not None and line.closed)
        self.reopen_button.setEnabled(is_open and may_reopen and locked)
        hint = "" if may_reopen else self.tr("Only the chair of the round may reopen.")
        self.reopen_button.setToolTip(hint)

    # --- actions --------------------------------------------------------------------------

    def new_round(self) -> NewRoundDialog | None:
        """Open the form for a new round of this program."""
        if not self._ctx.actor.may(Permission.EDIT_SELECTION):
            return None
        dialog = NewRoundDialog(self._ctx, self._program_id, self)
        dialog.accepted.connect(self.refresh)
        self._open(dialog)
        return dialog

    def show_results(self) -> ResultsDialog | None:
        """Open the ranking of the selected closed round."""
        line = self.selected_round()
        if line is None or not line.closed:
            return None
        dialog = ResultsDialog(self._ctx, self._program_id, line.id, self)
        self._open(dialog)
        return dialog

    def reopen_selected_review(self) -> None:
        """Reopen the selected submitted review, with a reason (the chair or an admin)."""
        pair = self.selected_review()
        if pair is None or pair.review_id is None or not self.reopen_button.isEnabled():
            return
        prompt = self.tr("Why is the review of {reviewer} on {candidate} reopened?").format(
            reviewer=pair.reviewer, candidate=pair.candidate
        )
        reason, ok = QInputDialog.getText(self, self.tr("Reopen review"), prompt)
        if ok:
            review_id, actor = pair.review_id, self._ctx.actor
            self._change(lambda db: reopen_review(db, actor, review_id, reason))

    def close_selected_round(self) -> None:
        """Close the selected round after confirmation, naming unfinished reviews if any."""
        line = self.selected_round()
        if line is None or not self.close_round_button.isEnabled():
            return
        unfinished = sum(p.status in UNFINISHED for p in self._progress)
        if unfinished:
            text = self.tr(
                "{count} reviews of “{round}” are not submitted. Close the round anyway? "
                "Unsubmitted scores do not count."
            ).format(count=unfinished, round=line.name)
        else:
            text = self.tr(
                "Close “{round}”? The reviews can no longer change, and the results become visible."
            ).format(round=line.name)
        if confirm(self, self.tr("Close round"), text):
            round_id, actor, allow = line.id, self._ctx.actor, unfinished > 0
            self._change(lambda db: close_round(db, actor, round_id, allow_unfinished=allow))

    def _change(self, work: Work) -> None:
        db = self._ctx.db
        set_message(self.message, "")
        self._ctx.tasks.run(lambda: work(db), lambda _: self.refresh(), self._on_failure)

    def _open(self, dialog: QDialog) -> None:
        open_window_modal(self._ctx, dialog)
        self.dialog_opened.emit(dialog)

    def _on_failure(self, error: BaseException) -> None:
        set_message(self.message, error_text(error))


class NewRoundDialog(ServiceForm):
    """The form for a new round: name, dates, chair, reviewers, candidates and quorum.

    Signals:
        loaded(): the user accounts and eligible candidates are listed.
    """

    loaded = Signal()

    def __init__(self, ctx: AppContext, program_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        self._program_id = program_id
        self.setWindowTitle(self.tr("New review round"))
        self.name_edit = QLineEdit()
        self.opens_edit = date_edit(to_qdate(date.today()))
        self.closes_edit = date_edit(to_qdate(date.today() + timedelta(days=DEFAULT_ROUND_DAYS)))
        self.chair_combo = QComboBox()
        self.reviewer_list, self.candidate_list = QListWidget(), QListWidget()
        self.quorum_edit = QLineEdit()
        self.quorum_edit.setPlaceholderText(self.tr("Empty: the program's quorum; or e.g. 3/4"))
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field("opens_on", self.tr("Opens on"), self.opens_edit)
        self.add_field("closes_on", self.tr("Closes on"), self.closes_edit)
        self.add_field("chair_user_id", self.tr("Chair"), self.chair_combo)
        self.add_field("reviewer_ids", self.tr("Reviewers"), self.reviewer_list)
        self.add_field("candidate_ids", self.tr("Candidates (eligible)"), self.candidate_list)
        self.add_field("quorum", self.tr("Quorum"), self.quorum_edit)
        self.resize(520, 640)
        self._load()

    def _load(self) -> None:
        db, actor, program_id = self._ctx.db, self._ctx.actor, self._program_id
        self._ctx.tasks.run(
            lambda: (committee_accounts(db, actor), list_candidates(db, actor, program_id)),
            self._fill,
            self.show_failure,
        )

    def _fill(self, loaded: tuple[list[CommitteeAccount], list[CandidateRow]]) -> None:
        users, candidates = loaded
        self.chair_combo.addItem(self.tr("(no chair)"), None)
        for user in users:
            self.chair_combo.addItem(_user_text(user), user.id)
        for user in users:
            if user.role is Role.REVIEWER:
                self.reviewer_list.addItem(_checkable(_user_text(user), user.id))
        for candidate in candidates:
            if candidate.state is CandidateState.ELIGIBLE:
                text = f"{candidate.name}（{candidate.category}，{candidate.nominating_unit}）"
                self.candidate_list.addItem(_checkable(text, candidate.id))
        self.loaded.emit()

    def draft(self) -> RoundDraft:
        """The round as entered, not yet checked.

        Raises:
            ValueError: the quorum is not a number.
        """
        return RoundDraft(
            program_id=self._program_id,
            name=self.name_edit.text(),
            opens_on=picked_date(self.opens_edit),
            closes_on=picked_date(self.closes_edit),
            chair_user_id=self.chair_combo.currentData(),
            reviewer_ids=_checked(self.reviewer_list),
            candidate_ids=_checked(self.candidate_list),
            quorum=parse_quorum(self.quorum_edit.text()),
        )

    def save(self) -> None:
        """Create the round, unless the quorum cannot be read."""
        try:
            self.draft()
        except (ValueError, ZeroDivisionError):
            text = self.tr(
                "Enter the quorum as a fraction such as 2/3, or as a percentage such as 75%."
            )
            self.show_problems({"quorum": [text]})
            return
        super().save()

    def work(self) -> Work:
        """``create_round`` with the values entered."""
        draft, actor = self.draft(), self._ctx.actor
        return lambda db: create_round(db, actor, draft)


def parse_quorum(text: str) -> Fraction | None:
    """A quorum typed as 2/3, 0.75 or 75%; None when left empty (the program's quorum).

    Raises:
        ValueError: the text is not a number (the service checks the range).
    """
    text = text.strip().replace("％", "%")
    if not text:
        return None
    if text.endswith("%"):
        return Fraction(text[:-1].strip()) / 100
    return Fraction(text)


def _user_text(user: CommitteeAccount) -> str:
    return f"{user.display_name} ({user.username})" if user.display_name else user.username


def _checkable(text: str, data: int) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(DATA_ROLE, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    return item


def _checked(items: QListWidget) -> tuple[int, ...]:
    return tuple(
        items.item(n).data(DATA_ROLE)
        for n in range(items.count())
        if items.item(n).checkState() == Qt.CheckState.Checked
    )
