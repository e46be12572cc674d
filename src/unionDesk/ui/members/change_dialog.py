"""Recording a membership change (join, transfer, withdrawal, expulsion, death) for one member."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.enums import ChangeKind, MemberStatus, label
from unionDesk.i18n import translate
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.members import record_change
from unionDesk.ui.common import AppContext, show_error
from unionDesk.ui.widgets import date_edit, error_label, grow_to_fit, set_message


class MembershipChangeDialog(QDialog):
    """Append one change to a member's history; ``new_status`` is set when it is saved."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        name: str,
        status: MemberStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._member_id = member_id
        self.new_status: MemberStatus | None = None
        self.setWindowTitle(self.tr("Membership change: {name}").format(name=name))
        self.kind_combo = QComboBox()
        for kind in ChangeKind:
            self.kind_combo.addItem(label(kind, translate), kind.value)
        # Preselect the first change that is possible from the current status.
        wanted = ChangeKind.TRANSFER_OUT if status is MemberStatus.ACTIVE else ChangeKind.JOIN
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(wanted.value))
        self.date_edit = date_edit(QDate.currentDate())
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self._fields: dict[str, QWidget] = {
            "kind": self.kind_combo,
            "effective_on": self.date_edit,
            "reason": self.reason_edit,
        }
        self._errors = {name: error_label() for name in self._fields}
        self.summary_label = error_label()
        self._build(name, status)

    def _build(self, name: str, status: MemberStatus) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Member"), QLabel(name))
        form.addRow(self.tr("Current status"), QLabel(label(status, translate)))
        captions = (self.tr("Change"), self.tr("Effective date"), self.tr("Reason"))
        for caption, (field, widget) in zip(captions, self._fields.items(), strict=True):
            form.addRow(caption, widget)
            form.addRow("", self._errors[field])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def field_widget(self, name: str) -> QWidget:
        """The input widget of ``kind``, ``effective_on`` or ``reason``."""
        return self._fields[name]

    def error_label(self, name: str) -> QLabel:
        """The label that shows problems with the field ``name``."""
        return self._errors[name]

    def save(self) -> None:
        """Record the change on the worker; stay open and show problems if refused."""
        kind = ChangeKind(self.kind_combo.currentData())
        effective_on = self.date_edit.date().toPython()
        reason, member_id, db = self.reason_edit.toPlainText(), self._member_id, self._ctx.db
        self.buttons.setEnabled(False)
        self._ctx.tasks.run(
            lambda: record_change(db, self._ctx.actor, member_id, kind, effective_on, reason),  # type: ignore[arg-type]
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, status: MemberStatus) -> None:
        self.new_status = status
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, ValidationFailed):
            show_error(self, error)
            return
        messages = error.by_field(translate)
        for field, message in self._errors.items():
            set_message(message, "\n".join(messages.get(field, [])))
        others = [
            text for field, texts in messages.items() if field not in self._errors for text in texts
        ]
        summary = self.tr("The change was not recorded. Correct what is shown in red.")
        set_message(self.summary_label, "\n".join([summary, *others]))
        grow_to_fit(self)
