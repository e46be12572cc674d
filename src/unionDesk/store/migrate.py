"""Schema creation and Alembic upgrades at start-up (DESIGN.md 8).

A new database gets ``create_all`` and ``stamp head``. An older one gets a timestamped backup,
then ``upgrade head``; if that fails the backup is restored. A database stamped with a revision
this version does not know comes from a newer UnionDesk and is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.exc import DatabaseError

from unionDesk.store.backup import restore_into, timestamped_backup
from unionDesk.store.db import make_engine
from unionDesk.store.defaults import insert_default_calendar
from unionDesk.store.errors import (
    DatabaseTooNew,
    DatabaseUnreadable,
    MigrationFailed,
)
from unionDesk.store.models import Base
from unionDesk.store.probe import ProbeError, read_revision


@dataclass(frozen=True)
class UpgradeResult:
    """What ``upgrade_database`` did."""

    from_revision: str
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    """An Alembic config pointing at the migration scripts shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(files("unionDesk.migrations")))
    return config


def head_revision() -> str:
    """The single head revision this version of UnionDesk writes."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    """Every revision id shipped with this version."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision the database is stamped with, or None for an unstamped file."""
    return MigrationContext.configure(connection).get_current_revision()


def create_schema(connection: Connection) -> None:
    """Create every table of a brand-new database, add default data, stamp the head revision.

    Runs inside the caller's transaction, so a crash leaves either nothing or a whole database.
    """
    Base.metadata.create_all(connection)
    insert_default_calendar(connection)
    _run_alembic(connection, "stamp", "head")


def upgrade_database(path: Path, backups: Path) -> UpgradeResult:
    """Bring the database at ``path`` to the head revision, backing it up first if needed.

    Raises:
        DatabaseUnreadable: the file is not a UnionDesk database.
        DatabaseTooNew: it was written by a newer version.
        MigrationFailed: the upgrade failed and the backup was put back.
    """
    try:
        revision = read_revision(path)
    except ProbeError as exc:
        raise DatabaseUnreadable(str(exc)) from exc
    head = head_revision()
    if revision == head:
        return UpgradeResult(revision, head, None)
    if revision not in known_revisions():
        raise DatabaseTooNew(revision)
    backup = timestamped_backup(path, backups, f"before-upgrade-{revision}")
    try:
        _upgrade(path)
    except Exception as exc:
        restore_into(backup, path)
        raise MigrationFailed(backup, exc) from exc
    return UpgradeResult(revision, head, backup)


def _upgrade(path: Path) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            # SQLite ignores this pragma inside a transaction, and SQLAlchemy would begin one
            # for any statement it runs, so it goes straight to the driver (in autocommit).
            driver.execute("PRAGMA foreign_keys=OFF")
            with connection.begin():
                _run_alembic(connection, "upgrade", "head")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError("foreign_key_check", None, Exception(str(problems)))
            driver.execute("PRAGMA foreign_keys=ON")
    finally:
        engine.dispose()


def _run_alembic(connection: Connection, verb: str, target: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, verb)(config, target)
