"""store/backup.py: backup file names, setting a broken database aside, atomic writes."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from unionDesk.store.backup import (
    backup_name,
    inspect_database,
    online_backup,
    parse_backup_name,
    set_aside,
)


def make_database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    connection.close()
    return path


def test_a_backup_name_reads_back_as_its_time_and_label():
    when = datetime(2026, 11, 21, 9, 30, 5, 123456)

    assert parse_backup_name(backup_name("before-upgrade-0001", when)) == (
        when,
        "before-upgrade-0001",
    )


def test_other_file_names_are_not_taken_for_backups():
    assert parse_backup_name("uniondesk.sqlite3") is None
    assert parse_backup_name("notes-20261121.sqlite3") is None


def test_set_aside_moves_the_wal_with_the_database(tmp_path):
    live = tmp_path / "uniondesk.sqlite3"
    live.write_bytes(b"broken")
    (tmp_path / "uniondesk.sqlite3-wal").write_bytes(b"frames")

    moved = set_aside(live, ".broken-1")

    assert not live.exists() and not (tmp_path / "uniondesk.sqlite3-wal").exists()
    assert moved.read_bytes() == b"broken"
    assert (tmp_path / "uniondesk.sqlite3.broken-1-wal").read_bytes() == b"frames"


def test_a_failed_backup_leaves_no_file_behind(tmp_path):
    source = tmp_path / "noise.sqlite3"
    source.write_bytes(b"x" * 4096)

    with pytest.raises(sqlite3.DatabaseError):
        online_backup(source, tmp_path / "out" / "copy.sqlite3")

    assert list((tmp_path / "out").iterdir()) == []


def test_a_backup_is_a_self_contained_file(tmp_path):
    copy = online_backup(make_database(tmp_path / "live.sqlite3"), tmp_path / "copy.sqlite3")

    assert not Path(str(copy) + "-wal").exists()
    assert inspect_database(copy).integrity == "ok"


def test_inspect_reports_an_unreadable_file(tmp_path):
    noise = tmp_path / "noise.sqlite3"
    noise.write_bytes(b"\x01" * 4096)

    found = inspect_database(noise)

    assert not found.readable and found.detail
