"""Backups, restores, automatic rotation and recovery from a damaged database (real files)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.retention import Retention
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, AuditFilter, query_audit, verify_chain
from unionDesk.services.backups import (
    BackupKind,
    BackupRefused,
    auto_backup,
    check_backup,
    create_backup,
    list_backups,
    newest_good_backup,
    read_retention,
    restore_backup,
    save_retention,
)
from unionDesk.services.database import open_database
from unionDesk.services.members import MemberQuery, create_member, query_member_ids
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.backup import timestamped_backup
from unionDesk.store.db import Database
from unionDesk.store.errors import DatabaseUnreadable
from unionDesk.store.probe import SCHEMA_HEAD

VIEWER = Actor(7, "viewer1", Role.VIEWER)
NOON = datetime(2026, 11, 21, 12, 0)


def add(db: Database, sequence: int) -> int:
    return create_member(
        db, OFFICE, member_draft(id_number=fake_id(sequence), card_number=f"C{sequence}")
    )


def member_count(paths: AppPaths) -> int:
    db = open_database(paths)
    try:
        return len(query_member_ids(db, OFFICE, MemberQuery()))
    finally:
        db.close()


def actions(paths: AppPaths) -> list[Action]:
    db = open_database(paths)
    try:
        return [entry.action for entry in query_audit(db, OFFICE, AuditFilter())]
    finally:
        db.close()


# --- manual backup and restore -----------------------------------------------------------------


def test_a_manual_backup_is_listed_with_its_kind_size_and_revision(paths, db):
    made = create_backup(paths, OFFICE)

    assert list_backups(paths) == [made]
    assert made.kind is BackupKind.MANUAL
    assert made.size == made.file.stat().st_size > 0
    assert made.revision == SCHEMA_HEAD


def test_a_backup_is_audited(paths, db):
    create_backup(paths, OFFICE)

    assert actions(paths)[0] is Action.BACKUP


def test_a_backup_can_be_written_to_a_chosen_file(paths, db, tmp_path):
    made = create_backup(paths, OFFICE, tmp_path / "u-stick" / "copy.sqlite3")

    assert made.file == tmp_path / "u-stick" / "copy.sqlite3"
    assert check_backup(made.file).ok
    assert list_backups(paths) == []  # the backups folder only lists its own


def test_a_viewer_may_not_make_or_restore_backups(paths, db):
    made = create_backup(paths, OFFICE)

    with pytest.raises(PermissionDenied):
        create_backup(paths, VIEWER)
    with pytest.raises(PermissionDenied):
        restore_backup(paths, VIEWER, made.file)


def test_restore_brings_back_the_backed_up_members(paths, db):
    add(db, 101)
    made = create_backup(paths, OFFICE)
    add(db, 103)
    db.close()

    restore_backup(paths, OFFICE, made.file)

    assert member_count(paths) == 1


def test_restore_keeps_the_replaced_database_as_a_before_restore_backup(paths, db):
    made = create_backup(paths, OFFICE)
    add(db, 101)
    db.close()

    result = restore_backup(paths, OFFICE, made.file)

    assert result.kept_as_backup is not None
    kept = [b for b in list_backups(paths) if b.kind is BackupKind.BEFORE_RESTORE]
    assert [b.file for b in kept] == [result.kept_as_backup]
    restore_backup(paths, OFFICE, result.kept_as_backup)  # the undo of a restore
    assert member_count(paths) == 1


def test_restore_is_audited_in_the_restored_database_and_the_chain_holds(paths, db):
    made = create_backup(paths, OFFICE)
    db.close()

    restore_backup(paths, OFFICE, made.file)

    assert actions(paths)[0] is Action.RESTORE
    reopened = open_database(paths)
    assert verify_chain(reopened).ok
    reopened.close()


def write_random(file: Path) -> None:
    file.write_bytes(os.urandom(8192))


def write_foreign(file: Path) -> None:
    connection = sqlite3.connect(file)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()
    connection.close()


def test_check_refuses_a_missing_file(tmp_path):
    assert "does not exist" in check_backup(tmp_path / "nowhere.sqlite3").problem.render()


def test_check_refuses_random_bytes(tmp_path):
    write_random(tmp_path / "noise.sqlite3")

    assert "damaged" in check_backup(tmp_path / "noise.sqlite3").problem.render()


def test_check_refuses_a_database_that_is_not_uniondesk(tmp_path):
    write_foreign(tmp_path / "other.sqlite3")

    assert "not a UnionDesk backup" in check_backup(tmp_path / "other.sqlite3").problem.render()


def test_check_refuses_a_backup_from_a_newer_version(paths, db, tmp_path):
    newer = create_backup(paths, OFFICE, tmp_path / "newer.sqlite3").file
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()

    check = check_backup(newer)

    assert not check.ok and check.revision == "9999"
    assert "newer version" in check.problem.render()


def test_check_refuses_a_backup_whose_pages_are_damaged(paths, db, tmp_path):
    for sequence in range(101, 161, 2):
        add(db, sequence)
    copy = create_backup(paths, OFFICE, tmp_path / "copy.sqlite3").file
    data = bytearray(copy.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = os.urandom(200)  # a page in the middle, not the header
    copy.write_bytes(bytes(data))

    assert not check_backup(copy).ok


@pytest.mark.parametrize("spoil", [write_random, write_foreign], ids=["random", "foreign"])
def test_restore_refuses_a_bad_file_and_changes_nothing(paths, db, tmp_path, spoil):
    add(db, 101)
    db.close()
    bad = tmp_path / "bad.sqlite3"
    spoil(bad)
    before = paths.database.read_bytes()

    with pytest.raises(BackupRefused):
        restore_backup(paths, OFFICE, bad)

    assert paths.database.read_bytes() == before
    assert list_backups(paths) == []


def test_restore_refuses_the_live_database_itself(paths, db):
    with pytest.raises(BackupRefused, match="in use"):
        restore_backup(paths, OFFICE, paths.database)


# --- automatic backups -------------------------------------------------------------------------


def test_the_daily_backup_is_taken_once_a_day(paths, db):
    first = auto_backup(paths, Retention(), NOON, "daily")
    again = auto_backup(paths, Retention(), NOON + timedelta(hours=3), "daily")

    assert first is not None and again is None
    assert [b.kind for b in list_backups(paths)] == [BackupKind.AUTO]


def test_a_backup_on_close_is_taken_even_after_the_daily_one(paths, db):
    auto_backup(paths, Retention(), NOON, "daily")

    closing = auto_backup(paths, Retention(), NOON + timedelta(hours=1), "close")

    assert closing is not None
    assert [b.file for b in list_backups(paths)] == [closing]  # the day's newest is kept


def test_rotation_keeps_what_the_policy_keeps_and_never_a_manual_backup(paths, db):
    manual = create_backup(paths, OFFICE)
    upgrade = timestamped_backup(paths.database, paths.backups, "before-upgrade-0001", NOON)
    for day in range(10):
        auto_backup(paths, Retention(daily=3, weekly=0, monthly=0), NOON + timedelta(days=day))

    autos = [b for b in list_backups(paths) if b.kind is BackupKind.AUTO]
    assert [b.taken_at.day for b in autos] == [30, 29, 28]
    assert manual.file.exists() and upgrade.exists()


def test_rotation_keeps_the_newest_backup_of_each_day(paths, db):
    for hour in (9, 12, 18):
        auto_backup(
            paths, Retention(daily=1, weekly=0, monthly=0), NOON.replace(hour=hour), "close"
        )

    assert [b.taken_at.hour for b in list_backups(paths)] == [18]


def test_retention_defaults_to_seven_four_twelve(db):
    assert read_retention(db) == Retention(7, 4, 12)


def test_retention_is_stored_in_settings_and_audited(paths, db):
    save_retention(db, OFFICE, Retention(3, 2, 6))

    assert read_retention(db) == Retention(3, 2, 6)
    assert actions(paths)[0] is Action.SETTINGS


def test_retention_below_one_is_refused(db):
    with pytest.raises(Exception, match="at least one"):
        save_retention(db, OFFICE, Retention(0, 2, 6))


# --- a damaged live database -------------------------------------------------------------------


def truncate(file: Path) -> None:
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 3])


def overwrite_header(file: Path) -> None:
    data = bytearray(file.read_bytes())
    data[:100] = b"\x00" * 100
    file.write_bytes(bytes(data))


def replace_with_noise(file: Path) -> None:
    file.write_bytes(os.urandom(file.stat().st_size))


CORRUPTIONS = [truncate, overwrite_header, replace_with_noise]


def damaged(paths: AppPaths, db: Database, corrupt) -> bytes:
    """A database with two members, a good backup of it, then the live file ``corrupt``ed."""
    for sequence in range(101, 141, 2):
        add(db, sequence)
    create_backup(paths, OFFICE)
    db.close()
    for companion in ("-wal", "-shm"):
        Path(str(paths.database) + companion).unlink(missing_ok=True)
    corrupt(paths.database)
    return paths.database.read_bytes()


@pytest.mark.parametrize("corrupt", CORRUPTIONS)
def test_a_damaged_database_is_refused_and_left_untouched(paths, db, corrupt):
    spoiled = damaged(paths, db, corrupt)

    with pytest.raises(DatabaseUnreadable):
        open_database(paths)

    assert paths.database.read_bytes() == spoiled


@pytest.mark.parametrize("corrupt", CORRUPTIONS)
def test_the_newest_good_backup_is_found_for_a_damaged_database(paths, db, corrupt):
    damaged(paths, db, corrupt)
    (paths.backups / "uniondesk-20991231-000000-000000-auto.sqlite3").write_bytes(b"junk" * 99)

    found = newest_good_backup(paths)

    assert found is not None and found.kind is BackupKind.MANUAL


@pytest.mark.parametrize("corrupt", CORRUPTIONS)
def test_restoring_over_a_damaged_database_keeps_the_broken_file(paths, db, corrupt):
    spoiled = damaged(paths, db, corrupt)
    found = newest_good_backup(paths)
    assert found is not None

    result = restore_backup(paths, OFFICE, found.file)

    assert result.broken_file is not None
    assert result.broken_file.name.startswith("uniondesk.sqlite3.broken-")
    assert result.broken_file.read_bytes() == spoiled
    assert member_count(paths) == 20
