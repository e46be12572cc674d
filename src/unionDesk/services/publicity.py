"""Publicity (公示): quota check, start, objections (异议) and the decision.

DESIGN.md 4: shortlisted candidates are publicised for the program's number of working days; an
objection must be resolved before approval, and an upheld one leads to rejection.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import or_, select
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
from unionDesk.domain.quota import QuotaResult, QuotaRule, check_quota
from unionDesk.domain.workdays import publicity_end
from unionDesk.domain.workflow import CandidateState, state_text
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.holidays import working_calendar
from unionDesk.services.permissions import require
from unionDesk.services.transitions import (
    CANDIDATE_RECORD,
    get_candidate_row,
    move,
    program_row,
)
from unionDesk.store.db import Database
from unionDesk.store.models import Member
from unionDesk.store.selection_models import AwardProgram, Candidate, Objection

OBJECTION_RECORD = "objection"
MAX_TEXT = 2000  # characters of an objection's content or handling
# The shortlist a quota applies to: shortlisted, in publicity or already approved.
SHORTLIST_STATES = tuple(
    s.value
    for s in (CandidateState.SHORTLISTED, CandidateState.IN_PUBLICITY, CandidateState.APPROVED)
)


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
class PublicityPlan:
    """What starting a publicity on ``start`` would mean, shown before the officer confirms."""

    start: date
    end: date  # after the program's number of working days
    working_days: int  # from start to end, both included
    quota: list[QuotaResult]  # the quota rules checked on the current shortlist


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


@dataclass(frozen=True)
class PublicityStatus:
    """Where a candidate's publicity stands; ``clear`` is 公示期满无异议 for the returns."""

    start: date | None  # None before the publicity started
    end: date | None
    ended: bool  # the end date has passed
    objections: list[ObjectionView]  # oldest first
    pending: int  # objections not yet resolved
    upheld: int  # objections found to be well-founded
    clear: bool  # ended, with no objection pending or upheld


# --- Quota and start ------------------------------------------------------------------------


def quota_check(
    db: Database, actor: Actor, program_id: int, adding: Sequence[int] = ()
) -> list[QuotaResult]:
    """The program's quota rules checked on its shortlist plus the candidates ``adding``."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        return _quota(session, program_row(session, program_id), adding)


def plan_publicity(db: Database, actor: Actor, program_id: int, start: date) -> PublicityPlan:
    """Preview a publicity starting on ``start``: its end date and the quota check."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        program = program_row(session, program_id)
        calendar = working_calendar(session)
        end = publicity_end(calendar, start, program.publicity_days)
        working_days = calendar.working_days_between(start, end)
        return PublicityPlan(start, end, working_days, _quota(session, program, ()))


def start_publicity(
    db: Database,
    actor: Actor,
    program_id: int,
    candidate_ids: Sequence[int],
    start: date,
    *,
    quota_override_reason: str = "",
    today: date | None = None,
) -> date:
    """Put shortlisted candidates of a program into publicity from ``start``; return its end.

    All candidates move together or none does. A shortlist that breaks a quota rule is refused
    unless ``quota_override_reason`` says why it goes ahead; that reason is then recorded with
    each candidate's transition.

    Raises:
        ValidationFailed: no candidates, a start in the past, a candidate not shortlisted in
            this program, or a broken quota without a reason.
    """
    require(actor, Permission.EDIT_SELECTION)
    problems = _start_problems(candidate_ids, start, today or date.today())
    override = quota_override_reason.strip()
    with db.write() as session:
        program = program_row(session, program_id)
        candidates = [get_candidate_row(session, i) for i in dict.fromkeys(candidate_ids)]
        problems += [p for c in candidates for p in _shortlisted_problems(session, program, c)]
        if problems:
            raise ValidationFailed(problems)
        broken = [result.reason for result in _quota(session, program, ()) if not result.passed]
        if broken and not override:
            raise ValidationFailed([_quota_refusal(), *broken])
        end = publicity_end(working_calendar(session), start, program.publicity_days)
        for candidate in candidates:
            changes = {
                "publicity_start": (candidate.publicity_start, start),
                "publicity_end": (candidate.publicity_end, end),
            }
            candidate.publicity_start, candidate.publicity_end = start, end
            move(session, actor, candidate, CandidateState.IN_PUBLICITY, override)
            name = _name(session, candidate)
            record(session, actor, Action.UPDATE, CANDIDATE_RECORD, candidate.id, name, changes)
        return end


def _start_problems(candidate_ids: Sequence[int], start: date, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if not candidate_ids:
        text = QT_TRANSLATE_NOOP("Validation", "Choose the candidates to put into publicity.")
        problems.append(problem("candidate_ids", text))
    if start < today:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The publicity cannot start on {start}, which has passed. Choose today ({today}) or "
            "a later day.",
        )
        problems.append(problem("start", text, start=start.isoformat(), today=today.isoformat()))
    return problems


