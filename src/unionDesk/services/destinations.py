"""Upload destinations (上报目的地, 设置): HTTP(S) endpoints, WebDAV folders and plain folders.

Several may be configured and one is the default, used when a return is queued without naming
one. Tokens and passwords go through ``services.secrets`` (OS keyring or encrypted), and the
audit trail records only that a secret changed. A destination is soft-deleted, so delivered
items keep its name; removing one is refused while items still wait for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    length_problems,
    problem,
    untranslated,
)
from unionDesk.domain.outbox import WAITING_STATES, DestinationKind
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.destination_checks import connection_problems
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.services.secrets import SecretUnavailable, forget_secret, read_secret, store_secret
from unionDesk.store.db import Database
from unionDesk.store.outbox_models import OutboxItem, UploadDestination
from unionDesk.sync.base import Rejected, RetryLater, Transport
from unionDesk.sync.folder import FolderTransport
from unionDesk.sync.http import HttpTransport
from unionDesk.sync.webdav import WebDavTransport

RECORD_TYPE = "upload_destination"
NAME_LIMIT = 100


@dataclass(frozen=True)
class DestinationDraft:
    """The destination form.

    Attributes:
        url: the HTTP(S) base URL, the WebDAV folder URL, or the folder's path.
        secret: the token (HTTP) or password (WebDAV); None keeps the stored one.
        is_default: make it the default (a default stays one until another is chosen).
    """

    name: str
    kind: DestinationKind
    url: str
    username: str = ""
    secret: str | None = None
    ca_file: str = ""
    is_default: bool = False


@dataclass(frozen=True)
class DestinationView:
    """A destination as the settings list shows it (never the secret itself)."""

    id: int
    name: str
    kind: DestinationKind
    url: str
    username: str
    has_secret: bool
    ca_file: str
    is_default: bool


@dataclass(frozen=True)
class ProbeResult:
    """The answer of "test connection": ``message`` says what happened, in the user's words."""

    ok: bool
    message: str


def list_destinations(db: Database, actor: Actor) -> list[DestinationView]:
    """The live destinations, oldest first (for whoever makes returns or edits settings)."""
    if not actor.may(Permission.MAKE_RETURNS):
        require(actor, Permission.EDIT_SETTINGS)
    with db.read() as session:
        rows = session.scalars(
            select(UploadDestination)
            .where(UploadDestination.deleted_at.is_(None))
            .order_by(UploadDestination.id)
        ).all()
        return [_view(row) for row in rows]


def add_destination(db: Database, actor: Actor, paths: AppPaths, draft: DestinationDraft) -> int:
    """Add a destination; the first one becomes the default. Returns its id.

    Raises:
        PermissionDenied: the actor may not change settings.
        ValidationFailed: every problem with the form.
    """
    require(actor, Permission.EDIT_SETTINGS)
    clean = _validated(db, draft, existing=None)
    secret_ref = store_secret(paths, clean.secret) if clean.secret else ""
    with db.write() as session:
        live = session.scalar(select(func.count()).where(UploadDestination.deleted_at.is_(None)))
        row = UploadDestination(created_at=datetime.now(), secret_ref=secret_ref)
        _apply(row, clean)
        row.is_default = clean.is_default or not live
        if row.is_default:
            _clear_default(session)
        session.add(row)
        session.flush()
        record(
            session, actor, Action.CREATE, RECORD_TYPE, row.id, row.name, _audit_changes({}, row)
        )
        return row.id


