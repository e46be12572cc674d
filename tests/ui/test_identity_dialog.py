"""The signing identity dialog: create (admins only), replace with confirmation, import, export."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from PySide6.QtWidgets import QMessageBox

from unionDesk.domain.access import Role
from unionDesk.services.signing import create_personal_p12, read_identity
from unionDesk.ui.returns.identity_dialog import IdentityDialog
from unionDesk.ui.returns.passphrase import PassphraseDialog

PASSPHRASE = "Gonghui-Sign-2026"


@pytest.fixture
def dialog(qtbot, ctx, wait_idle):
    shown = IdentityDialog(ctx)
    qtbot.addWidget(shown)
    wait_idle()
    return shown


def type_passphrases(dialog: IdentityDialog, first: str, second: str | None = None) -> None:
    dialog.passphrase_edit.setText(first)
    dialog.repeat_edit.setText(first if second is None else second)


def test_without_an_identity_it_says_so_and_cannot_export(dialog):
    assert dialog.info is None
    assert dialog.fingerprint_label.text() == "—"
    assert not dialog.export_button.isEnabled()


def test_create_shows_the_new_fingerprint(qtbot, dialog, ctx):
    type_passphrases(dialog, PASSPHRASE)

    with qtbot.waitSignal(dialog.identity_saved, timeout=10_000):
        dialog.create_button.click()

    stored = read_identity(ctx.paths)
    assert dialog.fingerprint_label.text().replace("\n", ":") == stored.fingerprint
    assert dialog.uscc_label.text() == stored.uscc
    assert dialog.passphrase_edit.text() == "" and dialog.export_button.isEnabled()


def test_different_passphrases_are_refused_before_anything_runs(dialog, ctx):
    type_passphrases(dialog, PASSPHRASE, PASSPHRASE + "x")

    dialog.create_button.click()

    assert dialog.message.isVisibleTo(dialog)
    assert ctx.tasks.idle and read_identity(ctx.paths) is None


def test_a_short_passphrase_is_explained_and_kept(qtbot, dialog, wait_idle):
    type_passphrases(dialog, "short")

    dialog.create_button.click()
    wait_idle()

    assert "8" in dialog.message.text()
    assert dialog.passphrase_edit.text() == "short"


def test_replacing_asks_first_and_keeps_the_identity_when_declined(qtbot, dialog, ctx, dialogs):
    type_passphrases(dialog, PASSPHRASE)
    with qtbot.waitSignal(dialog.identity_saved, timeout=10_000):
        dialog.create_button.click()
    first = read_identity(ctx.paths)
    type_passphrases(dialog, PASSPHRASE)

    dialog.create_button.click()  # the recorder answers No

    assert len(dialogs.named("question")) == 1
    assert ctx.tasks.idle and read_identity(ctx.paths) == first
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.identity_saved, timeout=10_000):
        dialog.create_button.click()
    assert read_identity(ctx.paths).fingerprint != first.fingerprint


def test_import_with_a_wrong_passphrase_says_so(qtbot, dialog, tmp_path, wait_idle):
    p12 = tmp_path / "issued.p12"
    p12.write_bytes(create_personal_p12("测试公司工会", PASSPHRASE))

    dialog.import_file(p12, "Wrong-Pass-2026")
    wait_idle()

    assert dialog.message.isVisibleTo(dialog) and dialog.info is None
    with qtbot.waitSignal(dialog.identity_saved, timeout=10_000):
        dialog.import_file(p12, PASSPHRASE)
    assert dialog.subject_label.text() == "CN=测试公司工会\nC=CN"


def test_export_writes_the_certificate(qtbot, dialog, tmp_path):
    type_passphrases(dialog, PASSPHRASE)
    with qtbot.waitSignal(dialog.identity_saved, timeout=10_000):
        dialog.create_button.click()
    target = tmp_path / "union.pem"

    with qtbot.waitSignal(dialog.certificate_exported, timeout=10_000):
        dialog.export_to(target)

    exported = x509.load_pem_x509_certificate(target.read_bytes())
    assert exported.fingerprint(hashes.SHA256()).hex(":").upper() == dialog.info.fingerprint
    assert str(target) in dialog.notice.text()


def test_an_officer_sees_the_identity_but_cannot_create_one(qtbot, as_user, wait_idle):
    officer = as_user("lihua", Role.OFFICER)
    shown = IdentityDialog(officer)
    qtbot.addWidget(shown)
    wait_idle()

    assert not shown.create_button.isEnabled()
    assert not shown.import_button.isEnabled()
    assert not shown.passphrase_edit.isEnabled()


def test_the_passphrase_dialog_accepts_only_a_typed_passphrase(qtbot):
    asked = PassphraseDialog("签名")
    qtbot.addWidget(asked)
    ok = asked.buttons.button(asked.buttons.StandardButton.Ok)

    assert not ok.isEnabled()
    qtbot.keyClicks(asked.passphrase_edit, PASSPHRASE)
    assert ok.isEnabled() and asked.passphrase == PASSPHRASE
