"""Sending the outbox: claim a due item, send it with no transaction open, record the outcome.

Split from ``services.outbox`` (which owns the public API and picks the transports).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.outbox import SENDABLE_STATES, OutboxState, backoff_seconds
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, Changes, record
from unionDesk.services.errors import NotFound
from unionDesk.services.outbox_package import local_problem, package_files
from unionDesk.services.secrets import SecretUnavailable
from unionDesk.store.db import Database
from unionDesk.store.outbox_models import OutboxItem, UploadDestination
from unionDesk.sync.base import (
    Package,
    Receipt,
    Rejected,
    RetryLater,
    Transport,
    shorten,
)

log = logging.getLogger(__name__)
RECORD_TYPE = "outbox_item"
SYNC_ACTOR = "sync"  # the audit trail's actor of the background sender
ERROR_LIMIT = 1000
SENDABLE = [state.value for state in SENDABLE_STATES]
NO_SUCH_ITEM = QT_TRANSLATE_NOOP(
    "Validation", "This outbox item no longer exists. Refresh the list."
)
TransportFactory = Callable[[Database, AppPaths, int], Transport]


@dataclass(frozen=True)
class SendReport:
    """What one ``send_due`` round did."""

    delivered: int
    failed: int
    quarantined: int


@dataclass(frozen=True)
class _Claim:
    id: int
    package_id: str
    destination_id: int


@dataclass(frozen=True)
class _Outcome:
    state: OutboxState
    receipt: Receipt | None = None
    error: str = ""


def run_round(
    db: Database,
    paths: AppPaths,
    make_transport: TransportFactory,
    *,
    now: datetime | None,
    limit: int | None,
    jitter: random.Random,
) -> SendReport:
    """Send due items one at a time until none is due or ``limit`` were tried."""
    if now is not None and now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)  # the database keeps local, naive times
    counts = {OutboxState.DELIVERED: 0, OutboxState.FAILED: 0, OutboxState.QUARANTINED: 0}
    tried = 0
    while limit is None or tried < limit:
        claim = _claim_next(db, now or datetime.now())
        if claim is None:
            break
        tried += 1
        outcome = _deliver(db, paths, claim, make_transport)
        _record_outcome(db, claim, outcome, now or datetime.now(), jitter)
        counts[outcome.state] += 1
    return SendReport(
        counts[OutboxState.DELIVERED], counts[OutboxState.FAILED], counts[OutboxState.QUARANTINED]
    )


def _claim_next(db: Database, moment: datetime) -> _Claim | None:
    """Mark the most overdue sendable item "sending" in one UPDATE and return it."""
    due = (
        select(OutboxItem.id)
        .where(
            OutboxItem.state.in_(SENDABLE),
            or_(OutboxItem.next_attempt_at.is_(None), OutboxItem.next_attempt_at <= moment),
        )
        .order_by(OutboxItem.next_attempt_at, OutboxItem.id)
        .limit(1)
        .scalar_subquery()
    )
    with db.write() as session:
        row = session.execute(
            update(OutboxItem)
            .where(OutboxItem.id == due, OutboxItem.state.in_(SENDABLE))
            .values(state=OutboxState.SENDING.value, updated_at=moment)
            .returning(OutboxItem.id, OutboxItem.package_id, OutboxItem.destination_id)
            .execution_options(synchronize_session=False)
        ).first()
    return None if row is None else _Claim(row[0], row[1], row[2])


def _deliver(
    db: Database, paths: AppPaths, claim: _Claim, make_transport: TransportFactory
) -> _Outcome:
    """Send one claimed item (no transaction open meanwhile) and say how it went."""
    files = package_files(paths, claim.package_id)
    unsendable = local_problem(files, claim.package_id)
    if unsendable:
        return _Outcome(OutboxState.QUARANTINED, error=unsendable)
    package = Package.from_files(claim.package_id, files)
    try:
        receipt = make_transport(db, paths, claim.destination_id).send(package)
    except RetryLater as error:
        return _Outcome(OutboxState.FAILED, error=str(error))
    except Rejected as error:
        return _Outcome(OutboxState.QUARANTINED, error=str(error))
    except (SecretUnavailable, NotFound) as error:
        return _Outcome(OutboxState.FAILED, error=error.problem.render())
    except Exception as error:  # a bug must not leave the item "sending" or stop the round
        log.exception("sending outbox item %s failed unexpectedly", claim.id)
        return _Outcome(OutboxState.FAILED, error=f"unexpected error: {error!r}")
    return _Outcome(OutboxState.DELIVERED, receipt=receipt)


def _record_outcome(
    db: Database, claim: _Claim, outcome: _Outcome, moment: datetime, jitter: random.Random
) -> None:
    with db.write() as session:
        item, name = item_with_destination(session, claim.id)
        before = item.state
        item.attempts += 1
        item.updated_at = moment
        item.state = outcome.state.value
        item.last_error = shorten(outcome.error, ERROR_LIMIT)
        item.next_attempt_at = None
        if outcome.receipt is not None:
            item.receipt_id = outcome.receipt.receipt_id
            item.received_at = _local_naive(outcome.receipt.received_at)
            audit_item(
                session,
                SYNC_ACTOR,
                item,
                name,
                {"state": (before, item.state), "receipt_id": ("", item.receipt_id)},
            )
        elif outcome.state is OutboxState.FAILED:
            delay = backoff_seconds(item.attempts, jitter)
            item.next_attempt_at = moment + timedelta(seconds=delay)
        else:
            changes = {"state": (before, item.state), "last_error": ("", item.last_error)}
            audit_item(session, SYNC_ACTOR, item, name, changes)


def item_with_destination(session: Session, item_id: int) -> tuple[OutboxItem, str]:
    """An outbox row and its destination's name.

    Raises:
        NotFound: no such item.
    """
    found = session.execute(
        select(OutboxItem, UploadDestination.name)
        .join(UploadDestination, OutboxItem.destination_id == UploadDestination.id)
        .where(OutboxItem.id == item_id)
    ).first()
    if found is None:
        raise NotFound(problem("", NO_SUCH_ITEM))
    return found[0], found[1]


def audit_item(
    session: Session,
    actor: Actor | str,
    item: OutboxItem,
    destination: str,
    changes: Changes,
) -> None:
    """Audit an outbox change (``Action.UPLOAD``) with the return and destination as summary."""
    summary = f"{item.title} {item.period} → {destination}"
    record(session, actor, Action.UPLOAD, RECORD_TYPE, item.id, summary, changes)


def _local_naive(moment: datetime) -> datetime:
    """The database keeps local times without an offset (as everywhere else)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)
