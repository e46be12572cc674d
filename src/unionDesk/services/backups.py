"""Backups and restores: manual and automatic copies, checking a file, putting one back.

Every copy uses SQLite's online backup API (store/backup.py), so it is consistent while the
database is in use. A restore checks the file before it touches anything and keeps what it
replaces: a readable database as a ``before-restore`` backup, an unreadable one renamed
``uniondesk.sqlite3.broken-<time>`` beside it. Nothing here deletes data except the rotation
of automatic backups.
Attachments and photos travel in the store ``files`` beside a backup file (``backup_files``),
shared by the backups of a folder and never pruned, not even by the rotation.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from unionDesk.domain.access import Actor, Permission, Role
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.retention import Retention, backups_to_keep
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.backup_files import carry_files, files_not_in_backup, restore_files
from unionDesk.services.errors import ServiceError
from unionDesk.services.permissions import require
from unionDesk.store.backup import (
    inspect_database,
    online_backup,
    parse_backup_name,
    restore_into,
    set_aside,
    timestamped_backup,
)
from unionDesk.store.db import Database
from unionDesk.store.errors import StorageWriteFailed
from unionDesk.store.models import Setting
from unionDesk.store.probe import is_blank_database

__all__ = [
    "RECOVERY_ACTOR",
    "BackupCheck",
    "BackupFailed",
    "BackupInfo",
    "BackupKind",
    "BackupRefused",
    "RestoreResult",
    "StorageWriteFailed",
    "auto_backup",
    "check_backup",
    "create_backup",
    "list_backups",
    "newest_good_backup",
    "read_retention",
    "restore_backup",
    "save_retention",
]

log = logging.getLogger(__name__)
RECORD_TYPE = "database"
# Start-up recovery runs before anyone can log in (the database is unreadable); whoever sits at
# the PC can copy the files anyway, so it acts for the data folder, audited under this name.
RECOVERY_ACTOR = Actor(None, "recovery", Role.ADMIN)
RETENTION_KEYS = ("backup_keep_daily", "backup_keep_weekly", "backup_keep_monthly")


class BackupKind(StrEnum):
    """Why a backup was taken; only automatic ones are ever rotated away."""

    AUTO = "auto"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the backup list shows it (``files_missing``: see ``create_backup``)."""

    file: Path
    taken_at: datetime
    kind: BackupKind
    size: int
    revision: str
    files_missing: int = 0


@dataclass(frozen=True)
class BackupCheck:
    """Whether a file may be restored; ``problem`` says why not (``files_missing``: a warning)."""

    file: Path
    revision: str = ""
    problem: Problem | None = None
    files_missing: int = 0

    @property
    def ok(self) -> bool:
        """True when the file is sound and from this or an earlier version."""
        return self.problem is None


@dataclass(frozen=True)
class RestoreResult:
    """What a restore kept of the database it replaced (at most one of the two is set).

    Also how many attachments and photos it copied back, and how many it could not find intact.
    """

    restored_from: Path
    kept_as_backup: Path | None = None
    broken_file: Path | None = None
    files_restored: int = 0
    files_missing: int = 0


class BackupRefused(ServiceError):
    """The file cannot be restored (damaged, not UnionDesk's, or from a newer version)."""


class BackupFailed(ServiceError):
    """A backup could not be written or read (disk full, folder not writable, damaged data)."""


# --- making backups ----------------------------------------------------------------------------


def create_backup(paths: AppPaths, actor: Actor, to: Path | None = None) -> BackupInfo:
    """Back up the database now: to ``to`` (a file, or a folder), else into the backups folder.

    Then attachments and photos go into the store beside the new file; those that cannot (disk
    full) are counted in ``files_missing`` (0 in ``list_backups``); the database backup is kept.

    Raises:
        PermissionDenied: the actor may not manage backups.
        BackupFailed: the copy could not be read or written; nothing was left half-written.
    """
    require(actor, Permission.MANAGE_BACKUPS)
    destination = _destination(paths, to)
    try:
        if destination is None:
            written = timestamped_backup(paths.database, paths.backups, BackupKind.MANUAL.value)
        else:
            written = online_backup(paths.database, destination)
    except (OSError, sqlite3.Error) as exc:
        raise _write_failure(to or paths.backups, exc) from exc
    carried = carry_files(paths.root, written)
    _audit(paths, actor, Action.BACKUP, f"backup {written}")
    return replace(_info(written), files_missing=carried.missing)


def _destination(paths: AppPaths, to: Path | None) -> Path | None:
    if to is None:
        return None
    if to.is_dir():
        return to / (paths.database.stem + "-" + datetime.now().strftime("%Y%m%d-%H%M%S.sqlite3"))
    return to


