"""Opening and creating the UnionDesk database for the ui and the cli."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from unionDesk.domain.access import password_problems
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.uscc import check_uscc
from unionDesk.paths import AppPaths
from unionDesk.services.errors import ServiceError, ValidationFailed
from unionDesk.services.users import create_first_admin
from unionDesk.store.db import Database
from unionDesk.store.errors import DatabaseTooNew, MigrationFailed, StoreError
from unionDesk.store.models import UnionProfile
from unionDesk.store.probe import SCHEMA_HEAD, ProbeError, is_blank_database, read_revision

MAX_UNION_NAME = 100


@dataclass(frozen=True)
class UnionInfo:
    """The union profile as screens and returns need it."""

    name: str
    uscc: str
    higher_union: str
    chair: str


def database_exists(paths: AppPaths) -> bool:
    """Whether the data directory holds a database (a blank leftover file does not count)."""
    return not is_blank_database(paths.database)


def open_database(paths: AppPaths) -> Database:
    """Open the existing database, upgrading it first (with a backup) when it is older.

    An up-to-date database is recognised with sqlite3 alone; Alembic is loaded only when an
    upgrade is due (it costs 0.15 s of start-up).

    Raises:
        StoreError: unreadable, too new, or a failed upgrade.
    """
    try:
        current = read_revision(paths.database)
    except ProbeError:
        current = ""  # let the migration runner raise the precise error
    if current != SCHEMA_HEAD:
        from unionDesk.store.migrate import upgrade_database

        upgrade_database(paths.database, paths.ensure().backups)
    return Database(paths.database)


@dataclass(frozen=True)
class AdminAccount:
    """The first administrator, created with the database."""

    username: str
    password: str
    display_name: str = ""


def create_database(
    paths: AppPaths, union_name: str, uscc: str, admin: AdminAccount | None = None
) -> Database:
    """Create a new database for the union named ``union_name`` with code ``uscc``.

    The schema, the union profile and the first administrator (if given) are one transaction.
    A database made without an administrator asks for one at its first start in the app.

    Raises:
        ValidationFailed: the name, the code or the administrator's password is wrong.
        ServiceError: a database already exists in that folder.
    """
    name, code = _check_union(union_name, uscc)
    if admin is not None:
        _check_admin(admin)
    if database_exists(paths):
        raise ServiceError(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "A database already exists in {folder}. Open it instead, or choose "
                    "another data folder.",
                ),
                folder=str(paths.root),
            )
        )
    from unionDesk.store.migrate import create_schema

    db = Database(paths.ensure().database)
    with db.engine.begin() as connection:
        create_schema(connection)
        with Session(bind=connection) as session:
            session.add(UnionProfile(id=1, name=name, uscc=code, created_at=datetime.now()))
            session.flush()
            if admin is not None:
                create_first_admin(session, admin.username, admin.display_name, admin.password)
    return db


def _check_admin(admin: AdminAccount) -> None:
    problems = password_problems(admin.password, admin.username)
    if not admin.username.strip() or any(c.isspace() for c in admin.username.strip()):
        problems.append(
            problem(
                "username",
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter a user name for the administrator (no spaces)."
                ),
            )
        )
    if problems:
        raise ValidationFailed(problems)


def get_union(db: Database) -> UnionInfo:
    """The union's profile."""
    with db.read() as session:
        row = session.get_one(UnionProfile, 1)
        return UnionInfo(row.name, row.uscc, row.higher_union, row.chair)


def _check_union(union_name: str, uscc: str) -> tuple[str, str]:
    problems = []
    name = " ".join(union_name.split())
    if not name:
        problems.append(
            problem(
                "union_name",
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter the union's full name, e.g. XX有限公司工会委员会."
                ),
            )
        )
    elif len(name) > MAX_UNION_NAME:
        problems.append(
            problem(
                "union_name",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The union's name is {length} characters long; at most {limit} are allowed.",
                ),
                length=len(name),
                limit=MAX_UNION_NAME,
            )
        )
    code = ""
    try:
        code = check_uscc(uscc)
    except ValidationFailed as failed:
        problems.extend(failed.problems)
    if problems:
        raise ValidationFailed(problems)
    return name, code


def explain_store_error(error: StoreError, paths: AppPaths) -> Problem:
    """What to tell the user about a database that cannot be opened, and what to do."""
    if isinstance(error, DatabaseTooNew):
        return problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "The database in {folder} was written by a newer version of UnionDesk "
                "(schema {revision}). It has not been changed. Install the newer version to open "
                "it.",
            ),
            folder=str(paths.root),
            revision=error.revision,
        )
    if isinstance(error, MigrationFailed):
        return problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "Upgrading the database failed, so it was restored from the backup "
                "{backup}. Nothing was lost. Please report this problem.",
            ),
            backup=str(error.backup),
        )
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is not a readable UnionDesk database. It has not been "
            "changed or overwritten. Restore a backup from {backups}, or choose another data "
            "folder.",
        ),
        file=str(paths.database),
        backups=str(paths.backups),
    )


__all__ = [
    "AdminAccount",
    "Database",
    "StoreError",
    "UnionInfo",
    "create_database",
    "database_exists",
    "explain_store_error",
    "get_union",
    "open_database",
]
