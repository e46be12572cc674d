"""Moving a candidate between workflow states: the one place a state is written.

Also the lookups of a candidate (its row, name and state) and a program that every selection
service shares.

Every move is checked against the domain state machine, recorded as a ``CandidateTransition``
(who, when, why) and audited, inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Label, problem
from unionDesk.domain.workflow import CandidateState, check_transition, state_text
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.store.models import Member
from unionDesk.store.selection_models import AwardProgram, Candidate, CandidateTransition

CANDIDATE_RECORD = "candidate"


def move(
    session: Session,
    actor: Actor,
    candidate: Candidate,
    target: CandidateState,
    reason: str = "",
    *,
    now: datetime | None = None,
) -> None:
    """Move ``candidate`` to ``target``, or raise ``ValidationFailed`` saying why not."""
    current = CandidateState(candidate.state)
    problems = check_transition(current, target, reason)
    if problems:
        raise ValidationFailed(problems)
    at = now or datetime.now()
    candidate.state = target.value
    candidate.updated_at = at
    session.add(
        CandidateTransition(
            candidate_id=candidate.id,
            from_state=current.value,
            to_state=target.value,
            at=at,
            actor=actor.username,
            reason=reason.strip(),
        )
    )
    record(
        session,
        actor,
        Action.STATUS_CHANGE,
        CANDIDATE_RECORD,
        candidate.id,
        f"{candidate_name(session, candidate)}: {reason.strip()}".rstrip(": "),
        {"state": (current.value, target.value)},
    )


def get_candidate_row(session: Session, candidate_id: int) -> Candidate:
    """The candidate with ``candidate_id``, or ``NotFound``."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation", "This candidate no longer exists. Refresh the list."
                ),
            )
        )
    return candidate


def program_row(session: Session, program_id: int) -> AwardProgram:
    """The award program with ``program_id``, or ``NotFound``."""
    program = session.get(AwardProgram, program_id)
    if program is None:
        raise NotFound(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation", "This award program no longer exists. Refresh the list."
                ),
            )
        )
    return program


def candidate_name(session: Session, candidate: Candidate) -> str:
    """The name of ``candidate``'s member, or the member id if the member is gone."""
    member = session.get(Member, candidate.member_id)
    return member.name if member else str(candidate.member_id)


def candidate_state_text(candidate: Candidate) -> Label:
    """``candidate``'s workflow state as a message parameter."""
    return state_text(CandidateState(candidate.state))
