"""The reviewer's score entry: one editor per rubric criterion, the weighted total, a comment.

Values are checked against the rubric as they are typed; the total shown is the reviewer's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from unionDesk.domain.messages import Problem
from unionDesk.domain.review import draft_problems
from unionDesk.domain.scoring import Rubric, score_problems, to_decimal, weighted_total
from unionDesk.services.reviews import MyReview
from unionDesk.ui.common import problem_text
from unionDesk.ui.widgets import error_label, set_message

# Up to three digits and one decimal place: "18.5". The range is checked (and explained)
# separately, so an out-of-range value can be typed and is then marked, not silently refused.
SCORE_PATTERN = r"\d{1,3}(\.\d)?"
MARKED_EDITOR = "border: 1px solid #b3261e;"
READ_ONLY_EDITOR = "background: palette(window);"
NO_TOTAL = "—"


class ScoreSheet(QWidget):
    """One score editor per rubric criterion, the live weighted total and the comment.

    Enter in a score editor moves to the next one, and from the last to the comment.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric = Rubric(())
        self.editors: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.total_label = QLabel()
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        comment_caption = QLabel(self.tr("Comment (optional)"))
        comment_caption.setBuddy(self.comment_edit)
        self.comment_edit.textChanged.connect(self.check)
        self.comment_error = error_label()
        self._rows = QGridLayout()
        self._rows.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows)
        layout.addWidget(self.total_label)
        layout.addWidget(comment_caption)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.comment_error)

    def set_review(self, rubric: Rubric, review: MyReview, read_only: bool) -> None:
        """Show ``rubric`` with the reviewer's own values and comment."""
        if rubric != self.rubric:  # keep the editors (and the focus) within one rubric
            self._set_rubric(rubric)
        for criterion in rubric.criteria:
            value = review.values.get(criterion.key)
            self.editors[criterion.key].setText("" if value is None else format(value, "f"))
        self.comment_edit.setPlainText(review.comment)
        for editor in self.editors.values():
            editor.setReadOnly(read_only)
        self.comment_edit.setReadOnly(read_only)
        self.comment_edit.setStyleSheet(READ_ONLY_EDITOR if read_only else "")
        self.check()

    def _set_rubric(self, rubric: Rubric) -> None:
        while (item := self._rows.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.rubric, self.editors, self.errors = rubric, {}, {}
        for row, criterion in enumerate(rubric.criteria):
            self._add_row(row, criterion.key, criterion.name, criterion.max_points)

    def _add_row(self, row: int, key: str, name: str, maximum: Decimal) -> None:
        editor = QLineEdit()
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(SCORE_PATTERN), editor))
        editor.setFixedWidth(editor.fontMetrics().horizontalAdvance("0") * 8 + 16)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.textChanged.connect(self.check)
        editor.returnPressed.connect(lambda: self._focus_after(key))
        caption = QLabel(name)
        caption.setBuddy(editor)
        error = error_label()
        limit = QLabel(self.tr("max {maximum}").format(maximum=format(maximum, "f")))
        self._rows.addWidget(caption, row, 0)
        self._rows.addWidget(limit, row, 1)
        self._rows.addWidget(editor, row, 2)
        self._rows.addWidget(error, row, 3)
        self.editors[key], self.errors[key] = editor, error
        if len(self.editors) > 1:
            QWidget.setTabOrder(list(self.editors.values())[-2], editor)
        QWidget.setTabOrder(editor, self.comment_edit)

    def _focus_after(self, key: str) -> None:
        keys = list(self.editors)
        index = keys.index(key) + 1
        target = self.editors[keys[index]] if index < len(keys) else self.comment_edit
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    def first_editor(self) -> QLineEdit | None:
        """The editor of the first criterion, if the rubric has any."""
        return next(iter(self.editors.values()), None)

    def values(self) -> dict[str, Decimal | None]:
        """The scores as typed; None where nothing is entered."""
        # The validator lets through only digits with at most one decimal place, and
        # Decimal reads any such text ("18." included).
        return {key: Decimal(e.text()) if e.text() else None for key, e in self.editors.items()}

    def comment(self) -> str:
        """The comment as typed."""
        return self.comment_edit.toPlainText()

    def check(self) -> None:
        """Mark values that break the rubric's rules now and update the weighted total."""
        values = self.values()
        self.show_problems(draft_problems(self.rubric, values, self.comment()))
        complete = {key: value for key, value in values.items() if value is not None}
        if self.rubric.criteria and not score_problems(self.rubric, values):
            total = format(to_decimal(weighted_total(self.rubric, complete)), "f")
        else:
            total = NO_TOTAL
        self.total_label.setText(self.tr("Weighted total: {total} of 100").format(total=total))

    def show_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """Show each problem beside its criterion or the comment; return the others."""
        by_field: dict[str, list[str]] = {}
        for item in problems:
            by_field.setdefault(item.field, []).append(problem_text(item))
        for key, editor in self.editors.items():
            set_message(self.errors[key], "\n".join(by_field.get(key, [])))
            style = READ_ONLY_EDITOR if editor.isReadOnly() else ""
            editor.setStyleSheet(MARKED_EDITOR if key in by_field else style)
        set_message(self.comment_error, "\n".join(by_field.get("comment", [])))
        shown = {*self.editors, "comment"}
        return [item for item in problems if item.field not in shown]

    def total_text(self) -> str:
        """The total as shown, for tests and screen readers."""
        return self.total_label.text()
