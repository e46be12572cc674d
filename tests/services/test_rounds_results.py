"""Review rounds and their results against a real database, checked against hand-computed values.

The rubric is the 北京大工匠 preset (max = weight: 20 / 40 / 25 / 15), so a review's weighted
total is simply the sum of its four scores.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from fractions import Fraction

import pytest
from sqlalchemy import select

from helpers import OFFICE
from selection_helpers import (
    REVIEW_DAY,
    ROUND_CLOSES,
    ROUND_OPENS,
    RoundSetup,
    make_candidates,
    make_members,
    make_program,
    make_reviewers,
    make_round,
    scores,
    submit_scores,
)
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import CandidateDraft
from unionDesk.domain.review import ConflictKind, ReviewStatus
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.candidates import nominate, submit, withdraw
from unionDesk.services.eligibility_check import check
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.results import program_results, round_results, shortlist
from unionDesk.services.reviews import recuse, save_review
from unionDesk.services.rounds import (
    RoundDraft,
    close_round,
    create_round,
    list_rounds,
    round_progress,
)
from unionDesk.services.users import add_user, update_user
from unionDesk.store.db import Database
from unionDesk.store.selection_models import Candidate, CandidateTransition, ReviewRound

S = CandidateState
OFFICER = Actor(41, "luyuan", Role.OFFICER)
VIEWER = Actor(42, "chakan", Role.VIEWER)
# Six reviewers on candidate A (totals 87, 76, 100, 45, 82, 71) and five on B (75, 69, 95,
# 60, 79; the sixth recused); only three on C (the others recused): below the quorum of 4.
SHEET_A = [
    scores("18", "35", "22", "12"),
    scores("16", "30", "20", "10"),
    scores("20", "40", "25", "15"),
    scores("10", "20", "10", "5"),
    scores("17.5", "32.5", "21", "11"),
    scores("15", "28", "19", "9"),
]
SHEET_B = [
    scores("15", "30", "20", "10"),
    scores("14", "28", "18", "9"),
    scores("19", "38", "24", "14"),
    scores("12", "25", "15", "8"),
    scores("16", "31", "21", "11"),
]


def state_of(db: Database, candidate_id: int) -> CandidateState:
    with db.read() as session:
        candidate = session.get(Candidate, candidate_id)
        assert candidate is not None
        return CandidateState(candidate.state)


def everyone_scores(db: Database, setup: RoundSetup, sheet: dict[int, dict]) -> None:  # type: ignore[type-arg]
    """Every reviewer submits ``sheet[candidate]`` for every candidate."""
    for reviewer in setup.reviewers:
        for candidate, values in sheet.items():
            submit_scores(db, setup, reviewer, candidate, values)


def round_draft(setup: RoundSetup, candidate_ids: tuple[int, ...], **changes: object) -> RoundDraft:
    draft = RoundDraft(
        program_id=setup.program_id,
        name="第二轮评审",
        opens_on=ROUND_OPENS,
        closes_on=ROUND_CLOSES,
        chair_user_id=setup.chair.user_id,
        reviewer_ids=tuple(r.user_id for r in setup.reviewers if r.user_id is not None),
        candidate_ids=candidate_ids,
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


@pytest.fixture
def setup(db: Database) -> RoundSetup:
    return make_round(db, candidates=3, reviewers=3)


@pytest.fixture
def spare(db: Database, setup: RoundSetup) -> int:
    """An eligible candidate of the program in no round yet."""
    return make_candidates(db, setup.program_id, make_members(db, 1, first_sequence=501))[0]


# --- create --------------------------------------------------------------------------------


def test_a_round_moves_its_candidates_under_review(db: Database, setup: RoundSetup) -> None:
    for candidate in setup.candidate_ids:
        assert state_of(db, candidate) is S.UNDER_REVIEW
        with db.read() as session:
            last = session.scalars(
                select(CandidateTransition)
                .where(CandidateTransition.candidate_id == candidate)
                .order_by(CandidateTransition.id.desc())
            ).first()
        assert last is not None
        assert (last.from_state, last.to_state, last.actor) == ("eligible", "under_review", "cli")
    (row,) = list_rounds(db, VIEWER, setup.program_id)
    assert (row.name, row.chair, row.reviewers, row.candidates) == ("第一轮评审", "评委1", 3, 3)
    assert (row.closed, row.finished, row.expected) == (False, 0, 9)
    (entry,) = query_audit(db, OFFICE, AuditFilter(record_type="review_round"))
    assert entry.action is Action.CREATE
    assert entry.changes["candidates"] == [None, str(sorted(setup.candidate_ids))]


def test_reviewers_must_have_the_reviewer_role(db: Database, setup: RoundSetup, spare: int) -> None:
    officer_id = add_user(db, OFFICE, "luyuan2", "录入员", Role.OFFICER, "Luru-2026!!", False)
    draft = round_draft(setup, (spare,), reviewer_ids=(setup.reviewers[1].user_id, officer_id))
    with pytest.raises(ValidationFailed) as caught:
        create_round(db, OFFICE, draft)
    (message,) = caught.value.by_field()["reviewer_ids"]
    assert "luyuan2" in message
    assert state_of(db, spare) is S.ELIGIBLE
    assert len(list_rounds(db, OFFICE, setup.program_id)) == 1


def test_a_disabled_reviewer_cannot_be_assigned(
    db: Database, setup: RoundSetup, spare: int
) -> None:
    gone = setup.reviewers[2]
    assert gone.user_id is not None
    update_user(
        db,
        OFFICE,
        gone.user_id,
        role=Role.REVIEWER,
        disabled=True,
        can_unmask=False,
        display_name="评委3",
    )
    with pytest.raises(ValidationFailed) as caught:
        create_round(db, OFFICE, round_draft(setup, (spare,)))
    assert gone.username in caught.value.by_field()["reviewer_ids"][0]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reviewer_ids": ()}, "reviewer_ids"),
        ({"reviewer_ids": (2, 2)}, "reviewer_ids"),
        ({"reviewer_ids": (9999,)}, "reviewer_ids"),
        ({"name": "  "}, "name"),
        ({"name": "轮" * 101}, "name"),
        ({"closes_on": ROUND_OPENS - timedelta(days=1)}, "closes_on"),
        ({"quorum": Fraction(0)}, "quorum"),
        ({"quorum": Fraction(3, 2)}, "quorum"),
        ({"candidate_ids": ()}, "candidate_ids"),
    ],
)
def test_a_round_is_checked(
    db: Database, setup: RoundSetup, spare: int, changes: dict[str, object], field: str
) -> None:
    draft = replace(round_draft(setup, (spare,)), **changes)  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed) as caught:
        create_round(db, OFFICE, draft)
    assert list(caught.value.by_field()) == [field]
    assert state_of(db, spare) is S.ELIGIBLE


def test_the_chair_must_be_a_reviewer_or_an_administrator(
    db: Database, setup: RoundSetup, spare: int
) -> None:
    officer_id = add_user(db, OFFICE, "luyuan2", "录入员", Role.OFFICER, "Luru-2026!!", False)
    with pytest.raises(ValidationFailed) as caught:
        create_round(db, OFFICE, round_draft(setup, (spare,), chair_user_id=officer_id))
    assert list(caught.value.by_field()) == ["chair_user_id"]
    admin_id = add_user(db, OFFICE, "zhuren", "管理员", Role.ADMIN, "Guanli-2026!!", False)
    assert create_round(db, OFFICE, round_draft(setup, (spare,), chair_user_id=admin_id))


def test_only_eligible_candidates_of_the_program_can_be_reviewed(
    db: Database, setup: RoundSetup, spare: int
) -> None:
    member = make_members(db, 1, first_sequence=521)[0]
    nominated = nominate(
        db, OFFICE, setup.program_id, CandidateDraft(member, "厂", "一线职工", "a", "b")
    )
    submit(db, OFFICE, nominated, today=ROUND_OPENS - timedelta(days=30))
    other_program = make_program(db)
    foreign = make_candidates(db, other_program, make_members(db, 1, first_sequence=541))[0]
    under_review = setup.candidate_ids[0]
    draft = round_draft(setup, (spare, nominated, foreign, under_review))
    with pytest.raises(ValidationFailed) as caught:
        create_round(db, OFFICE, draft)
    messages = caught.value.by_field()["candidate_ids"]
    assert len(messages) == 3
    assert "another program" in messages[1]
    assert all("eligib" in m for m in (messages[0], messages[2]))
    assert state_of(db, spare) is S.ELIGIBLE
    check(db, OFFICE, nominated)
    assert create_round(db, OFFICE, round_draft(setup, (spare, nominated)))


def test_a_candidate_chosen_twice_is_assigned_once(
    db: Database, setup: RoundSetup, spare: int
) -> None:
    round_id = create_round(db, OFFICE, round_draft(setup, (spare, spare)))
    assert list_rounds(db, OFFICE, setup.program_id)[0].candidates == 1
    assert len(round_progress(db, OFFICE, round_id)) == 3
    assert state_of(db, spare) is S.UNDER_REVIEW


def test_only_the_officer_sets_up_rounds(db: Database, setup: RoundSetup, spare: int) -> None:
    for actor in (VIEWER, setup.chair):
        with pytest.raises(PermissionDenied):
            create_round(db, actor, round_draft(setup, (spare,)))
    with pytest.raises(PermissionDenied):
        list_rounds(db, setup.chair, setup.program_id)


# --- progress and closing ------------------------------------------------------------------


def test_progress_shows_statuses_only(db: Database, setup: RoundSetup) -> None:
    first, second, _ = setup.candidate_ids
    submit_scores(db, setup, setup.reviewers[1], first, scores("1", "2", "3", "4"))
    recuse(
        db, setup.reviewers[2], setup.round_id, second, ConflictKind.RELATIVE, "", today=REVIEW_DAY
    )
    pairs = {
        (p.reviewer, p.candidate_id): p.status
        for p in round_progress(db, setup.chair, setup.round_id)
    }
    assert len(pairs) == 9
    assert pairs[("评委2", first)] is ReviewStatus.SUBMITTED
    assert pairs[("评委3", second)] is ReviewStatus.RECUSED
    assert sum(status is None for status in pairs.values()) == 7
    assert round_progress(db, OFFICER, setup.round_id)
    for actor in (setup.reviewers[1], VIEWER):
        with pytest.raises(PermissionDenied):
            round_progress(db, actor, setup.round_id)


def test_closing_with_unfinished_reviews_needs_confirmation(
    db: Database, setup: RoundSetup
) -> None:
    first, second, third = setup.candidate_ids
    everyone_scores(db, setup, {first: SHEET_A[0], second: SHEET_A[1]})
    for reviewer in setup.reviewers[:2]:
        submit_scores(db, setup, reviewer, third, SHEET_A[2])
    save_review(db, setup.reviewers[2], setup.round_id, third, SHEET_A[3], "", today=REVIEW_DAY)
    with pytest.raises(ValidationFailed) as caught:
        close_round(db, OFFICE, setup.round_id)
    assert "1 reviews" in str(caught.value)
    assert "评委3" in str(caught.value)
    assert all(state_of(db, c) is S.UNDER_REVIEW for c in setup.candidate_ids)

    close_round(db, setup.chair, setup.round_id, allow_unfinished=True)
    assert [state_of(db, c) for c in setup.candidate_ids] == [S.SCORED] * 3
    (row,) = [r for r in round_results(db, OFFICE, setup.round_id).rows if r.candidate_id == third]
    assert row.aggregate.valid_count == 2  # the saved draft does not count
    assert row.aggregate.score == Fraction(100)
    entry = query_audit(db, OFFICE, AuditFilter(record_type="review_round"))[0]
    assert (entry.action, entry.actor, entry.changes) == (
        Action.CLOSE,
        setup.chair.username,
        {"unfinished": [None, 1]},
    )
    with pytest.raises(ValidationFailed):
        close_round(db, OFFICE, setup.round_id, allow_unfinished=True)


def test_a_withdrawn_candidate_does_not_hold_up_closing(db: Database, setup: RoundSetup) -> None:
    first, second, third = setup.candidate_ids
    everyone_scores(db, setup, {first: SHEET_A[0], second: SHEET_A[1]})
    withdraw(db, OFFICE, third, "本人申请撤回")
    close_round(db, OFFICE, setup.round_id)
    assert [state_of(db, c) for c in setup.candidate_ids] == [S.SCORED, S.SCORED, S.WITHDRAWN]


def test_only_the_officer_or_the_chair_closes(db: Database, setup: RoundSetup) -> None:
    for actor in (setup.reviewers[1], VIEWER):
        with pytest.raises(PermissionDenied):
            close_round(db, actor, setup.round_id, allow_unfinished=True)
    close_round(db, OFFICER, setup.round_id, allow_unfinished=True)
    assert list_rounds(db, OFFICE, setup.program_id)[0].closed


# --- results -------------------------------------------------------------------------------


@pytest.fixture
def big(db: Database) -> RoundSetup:
    """Six reviewers on A, B and C; scored as SHEET_A, SHEET_B and three on C, then closed."""
    setup = make_round(db, candidates=3, reviewers=6)
    a, b, c = setup.candidate_ids
    for number, reviewer in enumerate(setup.reviewers):
        submit_scores(db, setup, reviewer, a, SHEET_A[number])
        if number < 5:
            submit_scores(db, setup, reviewer, b, SHEET_B[number])
        else:
            recuse(db, reviewer, setup.round_id, b, ConflictKind.SAME_UNIT, "", today=REVIEW_DAY)
        if number < 3:
            submit_scores(db, setup, reviewer, c, SHEET_B[number])
        else:
            recuse(
                db, reviewer, setup.round_id, c, ConflictKind.OTHER, "同一项目组", today=REVIEW_DAY
            )
    close_round(db, OFFICE, setup.round_id)
    return setup


def test_five_or_more_scores_are_trimmed(db: Database, big: RoundSetup) -> None:
    a, b = big.candidate_ids[:2]
    rows = {row.candidate_id: row for row in round_results(db, VIEWER, big.round_id).rows}
    agg = rows[a].aggregate
    # 45 and 100 dropped: (87 + 76 + 82 + 71) / 4
    assert (agg.valid_count, agg.reviewers, agg.trimmed) == (6, 6, True)
    assert agg.score == Fraction(79)
    assert agg.mean == Fraction(461, 6)
    assert agg.median == Fraction(79)
    assert agg.spread == Fraction(55)
    assert agg.stdev == pytest.approx(16.905785, abs=1e-6)
    assert agg.disagreement
    assert agg.tie_break == Fraction(1255, 16)  # skill: 87.5, 75, 81.25, 70 after trimming
    agg = rows[b].aggregate
    # five valid: 60 and 95 dropped, (75 + 69 + 79) / 3
    assert (agg.valid_count, agg.trimmed) == (5, True)
    assert agg.score == Fraction(223, 3)
    assert agg.mean == Fraction(378, 5)
    assert agg.median == Fraction(75)
    assert agg.stdev == pytest.approx(11.620671, abs=1e-6)
    assert agg.tie_break == Fraction(445, 6)
    assert [(rows[x].rank, rows[x].tied) for x in (a, b)] == [(1, False), (2, False)]


def test_below_the_quorum_a_candidate_is_insufficient_and_eligible_again(
    db: Database, big: RoundSetup
) -> None:
    a, b, c = big.candidate_ids
    results = round_results(db, OFFICE, big.round_id)
    assert [row.candidate_id for row in results.rows] == [a, b, c]
    last = results.rows[-1]
    assert last.aggregate.insufficient
    assert (last.aggregate.valid_count, last.aggregate.score, last.rank) == (3, None, None)
    assert [state_of(db, x) for x in (a, b, c)] == [S.SCORED, S.SCORED, S.ELIGIBLE]


def test_the_detail_lists_every_reviewer(db: Database, big: RoundSetup) -> None:
    c = big.candidate_ids[2]
    plain = round_results(db, OFFICE, big.round_id)
    assert all(row.reviews == () for row in plain.rows)
    row = round_results(db, OFFICE, big.round_id, detail=True).rows[2]
    assert row.candidate_id == c
    assert [r.reviewer for r in row.reviews] == [f"评委{n}" for n in range(1, 7)]
    assert [r.status for r in row.reviews] == [ReviewStatus.SUBMITTED] * 3 + [
        ReviewStatus.RECUSED
    ] * 3
    assert [r.total for r in row.reviews[:3]] == [Fraction(75), Fraction(69), Fraction(95)]
    assert (row.reviews[3].conflict_kind, row.reviews[3].conflict_text) == (
        ConflictKind.OTHER,
        "同一项目组",
    )
    assert row.reviews[3].total is None


def test_fewer_than_five_scores_use_the_plain_mean(db: Database, setup: RoundSetup) -> None:
    first, second, third = setup.candidate_ids
    for reviewer, values in zip(setup.reviewers, [SHEET_A[0], SHEET_A[1], SHEET_A[5]], strict=True):
        submit_scores(db, setup, reviewer, first, values)  # 87, 76, 71
        submit_scores(db, setup, reviewer, second, SHEET_A[3])  # 45 each
        submit_scores(db, setup, reviewer, third, SHEET_A[3])
    close_round(db, OFFICE, setup.round_id)
    row = round_results(db, OFFICE, setup.round_id).rows[0]
    assert row.candidate_id == first
    assert (row.aggregate.score, row.aggregate.trimmed) == (Fraction(78), False)
    assert row.aggregate.median == Fraction(76)
    assert row.aggregate.stdev == pytest.approx(6.683313, abs=1e-6)
    assert not row.aggregate.disagreement


def test_ties_break_on_the_heaviest_criterion_then_stay_tied(
    db: Database, setup: RoundSetup
) -> None:
    x, y, z = setup.candidate_ids
    everyone_scores(
        db,
        setup,
        {
            x: scores("18", "30", "20", "12"),  # 80, skill 30
            y: scores("18", "30", "20", "12"),  # the same
            z: scores("10", "38", "20", "12"),  # 80, skill 38: wins the tie-break
        },
    )
    close_round(db, OFFICE, setup.round_id)
    places = [
        (r.candidate_id, r.rank, r.tied) for r in round_results(db, OFFICE, setup.round_id).rows
    ]
    assert places == [(z, 1, False), (x, 2, True), (y, 2, True)]


def test_a_withdrawn_candidate_is_not_ranked(db: Database, setup: RoundSetup) -> None:
    first, second, third = setup.candidate_ids
    everyone_scores(
        db,
        setup,
        {first: SHEET_A[2], second: SHEET_A[0], third: SHEET_A[1]},  # 100, 87, 76
    )
    withdraw(db, OFFICE, first, "本人申请撤回")
    close_round(db, OFFICE, setup.round_id)
    withdraw(db, OFFICE, third, "调离本单位")
    rows = round_results(db, OFFICE, setup.round_id, detail=True).rows
    assert [(r.candidate_id, r.rank) for r in rows] == [(second, 1)]


def test_program_results_use_each_candidates_latest_closed_round(
    db: Database, big: RoundSetup
) -> None:
    a, b, c = big.candidate_ids
    second = create_round(
        db,
        OFFICE,
        round_draft(
            big,
            (c,),
            reviewer_ids=tuple(r.user_id for r in big.reviewers[:3] if r.user_id is not None),
        ),
    )
    second_setup = replace(big, round_id=second, reviewers=big.reviewers[:3])
    for reviewer in second_setup.reviewers:
        submit_scores(db, second_setup, reviewer, c, SHEET_A[2])  # 100 each
    assert [r.round_id for r in program_results(db, OFFICE, big.program_id).rows] == [
        big.round_id
    ] * 3  # the new round is still open
    close_round(db, OFFICE, second)
    rows = program_results(db, VIEWER, big.program_id).rows
    assert [(r.candidate_id, r.round_id, r.rank) for r in rows] == [
        (c, second, 1),
        (a, big.round_id, 2),
        (b, big.round_id, 3),
    ]
    assert rows[0].aggregate.score == Fraction(100)
    assert rows[0].round_name == "第二轮评审"
    assert state_of(db, c) is S.SCORED


def test_results_are_for_viewers_and_the_chair_only(db: Database, big: RoundSetup) -> None:
    assert round_results(db, big.chair, big.round_id, detail=True).rows
    for actor in (big.reviewers[1], big.reviewers[5]):
        with pytest.raises(PermissionDenied):
            round_results(db, actor, big.round_id)
        with pytest.raises(PermissionDenied):
            program_results(db, actor, big.program_id)
    with pytest.raises(PermissionDenied):
        program_results(db, big.chair, big.program_id)


# --- shortlist -----------------------------------------------------------------------------


def test_shortlisting_moves_scored_candidates(db: Database, big: RoundSetup) -> None:
    a, b, _ = big.candidate_ids
    shortlist(db, OFFICER, [a, b], "评审排名前二")
    assert [state_of(db, x) for x in (a, b)] == [S.SHORTLISTED, S.SHORTLISTED]
    with db.read() as session:
        last = session.scalars(
            select(CandidateTransition).order_by(CandidateTransition.id.desc())
        ).first()
    assert last is not None
    assert (last.to_state, last.actor, last.reason) == ("shortlisted", "luyuan", "评审排名前二")


def test_a_shortlist_is_all_or_nothing(db: Database, big: RoundSetup) -> None:
    a, b, c = big.candidate_ids  # c went back to 合格 (insufficient)
    with pytest.raises(ValidationFailed) as caught:
        shortlist(db, OFFICE, [a, b, c], "评审排名")
    assert "Eligible" in str(caught.value)
    assert [state_of(db, x) for x in (a, b, c)] == [S.SCORED, S.SCORED, S.ELIGIBLE]
    with pytest.raises(PermissionDenied):
        shortlist(db, VIEWER, [a], "理由")
    with pytest.raises(PermissionDenied):
        shortlist(db, big.chair, [a], "理由")
    assert state_of(db, a) is S.SCORED


def test_a_round_keeps_its_own_quorum(db: Database, setup: RoundSetup, spare: int) -> None:
    extra = make_reviewers(db, 1, prefix="bu")
    ids = tuple(r.user_id for r in [*setup.reviewers, *extra] if r.user_id is not None)
    round_id = create_round(
        db, OFFICE, round_draft(setup, (spare,), reviewer_ids=ids, quorum=Fraction(1, 4))
    )
    other = replace(setup, round_id=round_id)
    submit_scores(db, other, setup.reviewers[0], spare, SHEET_A[0])
    close_round(db, OFFICE, round_id, allow_unfinished=True)
    (row,) = round_results(db, OFFICE, round_id).rows
    assert (row.aggregate.valid_count, row.aggregate.reviewers) == (1, 4)
    assert row.aggregate.score == Fraction(87)  # 1 of 4 meets a quorum of one quarter
    with db.read() as session:
        stored = session.get(ReviewRound, round_id)
        assert stored is not None
        assert stored.quorum == "1/4"
