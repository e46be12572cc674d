"""Review rounds (评审轮次): set-up by the officer, progress and closing, reopening by the chair.

Nothing here returns a score: until a round is closed only ``results.py`` could, and it refuses
open rounds. Progress shows who has submitted, never what.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission, Role
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.review import ReviewStatus
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.services.round_lookup import (
    REVIEW_RECORD,
    ReviewProgress,
    is_chair,
    not_chair,
    progress,
    refuse_if_closed,
    require_officer_or_chair,
    round_aggregates,
    round_candidate_ids,
    round_reviewer_ids,
    round_row,
)
from unionDesk.services.transitions import (
    candidate_name,
    get_candidate_row,
    move,
    program_row,
)
from unionDesk.store.db import Database
from unionDesk.store.models import User
from unionDesk.store.selection_models import (
    AwardProgram,
    Candidate,
    Review,
    ReviewRevision,
    ReviewRound,
    RoundCandidate,
    RoundReviewer,
)

RECORD_TYPE = "review_round"
NAME_LIMIT = 100


@dataclass(frozen=True)
class RoundDraft:
    """What the officer sets up for a round."""

    program_id: int
    name: str
    opens_on: date
    closes_on: date
    chair_user_id: int | None
    reviewer_ids: tuple[int, ...]
    candidate_ids: tuple[int, ...]
    quorum: Fraction | None = None  # None: the program's quorum


@dataclass(frozen=True)
class RoundRow:
    """One round in a program's list."""

    id: int
    program_id: int
    name: str
    opens_on: date
    closes_on: date
    closed: bool
    chair: str
    chair_user_id: int | None
    reviewers: int
    candidates: int
    finished: int  # submitted or recused reviews
    expected: int  # reviewers x candidates


def create_round(db: Database, actor: Actor, draft: RoundDraft) -> int:
    """Set up a round; its candidates move from 合格 to 评审中 (audited)."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        program = program_row(session, draft.program_id)
        _check_round(session, draft)
        # A candidate chosen twice is assigned once.
        candidates = [get_candidate_row(session, cid) for cid in dict.fromkeys(draft.candidate_ids)]
        _check_candidates(session, program, candidates)
        row = ReviewRound(
            program_id=program.id,
            name=draft.name.strip(),
            opens_on=draft.opens_on,
            closes_on=draft.closes_on,
            chair_user_id=draft.chair_user_id,
            quorum="" if draft.quorum is None else str(draft.quorum),
            closed_by="",
            created_at=datetime.now(),
        )
        session.add(row)
        session.flush()
        session.add_all(RoundReviewer(round_id=row.id, user_id=uid) for uid in draft.reviewer_ids)
        session.add_all(RoundCandidate(round_id=row.id, candidate_id=c.id) for c in candidates)
        for candidate in candidates:
            move(session, actor, candidate, CandidateState.UNDER_REVIEW)
        record(
            session,
            actor,
            Action.CREATE,
            RECORD_TYPE,
            row.id,
            f"{program.name}: {row.name}",
            {
                "reviewers": (None, sorted(draft.reviewer_ids)),
                "candidates": (None, sorted(c.id for c in candidates)),
                "dates": (None, f"{draft.opens_on} – {draft.closes_on}"),
            },
        )
        return row.id


@dataclass(frozen=True)
class CommitteeAccount:
    """An account that can sit on a committee: a reviewer, or an administrator as chair."""

    id: int
    username: str
    display_name: str
    role: Role


def committee_accounts(db: Database, actor: Actor) -> list[CommitteeAccount]:
    """Active reviewer and administrator accounts, for setting up a round.

    Officers set rounds up but may not manage users, so they get this list, not the users page.
    """
    require(actor, Permission.EDIT_SELECTION)
    with db.read() as session:
        users = session.scalars(
            select(User)
            .where(User.disabled.is_(False), User.role.in_([Role.REVIEWER.value, Role.ADMIN.value]))
            .order_by(User.username)
        ).all()
        return [CommitteeAccount(u.id, u.username, u.display_name, Role(u.role)) for u in users]


def list_rounds(db: Database, actor: Actor, program_id: int) -> list[RoundRow]:
    """The rounds of a program, newest first."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        rounds = session.scalars(
            select(ReviewRound)
            .where(ReviewRound.program_id == program_id)
            .order_by(ReviewRound.id.desc())
        ).all()
        return [_round_row(session, r) for r in rounds]