def update_destination(
    db: Database, actor: Actor, paths: AppPaths, destination_id: int, draft: DestinationDraft
) -> None:
    """Change a destination; ``draft.secret`` None keeps the stored token or password.

    Raises:
        PermissionDenied: the actor may not change settings.
        NotFound: no such (live) destination.
        ValidationFailed: every problem with the form.
    """
    require(actor, Permission.EDIT_SETTINGS)
    with db.read() as session:
        current = _live(session, destination_id)
    clean = _validated(db, draft, existing=current)
    new_ref = store_secret(paths, clean.secret) if clean.secret else None
    old_ref = current.secret_ref
    with db.write() as session:
        row = _live(session, destination_id)
        before = _audit_fields(row)
        _apply(row, clean)
        if new_ref is not None:
            row.secret_ref = new_ref
        elif clean.kind is DestinationKind.FOLDER:
            row.secret_ref = ""  # a folder needs no secret
        if clean.is_default and not before["is_default"]:
            _clear_default(session)
            row.is_default = True
        changes = _audit_changes(before, row)
        if new_ref is not None:
            changes["secret"] = ("", "changed")  # that it changed, never the value
        record(session, actor, Action.UPDATE, RECORD_TYPE, row.id, row.name, changes)
    if old_ref and old_ref != row.secret_ref:
        forget_secret(old_ref)


def remove_destination(db: Database, actor: Actor, paths: AppPaths, destination_id: int) -> None:
    """Remove a destination (kept for the history of delivered items, secret forgotten).

    Raises:
        PermissionDenied: the actor may not change settings.
        NotFound: no such (live) destination.
        ValidationFailed: outbox items still wait for it.
    """
    del paths  # the secret lives in the keyring or in the row, not in the data folder
    require(actor, Permission.EDIT_SETTINGS)
    with db.write() as session:
        row = _live(session, destination_id)
        waiting = session.scalar(
            select(func.count()).where(
                OutboxItem.destination_id == destination_id,
                OutboxItem.state.in_([state.value for state in WAITING_STATES]),
            )
        )
        if waiting:
            raise ValidationFailed([_problem_still_waiting(row.name, waiting or 0)])
        secret_ref = row.secret_ref
        row.deleted_at = datetime.now()
        row.secret_ref = ""
        if row.is_default:
            row.is_default = False
            _promote_oldest(session, exclude=row.id)
        record(session, actor, Action.DELETE, RECORD_TYPE, row.id, row.name)
    forget_secret(secret_ref)


def set_default(db: Database, actor: Actor, destination_id: int) -> None:
    """Make a destination the default one.

    Raises:
        PermissionDenied: the actor may not change settings.
        NotFound: no such (live) destination.
    """
    require(actor, Permission.EDIT_SETTINGS)
    with db.write() as session:
        row = _live(session, destination_id)
        if row.is_default:
            return
        _clear_default(session)
        row.is_default = True
        record(session, actor, Action.UPDATE, RECORD_TYPE, row.id, row.name, {"is_default": (0, 1)})


def default_destination_id(db: Database) -> int | None:
    """The default destination's id, or None when none is configured."""
    with db.read() as session:
        return session.scalar(
            select(UploadDestination.id).where(
                UploadDestination.deleted_at.is_(None), UploadDestination.is_default.is_(True)
            )
        )


def transport_for(db: Database, paths: AppPaths, destination_id: int) -> Transport:
    """A transport ready to send to the destination (its secret read back).

    Raises:
        NotFound: no such (live) destination.
        SecretUnavailable: its token or password cannot be read back.
    """
    with db.read() as session:
        row = _live(session, destination_id)
    kind = DestinationKind(row.kind)
    if kind is DestinationKind.FOLDER:
        return FolderTransport(Path(row.url))
    secret = read_secret(paths, row.secret_ref)
    if kind is DestinationKind.WEBDAV:
        return WebDavTransport(row.url, row.username, secret, cafile=row.ca_file)
    return HttpTransport(row.url, secret, cafile=row.ca_file)


def probe_destination(
    db: Database, paths: AppPaths, destination_id: int, *, translate: Translate = untranslated
) -> ProbeResult:
    """Test the connection with a cheap request; network failures come back as ``ok=False``.

    Raises:
        NotFound: no such (live) destination.
    """
    try:
        transport_for(db, paths, destination_id).probe()
    except SecretUnavailable as error:
        return ProbeResult(False, error.problem.render(translate))
    except RetryLater as error:
        text = QT_TRANSLATE_NOOP("Validation", "The destination cannot be reached now: {reason}")
        return ProbeResult(False, problem("", text, reason=str(error)).render(translate))
    except Rejected as error:
        text = QT_TRANSLATE_NOOP("Validation", "The destination answered but refused: {reason}")
        return ProbeResult(False, problem("", text, reason=str(error)).render(translate))
    text = QT_TRANSLATE_NOOP("Validation", "The destination answered: uploading can start.")
    return ProbeResult(True, problem("", text).render(translate))


