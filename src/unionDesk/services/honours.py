"""Honours members already hold (荣誉): read, add, edit and delete, and the 劳模 flag they give."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.eligibility import HeldHonour
from unionDesk.domain.honours import (
    HonourDraft,
    HonourLevel,
    model_worker_level,
    validate_honour,
)
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, length_problems, problem
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.members import live_member
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Member
from unionDesk.store.selection_models import Candidate, Honour

RECORD_TYPE = "honour"
REASON_MAX_LENGTH = 500


@dataclass(frozen=True)
class HonourView:
    """One honour of a member, as the member form's honour list shows it.

    Attributes:
        won_in_program: the id of the UnionDesk program the honour was won through, if any.
    """

    id: int
    member_id: int
    draft: HonourDraft
    won_in_program: int | None


def list_honours(db: Database, actor: Actor, member_id: int) -> list[HonourView]:
    """The live honours of a member, newest year first.

    Raises:
        NotFound: the member is not on the register.
    """
    require(actor, Permission.VIEW_MEMBERS)
    statement = (
        select(Honour, Candidate.program_id)
        .outerjoin(Candidate, Candidate.id == Honour.candidate_id)
        .where(Honour.member_id == member_id, Honour.deleted_at.is_(None))
        .order_by(Honour.year.desc(), Honour.title, Honour.id)
    )
    with db.read() as session:
        live_member(session, member_id)
        return [
            HonourView(honour.id, honour.member_id, _draft_of(honour), program_id)
            for honour, program_id in session.execute(statement)
        ]


def add_honour(
    db: Database, actor: Actor, member_id: int, draft: HonourDraft, *, today: date | None = None
) -> int:
    """Validate and add an honour to a member; returns its id.

    Raises:
        ValidationFailed: every problem with the form.
        NotFound: the member is not on the register.
    """
    require(actor, Permission.EDIT_MEMBERS)
    clean = validate_honour(draft, today=today or date.today())
    now = datetime.now()
    with db.write() as session:
        member = live_member(session, member_id)
        honour = Honour(member_id=member.id, created_at=now, updated_at=now)
        _apply(honour, clean)
        session.add(honour)
        session.flush()
        summary = f"{member.name}: {clean.title}"
        changes = diff({}, _audited(clean))
        record(session, actor, Action.CREATE, RECORD_TYPE, honour.id, summary, changes)
        return honour.id


def update_honour(
    db: Database, actor: Actor, honour_id: int, draft: HonourDraft, *, today: date | None = None
) -> None:
    """Validate and save edits to an honour.

    Raises:
        ValidationFailed: every problem with the form.
        NotFound: the honour or its member was deleted.
    """
    require(actor, Permission.EDIT_MEMBERS)
    clean = validate_honour(draft, today=today or date.today())
    with db.write() as session:
        honour, member = _live_honour(session, honour_id)
        before = _draft_of(honour)
        _apply(honour, clean)
        honour.updated_at = datetime.now()
        summary = f"{member.name}: {clean.title}"
        changes = diff(_audited(before), _audited(clean))
        record(session, actor, Action.UPDATE, RECORD_TYPE, honour.id, summary, changes)


def delete_honour(db: Database, actor: Actor, honour_id: int, reason: str) -> None:
    """Remove an honour from a member (the row is kept); the reason goes to the audit log.

    Raises:
        ValidationFailed: the reason is missing or too long.
        NotFound: the honour or its member was deleted.
    """
    require(actor, Permission.EDIT_MEMBERS)
    reason = reason.strip()
    _check_reason(reason)
    with db.write() as session:
        honour, member = _live_honour(session, honour_id)
        honour.deleted_at = datetime.now()
        summary = f"{member.name}: {honour.title}: {reason}"
        changes = diff(_audited(_draft_of(honour)), {})
        record(session, actor, Action.DELETE, RECORD_TYPE, honour.id, summary, changes)


def model_worker_of(db: Database, actor: Actor, member_id: int) -> HonourLevel | None:
    """The member's 劳模 level derived from their live honours; None when not a 劳模.

    Raises:
        NotFound: the member is not on the register.
    """
    require(actor, Permission.VIEW_MEMBERS)
    with db.read() as session:
        live_member(session, member_id)
        return model_worker_level(_draft_of(honour) for honour in _live_rows(session, member_id))


def held_honours(session: Session, member_id: int) -> list[HeldHonour]:
    """The member's live honours as the eligibility rules read them, newest year first.

    For other services' transactions: no permission check, and the caller's session.
    """
    return [
        HeldHonour(honour.title, HonourLevel(honour.level), honour.year)
        for honour in _live_rows(session, member_id)
    ]


def _live_rows(session: Session, member_id: int) -> list[Honour]:
    statement = (
        select(Honour)
        .where(Honour.member_id == member_id, Honour.deleted_at.is_(None))
        .order_by(Honour.year.desc(), Honour.id)
    )
    return list(session.scalars(statement))


def _check_reason(reason: str) -> None:
    if not reason:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Enter why this honour is removed; the reason is kept in the audit log."
        )
        raise ValidationFailed([problem("reason", text)])
    too_long = length_problems("reason", reason, REASON_MAX_LENGTH)
    if too_long:
        raise ValidationFailed(too_long)


def _live_honour(session: Session, honour_id: int) -> tuple[Honour, Member]:
    honour = session.get(Honour, honour_id)
    if honour is None or honour.deleted_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "This honour is no longer on record (deleted meanwhile?). Refresh the list.",
        )
        raise NotFound(problem("", text))
    return honour, live_member(session, honour.member_id)


def _apply(honour: Honour, draft: HonourDraft) -> None:
    assert draft.level is not None and draft.year is not None  # validate_honour requires them
    honour.title, honour.level, honour.year = draft.title, draft.level.value, draft.year
    honour.awarding_body, honour.notes = draft.awarding_body, draft.notes


def _draft_of(honour: Honour) -> HonourDraft:
    return HonourDraft(
        title=honour.title,
        level=HonourLevel(honour.level),
        year=honour.year,
        awarding_body=honour.awarding_body,
        notes=honour.notes,
    )


def _audited(draft: HonourDraft) -> dict[str, object]:
    return {key: value for key, value in asdict(draft).items() if value not in ("", None)}