def _shortlisted_problems(
    session: Session, program: AwardProgram, candidate: Candidate
) -> list[Problem]:
    name = _name(session, candidate)
    if candidate.program_id != program.id:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{name} is a candidate of another program. Take {name} off the list for this one.",
        )
        return [problem("candidate_ids", text, name=name)]
    if candidate.state == CandidateState.SHORTLISTED:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "{name} is {state}; only shortlisted candidates can be put into publicity. Take {name} "
        "off the list, or shortlist the candidate first.",
    )
    return [problem("candidate_ids", text, name=name, state=_state(candidate))]


def _quota_refusal() -> Problem:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The shortlist breaks the program's category quota (see below). Change the shortlist, "
        "or write the reason for starting the publicity anyway.",
    )
    return problem("quota_override_reason", text)


def _quota(session: Session, program: AwardProgram, adding: Iterable[int]) -> list[QuotaResult]:
    rules = [QuotaRule.from_json(item) for item in json.loads(program.quota_rules or "[]")]
    in_shortlist = Candidate.state.in_(SHORTLIST_STATES)
    statement = select(Candidate.category).where(
        Candidate.program_id == program.id, or_(in_shortlist, Candidate.id.in_(list(adding)))
    )
    return check_quota(rules, list(session.scalars(statement)))


# --- Objections -----------------------------------------------------------------------------


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
        name = _name(session, candidate)
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
        return [problem("", text, name=name, state=_state(candidate))]
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
        summary = f"{_name(session, get_candidate_row(session, row.candidate_id))}: {result}"
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


def publicity_status(
    db: Database, actor: Actor, candidate_id: int, *, today: date | None = None
) -> PublicityStatus:
    """Where a candidate's publicity stands, including whether it ended 公示期满无异议."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        candidate = get_candidate_row(session, candidate_id)
        return _status(candidate, _objection_views(session, candidate.id), today or date.today())


def _status(candidate: Candidate, objections: list[ObjectionView], today: date) -> PublicityStatus:
    end = candidate.publicity_end
    ended = end is not None and today > end
    pending = sum(o.result is ObjectionResult.PENDING for o in objections)
    upheld = sum(o.result is ObjectionResult.UPHELD for o in objections)
    clear = ended and pending == 0 and upheld == 0
    return PublicityStatus(
        candidate.publicity_start, end, ended, objections, pending, upheld, clear
    )


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


# --- Decision -------------------------------------------------------------------------------


def approve(db: Database, actor: Actor, candidate_id: int, *, today: date | None = None) -> None:
    """Approve a candidate whose publicity has ended with no objection pending or upheld.

    Raises:
        ValidationFailed: the candidate is not in publicity, the publicity has not ended,
            or an objection is pending or upheld.
    """
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        candidate = _in_publicity(session, candidate_id)
        status = _status(candidate, _objection_views(session, candidate.id), today or date.today())
        refusal = _approval_refusal(_name(session, candidate), status)
        if refusal is not None:
            raise ValidationFailed([refusal])
        move(session, actor, candidate, CandidateState.APPROVED)


def _approval_refusal(name: str, status: PublicityStatus) -> Problem | None:
    if not status.ended:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The publicity of {name} runs until {end}. Approve the candidate after that day.",
        )
        return problem("", text, name=name, end=str(status.end))
    if status.pending:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{count} objection(s) against {name} are not resolved yet. Resolve them first, "
            "then approve.",
        )
        return problem("", text, name=name, count=status.pending)
    if status.upheld:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "An objection against {name} was upheld, so {name} cannot be approved. Reject the "
            "candidate instead, giving the objection as the reason.",
        )
        return problem("", text, name=name)
    return None


def reject(db: Database, actor: Actor, candidate_id: int, reason: str) -> None:
    """Reject a candidate in publicity (未通过), for example after an upheld objection.

    Raises:
        ValidationFailed: the candidate is not in publicity, or the reason is missing.
    """
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        candidate = _in_publicity(session, candidate_id)
        move(session, actor, candidate, CandidateState.REJECTED, reason)


def _in_publicity(session: Session, candidate_id: int) -> Candidate:
    candidate = get_candidate_row(session, candidate_id)
    if candidate.state == CandidateState.IN_PUBLICITY:
        return candidate
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "{name} is {state}, not in publicity, so no decision can be taken here. Refresh the "
        "list: someone may have changed the candidate meanwhile.",
    )
    name = _name(session, candidate)
    raise ValidationFailed([problem("state", text, name=name, state=_state(candidate))])


# --- Shared ---------------------------------------------------------------------------------


def _text_problems(field: str, text: str, missing: str) -> list[Problem]:
    if not text:
        return [problem(field, missing)]
    if len(text) > MAX_TEXT:
        message = QT_TRANSLATE_NOOP(
            "Validation", "The text has {count} characters; shorten it to at most {maximum}."
        )
        return [problem(field, message, count=len(text), maximum=MAX_TEXT)]
    return []


def _name(session: Session, candidate: Candidate) -> str:
    member = session.get(Member, candidate.member_id)
    return member.name if member else str(candidate.member_id)


def _state(candidate: Candidate) -> Label:
    return state_text(CandidateState(candidate.state))
