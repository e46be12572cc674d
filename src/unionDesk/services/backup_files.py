"""Photos and attachments carried with backups: a content store beside each backup file.

The database lists candidate attachments and event photos by SHA-256; the files lie beside the
live database in ``attachments/`` and ``photos/`` (``file_store``). A backup ``X.sqlite3``
therefore has a folder ``files`` beside it holding the same two subtrees in the same
``<first two hex digits>/<sha256>.<ext>`` layout. All backups in one folder share that store:
a stored file is written once and never changed, so a backup copies only the files the store
lacks (incremental), and identical files are kept once.

The store is never pruned, not even by the rotation of automatic backups: any backup may still
need any of its files, the names are fingerprints of content that never changes, and photos
and certificates are small next to the records they prove.

Every copy is written under a temporary name beside its target, flushed to disk, and renamed
into place only if its SHA-256 matches its name, so a half-written, damaged or swapped file
never appears under a real name.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.services.attachments import FOLDER as ATTACHMENT_FOLDER
from unionDesk.services.event_photos import PHOTO_FOLDER
from unionDesk.services.file_store import CHUNK, intact_path, stored_path

STORE_FOLDER = "files"
CARRIED_FOLDERS = (ATTACHMENT_FOLDER, PHOTO_FOLDER)
# The data folder's subfolder of each kind of file, and the query listing the files it needs.
# Removed attachments and photos keep their rows and files, so they are carried too.
REFERENCES = (
    (ATTACHMENT_FOLDER, "candidate_attachment", "SELECT DISTINCT sha256 FROM candidate_attachment"),
    (PHOTO_FOLDER, "event_photo", "SELECT DISTINCT sha256 FROM event_photo"),
)
_DIGEST = re.compile(r"[0-9a-f]{64}")
_PREFIX = re.compile(r"[0-9a-f]{2}")
_STORED_NAME = re.compile(r"([0-9a-f]{64})\.[0-9A-Za-z]{1,10}")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileCopyReport:
    """What one pass over the files did.

    Attributes:
        copied: files written (each checked against its SHA-256).
        missing: files that should have been written but could not be (unreadable, disk full,
            absent or damaged in the source).
    """

    copied: int = 0
    missing: int = 0


def store_beside(backup_file: Path) -> Path:
    """The content store of the backup ``backup_file``: the folder ``files`` beside it."""
    return backup_file.parent / STORE_FOLDER


def carry_files(data_root: Path, backup_file: Path) -> FileCopyReport:
    """Copy every attachment and photo of ``data_root`` into the store beside ``backup_file``.

    Only names are compared (a stored file never changes), so a second backup copies only
    what was added since. Never raises: a file that cannot be read or written (disk full, the
    stick pulled out) is counted in ``missing``; a data-folder file whose content no longer
    matches its name is damaged already, so it is logged and skipped, not copied.
    """
    store = store_beside(backup_file)
    copied = missing = 0
    first_error = ""
    for folder in CARRIED_FOLDERS:
        try:
            sources = list(_stored_files(data_root / folder))
        except OSError as exc:  # the folder cannot be listed: at least one file is not copied
            missing += 1
            first_error = first_error or str(exc)
            continue
        for digest, source in sources:
            target = store / folder / source.parent.name / source.name
            try:
                if target.exists():
                    continue
                if copy_verified(source, target, digest):
                    copied += 1
                else:
                    log.warning("damaged file in the data folder was not backed up: %s", source)
            except OSError as exc:
                missing += 1
                first_error = first_error or str(exc)
    if missing:
        log.error("%d files were not copied into %s; first error: %s", missing, store, first_error)
    return FileCopyReport(copied, missing)


def restore_files(backup_file: Path, data_root: Path) -> FileCopyReport:
    """Copy back from the store beside ``backup_file`` each file it lists that ``data_root`` lacks.

    A file is present when the data folder holds an intact copy; a damaged copy there is
    replaced by a good one. A file of the store is placed only if its SHA-256 matches; one that
    is absent or damaged in the store, or cannot be written, is counted in ``missing``. Never
    raises: the database has been restored already and matters most.
    """
    store = store_beside(backup_file)
    try:
        wanted = referenced_files(backup_file)
    except sqlite3.Error:
        log.exception("cannot list the files of %s; none were copied back", backup_file)
        return FileCopyReport()
    copied = missing = 0
    for folder, digest in wanted:
        try:
            if _DIGEST.fullmatch(digest) and intact_path(data_root / folder, digest) is not None:
                continue
            if _restore_one(store / folder, data_root / folder, digest):
                copied += 1
                continue
        except OSError as exc:
            log.warning("could not copy back the file %s: %s", digest, exc)
        missing += 1
    if missing:
        log.warning(
            "%d files listed in %s were not found intact in %s", missing, backup_file, store
        )
    return FileCopyReport(copied, missing)


def _restore_one(store_folder: Path, data_folder: Path, digest: str) -> bool:
    """Copy one file back; False when it is absent or damaged in the store."""
    if not _DIGEST.fullmatch(digest):  # never build a path from a malformed value
        return False
    source = stored_path(store_folder, digest)
    if source is None:
        return False
    return copy_verified(source, data_folder / digest[:2] / source.name, digest)


def files_not_in_backup(database: Path, data_root: Path | None = None) -> int:
    """How many files ``database`` lists that neither its store nor ``data_root`` holds.

    Only names are looked at, not contents: a quick look before a restore. A database that
    cannot be read counts as listing nothing (its check reports that).
    """
    store = store_beside(database)
    try:
        wanted = referenced_files(database)
    except sqlite3.Error:
        log.exception("cannot list the files of %s", database)
        return 0
    roots = [store] if data_root is None else [store, data_root]
    return sum(1 for folder, digest in wanted if not _held(roots, folder, digest))


def _held(roots: list[Path], folder: str, digest: str) -> bool:
    if not _DIGEST.fullmatch(digest):
        return False
    return any(stored_path(root / folder, digest) is not None for root in roots)


def referenced_files(database: Path) -> list[tuple[str, str]]:
    """``(data subfolder, sha256)`` of every file the database ``database`` lists, read-only.

    A database from before attachments or photos existed simply lists none of them.

    Raises:
        sqlite3.Error: ``database`` cannot be read.
    """
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return [
            (folder, str(row[0]))
            for folder, table, query in REFERENCES
            if table in tables
            for row in connection.execute(query)
        ]
    finally:
        connection.close()


def copy_verified(source: Path, target: Path, digest: str) -> bool:
    """Copy ``source`` to ``target`` if its content has the SHA-256 ``digest``.

    The bytes go to a temporary file beside ``target``, are flushed to disk and renamed over
    ``target`` only when their hash matches; otherwise nothing is placed and False is returned.

    Raises:
        OSError: ``source`` cannot be read or ``target`` cannot be written (nothing is placed).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        hashed = hashlib.sha256()
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                hashed.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if hashed.hexdigest() != digest:
            Path(temporary).unlink()
            return False
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def _stored_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """``(sha256, path)`` of each file stored in ``folder`` (temporary files are skipped)."""
    if not folder.is_dir():
        return
    for prefix in sorted(folder.iterdir()):
        if not (_PREFIX.fullmatch(prefix.name) and prefix.is_dir()):
            continue
        for path in sorted(prefix.iterdir()):
            match = _STORED_NAME.fullmatch(path.name)
            if match and path.name.startswith(prefix.name) and path.is_file():
                yield match.group(1), path