def auto_backup(
    paths: AppPaths, retention: Retention, now: datetime | None = None, reason: str = "daily"
) -> Path | None:
    """Take an automatic backup, then delete the automatic ones ``retention`` does not keep.

    ``reason`` "daily" (at start) is skipped when an automatic backup of the same day exists;
    "close" always backs up. Manual, before-upgrade and before-restore backups are never
    deleted, nor is the file store they all share (files that cannot be copied are logged).
    Returns the new file, or None when skipped.
    """
    when = now or datetime.now()
    if is_blank_database(paths.database):
        return None
    autos = [b for b in list_backups(paths) if b.kind is BackupKind.AUTO]
    if reason != "close" and any(b.taken_at.date() == when.date() for b in autos):
        return None
    written = timestamped_backup(paths.database, paths.backups, BackupKind.AUTO.value, when)
    carry_files(paths.root, written)
    _rotate([*autos, _info(written)], retention)
    return written


def _rotate(autos: list[BackupInfo], retention: Retention) -> None:
    """Delete the automatic backup files ``retention`` does not keep; never the file store."""
    keep = backups_to_keep([b.taken_at for b in autos], retention)
    for backup in autos:
        if backup.taken_at not in keep:
            backup.file.unlink(missing_ok=True)


# --- listing and checking ----------------------------------------------------------------------


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """The backups in the backups folder, newest first."""
    if not paths.backups.is_dir():
        return []
    found = [_info(file) for file in paths.backups.glob("*.sqlite3") if file.is_file()]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _info(file: Path) -> BackupInfo:
    stat = file.stat()
    named = parse_backup_name(file.name)
    taken_at, label = named or (datetime.fromtimestamp(stat.st_mtime), BackupKind.MANUAL.value)
    revision = inspect_database(file, quick=True).revision or ""
    return BackupInfo(file, taken_at, _kind(label), stat.st_size, revision)


def _kind(label: str) -> BackupKind:
    for kind in BackupKind:
        if label == kind.value or label.startswith(kind.value + "-"):
            return kind
    return BackupKind.MANUAL


def check_backup(file: Path, paths: AppPaths | None = None) -> BackupCheck:
    """Whether ``file`` is a sound UnionDesk database this version can open (read-only check).

    ``files_missing`` counts the attachments and photos it lists that neither the store beside
    it nor the data folder of ``paths`` (if given) holds: a warning, not a refusal.
    """
    if not file.is_file():
        return BackupCheck(file, problem=_missing(file))
    found = inspect_database(file)
    if not found.readable or found.integrity != "ok":
        return BackupCheck(file, problem=_damaged(file))
    if found.revision is None:
        return BackupCheck(file, problem=_foreign(file))
    from unionDesk.store.migrate import known_revisions

    if found.revision not in known_revisions():
        return BackupCheck(file, found.revision, _too_new(file, found.revision))
    absent = files_not_in_backup(file, paths.root if paths is not None else None)
    return BackupCheck(file, found.revision, files_missing=absent)


def newest_good_backup(paths: AppPaths) -> BackupInfo | None:
    """The newest backup that passes ``check_backup`` (offered when the database is broken)."""
    for backup in list_backups(paths):
        if check_backup(backup.file).ok:
            return backup
    return None


# --- restoring ---------------------------------------------------------------------------------


def restore_backup(paths: AppPaths, actor: Actor, file: Path) -> RestoreResult:
    """Replace the live database with the backup ``file``, after checking it.

    The caller must not use its ``Database`` during the call: close it first and open the
    database again afterwards (``ui.recovery.restore_and_reopen`` does this). A readable live
    database is kept as a ``before-restore`` backup; an unreadable one is renamed
    ``uniondesk.sqlite3.broken-<time>``. Then the attachments and photos the data folder lacks
    are copied back from the store beside ``file``; those not found intact are counted in
    ``files_missing`` (never an error). The restore is audited in the restored database.

    Raises:
        PermissionDenied: the actor may not manage backups.
        BackupRefused: ``file`` is damaged, not a UnionDesk database, or from a newer version;
            nothing was changed.
        BackupFailed: the live database could not be kept or replaced (disk full, read-only).
    """
    require(actor, Permission.MANAGE_BACKUPS)
    if file.exists() and file.resolve() == paths.database.resolve():
        raise BackupRefused(_live_itself(file))
    check = check_backup(file)
    if check.problem is not None:
        raise BackupRefused(check.problem)
    paths.ensure()
    try:
        result = _replace_live(paths, file)
    except (OSError, sqlite3.Error) as exc:
        raise _write_failure(paths.root, exc) from exc
    copied = restore_files(file, paths.root)  # reads the rows restored, from ``file``
    result = replace(result, files_restored=copied.copied, files_missing=copied.missing)
    _audit_restore(paths, actor, result)
    return result


