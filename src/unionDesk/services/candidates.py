"""Nominations (候选人): create, edit, submit, withdrawal and the other workflow moves.

State changes go through ``transitions.move``; the eligibility check and its override live in
``eligibility_check.py``, attachments in ``attachments.py``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.candidate import CandidateDraft, submission_problems, validate_candidate
from unionDesk.domain.eligibility import RuleResult
from unionDesk.domain.enums import MemberStatus
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.workflow import CandidateState, allowed_targets, state_text
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.eligibility_check import current_eligibility
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.services.transitions import (
    CANDIDATE_RECORD,
    candidate_name,
    get_candidate_row,
    move,
    program_row,
)
from unionDesk.store.db import Database
from unionDesk.store.models import Department, Member
from unionDesk.store.selection_models import AwardProgram, Candidate, CandidateTransition

# Before review starts the nomination text may still be corrected; afterwards reviewers have
# scored what they read, so it is frozen.
EDITABLE_STATES = frozenset(
    {
        CandidateState.DRAFT,
        CandidateState.NOMINATED,
        CandidateState.ELIGIBLE,
        CandidateState.INELIGIBLE,
    }
)
_S = CandidateState
# Moves that only their own service makes, because it checks what the state machine cannot:
# submit (texts, deadline), check and override (rules, reason), create_round, close_round
# (scores), start_publicity (dates, quota) and approve (objections). ``transition`` refuses them.
SERVICE_MOVES = frozenset(
    {
        (_S.DRAFT, _S.NOMINATED),
        (_S.NOMINATED, _S.ELIGIBLE),
        (_S.NOMINATED, _S.INELIGIBLE),
        (_S.ELIGIBLE, _S.INELIGIBLE),
        (_S.INELIGIBLE, _S.ELIGIBLE),
        (_S.ELIGIBLE, _S.UNDER_REVIEW),
        (_S.UNDER_REVIEW, _S.SCORED),
        (_S.SHORTLISTED, _S.IN_PUBLICITY),
        (_S.IN_PUBLICITY, _S.APPROVED),
    }
)


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """One line of a program's candidate list."""

    id: int
    member_id: int
    name: str
    department: str
    category: str
    nominating_unit: str
    state: CandidateState
    updated_at: datetime


@dataclass(frozen=True)
class TransitionView:
    """One step of a candidate's history."""

    from_state: CandidateState
    to_state: CandidateState
    at: datetime
    actor: str
    reason: str


@dataclass(frozen=True)
class CandidateDetail:
    """Everything the candidate form shows."""

    id: int
    program_id: int
    program_name: str
    member_name: str
    draft: CandidateDraft
    state: CandidateState
    eligibility: tuple[RuleResult, ...]  # computed now, from the member's current record
    eligibility_override: str
    history: tuple[TransitionView, ...]
    next_states: frozenset[CandidateState]
    publicity_start: date | None
    publicity_end: date | None


def list_candidates(db: Database, actor: Actor, program_id: int) -> list[CandidateRow]:
    """The candidates of a program (withdrawn ones included), by name."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        rows = session.execute(
            select(Candidate, Member.name, Department.name)
            .join(Member, Member.id == Candidate.member_id)
            .outerjoin(Department, Department.id == Member.department_id)
            .where(Candidate.program_id == program_id)
            .order_by(Member.name_sort, Candidate.id)
        ).all()
    return [
        CandidateRow(
            id=c.id,
            member_id=c.member_id,
            name=name,
            department=department or "",
            category=c.category,
            nominating_unit=c.nominating_unit,
            state=CandidateState(c.state),
            updated_at=c.updated_at,
        )
        for c, name, department in rows
    ]


def get_candidate(
    db: Database, actor: Actor, candidate_id: int, *, today: date | None = None
) -> CandidateDetail:
    """A candidate with its history and the current eligibility results."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        candidate = get_candidate_row(session, candidate_id)
        program = program_row(session, candidate.program_id)
        member = session.get(Member, candidate.member_id)
        assert member is not None
        history = session.scalars(
            select(CandidateTransition)
            .where(CandidateTransition.candidate_id == candidate_id)
            .order_by(CandidateTransition.id)
        ).all()
        results = current_eligibility(session, program, member)
        state = CandidateState(candidate.state)
        return CandidateDetail(
            id=candidate.id,
            program_id=program.id,
            program_name=program.name,
            member_name=member.name,
            draft=_draft_of(candidate),
            state=state,
            eligibility=tuple(results),
            eligibility_override=candidate.eligibility_override,
            history=tuple(
                TransitionView(
                    CandidateState(t.from_state),
                    CandidateState(t.to_state),
                    t.at,
                    t.actor,
                    t.reason,
                )
                for t in history
            ),
            next_states=allowed_targets(state),
            publicity_start=candidate.publicity_start,
            publicity_end=candidate.publicity_end,
        )


