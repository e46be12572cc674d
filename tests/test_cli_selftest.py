"""``uniondesk selftest``: one line per check, JSON on request, exit 0 only when all pass."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication

from unionDesk.cli import EXIT_OK, EXIT_REFUSED, main
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.services import selftest

CHECKS = 8


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """English source texts; a QApplication exists before the cli runs (see test_cli.py)."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


def test_every_check_prints_a_tick_line_and_the_exit_status_is_zero(capsys):
    assert main(["selftest"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == CHECKS
    assert all(line.startswith("✓ ") for line in lines)
    assert lines[0] == "✓ Database: Created a database and added the member 王𠈌."
    assert lines[-1] == "✓ Reading the PDF back: Read the name 王𠈌 back from the PDF."


def test_a_failed_check_prints_a_cross_and_exits_non_zero(capsys, monkeypatch):
    monkeypatch.setattr(selftest, "TRANSLATION_FILE", "uniondesk_xx.qm")
    assert main(["selftest"]) == EXIT_REFUSED
    lines = capsys.readouterr().out.splitlines()
    crossed = [line for line in lines if line.startswith("✗ ")]
    assert len(crossed) == 1
    assert crossed[0].startswith("✗ Translations: Failed: ")


def test_json_lists_every_check(capsys):
    assert main(["selftest", "--json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert [c["key"] for c in report["checks"]][:2] == ["database", "migrations"]
    assert len(report["checks"]) == CHECKS
    assert report["checks"][4] == {
        "key": "pdf",
        "name": "PDF return",
        "ok": True,
        "message": report["checks"][4]["message"],
    }
    assert report["checks"][4]["message"].startswith("Made a roster return (")


def test_it_runs_in_a_fresh_process_without_any_data_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "UNIONDESK_HOME"}
    env |= {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg"), "UNIONDESK_LANG": ""}
    code = "import sys; from unionDesk.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code, "selftest"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == CHECKS
    assert all(line.startswith("✓ ") for line in lines)
    assert "王𠈌" in lines[0]
    assert not (tmp_path / "xdg").exists()


def test_an_output_encoding_without_the_check_marks_does_not_break_it(monkeypatch):
    raw = io.BytesIO()
    narrow = io.TextIOWrapper(raw, encoding="gbk")
    monkeypatch.setattr(sys, "stdout", narrow)
    assert main(["selftest"]) == EXIT_OK
    narrow.flush()
    first = raw.getvalue().decode("gbk").splitlines()[0]
    assert first == "\\u2713 Database: Created a database and added the member 王\\U0002020c."
