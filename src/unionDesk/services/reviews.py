"""The reviewer's side of a round: assigned candidates, scoring, submitting, recusing.

Every function checks that the acting user is a reviewer of the round and returns only that
reviewer's own review: no other reviewer's scores and no aggregate, whatever the round's state
(after closing, ``results.py`` shows them to those entitled).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.candidate import AttachmentKind
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.review import (
    ConflictKind,
    ReviewStatus,
    comment_problems,
    conflict_problems,
    draft_problems,
)
from unionDesk.domain.scoring import Rubric, score_problems
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.attachments import verified_path
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import PermissionDenied, require
from unionDesk.services.round_lookup import (
    REVIEW_RECORD,
    closed_problem,
    decode_scores,
    is_chair,
    round_candidate_ids,
    round_reviewer_ids,
    round_row,
    rubric_of,
)
from unionDesk.services.transitions import program_row
from unionDesk.store.db import Database
from unionDesk.store.models import Member
from unionDesk.store.selection_models import (
    Candidate,
    CandidateAttachment,
    Review,
    ReviewRound,
    RoundReviewer,
)

Scores = Mapping[str, Decimal | None]


@dataclass(frozen=True)
class MyRound:
    """A round the reviewer is assigned to, with their own progress."""

    id: int
    program_id: int
    program_name: str
    name: str
    opens_on: date
    closes_on: date
    closed: bool
    candidates: int
    finished: int
    chaired: bool  # the reviewer also chairs this round


@dataclass(frozen=True)
class Assignment:
    """A candidate the reviewer is to score, with the reviewer's own status."""

    candidate_id: int
    name: str
    category: str
    nominating_unit: str
    status: ReviewStatus | None  # None: not started


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment the reviewer may open."""

    id: int
    kind: AttachmentKind
    file_name: str


@dataclass(frozen=True)
class MyReview:
    """The reviewer's own review of one candidate."""

    status: ReviewStatus | None
    values: dict[str, Decimal]
    comment: str
    conflict_kind: ConflictKind | None
    conflict_text: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class AssignmentDetail:
    """What the reviewer reads and fills in for one candidate."""

    round_id: int
    candidate_id: int
    name: str
    category: str
    nominating_unit: str
    summary: str
    deeds: str
    attachments: tuple[AttachmentInfo, ...]
    rubric: Rubric
    review: MyReview
    editable: bool  # the round is open and the review is not locked


def my_rounds(db: Database, actor: Actor) -> list[MyRound]:
    """The rounds the acting reviewer is assigned to, newest first."""
    require(actor, Permission.REVIEW)
    with db.read() as session:
        rounds = session.scalars(
            select(ReviewRound)
            .join(RoundReviewer, RoundReviewer.round_id == ReviewRound.id)
            .where(RoundReviewer.user_id == actor.user_id)
            .order_by(ReviewRound.id.desc())
        ).all()
        result = []
        for row in rounds:
            program = program_row(session, row.program_id)
            mine = _my_reviews(session, actor, row.id)
            result.append(
                MyRound(
                    id=row.id,
                    program_id=program.id,
                    program_name=program.name,
                    name=row.name,
                    opens_on=row.opens_on,
                    closes_on=row.closes_on,
                    closed=row.closed_at is not None,
                    candidates=len(round_candidate_ids(session, row.id)),
                    finished=sum(ReviewStatus(r.status).locked for r in mine.values()),
                    chaired=is_chair(actor, row),
                )
            )
        return result


def my_assignments(db: Database, actor: Actor, round_id: int) -> list[Assignment]:
    """The candidates of a round for the acting reviewer, with their own status only."""
    with db.read() as session:
        row = _my_round(session, actor, round_id)
        mine = _my_reviews(session, actor, row.id)
        candidates = session.execute(
            select(Candidate, Member.name)
            .join(Member, Member.id == Candidate.member_id)
            .where(Candidate.id.in_(round_candidate_ids(session, row.id)))
            .order_by(Member.name_sort, Candidate.id)
        ).all()
        return [
            Assignment(
                candidate_id=c.id,
                name=name,
                category=c.category,
                nominating_unit=c.nominating_unit,
                status=ReviewStatus(mine[c.id].status) if c.id in mine else None,
            )
            for c, name in candidates
            if CandidateState(c.state) is not CandidateState.WITHDRAWN or c.id in mine
        ]


