"""The competition form: every ``CompetitionDraft`` field, the scheme and the prize bands.

The scheme is theory and practical parts with weights, or a 安康杯 points rubric.
A refused save keeps every typed value and shows each problem beside its field; a problem of one
line of the scheme also marks that cell of the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, competition_label
from unionDesk.domain.competition_form import CompetitionDraft
from unionDesk.domain.competition_scheme import SchemeKind
from unionDesk.i18n import translate
from unionDesk.services.competitions import (
    CompetitionDetail,
    create_competition,
    update_competition,
)
from unionDesk.services.errors import ValidationFailed
from unionDesk.ui.activities.scheme_editor import PrizeBandsEditor, SchemeEditor
from unionDesk.ui.common import AppContext, problem_text, show_error
from unionDesk.ui.widgets import (
    OptionalDateEdit,
    error_label,
    grow_to_fit,
    set_message,
    set_widget_value,
    widget_value,
)

RUBRIC_TYPES = (CompetitionType.ANKANG, CompetitionType.YOUTH_SAFETY)  # scored by a rubric


def choice_combo(values: Sequence[CompetitionType | CompetitionLevel], empty: str) -> QComboBox:
    """A combo box of competition labels whose data is the stored code; ``empty`` first if given."""
    combo = QComboBox()
    if empty:
        combo.addItem(empty, None)
    for value in values:
        combo.addItem(competition_label(value, translate), value.value)
    return combo


class CompetitionFormDialog(QDialog):
    """Add a competition (``detail`` None) or edit one; ``saved_competition_id`` is set on success.

    Users who may not edit competitions get the form read-only.
    """

    def __init__(
        self,
        ctx: AppContext,
        detail: CompetitionDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._detail = ctx, detail
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self.saved_competition_id: int | None = None
        self.scheme_editor = SchemeEditor()
        self.bands_editor = PrizeBandsEditor()
        self._fields = self._create_fields()
        self._errors = {name: error_label() for name in self._fields}
        self.summary_label = error_label()
        self._scheme_chosen = detail is not None  # the type no longer picks the scheme kind
        self._build()
        if detail is not None:
            self._load(detail.draft)
            self.setWindowTitle(self.tr("Edit competition: {name}").format(name=detail.draft.name))
        else:
            self.setWindowTitle(self.tr("New competition"))
        if not self.can_edit:
            self._make_read_only()

    def _create_fields(self) -> dict[str, QWidget]:
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        starts_on, ends_on = OptionalDateEdit(), OptionalDateEdit()
        starts_on.set_value(date.today())
        self.kind_combo = choice_combo(list(CompetitionType), self.tr("(choose)"))
        return {
            "name": QLineEdit(),
            "kind": self.kind_combo,
            "trade": QLineEdit(),
            "level": choice_combo(list(CompetitionLevel), ""),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "organiser": QLineEdit(),
            "venue": QLineEdit(),
            "notes": notes,
        }

    def _captions(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "kind": self.tr("Type"),
            "trade": self.tr("Trade"),
            "level": self.tr("Level"),
            "starts_on": self.tr("Starts on"),
            "ends_on": self.tr("Ends on"),
            "organiser": self.tr("Organiser"),
            "venue": self.tr("Venue"),
            "notes": self.tr("Notes"),
        }

    def field_widget(self, name: str) -> QWidget:
        """The input widget of the ``CompetitionDraft`` field ``name``."""
        return self._fields[name]

    def error_label(self, name: str) -> QLabel:
        """The label that shows problems with the field ``name``."""
        return self._errors[name]

    def _build(self) -> None:
        details = QGroupBox(self.tr("Competition"))
        grid = QGridLayout(details)
        grid.setColumnStretch(1, 1)
        for row, (name, text) in enumerate(self._captions().items()):
            caption = QLabel(text)
            caption.setBuddy(self._fields[name])
            grid.addWidget(caption, 2 * row, 0)
            grid.addWidget(self._fields[name], 2 * row, 1)
            grid.addWidget(self._errors[name], 2 * row + 1, 1)
        grid.setRowStretch(2 * len(self._fields), 1)
        scheme_box = QGroupBox(self.tr("Scoring scheme"))
        QVBoxLayout(scheme_box).addWidget(self.scheme_editor)
        bands_box = QGroupBox(self.tr("Prizes (places per prize, from the top of the ranking)"))
        QVBoxLayout(bands_box).addWidget(self.bands_editor)
        right = QVBoxLayout()
        right.addWidget(scheme_box, 1)
        right.addWidget(bands_box)
        columns = QHBoxLayout()
        columns.addWidget(details, 1)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._suggest_scheme_kind())
        self.scheme_editor.kind_combo.activated.connect(lambda _i: self._choose_scheme())
        self.resize(1000, 620)

    def _choose_scheme(self) -> None:
        self._scheme_chosen = True

    def _suggest_scheme_kind(self) -> None:
        """A new 安康杯 is scored by a rubric, other types by parts, until the user chooses."""
        kind = self.kind_combo.currentData()
        if not self._scheme_chosen and kind is not None:
            rubric = CompetitionType(str(kind)) in RUBRIC_TYPES
            scheme_kind = SchemeKind.POINTS_RUBRIC if rubric else SchemeKind.WEIGHTED_PARTS
            self.scheme_editor.set_kind(scheme_kind)

    def _load(self, draft: CompetitionDraft) -> None:
        for name, widget in self._fields.items():
            value = getattr(draft, name)
            set_widget_value(widget, value.value if isinstance(value, StrEnum) else value)
        self.scheme_editor.set_scheme(draft.scheme)
        self.bands_editor.set_bands(draft.prize_bands)

    def draft(self) -> CompetitionDraft:
        """The values as typed, not yet checked."""
        values = {name: widget_value(widget) for name, widget in self._fields.items()}
        kind, level = values.pop("kind"), values.pop("level")
        return CompetitionDraft(
            **values,  # type: ignore[arg-type]
            kind=CompetitionType(str(kind)) if kind is not None else None,
            level=CompetitionLevel(str(level)) if level is not None else None,
            scheme=self.scheme_editor.scheme(),
            prize_bands=self.bands_editor.bands(),
        )

    def _make_read_only(self) -> None:
        for widget in self._fields.values():
            widget.setEnabled(False)
        self.scheme_editor.set_read_only()
        self.bands_editor.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Check and store the competition on the worker; stay open and show problems if refused."""
        if not self.can_edit:
            return
        draft, db, actor, detail = self.draft(), self._ctx.db, self._ctx.actor, self._detail

        def work() -> int:
            if detail is None:
                return create_competition(db, actor, draft)
            update_competition(db, actor, detail.id, draft)
            return detail.id

        self.buttons.setEnabled(False)
        self._ctx.tasks.run(work, self._on_saved, self._on_failed)

    def _on_saved(self, competition_id: int) -> None:
        self.saved_competition_id = competition_id
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.show_problems(error)
        else:
            show_error(self, error)

    def show_problems(self, error: ValidationFailed) -> None:
        """Show each problem beside its field, the scheme or the prizes, and a summary on top."""
        messages = error.by_field(translate)
        for name, message in self._errors.items():
            set_message(message, "\n".join(messages.get(name, [])))
        scheme = [p for p in error.problems if p.field.startswith("scheme")]
        self.scheme_editor.show_problems(scheme)
        bands = [problem_text(p) for p in error.problems if p.field.startswith("prize_bands")]
        set_message(self.bands_editor.message, "\n".join(bands))
        summary = self.tr(
            "The competition was not saved. Correct the {count} problem(s) shown in red, "
            "then save again."
        ).format(count=len(error.problems))
        shown = set(self._errors) | {"scheme", "prize_bands"}
        others = [problem_text(p) for p in error.problems if p.field.split(".")[0] not in shown]
        set_message(self.summary_label, "\n".join([summary, *others]))
        first = next((name for name in self._fields if name in messages), None)
        if first is not None:
            self._fields[first].setFocus()
        grow_to_fit(self)