def _view(row: UploadDestination) -> DestinationView:
    return DestinationView(
        row.id,
        row.name,
        DestinationKind(row.kind),
        row.url,
        row.username,
        bool(row.secret_ref),
        row.ca_file,
        row.is_default,
    )


def _live(session: Session, destination_id: int) -> UploadDestination:
    row = session.get(UploadDestination, destination_id)
    if row is None or row.deleted_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "This upload destination no longer exists. Refresh the list."
        )
        raise NotFound(problem("", text))
    return row


def _validated(
    db: Database, draft: DestinationDraft, existing: UploadDestination | None
) -> DestinationDraft:
    """The draft trimmed and checked; the fields a kind does not use are emptied."""
    kind = DestinationKind(draft.kind)
    remote = kind is not DestinationKind.FOLDER
    clean = DestinationDraft(
        name=draft.name.strip(),
        kind=kind,
        url=draft.url.strip(),
        username=draft.username.strip() if kind is DestinationKind.WEBDAV else "",
        secret=(draft.secret.strip() or None) if remote and draft.secret is not None else None,
        ca_file=draft.ca_file.strip() if remote else "",
        is_default=draft.is_default,
    )
    problems = [
        *_name_problems(db, clean.name, existing),
        *connection_problems(
            kind,
            clean.url,
            clean.username,
            clean.secret,
            clean.ca_file,
            has_stored=bool(existing and existing.secret_ref),
        ),
    ]
    if problems:
        raise ValidationFailed(problems)
    return clean


def _name_problems(db: Database, name: str, existing: UploadDestination | None) -> list[Problem]:
    if not name:
        text = QT_TRANSLATE_NOOP("Validation", "Give the destination a name.")
        return [problem("name", text)]
    with db.read() as session:
        clash = session.scalar(
            select(UploadDestination.id).where(
                UploadDestination.deleted_at.is_(None),
                UploadDestination.name == name,
                UploadDestination.id != (existing.id if existing else -1),
            )
        )
    if clash is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation", 'Another upload destination is already called "{name}".'
        )
        return [problem("name", text, name=name)]
    return length_problems("name", name, NAME_LIMIT)


def _apply(row: UploadDestination, clean: DestinationDraft) -> None:
    row.name = clean.name
    row.kind = clean.kind.value
    row.url = clean.url
    row.username = clean.username
    row.ca_file = clean.ca_file


def _audit_fields(row: UploadDestination) -> dict[str, object]:
    return {
        "name": row.name,
        "kind": row.kind,
        "url": row.url,
        "username": row.username,
        "ca_file": row.ca_file,
        "is_default": bool(row.is_default),
    }


def _audit_changes(
    before: dict[str, object], row: UploadDestination
) -> dict[str, tuple[object, object]]:
    return diff(before, _audit_fields(row))


def _clear_default(session: Session) -> None:
    session.execute(
        update(UploadDestination)
        .where(UploadDestination.is_default.is_(True))
        .values(is_default=False)
    )


def _promote_oldest(session: Session, *, exclude: int) -> None:
    oldest = session.scalars(
        select(UploadDestination)
        .where(UploadDestination.deleted_at.is_(None), UploadDestination.id != exclude)
        .order_by(UploadDestination.id)
        .limit(1)
    ).first()
    if oldest is not None:
        oldest.is_default = True


def _problem_still_waiting(name: str, count: int) -> Problem:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        '{count} returns still wait to be uploaded to "{name}". Send, retry or discard them '
        "first, then remove the destination.",
    )
    return problem("", text, count=count, name=name)
