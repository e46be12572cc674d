"""The audit trail: who did what, when, to which record, with before/after values.

``record`` appends an entry inside the caller's transaction, so an audited change and its
entry are committed together or not at all. Writes run under ``BEGIN IMMEDIATE``, so reading
the last hash and appending the next entry cannot interleave with another writer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.audit_chain import GENESIS, ChainLink, entry_hash, first_break
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import AuditEntry

Changes = Mapping[str, tuple[object, object]]


class Action(StrEnum):
    """Kinds of audited actions."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    STATUS_CHANGE = "status_change"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    UNMASK = "unmask"
    EXPORT = "export"
    SETTINGS = "settings"
    BACKUP = "backup"
    RESTORE = "restore"
    SUBMIT = "submit"  # a review submitted
    RECUSE = "recuse"  # a reviewer declared a conflict of interest
    REOPEN = "reopen"  # the chair reopened a submitted review
    CLOSE = "close"  # a review round closed
    SIGN = "sign"  # a return signed, or a signing identity created or imported
    UPLOAD = "upload"  # a return queued, delivered, quarantined, retried or discarded (上报)


@dataclass(frozen=True)
class AuditView:
    """One audit entry as the audit page and the member history show it."""

    id: int
    at_local: str
    actor: str
    action: Action
    record_type: str
    record_id: str
    summary: str
    changes: dict[str, list[Any]]


@dataclass(frozen=True)
class AuditFilter:
    """Filters of the audit page."""

    actor: str = ""
    record_type: str = ""
    since: date | None = None
    until: date | None = None
    limit: int = 1000


@dataclass(frozen=True)
class ChainReport:
    """Result of ``verify_chain``."""

    checked: int
    broken_id: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        """Whether every entry is intact."""
        return self.broken_id is None


def record(
    session: Session,
    actor: Actor | str,
    action: Action,
    record_type: str,
    record_id: object = "",
    summary: str = "",
    changes: Changes | None = None,
) -> None:
    """Append a chained entry in ``session``'s transaction."""
    now = datetime.now(UTC)
    entry = AuditEntry(
        at_utc=now.isoformat(timespec="microseconds"),
        at_local=now.astimezone().isoformat(timespec="seconds"),
        actor=actor if isinstance(actor, str) else actor.username,
        action=action.value,
        record_type=record_type,
        record_id=str(record_id),
        summary=summary,
        changes=json.dumps(
            {k: [_plain(b), _plain(a)] for k, (b, a) in (changes or {}).items()},
            ensure_ascii=False,
            sort_keys=True,
        ),
        prev_hash=_last_hash(session),
        hash="",
    )
    entry.hash = entry_hash(entry.prev_hash, _content(entry))
    session.add(entry)
    session.flush()


def record_many(
    session: Session,
    actor: Actor | str,
    action: Action,
    record_type: str,
    entries: Sequence[tuple[object, str, Changes]],
) -> None:
    """Append one chained entry per (record id, summary, changes), as ``record`` would each.

    The entries get the same content and hashes as ``record`` gives them, chained in memory and
    inserted with one statement instead of a query and a flush each (a 10,000-row import).
    """
    now = datetime.now(UTC)
    stamp = {
        "at_utc": now.isoformat(timespec="microseconds"),
        "at_local": now.astimezone().isoformat(timespec="seconds"),
        "actor": actor if isinstance(actor, str) else actor.username,
        "action": action.value,
        "record_type": record_type,
    }
    previous = _last_hash(session)
    rows: list[dict[str, str]] = []
    for record_id, summary, changes in entries:
        plain = {k: [_plain(b), _plain(a)] for k, (b, a) in changes.items()}
        content = {
            **stamp,
            "record_id": str(record_id),
            "summary": summary,
            "changes": json.dumps(plain, ensure_ascii=False, sort_keys=True),
        }
        row = {**content, "prev_hash": previous}
        previous = row["hash"] = entry_hash(previous, content)
        rows.append(row)
    if rows:
        session.execute(insert(cast(Table, AuditEntry.__table__)), rows)


def diff(
    before: Mapping[str, object], after: Mapping[str, object]
) -> dict[str, tuple[object, object]]:
    """The fields whose values differ, as ``{field: (before, after)}``."""
    return {
        key: (before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash; report the first entry that was edited, removed or reordered."""
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        links = [ChainLink(e.id, _content(e), e.prev_hash, e.hash) for e in entries]
    broken = first_break(links)
    if broken is None:
        return ChainReport(len(links))
    return ChainReport(len(links), broken[0], broken[1])


def query_audit(db: Database, actor: Actor, wanted: AuditFilter) -> list[AuditView]:
    """Entries matching ``wanted``, newest first (administrators only)."""
    require(actor, Permission.VIEW_AUDIT)
    statement = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(wanted.limit)
    if wanted.actor:
        statement = statement.where(AuditEntry.actor == wanted.actor)
    if wanted.record_type:
        statement = statement.where(AuditEntry.record_type == wanted.record_type)
    if wanted.since:
        statement = statement.where(AuditEntry.at_local >= wanted.since.isoformat())
    if wanted.until:
        statement = statement.where(AuditEntry.at_local < _day_after(wanted.until))
    return _views(db, statement)


def record_history(
    db: Database, actor: Actor, record_type: str, record_id: object
) -> list[AuditView]:
    """The audit entries of one record, oldest first (the form's 修改记录).

    Users of the register may read the history of members and departments; the history of
    anything else (user accounts, backups) belongs to the administrators' audit log.
    """
    register = record_type in ("member", "department")
    require(actor, Permission.VIEW_MEMBERS if register else Permission.VIEW_AUDIT)
    statement = (
        select(AuditEntry)
        .where(AuditEntry.record_type == record_type, AuditEntry.record_id == str(record_id))
        .order_by(AuditEntry.id)
    )
    return _views(db, statement)


def audit_actors(db: Database, actor: Actor) -> list[str]:
    """Every name that appears as an actor (for the audit page's filter)."""
    require(actor, Permission.VIEW_AUDIT)
    with db.read() as session:
        return sorted(set(session.scalars(select(AuditEntry.actor).distinct())))


def _views(db: Database, statement: Any) -> list[AuditView]:
    with db.read() as session:
        return [
            AuditView(
                e.id,
                e.at_local,
                e.actor,
                Action(e.action),
                e.record_type,
                e.record_id,
                e.summary,
                json.loads(e.changes),
            )
            for e in session.scalars(statement)
        ]


def _last_hash(session: Session) -> str:
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return last or GENESIS


def _content(entry: AuditEntry) -> dict[str, object]:
    return {
        "at_utc": entry.at_utc,
        "at_local": entry.at_local,
        "actor": entry.actor,
        "action": entry.action,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "summary": entry.summary,
        "changes": entry.changes,
    }


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, StrEnum):
        return value.value
    return str(value)


def _day_after(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()
