"""``uniondesk return TYPE``: the files it writes, and how it refuses bad input."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

from helpers import fake_id, member_draft
from returns_helpers import pdf_text
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.services.members import create_member


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    db = create_database(resolve_paths(folder), "测试工会委员会", compose_uscc("91110105MA01ABCD1"))
    for index, name in enumerate(("王𠈌", "阿依古丽·买买提")):
        create_member(
            db,
            CLI_ACTOR,
            member_draft(
                name=name, id_number=fake_id(sequence=11 + 2 * index), card_number=f"C{index}"
            ),
        )
    db.close()
    return folder


def run(data_dir, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_roster_writes_pdf_json_and_manifest(data_dir, tmp_path, capsys):
    out = tmp_path / "out"
    code, printed, _ = run(
        data_dir, capsys, "return", "roster", "--period", "2026Q3", "--out", str(out)
    )
    assert code == EXIT_OK
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 3 and all(name.startswith("roster_2026Q3_") for name in written)
    pdf = next(out.glob("*.pdf"))
    assert str(pdf) in printed and "not signed" in printed
    text = pdf_text(pdf.read_bytes())
    assert "王𠈌" in text and "阿依古丽·买买提" in text
    data = json.loads(next(out.glob("roster_*[0-9].json")).read_text(encoding="utf-8"))
    assert data["count"] == 2 and data["period"] == "2026Q3"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["roster", "--period", "2026Q5"], EXIT_USAGE, "is not understood"),
        (["nomination", "--period", "2026"], EXIT_REFUSED, "needs --subject"),
        (["roster", "--period", "2026", "--sign"], EXIT_REFUSED, "together"),
        (["competition", "--period", "2026", "--subject", "999"], EXIT_REFUSED, ""),
    ],
)
def test_bad_requests_are_refused_and_write_nothing(
    data_dir, tmp_path, capsys, args, code, message
):
    out = tmp_path / "out"
    result, _, err = run(data_dir, capsys, "return", *args, "--out", str(out))
    assert result == code
    assert message in err and err.strip()
    assert not out.exists() or not any(out.iterdir())


def test_unreadable_passphrase_file_is_refused(data_dir, tmp_path, capsys):
    args = ["roster", "--period", "2026", "--sign", "--passphrase-file", str(tmp_path / "none")]
    result, _, err = run(data_dir, capsys, "return", *args, "--out", str(tmp_path / "out"))
    assert result == EXIT_REFUSED
    assert "cannot be read" in err
