"""The award program form (评选项目): every field of ``ProgramDraft``, with errors beside them.

Opened on a copy of a preset, on a blank program or on a stored one. A refused save keeps every
typed value; problems of nested rules (``"rubric.criteria.0.max_points"``) are shown beside the
table or field that holds them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.eligibility import (
    HIGHEST_RULE_AGE,
    LOWEST_RULE_AGE,
    MAX_SAME_TITLE_YEARS,
    MAX_SERVICE_YEARS,
    EligibilityRules,
)
from unionDesk.domain.enums import SkillLevel, label
from unionDesk.domain.honours import HonourLevel, level_label
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed
from unionDesk.domain.quota import QuotaBound, QuotaRule
from unionDesk.domain.scoring import DEFAULT_DISAGREEMENT_SD, Criterion, Rubric
from unionDesk.i18n import translate
from unionDesk.services.database import Database
from unionDesk.services.programs import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_PUBLICITY_DAYS,
    MIN_PUBLICITY_DAYS,
    ProgramDraft,
    create_program,
    update_program,
)
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.selection.program_tables import (
    QuotaTable,
    RubricTable,
    decimal_spin,
    to_decimal,
    whole_spin,
)
from unionDesk.ui.widgets import OptionalDateEdit, error_label, grow_to_fit, set_message

ERROR = QColor("#b3261e")  # the colour of widgets.ERROR_STYLE, for tabs holding a problem
BAD_QUORUM = QT_TRANSLATE_NOOP(
    "ProgramDialog", "Enter the quorum as a fraction such as 2/3, or as a percentage such as 67%."
)


def blank_draft() -> ProgramDraft:
    """An empty program for this year, with the default quorum and publicity length."""
    rules, rubric = EligibilityRules(), Rubric(())
    return ProgramDraft("", "", date.today().year, (), (), rules, rubric, None, None)


def parse_quorum(text: str) -> Fraction | None:
    """``"2/3"``, ``"0.75"`` or ``"67%"`` as a fraction; None when it is not a number."""
    text = text.strip().replace("％", "%")
    try:
        if text.endswith("%"):
            return Fraction(text[:-1].strip()) / 100
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


class ProgramDialog(QDialog):
    """Create a program (``program_id`` None) from ``draft`` or edit program ``program_id``.

    ``saved_program_id`` is set once the program is stored. Users without the selection edit
    permission get the form read-only.
    """

    def __init__(
        self,
        ctx: AppContext,
        draft: ProgramDraft | None = None,
        program_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._program_id = program_id
        self.can_edit = ctx.actor.may(Permission.EDIT_SELECTION)
        self.saved_program_id: int | None = None
        self._create_fields()
        self._errors: dict[str, QLabel] = {}
        self._error_tab: dict[str, int] = {}
        self.summary_label = error_label()
        self._build()
        self.load(draft or blank_draft())
        title = self.tr("Edit award program") if program_id else self.tr("New award program")
        self.setWindowTitle(title)
        if not self.can_edit:
            self._make_read_only()

    # --- fields ---------------------------------------------------------------------------

    def _create_fields(self) -> None:
        no_limit = self.tr("No limit")
        self.skill_combo = QComboBox()
        self.skill_combo.addItem(no_limit, None)
        for level in list(SkillLevel)[1:]:
            self.skill_combo.addItem(label(level, translate), level.value)
        self.honour_level_combo = QComboBox()
        self.honour_level_combo.addItem(self.tr("Not required"), None)
        for honour_level in HonourLevel:
            self.honour_level_combo.addItem(
                level_label(honour_level, translate), honour_level.value
            )
        years = self.tr(" years")
        self.service_spin = whole_spin(0, MAX_SERVICE_YEARS, no_limit, years)
        self.min_age_spin = whole_spin(LOWEST_RULE_AGE - 1, HIGHEST_RULE_AGE, no_limit, years)
        self.max_age_spin = whole_spin(LOWEST_RULE_AGE - 1, HIGHEST_RULE_AGE, no_limit, years)
        self.same_title_spin = whole_spin(0, MAX_SAME_TITLE_YEARS, no_limit, years)
        self.name_edit, self.required_title_edit = QLineEdit(), QLineEdit()
        self.year_spin = whole_spin(FIRST_YEAR, LAST_YEAR)
        self.honour_title_edit = QLineEdit()
        self.nomination_deadline_edit, self.review_deadline_edit = (
            OptionalDateEdit(),
            OptionalDateEdit(),
        )
        self.publicity_spin = whole_spin(
            MIN_PUBLICITY_DAYS, MAX_PUBLICITY_DAYS, suffix=self.tr(" working days")
        )
        self.quorum_edit = QLineEdit()
        self.quorum_edit.setPlaceholderText(self.tr("for example 2/3 or 67%"))
        self.disagreement_spin = decimal_spin(DEFAULT_DISAGREEMENT_SD, 0.1, 100)
        self.disagreement_spin.setSuffix(self.tr(" points"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.category_list = QListWidget()
        self.category_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.quota_table = QuotaTable(
            [self.tr("Category"), self.tr("Bound"), self.tr("Share")],
            [(self.tr("at least"), QuotaBound.AT_LEAST), (self.tr("at most"), QuotaBound.AT_MOST)],
        )
        captions = [self.tr("Criterion"), self.tr("Code"), self.tr("Max points"), self.tr("Weight")]
        self.rubric_table = RubricTable(captions)
        self.weight_sum_label = QLabel()
        self.rubric_table.criteria_changed.connect(self._update_weight_sum)

    def error_label(self, key: str) -> QLabel:
        """The label showing problems whose field key is ``key`` or starts with ``key.``."""
        return self._errors[key]

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget()
        for title, build_page in (
            (self.tr("Program"), self._program_page),
            (self.tr("Eligibility and quotas"), self._rules_page),
            (self.tr("Scoring and publicity"), self._scoring_page),
        ):
            self.tabs.addTab(build_page(), title)  # the page's errors note its tab's index
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 620)

    def _row(self, form: QFormLayout, caption: str, key: str, field: QWidget) -> None:
        """A caption, its field and the field's error label below it."""
        self._errors[key] = error_label()
        self._error_tab[key] = self.tabs.count()
        form.addRow(caption, field)
        form.addRow("", self._errors[key])

    def _program_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._row(form, self.tr("Name"), "name", self.name_edit)
        self._row(form, self.tr("Title awarded"), "honour_title", self.honour_title_edit)
        self._row(form, self.tr("Year"), "year", self.year_spin)
        categories = self._with_buttons(
            self.category_list,
            self.add_category,
            self.tr("Add category"),
            self.tr("Remove category"),
        )
        categories.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._row(form, self.tr("Categories"), "categories", categories)
        self._row(
            form,
            self.tr("Nomination deadline"),
            "nomination_deadline",
            self.nomination_deadline_edit,
        )
        self._row(form, self.tr("Review deadline"), "review_deadline", self.review_deadline_edit)
        self._row(form, self.tr("Notes"), "notes", self.notes_edit)
        self.category_list.itemChanged.connect(self._category_renamed)
        return page

    def _rules_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        rows = (
            (self.tr("Minimum skill level"), "min_skill_level", self.skill_combo),
            (self.tr("Minimum years of service"), "min_years_of_service", self.service_spin),
            (self.tr("Minimum age"), "min_age", self.min_age_spin),
            (self.tr("Maximum age"), "max_age", self.max_age_spin),
            (self.tr("Same title not within"), "same_title_within_years", self.same_title_spin),
            (self.tr("Prior honour of level"), "required_honour_level", self.honour_level_combo),
            (
                self.tr("Prior honour title contains"),
                "required_honour_title",
                self.required_title_edit,
            ),
        )
        for caption, key, field in rows:
            self._row(form, caption, f"eligibility.{key}", field)
        quotas = self._with_buttons(
            self.quota_table, self.add_quota_row, self.tr("Add quota"), self.tr("Remove quota")
        )
        self._row(form, self.tr("Quotas of the shortlist"), "quota_rules", quotas)
        return page

    def _scoring_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        rubric = self._with_buttons(
            self.rubric_table,
            self.add_rubric_row,
            self.tr("Add criterion"),
            self.tr("Remove criterion"),
        )
        rubric.layout().addWidget(self.weight_sum_label)  # type: ignore[union-attr]
        self._row(form, self.tr("Scoring rubric"), "rubric", rubric)
        self._row(form, self.tr("Quorum"), "quorum", self.quorum_edit)
        self._row(form, self.tr("Disagreement above"), "disagreement_sd", self.disagreement_spin)
        self._row(form, self.tr("Publicity"), "publicity_days", self.publicity_spin)
        self.disagreement_spin.setToolTip(
            self.tr("A standard deviation of the reviewers' totals above this is flagged.")
        )
        return page

    def _with_buttons(
        self, view: QAbstractItemView, adder: Callable[[], None], add: str, remove: str
    ) -> QWidget:
        """``view`` with an add and a remove button below it."""
        box = QWidget()
        add_button, remove_button = QPushButton(add), QPushButton(remove)
        add_button.clicked.connect(lambda: adder())
        remove_button.clicked.connect(lambda: self._remove_current(view))
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        layout.addLayout(buttons)
        return box

    def _remove_current(self, view: QAbstractItemView) -> None:
        row = view.currentIndex().row()
        if row < 0:
            return
        if isinstance(view, QListWidget):
            view.takeItem(row)
            self._refresh_quota_categories()
        else:
            view.model().removeRow(row)
            self._update_weight_sum()

    # --- categories and quotas ------------------------------------------------------------

    def categories(self) -> tuple[str, ...]:
        """The categories as listed (not yet cleaned)."""
        items = (self.category_list.item(row) for row in range(self.category_list.count()))
        return tuple(item.text() for item in items)

    def add_category(self, text: str = "", edit: bool = True) -> None:
        """Append a category (a placeholder name when ``text`` is empty), edited at once."""
        item = QListWidgetItem(text or self.tr("New category"))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(Qt.ItemDataRole.UserRole, item.text())
        self.category_list.addItem(item)
        self._refresh_quota_categories()
        if edit:
            self.category_list.setCurrentItem(item)
            self.category_list.editItem(item)

    def _category_renamed(self, item: QListWidgetItem) -> None:
        """A renamed category stays chosen in the quotas that refer to it."""
        old, new = item.data(Qt.ItemDataRole.UserRole), item.text()
        item.setData(Qt.ItemDataRole.UserRole, new)
        self._refresh_quota_categories({old: new})

    def quota_widgets(self, row: int) -> tuple[QComboBox, QComboBox, QSpinBox]:
        """The category, bound and percentage fields of quota ``row``."""
        return self.quota_table.row_widgets(row)

    def _refresh_quota_categories(self, renamed: dict[str, str] | None = None) -> None:
        self.quota_table.offer_categories(self.categories(), renamed)

    def add_quota_row(self, rule: QuotaRule | None = None) -> None:
        """Append a quota: ``rule``, or a new one on the first category."""
        self.quota_table.add_rule(self.categories(), rule)

    def quota_rules(self) -> tuple[QuotaRule, ...]:
        """The quota rules as entered."""
        return self.quota_table.rules()

    # --- rubric ---------------------------------------------------------------------------

    def add_rubric_row(self, criterion: Criterion | None = None) -> None:
        """Append ``criterion``, or a new unnamed one worth 10 points with a free code."""
        self.rubric_table.add_criterion(criterion)

    def rubric(self) -> Rubric:
        """The rubric as entered."""
        return self.rubric_table.rubric()

    def _update_weight_sum(self) -> None:
        total = sum((c.weight for c in self.rubric().criteria), Decimal(0))
        text = self.tr("Weights add up to {total}; totals are scaled to 100 points.")
        self.weight_sum_label.setText(text.format(total=format(total, "f")))

    # --- values ---------------------------------------------------------------------------

    def load(self, draft: ProgramDraft) -> None:
        """Show ``draft`` in the form."""
        self.name_edit.setText(draft.name)
        self.honour_title_edit.setText(draft.honour_title)
        self.year_spin.setValue(draft.year)
        self.category_list.clear()
        for category in draft.categories:
            self.add_category(category, edit=False)
        self.nomination_deadline_edit.set_value(draft.nomination_deadline)
        self.review_deadline_edit.set_value(draft.review_deadline)
        self.notes_edit.setPlainText(draft.notes)
        self._load_rules(draft.eligibility)
        self.quota_table.setRowCount(0)
        for rule in draft.quota_rules:
            self.add_quota_row(rule)
        self.rubric_table.setRowCount(0)
        for criterion in draft.rubric.criteria:
            self.add_rubric_row(criterion)
        self._update_weight_sum()
        self.quorum_edit.setText(str(draft.quorum))
        self.disagreement_spin.setValue(float(draft.disagreement_sd))
        self.publicity_spin.setValue(draft.publicity_days)

    def _load_rules(self, rules: EligibilityRules) -> None:
        skill = rules.min_skill_level
        self.skill_combo.setCurrentIndex(self.skill_combo.findData(skill.value if skill else None))
        level = rules.required_honour_level
        combo = self.honour_level_combo
        combo.setCurrentIndex(combo.findData(level.value if level else None))
        for spin, value in (
            (self.service_spin, rules.min_years_of_service),
            (self.min_age_spin, rules.min_age),
            (self.max_age_spin, rules.max_age),
            (self.same_title_spin, rules.same_title_within_years),
        ):
            spin.setValue(spin.minimum() if value is None else value)
        self.required_title_edit.setText(rules.required_honour_title)

    def _rules(self) -> EligibilityRules:
        def number(spin: QSpinBox) -> int | None:
            return None if spin.value() == spin.minimum() else spin.value()

        skill, level = self.skill_combo.currentData(), self.honour_level_combo.currentData()
        return EligibilityRules(
            min_skill_level=SkillLevel(skill) if skill else None,
            min_years_of_service=number(self.service_spin),
            min_age=number(self.min_age_spin),
            max_age=number(self.max_age_spin),
            same_title_within_years=number(self.same_title_spin),
            required_honour_level=HonourLevel(level) if level else None,
            required_honour_title=self.required_title_edit.text(),
        )

    def draft(self) -> ProgramDraft:
        """The values as entered, not yet checked.

        Raises:
            ValidationFailed: the quorum is not a number.
        """
        quorum = parse_quorum(self.quorum_edit.text())
        if quorum is None:
            raise ValidationFailed([Problem("quorum", "ProgramDialog", BAD_QUORUM)])
        return ProgramDraft(
            name=self.name_edit.text(),
            honour_title=self.honour_title_edit.text(),
            year=self.year_spin.value(),
            categories=self.categories(),
            quota_rules=self.quota_rules(),
            eligibility=self._rules(),
            rubric=self.rubric(),
            nomination_deadline=self.nomination_deadline_edit.value(),
            review_deadline=self.review_deadline_edit.value(),
            publicity_days=self.publicity_spin.value(),
            quorum=quorum,
            disagreement_sd=to_decimal(self.disagreement_spin.value()),
            notes=self.notes_edit.toPlainText(),
        )

    def _make_read_only(self) -> None:
        for index in range(self.tabs.count()):
            self.tabs.widget(index).setEnabled(False)  # type: ignore[union-attr]
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Check and store the program on the worker; stay open and show problems if refused."""
        if not self.can_edit:
            return
        try:
            draft = self.draft()
        except ValidationFailed as error:
            self.show_problems(error)
            return
        db, actor, program_id = self._ctx.db, self._ctx.actor, self._program_id
        if program_id is None:
            work = lambda: create_program(db, actor, draft)  # noqa: E731
        else:
            work = lambda: _update(db, actor, program_id, draft)  # noqa: E731
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(work, self._on_saved, self._on_failed)

    def _on_saved(self, program_id: int) -> None:
        self.saved_program_id = program_id
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.show_problems(error)
        else:
            show_error(self, error)

    def _label_key(self, field: str) -> str | None:
        """The error label of a problem's field: the longest key that is a prefix of it."""
        parts = field.split(".")
        for end in range(len(parts), 0, -1):
            if ".".join(parts[:end]) in self._errors:
                return ".".join(parts[:end])
        return None

    def show_problems(self, error: ValidationFailed) -> None:
        """Show each problem beside its field, a summary on top, and turn to the first one."""
        grouped: dict[str | None, list[str]] = {}
        for item in error.problems:
            grouped.setdefault(self._label_key(item.field), []).append(item.render(translate))
        for key, message in self._errors.items():
            set_message(message, "\n".join(grouped.get(key, [])))
        summary = self.tr(
            "The program was not saved. Correct the {count} problem(s) shown in red, then save "
            "again."
        ).format(count=len(error.problems))
        set_message(self.summary_label, "\n".join([summary, *grouped.get(None, [])]))
        with_errors = {self._error_tab[key] for key in grouped if key is not None}
        for index in range(self.tabs.count()):  # an invalid colour means the usual one
            self.tabs.tabBar().setTabTextColor(index, ERROR if index in with_errors else QColor())
        if with_errors:
            self.tabs.setCurrentIndex(min(with_errors))
        grow_to_fit(self)


def _update(db: Database, actor: Actor, program_id: int, draft: ProgramDraft) -> int:
    update_program(db, actor, program_id, draft)
    return program_id