def _replace_live(paths: AppPaths, file: Path) -> RestoreResult:
    live = paths.database
    if is_blank_database(live):
        online_backup(file, live)
        return RestoreResult(file)
    state = inspect_database(live, quick=True)
    if state.readable and state.integrity == "ok" and state.revision is not None:
        kept = timestamped_backup(live, paths.backups, BackupKind.BEFORE_RESTORE.value)
        restore_into(file, live)
        return RestoreResult(file, kept_as_backup=kept)
    broken = set_aside(live, ".broken-" + datetime.now().strftime("%Y%m%d-%H%M%S"))
    online_backup(file, live)
    return RestoreResult(file, broken_file=broken)


def _audit_restore(paths: AppPaths, actor: Actor, result: RestoreResult) -> None:
    from unionDesk.services.database import open_database

    db = open_database(paths)  # an older backup is upgraded here (with its own backup)
    try:
        with db.write() as session:
            summary = f"restored from {result.restored_from}"
            kept = result.kept_as_backup or result.broken_file
            record(session, actor, Action.RESTORE, RECORD_TYPE, "", summary, _kept(kept))
    finally:
        db.close()


def _kept(kept: Path | None) -> dict[str, tuple[object, object]]:
    return {} if kept is None else {"replaced_database_kept_as": (None, str(kept))}


def _audit(paths: AppPaths, actor: Actor, action: Action, summary: str) -> None:
    db = Database(paths.database)
    try:
        with db.write() as session:
            record(session, actor, action, RECORD_TYPE, "", summary)
    finally:
        db.close()


# --- retention settings ------------------------------------------------------------------------


def read_retention(db: Database) -> Retention:
    """The rotation of automatic backups (setting table; defaults 7 daily, 4 weekly, 12 monthly)."""
    with db.read() as session:
        stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    defaults = _fields(Retention())
    counts = [
        _count(stored.get(key), default)
        for key, default in zip(RETENTION_KEYS, defaults, strict=True)
    ]
    return Retention(*counts)


def save_retention(db: Database, actor: Actor, retention: Retention) -> None:
    """Store a new rotation (administrators only; audited as a settings change)."""
    require(actor, Permission.EDIT_SETTINGS)
    if min(_fields(retention)) < 1:
        raise ServiceError(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation", "Keep at least one daily, one weekly and one monthly backup."
                ),
            )
        )
    before = _as_settings(read_retention(db))
    after = _as_settings(retention)
    with db.write() as session:
        for key, value in after.items():
            session.merge(Setting(key=key, value=str(value)))
        changes = diff(before, after)
        record(session, actor, Action.SETTINGS, "setting", "backup_retention", "", changes)


def _as_settings(retention: Retention) -> dict[str, object]:
    return dict(zip(RETENTION_KEYS, _fields(retention), strict=True))


def _fields(retention: Retention) -> tuple[int, int, int]:
    return retention.daily, retention.weekly, retention.monthly


def _count(text: str | None, fallback: int) -> int:
    try:
        value = int(text) if text is not None else fallback
    except ValueError:
        log.warning("ignoring a bad backup retention setting: %r", text)
        return fallback
    return value if value >= 1 else fallback


# --- messages ----------------------------------------------------------------------------------


def _missing(file: Path) -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation", "The file {file} does not exist. Choose the backup file again."
        ),
        file=str(file),
    )


def _live_itself(file: Path) -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is the database in use, not a backup. Choose a backup file.",
        ),
        file=str(file),
    )


def _damaged(file: Path) -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is damaged or is not a database, so it was not restored and "
            "nothing was changed. Choose another backup.",
        ),
        file=str(file),
    )


def _foreign(file: Path) -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is a database, but not a UnionDesk backup, so it was not "
            "restored and nothing was changed. Choose a UnionDesk backup.",
        ),
        file=str(file),
    )


def _too_new(file: Path, revision: str) -> Problem:
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The backup {file} was made by a newer version of UnionDesk (schema {revision}), "
            "so it was not restored and nothing was changed. Install the newer version first.",
        ),
        file=str(file),
        revision=revision,
    )


def _write_failure(where: Path, error: BaseException) -> BackupFailed:
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        # "file is not a database", "database disk image is malformed": the source is broken
        return BackupFailed(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The database cannot be read, so no backup was made: {reason}. Restart "
                    "UnionDesk to restore an earlier backup.",
                ),
                reason=str(error),
            )
        )
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return BackupFailed(
        problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "Could not write to {place}: {reason}. Nothing was changed. Free some disk "
                "space or choose a folder you can write to, then try again.",
            ),
            place=str(where),
            reason=reason,
        )
    )
