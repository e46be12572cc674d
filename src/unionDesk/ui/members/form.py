"""The member form, for adding and editing: every field of ``MemberDraft``, with errors beside them.

A refused save keeps every typed value and shows each problem beside its field (DESIGN.md 3.1).
Sex and birth date are filled in from a valid resident ID number as it is typed. When editing,
ID and mobile numbers arrive masked and read-only; "Show full numbers" (audited) makes them
editable for users allowed to see them. Users who may not edit get the form read-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.enums import (
    ETHNIC_GROUPS,
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    PoliticalStatus,
    Sex,
    SkillLevel,
    ethnicity_label,
    label,
)
from unionDesk.domain.ids import check_id_number
from unionDesk.domain.member import MemberDraft
from unionDesk.i18n import translate
from unionDesk.services.audit import AuditView, record_history
from unionDesk.services.departments import DepartmentNode
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.members import (
    RECORD_TYPE,
    ChangeRecord,
    MemberDetail,
    create_member,
    get_member,
    update_member,
)
from unionDesk.ui.audit_page import HistoryTable
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.members.competitions_tab import add_competitions_tab
from unionDesk.ui.members.honours_tab import HonoursTab, model_worker_badge
from unionDesk.ui.widgets import (
    OptionalDateEdit,
    date_edit,
    enum_combo,
    error_label,
    grow_to_fit,
    indented_departments,
    set_message,
    set_widget_value,
    widget_value,
)

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.database import Database

# Sections of the form, each a list of MemberDraft field names in entry order.
SECTIONS: tuple[tuple[str, ...], ...] = (
    ("name", "sex", "birth_date", "ethnicity", "political_status", "education"),
    ("id_type", "id_number", "mobile", "hukou_region", "hukou_nature", "migrant_worker"),
    ("department_id", "trade", "job_title", "skill_level", "work_start_date", "hardship"),
    ("join_date", "card_number", "notes"),
)
ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "id_type": IdType,
    "sex": Sex,
    "political_status": PoliticalStatus,
    "education": Education,
    "skill_level": SkillLevel,
    "hukou_region": HukouRegion,
    "hukou_nature": HukouNature,
}
# Keyboard order: the ID number right after the name, since it fills in sex and birth date.
TAB_ORDER = (
    "name",
    "id_type",
    "id_number",
    *SECTIONS[0][1:],
    *SECTIONS[1][2:],
    *SECTIONS[2],
    *SECTIONS[3],
)


class MemberFormDialog(QDialog):
    """Add a member (``detail`` None) or edit one; ``saved_member_id`` is set on success.

    Signals:
        numbers_revealed(): the full ID and mobile numbers are now shown.
        change_history_loaded(): the 修改记录 tab shows the record's audit entries.
    """

    numbers_revealed = Signal()
    change_history_loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        departments: Iterable[DepartmentNode],
        detail: MemberDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.can_edit = ctx.actor.may(Permission.EDIT_MEMBERS)
        self._derived_from = ""  # the ID number sex and birth date were last filled in from
        self.saved_member_id: int | None = None
        self._create_fields(departments)
        self._errors = {name: error_label() for name in self._fields}
        self.summary_label = error_label()
        self._build(detail.history if detail else None)
        self._connect()
        if detail is not None:
            self._load(detail.draft)
            self._set_numbers_masked(True)
            self._load_change_history()
            self.setWindowTitle(self.tr("Edit member: {name}").format(name=detail.draft.name))
        else:
            self.setWindowTitle(self.tr("Add member"))
        if not self.can_edit:
            self._make_read_only()

    # --- fields ---------------------------------------------------------------------------

    def _create_fields(self, departments: Iterable[DepartmentNode]) -> None:
        self.id_type_combo, self.id_number_edit = enum_combo(IdType), QLineEdit()
        self.sex_combo = QComboBox()
        self.sex_combo.addItem(self.tr("(not chosen)"), None)
        for sex in Sex:
            self.sex_combo.addItem(label(sex, translate), sex.value)
        self.birth_date_edit = OptionalDateEdit()
        ethnicity = QComboBox()
        for code in ETHNIC_GROUPS:
            ethnicity.addItem(ethnicity_label(code, translate), code)
        department = QComboBox()
        department.addItem(self.tr("(none)"), None)
        for text, dept_id in indented_departments(departments):
            department.addItem(text, dept_id)
        notes = QPlainTextEdit()
        notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self._fields: dict[str, QWidget] = {
            "name": QLineEdit(),
            "id_type": self.id_type_combo,
            "id_number": self.id_number_edit,
            "sex": self.sex_combo,
            "birth_date": self.birth_date_edit,
            "ethnicity": ethnicity,
            "political_status": enum_combo(PoliticalStatus, PoliticalStatus.MASSES),
            "education": enum_combo(Education, Education.SENIOR_MIDDLE),
            "mobile": QLineEdit(),
            "hukou_region": enum_combo(HukouRegion),
            "hukou_nature": enum_combo(HukouNature, HukouNature.NON_AGRICULTURAL),
            "migrant_worker": QCheckBox(self.tr("Migrant worker")),
            "department_id": department,
            "trade": QLineEdit(),
            "job_title": QLineEdit(),
            "skill_level": enum_combo(SkillLevel, SkillLevel.NONE),
            "work_start_date": OptionalDateEdit(),
            "hardship": QCheckBox(self.tr("Worker in hardship")),
            "join_date": date_edit(QDate.currentDate()),
            "card_number": QLineEdit(),
            "notes": notes,
        }

    def _captions(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "sex": self.tr("Sex"),
            "birth_date": self.tr("Birth date"),
            "ethnicity": self.tr("Ethnic group"),
            "political_status": self.tr("Political status"),
            "education": self.tr("Education"),
            "id_type": self.tr("ID document"),
            "id_number": self.tr("ID number"),
            "mobile": self.tr("Mobile"),
            "hukou_region": self.tr("Household registration"),
            "hukou_nature": self.tr("Registration type"),
            "migrant_worker": "",
            "department_id": self.tr("Department"),
            "trade": self.tr("Trade"),
            "job_title": self.tr("Job title"),
            "skill_level": self.tr("Skill level"),
            "work_start_date": self.tr("Started work"),
            "hardship": "",
            "join_date": self.tr("Join date"),
            "card_number": self.tr("Card number"),
            "notes": self.tr("Notes"),
        }

    def field_widget(self, name: str) -> QWidget:
        """The input widget of the ``MemberDraft`` field ``name``."""
        return self._fields[name]

    def error_label(self, name: str) -> QLabel:
        """The label that shows problems with the field ``name``."""
        return self._errors[name]

    # --- layout ---------------------------------------------------------------------------

    def _build(self, history: tuple[ChangeRecord, ...] | None) -> None:
        titles = (
            self.tr("Basic information"),
            self.tr("ID and contact"),
            self.tr("Work"),
            self.tr("Membership"),
        )
        grid = QGridLayout()
        for index, (title, names) in enumerate(zip(titles, SECTIONS, strict=True)):
            grid.addWidget(self._section(title, names), index // 2, index % 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        if history is None:
            layout.addLayout(grid)
        else:
            layout.addWidget(self._tabs(grid, history))
        layout.addLayout(self._button_row(history is not None))
        previous = self._fields[TAB_ORDER[0]]
        for name in TAB_ORDER[1:]:
            QWidget.setTabOrder(previous, self._fields[name])
            previous = self._fields[name]

    def _section(self, title: str, names: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        captions = self._captions()
        for row, name in enumerate(names):
            caption = QLabel(captions[name])
            caption.setBuddy(self._fields[name])
            grid.addWidget(caption, 2 * row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._fields[name], 2 * row, 1)
            grid.addWidget(self._errors[name], 2 * row + 1, 1)
        grid.setRowStretch(2 * len(names), 1)
        return box

    def _tabs(self, grid: QGridLayout, history: tuple[ChangeRecord, ...]) -> QTabWidget:
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(grid)
        details_layout.addWidget(self._history_box(history))
        captions = {**self._captions(), "migrant_worker": self.tr("Migrant worker")}
        captions["hardship"] = self.tr("Worker in hardship")
        self.change_history = HistoryTable(captions, self._history_value)
        assert self._detail is not None  # only an existing member has tabs
        self.honours = HonoursTab(self._ctx, self._detail.id)
        self.model_worker_flag = model_worker_badge()  # the derived 劳模 flag, on every tab
        self.honours.model_worker_changed.connect(self.model_worker_flag.setText)
        self.tabs = QTabWidget()
        self.tabs.setCornerWidget(self.model_worker_flag)
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.honours, self.tr("Honours"))
        self.tabs.addTab(self.change_history, self.tr("Change history"))
        # Shown after the honours once loaded, only when the member entered a competition.
        self.competitions = add_competitions_tab(
            self.tabs, self._ctx, self._detail.id, self.honours
        )
        return self.tabs

    def _button_row(self, editing: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("Show full numbers"))
        self.reveal_button.setVisible(editing)
        self.reveal_button.setEnabled(self._ctx.actor.may(Permission.UNMASK))
        if not self.reveal_button.isEnabled():
            self.reveal_button.setToolTip(
                self.tr("Your account is not allowed to see full ID and mobile numbers.")
            )
        self.reveal_button.clicked.connect(lambda: self.reveal_numbers())
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        return row

    def _history_box(self, history: tuple[ChangeRecord, ...]) -> QGroupBox:
        box = QGroupBox(self.tr("Membership history"))
        table = QTableWidget(len(history), 3)
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Change"), self.tr("Reason")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for row, change in enumerate(history):
            cells = (change.effective_on.isoformat(), label(change.kind, translate), change.reason)
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.setMaximumHeight(table.horizontalHeader().height() + 4 * 30)
        self.history_table = table
        QVBoxLayout(box).addWidget(table)
        return box

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.id_number_edit.textChanged.connect(lambda _text: self._fill_from_id_number())
        self.id_type_combo.currentIndexChanged.connect(lambda _i: self._fill_from_id_number())

    # --- values ---------------------------------------------------------------------------

    def _load(self, draft: MemberDraft) -> None:
        # Tab order puts the ID number before sex and birth date: the stored values win over
        # what the number fills in.
        for name in TAB_ORDER:
            value = getattr(draft, name)
            set_widget_value(
                self._fields[name], value.value if isinstance(value, StrEnum) else value
            )

    def draft(self) -> MemberDraft:
        """The values as typed, not yet checked."""
        values = {name: widget_value(widget) for name, widget in self._fields.items()}
        for name, enum in ENUM_FIELDS.items():
            values[name] = enum(str(values[name])) if values[name] is not None else None
        return MemberDraft(**values)  # type: ignore[arg-type]

    def _fill_from_id_number(self) -> None:
        """Fill in sex and birth date once the ID number becomes valid for its type."""
        id_type = IdType(self.id_type_combo.currentData())
        try:
            info = check_id_number(id_type, self.id_number_edit.text(), today=date.today())
        except ValidationFailed:
            return
        if info.number == self._derived_from:
            return  # filled from this number already; keep what the user chose since
        self._derived_from = info.number
        set_message(self._errors["id_number"], "")
        if info.sex is not None:
            set_widget_value(self.sex_combo, info.sex.value)
            set_message(self._errors["sex"], "")
        if info.birth_date is not None:
            self.birth_date_edit.set_value(info.birth_date)
            set_message(self._errors["birth_date"], "")

    # --- masking, read-only, change history -----------------------------------------------

    def _set_numbers_masked(self, masked: bool) -> None:
        """Masked numbers are read-only: saving them unchanged keeps the stored numbers."""
        self.numbers_masked = masked
        self.id_number_edit.setReadOnly(masked)
        self._fields["mobile"].setReadOnly(masked)  # type: ignore[attr-defined]
        self.id_type_combo.setEnabled(not masked and self.can_edit)
        hint = self.tr("Masked. Use Show full numbers to see or change it.") if masked else ""
        for name in ("id_number", "mobile"):
            self._fields[name].setToolTip(hint)

    def reveal_numbers(self) -> None:
        """Load the full numbers on the worker (the service audits it) and show them."""
        if self._detail is None:
            return
        db, actor, member_id = self._ctx.db, self._ctx.actor, self._detail.id
        self.reveal_button.setEnabled(False)
        self._ctx.tasks.run(
            lambda: get_member(db, actor, member_id, reveal=True),
            self._show_full_numbers,
            self._reveal_failed,
        )

    def _show_full_numbers(self, detail: MemberDetail) -> None:
        # Only the two numbers change; anything else typed meanwhile stays. No refill of sex
        # and birth date: the stored ones belong to this number already.
        self.id_number_edit.blockSignals(True)
        self.id_number_edit.setText(detail.draft.id_number)
        self.id_number_edit.blockSignals(False)
        self._fields["mobile"].setText(detail.draft.mobile)  # type: ignore[attr-defined]
        self._set_numbers_masked(False)
        self.numbers_revealed.emit()

    def _reveal_failed(self, error: BaseException) -> None:
        self.reveal_button.setEnabled(True)
        show_error(self, error)

    def _make_read_only(self) -> None:
        for widget in self._fields.values():
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _load_change_history(self) -> None:
        assert self._detail is not None
        db, actor, member_id = self._ctx.db, self._ctx.actor, self._detail.id
        self._ctx.tasks.run(
            lambda: record_history(db, actor, RECORD_TYPE, member_id),
            self._show_change_history,
            lambda error: show_error(self, error),
        )

    def _history_value(self, field: str, value: object) -> str:
        """A value from the audit log as the form shows it (labels, not stored codes)."""
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if field in ENUM_FIELDS:
            return label(ENUM_FIELDS[field](str(value)), translate)
        if field == "ethnicity":
            return ethnicity_label(str(value), translate)
        return str(value)

    def _show_change_history(self, entries: list[AuditView]) -> None:
        self.change_history.set_entries(entries)
        self.change_history_loaded.emit()

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Check and store the member on the worker; stay open and show problems if refused."""
        if not self.can_edit:
            return  # read-only form: the service would refuse anyway
        draft, db, detail = self.draft(), self._ctx.db, self._detail
        if detail is None:
            work = lambda: create_member(db, self._ctx.actor, draft)  # noqa: E731
        else:
            work = lambda: _update(db, self._ctx.actor, detail.id, draft)  # noqa: E731
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(work, self._on_saved, self._on_failed)

    def _on_saved(self, member_id: int) -> None:
        self.saved_member_id = member_id
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.show_problems(error)
        else:
            show_error(self, error)

    def show_problems(self, error: ValidationFailed) -> None:
        """Show each problem beside its field and a summary line at the top."""
        messages = error.by_field(translate)
        for name, message in self._errors.items():
            set_message(message, "\n".join(messages.get(name, [])))
        others = [
            text for name, texts in messages.items() if name not in self._errors for text in texts
        ]
        summary = self.tr(
            "The member was not saved. Correct the {count} problem(s) shown in red, "
            "then save again."
        ).format(count=len(error.problems))
        set_message(self.summary_label, "\n".join([summary, *others]))
        first = next((name for name in self._fields if name in messages), None)
        if first is not None:
            self._fields[first].setFocus()
        grow_to_fit(self)


def _update(db: Database, actor: Actor, member_id: int, draft: MemberDraft) -> int:
    update_member(db, actor, member_id, draft)
    return member_id
