"""End to end: one selection from nomination to approval, through the services only.

8 candidates, 7 reviewers, one recusal, one reopened review, aggregates checked against values
computed by hand below, a quota warning, publicity over the 2026 National Day holiday, one
objection handled, approvals. Every number in the expectations is worked out in the comments.
"""

from __future__ import annotations

import statistics
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from helpers import OFFICE
from selection_helpers import (
    REVIEW_DAY,
    ROUND_CLOSES,
    ROUND_OPENS,
    make_candidates,
    make_members,
    make_program,
    make_reviewers,
)
from unionDesk.domain.review import ConflictKind
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import verify_chain
from unionDesk.services.candidates import get_candidate
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.objections import ObjectionResult, add_objection, resolve_objection
from unionDesk.services.publicity import (
    approve,
    plan_publicity,
    publicity_status,
    quota_check,
    start_publicity,
)
from unionDesk.services.results import program_results, shortlist
from unionDesk.services.reviews import recuse, submit_review
from unionDesk.services.rounds import RoundDraft, close_round, create_round, reopen_review
from unionDesk.store.selection_models import Review, ReviewRevision

# Categories chosen so that the shortlist below breaks both quota rules of the preset
# (一线职工 ≥ 50 %, 企业负责人 ≤ 20 %).
CATEGORIES = [
    "一线职工",
    "企业负责人",
    "企业负责人",
    "一线职工",
    "科教人员",
    "一线职工",
    "一线职工",
    "科教人员",
]


def split(total: int, skill: int | None = None) -> dict[str, Decimal]:
    """Criterion values adding up to ``total`` on the 20/40/25/15 rubric (weights = maxima).

    With weights equal to the maximum points, a review's weighted total is the plain sum.
    """
    if skill is None:
        skill = total - 48
    rest = total - skill
    conduct, example = 16, 12
    innovation = rest - conduct - example
    assert 0 <= skill <= 40 and 0 <= innovation <= 25, (total, skill)
    return {
        "conduct": Decimal(conduct),
        "skill": Decimal(skill),
        "innovation": Decimal(innovation),
        "example": Decimal(example),
    }


# Totals per candidate (index 0..7) from reviewers pw1..pw7; None = recused.
TOTALS: list[list[int | None]] = [
    [80, 82, 84, 86, 88, 70, None],  # 6 valid: drop 88 and 70 → (80+82+84+86)/4 = 83
    [75, 78, 77, 79, 81, 73, 85],  # pw2 first submits 60, reopened → 78; drop 73, 85 → 78
    [70, 70, 70, 70, 70, 70, 70],  # 70, skill 22 → tie-break 55
    [65, 66, 67, 68, 69, 64, 88],  # drop 64, 88 → (65+…+69)/5 = 67
    [70, 70, 70, 70, 70, 70, 70],  # 70 as well, but skill 25 → tie-break 62.5: ranks above #3
    [60, 60, 60, 60, 60, 60, 60],  # 60 ─┐ same criterion values:
    [60, 60, 60, 60, 60, 60, 60],  # 60 ─┘ tied after the tie-break
    [50, 88, 50, 88, 50, 88, 69],  # drop one 50 and one 88 → (50+50+69+88+88)/5 = 69, spread
]
SKILL_OVERRIDE = {4: 25}  # candidate index → skill value used in every review of it

EXPECTED_SCORES = [83, 78, 70, 67, 70, 60, 60, 69]
# rank: #1 83, #2 78, #5 70 (tie-break 62.5), #3 70 (55), #8 69, #4 67, #6 and #7 tied at 60.
EXPECTED_ORDER = [0, 1, 4, 2, 7, 3, 5, 6]
EXPECTED_RANKS = [1, 2, 3, 4, 5, 6, 7, 7]
SHORTLIST = [0, 1, 4, 2, 7]  # the top five: 1 一线职工 of 5 = 20 %, 2 企业负责人 = 40 %

PUBLICITY_START = date(2026, 9, 30)  # Wednesday before the National Day holiday
# 9-30 (1), 10-1..10-7 off, 10-8 (2), 10-9 (3), 10-10 Saturday make-up working day (4), 10-12 (5)
PUBLICITY_END = date(2026, 10, 12)


