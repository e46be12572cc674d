"""Asking the passphrase of a signing identity at the moment it is needed (it is never stored)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from unionDesk.ui.login import password_edit


class PassphraseDialog(QDialog):
    """One hidden field for the passphrase; OK is enabled once something is typed.

    Attributes:
        prompt_label: the question above the field.
        passphrase_edit: the field.
        buttons: OK (default, Enter) and Cancel.
    """

    def __init__(self, title: str, parent: QWidget | None = None, prompt: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt_label = QLabel(
            prompt
            or self.tr(
                "Enter the passphrase of the signing identity. It is not stored anywhere; "
                "UnionDesk asks for it at each signing."
            )
        )
        self.prompt_label.setWordWrap(True)
        self.passphrase_edit = password_edit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setDefault(True)
        self._ok.setEnabled(False)
        self.passphrase_edit.textChanged.connect(lambda text: self._ok.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.passphrase_edit.setFocus()

    @property
    def passphrase(self) -> str:
        """What was typed."""
        return self.passphrase_edit.text()


def ask_passphrase(parent: QWidget | None, title: str, prompt: str = "") -> str | None:
    """Ask for a passphrase in a modal dialog; None when the user cancels."""
    dialog = PassphraseDialog(title, parent, prompt)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.passphrase
        return None
    finally:
        dialog.passphrase_edit.clear()
        dialog.deleteLater()
