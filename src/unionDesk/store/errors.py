"""Database problems at start-up that the user must be told about (no heavy imports)."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A database problem at start-up that the user must be told about."""


class DatabaseTooNew(StoreError):
    """The database was written by a newer UnionDesk (unknown revision)."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(f"database revision {revision} is newer than this program")


class DatabaseUnreadable(StoreError):
    """The file is not a readable SQLite database, or not a UnionDesk one."""


class MigrationFailed(StoreError):
    """An upgrade failed; the database was restored from ``backup``."""

    def __init__(self, backup: Path, cause: BaseException) -> None:
        self.backup = backup
        super().__init__(f"upgrade failed ({cause}); restored from {backup}")


class StorageWriteFailed(Exception):
    """Saving failed because of the environment, not the data: a full disk or a read-only file.

    The transaction was rolled back, so nothing was half-saved; the user can fix the cause
    (free space, permissions) and save again.
    """

    FULL = "full"
    READ_ONLY = "read-only"

    def __init__(self, kind: str, detail: str = "") -> None:
        self.kind = kind
        super().__init__(f"{kind}: {detail}" if detail else kind)
