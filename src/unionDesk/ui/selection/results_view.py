"""The ranking after a round is closed (评审结果), per-reviewer detail, and the shortlist (拟推荐).

Every figure comes from ``results.program_results`` or ``results.round_results``, which use the
one aggregation of ``domain.scoring``; this view only formats them.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.review import ReviewStatus, review_label
from unionDesk.domain.scoring import Aggregate, Rubric, to_decimal
from unionDesk.domain.workflow import CandidateState, state_label
from unionDesk.i18n import translate
from unionDesk.services.results import (
    ResultRow,
    Results,
    ReviewerScore,
    program_results,
    round_results,
    shortlist,
)
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.selection.forms import (
    DATA_ROLE,
    button_row,
    confirm,
    fit_columns,
    read_only_table,
)
from unionDesk.ui.widgets import error_label, set_message

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def number(value: Fraction | float | None) -> str:
    """A figure rounded half up to two places, or "-" when there is none."""
    return "-" if value is None else str(to_decimal(Fraction(value)))


class ResultsDialog(QDialog):
    """The ranking of a program's closed rounds, or of one round when ``round_id`` is given.

    A chair without the right to view selections opens it with their round's id. An open round
    shows the service's sealed message instead of a ranking.

    Signals:
        loaded(): the results were read again (or the reason they could not be).
    """

    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        program_id: int,
        round_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._program_id, self._round_id = ctx, program_id, round_id
        self.results: Results | None = None
        self.can_shortlist = ctx.actor.may(Permission.EDIT_SELECTION)
        self.setWindowTitle(self.tr("Review results"))
        self._build()
        self.resize(1100, 680)
        self.refresh()

    def _build(self) -> None:
        self.rubric_label = QLabel()
        self.rubric_label.setWordWrap(True)
        self.detail_box = QCheckBox(self.tr("Show each reviewer's scores"))
        self.detail_box.toggled.connect(lambda _on: self.refresh())
        self.ranking_table = read_only_table(self._ranking_headers())
        self.ranking_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.ranking_table.itemSelectionChanged.connect(self._on_selection_changed)
        self.detail_table = read_only_table([])
        self.detail_table.hide()
        self.shortlist_button = QPushButton(self.tr("Shortlist selected…"))
        self.shortlist_button.clicked.connect(lambda: self.shortlist_selected())
        self.shortlist_button.setVisible(self.can_shortlist)
        self.message = error_label()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.ranking_table)
        splitter.addWidget(self.detail_table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = button_row(self.detail_box, None, self.shortlist_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rubric_label)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._update_buttons()

    def _ranking_headers(self) -> list[str]:
        return [
            self.tr("Rank"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Nominating unit"),
            self.tr("State"),
            self.tr("Score"),
            self.tr("Valid / assigned"),
            self.tr("Mean"),
            self.tr("Median"),
            self.tr("Std. deviation"),
            self.tr("Notes"),
        ]

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the results again (with per-reviewer scores when 明细 is ticked)."""
        db, actor, detail = self._ctx.db, self._ctx.actor, self.detail_box.isChecked()
        round_id, program_id = self._round_id, self._program_id
        if round_id is not None:
            work = lambda: round_results(db, actor, round_id, detail=detail)  # noqa: E731
        else:
            work = lambda: program_results(db, actor, program_id, detail=detail)  # noqa: E731
        self._ctx.tasks.run(work, self._show, self._on_failure)

    def _show(self, results: Results) -> None:
        chosen = set(self.selected_ids())
        self.results = results
        set_message(self.message, "" if results.rows else self.tr("No round is closed yet."))
        self.rubric_label.setText(self._rubric_text(results.rubric))
        self.rubric_label.show()
        title = self.tr("Review results: {program}").format(program=results.program_name)
        self.setWindowTitle(title)
        table = self.ranking_table
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(results.rows))
        for row, result in enumerate(results.rows):
            for column, text in enumerate(self._cells(result)):
                item = QTableWidgetItem(text)
                item.setData(DATA_ROLE, result.candidate_id)
                if column in (0, 5, 6, 7, 8, 9):
                    item.setTextAlignment(NUMBER_ALIGNMENT)
                table.setItem(row, column, item)
            if result.candidate_id in chosen:
                table.selectRow(row)
        table.blockSignals(False)
        self._on_selection_changed()
        self.loaded.emit()

    def _cells(self, result: ResultRow) -> list[str]:
        agg = result.aggregate
        return [
            self.rank_text(result),
            result.name,
            result.category,
            result.nominating_unit,
            state_label(result.state, translate),
            self.tr("Below quorum") if agg.insufficient else number(agg.score),
            f"{agg.valid_count}/{agg.reviewers}",
            number(agg.mean),
            number(agg.median),
            number(agg.stdev),
            self._notes(agg),
        ]

    def rank_text(self, result: ResultRow) -> str:
        """The rank, "Tied {rank}" (并列) when shared, empty when not ranked."""
        if result.rank is None:
            return ""
        if result.tied:
            return self.tr("Tied {rank}").format(rank=result.rank)
        return str(result.rank)

    def _notes(self, agg: Aggregate) -> str:
        notes = []
        if agg.disagreement:
            notes.append(self.tr("Wide disagreement"))
        if agg.trimmed:
            notes.append(self.tr("Highest and lowest dropped"))
        return self.tr("; ").join(notes)

    def _rubric_text(self, rubric: Rubric) -> str:
        parts = [
            self.tr("{name} (max {maximum}, weight {weight})").format(
                name=c.name, maximum=c.max_points, weight=c.weight
            )
            for c in rubric.criteria
        ]
        return self.tr("Rubric: {criteria}").format(criteria=self.tr("; ").join(parts))

    def _on_failure(self, error: BaseException) -> None:
        self.results = None
        self.rubric_label.hide()
        self.ranking_table.setRowCount(0)
        self.detail_table.setRowCount(0)
        set_message(self.message, error_text(error))
        self._update_buttons()
        self.loaded.emit()

    # --- selection and detail -------------------------------------------------------------

    def selected_rows(self) -> list[ResultRow]:
        """The result rows selected in the ranking, top first."""
        if self.results is None:
            return []
        rows = sorted(index.row() for index in self.ranking_table.selectionModel().selectedRows())
        return [self.results.rows[row] for row in rows]

    def selected_ids(self) -> list[int]:
        """Candidate ids of the selected rows."""
        return [row.candidate_id for row in self.selected_rows()]

    def _on_selection_changed(self) -> None:
        self._update_buttons()
        self._show_detail()

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        scored = bool(rows) and all(r.state is CandidateState.SCORED for r in rows)
        self.shortlist_button.setEnabled(self.can_shortlist and scored)

    def _show_detail(self) -> None:
        table = self.detail_table
        table.setVisible(self.detail_box.isChecked())
        if self.results is None:
            table.setRowCount(0)
            return
        rows = self.selected_rows() or list(self.results.rows)
        criteria = self.results.rubric.criteria
        headers = [self.tr("Candidate"), self.tr("Reviewer"), self.tr("Status")]
        headers += [c.name for c in criteria]
        headers += [self.tr("Total"), self.tr("Comment"), self.tr("Recusal reason")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        fit_columns(table, len(headers) - 2)  # the comment
        reviews = [(row.name, review) for row in rows for review in row.reviews]
        table.setRowCount(len(reviews))
        for line, (name, review) in enumerate(reviews):
            values = [str(review.values.get(c.key, "")) for c in criteria]
            texts = [name, review.reviewer, self._status(review.status), *values]
            texts += [number(review.total), review.comment, self._recusal(review)]
            for column, text in enumerate(texts):
                table.setItem(line, column, QTableWidgetItem(text))

    def _status(self, status: ReviewStatus | None) -> str:
        return self.tr("Not started") if status is None else review_label(status, translate)

    def _recusal(self, review: ReviewerScore) -> str:
        if review.conflict_kind is None:
            return ""
        kind = review_label(review.conflict_kind, translate)
        return f"{kind}：{review.conflict_text}" if review.conflict_text else kind

    # --- shortlist ------------------------------------------------------------------------

    def shortlist_selected(self) -> None:
        """Move the selected scored candidates to 拟推荐, after confirmation."""
        rows = self.selected_rows()
        if not self.shortlist_button.isEnabled() or not rows:
            return
        names = self.tr(", ").join(row.name for row in rows)
        text = self.tr("Shortlist {count} candidate(s): {names}?").format(
            count=len(rows), names=names
        )
        if not confirm(self, self.tr("Shortlist"), text):
            return
        db, actor, ids = self._ctx.db, self._ctx.actor, [row.candidate_id for row in rows]
        self._ctx.tasks.run(
            lambda: shortlist(db, actor, ids),
            lambda _: self.refresh(),
            lambda error: set_message(self.message, error_text(error)),
        )
