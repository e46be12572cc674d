"""Results of closed rounds: the ranking, per-reviewer detail, and the shortlist (拟推荐).

Scores leave the database only here, and only for closed rounds. Every figure comes from
``scoring.aggregate`` and ``scoring.rank``: the screen, the command line, the returns and the
export all call ``program_results`` or ``round_results``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.review import ConflictKind, ReviewStatus
from unionDesk.domain.scoring import Aggregate, Rubric, rank, weighted_total
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.permissions import PermissionDenied, require
from unionDesk.services.round_lookup import (
    decode_scores,
    is_chair,
    round_aggregates,
    round_candidate_ids,
    round_reviewer_ids,
    round_row,
    rubric_of,
)
from unionDesk.services.transitions import get_candidate_row, move, program_row
from unionDesk.store.db import Database
from unionDesk.store.models import Member, User
from unionDesk.store.selection_models import AwardProgram, Candidate, Review, ReviewRound


@dataclass(frozen=True)
class ReviewerScore:
    """One reviewer's review of a candidate, shown only with ``detail``."""

    reviewer: str
    status: ReviewStatus | None
    values: dict[str, object]
    total: Fraction | None
    comment: str
    conflict_kind: ConflictKind | None
    conflict_text: str


@dataclass(frozen=True)
class ResultRow:
    """One candidate's line of the ranking."""

    candidate_id: int
    name: str
    category: str
    nominating_unit: str
    state: CandidateState
    round_id: int
    round_name: str
    aggregate: Aggregate
    rank: int | None
    tied: bool
    reviews: tuple[ReviewerScore, ...]  # empty unless detail was asked for


@dataclass(frozen=True)
class Results:
    """A ranking with the rubric it was scored on."""

    program_id: int
    program_name: str
    rubric: Rubric
    rows: tuple[ResultRow, ...]
    generated_at: datetime


def round_results(db: Database, actor: Actor, round_id: int, *, detail: bool = False) -> Results:
    """The ranking of one closed round.

    Allowed to users who manage or view selections, and to the round's chair; refused for every
    user while the round is open, so no one sees an aggregate before the round closes.
    """
    with db.read() as session:
        row = round_row(session, round_id)
        if not (actor.may(Permission.VIEW_SELECTION) or is_chair(actor, row)):
            require(actor, Permission.VIEW_SELECTION)
        _refuse_open(row)
        program = program_row(session, row.program_id)
        entries = [(row, cid) for cid in round_candidate_ids(session, row.id)]
        return _results(session, program, entries, detail)


def program_results(
    db: Database, actor: Actor, program_id: int, *, detail: bool = False
) -> Results:
    """The ranking of a program over its closed rounds (each candidate's latest closed round)."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        program = program_row(session, program_id)
        closed = session.scalars(
            select(ReviewRound)
            .where(ReviewRound.program_id == program.id, ReviewRound.closed_at.is_not(None))
            .order_by(ReviewRound.closed_at, ReviewRound.id)
        ).all()
        latest: dict[int, ReviewRound] = {}
        for row in closed:
            for candidate_id in round_candidate_ids(session, row.id):
                latest[candidate_id] = row
        entries = [(row, cid) for cid, row in sorted(latest.items())]
        return _results(session, program, entries, detail)


def shortlist(db: Database, actor: Actor, candidate_ids: Sequence[int], reason: str = "") -> None:
    """已评分 → 拟推荐 for each candidate (one transaction: all or none)."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        for candidate_id in candidate_ids:
            move(
                session,
                actor,
                get_candidate_row(session, candidate_id),
                CandidateState.SHORTLISTED,
                reason,
            )


def _results(
    session: Session,
    program: AwardProgram,
    entries: Sequence[tuple[ReviewRound, int]],
    detail: bool,
) -> Results:
    rubric = rubric_of(program)
    rounds = {row.id: row for row, _ in entries}
    per_round = {rid: round_aggregates(session, row, program) for rid, row in rounds.items()}
    aggregates = {cid: (row, per_round[row.id][cid]) for row, cid in entries}
    details = (
        {rid: _round_detail(session, rubric, row) for rid, row in rounds.items()} if detail else {}
    )
    facts = {
        c.id: (c, name)
        for c, name in session.execute(
            select(Candidate, Member.name)
            .join(Member, Member.id == Candidate.member_id)
            .where(Candidate.id.in_(list(aggregates)))
        ).all()
    }
    # Withdrawn candidates keep their scores on record but take no place in the ranking.
    ranked = rank(
        [
            (cid, agg)
            for cid, (_, agg) in aggregates.items()
            if CandidateState(facts[cid][0].state) is not CandidateState.WITHDRAWN
        ]
    )
    rows = []
    for place in ranked:
        candidate, name = facts[place.candidate_id]
        row = aggregates[place.candidate_id][0]
        rows.append(
            ResultRow(
                candidate_id=candidate.id,
                name=name,
                category=candidate.category,
                nominating_unit=candidate.nominating_unit,
                state=CandidateState(candidate.state),
                round_id=row.id,
                round_name=row.name,
                aggregate=place.aggregate,
                rank=place.rank,
                tied=place.tied,
                reviews=details[row.id][candidate.id] if detail else (),
            )
        )
    return Results(program.id, program.name, rubric, tuple(rows), datetime.now())


def _round_detail(
    session: Session, rubric: Rubric, row: ReviewRound
) -> dict[int, tuple[ReviewerScore, ...]]:
    """Every reviewer's review of every candidate of a round (two queries for the round)."""
    reviews = {
        (r.candidate_id, r.reviewer_id): r
        for r in session.scalars(select(Review).where(Review.round_id == row.id))
    }
    users = sorted(
        (u.id, u.display_name or u.username)
        for u in session.scalars(
            select(User).where(User.id.in_(round_reviewer_ids(session, row.id)))
        )
    )
    return {
        candidate_id: tuple(
            _reviewer_score(rubric, name, reviews.get((candidate_id, user_id)))
            for user_id, name in users
        )
        for candidate_id in round_candidate_ids(session, row.id)
    }


def _reviewer_score(rubric: Rubric, reviewer: str, review: Review | None) -> ReviewerScore:
    status = ReviewStatus(review.status) if review else None
    values = decode_scores(review.scores) if review else {}
    return ReviewerScore(
        reviewer=reviewer,
        status=status,
        values=dict(values),
        total=weighted_total(rubric, values) if status is ReviewStatus.SUBMITTED else None,
        comment=review.comment if review else "",
        conflict_kind=(
            ConflictKind(review.conflict_kind) if review and review.conflict_kind else None
        ),
        conflict_text=review.conflict_text if review else "",
    )


def _refuse_open(row: ReviewRound) -> None:
    if row.closed_at is None:
        raise PermissionDenied(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Scores of the round {round} stay sealed until the round is closed.",
                ),
                round=row.name,
            )
        )
