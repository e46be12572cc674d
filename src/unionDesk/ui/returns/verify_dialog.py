"""验证: open a signed PDF and read, in plain words, who signed, when, and whether it changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.i18n import translate
from unionDesk.services.verification import (
    VerificationReport,
    describe,
    trusted_certificates,
    verify_pdf,
)
from unionDesk.ui.common import AppContext, error_text

OK_STYLE = "color: #1b5e20; font-weight: bold;"
FAILED_STYLE = "color: #b3261e; font-weight: bold;"


class VerifyDialog(QDialog):
    """Choose a PDF; its signatures are checked on the worker and explained here.

    Attributes:
        report: the last verification (None before one, or when the file could not be read).

    Signals:
        verified(object): the ``VerificationReport`` shown, or None when the file was unreadable.
    """

    verified = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.report: VerificationReport | None = None
        self.setWindowTitle(self.tr("Verify a signed PDF"))
        self.choose_button = QPushButton(self.tr("Choose PDF…"))
        self.choose_button.setDefault(True)
        self.file_label = QLabel(self.tr("Choose a signed return (PDF) to check its signatures."))
        self.file_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Each signature is described here."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(self._choose)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 360)

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Verify a signed PDF"), "", self.tr("PDF documents (*.pdf)")
        )
        if chosen:
            self.verify_file(Path(chosen))

    def verify_file(self, file: Path) -> None:
        """Check ``file`` on the worker; the result replaces what is shown."""
        self.file_label.setText(str(file))
        self._set_summary(self.tr("Checking the signatures…"), "")
        self.details.clear()
        self.choose_button.setEnabled(False)
        trusted_from = self._ctx.paths
        self._ctx.tasks.run(
            lambda: verify_pdf(file.read_bytes(), trusted_certificates(trusted_from)),
            self._show,
            lambda error: self._failed(file, error),
        )

    def _show(self, report: VerificationReport) -> None:
        self.report = report
        self.choose_button.setEnabled(True)
        lines = describe(report, translate)
        self._set_summary(lines[0], OK_STYLE if report.ok else FAILED_STYLE)
        self.details.setPlainText("\n\n".join(lines[1:]))
        self.verified.emit(report)

    def _failed(self, file: Path, error: BaseException) -> None:
        self.report = None
        self.choose_button.setEnabled(True)
        if isinstance(error, OSError):
            text = self.tr("The file {file} cannot be read: {reason}").format(
                file=file, reason=error.strerror or error
            )
        else:
            text = error_text(error)
        self._set_summary(text, FAILED_STYLE)
        self.verified.emit(None)

    def _set_summary(self, text: str, style: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(style)
