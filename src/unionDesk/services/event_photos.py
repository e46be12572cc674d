"""Photos of culture events (活动照片): adding, listing, opening and removing them.

Photos are stored by SHA-256 like candidate attachments (``file_store``), in a folder beside the
database. Removing a photo keeps its row and its file; both changes are audited on the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.photos import photo_problems, photo_type
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.events import RECORD_TYPE, live_event
from unionDesk.services.file_store import inspect_file, intact_path, store_file
from unionDesk.services.permissions import require
from unionDesk.store.activity_models import EventPhoto
from unionDesk.store.db import Database

PHOTO_FOLDER = "photos"


@dataclass(frozen=True)
class PhotoView:
    """One photo of an event, as the event form lists it."""

    id: int
    event_id: int
    file_name: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str


class PhotoDamaged(ServiceError):
    """A stored photo is missing or no longer matches its recorded SHA-256."""


def photo_folder(db: Database) -> Path:
    """Where event photos of the database ``db`` are stored (beside the database file)."""
    return db.path.parent / PHOTO_FOLDER


def add_photo(db: Database, actor: Actor, event_id: int, source: Path) -> int:
    """Copy the JPEG or PNG ``source`` into the data folder and add it to the event.

    Raises:
        ValidationFailed: the file is empty, over 10 MB, not a JPEG or PNG, or unreadable.
        NotFound: the event was deleted meanwhile.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    size, head = inspect_file(source)
    problems = photo_problems(source.name, size, head)
    if problems:
        raise ValidationFailed(problems)
    file_type = photo_type(head)
    assert file_type is not None
    with db.write() as session:
        event = live_event(session, event_id)
        # Stored only once accepted, so a refusal leaves no file behind.
        digest = store_file(photo_folder(db), source, file_type.extension)
        name = source.name[:255]
        photo = EventPhoto(
            event_id=event.id,
            file_name=name,
            sha256=digest,
            size=size,
            added_at=datetime.now(),
            added_by=actor.username,
        )
        session.add(photo)
        session.flush()
        changes = {"photo": (None, f"{name} sha256={digest}")}
        record(session, actor, Action.UPDATE, RECORD_TYPE, event.id, f"+ {name}", changes)
        return photo.id


def list_photos(db: Database, actor: Actor, event_id: int) -> list[PhotoView]:
    """The event's photos that were not removed, oldest first."""
    require(actor, Permission.VIEW_ACTIVITIES)
    with db.read() as session:
        photos = session.scalars(
            select(EventPhoto)
            .where(EventPhoto.event_id == event_id, EventPhoto.removed_at.is_(None))
            .order_by(EventPhoto.id)
        ).all()
    return [
        PhotoView(p.id, p.event_id, p.file_name, p.size, p.sha256, p.added_at, p.added_by)
        for p in photos
    ]


def open_photo(db: Database, actor: Actor, photo_id: int) -> Path:
    """The stored file of a photo, after checking its SHA-256.

    Raises:
        NotFound: the photo was removed meanwhile.
        PhotoDamaged: the file is missing or its content changed since it was added.
    """
    require(actor, Permission.VIEW_ACTIVITIES)
    with db.read() as session:
        photo = _live_photo(session, photo_id)
        digest, name = photo.sha256, photo.file_name
    path = intact_path(photo_folder(db), digest)
    if path is None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The photo {file} is missing or damaged (its content no longer matches the "
            "fingerprint recorded when it was added). Restore a backup, or remove it and add "
            "the original again.",
        )
        raise PhotoDamaged(problem("", text, file=name))
    return path


def remove_photo(db: Database, actor: Actor, photo_id: int, reason: str = "") -> None:
    """Take a photo off the event; the row and the file are kept (audited).

    Removing a photo that is already removed changes nothing.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    with db.write() as session:
        photo = session.get(EventPhoto, photo_id)
        if photo is None or photo.removed_at is not None:
            return
        photo.removed_at = datetime.now()
        summary = f"- {photo.file_name} {reason.strip()}".strip()
        changes = {"photo": (f"{photo.file_name} sha256={photo.sha256}", None)}
        record(session, actor, Action.UPDATE, RECORD_TYPE, photo.event_id, summary, changes)


def _live_photo(session: Session, photo_id: int) -> EventPhoto:
    photo = session.get(EventPhoto, photo_id)
    if photo is None or photo.removed_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "This photo was removed meanwhile. Refresh the list."
        )
        raise NotFound(problem("", text))
    return photo
