"""The recusal (回避) dialog: a reviewer declares a conflict of interest with one candidate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.messages import Problem, ValidationFailed
from unionDesk.domain.review import (
    CONFLICT_TEXT_LIMIT,
    ConflictKind,
    conflict_problems,
    review_label,
)
from unionDesk.i18n import translate
from unionDesk.services.reviews import recuse
from unionDesk.ui.common import AppContext, error_text, problem_text
from unionDesk.ui.widgets import error_label, set_message


class RecusalDialog(QDialog):
    """Declare a conflict of interest (回避) for one candidate; 其他 needs a description."""

    def __init__(
        self, ctx: AppContext, round_id: int, candidate_id: int, name: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx, self._round_id, self._candidate_id = ctx, round_id, candidate_id
        self.setWindowTitle(self.tr("Recuse from {name}").format(name=name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.kind_buttons = {
            kind: QRadioButton(review_label(kind, translate)) for kind in ConflictKind
        }
        self._group = QButtonGroup(self)
        for button in self.kind_buttons.values():
            self._group.addButton(button)
        self.text_edit = QLineEdit()
        self.text_edit.setMaxLength(CONFLICT_TEXT_LIMIT)
        self.text_edit.setPlaceholderText(self.tr("Describe the conflict (required for Other)"))
        self.kind_error, self.text_error, self.message = error_label(), error_label(), error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Recuse"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self._build()

    def _build(self) -> None:
        kinds = QHBoxLayout()
        for button in self.kind_buttons.values():
            kinds.addWidget(button)
        kinds.addStretch(1)
        note = QLabel(
            self.tr(
                "You will not score this candidate. Only the chair of the round can undo a recusal."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), kinds)
        form.addRow("", self.kind_error)
        form.addRow(self.tr("Details"), self.text_edit)
        form.addRow("", self.text_error)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def chosen_kind(self) -> ConflictKind | None:
        """The reason chosen, if any."""
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)

    def confirm(self) -> None:
        """Check the declaration, then record the recusal on the worker; stay open if refused."""
        kind, text = self.chosen_kind(), self.text_edit.text()
        if self._show(conflict_problems(kind, text)):
            return
        ctx, ids = self._ctx, (self._round_id, self._candidate_id)
        self.buttons.setEnabled(False)
        ctx.tasks.run(
            lambda: recuse(ctx.db, ctx.actor, *ids, kind, text, today=date.today()),
            lambda _: self.accept(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not (isinstance(error, ValidationFailed) and self._show(error.problems)):
            set_message(self.message, error_text(error))

    def _show(self, problems: Sequence[Problem]) -> bool:
        texts = {p.field: problem_text(p) for p in problems}
        set_message(self.kind_error, texts.pop("conflict_kind", ""))
        set_message(self.text_error, texts.pop("conflict_text", ""))
        set_message(self.message, "\n".join(texts.values()))
        return bool(problems)