def round_progress(db: Database, actor: Actor, round_id: int) -> list[ReviewProgress]:
    """Who has submitted what in a round: statuses only, for the officer and the chair."""
    with db.read() as session:
        row = round_row(session, round_id)
        require_officer_or_chair(actor, row)
        return progress(session, row)


def close_round(
    db: Database, actor: Actor, round_id: int, *, allow_unfinished: bool = False
) -> None:
    """Close a round: scores become visible and candidates move to 已评分.

    A candidate below the quorum goes back to 合格 so it can be assigned to a new round.

    Raises:
        ValidationFailed: reviews are unfinished and ``allow_unfinished`` was not given, or the
            round is closed already.
    """
    with db.write() as session:
        row = round_row(session, round_id)
        require_officer_or_chair(actor, row)
        refuse_if_closed(row)
        # A withdrawn candidate can no longer be scored, so its missing reviews are not awaited.
        withdrawn = set(
            session.scalars(
                select(Candidate.id).where(
                    Candidate.id.in_(round_candidate_ids(session, row.id)),
                    Candidate.state == CandidateState.WITHDRAWN.value,
                )
            )
        )
        unfinished = [
            p
            for p in progress(session, row)
            if p.status in (None, ReviewStatus.DRAFT) and p.candidate_id not in withdrawn
        ]
        if unfinished and not allow_unfinished:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "{count} reviews are not submitted yet (for example {reviewer} on "
                "{candidate}). Wait for them, or confirm closing without them: "
                "unsubmitted scores do not count.",
            )
            example = {"reviewer": unfinished[0].reviewer, "candidate": unfinished[0].candidate}
            raise ValidationFailed([problem("", text, count=len(unfinished), **example)])
        program = program_row(session, row.program_id)
        for candidate_id, result in round_aggregates(session, row, program).items():
            candidate = get_candidate_row(session, candidate_id)
            if CandidateState(candidate.state) is not CandidateState.UNDER_REVIEW:
                continue  # withdrawn meanwhile
            target = CandidateState.ELIGIBLE if result.insufficient else CandidateState.SCORED
            move(session, actor, candidate, target)
        row.closed_at, row.closed_by = datetime.now(), actor.username
        record(
            session,
            actor,
            Action.CLOSE,
            RECORD_TYPE,
            row.id,
            row.name,
            {"unfinished": (None, len(unfinished))} if unfinished else None,
        )


def reopen_review(db: Database, actor: Actor, review_id: int, reason: str) -> None:
    """The chair reopens one submitted review; its earlier values are kept (audited)."""
    with db.write() as session:
        review = session.get(Review, review_id)
        if review is None:
            text = QT_TRANSLATE_NOOP("Validation", "This review does not exist.")
            raise NotFound(problem("", text))
        row = round_row(session, review.round_id)
        if not (actor.role is Role.ADMIN or is_chair(actor, row)):
            raise not_chair(actor)
        refuse_if_closed(row)
        if ReviewStatus(review.status) is ReviewStatus.DRAFT:
            text = QT_TRANSLATE_NOOP(
                "Validation", "This review is not submitted, so there is nothing to reopen."
            )
            raise ValidationFailed([problem("", text)])
        if not reason.strip():
            text = QT_TRANSLATE_NOOP("Validation", "Write why the review is reopened.")
            raise ValidationFailed([problem("reason", text)])
        now = datetime.now()
        session.add(
            ReviewRevision(
                review_id=review.id,
                status=review.status,
                scores=review.scores,
                comment=review.comment,
                conflict_kind=review.conflict_kind,
                conflict_text=review.conflict_text,
                submitted_at=review.submitted_at,
                reopened_at=now,
                reopened_by=actor.username,
                reason=reason.strip(),
            )
        )
        before = review.status
        review.status, review.submitted_at, review.updated_at = ReviewStatus.DRAFT.value, None, now
        record(
            session,
            actor,
            Action.REOPEN,
            REVIEW_RECORD,
            review.id,
            reason.strip(),
            {"status": (before, ReviewStatus.DRAFT.value)},
        )


