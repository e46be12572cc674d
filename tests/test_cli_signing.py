"""``uniondesk identity …``, ``verify`` and ``countersign``, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from PySide6.QtCore import QCoreApplication

from pdf_helpers import add_page_content, flip_signed_byte, make_pdf
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_STORE, main
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.services.signing import load_signer, read_identity, sign_pdf

UNION = "测试机械厂工会委员会"
USCC = compose_uscc("91110105MA01ABCD1")
PASSPHRASE = "Gonghui-Sign-2026"


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """English messages; a QApplication exists before the cli runs (see tests/test_cli.py)."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    create_database(resolve_paths(path), UNION, USCC).close()
    return path


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    file = tmp_path / "passphrase.txt"
    file.write_text(PASSPHRASE + "\n", encoding="utf-8")  # as an editor saves it
    return file


@pytest.fixture
def with_identity(data_dir: Path, passphrase_file: Path) -> Path:
    assert run(data_dir, "identity", "create", "--passphrase-file", str(passphrase_file)) == 0
    return data_dir


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def signed_return(data_dir: Path, tmp_path: Path, **options: bool) -> Path:
    signer = load_signer(resolve_paths(data_dir), PASSPHRASE)
    target = tmp_path / "return.pdf"
    target.write_bytes(sign_pdf(make_pdf("会员花名册"), signer, signer_label=UNION, **options))
    return target


def test_identity_create_uses_the_union_profile_and_prints_the_fingerprint(
    data_dir, passphrase_file, capsys
):
    assert run(data_dir, "identity", "create", "--passphrase-file", str(passphrase_file)) == 0

    info = read_identity(resolve_paths(data_dir))
    assert (info.name, info.uscc) == (UNION, USCC)
    assert info.fingerprint in capsys.readouterr().out
    # the trailing newline of the file is not part of the passphrase
    assert load_signer(resolve_paths(data_dir), PASSPHRASE).info == info


def test_identity_create_refuses_to_replace_without_replace(with_identity, passphrase_file, capsys):
    before = read_identity(resolve_paths(with_identity))
    args = ("identity", "create", "--passphrase-file", str(passphrase_file))

    assert run(with_identity, *args) == EXIT_REFUSED
    assert "already has a signing identity" in capsys.readouterr().err
    assert run(with_identity, *args, "--replace") == EXIT_OK
    assert read_identity(resolve_paths(with_identity)) != before


def test_identity_create_refuses_a_short_passphrase(data_dir, tmp_path, capsys):
    short = tmp_path / "short.txt"
    short.write_text("1234\n", encoding="utf-8")

    assert run(data_dir, "identity", "create", "--passphrase-file", str(short)) == EXIT_REFUSED
    assert "at least 8 characters" in capsys.readouterr().err


def test_identity_import_and_its_wrong_passphrase(data_dir, passphrase_file, tmp_path, capsys):
    p12 = tmp_path / "issued.p12"
    assert (
        run(
            data_dir,
            "identity",
            "create-personal",
            "--name",
            UNION,
            "--out",
            str(p12),
            "--passphrase-file",
            str(passphrase_file),
        )
        == EXIT_OK
    )
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Not-The-Passphrase", encoding="utf-8")

    assert run(data_dir, "identity", "import", str(p12), "--passphrase-file", str(wrong)) == 1
    assert "The passphrase is wrong" in capsys.readouterr().err
    assert (
        run(data_dir, "identity", "import", str(p12), "--passphrase-file", str(passphrase_file))
        == 0
    )
    assert read_identity(resolve_paths(data_dir)).name == UNION


def test_identity_export_cert_writes_the_pem(with_identity, tmp_path):
    out = tmp_path / "union.pem"

    assert run(with_identity, "identity", "export-cert", str(out)) == EXIT_OK

    certificate = x509.load_pem_x509_certificate(out.read_bytes())
    assert certificate.subject.rfc4514_string().startswith(f"2.5.4.97={USCC},CN={UNION}")


