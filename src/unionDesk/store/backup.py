"""Online backups with SQLite's backup API, written atomically (temporary name, then rename).

Backups in the backups folder are named ``uniondesk-<local time>-<label>.sqlite3``; the label
says why the copy was taken (``auto``, ``manual``, ``before-upgrade-<rev>``, ``before-restore``).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

BACKUP_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^uniondesk-(\d{8}-\d{6}-\d{6})-(.+)\.sqlite3$")
_COMPANIONS = ("-wal", "-shm", "-journal")


def online_backup(source: Path, destination: Path) -> Path:
    """Copy the live database ``source`` to ``destination`` consistently, even while in use.

    The copy is written to a temporary file, flushed to disk, then renamed into place, so a
    crash never leaves a half-written backup under the final name.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        _fsync(partial)
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)
    return destination


def _copy(source: Path, destination: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def backup_name(label: str, when: datetime | None = None) -> str:
    """The file name of a backup taken at ``when`` (local time, default now) for ``label``."""
    return f"uniondesk-{(when or datetime.now()).strftime(_STAMP)}-{label}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """``(taken_at, label)`` of a file named by ``backup_name``; None for any other name."""
    match = _NAME.match(name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _STAMP), match.group(2)


def timestamped_backup(
    source: Path, folder: Path, label: str, when: datetime | None = None
) -> Path:
    """Back up ``source`` into ``folder`` as ``uniondesk-<local time>-<label>.sqlite3``."""
    return online_backup(source, folder / backup_name(label, when))


def restore_into(backup: Path, target: Path) -> None:
    """Overwrite the database ``target`` with the contents of ``backup`` (backup API).

    The copy is one transaction on ``target``: other connections see the old or the new
    database, never a mixture, and a crash halfway leaves the old one.
    """
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def set_aside(database: Path, suffix: str) -> Path:
    """Rename ``database`` (and its -wal/-shm files) to ``<name><suffix>``; nothing is deleted.

    The WAL file moves too: left behind, SQLite could replay it into the next database.
    """
    moved = database.with_name(database.name + suffix)
    for companion in _COMPANIONS:
        extra = database.with_name(database.name + companion)
        if extra.exists():
            os.replace(extra, moved.with_name(moved.name + companion))
    os.replace(database, moved)
    return moved


@dataclass(frozen=True)
class FileCheck:
    """What ``inspect_database`` found.

    Attributes:
        readable: SQLite could open and read the file.
        integrity: the first line of ``PRAGMA integrity_check`` ("ok" when sound).
        revision: the Alembic revision stamped in it; None without an ``alembic_version``.
        detail: SQLite's message when the file could not be read.
    """

    readable: bool
    integrity: str = ""
    revision: str | None = None
    detail: str = ""


def inspect_database(path: Path, *, quick: bool = False) -> FileCheck:
    """Check ``path`` read-only: integrity (full or quick) and its schema revision."""
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            integrity = str(connection.execute(pragma).fetchone()[0])
            return FileCheck(True, integrity, _revision(connection))
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return FileCheck(False, detail=str(exc))


def _revision(connection: sqlite3.Connection) -> str | None:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