def _round_row(session: Session, row: ReviewRound) -> RoundRow:
    pairs = progress(session, row)
    chair = session.get(User, row.chair_user_id) if row.chair_user_id else None
    return RoundRow(
        id=row.id,
        program_id=row.program_id,
        name=row.name,
        opens_on=row.opens_on,
        closes_on=row.closes_on,
        closed=row.closed_at is not None,
        chair=(chair.display_name or chair.username) if chair else "",
        chair_user_id=row.chair_user_id,
        reviewers=len(round_reviewer_ids(session, row.id)),
        candidates=len(round_candidate_ids(session, row.id)),
        finished=sum(p.status in (ReviewStatus.SUBMITTED, ReviewStatus.RECUSED) for p in pairs),
        expected=len(pairs),
    )


def _check_round(session: Session, draft: RoundDraft) -> None:
    problems: list[Problem] = []
    if not draft.name.strip() or len(draft.name.strip()) > NAME_LIMIT:
        problems.append(
            problem(
                "name",
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter a name for the round (at most {limit} characters)."
                ),
                limit=NAME_LIMIT,
            )
        )
    if draft.closes_on < draft.opens_on:
        problems.append(
            problem(
                "closes_on",
                QT_TRANSLATE_NOOP("Validation", "The round cannot close before it opens."),
            )
        )
    if draft.quorum is not None and not 0 < draft.quorum <= 1:
        problems.append(
            problem(
                "quorum",
                QT_TRANSLATE_NOOP("Validation", "The quorum must be more than 0 and at most 1."),
            )
        )
    problems += _reviewer_problems(session, draft)
    if problems:
        raise ValidationFailed(problems)


def _reviewer_problems(session: Session, draft: RoundDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.reviewer_ids or len(set(draft.reviewer_ids)) != len(draft.reviewer_ids):
        problems.append(
            problem(
                "reviewer_ids",
                QT_TRANSLATE_NOOP("Validation", "Choose the reviewers of the round, each once."),
            )
        )
    for user_id in draft.reviewer_ids:
        user = session.get(User, user_id)
        if user is None or user.disabled or user.role != Role.REVIEWER.value:
            problems.append(
                problem(
                    "reviewer_ids",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "{user} is not an active account with the reviewer role. Give the "
                        "account the reviewer role under Users first.",
                    ),
                    user=user.username if user else str(user_id),
                )
            )
    if draft.chair_user_id is not None:
        chair = session.get(User, draft.chair_user_id)
        if chair is None or chair.disabled or chair.role not in (Role.REVIEWER, Role.ADMIN):
            problems.append(
                problem(
                    "chair_user_id",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The chair must be an active reviewer or administrator account.",
                    ),
                )
            )
    return problems


def _check_candidates(
    session: Session, program: AwardProgram, candidates: Sequence[Candidate]
) -> None:
    problems: list[Problem] = []
    if not candidates:
        problems.append(
            problem(
                "candidate_ids",
                QT_TRANSLATE_NOOP("Validation", "Choose the candidates the round reviews."),
            )
        )
    for candidate in candidates:
        name = candidate_name(session, candidate)
        if candidate.program_id != program.id:
            problems.append(
                problem(
                    "candidate_ids",
                    QT_TRANSLATE_NOOP("Validation", "{name} is a candidate of another program."),
                    name=name,
                )
            )
        elif CandidateState(candidate.state) is not CandidateState.ELIGIBLE:
            problems.append(
                problem(
                    "candidate_ids",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "{name} has not passed the eligibility check; only eligible "
                        "candidates can be reviewed.",
                    ),
                    name=name,
                )
            )
    if problems:
        raise ValidationFailed(problems)
