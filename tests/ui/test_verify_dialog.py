"""The verify dialog: a signed return shows green and who signed; a tampered copy shows red."""

from __future__ import annotations

import pytest

from pdf_helpers import flip_signed_byte, make_pdf
from unionDesk.services.signing import create_identity, load_signer, sign_pdf
from unionDesk.ui.returns.verify_dialog import FAILED_STYLE, OK_STYLE, VerifyDialog

PASSPHRASE = "Gonghui-Sign-2026"
UNION = "测试公司工会"


@pytest.fixture
def signed(ctx, tmp_path):
    create_identity(ctx.db, ctx.actor, ctx.paths, PASSPHRASE)
    pdf = sign_pdf(make_pdf("会员花名册"), load_signer(ctx.paths, PASSPHRASE), signer_label=UNION)
    target = tmp_path / "会员花名册.pdf"
    target.write_bytes(pdf)
    return target


@pytest.fixture
def dialog(qtbot, ctx):
    shown = VerifyDialog(ctx)
    qtbot.addWidget(shown)
    return shown


def test_a_signed_return_is_shown_as_verified(qtbot, dialog, signed):
    with qtbot.waitSignal(dialog.verified, timeout=10_000):
        dialog.verify_file(signed)

    assert dialog.report.ok
    assert dialog.summary_label.styleSheet() == OK_STYLE
    assert UNION in dialog.details.toPlainText()
    assert dialog.report.signatures[0].fingerprint not in dialog.details.toPlainText()  # trusted


def test_a_tampered_copy_is_shown_as_failed(qtbot, dialog, signed):
    signed.write_bytes(flip_signed_byte(signed.read_bytes()))

    with qtbot.waitSignal(dialog.verified, timeout=10_000):
        dialog.verify_file(signed)

    assert not dialog.report.ok
    assert dialog.summary_label.styleSheet() == FAILED_STYLE


def test_a_file_that_is_no_pdf_is_explained(qtbot, dialog, tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf", encoding="utf-8")

    with qtbot.waitSignal(dialog.verified, timeout=10_000) as blocker:
        dialog.verify_file(text)

    assert blocker.args == [None] and dialog.report is None
    assert dialog.summary_label.styleSheet() == FAILED_STYLE
    assert dialog.summary_label.text() != ""
    assert dialog.choose_button.isEnabled()


def test_a_missing_file_is_explained(qtbot, dialog, tmp_path):
    missing = tmp_path / "gone.pdf"

    with qtbot.waitSignal(dialog.verified, timeout=10_000):
        dialog.verify_file(missing)

    assert str(missing) in dialog.summary_label.text()