def nominate(db: Database, actor: Actor, program_id: int, draft: CandidateDraft) -> int:
    """Record a nomination as a draft (草稿) and return its id.

    Raises:
        ValidationFailed: a field is wrong, the member is not an active member, or already a
            candidate of this program.
    """
    require(actor, Permission.EDIT_SELECTION)
    now = datetime.now()
    with db.write() as session:
        program = program_row(session, program_id)
        clean = validate_candidate(draft, _categories(program))
        assert clean.member_id is not None
        member = _active_member(session, clean.member_id)
        _refuse_second_nomination(session, program, member)
        candidate = Candidate(
            program_id=program.id,
            member_id=member.id,
            nominating_unit=clean.nominating_unit,
            category=clean.category,
            summary=clean.summary,
            deeds=clean.deeds,
            state=CandidateState.DRAFT.value,
            eligibility_results="",
            eligibility_override="",
            created_at=now,
            updated_at=now,
        )
        session.add(candidate)
        try:
            session.flush()
        except IntegrityError as exc:  # another officer nominated the same member meanwhile
            session.rollback()
            raise ValidationFailed([_already_nominated(member.name, program.name)]) from exc
        record(
            session,
            actor,
            Action.CREATE,
            CANDIDATE_RECORD,
            candidate.id,
            f"{member.name} → {program.name}",
            diff({}, _audited(clean)),
        )
        return candidate.id


def update_candidate(db: Database, actor: Actor, candidate_id: int, draft: CandidateDraft) -> None:
    """Save corrections to a nomination; refused once review has started."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        state = CandidateState(candidate.state)
        if state not in EDITABLE_STATES:
            raise ValidationFailed(
                [
                    problem(
                        "",
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "The nomination cannot be changed any more: reviewers have "
                            "scored it as it stands. Withdraw it and nominate again if it "
                            "is wrong.",
                        ),
                    )
                ]
            )
        program = program_row(session, candidate.program_id)
        before = _draft_of(candidate)
        clean = validate_candidate(
            CandidateDraft(
                candidate.member_id,
                draft.nominating_unit,
                draft.category,
                draft.summary,
                draft.deeds,
            ),
            _categories(program),
        )
        candidate.nominating_unit, candidate.category = clean.nominating_unit, clean.category
        candidate.summary, candidate.deeds = clean.summary, clean.deeds
        candidate.updated_at = datetime.now()
        changes = diff(_audited(before), _audited(clean))
        if changes:
            name = candidate_name(session, candidate)
            record(session, actor, Action.UPDATE, CANDIDATE_RECORD, candidate.id, name, changes)


def submit(db: Database, actor: Actor, candidate_id: int, *, today: date | None = None) -> None:
    """草稿 → 已推荐: the nomination is complete and handed in before the deadline."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        program = program_row(session, candidate.program_id)
        problems = submission_problems(_draft_of(candidate))
        deadline = program.nomination_deadline
        if deadline is not None and (today or date.today()) > deadline:
            problems.append(
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The nomination deadline ({deadline}) has passed. If a late "
                        "nomination is allowed, change the deadline of the program first.",
                    ),
                    deadline=deadline.isoformat(),
                )
            )
        # A candidate past the draft gets the workflow's own message from ``move``.
        if problems and CandidateState(candidate.state) is CandidateState.DRAFT:
            raise ValidationFailed(problems)
        move(session, actor, candidate, CandidateState.NOMINATED)


def return_to_draft(db: Database, actor: Actor, candidate_id: int, reason: str) -> None:
    """已推荐 → 草稿, to complete a nomination handed in too early."""
    transition(db, actor, candidate_id, CandidateState.DRAFT, reason)


def withdraw(db: Database, actor: Actor, candidate_id: int, reason: str) -> None:
    """撤回: possible from any state before 通过, with a reason."""
    transition(db, actor, candidate_id, CandidateState.WITHDRAWN, reason)


def transition(
    db: Database, actor: Actor, candidate_id: int, target: CandidateState, reason: str = ""
) -> None:
    """Move a candidate to ``target`` if the workflow allows it (audited).

    Moves in ``SERVICE_MOVES`` are refused: their own service checks their conditions.
    """
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        if (CandidateState(candidate.state), target) in SERVICE_MOVES:
            raise ValidationFailed(
                [
                    problem(
                        "state",
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "A candidate is moved to {target} only by its own step (submission, "
                            "eligibility check, review round, publicity or approval), which "
                            "checks the conditions first.",
                        ),
                        target=state_text(target),
                    )
                ]
            )
        move(session, actor, candidate, target, reason)


def _categories(program: AwardProgram) -> list[str]:
    return [str(c) for c in json.loads(program.categories)]


def _active_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise ValidationFailed(
            [
                problem(
                    "member_id",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "This member is no longer on the register. Choose another member.",
                    ),
                )
            ]
        )
    if member.status != MemberStatus.ACTIVE.value:
        raise ValidationFailed(
            [
                problem(
                    "member_id",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "{name} is not an active member and cannot be nominated.",
                    ),
                    name=member.name,
                )
            ]
        )
    return member


def _refuse_second_nomination(session: Session, program: AwardProgram, member: Member) -> None:
    taken = session.scalar(
        select(func.count())
        .select_from(Candidate)
        .where(
            Candidate.program_id == program.id,
            Candidate.member_id == member.id,
            Candidate.state != CandidateState.WITHDRAWN.value,
        )
    )
    if taken:
        raise ValidationFailed([_already_nominated(member.name, program.name)])


def _already_nominated(name: str, program: str) -> Problem:
    return problem(
        "member_id",
        QT_TRANSLATE_NOOP(
            "Validation",
            "{name} is already a candidate of {program}. Open that nomination instead.",
        ),
        name=name,
        program=program,
    )


def _draft_of(candidate: Candidate) -> CandidateDraft:
    return CandidateDraft(
        member_id=candidate.member_id,
        nominating_unit=candidate.nominating_unit,
        category=candidate.category,
        summary=candidate.summary,
        deeds=candidate.deeds,
    )


def _audited(draft: CandidateDraft) -> dict[str, object]:
    return {key: value for key, value in asdict(draft).items() if value not in ("", None)}
