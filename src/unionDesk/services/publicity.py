"""Publicity (公示): quota check, start, status and the decision.

DESIGN.md 4: shortlisted candidates are publicised for the program's number of working days; an
objection (in ``objections``) must be resolved before approval, and an upheld one leads to
rejection.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.quota import QuotaResult, QuotaRule, check_quota
from unionDesk.domain.workdays import publicity_end
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.holidays import working_calendar
from unionDesk.services.objections import ObjectionResult, ObjectionView, _objection_views
from unionDesk.services.permissions import require
from unionDesk.services.transitions import (
    CANDIDATE_RECORD,
    candidate_name,
    candidate_state_text,
    get_candidate_row,
    move,
    program_row,
)
from unionDesk.store.db import Database
from unionDesk.store.selection_models import AwardProgram, Candidate

# The shortlist a quota applies to: shortlisted, in publicity or already approved.
SHORTLIST_STATES = tuple(
    s.value
    for s in (CandidateState.SHORTLISTED, CandidateState.IN_PUBLICITY, CandidateState.APPROVED)
)


@dataclass(frozen=True)
class PublicityPlan:
    """What starting a publicity on ``start`` would mean, shown before the officer confirms."""

    start: date
    end: date  # after the program's number of working days
    working_days: int  # from start to end, both included
    quota: list[QuotaResult]  # the quota rules checked on the current shortlist


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
            name = candidate_name(session, candidate)
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
    name = candidate_name(session, candidate)
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
    return [problem("candidate_ids", text, name=name, state=candidate_state_text(candidate))]


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


# --- Status ---------------------------------------------------------------------------------


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
        refusal = _approval_refusal(candidate_name(session, candidate), status)
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
    name = candidate_name(session, candidate)
    raise ValidationFailed(
        [problem("state", text, name=name, state=candidate_state_text(candidate))]
    )
