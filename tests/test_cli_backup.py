"""``uniondesk backup create|list|restore``, and where portable mode keeps the data."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLockFile

from helpers import OFFICE, fake_id, member_draft
from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_STORE, main
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import (
    PORTABLE_FOLDER,
    PORTABLE_MARKER,
    program_folder,
    resolve_paths,
)
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.database import create_database, open_database
from unionDesk.services.members import MemberQuery, create_member, query_member_ids
from unionDesk.store.probe import SCHEMA_HEAD

USCC = compose_uscc("91110105MA01ABCD1")


@pytest.fixture(autouse=True)
def english(monkeypatch, qapp):
    """English messages; a QApplication exists before the cli runs (see tests/test_cli.py)."""
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    db = create_database(resolve_paths(path), "测试机械厂工会委员会", USCC)
    create_member(db, OFFICE, member_draft())
    db.close()
    return path


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "backup", *args])


def members(data_dir: Path) -> int:
    db = open_database(resolve_paths(data_dir))
    try:
        return len(query_member_ids(db, OFFICE, MemberQuery()))
    finally:
        db.close()


def last_action(data_dir: Path) -> tuple[str, Action]:
    db = open_database(resolve_paths(data_dir))
    try:
        entry = query_audit(db, OFFICE, AuditFilter())[0]
        return entry.actor, entry.action
    finally:
        db.close()


def test_backup_create_writes_into_the_backups_folder_audited_as_cli(data_dir, capsys):
    assert run(data_dir, "create") == EXIT_OK

    [made] = (data_dir / "backups").glob("*-manual.sqlite3")
    assert str(made) in capsys.readouterr().out
    assert last_action(data_dir) == ("cli", Action.BACKUP)


def test_backup_create_to_a_chosen_file(data_dir, tmp_path):
    target = tmp_path / "stick" / "copy.sqlite3"

    assert run(data_dir, "create", "--to", str(target)) == EXIT_OK
    assert target.is_file()


def test_backup_list_prints_json_with_kind_and_revision(data_dir, capsys):
    run(data_dir, "create")
    capsys.readouterr()

    assert run(data_dir, "list", "--json") == EXIT_OK

    [row] = json.loads(capsys.readouterr().out)
    assert row["kind"] == "manual" and row["revision"] == SCHEMA_HEAD and row["size"] > 0


def test_backup_restore_brings_back_the_backup_audited_as_cli(data_dir, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    run(data_dir, "create", "--to", str(copy))
    db = open_database(resolve_paths(data_dir))
    create_member(db, OFFICE, member_draft(id_number=fake_id(125), card_number="X2"))
    db.close()

    assert run(data_dir, "restore", str(copy)) == EXIT_OK

    assert members(data_dir) == 1
    assert last_action(data_dir) == ("cli", Action.RESTORE)
    assert list((data_dir / "backups").glob("*-before-restore.sqlite3"))


def test_backup_restore_refuses_a_damaged_file_with_the_reason(data_dir, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(4096))
    before = (data_dir / "uniondesk.sqlite3").read_bytes()

    assert run(data_dir, "restore", str(bad)) == EXIT_REFUSED

    assert "damaged" in capsys.readouterr().err
    assert (data_dir / "uniondesk.sqlite3").read_bytes() == before


def test_backup_restore_recovers_an_unreadable_database(data_dir, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite3"
    run(data_dir, "create", "--to", str(copy))
    live = data_dir / "uniondesk.sqlite3"
    for companion in ("-wal", "-shm"):
        Path(str(live) + companion).unlink(missing_ok=True)
    live.write_bytes(os.urandom(live.stat().st_size))

    assert run(data_dir, "restore", str(copy)) == EXIT_OK

    assert members(data_dir) == 1
    assert len(list(data_dir.glob("uniondesk.sqlite3.broken-*"))) == 1


def test_backup_create_of_an_unreadable_database_exits_with_3(data_dir, capsys):
    (data_dir / "uniondesk.sqlite3").write_bytes(b"\0" * 8192)

    assert run(data_dir, "create") == EXIT_STORE
    assert "not a readable UnionDesk database" in capsys.readouterr().err


def test_backup_restore_is_refused_while_the_app_has_the_folder_open(data_dir, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite3"
    run(data_dir, "create", "--to", str(copy))
    lock = QLockFile(str(resolve_paths(data_dir).instance_lock))
    assert lock.tryLock(0)
    try:
        # QLockFile is per process; a second lock object in this process still conflicts.
        assert run(data_dir, "restore", str(copy)) == EXIT_REFUSED
    finally:
        lock.unlock()
    assert "Close it" in capsys.readouterr().err


# --- portable mode ------------------------------------------------------------------------------


@pytest.fixture
def no_home(monkeypatch):
    monkeypatch.delenv("UNIONDESK_HOME", raising=False)


def test_a_portable_marker_beside_the_program_keeps_data_beside_it(tmp_path, no_home):
    (tmp_path / PORTABLE_MARKER).write_text("", encoding="utf-8")

    assert resolve_paths(program=tmp_path).root == tmp_path / PORTABLE_FOLDER


def test_without_a_marker_the_platform_folder_is_used(tmp_path, no_home):
    assert PORTABLE_FOLDER not in resolve_paths(program=tmp_path).root.parts


def test_the_portable_flag_works_without_a_marker(tmp_path, no_home):
    assert resolve_paths(portable=True, program=tmp_path).root == tmp_path / PORTABLE_FOLDER


def test_data_dir_and_uniondesk_home_win_over_portable(tmp_path, monkeypatch):
    (tmp_path / PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv("UNIONDESK_HOME", str(tmp_path / "home"))

    assert resolve_paths(program=tmp_path).root == tmp_path / "home"
    assert resolve_paths(tmp_path / "given", program=tmp_path).root == tmp_path / "given"


def test_a_frozen_program_looks_beside_its_executable(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "UnionDesk.exe"))

    assert program_folder() == tmp_path


def test_from_source_the_program_is_the_launcher_script(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "bin" / "uniondesk")])

    assert program_folder() == tmp_path / "bin"


def test_the_portable_flag_on_the_command_line_creates_the_data_beside_the_program(
    tmp_path, monkeypatch, no_home, capsys
):
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "uniondesk")])

    assert main(["--portable", "init", "--union-name", "测试工会", "--uscc", USCC]) == EXIT_OK
    assert (tmp_path / PORTABLE_FOLDER / "uniondesk.sqlite3").is_file()
