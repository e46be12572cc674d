"""Objections (异议) raised during a candidate's publicity (公示): recording and resolving them.

DESIGN.md 4: an objection must be resolved before approval, and an upheld one leads to rejection;
the decision itself is in ``publicity``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.enums import ENUM_CONTEXT
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Label,
    Problem,
    Translate,
    problem,
    untranslated,
)
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.services.transitions import (
    candidate_name,
    candidate_state_text,
    get_candidate_row,
)
from unionDesk.store.db import Database
from unionDesk.store.selection_models import Candidate, Objection

OBJECTION_RECORD = "objection"
MAX_TEXT = 2000  # characters of an objection's content or handling


class ObjectionResult(StrEnum):
    """处理结果 of an objection."""

    PENDING = "pending"  # 待处理
    UPHELD = "upheld"  # 异议成立
    DISMISSED = "dismissed"  # 异议不成立


_RESULT_LABELS: dict[ObjectionResult, str] = {
    ObjectionResult.PENDING: QT_TRANSLATE_NOOP("Enum", "Awaiting handling"),
    ObjectionResult.UPHELD: QT_TRANSLATE_NOOP("Enum", "Objection upheld"),
    ObjectionResult.DISMISSED: QT_TRANSLATE_NOOP("Enum", "Objection dismissed"),
}


def result_label(result: ObjectionResult, translate: Translate = untranslated) -> str:
    """Return the display text of an objection result, translated with ``translate``."""
    return translate(ENUM_CONTEXT, _RESULT_LABELS[result])


@dataclass(frozen=True)
class ObjectionView:
    """One objection (异议) as the publicity screen shows it."""

    id: int
    candidate_id: int
    received_on: date
    content: str
    handling: str
    result: ObjectionResult
    resolved_on: date | None
    recorded_by: str


def add_objection(
    db: Database,
    actor: Actor,
    candidate_id: int,
    received_on: date,
    content: str,
    *,
    today: date | None = None,
) -> int:
    """Record an objection received against a candidate in publicity; return its id.

    Raises:
        ValidationFailed: the candidate is not in publicity, the date lies outside the
            publicity so far, or the content is empty or too long.
    """
    require(actor, Permission.EDIT_SELECTION)
    text = content.strip()
    missing = QT_TRANSLATE_NOOP("Validation", "Write what the objection says.")
    problems = _text_problems("content", text, missing)
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        name = candidate_name(session, candidate)
        problems += _receivable_problems(candidate, name, received_on, today or date.today())
        if problems:
            raise ValidationFailed(problems)
        row = Objection(
            candidate_id=candidate.id,
            received_on=received_on,
            content=text,
            handling="",
            result=ObjectionResult.PENDING.value,
            recorded_at=datetime.now(),
            recorded_by=actor.username,
        )
        session.add(row)
        session.flush()
        values = {"candidate_id": candidate.id, "received_on": received_on, "content": text}
        summary = f"{name}: {received_on.isoformat()}"
        record(session, actor, Action.CREATE, OBJECTION_RECORD, row.id, summary, diff({}, values))
        return row.id


def _receivable_problems(
    candidate: Candidate, name: str, received_on: date, today: date
) -> list[Problem]:
    if candidate.state != CandidateState.IN_PUBLICITY or candidate.publicity_start is None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{name} is {state}; objections can be recorded only while a candidate is in "
            "publicity. Check that you chose the right candidate.",
        )
        return [problem("", text, name=name, state=candidate_state_text(candidate))]
    if candidate.publicity_start <= received_on <= today:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The date received, {date}, must lie between the start of the publicity ({start}) and "
        "today ({today}). Enter the day the objection came in.",
    )
    dates = {"start": candidate.publicity_start.isoformat(), "today": today.isoformat()}
    return [problem("received_on", text, date=received_on.isoformat(), **dates)]


def resolve_objection(
    db: Database,
    actor: Actor,
    objection_id: int,
    handling: str,
    result: ObjectionResult,
    resolved_on: date,
    *,
    today: date | None = None,
) -> None:
    """Record how a pending objection was handled and whether it was upheld.

    A resolved objection is not changed again; the audit keeps what was recorded.

    Raises:
        ValidationFailed: the objection is already resolved, the handling is missing or too
            long, the result is still pending, or the date is before receipt or in the future.
    """
    require(actor, Permission.EDIT_SELECTION)
    text = handling.strip()
    missing = QT_TRANSLATE_NOOP(
        "Validation", "Write how the objection was looked into and handled."
    )
    problems = _text_problems("handling", text, missing)
    if result is ObjectionResult.PENDING:
        choose = QT_TRANSLATE_NOOP("Validation", "Choose whether the objection is upheld or not.")
        problems.append(problem("result", choose))
    with db.write() as session:
        row = _pending_objection(session, objection_id)
        problems += _resolved_on_problems(row, resolved_on, today or date.today())
        if problems:
            raise ValidationFailed(problems)
        before = _objection_values(row)
        row.handling, row.result, row.resolved_on = text, result.value, resolved_on
        changes = diff(before, _objection_values(row))
        summary = (
            f"{candidate_name(session, get_candidate_row(session, row.candidate_id))}: {result}"
        )
        record(session, actor, Action.UPDATE, OBJECTION_RECORD, row.id, summary, changes)


def _pending_objection(session: Session, objection_id: int) -> Objection:
    row = session.get(Objection, objection_id)
    if row is None:
        text = QT_TRANSLATE_NOOP("Validation", "This objection no longer exists. Refresh the list.")
        raise NotFound(problem("", text))
    if row.result == ObjectionResult.PENDING:
        return row
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "This objection was already resolved on {date} ({result}) and cannot be changed. If "
        "new facts came up, record them as a new objection.",
    )
    resolved = row.resolved_on.isoformat() if row.resolved_on else "-"
    result = Label(ENUM_CONTEXT, _RESULT_LABELS[ObjectionResult(row.result)])
    raise ValidationFailed([problem("", text, date=resolved, result=result)])


def _resolved_on_problems(row: Objection, resolved_on: date, today: date) -> list[Problem]:
    if row.received_on <= resolved_on <= today:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The date resolved, {date}, must lie between the day the objection was received "
        "({received}) and today ({today}).",
    )
    dates = {"received": row.received_on.isoformat(), "today": today.isoformat()}
    return [problem("resolved_on", text, date=resolved_on.isoformat(), **dates)]


def _objection_values(row: Objection) -> dict[str, object]:
    return {"handling": row.handling, "result": row.result, "resolved_on": row.resolved_on}


def list_objections(db: Database, actor: Actor, candidate_id: int) -> list[ObjectionView]:
    """Every objection against a candidate, in the order received."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        return _objection_views(session, get_candidate_row(session, candidate_id).id)


def _objection_views(session: Session, candidate_id: int) -> list[ObjectionView]:
    statement = (
        select(Objection)
        .where(Objection.candidate_id == candidate_id)
        .order_by(Objection.received_on, Objection.id)
    )
    return [
        ObjectionView(
            row.id,
            row.candidate_id,
            row.received_on,
            row.content,
            row.handling,
            ObjectionResult(row.result),
            row.resolved_on,
            row.recorded_by,
        )
        for row in session.scalars(statement)
    ]


def _text_problems(field: str, text: str, missing: str) -> list[Problem]:
    if not text:
        return [problem(field, missing)]
    if len(text) > MAX_TEXT:
        message = QT_TRANSLATE_NOOP(
            "Validation", "The text has {count} characters; shorten it to at most {maximum}."
        )
        return [problem(field, message, count=len(text), maximum=MAX_TEXT)]
    return []
