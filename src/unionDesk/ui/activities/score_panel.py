"""The score sheet panel of one competition: the grid, 保存成绩 (also Ctrl+S) and what is unsaved.

Scores are saved in one call on the worker; the sheet is then read again, so the totals, ranks and
prizes shown are always the saved ones.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from unionDesk.domain.access import Permission
from unionDesk.services.competition_entries import save_scores
from unionDesk.services.competitions import EntrySheet, entry_sheet
from unionDesk.services.errors import ValidationFailed
from unionDesk.ui.activities.score_grid import EMPTY_SHEET, ScoreGridModel, ScoreGridView
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.widgets import error_label, set_message


class ScoreGrid(QWidget):
    """The score sheet of one competition, with 保存成绩 (also Ctrl+S) and what is unsaved.

    Signals:
        loaded(): the latest sheet is shown.
        saved(): typed scores were stored in one call and the sheet was read again.
        save_failed(): the service refused the scores; they are still typed in.
    """

    loaded = Signal()
    saved = Signal()
    save_failed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.can_edit = ctx.actor.may(Permission.EDIT_ACTIVITIES)
        self._sequence = 0  # number of the latest load; older results are dropped
        self._saving = False
        self.model = ScoreGridModel(self.can_edit, self)
        self.view = ScoreGridView(self.model)
        self.save_button = QPushButton(self.tr("Save scores"))
        self.save_button.setToolTip(self.tr("Save every changed score (Ctrl+S)"))
        self.save_button.setVisible(self.can_edit)
        self.status_label = QLabel()
        self.error_label = error_label()
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.save_button.clicked.connect(lambda: self.save())
        self.model.edits_changed.connect(self._update_status)
        self._update_status()

    @property
    def competition_id(self) -> int | None:
        """The competition shown, or None."""
        return self.model.sheet.competition_id or None

    def has_unsaved(self) -> bool:
        """Whether scores were typed and not saved (including ones marked invalid)."""
        return self.model.unsaved_count > 0

    def load(self, competition_id: int | None) -> None:
        """Show the sheet of ``competition_id`` (None: nothing); typed scores of it stay."""
        self._sequence += 1
        sequence, db, actor = self._sequence, self._ctx.db, self._ctx.actor
        set_message(self.error_label, "")
        if competition_id is None:
            self.model.set_sheet(EMPTY_SHEET)
            self.loaded.emit()
            return
        self._ctx.tasks.run(
            lambda: entry_sheet(db, actor, competition_id),
            lambda sheet: self._show(sequence, sheet),
            self._load_failed,
        )

    def save(self) -> None:
        """Save every typed score that is valid in one call, then read the sheet again."""
        self.view.commit_open_editor()
        changes, competition_id = self.model.changes(), self.competition_id
        if not self.can_edit or self._saving or not changes or competition_id is None:
            return
        self._sequence += 1
        sequence, db, actor = self._sequence, self._ctx.db, self._ctx.actor

        def work() -> EntrySheet:
            save_scores(db, actor, competition_id, changes)
            return entry_sheet(db, actor, competition_id)

        self._saving = True
        self._update_status()
        self._ctx.tasks.run(work, lambda sheet: self._saved(sequence, sheet), self._save_failed)

    def _show(self, sequence: int, sheet: EntrySheet) -> None:
        if sequence != self._sequence:
            return
        new_competition = sheet.competition_id != self.model.sheet.competition_id
        self.model.set_sheet(sheet)
        if new_competition:
            self.view.resizeColumnsToContents()
        self.loaded.emit()

    def _saved(self, sequence: int, sheet: EntrySheet) -> None:
        self._saving = False
        self._show(sequence, sheet)  # saved values now match what was typed, so typing ends
        self.saved.emit()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationFailed):
            self.model.mark_refused(error.problems)
        self._update_status()
        set_message(self.error_label, error_text(error))
        self.save_failed.emit()

    def _load_failed(self, error: BaseException) -> None:
        set_message(self.error_label, error_text(error))
        self.model.set_sheet(EMPTY_SHEET)
        self.loaded.emit()

    def _update_status(self) -> None:
        unsaved, invalid = self.model.unsaved_count, self.model.invalid_count
        texts = []
        if unsaved:
            texts.append(self.tr("{count} score(s) not saved yet.").format(count=unsaved))
        if invalid:
            texts.append(
                self.tr(
                    "{count} marked in red cannot be saved: point at a cell to see why."
                ).format(count=invalid)
            )
        if not self.model.sheet.rows and self.competition_id is not None:
            texts.append(self.tr("No entries yet. Add members or teams with Entries…"))
        self.status_label.setText(" ".join(texts))
        self.save_button.setEnabled(unsaved > invalid and not self._saving)
