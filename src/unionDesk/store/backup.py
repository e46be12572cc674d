"""Online backups with SQLite's backup API, written atomically (temporary name, then rename)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_SUFFIX = ".sqlite3"


def online_backup(source: Path, destination: Path) -> Path:
    """Copy the live database ``source`` to ``destination`` consistently, even while in use.

    The copy is written to a temporary file, flushed to disk, then renamed into place, so a
    crash never leaves a half-written backup under the final name.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(partial)
    os.replace(partial, destination)
    return destination


def timestamped_backup(source: Path, folder: Path, label: str) -> Path:
    """Back up ``source`` into ``folder`` as ``uniondesk-<UTC time>-<label>.sqlite3``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return online_backup(source, folder / f"uniondesk-{stamp}-{label}{BACKUP_SUFFIX}")


def restore_into(backup: Path, target: Path) -> None:
    """Overwrite the database ``target`` with the contents of ``backup`` (backup API)."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
