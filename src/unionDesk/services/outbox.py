"""The outbox (待上报): signed returns queued for a destination and sent when it answers.

Queuing copies the package's three files into ``paths.outbox/<package_id>/`` (so moving or
deleting the user's copy loses nothing) and adds one row per (package, destination); the same
package queued twice for a destination is one item. ``send_due`` claims due items one at a time
with an atomic UPDATE, sends outside any transaction, and records the outcome: delivered with
the receipt, failed with the next try after a backoff, or quarantined with the destination's
reason. An item left "sending" by a crash goes back to the queue at the next start
(``recover_interrupted``); the server recognises it by its idempotency key, so it is never
stored twice. The sending loop is in ``outbox_send``, the package copies in ``outbox_package``,
the reminders and their settings in ``outbox_reminders`` (re-exported here).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, select, update

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.outbox import DISCARDABLE_STATES, RETRYABLE_STATES, OutboxState
from unionDesk.paths import AppPaths
from unionDesk.services.destinations import default_destination_id, transport_for
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.outbox_package import package_files, read_saved, store_copies
from unionDesk.services.outbox_reminders import (
    Reminder,
    read_reminder_days,
    reminders,
    save_reminder_days,
)
from unionDesk.services.outbox_send import (
    SENDABLE,
    SendReport,
    audit_item,
    item_with_destination,
    run_round,
)
from unionDesk.services.permissions import require
from unionDesk.services.returns import SavedReturn
from unionDesk.store.db import Database
from unionDesk.store.outbox_models import OutboxItem, UploadDestination

__all__ = [
    "OutboxItemView",
    "Reminder",
    "SendReport",
    "discard",
    "enqueue",
    "list_items",
    "next_due_at",
    "package_files",
    "read_reminder_days",
    "recover_interrupted",
    "reminders",
    "retry",
    "save_reminder_days",
    "send_due",
    "send_now",
]


@dataclass(frozen=True)
class OutboxItemView:
    """One outbox row as the outbox page shows it (times are local, naive)."""

    id: int
    package_id: str
    destination_id: int
    destination_name: str
    title: str
    return_type: str
    period: str
    state: OutboxState
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    receipt_id: str
    received_at: datetime | None
    created_at: datetime


def enqueue(
    db: Database,
    actor: Actor,
    paths: AppPaths,
    saved: SavedReturn,
    destination_id: int | None = None,
) -> OutboxItemView:
    """Queue a saved, signed return for a destination (the default one when None).

    The same package for the same destination again returns the existing item; a discarded
    one is queued again.

    Raises:
        PermissionDenied: the actor may not make returns.
        ValidationFailed: the return is unsigned, its files cannot be read or were changed, or
            no destination is configured.
        NotFound: the destination does not exist.
    """
    require(actor, Permission.MAKE_RETURNS)
    if not saved.signed:
        raise ValidationFailed([_problem(_UNSIGNED)])
    content = read_saved(saved)
    target = destination_id if destination_id is not None else default_destination_id(db)
    if target is None:
        raise ValidationFailed([_problem(_NO_DESTINATION)])
    package_id = content.package_id
    store_copies(paths, content)
    now = datetime.now()
    with db.write() as session:
        destination = session.get(UploadDestination, target)
        if destination is None or destination.deleted_at is not None:
            raise NotFound(_problem(_NO_SUCH_DESTINATION))
        item = session.scalar(
            select(OutboxItem).where(
                OutboxItem.package_id == package_id, OutboxItem.destination_id == target
            )
        )
        if item is None:
            item = _new_item(package_id, target, content.manifest, now)
            session.add(item)
            session.flush()
            audit_item(session, actor, item, destination.name, {"state": (None, item.state)})
        elif item.state == OutboxState.DISCARDED:
            _requeue(item, now)
            audit_item(session, actor, item, destination.name, {"state": ("discarded", "queued")})
        return _view(item, destination.name)


def list_items(
    db: Database, actor: Actor, *, include_discarded: bool = False
) -> list[OutboxItemView]:
    """The outbox, newest first; discarded items only when asked for."""
    require(actor, Permission.MAKE_RETURNS)
    query = select(OutboxItem, UploadDestination.name).join(
        UploadDestination, OutboxItem.destination_id == UploadDestination.id
    )
    if not include_discarded:
        query = query.where(OutboxItem.state != OutboxState.DISCARDED.value)
    query = query.order_by(OutboxItem.created_at.desc(), OutboxItem.id.desc())
    with db.read() as session:
        return [_view(item, name) for item, name in session.execute(query)]


def recover_interrupted(db: Database) -> int:
    """Put items left "sending" by a crash back in the queue, due now; returns how many."""
    now = datetime.now()
    with db.write() as session:
        result = session.execute(
            update(OutboxItem)
            .where(OutboxItem.state == OutboxState.SENDING.value)
            .values(state=OutboxState.QUEUED.value, next_attempt_at=now, updated_at=now)
        )
        return _count(result)


def send_due(
    db: Database,
    paths: AppPaths,
    *,
    now: datetime | None = None,
    limit: int | None = None,
    rng: random.Random | None = None,
) -> SendReport:
    """Send every due item (at most ``limit``), one at a time; never raises for an item.

    A failing or refused item never stops the others. Deliveries and quarantines are audited
    with the actor "sync".

    Args:
        db: the database.
        paths: the data folder (the outbox copies and the secret key live there).
        now: the time items must be due by, and the outcomes are dated (default: the clock).
        limit: the most items to try in this round.
        rng: the jitter's random source (tests pass a seeded one).
    """
    return run_round(db, paths, transport_for, now=now, limit=limit, jitter=rng or random.Random())


def send_now(db: Database, actor: Actor) -> int:
    """Make every queued and failed item due now ("立即上报"); returns how many."""
    require(actor, Permission.MAKE_RETURNS)
    with db.write() as session:
        result = session.execute(
            update(OutboxItem)
            .where(OutboxItem.state.in_(SENDABLE))
            .values(next_attempt_at=datetime.now())
        )
        return _count(result)


def retry(db: Database, actor: Actor, item_id: int) -> None:
    """Queue a failed or quarantined item again, due now (after the cause was fixed).

    Raises:
        PermissionDenied: the actor may not make returns.
        NotFound: no such item.
        ValidationFailed: the item is neither failed nor quarantined.
    """
    require(actor, Permission.MAKE_RETURNS)
    with db.write() as session:
        item, name = item_with_destination(session, item_id)
        if OutboxState(item.state) not in RETRYABLE_STATES:
            raise ValidationFailed([_problem(_NOT_RETRYABLE)])
        changes = {"state": (item.state, "queued"), "last_error": (item.last_error, "")}
        _requeue(item, datetime.now())
        audit_item(session, actor, item, name, changes)


def discard(db: Database, actor: Actor, item_id: int, reason: str) -> None:
    """Give up on an item (its files are kept); the reason goes into the audit trail.

    Raises:
        PermissionDenied: the actor may not make returns.
        NotFound: no such item.
        ValidationFailed: no reason given, or the item is delivered, being sent or discarded.
    """
    require(actor, Permission.MAKE_RETURNS)
    why = reason.strip()
    if not why:
        raise ValidationFailed([problem("reason", _NO_REASON)])
    with db.write() as session:
        item, name = item_with_destination(session, item_id)
        if OutboxState(item.state) not in DISCARDABLE_STATES:
            raise ValidationFailed([_problem(_NOT_DISCARDABLE)])
        changes = {"state": (item.state, "discarded"), "reason": ("", why)}
        item.state = OutboxState.DISCARDED.value
        item.next_attempt_at = None
        item.updated_at = datetime.now()
        audit_item(session, actor, item, name, changes)


def next_due_at(db: Database) -> datetime | None:
    """When the earliest queued or failed item is due (None: nothing to send)."""
    with db.read() as session:
        row = session.execute(
            select(OutboxItem.next_attempt_at, OutboxItem.created_at)
            .where(OutboxItem.state.in_(SENDABLE))
            .order_by(OutboxItem.next_attempt_at)  # NULL (due at once) sorts first
            .limit(1)
        ).first()
    return None if row is None else row[0] or row[1]


def _new_item(
    package_id: str, destination_id: int, manifest: dict[str, Any], now: datetime
) -> OutboxItem:
    return OutboxItem(
        package_id=package_id,
        destination_id=destination_id,
        return_type=str(manifest.get("return_type", "")),
        title=str(manifest.get("title", "")),
        period=str(manifest.get("period", "")),
        union_code=str(manifest.get("union_code", "")),
        state=OutboxState.QUEUED.value,
        attempts=0,
        next_attempt_at=now,
        last_error="",
        receipt_id="",
        received_at=None,
        created_at=now,
        updated_at=now,
    )


def _requeue(item: OutboxItem, now: datetime) -> None:
    item.state = OutboxState.QUEUED.value
    item.attempts = 0
    item.next_attempt_at = now
    item.last_error = ""
    item.updated_at = now


def _view(item: OutboxItem, destination_name: str) -> OutboxItemView:
    return OutboxItemView(
        id=item.id,
        package_id=item.package_id,
        destination_id=item.destination_id,
        destination_name=destination_name,
        title=item.title,
        return_type=item.return_type,
        period=item.period,
        state=OutboxState(item.state),
        attempts=item.attempts,
        next_attempt_at=item.next_attempt_at,
        last_error=item.last_error,
        receipt_id=item.receipt_id,
        received_at=item.received_at,
        created_at=item.created_at,
    )


def _count(result: object) -> int:
    """Rows an UPDATE changed."""
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


def _problem(text: str) -> Problem:
    return problem("", text)


_UNSIGNED = QT_TRANSLATE_NOOP(
    "Validation", "Only signed returns can be uploaded. Save the return again with a signature."
)
_NO_DESTINATION = QT_TRANSLATE_NOOP(
    "Validation",
    "No upload destination is set up yet. An administrator adds one in Settings.",
)
_NO_SUCH_DESTINATION = QT_TRANSLATE_NOOP(
    "Validation", "This upload destination no longer exists. Refresh the list."
)
_NOT_RETRYABLE = QT_TRANSLATE_NOOP(
    "Validation", "Only failed or quarantined items can be sent again."
)
_NOT_DISCARDABLE = QT_TRANSLATE_NOOP(
    "Validation", "Delivered items, and items being sent right now, cannot be discarded."
)
_NO_REASON = QT_TRANSLATE_NOOP("Validation", "Give the reason for discarding this return.")
