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
from sqlalchemy.orm import Session, sessionmaker

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
        """A session that is one ``BEGIN IMMEDIATE`` transaction, committed on success."""
        with self._sessions() as session:
            session.connection(execution_options={_BEGIN_MODE: "IMMEDIATE"})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        """Release every pooled connection (needed before a file is replaced)."""
        self.engine.dispose()


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