def assignment_detail(
    db: Database, actor: Actor, round_id: int, candidate_id: int, *, today: date | None = None
) -> AssignmentDetail:
    """The nomination and the reviewer's own review of one assigned candidate."""
    with db.read() as session:
        row = _my_round(session, actor, round_id)
        candidate = _assigned(session, row, candidate_id)
        program = program_row(session, row.program_id)
        member = session.get(Member, candidate.member_id)
        review = _my_reviews(session, actor, row.id).get(candidate_id)
        attachments = session.scalars(
            select(CandidateAttachment)
            .where(
                CandidateAttachment.candidate_id == candidate_id,
                CandidateAttachment.removed_at.is_(None),
            )
            .order_by(CandidateAttachment.id)
        ).all()
        return AssignmentDetail(
            round_id=row.id,
            candidate_id=candidate.id,
            name=member.name if member else "",
            category=candidate.category,
            nominating_unit=candidate.nominating_unit,
            summary=candidate.summary,
            deeds=candidate.deeds,
            attachments=tuple(
                AttachmentInfo(a.id, AttachmentKind(a.kind), a.file_name) for a in attachments
            ),
            rubric=rubric_of(program),
            review=_my_review(review),
            editable=_open_problem(row, candidate, today) is None
            and (review is None or not ReviewStatus(review.status).locked),
        )


def open_assigned_attachment(db: Database, actor: Actor, round_id: int, attachment_id: int) -> Path:
    """An attachment of an assigned candidate, checked against its SHA-256."""
    with db.read() as session:
        row = _my_round(session, actor, round_id)
        attachment = session.get(CandidateAttachment, attachment_id)
        if attachment is None:
            raise _not_assigned(actor)
        _assigned(session, row, attachment.candidate_id)
    return verified_path(db, attachment_id)


def save_review(
    db: Database,
    actor: Actor,
    round_id: int,
    candidate_id: int,
    values: Scores,
    comment: str,
    *,
    today: date | None = None,
) -> None:
    """Keep unfinished scores (暂存); they stay the reviewer's own and can change."""
    _write(db, actor, round_id, candidate_id, today, ReviewStatus.DRAFT, values, comment)


def submit_review(
    db: Database,
    actor: Actor,
    round_id: int,
    candidate_id: int,
    values: Scores,
    comment: str,
    *,
    today: date | None = None,
) -> None:
    """Submit a complete review; it is locked from then on (only the chair can reopen it)."""
    _write(db, actor, round_id, candidate_id, today, ReviewStatus.SUBMITTED, values, comment)


def recuse(
    db: Database,
    actor: Actor,
    round_id: int,
    candidate_id: int,
    kind: ConflictKind | None,
    text: str,
    *,
    today: date | None = None,
) -> None:
    """Declare a conflict of interest and step back from this candidate (locked, audited)."""
    problems = conflict_problems(kind, text)
    if problems:
        raise ValidationFailed(problems)
    assert kind is not None
    with db.write() as session:
        review = _writable(session, actor, round_id, candidate_id, today)
        review.status = ReviewStatus.RECUSED.value
        review.scores, review.comment = "{}", ""
        review.conflict_kind, review.conflict_text = kind.value, text.strip()
        review.submitted_at = review.updated_at = datetime.now()
        record(
            session,
            actor,
            Action.RECUSE,
            REVIEW_RECORD,
            review.id,
            f"{kind.value}: {text.strip()}".strip(": "),
            {"candidate": (None, candidate_id)},
        )


