"""The union's signing identity: see the certificate, export it, create or import a new one.

Creating and importing are for administrators (the service refuses others too). A replacement
is confirmed first; the old identity is kept aside, never deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.domain.access import Permission
from unionDesk.services.certificates import MIN_PASSPHRASE_LENGTH, IdentityInfo
from unionDesk.services.identity import (
    create_identity,
    export_certificate,
    import_identity,
    read_identity,
)
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.login import password_edit
from unionDesk.ui.returns.passphrase import ask_passphrase
from unionDesk.ui.widgets import error_label, set_message

DATE_FORMAT = "%Y-%m-%d"
_RDN_SEPARATOR = re.compile(r"(?<!\\),")  # between the parts of a subject, not inside one
NOTICE_STYLE = "color: #1b5e20;"


def _two_lines(fingerprint: str) -> str:
    """The 32 hex pairs of a SHA-256 fingerprint as two lines of 16, easy to compare aloud."""
    half = len(fingerprint) // 2
    return fingerprint[:half] + "\n" + fingerprint[half + 1 :]


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class IdentityDialog(QDialog):
    """Shows the signing identity and lets an administrator create or import one.

    Signals:
        identity_shown(object): the dialog shows this ``IdentityInfo`` (None: there is none).
        identity_saved(object): a new identity was created or imported (its ``IdentityInfo``).
        certificate_exported(str): the certificate was written to this file.
    """

    identity_shown = Signal(object)
    identity_saved = Signal(object)
    certificate_exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.info: IdentityInfo | None = None
        self.setWindowTitle(self.tr("Signing identity"))
        self.state_label = _selectable(QLabel(self.tr("Loading…")))
        self.subject_label = _selectable(QLabel())
        self.uscc_label = _selectable(QLabel())
        self.fingerprint_label = _selectable(QLabel())
        self.fingerprint_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.validity_label = _selectable(QLabel())
        self.export_button = QPushButton(self.tr("Export certificate…"))
        self.passphrase_edit, self.repeat_edit = password_edit(), password_edit()
        self.create_button = QPushButton(self.tr("Create new identity"))
        self.import_button = QPushButton(self.tr("Import PKCS#12 file…"))
        self.message = error_label()
        self.notice = _selectable(QLabel())
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._lay_out()
        self._connect()
        self._allow_changes(ctx.actor.may(Permission.MANAGE_SIGNING))
        self.refresh()

    def _lay_out(self) -> None:
        current = QGroupBox(self.tr("Current certificate"))
        shown = QFormLayout(current)
        shown.addRow(self.tr("Status"), self.state_label)
        shown.addRow(self.tr("Subject"), self.subject_label)
        shown.addRow(self.tr("Unified social credit code"), self.uscc_label)
        shown.addRow(self.tr("Fingerprint (SHA-256)"), self.fingerprint_label)
        shown.addRow(self.tr("Valid"), self.validity_label)
        shown.addRow("", self.export_button)
        self.new_group = QGroupBox(self.tr("New identity"))
        self.new_intro = QLabel(
            self.tr(
                "A new identity is a key pair with a self-signed certificate in the union's "
                "name and code. Choose a passphrase of at least {minimum} characters: it "
                "protects the key, is asked at each signing and cannot be recovered. Or import "
                "the PKCS#12 file the higher-level union issued."
            ).format(minimum=MIN_PASSPHRASE_LENGTH)
        )
        self.new_intro.setWordWrap(True)
        fields = QFormLayout()
        fields.addRow(self.tr("Passphrase"), self.passphrase_edit)
        fields.addRow(self.tr("Repeat passphrase"), self.repeat_edit)
        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        new_layout = QVBoxLayout(self.new_group)
        new_layout.addWidget(self.new_intro)
        new_layout.addLayout(fields)
        new_layout.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addWidget(self.new_group)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _connect(self) -> None:
        self.export_button.clicked.connect(self._choose_export)
        self.create_button.clicked.connect(self.create_new)
        self.import_button.clicked.connect(self._choose_import)
        self.buttons.rejected.connect(self.reject)
        for button in (self.export_button, self.import_button):
            button.setAutoDefault(False)
        self.create_button.setDefault(True)  # Enter in the passphrase fields creates

    def _allow_changes(self, allowed: bool) -> None:
        for widget in (self.passphrase_edit, self.repeat_edit):
            widget.setEnabled(allowed)
        self.create_button.setEnabled(allowed)
        self.import_button.setEnabled(allowed)
        if not allowed:
            self.new_intro.setText(
                self.tr("Only an administrator can create or import the signing identity.")
            )

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the stored certificate again (on the worker)."""
        paths = self._ctx.paths
        self._ctx.tasks.run(lambda: read_identity(paths), self._show, self._failed)

    def _show(self, info: IdentityInfo | None) -> None:
        self.info = info
        self.export_button.setEnabled(info is not None)
        if info is None:
            self.state_label.setText(
                self.tr("There is no signing identity yet. Returns cannot be signed.")
            )
            for label in (self.subject_label, self.uscc_label, self.fingerprint_label):
                label.setText("—")
            self.validity_label.setText("—")
        else:
            self.state_label.setText(
                self.tr("Self-signed certificate")
                if info.self_signed
                else self.tr("Certificate issued by an authority")
            )
            self.subject_label.setText("\n".join(_RDN_SEPARATOR.split(info.subject)))
            self.uscc_label.setText(info.uscc or "—")
            self.fingerprint_label.setText(_two_lines(info.fingerprint))
            self.validity_label.setText(
                self.tr("{start} to {end}").format(
                    start=info.valid_from.astimezone().strftime(DATE_FORMAT),
                    end=info.valid_to.astimezone().strftime(DATE_FORMAT),
                )
            )
        self.identity_shown.emit(info)

    # --- creating and importing ---------------------------------------------------------------

    def create_new(self) -> None:
        """Create a new identity with the typed passphrase (confirming a replacement)."""
        passphrase = self.passphrase_edit.text()
        if passphrase != self.repeat_edit.text():
            set_message(self.message, self.tr("The two passphrases differ. Type them again."))
            return
        replace = self._confirm_replace()
        if replace is None:
            return
        db, actor, paths = self._ctx.db, self._ctx.actor, self._ctx.paths
        self._run(lambda: create_identity(db, actor, paths, passphrase, replace=replace))

    def import_file(self, file: Path, passphrase: str) -> None:
        """Import the PKCS#12 ``file`` protected with ``passphrase`` (confirming a replacement)."""
        replace = self._confirm_replace()
        if replace is None:
            return
        db, actor, paths = self._ctx.db, self._ctx.actor, self._ctx.paths
        self._run(
            lambda: import_identity(
                db, actor, paths, file.read_bytes(), passphrase, replace=replace
            )
        )

    def _choose_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a signing identity"),
            "",
            self.tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"),
        )
        if not chosen:
            return
        passphrase = ask_passphrase(
            self,
            self.tr("Import a signing identity"),
            self.tr("Enter the passphrase the file {file} was protected with.").format(
                file=Path(chosen).name
            ),
        )
        if passphrase is not None:
            self.import_file(Path(chosen), passphrase)

    def _confirm_replace(self) -> bool | None:
        """False when there is nothing to replace, True when confirmed, None when not."""
        if self.info is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Replace the signing identity"),
            self.tr(
                "Replace the current signing identity (fingerprint {fingerprint})? Returns "
                "signed from now on carry the new certificate; give it to the higher-level "
                "union again. The old identity is kept aside."
            ).format(fingerprint=self.info.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def _run(self, work: Callable[[], Any]) -> None:
        set_message(self.message, "")
        self.notice.hide()
        self._set_busy(True)
        self._ctx.tasks.run(work, self._saved, self._failed)

    def _saved(self, info: IdentityInfo) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self._show(info)
        self._notify(
            self.tr(
                "The signing identity is ready. Export the certificate and give it to the "
                "higher-level union so they can check your returns."
            )
        )
        self.identity_saved.emit(info)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        set_message(self.message, error_text(error))  # the typed passphrases are kept

    def _set_busy(self, busy: bool) -> None:
        allowed = self._ctx.actor.may(Permission.MANAGE_SIGNING)
        self.create_button.setEnabled(allowed and not busy)
        self.import_button.setEnabled(allowed and not busy)

    def _notify(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # --- exporting ----------------------------------------------------------------------------

    def _choose_export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the certificate"),
            str(Path.home() / "signing-certificate.pem"),
            self.tr("PEM certificates (*.pem)"),
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, file: Path) -> None:
        """Write the certificate (PEM) to ``file`` on the worker."""
        paths = self._ctx.paths
        set_message(self.message, "")
        self._ctx.tasks.run(
            lambda: file.write_bytes(export_certificate(paths)),
            lambda _size: self._exported(file),
            self._failed,
        )

    def _exported(self, file: Path) -> None:
        self._notify(self.tr("The certificate was written to {file}.").format(file=file))
        self.certificate_exported.emit(str(file))