@pytest.mark.slow
def test_a_whole_selection_from_nomination_to_approval(db):
    program_id = make_program(db)
    candidates = make_candidates(db, program_id, make_members(db, 8), CATEGORIES)
    reviewers = make_reviewers(db, 7)
    chair = reviewers[0]
    round_id = create_round(
        db,
        OFFICE,
        RoundDraft(
            program_id=program_id,
            name="终评",
            opens_on=ROUND_OPENS,
            closes_on=ROUND_CLOSES,
            chair_user_id=chair.user_id,
            reviewer_ids=tuple(r.user_id for r in reviewers),
            candidate_ids=tuple(candidates),
        ),
    )

    # --- review: everyone scores, pw7 recuses on candidate #1, pw2 first gives #2 a 60 -------
    for index, candidate_id in enumerate(candidates):
        for number, reviewer in enumerate(reviewers):
            total = TOTALS[index][number]
            if total is None:
                recuse(
                    db,
                    reviewer,
                    round_id,
                    candidate_id,
                    ConflictKind.SAME_UNIT,
                    "",
                    today=REVIEW_DAY,
                )
                continue
            if (index, number) == (1, 1):
                total = 60
            values = split(total, SKILL_OVERRIDE.get(index))
            submit_review(db, reviewer, round_id, candidate_id, values, "", today=REVIEW_DAY)

    with db.read() as session:
        wrong = session.scalars(
            select(Review).where(
                Review.candidate_id == candidates[1], Review.reviewer_id == reviewers[1].user_id
            )
        ).one()
    with pytest.raises(ValidationFailed):  # a submitted review is locked for its reviewer
        submit_review(db, reviewers[1], round_id, candidates[1], split(78), "", today=REVIEW_DAY)
    reopen_review(db, chair, wrong.id, "评委申请更正录入错误")
    submit_review(db, reviewers[1], round_id, candidates[1], split(78), "更正", today=REVIEW_DAY)
    with db.read() as session:
        kept = session.scalars(
            select(ReviewRevision).where(ReviewRevision.review_id == wrong.id)
        ).one()
    assert kept.reason == "评委申请更正录入错误" and kept.reopened_by == chair.username
    assert '"skill": "12"' in kept.scores  # the earlier 60 (skill 60 - 48) is kept

    close_round(db, chair, round_id)

    # --- aggregation, against the hand-computed values above ---------------------------------
    results = program_results(db, OFFICE, program_id, detail=True)
    by_candidate = {row.candidate_id: row for row in results.rows}
    assert [row.candidate_id for row in results.rows] == [candidates[i] for i in EXPECTED_ORDER]
    assert [row.rank for row in results.rows] == EXPECTED_RANKS
    for index, candidate_id in enumerate(candidates):
        row = by_candidate[candidate_id]
        assert row.aggregate.score == EXPECTED_SCORES[index], index
        assert row.state is CandidateState.SCORED
        valid = [t for t in TOTALS[index] if t is not None]
        assert row.aggregate.valid_count == len(valid)
        assert row.aggregate.trimmed is True  # every candidate has at least 5 valid scores
        assert row.aggregate.mean == Fraction(sum(valid), len(valid))
        assert row.aggregate.median == Fraction(statistics.median(valid)).limit_denominator()
        assert row.aggregate.stdev == pytest.approx(statistics.pstdev(valid))
    assert by_candidate[candidates[0]].aggregate.valid_count == 6  # the recusal does not count
    assert by_candidate[candidates[4]].aggregate.tie_break == Fraction(125, 2)  # 25/40 → 62.5
    assert by_candidate[candidates[2]].aggregate.tie_break == 55  # 22/40
    assert by_candidate[candidates[5]].tied and by_candidate[candidates[6]].tied
    assert not by_candidate[candidates[2]].tied
    assert by_candidate[candidates[7]].aggregate.disagreement  # σ ≈ 17.1 ≥ 10
    assert not by_candidate[candidates[2]].aggregate.disagreement
    recusal = [r for r in by_candidate[candidates[0]].reviews if r.conflict_kind is not None]
    assert [r.reviewer for r in recusal] == ["评委7"]

    # --- shortlist, quota warning, publicity over the holiday --------------------------------
    chosen = [candidates[i] for i in SHORTLIST]
    shortlist(db, OFFICE, chosen, "按综合得分排名前五")
    quota = quota_check(db, OFFICE, program_id)
    assert [q.passed for q in quota] == [False, False]
    assert [(q.count, q.total) for q in quota] == [(1, 5), (2, 5)]

    plan = plan_publicity(db, OFFICE, program_id, PUBLICITY_START)
    assert plan.end == PUBLICITY_END and plan.working_days == 5
    with pytest.raises(ValidationFailed):  # the quota warning must be answered
        start_publicity(db, OFFICE, program_id, chosen, PUBLICITY_START, today=PUBLICITY_START)
    end = start_publicity(
        db,
        OFFICE,
        program_id,
        chosen,
        PUBLICITY_START,
        quota_override_reason="上级工会同意本年度科教人员比例突破",
        today=PUBLICITY_START,
    )
    assert end == PUBLICITY_END

    # --- one objection, handled ---------------------------------------------------------------
    objection = add_objection(
        db,
        OFFICE,
        chosen[1],
        date(2026, 10, 8),
        "反映该同志创新成果署名存在争议",
        today=date(2026, 10, 8),
    )
    with pytest.raises(ValidationFailed):  # not before the period is over
        approve(db, OFFICE, chosen[0], today=PUBLICITY_END)
    with pytest.raises(ValidationFailed):  # not with an objection pending
        approve(db, OFFICE, chosen[1], today=date(2026, 10, 13))
    resolve_objection(
        db,
        OFFICE,
        objection,
        "经核实，成果证书署名无误，异议不属实",
        ObjectionResult.DISMISSED,
        date(2026, 10, 9),
        today=date(2026, 10, 9),
    )

    # --- approvals ----------------------------------------------------------------------------
    for candidate_id in chosen:
        approve(db, OFFICE, candidate_id, today=date(2026, 10, 13))
        status = publicity_status(db, OFFICE, candidate_id, today=date(2026, 10, 13))
        assert status.clear  # 公示期满无异议
        detail = get_candidate(db, OFFICE, candidate_id)
        assert detail.state is CandidateState.APPROVED
        assert [t.to_state for t in detail.history][-4:] == [
            CandidateState.SCORED,
            CandidateState.SHORTLISTED,
            CandidateState.IN_PUBLICITY,
            CandidateState.APPROVED,
        ]
    assert verify_chain(db).ok