def test_identity_show_json(with_identity, capsys):
    capsys.readouterr()
    assert run(with_identity, "identity", "show", "--json") == EXIT_OK

    shown = json.loads(capsys.readouterr().out)
    assert shown["fingerprint"] == read_identity(resolve_paths(with_identity)).fingerprint
    assert (shown["name"], shown["uscc"], shown["self_signed"]) == (UNION, USCC, True)


def test_identity_show_without_identity_is_refused(data_dir, capsys):
    assert run(data_dir, "identity", "show") == EXIT_REFUSED
    assert "There is no signing identity" in capsys.readouterr().err


def test_verify_accepts_a_signed_return_and_says_who_signed(with_identity, tmp_path, capsys):
    target = signed_return(with_identity, tmp_path)
    capsys.readouterr()

    assert run(with_identity, "verify", str(target)) == EXIT_OK

    out = capsys.readouterr().out
    assert out.startswith("Verified:")
    assert f"Signer: {UNION}" in out and "certificate: trusted by this install" in out


@pytest.mark.parametrize("tamper", [flip_signed_byte, add_page_content], ids=["byte", "update"])
def test_verify_rejects_a_tampered_copy(with_identity, tmp_path, capsys, tamper):
    target = signed_return(with_identity, tmp_path)
    target.write_bytes(tamper(target.read_bytes()))
    capsys.readouterr()

    assert run(with_identity, "verify", str(target)) == EXIT_REFUSED
    assert capsys.readouterr().out.startswith("Verification FAILED")


def test_verify_json_has_every_field(with_identity, tmp_path, capsys):
    target = signed_return(with_identity, tmp_path)
    capsys.readouterr()

    assert run(with_identity, "verify", str(target), "--json") == EXIT_OK

    report = json.loads(capsys.readouterr().out)
    [signature] = report["signatures"]
    assert report["ok"] is True
    assert signature["signer"] == UNION
    assert (signature["intact"], signature["valid"], signature["trusted"]) == (True, True, True)
    assert signature["modification"] == "none"
    assert signature["signed_at"].startswith("20")
    assert report["lines"][0].startswith("Verified:")


def test_verify_works_without_a_database(tmp_path, capsys):
    target = tmp_path / "unsigned.pdf"
    target.write_bytes(make_pdf("会员花名册"))

    assert run(tmp_path / "empty", "verify", str(target)) == EXIT_REFUSED
    assert "no digital signature" in capsys.readouterr().out


def test_verify_of_an_unreadable_file_exits_3(tmp_path, capsys):
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf", encoding="utf-8")

    assert run(tmp_path, "verify", str(text)) == EXIT_STORE
    assert "not a PDF document" in capsys.readouterr().err
    assert run(tmp_path, "verify", str(tmp_path / "missing.pdf")) == EXIT_STORE
    assert "cannot be read" in capsys.readouterr().err


def test_the_chair_countersigns_from_the_command_line(
    with_identity, passphrase_file, tmp_path, capsys
):
    certified = signed_return(with_identity, tmp_path, for_countersignature=True)
    chair_p12, out = tmp_path / "chair.p12", tmp_path / "countersigned.pdf"
    personal = ("identity", "create-personal", "--name", "王俊雪", "--out", str(chair_p12))
    assert run(with_identity, *personal, "--passphrase-file", str(passphrase_file)) == EXIT_OK
    countersign = ("countersign", str(certified), "--p12", str(chair_p12))

    assert (
        run(
            with_identity,
            *countersign,
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            str(out),
        )
        == EXIT_OK
    )
    capsys.readouterr()
    assert run(with_identity, "verify", str(out)) == EXIT_OK
    assert "2. Signer: 王俊雪" in capsys.readouterr().out
    assert (
        run(
            with_identity,
            *countersign,
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            str(out),
        )
        == EXIT_REFUSED
    )
    assert "already exists" in capsys.readouterr().err


def test_create_personal_never_overwrites_a_file(data_dir, passphrase_file, tmp_path, capsys):
    out = tmp_path / "chair.p12"
    out.write_bytes(b"someone's key")
    args = ("identity", "create-personal", "--name", "王俊雪", "--out", str(out))

    assert run(data_dir, *args, "--passphrase-file", str(passphrase_file)) == EXIT_REFUSED
    assert out.read_bytes() == b"someone's key"
