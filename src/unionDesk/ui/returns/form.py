"""The returns page's form: which return, for which period, and the filters or subject it needs.

Only the pickers the chosen return uses are shown. Their choices are read on the database worker
when a return first needs them, and again each time the page is shown (a department or program
may have been added meanwhile); the form itself never touches the database.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.enums import MemberStatus, label
from unionDesk.domain.periods import FIRST_YEAR, LAST_YEAR, Period, quarter_of
from unionDesk.domain.workflow import CandidateState
from unionDesk.i18n import translate
from unionDesk.services.candidates import CandidateRow, list_candidates
from unionDesk.services.competitions import CompetitionRow, list_competitions
from unionDesk.services.database import Database
from unionDesk.services.departments import all_departments, display_paths
from unionDesk.services.programs import ProgramRow, list_programs
from unionDesk.services.returns import ReturnRequest, ReturnType
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.widgets import error_label, set_message

# The pickers each return type uses, by name; every other picker is hidden.
PICKERS: dict[ReturnType, tuple[str, ...]] = {
    ReturnType.ROSTER: ("department", "status"),
    ReturnType.NOMINATION: ("program", "candidate"),
    ReturnType.REVIEW_RESULTS: ("program",),
    ReturnType.COMPETITION: ("competition",),
}
# The picker whose choice is the request's ``subject_id``.
SUBJECT_PICKER = {
    ReturnType.NOMINATION: "candidate",
    ReturnType.REVIEW_RESULTS: "program",
    ReturnType.COMPETITION: "competition",
}
# The pickers whose choices are read from the database (the candidates follow the program).
READ_PICKERS = ("department", "program", "competition")
Choices = list[tuple[str, int]]


def department_choices(db: Database) -> Choices:
    """(path, id) of every department in tree order, as the roster prints the path."""
    nodes = all_departments(db)
    paths = display_paths(nodes)
    return [(paths[node.id], node.id) for node in nodes]


class ReturnForm(QWidget):
    """Chooses a return type, its period and what it is about; asks for a preview.

    Signals:
        generate_requested(object): the user asked to generate this ``ReturnRequest``.
        choices_loaded(str): the choices of a picker ("department", "program" …) arrived.
    """

    generate_requested = Signal(object)
    choices_loaded = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._requested: set[str] = set()  # pickers whose choices were asked for
        self._candidates_of: int | None = None  # the program whose candidates are listed
        self._create_fields()
        self._build()
        self._connect()
        self._show_pickers()

    # --- fields ---------------------------------------------------------------------------

    def _kind_labels(self) -> dict[ReturnType, str]:
        return {
            ReturnType.ROSTER: self.tr("Member roster"),
            ReturnType.SUMMARY: self.tr("Union work statistics"),
            ReturnType.NOMINATION: self.tr("Candidate nomination form"),
            ReturnType.REVIEW_RESULTS: self.tr("Review results summary"),
            ReturnType.COMPETITION: self.tr("Competition results and certificates"),
            ReturnType.CULTURE: self.tr("Culture activity statistics"),
        }

    def _create_fields(self) -> None:
        self.kind_combo = QComboBox()
        for kind, text in self._kind_labels().items():
            self.kind_combo.addItem(text, kind.value)
        current = quarter_of(date.today())
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setValue(current.year)
        self.quarter_combo = QComboBox()
        quarters = (
            self.tr("Whole year"),
            self.tr("First quarter"),
            self.tr("Second quarter"),
            self.tr("Third quarter"),
            self.tr("Fourth quarter"),
        )
        for quarter, text in enumerate(quarters):
            self.quarter_combo.addItem(text, quarter or None)
        self.quarter_combo.setCurrentIndex(current.quarter or 0)
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("All departments"), None)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in MemberStatus:
            self.status_combo.addItem(label(status, translate), status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(MemberStatus.ACTIVE.value))
        self.program_combo = self._subject_combo(self.tr("No selection program yet"))
        self.candidate_combo = self._subject_combo(self.tr("No candidate in this program"))
        self.competition_combo = self._subject_combo(self.tr("No competition yet"))
        self.full_ids_check: QCheckBox | None = None
        if self._ctx.actor.may(Permission.UNMASK):
            self.full_ids_check = QCheckBox(self.tr("Print full ID numbers"))
            self.full_ids_check.setToolTip(
                self.tr(
                    "Unticked, ID numbers are printed masked. Printing them in full is "
                    "recorded in the audit log."
                )
            )
        self.generate_button = QPushButton(self.tr("Generate preview"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label()

    def _subject_combo(self, empty_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setPlaceholderText(empty_text)  # shown while there is nothing to choose
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        return combo

    @property
    def pickers(self) -> dict[str, QComboBox]:
        """The pickers by name: department, status, program, candidate, competition."""
        return {
            "department": self.department_combo,
            "status": self.status_combo,
            "program": self.program_combo,
            "candidate": self.candidate_combo,
            "competition": self.competition_combo,
        }

    def _build(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.year_spin)
        period.addWidget(self.quarter_combo, 1)
        self._form = QFormLayout()
        self._form.addRow(self.tr("Return"), self.kind_combo)
        self._form.addRow(self.tr("Period"), period)
        self._form.addRow(self.tr("Department"), self.department_combo)
        self._form.addRow(self.tr("Member status"), self.status_combo)
        self._form.addRow(self.tr("Selection program"), self.program_combo)
        self._form.addRow(self.tr("Candidate"), self.candidate_combo)
        self._form.addRow(self.tr("Competition"), self.competition_combo)
        if self.full_ids_check is not None:
            self._form.addRow("", self.full_ids_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.generate_button)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.program_combo.currentIndexChanged.connect(lambda _i: self._list_candidates())
        self.generate_button.clicked.connect(lambda: self.request_generation())

    # --- what is asked for ----------------------------------------------------------------

    def kind(self) -> ReturnType:
        """The return type chosen."""
        return ReturnType(self.kind_combo.currentData())

    def set_kind(self, kind: ReturnType) -> None:
        """Choose the return type ``kind``."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def request(self) -> ReturnRequest | None:
        """The request the form describes; None, with a message, when its subject is missing."""
        kind = self.kind()
        picker = SUBJECT_PICKER.get(kind)
        subject = self.pickers[picker].currentData() if picker else None
        if picker and subject is None:
            set_message(self.error_label, self._missing_subject_text(kind))
            return None
        set_message(self.error_label, "")
        roster = kind is ReturnType.ROSTER
        return ReturnRequest(
            kind,
            Period(self.year_spin.value(), self.quarter_combo.currentData()),
            full_ids=self.full_ids_check is not None and self.full_ids_check.isChecked(),
            department_id=self.department_combo.currentData() if roster else None,
            status=self.status_combo.currentData() if roster else None,
            subject_id=subject,
        )

    def _missing_subject_text(self, kind: ReturnType) -> str:
        if kind is ReturnType.NOMINATION:
            return self.tr("Choose the candidate whose nomination form to make.")
        if kind is ReturnType.REVIEW_RESULTS:
            return self.tr("Choose the selection program whose review results to summarise.")
        return self.tr("Choose the competition whose results to print.")

    def request_generation(self) -> None:
        """Ask for a preview of the request the form describes (if it is complete)."""
        request = self.request()
        if request is not None:
            self.generate_requested.emit(request)

    def set_busy(self, busy: bool, status: str = "") -> None:
        """Disable generating while a return is being made, and say what is happening."""
        self.generate_button.setEnabled(not busy)
        self.status_label.setText(status)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter generates the preview, as it accepts a dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.generate_button.isEnabled():
                self.request_generation()
            return
        super().keyPressEvent(event)

    # --- choices --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Read the choices again: they may have changed on another page since."""
        super().showEvent(event)
        self._requested.clear()
        self._candidates_of = None
        self._load_choices()

    def _kind_changed(self) -> None:
        self._show_pickers()
        set_message(self.error_label, "")
        self._load_choices()

    def _show_pickers(self) -> None:
        needed = PICKERS.get(self.kind(), ())
        for name, combo in self.pickers.items():
            self._form.setRowVisible(combo, name in needed)

    def _load_choices(self) -> None:
        """Ask the worker for the choices of the shown pickers that were not read yet."""
        for name in PICKERS.get(self.kind(), ()):
            if name in READ_PICKERS and name not in self._requested:
                self._requested.add(name)
                self._read_choices(name)
        self._list_candidates()

    def _read_choices(self, name: str) -> None:
        db, actor, run = self._ctx.db, self._ctx.actor, self._ctx.tasks.run
        if name == "department":
            run(lambda: department_choices(db), self._fill_departments, self._on_failure)
        elif name == "program":
            run(lambda: list_programs(db, actor), self._fill_programs, self._on_failure)
        else:
            run(lambda: list_competitions(db, actor), self._fill_competitions, self._on_failure)

    def _fill_departments(self, choices: Choices) -> None:
        _fill(self.department_combo, choices, keep_first=True)
        self.choices_loaded.emit("department")

    def _fill_programs(self, rows: list[ProgramRow]) -> None:
        choices = [
            (row.name if str(row.year) in row.name else f"{row.name}（{row.year}）", row.id)
            for row in rows
        ]
        _fill(self.program_combo, choices)
        self.choices_loaded.emit("program")
        self._list_candidates()

    def _fill_competitions(self, rows: list[CompetitionRow]) -> None:
        choices = [(f"{row.name}（{row.starts_on.isoformat()}）", row.id) for row in rows]
        _fill(self.competition_combo, choices)
        self.choices_loaded.emit("competition")

    def _list_candidates(self) -> None:
        """Read the chosen program's candidates, when the nomination form needs them."""
        program_id = self.program_combo.currentData()
        if self.kind() is not ReturnType.NOMINATION or program_id == self._candidates_of:
            return
        self._candidates_of = program_id
        if program_id is None:
            _fill(self.candidate_combo, [])
            return
        db, actor = self._ctx.db, self._ctx.actor
        self._ctx.tasks.run(
            lambda: list_candidates(db, actor, program_id),
            lambda rows: self._fill_candidates(program_id, rows),
            self._on_failure,
        )

    def _fill_candidates(self, program_id: int, rows: list[CandidateRow]) -> None:
        if program_id != self._candidates_of:
            return  # another program was chosen meanwhile; its candidates are on their way
        choices = [
            (f"{row.name}（{row.department}）" if row.department else row.name, row.id)
            for row in rows
            if row.state is not CandidateState.WITHDRAWN
        ]
        _fill(self.candidate_combo, choices)
        self.choices_loaded.emit("candidate")

    def _on_failure(self, error: BaseException) -> None:
        show_error(self, error)


def _fill(combo: QComboBox, choices: Choices, *, keep_first: bool = False) -> None:
    """Replace the choices of ``combo``, keeping the one chosen if it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > (1 if keep_first else 0):
        combo.removeItem(combo.count() - 1)
    for text, value in choices:
        combo.addItem(text, value)
    index = combo.findData(chosen) if chosen is not None else -1
    combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))
    combo.blockSignals(False)
