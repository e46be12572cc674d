"""Backups carry attachments and photos in the store ``files`` beside them (real files)."""

from __future__ import annotations

import errno
import hashlib
import os
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from helpers import OFFICE
from selection_helpers import make_candidates, make_members, make_program
from unionDesk.cli import EXIT_OK, main
from unionDesk.domain.candidate import AttachmentKind
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.retention import Retention
from unionDesk.domain.uscc import compose_uscc
from unionDesk.i18n import ENGLISH, install_translators
from unionDesk.paths import AppPaths, resolve_paths
from unionDesk.services import backup_files
from unionDesk.services.attachments import add_attachment, open_attachment
from unionDesk.services.backup_files import (
    copy_verified,
    not_copied_warning,
    not_restored_warning,
)
from unionDesk.services.backups import (
    BackupKind,
    auto_backup,
    check_backup,
    create_backup,
    list_backups,
    restore_backup,
)
from unionDesk.services.database import create_database, open_database
from unionDesk.services.event_photos import PhotoDamaged, add_photo, open_photo
from unionDesk.services.events import create_event
from unionDesk.store.db import Database

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01\x02" * 300
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01" + bytes(range(256)) * 4
SECOND_JPEG = JPEG + b"\x00\x07" * 50
NOON = datetime(2026, 11, 21, 12, 0)
NEW_PC_UNION = "测试机械厂工会委员会"
NEW_PC_USCC = compose_uscc("91110105MA01ABCD1")
READING = EventDraft(
    event_type=EventType.READING,
    title="读书分享会",
    starts_at=datetime(2026, 4, 23, 14, 0),
    ends_at=datetime(2026, 4, 23, 16, 30),
    venue="职工书屋",
    organiser="工会办公室",
    description="世界读书日",
    hours=Decimal("2.5"),
    guests=0,
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def store_files(store: Path) -> list[Path]:
    return sorted(p.relative_to(store) for p in store.rglob("*") if p.is_file())


def store_path(store: Path, folder: str, data: bytes, extension: str) -> Path:
    digest = sha256(data)
    return store / folder / digest[:2] / f"{digest}.{extension}"


class Saved:
    """An attachment and an event photo added through the services."""

    def __init__(self, db: Database, scans: Path) -> None:
        candidate = make_candidates(db, make_program(db), make_members(db, 1))[0]
        self.event = create_event(db, OFFICE, READING, now=NOON)
        self.attachment = add_attachment(
            db, OFFICE, candidate, AttachmentKind.PHOTO, write(scans, "证件照.png", PNG)
        )
        self.photo = add_photo(db, OFFICE, self.event, write(scans, "合影.jpg", JPEG))


@pytest.fixture
def saved(db: Database, tmp_path: Path) -> Saved:
    return Saved(db, tmp_path / "scans")


@pytest.fixture
def new_pc(tmp_path: Path) -> AppPaths:
    fresh = resolve_paths(tmp_path / "new-pc")
    create_database(fresh, NEW_PC_UNION, NEW_PC_USCC).close()
    return fresh


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The targets of every file copy, in order."""
    made: list[Path] = []
    real = backup_files.copy_verified

    def counting(source: Path, target: Path, digest: str) -> bool:
        made.append(target)
        return real(source, target, digest)

    monkeypatch.setattr(backup_files, "copy_verified", counting)
    return made


# --- taking a backup ---------------------------------------------------------------------------


def test_a_backup_to_a_folder_puts_the_files_beside_it(paths, db, saved, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()

    made = create_backup(paths, OFFICE, stick)

    store = stick / "files"
    assert made.file.parent == stick and made.files_missing == 0
    assert store_path(store, "attachments", PNG, "png").read_bytes() == PNG
    assert store_path(store, "photos", JPEG, "jpg").read_bytes() == JPEG
    assert len(store_files(store)) == 2  # no temporary files left


def test_a_backup_to_a_named_file_puts_the_files_beside_that_file(paths, db, saved, tmp_path):
    made = create_backup(paths, OFFICE, tmp_path / "stick" / "uniondesk-copy.sqlite3")

    assert made.file == tmp_path / "stick" / "uniondesk-copy.sqlite3"
    assert store_path(tmp_path / "stick" / "files", "photos", JPEG, "jpg").is_file()


def test_backups_copy_only_files_the_store_lacks(paths, db, saved, copies, tmp_path):
    first = create_backup(paths, OFFICE)
    assert len(copies) == 2 and first.file.parent / "files" == paths.backups / "files"

    create_backup(paths, OFFICE)
    assert len(copies) == 2  # nothing new

    add_photo(db, OFFICE, saved.event, write(tmp_path / "scans", "颁奖.jpg", SECOND_JPEG))
    create_backup(paths, OFFICE)
    assert copies[2:] == [store_path(paths.backups / "files", "photos", SECOND_JPEG, "jpg")]
    assert len(list_backups(paths)) == 3


def test_a_full_disk_keeps_the_database_backup_and_counts_the_files(
    paths, db, saved, monkeypatch, tmp_path
):
    def full(_source: Path, _target: Path, _digest: str) -> bool:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup_files, "copy_verified", full)
    stick = tmp_path / "stick"
    stick.mkdir()

    made = create_backup(paths, OFFICE, stick)

    assert made.files_missing == 2
    assert check_backup(made.file).ok
    warning = not_copied_warning(made.file, made.files_missing)
    assert warning is not None
    assert warning.params == {"count": 2, "folder": str(stick / "files")}
    assert not (stick / "files").exists() or store_files(stick / "files") == []

    monkeypatch.undo()
    again = create_backup(paths, OFFICE, stick)
    assert again.files_missing == 0 and len(store_files(stick / "files")) == 2


def test_no_warning_when_every_file_was_copied(tmp_path):
    assert not_copied_warning(tmp_path / "b.sqlite3", 0) is None
    assert not_restored_warning(tmp_path / "b.sqlite3", 0) is None


def test_rotation_of_automatic_backups_leaves_the_file_store_alone(paths, db, saved):
    for day in range(5):
        auto_backup(paths, Retention(1, 1, 1), now=NOON + timedelta(days=day))

    autos = [b for b in list_backups(paths) if b.kind is BackupKind.AUTO]
    assert len(autos) < 5  # some were rotated away
    assert store_path(paths.backups / "files", "attachments", PNG, "png").read_bytes() == PNG
    assert store_path(paths.backups / "files", "photos", JPEG, "jpg").read_bytes() == JPEG


# --- restoring ---------------------------------------------------------------------------------


def test_a_restore_on_a_new_pc_brings_back_attachments_and_photos(
    paths, db, saved, new_pc, tmp_path
):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = create_backup(paths, OFFICE, stick)

    result = restore_backup(new_pc, OFFICE, made.file)

    assert (result.files_restored, result.files_missing) == (2, 0)
    restored = open_database(new_pc)
    try:
        assert open_attachment(restored, OFFICE, saved.attachment).read_bytes() == PNG
        assert open_photo(restored, OFFICE, saved.photo).read_bytes() == JPEG
    finally:
        restored.close()


def test_a_tampered_file_in_the_backup_is_not_restored(paths, db, saved, new_pc, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = create_backup(paths, OFFICE, stick)
    store_path(stick / "files", "photos", JPEG, "jpg").write_bytes(SECOND_JPEG)

    result = restore_backup(new_pc, OFFICE, made.file)

    assert (result.files_restored, result.files_missing) == (1, 1)
    assert store_files(new_pc.root / "photos") == []  # nothing placed, no temporary file left
    restored = open_database(new_pc)
    try:
        with pytest.raises(PhotoDamaged):
            open_photo(restored, OFFICE, saved.photo)
    finally:
        restored.close()
    warning = not_restored_warning(made.file, result.files_missing)
    assert warning is not None and warning.params["count"] == 1
    # the data folder the backup came from still holds the good photo
    assert open_photo(db, OFFICE, saved.photo).read_bytes() == JPEG


def test_a_tampered_backup_copy_never_replaces_a_good_live_file(paths, db, saved, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = create_backup(paths, OFFICE, stick)
    store_path(stick / "files", "photos", JPEG, "jpg").write_bytes(SECOND_JPEG)
    db.close()

    result = restore_backup(paths, OFFICE, made.file)

    assert (result.files_restored, result.files_missing) == (0, 0)
    assert store_path(paths.root, "photos", JPEG, "jpg").read_bytes() == JPEG


def test_a_restore_replaces_a_damaged_live_file_with_the_good_backup_copy(
    paths, db, saved, tmp_path
):
    made = create_backup(paths, OFFICE)
    store_path(paths.root, "attachments", PNG, "png").write_bytes(b"damaged")
    db.close()

    result = restore_backup(paths, OFFICE, made.file)

    assert (result.files_restored, result.files_missing) == (1, 0)
    restored = open_database(paths)
    try:
        assert open_attachment(restored, OFFICE, saved.attachment).read_bytes() == PNG
    finally:
        restored.close()


def test_a_restore_without_the_file_store_counts_what_is_missing(
    paths, db, saved, new_pc, tmp_path
):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = create_backup(paths, OFFICE, stick)
    for stored in (stick / "files").rglob("*.*"):
        stored.unlink()

    assert check_backup(made.file).files_missing == 2
    assert check_backup(made.file, paths).files_missing == 0  # the old PC still has them
    assert check_backup(made.file, new_pc).files_missing == 2

    result = restore_backup(new_pc, OFFICE, made.file)

    assert (result.files_restored, result.files_missing) == (0, 2)


# --- the copy itself ---------------------------------------------------------------------------


def test_a_copy_whose_content_does_not_match_places_nothing(tmp_path):
    source = write(tmp_path / "in", "a.png", PNG)
    target = tmp_path / "out" / "ab" / "name.png"

    assert copy_verified(source, target, sha256(JPEG)) is False
    assert list((tmp_path / "out").rglob("*.*")) == []

    assert copy_verified(source, target, sha256(PNG)) is True
    assert target.read_bytes() == PNG


# --- the command line --------------------------------------------------------------------------


@pytest.fixture
def english(monkeypatch, qapp):
    monkeypatch.setenv("UNIONDESK_LANG", "en")
    yield
    install_translators(QCoreApplication.instance(), ENGLISH)


def test_the_cli_says_how_many_files_it_copied_back(
    english, paths, db, saved, new_pc, tmp_path, capsys
):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = create_backup(paths, OFFICE, stick)
    capsys.readouterr()

    assert main(["--data-dir", str(new_pc.root), "backup", "restore", str(made.file)]) == EXIT_OK

    captured = capsys.readouterr()
    assert "Copied back 2 photos and attachments." in captured.out
    assert "missing" not in captured.err


def test_the_cli_warns_about_files_it_could_not_copy(
    english, paths, db, saved, monkeypatch, tmp_path, capsys
):
    def full(_source: Path, _target: Path, _digest: str) -> bool:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup_files, "copy_verified", full)
    stick = tmp_path / "stick"
    stick.mkdir()
    db.close()

    assert main(["--data-dir", str(paths.root), "backup", "create", "--to", str(stick)]) == EXIT_OK

    captured = capsys.readouterr()
    assert "Backed up the database to" in captured.out
    assert "2 photos and attachments could not be copied" in captured.err
    assert str(stick / "files") in captured.err