def _write(
    db: Database,
    actor: Actor,
    round_id: int,
    candidate_id: int,
    today: date | None,
    status: ReviewStatus,
    values: Scores,
    comment: str,
) -> None:
    with db.write() as session:
        review = _writable(session, actor, round_id, candidate_id, today)
        program = program_row(session, round_row(session, round_id).program_id)
        rubric = rubric_of(program)
        if status is ReviewStatus.SUBMITTED:
            problems = score_problems(rubric, values) + comment_problems(comment)
        else:
            problems = draft_problems(rubric, values, comment)
        if problems:
            raise ValidationFailed(problems)
        review.scores = json.dumps(
            {key: str(value) for key, value in values.items() if value is not None}
        )
        review.comment, review.status = comment.strip(), status.value
        review.conflict_kind = review.conflict_text = ""
        review.updated_at = datetime.now()
        if status is ReviewStatus.SUBMITTED:
            review.submitted_at = review.updated_at
            # The audit names the review, not its scores: the log is readable by
            # administrators while the round is still blind.
            record(
                session,
                actor,
                Action.SUBMIT,
                REVIEW_RECORD,
                review.id,
                "",
                {"candidate": (None, candidate_id)},
            )


def _writable(
    session: Session, actor: Actor, round_id: int, candidate_id: int, today: date | None
) -> Review:
    row = _my_round(session, actor, round_id)
    candidate = _assigned(session, row, candidate_id)
    problem_found = _open_problem(row, candidate, today)
    if problem_found is not None:
        raise ValidationFailed([problem_found])
    review = _my_reviews(session, actor, row.id).get(candidate_id)
    if review is None:
        assert actor.user_id is not None
        review = Review(
            round_id=row.id,
            candidate_id=candidate_id,
            reviewer_id=actor.user_id,
            status=ReviewStatus.DRAFT.value,
            scores="{}",
            comment="",
            conflict_kind="",
            conflict_text="",
            updated_at=datetime.now(),
        )
        session.add(review)
        session.flush()
    elif ReviewStatus(review.status).locked:
        raise ValidationFailed(
            [
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "You have already submitted this review; it cannot be changed. Ask "
                        "the chair of the round to reopen it if it must be corrected.",
                    ),
                )
            ]
        )
    return review


def _open_problem(row: ReviewRound, candidate: Candidate, today: date | None) -> Problem | None:
    closed = closed_problem(row)
    if closed is not None:
        return closed
    day = today or date.today()
    if day < row.opens_on or day > row.closes_on:
        return problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "The round accepts reviews from {opens} to {closes}; today is outside that "
                "period. Ask the officer to change the round's dates if needed.",
            ),
            opens=row.opens_on.isoformat(),
            closes=row.closes_on.isoformat(),
        )
    if CandidateState(candidate.state) is CandidateState.WITHDRAWN:
        return problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation", "This candidate was withdrawn; there is nothing to score."
            ),
        )
    return None


def _my_round(session: Session, actor: Actor, round_id: int) -> ReviewRound:
    require(actor, Permission.REVIEW)
    row = round_row(session, round_id)
    if actor.user_id not in round_reviewer_ids(session, row.id):
        raise _not_assigned(actor)
    return row


def _assigned(session: Session, row: ReviewRound, candidate_id: int) -> Candidate:
    if candidate_id not in round_candidate_ids(session, row.id):
        raise PermissionDenied(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation", "This candidate is not assigned to you in this round."
                ),
            )
        )
    candidate = session.get(Candidate, candidate_id)
    assert candidate is not None
    return candidate


def _my_reviews(session: Session, actor: Actor, round_id: int) -> dict[int, Review]:
    reviews = session.scalars(
        select(Review).where(Review.round_id == round_id, Review.reviewer_id == actor.user_id)
    )
    return {r.candidate_id: r for r in reviews}


def _my_review(review: Review | None) -> MyReview:
    if review is None:
        return MyReview(None, {}, "", None, "", None)
    return MyReview(
        status=ReviewStatus(review.status),
        values=decode_scores(review.scores),
        comment=review.comment,
        conflict_kind=ConflictKind(review.conflict_kind) if review.conflict_kind else None,
        conflict_text=review.conflict_text,
        submitted_at=review.submitted_at,
    )


def _not_assigned(actor: Actor) -> PermissionDenied:
    return PermissionDenied(
        problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                "Your account ({user}) is not a reviewer of this round.",
            ),
            user=actor.username,
        )
    )
