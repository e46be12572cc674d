"""Candidate attachments: photos and certificates kept under the data folder by SHA-256.

A file is copied to ``attachments/<first two hex digits>/<sha256>.<ext>`` before its row is
written; the hash is recorded and checked again every time the file is opened, so a damaged or
swapped file is reported instead of shown. Identical files are stored once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.candidate import (
    MAX_ATTACHMENTS,
    MAX_PHOTOS,
    AttachmentKind,
    attachment_problems,
    sniff_type,
)
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.file_store import inspect_file, intact_path, store_file
from unionDesk.services.permissions import require
from unionDesk.services.transitions import CANDIDATE_RECORD, get_candidate_row
from unionDesk.store.db import Database
from unionDesk.store.selection_models import CandidateAttachment

FOLDER = "attachments"


class AttachmentDamaged(ServiceError):
    """A stored attachment is missing or no longer matches its recorded SHA-256."""


@dataclass(frozen=True)
class AttachmentView:
    """One attachment as the candidate form lists it."""

    id: int
    candidate_id: int
    kind: AttachmentKind
    file_name: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str


def attachment_folder(db: Database) -> Path:
    """Where attachments of the database ``db`` are stored (beside the database file)."""
    return db.path.parent / FOLDER


def list_attachments(db: Database, actor: Actor, candidate_id: int) -> list[AttachmentView]:
    """The candidate's attachments that were not removed, oldest first."""
    require(actor, Permission.VIEW_SELECTION)
    return _views(db, candidate_id)


def _views(db: Database, candidate_id: int) -> list[AttachmentView]:
    with db.read() as session:
        rows = session.scalars(
            select(CandidateAttachment)
            .where(
                CandidateAttachment.candidate_id == candidate_id,
                CandidateAttachment.removed_at.is_(None),
            )
            .order_by(CandidateAttachment.id)
        ).all()
    return [
        AttachmentView(
            r.id,
            r.candidate_id,
            AttachmentKind(r.kind),
            r.file_name,
            r.size,
            r.sha256,
            r.added_at,
            r.added_by,
        )
        for r in rows
    ]


def add_attachment(
    db: Database, actor: Actor, candidate_id: int, kind: AttachmentKind, source: Path
) -> int:
    """Copy ``source`` into the data folder and attach it to the candidate.

    Raises:
        ValidationFailed: the file is empty, too large, of a type not allowed, unreadable, or
            the candidate already has its photo or the maximum number of attachments.
    """
    require(actor, Permission.EDIT_SELECTION)
    size, head = inspect_file(source)
    problems = attachment_problems(kind, source.name, size, head)
    if problems:
        raise ValidationFailed(problems)
    file_type = sniff_type(kind, head)
    assert file_type is not None
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        _refuse_over_limits(session, candidate_id, kind)
        # Stored only once accepted, so a refusal leaves no file behind.
        digest = store_file(attachment_folder(db), source, file_type.extension)
        row = CandidateAttachment(
            candidate_id=candidate.id,
            kind=kind.value,
            file_name=source.name[:255],
            sha256=digest,
            size=size,
            added_at=datetime.now(),
            added_by=actor.username,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            Action.UPDATE,
            CANDIDATE_RECORD,
            candidate.id,
            f"+ {source.name}",
            {"attachment": (None, f"{kind.value}: {source.name} sha256={digest}")},
        )
        return row.id


def open_attachment(db: Database, actor: Actor, attachment_id: int) -> Path:
    """The stored file of an attachment, after checking its SHA-256.

    Raises:
        AttachmentDamaged: the file is missing or its content changed since it was attached.
    """
    require(actor, Permission.VIEW_SELECTION)
    return verified_path(db, attachment_id)


def verified_path(db: Database, attachment_id: int) -> Path:
    """Path of a checked attachment file (the caller has checked the permission)."""
    with db.read() as session:
        row = session.get(CandidateAttachment, attachment_id)
        if row is None or row.removed_at is not None:
            raise NotFound(
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation", "This attachment was removed meanwhile. Refresh the list."
                    ),
                )
            )
        digest, name = row.sha256, row.file_name
    path = intact_path(attachment_folder(db), digest)
    if path is None:
        raise AttachmentDamaged(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The attachment {file} is missing or damaged (its content no longer matches "
                    "the fingerprint recorded when it was attached). Restore a backup, or "
                    "remove it and attach the original again.",
                ),
                file=name,
            )
        )
    return path


def remove_attachment(db: Database, actor: Actor, attachment_id: int, reason: str = "") -> None:
    """Take an attachment off the candidate; the row and the file are kept (audited)."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        row = session.get(CandidateAttachment, attachment_id)
        if row is None or row.removed_at is not None:
            return
        row.removed_at = datetime.now()
        record(
            session,
            actor,
            Action.UPDATE,
            CANDIDATE_RECORD,
            row.candidate_id,
            f"- {row.file_name} {reason.strip()}".strip(),
            {"attachment": (f"{row.kind}: {row.file_name} sha256={row.sha256}", None)},
        )


def _refuse_over_limits(session: Session, candidate_id: int, kind: AttachmentKind) -> None:
    live = (
        select(CandidateAttachment.kind, func.count())
        .where(
            CandidateAttachment.candidate_id == candidate_id,
            CandidateAttachment.removed_at.is_(None),
        )
        .group_by(CandidateAttachment.kind)
    )
    counts = {k: n for k, n in session.execute(live).all()}
    if kind is AttachmentKind.PHOTO and counts.get(kind.value, 0) >= MAX_PHOTOS:
        raise ValidationFailed(
            [
                problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The candidate already has a photo. Remove it first to attach another.",
                    ),
                )
            ]
        )
    if sum(counts.values()) >= MAX_ATTACHMENTS:
        raise ValidationFailed(
            [
                problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "A candidate can have at most {maximum} attachments. Remove one first.",
                    ),
                    maximum=MAX_ATTACHMENTS,
                )
            ]
        )