# --- messages ----------------------------------------------------------------------------------


def not_copied_warning(backup_file: Path, count: int) -> Problem | None:
    """What to tell the user when ``count`` files could not be copied beside a new backup."""
    if not count:
        return None
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The database was backed up, but {count} photos and attachments could not be "
            "copied into {folder} beside it (for example, the disk is full), so that backup "
            "alone cannot bring them back. Free some space or choose another place, then back "
            "up again; files already copied are not copied again.",
        ),
        count=count,
        folder=str(store_beside(backup_file)),
    )


def not_restored_warning(backup_file: Path, count: int) -> Problem | None:
    """What to tell the user when ``count`` listed files could not be put back by a restore."""
    if not count:
        return None
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The data was restored, but {count} photos and attachments it lists were not "
            "found intact in {folder} beside the backup, so they show as missing. If you have "
            "that folder elsewhere (for example on the backup stick), put it beside the backup "
            "file and restore the backup again.",
        ),
        count=count,
        folder=str(store_beside(backup_file)),
    )


def not_in_backup_warning(backup_file: Path, count: int) -> Problem | None:
    """What to tell the user before a restore when ``count`` listed files cannot be found."""
    if not count:
        return None
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "{count} photos and attachments this backup lists are neither in {folder} beside "
            "it nor in the data folder, so they will show as missing after the restore. If you "
            "have that folder elsewhere, put it beside the backup file first.",
        ),
        count=count,
        folder=str(store_beside(backup_file)),
    )
