"""The nomination form (候选人推荐表).

Texts are counted in characters as the limits count them (𠈌 is one), live, and a text over its
limit blocks saving. A new nomination becomes a draft on its first save and the form stays open
for the photo and certificates, which need a stored candidate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.candidate import (
    DEEDS_LIMIT,
    SUMMARY_LIMIT,
    AttachmentKind,
    CandidateDraft,
    kind_label,
    text_length,
)
from unionDesk.domain.workflow import state_label
from unionDesk.i18n import translate
from unionDesk.services.attachments import (
    AttachmentView,
    add_attachment,
    list_attachments,
    open_attachment,
    remove_attachment,
)
from unionDesk.services.candidates import (
    EDITABLE_STATES,
    CandidateDetail,
    get_candidate,
    nominate,
    update_candidate,
)
from unionDesk.services.database import Database
from unionDesk.services.errors import ValidationFailed
from unionDesk.ui.common import AppContext, error_text, show_error
from unionDesk.ui.widgets import error_label, grow_to_fit, set_message

PASSED, FAILED = QColor("#1b5e20"), QColor("#b3261e")
COUNTER_STYLE = {False: "color: palette(mid);", True: "color: #b3261e; font-weight: bold;"}


@dataclass(frozen=True)
class ProgramInfo:
    """What the form needs to know of the program a candidate belongs to."""

    id: int
    name: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class CandidateRecord:
    """A stored candidate with its attachments, loaded in one go on the worker."""

    detail: CandidateDetail
    attachments: tuple[AttachmentView, ...]


def load_candidate(db: Database, actor: Actor, candidate_id: int) -> CandidateRecord:
    """Everything the form shows of one candidate (runs on the worker)."""
    detail = get_candidate(db, actor, candidate_id)
    return CandidateRecord(detail, tuple(list_attachments(db, actor, candidate_id)))


class CandidateForm(QDialog):
    """Nominate ``member`` (id, name) to ``program``, or show and edit a stored ``record``.

    Signals:
        saved(int): the candidate with this id was stored (created or changed).
        attachments_shown(): the attachment list shows the stored attachments.
    """

    saved = Signal(int)
    attachments_shown = Signal()

    def __init__(
        self,
        ctx: AppContext,
        program: ProgramInfo,
        *,
        member: tuple[int, str] | None = None,
        record: CandidateRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if record is not None:
            member = (record.detail.draft.member_id or 0, record.detail.member_name)
        assert member is not None, "give the member of a new nomination or a stored record"
        self._ctx = ctx
        self._program = program
        self._member_id, member_name = member
        self._candidate_id: int | None = None
        self.can_edit = ctx.actor.may(Permission.EDIT_SELECTION)
        self.editable = False  # set once the state is known
        # Replaceable in tests: shows a verified attachment in the system's viewer.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._create_fields()
        self._build(member_name)
        self._connect()
        if record is not None:
            self.show_record(record)
        else:
            self.setWindowTitle(self.tr("New nomination: {name}").format(name=member_name))
            self._set_editable(self.can_edit)

    # --- fields and layout ----------------------------------------------------------------

    def _create_fields(self) -> None:
        self.unit_edit = QLineEdit()
        self.category_combo = QComboBox()
        self.category_combo.addItems(list(self._program.categories))
        self.summary_edit, self.deeds_edit = QPlainTextEdit(), QPlainTextEdit()
        self.summary_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.deeds_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.summary_counter, self.deeds_counter = QLabel(), QLabel()
        self._fields: dict[str, QWidget] = {
            "nominating_unit": self.unit_edit,
            "category": self.category_combo,
            "summary": self.summary_edit,
            "deeds": self.deeds_edit,
        }
        self._errors = {name: error_label() for name in self._fields}
        self.summary_label, self.attachment_error = error_label(), error_label()
        self.state_label, self.note_label = QLabel("-"), QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.attachment_list, self.eligibility_list = QListWidget(), QListWidget()
        self.eligibility_list.setWordWrap(True)
        self.history_table = QTableWidget(0, 4)
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("State change"), self.tr("By"), self.tr("Reason")]
        )
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().hide()
        self.history_table.horizontalHeader().setStretchLastSection(True)

    def _build(self, member_name: str) -> None:
        form = QFormLayout()
        name = QLabel(member_name)
        name.setStyleSheet("font-weight: bold;")
        form.addRow(self.tr("Nominee"), name)
        form.addRow(self.tr("Award program"), QLabel(self._program.name))
        form.addRow(self.tr("State"), self.state_label)
        captions = (self.tr("Nominating unit"), self.tr("Category"))
        for caption, key in zip(captions, ("nominating_unit", "category"), strict=True):
            form.addRow(caption, self._fields[key])
            form.addRow("", self._errors[key])
        form.addRow(self.tr("Summary of deeds"), self._counted("summary", self.summary_counter))
        form.addRow(self.tr("Account of deeds"), self._counted("deeds", self.deeds_counter))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        side = QVBoxLayout()
        side.addWidget(self._attachments_box())
        side.addWidget(self._box(self.tr("Eligibility check"), self.eligibility_list))
        side.addWidget(self._box(self.tr("History"), self.history_table))
        columns.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        self.resize(1100, 720)

    def _counted(self, key: str, counter: QLabel) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._fields[key])
        row = QHBoxLayout()
        row.addWidget(self._errors[key], 1)
        row.addWidget(counter, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        if key == "summary":  # fixed height; the account of deeds takes the room left
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return box

    def _box(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(content)
        return box

    def _attachments_box(self) -> QGroupBox:
        self.add_photo_button = QPushButton(self.tr("Add photo…"))
        self.add_certificate_button = QPushButton(self.tr("Add certificate…"))
        self.open_attachment_button = QPushButton(self.tr("Open"))
        self.remove_attachment_button = QPushButton(self.tr("Remove…"))
        row = QHBoxLayout()
        for button in (
            self.add_photo_button,
            self.add_certificate_button,
            self.open_attachment_button,
            self.remove_attachment_button,
        ):
            row.addWidget(button)
        box = QGroupBox(self.tr("Attachments"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.attachment_list)
        layout.addWidget(self.attachment_error)
        layout.addLayout(row)
        return box

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.summary_edit.textChanged.connect(self.update_counters)
        self.deeds_edit.textChanged.connect(self.update_counters)
        self.add_photo_button.clicked.connect(lambda: self.choose_file(AttachmentKind.PHOTO))
        self.add_certificate_button.clicked.connect(
            lambda: self.choose_file(AttachmentKind.CERTIFICATE)
        )
        self.open_attachment_button.clicked.connect(lambda: self.open_selected())
        self.attachment_list.itemActivated.connect(lambda _item: self.open_selected())
        self.remove_attachment_button.clicked.connect(lambda: self.remove_selected())
        self.attachment_list.currentItemChanged.connect(
            lambda *_: self._update_attachment_buttons()
        )
        self.update_counters()

    def error_label(self, name: str) -> QLabel:
        """The label showing problems with the ``CandidateDraft`` field ``name``."""
        return self._errors[name]

    # --- showing a stored candidate -------------------------------------------------------

    def show_record(self, record: CandidateRecord) -> None:
        """Show a stored candidate: its fields, state, eligibility, history and attachments."""
        detail = record.detail
        self._candidate_id = detail.id
        self.setWindowTitle(self.tr("Nomination: {name}").format(name=detail.member_name))
        self.state_label.setText(state_label(detail.state, translate))
        self.unit_edit.setText(detail.draft.nominating_unit)
        if self.category_combo.findText(detail.draft.category) < 0:
            self.category_combo.addItem(detail.draft.category)
        self.category_combo.setCurrentText(detail.draft.category)
        self.summary_edit.setPlainText(detail.draft.summary)
        self.deeds_edit.setPlainText(detail.draft.deeds)
        self._show_eligibility(detail)
        self._show_history(detail)
        self._show_attachments(list(record.attachments))
        self._set_editable(self.can_edit and detail.state in EDITABLE_STATES)

    def _show_eligibility(self, detail: CandidateDetail) -> None:
        self.eligibility_list.clear()
        for result in detail.eligibility:
            mark = "✓" if result.passed else "✗"
            item = QListWidgetItem(f"{mark} {result.reason.render(translate)}")
            item.setForeground(QBrush(PASSED if result.passed else FAILED))
            self.eligibility_list.addItem(item)
        if not detail.eligibility:
            self.eligibility_list.addItem(self.tr("This program sets no eligibility rules."))
        if detail.eligibility_override:
            text = self.tr("Declared eligible by the officer: {reason}")
            self.eligibility_list.addItem(text.format(reason=detail.eligibility_override))

    def _show_history(self, detail: CandidateDetail) -> None:
        table = self.history_table
        table.setRowCount(len(detail.history))
        for row, step in enumerate(detail.history):
            states = (
                state_label(step.from_state, translate),
                state_label(step.to_state, translate),
            )
            change = " → ".join(states)
            cells = (step.at.strftime("%Y-%m-%d %H:%M"), change, step.actor, step.reason)
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.unit_edit.setReadOnly(not editable)
        self.category_combo.setEnabled(editable)
        self.summary_edit.setReadOnly(not editable)
        self.deeds_edit.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel") if editable else self.tr("Close"))
        self._update_attachment_buttons()

    # --- counters -------------------------------------------------------------------------

    def update_counters(self) -> None:
        """Show "used / limit" below each text; a text over its limit turns red and blocks Save."""
        over = [
            self._count(self.summary_edit, self.summary_counter, "summary", SUMMARY_LIMIT),
            self._count(self.deeds_edit, self.deeds_counter, "deeds", DEEDS_LIMIT),
        ]
        self.save_button.setEnabled(not any(over))

    def _count(self, edit: QPlainTextEdit, counter: QLabel, key: str, limit: int) -> bool:
        length = text_length(edit.toPlainText())
        over = length > limit
        counter.setText(f"{length} / {limit}")
        counter.setStyleSheet(COUNTER_STYLE[over])
        text = self.tr("{over} character(s) over the limit of {limit}. Shorten the text to save.")
        set_message(
            self._errors[key], text.format(over=length - limit, limit=limit) if over else ""
        )
        return over

    # --- attachments ----------------------------------------------------------------------

    def _show_attachments(self, attachments: list[AttachmentView]) -> None:
        self.attachment_list.clear()
        for view in attachments:
            size = self.tr("{size} KB").format(size=max(1, round(view.size / 1024)))
            text = f"{kind_label(view.kind, translate)} · {view.file_name} · {size}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.attachment_list.addItem(item)
        if attachments:
            self.attachment_list.setCurrentRow(0)
        self._update_attachment_buttons()
        self.attachments_shown.emit()

    def _update_attachment_buttons(self) -> None:
        stored = self._candidate_id is not None
        may_change = stored and self.editable
        self.add_photo_button.setEnabled(may_change)
        self.add_certificate_button.setEnabled(may_change)
        chosen = self.attachment_list.currentItem() is not None
        self.open_attachment_button.setEnabled(chosen)
        self.remove_attachment_button.setEnabled(chosen and may_change)
        if not stored:
            self.attachment_list.setToolTip(
                self.tr("Save the nomination first; then add the photo and certificates.")
            )

    def choose_file(self, kind: AttachmentKind) -> None:
        """Ask for a file of ``kind`` and attach it."""
        if kind is AttachmentKind.PHOTO:
            title, types = self.tr("Add photo"), self.tr("Images (*.jpg *.jpeg *.png)")
        else:
            title, types = (
                self.tr("Add certificate"),
                self.tr("Images or PDF (*.jpg *.jpeg *.png *.pdf)"),
            )
        path, _filter = QFileDialog.getOpenFileName(self, title, "", types)
        if path:
            self.add_file(kind, Path(path))

    def add_file(self, kind: AttachmentKind, path: Path) -> None:
        """Attach the file at ``path`` on the worker; a refusal is shown below the list."""
        candidate_id, db, actor = self._candidate_id, self._ctx.db, self._ctx.actor
        if candidate_id is None:
            return
        set_message(self.attachment_error, "")

        def work() -> list[AttachmentView]:
            add_attachment(db, actor, candidate_id, kind, path)
            return list_attachments(db, actor, candidate_id)

        self._ctx.tasks.run(work, self._show_attachments, self._attachment_failed)

    def _attachment_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            set_message(self.attachment_error, error_text(error))
        else:
            show_error(self, error)

    def selected_attachment(self) -> int | None:
        """Id of the chosen attachment, if any."""
        item = self.attachment_list.currentItem()
        attachment_id: int | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        return attachment_id

    def open_selected(self) -> None:
        """Check the chosen attachment's fingerprint on the worker, then show it."""
        attachment_id, db, actor = self.selected_attachment(), self._ctx.db, self._ctx.actor
        if attachment_id is not None:
            self._ctx.tasks.run(
                lambda: open_attachment(db, actor, attachment_id),
                self._show_file,
                lambda error: show_error(self, error),
            )

    def _show_file(self, path: Path) -> None:
        self.open_url(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        """Take the chosen attachment off the nomination, after confirmation."""
        item, candidate_id = self.attachment_list.currentItem(), self._candidate_id
        if item is None or candidate_id is None:
            return
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        text = self.tr("Remove {file} from the nomination?").format(file=item.text())
        answer = QMessageBox.question(
            self, self.tr("Remove attachment"), text, buttons, QMessageBox.StandardButton.No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        attachment_id, db, actor = self.selected_attachment(), self._ctx.db, self._ctx.actor

        def work() -> list[AttachmentView]:
            remove_attachment(db, actor, attachment_id)  # type: ignore[arg-type]
            return list_attachments(db, actor, candidate_id)

        self._ctx.tasks.run(work, self._show_attachments, lambda error: show_error(self, error))

    # --- saving ---------------------------------------------------------------------------

    def draft(self) -> CandidateDraft:
        """The values as typed, not yet checked."""
        return CandidateDraft(
            self._member_id,
            self.unit_edit.text(),
            self.category_combo.currentText(),
            self.summary_edit.toPlainText(),
            self.deeds_edit.toPlainText(),
        )

    def save(self) -> None:
        """Store the nomination on the worker; stay open and show problems if refused."""
        if not self.editable or not self.save_button.isEnabled():
            return  # read-only, or a text is over its limit (the counter says so)
        draft, db, actor = self.draft(), self._ctx.db, self._ctx.actor
        candidate_id, program_id = self._candidate_id, self._program.id
        work: Callable[[], CandidateRecord | None]
        if candidate_id is None:
            work = lambda: load_candidate(db, actor, nominate(db, actor, program_id, draft))  # noqa: E731
        else:
            work = lambda: update_candidate(db, actor, candidate_id, draft)  # noqa: E731
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(work, self._on_saved, self._on_failed)

    def _on_saved(self, record: CandidateRecord | None) -> None:
        self.buttons.setEnabled(True)
        for message in (*self._errors.values(), self.summary_label):
            set_message(message, "")
        self.update_counters()
        if record is None:  # an edit: done
            self.saved.emit(self._candidate_id)
            self.accept()
            return
        self.show_record(record)  # a new draft: stay open for the attachments
        self.note_label.setText(
            self.tr(
                "Saved as a draft. Add the photo and certificates now; submit the nomination "
                "from the candidate list when it is complete."
            )
        )
        self.note_label.show()
        self.saved.emit(record.detail.id)

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, ValidationFailed):
            show_error(self, error)
            return
        messages = error.by_field(translate)
        for name, message in self._errors.items():
            set_message(message, "\n".join(messages.get(name, [])))
        others = [
            text for name, texts in messages.items() if name not in self._errors for text in texts
        ]
        summary = self.tr("The nomination was not saved. Correct what is shown in red.")
        set_message(self.summary_label, "\n".join([summary, *others]))
        grow_to_fit(self)
