"""Start-up checks that need only Python's sqlite3: is there a database, at which revision.

Kept free of SQLAlchemy and Alembic so the GUI can decide what to show before loading them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# The newest schema revision this version writes. tests/store/test_migrations.py checks that it
# equals Alembic's head, so opening an up-to-date database never has to load Alembic.
SCHEMA_HEAD = "0005"


class ProbeError(Exception):
    """The file is not a readable UnionDesk database."""


def is_blank_database(path: Path) -> bool:
    """True for a missing file, an empty file, or a SQLite file with no tables at all.

    Such a file holds no data (for example a first run that crashed before its only
    transaction committed), so creating a database there loses nothing.
    """
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables: int = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            return tables == 0
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False  # unreadable is not blank: never overwrite it


def read_revision(path: Path) -> str:
    """The revision stamped in the database at ``path``, read without changing the file.

    Raises:
        ProbeError: the file is unreadable or not a UnionDesk database.
    """
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                raise ProbeError(f"{path} is not a UnionDesk database")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise ProbeError(f"{path} cannot be read: {exc}") from exc
    if row is None:
        raise ProbeError(f"{path} has no schema revision")
    return str(row[0])
