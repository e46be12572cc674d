"""Reading a review round: who sits on it, whether it is open, its scores and their aggregate.

Shared by ``rounds.py`` (set-up and closing), ``reviews.py`` (the reviewer's side) and
``results.py`` (the only place scores leave the database). ``progress`` reports statuses only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.review import ReviewStatus
from unionDesk.domain.scoring import Aggregate, Rubric, aggregate
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.models import Member, User
from unionDesk.store.selection_models import (
    AwardProgram,
    Candidate,
    Review,
    ReviewRound,
    RoundCandidate,
    RoundReviewer,
)

REVIEW_RECORD = "review"


@dataclass(frozen=True)
class ReviewProgress:
    """One (reviewer, candidate) pair of a round: its status, never its scores."""

    review_id: int | None
    reviewer_id: int
    reviewer: str
    candidate_id: int
    candidate: str
    status: ReviewStatus | None  # None: not started


def round_row(session: Session, round_id: int) -> ReviewRound:
    """The round, or ``NotFound``."""
    row = session.get(ReviewRound, round_id)
    if row is None:
        raise NotFound(
            problem(
                "",
                QT_TRANSLATE_NOOP("Validation", "This review round no longer exists."),
            )
        )
    return row


def rubric_of(program: AwardProgram) -> Rubric:
    """The program's scoring rubric."""
    return Rubric.from_json(json.loads(program.rubric))


def quorum_of(row: ReviewRound, program: AwardProgram) -> Fraction:
    """The round's quorum, or the program's when the round has none of its own."""
    return Fraction(row.quorum or program.quorum)


def is_chair(actor: Actor, row: ReviewRound) -> bool:
    """Whether ``actor`` chairs the round."""
    return actor.user_id is not None and actor.user_id == row.chair_user_id


def require_officer_or_chair(actor: Actor, row: ReviewRound) -> None:
    """Allow the round's chair and users who manage selections."""
    if not (actor.may(Permission.EDIT_SELECTION) or is_chair(actor, row)):
        raise not_chair(actor)


def refuse_if_closed(row: ReviewRound) -> None:
    """Refuse changes to a closed round."""
    found = closed_problem(row)
    if found is not None:
        raise ValidationFailed([found])


def closed_problem(row: ReviewRound) -> Problem | None:
    """Why the round's reviews can no longer change, or None while it is open."""
    if row.closed_at is None:
        return None
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation", "The round {round} is closed; its reviews can no longer change."
        ),
        round=row.name,
    )


def round_candidate_ids(session: Session, round_id: int) -> list[int]:
    """Ids of the candidates assigned to a round."""
    return list(
        session.scalars(
            select(RoundCandidate.candidate_id)
            .where(RoundCandidate.round_id == round_id)
            .order_by(RoundCandidate.candidate_id)
        )
    )


def round_reviewer_ids(session: Session, round_id: int) -> list[int]:
    """Ids of the reviewers assigned to a round."""
    return list(
        session.scalars(
            select(RoundReviewer.user_id)
            .where(RoundReviewer.round_id == round_id)
            .order_by(RoundReviewer.user_id)
        )
    )


def submitted_scores(session: Session, round_id: int) -> dict[int, list[dict[str, Decimal]]]:
    """Criterion values of the submitted (not recused) reviews of a round, by candidate."""
    rows = session.execute(
        select(Review.candidate_id, Review.scores).where(
            Review.round_id == round_id, Review.status == ReviewStatus.SUBMITTED.value
        )
    )
    found: dict[int, list[dict[str, Decimal]]] = {}
    for candidate_id, text in rows:
        found.setdefault(candidate_id, []).append(decode_scores(text))
    return found


def decode_scores(text: str) -> dict[str, Decimal]:
    """Scores stored as JSON decimal strings."""
    return {key: Decimal(value) for key, value in json.loads(text or "{}").items()}


def round_aggregates(
    session: Session, row: ReviewRound, program: AwardProgram
) -> dict[int, Aggregate]:
    """The committee's aggregate (``scoring.aggregate``) of every candidate of a round.

    Reads the round's reviews in one query: per-candidate queries cost 0.4 s for 300
    candidates (benchmarks/bench_selection.py).
    """
    rubric, scores = rubric_of(program), submitted_scores(session, row.id)
    reviewers, quorum = len(round_reviewer_ids(session, row.id)), quorum_of(row, program)
    spread = Decimal(program.disagreement_sd)
    return {
        candidate_id: aggregate(
            rubric,
            scores.get(candidate_id, []),
            reviewers=reviewers,
            quorum=quorum,
            disagreement_sd=spread,
        )
        for candidate_id in round_candidate_ids(session, row.id)
    }


def progress(session: Session, row: ReviewRound) -> list[ReviewProgress]:
    """Statuses of every (reviewer, candidate) pair of a round."""
    reviewers = {
        u.id: u.display_name or u.username
        for u in session.scalars(
            select(User).where(User.id.in_(round_reviewer_ids(session, row.id)))
        )
    }
    candidates = dict(
        session.execute(
            select(Candidate.id, Member.name)
            .join(Member, Member.id == Candidate.member_id)
            .where(Candidate.id.in_(round_candidate_ids(session, row.id)))
        ).all()
    )
    reviews = {
        (r.reviewer_id, r.candidate_id): r
        for r in session.scalars(select(Review).where(Review.round_id == row.id))
    }
    result = []
    for reviewer_id, reviewer in sorted(reviewers.items()):
        for candidate_id, candidate in sorted(candidates.items()):
            review = reviews.get((reviewer_id, candidate_id))
            result.append(
                ReviewProgress(
                    review_id=review.id if review else None,
                    reviewer_id=reviewer_id,
                    reviewer=reviewer,
                    candidate_id=candidate_id,
                    candidate=candidate,
                    status=ReviewStatus(review.status) if review else None,
                )
            )
    return result


def not_chair(actor: Actor) -> PermissionDenied:
    """Refusal for someone who is not the round's chair."""
    return PermissionDenied(
        problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "Only the chair of this round may do this; your account ({user}) is not the chair.",
            ),
            user=actor.username,
        )
    )
