"""Engine and session set-up: the only place connections to the SQLite file are made.

Every connection runs with WAL, ``synchronous=FULL`` and foreign keys on (DESIGN.md 8). Python's
sqlite3 module is told to leave transactions alone, so that SQLAlchemy's BEGIN is a real SQLite
BEGIN; writes use ``BEGIN IMMEDIATE`` so two writers queue instead of failing halfway.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Select, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from unionDesk.store.errors import StorageWriteFailed

BUSY_TIMEOUT_MS = 10_000
_BEGIN_MODE = "uniondesk_begin"
T = TypeVar("T")

CONNECTION_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
    for pragma in CONNECTION_PRAGMAS:
        dbapi_connection.execute(pragma)


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(_BEGIN_MODE, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    """Return an engine for the database file at ``path`` with the house pragmas."""
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open UnionDesk database: hands out read and write sessions."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self.engine = engine or make_engine(path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed (closing rolls back)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that is one ``BEGIN IMMEDIATE`` transaction, committed on success.

        Raises:
            StorageWriteFailed: the disk is full or the file or folder is read-only; the
                transaction was rolled back.
        """
        with self._sessions() as session:
            try:
                session.connection(execution_options={_BEGIN_MODE: "IMMEDIATE"})
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                failure = storage_failure(exc)
                if failure is not None:
                    raise failure from exc
                raise

    def close(self) -> None:
        """Release every pooled connection (needed before a file is replaced)."""
        self.engine.dispose()


# SQLite primary result codes (the low byte of an extended code).
_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_FULL = 8, 14, 13
_STORAGE_KINDS = {
    _SQLITE_FULL: StorageWriteFailed.FULL,
    _SQLITE_READONLY: StorageWriteFailed.READ_ONLY,
    _SQLITE_CANTOPEN: StorageWriteFailed.READ_ONLY,
}


def storage_failure(error: BaseException) -> StorageWriteFailed | None:
    """The ``StorageWriteFailed`` a failed write means, or None when it is not the disk's fault.

    SQLite reports a full disk as SQLITE_FULL ("database or disk is full") and a read-only
    file or folder as SQLITE_READONLY or SQLITE_CANTOPEN (the journal cannot be created).
    """
    cause = error.orig if isinstance(error, OperationalError) else error
    if not isinstance(cause, sqlite3.OperationalError):
        return None
    code = getattr(cause, "sqlite_errorcode", None)
    kind = _STORAGE_KINDS.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        kind = _kind_from_message(str(cause))
    return None if kind is None else StorageWriteFailed(kind, str(cause))


def _kind_from_message(message: str) -> str | None:
    if "disk is full" in message:
        return StorageWriteFailed.FULL
    if "readonly database" in message or "unable to open database file" in message:
        return StorageWriteFailed.READ_ONLY
    return None


def fetch_column(session: Session, statement: Select[T]) -> list[T]:
    """First column of every row of ``statement``, read straight from the sqlite3 cursor.

    SQLAlchemy's result wrapping costs about 0.5 µs a row; for the register's id list (100,000
    rows, re-read on every keystroke) that is 50 ms of a 50 ms budget, so the statement is still
    built and compiled by SQLAlchemy but its rows are read by the driver.
    """
    connection = session.connection()
    compiled = statement.compile(connection, compile_kwargs={"render_postcompile": True})
    params = [_bind(compiled, name, compiled.params[name]) for name in compiled.positiontup or ()]
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.execute(str(compiled), params)
    return [row[0] for row in cursor.fetchall()]


def _bind(compiled: Any, name: str, value: Any) -> Any:
    processor = compiled._bind_processors.get(name)  # e.g. dates to ISO text
    return processor(value) if processor else value
