"""资格审查: the eligibility check of a nomination and the officer's override.

The rules are the program's (``domain/eligibility.py``); the facts come from the member's
current record and honours. State changes go through ``transitions.move``.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.eligibility import (
    EligibilityRules,
    NomineeFacts,
    RuleResult,
    check_eligibility,
    is_eligible,
)
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.honours import held_honours
from unionDesk.services.permissions import require
from unionDesk.services.transitions import get_candidate_row, move, program_row
from unionDesk.store.db import Database
from unionDesk.store.models import Member
from unionDesk.store.selection_models import AwardProgram

CHECKABLE_STATES = frozenset(
    {CandidateState.NOMINATED, CandidateState.ELIGIBLE, CandidateState.INELIGIBLE}
)


def check(db: Database, actor: Actor, candidate_id: int) -> list[RuleResult]:
    """资格审查: check the program's rules and move to 合格 or 不合格; return the results."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        state = CandidateState(candidate.state)
        if state not in CHECKABLE_STATES:
            raise ValidationFailed(
                [
                    problem(
                        "state",
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "Only a submitted nomination can be checked. Submit it first; "
                            "after review has started the check is no longer repeated.",
                        ),
                    )
                ]
            )
        program = program_row(session, candidate.program_id)
        member = session.get(Member, candidate.member_id)
        assert member is not None
        results = current_eligibility(session, program, member)
        target = CandidateState.ELIGIBLE if is_eligible(results) else CandidateState.INELIGIBLE
        candidate.eligibility_results = json.dumps(
            {"checked_at": datetime.now().isoformat(timespec="seconds")}
            | {r.rule.value: r.passed for r in results},
            ensure_ascii=False,
        )
        if target is not state:
            move(session, actor, candidate, target)
        if target is CandidateState.ELIGIBLE:
            candidate.eligibility_override = ""
        return results


def override_eligibility(db: Database, actor: Actor, candidate_id: int, reason: str) -> None:
    """不合格 → 合格 against the automatic check, with the officer's written reason (audited)."""
    require(actor, Permission.EDIT_SELECTION)
    if not reason.strip():
        raise ValidationFailed(
            [
                problem(
                    "reason",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Write why the candidate is eligible although the rules say otherwise.",
                    ),
                )
            ]
        )
    with db.write() as session:
        candidate = get_candidate_row(session, candidate_id)
        if CandidateState(candidate.state) is not CandidateState.INELIGIBLE:
            raise ValidationFailed(
                [
                    problem(
                        "state",
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "Only a candidate whom the eligibility check found ineligible can "
                            "be declared eligible by override. Check the nomination first.",
                        ),
                    )
                ]
            )
        move(session, actor, candidate, CandidateState.ELIGIBLE, reason)
        candidate.eligibility_override = reason.strip()


def reference_date(program: AwardProgram) -> date:
    """The day ages and years of service are counted to: the nomination deadline, or 31 Dec."""
    return program.nomination_deadline or date(program.year, 12, 31)


def nominee_facts(session: Session, member: Member) -> NomineeFacts:
    """What the eligibility rules need to know of a member."""
    return NomineeFacts(
        name=member.name,
        birth_date=member.birth_date,
        skill_level=SkillLevel(member.skill_level),
        work_start_date=member.work_start_date,
        honours=tuple(held_honours(session, member.id)),
    )


def current_eligibility(
    session: Session, program: AwardProgram, member: Member
) -> list[RuleResult]:
    """The program's eligibility rules checked on the member's current record."""
    rules = EligibilityRules.from_json(json.loads(program.eligibility))
    return check_eligibility(
        rules,
        nominee_facts(session, member),
        title=program.honour_title,
        reference_date=reference_date(program),
    )
