"""``uniondesk export …``, run in-process against a real data folder."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication

from activity_helpers import competition_draft
from helpers import OFFICE, fake_id, member_draft
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import resolve_paths
from unionDesk.services.audit import AuditFilter, query_audit
from unionDesk.services.competition_entries import add_member_entries
from unionDesk.services.competitions import create_competition
from unionDesk.services.database import create_database, open_database
from unionDesk.services.departments import add_department
from unionDesk.services.events import create_event, set_attendance
from unionDesk.services.members import create_member


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """Messages in English (the source texts); a QApplication exists before the cli runs."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Two members (one in 一车间), a competition entering both and an event with one."""
    folder = tmp_path / "data"
    db = create_database(resolve_paths(folder), "测试工会委员会", compose_uscc("91110105MA01ABCD1"))
    try:
        workshop = add_department(db, OFFICE, None, "一车间")
        first = create_member(db, OFFICE, member_draft(department_id=workshop, card_number="GH-1"))
        second = create_member(
            db, OFFICE, member_draft(name="李娜", id_number=fake_id(125), card_number="GH-2")
        )
        competition = create_competition(db, OFFICE, competition_draft())
        add_member_entries(db, OFFICE, competition, [first, second])
        draft = EventDraft(
            EventType.READING,
            "读书会",
            datetime(2026, 3, 1, 14),
            None,
            "职工书屋",
            "工会",
            "",
            Decimal("2"),
            0,
        )
        event = create_event(db, OFFICE, draft, now=datetime(2026, 11, 21, 9))
        set_attendance(db, OFFICE, event, [second])
    finally:
        db.close()
    (folder / "ids.txt").write_text(f"{workshop} {competition} {event}")
    return folder


def run(data_dir: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "export", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ids(data_dir: Path) -> list[int]:
    return [int(part) for part in (data_dir / "ids.txt").read_text().split()]


def sheet_rows(path: Path) -> list[list[object]]:
    return [list(r) for r in load_workbook(path).worksheets[0].iter_rows(values_only=True)]


def test_members_are_exported_masked_by_department(data_dir: Path, tmp_path: Path, capsys):
    workshop = ids(data_dir)[0]
    out = tmp_path / "members.xlsx"
    code, printed, _ = run(data_dir, capsys, "members", str(out), "--department", str(workshop))
    assert code == EXIT_OK
    assert printed.strip() == f"Wrote 1 rows to {out}."
    rows = sheet_rows(out)
    assert [r[0] for r in rows] == ["姓名", "张伟"]
    assert "*" in str(rows[1][2])


def test_full_ids_are_written_and_the_unmasking_audited(data_dir: Path, tmp_path: Path, capsys):
    out = tmp_path / "full.xlsx"
    code, _, _ = run(data_dir, capsys, "members", str(out), "--full-ids", "--status", "active")
    assert code == EXIT_OK
    assert sorted(str(r[2]) for r in sheet_rows(out)[1:]) == sorted([fake_id(), fake_id(125)])
    db = open_database(resolve_paths(data_dir))
    try:
        actions = [e.action.value for e in query_audit(db, OFFICE, AuditFilter(actor="cli"))]
    finally:
        db.close()
    assert "unmask" in actions and "export" in actions


def test_template_competition_and_event(data_dir: Path, tmp_path: Path, capsys):
    _, competition, event = ids(data_dir)
    assert run(data_dir, capsys, "template", str(tmp_path / "t.xlsx"))[0] == EXIT_OK
    assert sheet_rows(tmp_path / "t.xlsx")[0][0] == "姓名"
    assert run(data_dir, capsys, "competition", str(competition), str(tmp_path / "c.xlsx"))[0] == 0
    assert len(sheet_rows(tmp_path / "c.xlsx")) == 3
    code, printed, _ = run(data_dir, capsys, "event", str(event), str(tmp_path / "e.xlsx"))
    assert code == EXIT_OK and "Wrote 1 rows" in printed
    assert [r[1] for r in sheet_rows(tmp_path / "e.xlsx")] == ["姓名", "李娜"]


def test_an_unknown_event_or_unwritable_file_is_refused(data_dir: Path, tmp_path: Path, capsys):
    code, _, error = run(data_dir, capsys, "event", "999", str(tmp_path / "e.xlsx"))
    assert code == EXIT_REFUSED and error.strip()
    assert not (tmp_path / "e.xlsx").exists()
    code, _, error = run(data_dir, capsys, "members", str(tmp_path / "missing" / "m.xlsx"))
    assert code == EXIT_REFUSED
    assert "could not be written" in error


def test_a_wrong_status_is_a_usage_error(data_dir: Path, tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as stopped:
        run(data_dir, capsys, "members", str(tmp_path / "m.xlsx"), "--status", "gone")
    assert stopped.value.code == EXIT_USAGE
