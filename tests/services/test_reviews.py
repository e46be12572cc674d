"""The reviewer's side of a round against a real database, and the blind-review guarantee.

Until a round is closed no service may give a reviewer another reviewer's scores or any
aggregate (DESIGN.md 4). ``test_no_service_shows_a_reviewer_what_others_scored`` calls every
public service function with a reviewer's actor and searches everything it returns.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

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
    make_reviewers,
    make_round,
    scores,
    submit_scores,
)
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import AttachmentKind
from unionDesk.domain.review import ConflictKind, ReviewStatus
from unionDesk.domain.workdays import DayKind, SpecialDay
from unionDesk.domain.workflow import CandidateState
from unionDesk.services import (
    candidates,
    eligibility_check,
    holidays,
    objections,
    programs,
    publicity,
    results,
    reviews,
    round_lookup,
    rounds,
)
from unionDesk.services.attachments import AttachmentDamaged, add_attachment, attachment_folder
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.candidates import withdraw
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.objections import ObjectionResult
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.reviews import (
    assignment_detail,
    my_assignments,
    my_rounds,
    open_assigned_attachment,
    recuse,
    save_review,
    submit_review,
)
from unionDesk.services.rounds import RoundDraft, close_round, create_round, reopen_review
from unionDesk.store.db import Database
from unionDesk.store.selection_models import Review, ReviewRevision

OFFICER = Actor(41, "luyuan", Role.OFFICER)
PDF = b"%PDF-1.7\n" + "荣誉证书".encode() * 50 + b"\n%%EOF\n"
MINE = scores("15", "30", "20", "10")


def review_row(db: Database, setup: RoundSetup, reviewer: Actor, candidate_id: int) -> Review:
    with db.read() as session:
        return session.scalars(
            select(Review).where(
                Review.round_id == setup.round_id,
                Review.candidate_id == candidate_id,
                Review.reviewer_id == reviewer.user_id,
            )
        ).one()


def _pdf(db: Database) -> Path:
    """A certificate to attach, written outside the data folder."""
    path = db.path.parent.parent / "certificate.pdf"
    path.write_bytes(PDF)
    return path


@pytest.fixture
def setup(db: Database) -> RoundSetup:
    return make_round(db, candidates=3, reviewers=3)


@pytest.fixture
def reviewer(setup: RoundSetup) -> Actor:
    """A reviewer of the round who does not chair it."""
    return setup.reviewers[1]


# --- what a reviewer sees ------------------------------------------------------------------


def test_a_reviewer_sees_only_the_rounds_assigned(db: Database, setup: RoundSetup) -> None:
    outsider = make_reviewers(db, 1, prefix="wai")[0]
    (mine,) = my_rounds(db, setup.reviewers[2])
    assert (mine.id, mine.name, mine.program_name) == (
        setup.round_id,
        "第一轮评审",
        "2026年北京大工匠选树",
    )
    assert (mine.candidates, mine.finished, mine.closed) == (3, 0, False)
    assert my_rounds(db, outsider) == []


def test_assignments_show_the_reviewers_own_status(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    first, second, _ = setup.candidate_ids
    submit_scores(db, setup, reviewer, first, MINE)
    save_review(db, reviewer, setup.round_id, second, {"skill": Decimal(30)}, "", today=REVIEW_DAY)
    submit_scores(db, setup, setup.chair, setup.candidate_ids[2], MINE)
    statuses = {a.candidate_id: a.status for a in my_assignments(db, reviewer, setup.round_id)}
    assert statuses == {
        first: ReviewStatus.SUBMITTED,
        second: ReviewStatus.DRAFT,
        setup.candidate_ids[2]: None,  # the chair's submission is not the reviewer's
    }
    assert my_rounds(db, reviewer)[0].finished == 1


def test_an_unassigned_reviewer_is_refused_everywhere(db: Database, setup: RoundSetup) -> None:
    outsider = make_reviewers(db, 1, prefix="wai")[0]
    candidate = setup.candidate_ids[0]
    attachment = add_attachment(db, OFFICE, candidate, AttachmentKind.OTHER, _pdf(db))
    round_id = setup.round_id

    def calls(actor: Actor) -> list[Callable[[], object]]:
        return [
            lambda: my_assignments(db, actor, round_id),
            lambda: assignment_detail(db, actor, round_id, candidate, today=REVIEW_DAY),
            lambda: save_review(db, actor, round_id, candidate, MINE, "", today=REVIEW_DAY),
            lambda: submit_review(db, actor, round_id, candidate, MINE, "", today=REVIEW_DAY),
            lambda: recuse(
                db, actor, round_id, candidate, ConflictKind.SAME_UNIT, "", today=REVIEW_DAY
            ),
            lambda: open_assigned_attachment(db, actor, round_id, attachment),
        ]

    for actor in (outsider, OFFICE, OFFICER):
        for call in calls(actor):
            with pytest.raises(PermissionDenied):
                call()
    with db.read() as session:
        assert session.scalars(select(Review)).all() == []


def test_a_candidate_of_another_round_is_refused(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    outside = make_candidates(db, setup.program_id, make_members(db, 1, first_sequence=501))[0]
    with pytest.raises(PermissionDenied):
        assignment_detail(db, reviewer, setup.round_id, outside, today=REVIEW_DAY)
    with pytest.raises(PermissionDenied):
        submit_review(db, reviewer, setup.round_id, outside, MINE, "", today=REVIEW_DAY)
    attachment = add_attachment(db, OFFICE, outside, AttachmentKind.OTHER, _pdf(db))
    with pytest.raises(PermissionDenied):
        open_assigned_attachment(db, reviewer, setup.round_id, attachment)


def test_the_detail_shows_the_nomination_rubric_and_own_review(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    candidate = setup.candidate_ids[0]
    attachment = add_attachment(db, OFFICE, candidate, AttachmentKind.CERTIFICATE, _pdf(db))
    detail = assignment_detail(db, reviewer, setup.round_id, candidate, today=REVIEW_DAY)
    assert detail.name == "王建国"
    assert detail.summary.startswith("长期扎根生产一线")
    assert [c.key for c in detail.rubric.criteria] == ["conduct", "skill", "innovation", "example"]
    assert [(a.id, a.file_name) for a in detail.attachments] == [(attachment, "certificate.pdf")]
    assert detail.review.status is None
    assert detail.editable
    path = open_assigned_attachment(db, reviewer, setup.round_id, attachment)
    assert path.read_bytes() == PDF


def test_a_damaged_attachment_is_reported_to_the_reviewer(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    attachment = add_attachment(
        db, OFFICE, setup.candidate_ids[0], AttachmentKind.CERTIFICATE, _pdf(db)
    )
    (stored,) = [p for p in attachment_folder(db).rglob("*.pdf")]
    stored.write_bytes(PDF.replace(b"%%EOF", b"%%EOX"))
    with pytest.raises(AttachmentDamaged):
        open_assigned_attachment(db, reviewer, setup.round_id, attachment)


# --- scoring -------------------------------------------------------------------------------


def test_a_complete_review_is_submitted_and_locked(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    candidate = setup.candidate_ids[0]
    submit_review(
        db,
        reviewer,
        setup.round_id,
        candidate,
        scores("0", "40", "12.5", "15"),
        " 扎实 ",
        today=REVIEW_DAY,
    )
    detail = assignment_detail(db, reviewer, setup.round_id, candidate, today=REVIEW_DAY)
    assert detail.review.status is ReviewStatus.SUBMITTED
    assert detail.review.values == scores("0", "40", "12.5", "15")
    assert detail.review.comment == "扎实"
    assert detail.review.submitted_at is not None
    assert not detail.editable
    for call in (save_review, submit_review):
        with pytest.raises(ValidationFailed) as caught:
            call(db, reviewer, setup.round_id, candidate, MINE, "改分", today=REVIEW_DAY)
        assert "already submitted" in str(caught.value)
    with pytest.raises(ValidationFailed):
        recuse(db, reviewer, setup.round_id, candidate, ConflictKind.RELATIVE, "", today=REVIEW_DAY)
    assert assignment_detail(db, reviewer, setup.round_id, candidate).review.values == scores(
        "0", "40", "12.5", "15"
    )


def test_submitting_is_audited_without_the_scores(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    submit_scores(
        db, setup, reviewer, setup.candidate_ids[0], scores("17.3", "36.7", "23.9", "13.1")
    )
    (entry,) = query_audit(db, OFFICE, AuditFilter(record_type="review"))
    assert (entry.action, entry.actor) == (Action.SUBMIT, reviewer.username)
    assert entry.changes == {"candidate": [None, setup.candidate_ids[0]]}
    text = entry.summary + json.dumps(entry.changes)
    assert not any(value in text for value in ("17.3", "36.7", "23.9", "13.1"))


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ({"conduct": Decimal(20), "skill": Decimal(40), "innovation": Decimal(25)}, ["example"]),
        (scores("20.1", "40", "25", "15"), ["conduct"]),
        (scores("20", "-1", "25", "15"), ["skill"]),
        (scores("20", "40", "24.55", "15"), ["innovation"]),
        (scores("20", "40", "25", "NaN"), ["example"]),
        ({**scores("1", "2", "3", "4"), "charisma": Decimal(1)}, ["charisma"]),
        ({"conduct": None, "skill": Decimal(41)}, ["conduct", "example", "innovation", "skill"]),
    ],
)
def test_every_criterion_is_checked_on_submit(
    db: Database,
    setup: RoundSetup,
    reviewer: Actor,
    values: dict[str, Decimal | None],
    fields: list[str],
) -> None:
    candidate = setup.candidate_ids[0]
    with pytest.raises(ValidationFailed) as caught:
        submit_review(db, reviewer, setup.round_id, candidate, values, "", today=REVIEW_DAY)
    assert sorted(caught.value.by_field()) == fields
    detail = assignment_detail(db, reviewer, setup.round_id, candidate, today=REVIEW_DAY)
    assert detail.review.values == {}
    assert detail.review.status in (None, ReviewStatus.DRAFT)


def test_the_bounds_and_one_decimal_are_accepted(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    submit_scores(db, setup, reviewer, setup.candidate_ids[0], scores("0", "0", "0", "0"))
    submit_scores(db, setup, reviewer, setup.candidate_ids[1], scores("20", "40", "25", "15"))
    submit_scores(db, setup, reviewer, setup.candidate_ids[2], scores("0.1", "39.9", "24.50", "7"))
    statuses = {a.status for a in my_assignments(db, reviewer, setup.round_id)}
    assert statuses == {ReviewStatus.SUBMITTED}


def test_a_partial_draft_is_kept_and_can_be_completed(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    candidate, round_id = setup.candidate_ids[0], setup.round_id
    save_review(
        db,
        reviewer,
        round_id,
        candidate,
        {"conduct": Decimal("18.5"), "skill": None},
        "初步意见",
        today=REVIEW_DAY,
    )
    detail = assignment_detail(db, reviewer, round_id, candidate, today=REVIEW_DAY)
    assert detail.review.status is ReviewStatus.DRAFT
    assert detail.review.values == {"conduct": Decimal("18.5")}
    assert detail.review.comment == "初步意见"
    assert detail.editable

    with pytest.raises(ValidationFailed) as caught:
        save_review(db, reviewer, round_id, candidate, {"skill": Decimal(45)}, "", today=REVIEW_DAY)
    assert list(caught.value.by_field()) == ["skill"]
    assert assignment_detail(db, reviewer, round_id, candidate).review.values == {
        "conduct": Decimal("18.5")
    }

    save_review(db, reviewer, round_id, candidate, {"conduct": Decimal(19)}, "", today=REVIEW_DAY)
    submit_review(db, reviewer, round_id, candidate, MINE, "同意推荐", today=REVIEW_DAY)
    review = assignment_detail(db, reviewer, round_id, candidate).review
    assert (review.status, review.values, review.comment) == (
        ReviewStatus.SUBMITTED,
        MINE,
        "同意推荐",
    )
    assert query_audit(db, OFFICE, AuditFilter(record_type="review"))[0].action is Action.SUBMIT


@pytest.mark.parametrize("day", [ROUND_OPENS, REVIEW_DAY, ROUND_CLOSES])
def test_reviews_are_accepted_within_the_round_dates(
    db: Database, setup: RoundSetup, reviewer: Actor, day: date
) -> None:
    submit_review(db, reviewer, setup.round_id, setup.candidate_ids[0], MINE, "", today=day)
    assert review_row(db, setup, reviewer, setup.candidate_ids[0]).status == "submitted"


@pytest.mark.parametrize("day", [ROUND_OPENS - timedelta(days=1), ROUND_CLOSES + timedelta(days=1)])
def test_reviews_are_refused_outside_the_round_dates(
    db: Database, setup: RoundSetup, reviewer: Actor, day: date
) -> None:
    candidate, round_id = setup.candidate_ids[0], setup.round_id
    for call in (save_review, submit_review):
        with pytest.raises(ValidationFailed) as caught:
            call(db, reviewer, round_id, candidate, MINE, "", today=day)
        assert "2026-07-01" in str(caught.value)
        assert "2026-07-31" in str(caught.value)
    with pytest.raises(ValidationFailed):
        recuse(db, reviewer, round_id, candidate, ConflictKind.SAME_UNIT, "", today=day)
    assert not assignment_detail(db, reviewer, round_id, candidate, today=day).editable
    with db.read() as session:
        assert session.scalars(select(Review)).all() == []


def test_a_withdrawn_candidate_cannot_be_scored(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    withdrawn = setup.candidate_ids[0]
    withdraw(db, OFFICE, withdrawn, "本人申请撤回")
    with pytest.raises(ValidationFailed) as caught:
        submit_scores(db, setup, reviewer, withdrawn, MINE)
    assert "withdrawn" in str(caught.value)
    listed = [a.candidate_id for a in my_assignments(db, reviewer, setup.round_id)]
    assert listed == setup.candidate_ids[1:]


# --- recusal -------------------------------------------------------------------------------


def test_a_recusal_needs_a_reason(db: Database, setup: RoundSetup, reviewer: Actor) -> None:
    candidate = setup.candidate_ids[0]
    with pytest.raises(ValidationFailed) as caught:
        recuse(db, reviewer, setup.round_id, candidate, None, "", today=REVIEW_DAY)
    assert list(caught.value.by_field()) == ["conflict_kind"]
    with pytest.raises(ValidationFailed) as caught:
        recuse(db, reviewer, setup.round_id, candidate, ConflictKind.OTHER, " ", today=REVIEW_DAY)
    assert list(caught.value.by_field()) == ["conflict_text"]
    assert assignment_detail(db, reviewer, setup.round_id, candidate).review.status is None


def test_a_recusal_replaces_a_draft_and_is_locked_and_audited(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    candidate, round_id = setup.candidate_ids[0], setup.round_id
    save_review(
        db, reviewer, round_id, candidate, {"conduct": Decimal(18)}, "草稿", today=REVIEW_DAY
    )
    recuse(db, reviewer, round_id, candidate, ConflictKind.OTHER, " 曾为其师傅 ", today=REVIEW_DAY)
    review = assignment_detail(db, reviewer, round_id, candidate, today=REVIEW_DAY).review
    assert review.status is ReviewStatus.RECUSED
    assert (review.conflict_kind, review.conflict_text) == (ConflictKind.OTHER, "曾为其师傅")
    assert (review.values, review.comment) == ({}, "")
    with pytest.raises(ValidationFailed):
        submit_scores(db, setup, reviewer, candidate, MINE)
    (entry,) = query_audit(db, OFFICE, AuditFilter(record_type="review"))
    assert (entry.action, entry.actor) == (Action.RECUSE, reviewer.username)
    assert "曾为其师傅" in entry.summary


# --- reopening -----------------------------------------------------------------------------


def test_the_chair_reopens_one_review_keeping_the_earlier_values(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    candidate, round_id = setup.candidate_ids[0], setup.round_id
    submit_review(db, reviewer, round_id, candidate, MINE, "第一次", today=REVIEW_DAY)
    submit_scores(db, setup, reviewer, setup.candidate_ids[1], MINE)
    first = review_row(db, setup, reviewer, candidate)
    reopen_review(db, setup.chair, first.id, "技能水平分数录入有误")

    with db.read() as session:
        (revision,) = session.scalars(select(ReviewRevision)).all()
    assert revision.review_id == first.id
    assert (revision.status, revision.comment) == ("submitted", "第一次")
    assert json.loads(revision.scores) == {k: str(v) for k, v in MINE.items()}
    assert revision.submitted_at == first.submitted_at
    assert (revision.reopened_by, revision.reason) == (setup.chair.username, "技能水平分数录入有误")
    (entry,) = [e for e in query_audit(db, OFFICE, AuditFilter()) if e.action is Action.REOPEN]
    assert (entry.actor, entry.record_type, entry.record_id) == (
        setup.chair.username,
        "review",
        str(first.id),
    )
    assert entry.summary == "技能水平分数录入有误"
    assert entry.changes == {"status": ["submitted", "draft"]}

    detail = assignment_detail(db, reviewer, round_id, candidate, today=REVIEW_DAY)
    assert (detail.review.status, detail.review.values) == (ReviewStatus.DRAFT, MINE)
    assert detail.editable
    other = assignment_detail(db, reviewer, round_id, setup.candidate_ids[1], today=REVIEW_DAY)
    assert other.review.status is ReviewStatus.SUBMITTED  # only the one review was reopened

    corrected = scores("15", "35", "20", "10")
    submit_review(db, reviewer, round_id, candidate, corrected, "第二次", today=REVIEW_DAY)
    assert review_row(db, setup, reviewer, candidate).status == "submitted"
    assert assignment_detail(db, reviewer, round_id, candidate).review.values == corrected
    with db.read() as session:
        kept = session.scalars(select(ReviewRevision)).one()
    assert json.loads(kept.scores)["skill"] == "30"


def test_a_recusal_can_be_reopened(db: Database, setup: RoundSetup, reviewer: Actor) -> None:
    candidate = setup.candidate_ids[0]
    recuse(db, reviewer, setup.round_id, candidate, ConflictKind.SAME_UNIT, "", today=REVIEW_DAY)
    reopen_review(db, OFFICE, review_row(db, setup, reviewer, candidate).id, "误点回避")
    with db.read() as session:
        revision = session.scalars(select(ReviewRevision)).one()
    assert (revision.status, revision.conflict_kind) == ("recused", "same_unit")
    submit_scores(db, setup, reviewer, candidate, MINE)
    assert review_row(db, setup, reviewer, candidate).conflict_kind == ""


def test_only_the_chair_or_an_administrator_may_reopen(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    submit_scores(db, setup, reviewer, setup.candidate_ids[0], MINE)
    review_id = review_row(db, setup, reviewer, setup.candidate_ids[0]).id
    for actor in (reviewer, setup.reviewers[2], OFFICER):
        with pytest.raises(PermissionDenied):
            reopen_review(db, actor, review_id, "想改分")
    assert review_row(db, setup, reviewer, setup.candidate_ids[0]).status == "submitted"
    with db.read() as session:
        assert session.scalars(select(ReviewRevision)).all() == []
    reopen_review(db, OFFICE, review_id, "管理员按评委会决定重新打开")
    assert review_row(db, setup, reviewer, setup.candidate_ids[0]).status == "draft"


def test_reopening_needs_a_reason_and_a_locked_review(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    first, second = setup.candidate_ids[:2]
    submit_scores(db, setup, reviewer, first, MINE)
    with pytest.raises(ValidationFailed) as caught:
        reopen_review(db, setup.chair, review_row(db, setup, reviewer, first).id, " ")
    assert list(caught.value.by_field()) == ["reason"]
    save_review(db, reviewer, setup.round_id, second, {}, "", today=REVIEW_DAY)
    with pytest.raises(ValidationFailed):
        reopen_review(db, setup.chair, review_row(db, setup, reviewer, second).id, "理由")
    with pytest.raises(NotFound):
        reopen_review(db, setup.chair, 9999, "理由")


def test_nothing_is_reopened_or_changed_after_the_round_closed(
    db: Database, setup: RoundSetup, reviewer: Actor
) -> None:
    for actor in setup.reviewers:
        for candidate in setup.candidate_ids:
            submit_scores(db, setup, actor, candidate, MINE)
    close_round(db, OFFICE, setup.round_id)
    review_id = review_row(db, setup, reviewer, setup.candidate_ids[0]).id
    with pytest.raises(ValidationFailed) as caught:
        reopen_review(db, setup.chair, review_id, "理由")
    assert "closed" in str(caught.value)
    with pytest.raises(ValidationFailed):
        save_review(
            db, reviewer, setup.round_id, setup.candidate_ids[0], MINE, "", today=REVIEW_DAY
        )
    detail = assignment_detail(
        db, reviewer, setup.round_id, setup.candidate_ids[0], today=REVIEW_DAY
    )
    assert detail.review.values == MINE
    assert not detail.editable
    assert my_rounds(db, reviewer)[0].closed


# --- the blind review ----------------------------------------------------------------------

SERVICE_MODULES = (
    reviews,
    rounds,
    round_lookup,
    results,
    candidates,
    eligibility_check,
    programs,
    publicity,
    objections,
    holidays,
)
# Each reviewer's distinctive scores; no other reviewer and no aggregate may ever show them.
DISTINCT = {
    0: scores("11.1", "21.3", "12.7", "7.5"),  # the chair
    1: scores("13.3", "26.1", "14.9", "8.7"),
    2: scores("17.3", "36.7", "23.9", "13.1"),
}
SECRETS = {0: "主评委的保密意见", 1: "评委二的保密意见", 2: "评委三的保密意见"}
RECUSAL_TEXT = "评委三与候选人系表兄弟（保密）"
RUBRIC_NUMBERS = {Fraction(n) for n in (20, 40, 25, 15)}


def numbers_and_texts(value: object, seen: set[int] | None = None) -> Iterator[object]:
    """Every number (but int and bool) and every string inside ``value``, recursively."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str | Decimal | Fraction | float):
        yield value
    elif isinstance(value, Path):
        yield str(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from numbers_and_texts(getattr(value, item.name), seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from numbers_and_texts(key, seen)
            yield from numbers_and_texts(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from numbers_and_texts(item, seen)
    elif isinstance(value, Exception):
        yield str(value)


def leaks(value: object, viewer: int) -> list[object]:
    """What in ``value`` the reviewer number ``viewer`` must not see while the round is blind."""
    allowed = RUBRIC_NUMBERS | {Fraction(v) for v in DISTINCT[viewer].values()}
    others = [n for n in DISTINCT if n != viewer]
    texts = [SECRETS[n] for n in others] + [RECUSAL_TEXT] * (viewer != 2)
    texts += [str(v) for n in others for v in DISTINCT[n].values()]
    found: list[object] = []
    for item in numbers_and_texts(value):
        if isinstance(item, str):
            found += [text for text in texts if text in item]
        elif Fraction(item) not in allowed:
            found.append(item)
    return found


def blind_round(db: Database) -> tuple[RoundSetup, int]:
    """An open round in which every reviewer scored the first candidate, with a secret comment.

    Returns the set-up and the id of an attachment of the first candidate.
    """
    setup = make_round(db, candidates=3, reviewers=3)
    first = setup.candidate_ids[0]
    attachment = add_attachment(db, OFFICE, first, AttachmentKind.CERTIFICATE, _pdf(db))
    for number, actor in enumerate(setup.reviewers):
        values = DISTINCT[number]
        submit_review(db, actor, setup.round_id, first, values, SECRETS[number], today=REVIEW_DAY)
    return setup, attachment


def others_score_more(db: Database, setup: RoundSetup, viewer: int) -> None:
    """Everyone but ``viewer`` scores the second candidate; the third reviewer recuses from the
    third, with a confidential description."""
    second, third = setup.candidate_ids[1:]
    for number, actor in enumerate(setup.reviewers):
        if number == viewer:
            continue
        values = DISTINCT[number]
        submit_review(db, actor, setup.round_id, second, values, SECRETS[number], today=REVIEW_DAY)
        if number == 2:
            recuse(
                db, actor, setup.round_id, third, ConflictKind.OTHER, RECUSAL_TEXT, today=REVIEW_DAY
            )


def service_functions() -> set[str]:
    """Public functions of the service modules that act for a user: ``(db, actor, ...)``."""
    found = set()
    for module in SERVICE_MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            if list(inspect.signature(function).parameters)[:2] == ["db", "actor"]:
                found.add(f"{_short(module)}.{name}")
    return found


def _short(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def reviewer_calls(
    db: Database, setup: RoundSetup, actor: Actor, attachment: int, review_id: int
) -> dict[str, Callable[[], object]]:
    """Every service function, called as ``actor`` with arguments that make sense."""
    program, round_id = setup.program_id, setup.round_id
    first, second, third = setup.candidate_ids
    day = date(2026, 10, 1)
    draft = candidates.get_candidate(db, OFFICE, first).draft
    program_draft = programs.get_program(db, OFFICE, program).draft
    return {
        "reviews.my_rounds": lambda: reviews.my_rounds(db, actor),
        "reviews.my_assignments": lambda: reviews.my_assignments(db, actor, round_id),
        "reviews.assignment_detail": lambda: [
            reviews.assignment_detail(db, actor, round_id, c, today=REVIEW_DAY)
            for c in setup.candidate_ids
        ],
        "reviews.open_assigned_attachment": lambda: reviews.open_assigned_attachment(
            db, actor, round_id, attachment
        ),
        "reviews.save_review": lambda: reviews.save_review(
            db, actor, round_id, third, {"conduct": Decimal(10)}, "", today=REVIEW_DAY
        ),
        "reviews.recuse": lambda: reviews.recuse(
            db, actor, round_id, third, ConflictKind.SAME_UNIT, "", today=REVIEW_DAY
        ),
        "reviews.submit_review": lambda: reviews.submit_review(
            db, actor, round_id, second, MINE, "", today=REVIEW_DAY
        ),
        "rounds.create_round": lambda: rounds.create_round(
            db,
            actor,
            RoundDraft(program, "第二轮", ROUND_OPENS, ROUND_CLOSES, None, (1,), (first,)),
        ),
        "rounds.committee_accounts": lambda: rounds.committee_accounts(db, actor),
        "rounds.list_rounds": lambda: rounds.list_rounds(db, actor, program),
        "rounds.round_progress": lambda: rounds.round_progress(db, actor, round_id),
        "rounds.reopen_review": lambda: rounds.reopen_review(db, actor, review_id, "复核"),
        "results.round_results": lambda: results.round_results(db, actor, round_id, detail=True),
        "results.program_results": lambda: results.program_results(db, actor, program, detail=True),
        "results.shortlist": lambda: results.shortlist(db, actor, [first], "理由"),
        "candidates.list_candidates": lambda: candidates.list_candidates(db, actor, program),
        "candidates.get_candidate": lambda: candidates.get_candidate(db, actor, first),
        "candidates.nominate": lambda: candidates.nominate(db, actor, program, draft),
        "candidates.update_candidate": lambda: candidates.update_candidate(db, actor, first, draft),
        "candidates.submit": lambda: candidates.submit(db, actor, first),
        "candidates.return_to_draft": lambda: candidates.return_to_draft(db, actor, first, "r"),
        "candidates.withdraw": lambda: candidates.withdraw(db, actor, first, "理由"),
        "candidates.transition": lambda: candidates.transition(
            db, actor, first, CandidateState.WITHDRAWN, "理由"
        ),
        "eligibility_check.check": lambda: eligibility_check.check(db, actor, first),
        "eligibility_check.override_eligibility": lambda: eligibility_check.override_eligibility(
            db, actor, first, "理由"
        ),
        "programs.create_program": lambda: programs.create_program(db, actor, program_draft),
        "programs.update_program": lambda: programs.update_program(
            db, actor, program, program_draft
        ),
        "programs.list_programs": lambda: programs.list_programs(db, actor),
        "programs.get_program": lambda: programs.get_program(db, actor, program),
        "holidays.calendar_days": lambda: holidays.calendar_days(db, actor, 2026),
        "holidays.set_calendar_day": lambda: holidays.set_calendar_day(
            db, actor, SpecialDay(day, DayKind.HOLIDAY, "国庆节")
        ),
        "holidays.remove_calendar_day": lambda: holidays.remove_calendar_day(db, actor, day),
        "publicity.quota_check": lambda: publicity.quota_check(db, actor, program, [first]),
        "publicity.plan_publicity": lambda: publicity.plan_publicity(db, actor, program, day),
        "publicity.start_publicity": lambda: publicity.start_publicity(
            db, actor, program, [first], day, today=day
        ),
        "objections.add_objection": lambda: objections.add_objection(
            db, actor, first, day, "异议内容", today=day
        ),
        "objections.resolve_objection": lambda: objections.resolve_objection(
            db, actor, 1, "已核实", ObjectionResult.DISMISSED, day, today=day
        ),
        "objections.list_objections": lambda: objections.list_objections(db, actor, first),
        "publicity.publicity_status": lambda: publicity.publicity_status(db, actor, first),
        "publicity.approve": lambda: publicity.approve(db, actor, first, today=day),
        "publicity.reject": lambda: publicity.reject(db, actor, first, "理由"),
        # last: the chair may close the round, after which the blind period is over
        "rounds.close_round": lambda: rounds.close_round(
            db, actor, round_id, allow_unfinished=True
        ),
    }


# What a reviewer may do at all; everything else must be refused for lack of permission.
REVIEWER_MAY = {
    "reviews.my_rounds",
    "reviews.my_assignments",
    "reviews.assignment_detail",
    "reviews.open_assigned_attachment",
    "reviews.save_review",
    "reviews.recuse",
    "reviews.submit_review",
}
CHAIR_MAY = REVIEWER_MAY | {"rounds.round_progress", "rounds.reopen_review", "rounds.close_round"}


@pytest.mark.parametrize("viewer", [1, 0], ids=["reviewer", "chair"])
def test_no_service_shows_a_reviewer_what_others_scored(db: Database, viewer: int) -> None:
    setup, attachment = blind_round(db)
    others_score_more(db, setup, viewer)
    actor = setup.reviewers[viewer]
    someone_else = setup.reviewers[2 if viewer != 2 else 1]
    review_id = review_row(db, setup, someone_else, setup.candidate_ids[0]).id
    calls = reviewer_calls(db, setup, actor, attachment, review_id)
    assert set(calls) == service_functions(), "classify the new service function here"

    succeeded, refused = set(), set()
    for name, call in calls.items():
        try:
            returned = call()
        except PermissionDenied as error:
            refused.add(name)
            assert leaks(error, viewer) == [], name
            continue
        except (ServiceError, ValidationFailed) as error:
            pytest.fail(f"{name} was refused for another reason than permission: {error}")
        succeeded.add(name)
        assert leaks(returned, viewer) == [], name
    assert succeeded == (CHAIR_MAY if viewer == 0 else REVIEWER_MAY)
    assert refused == set(calls) - succeeded


def test_the_leak_search_finds_scores_where_they_are_shown(db: Database) -> None:
    setup, _ = blind_round(db)
    close_round(db, OFFICE, setup.round_id, allow_unfinished=True)
    shown = results.round_results(db, OFFICE, setup.round_id, detail=True)
    found = leaks(shown, 1)
    assert Fraction(Decimal("36.7")) in [Fraction(v) for v in found if not isinstance(v, str)]
    assert SECRETS[2] in found
    assert leaks(results.round_results(db, OFFICE, setup.round_id), 1) != []  # aggregates


def test_after_closing_a_reviewer_still_sees_only_their_own_review(db: Database) -> None:
    setup, attachment = blind_round(db)
    others_score_more(db, setup, 1)
    close_round(db, OFFICE, setup.round_id, allow_unfinished=True)
    actor = setup.reviewers[1]
    shown = [
        my_rounds(db, actor),
        my_assignments(db, actor, setup.round_id),
        [assignment_detail(db, actor, setup.round_id, c) for c in setup.candidate_ids],
        open_assigned_attachment(db, actor, setup.round_id, attachment),
    ]
    assert leaks(shown, 1) == []
    with pytest.raises(PermissionDenied):
        results.round_results(db, actor, setup.round_id)


@pytest.mark.parametrize(
    "who", ["administrator", "officer", "viewer", "chair"], ids=lambda who: who
)
def test_results_of_an_open_round_are_sealed_for_everyone(db: Database, who: str) -> None:
    setup, _ = blind_round(db)
    others_score_more(db, setup, 1)
    actor = {
        "administrator": OFFICE,
        "officer": OFFICER,
        "viewer": Actor(44, "chakan", Role.VIEWER),
        "chair": setup.chair,
    }[who]
    for detail in (False, True):
        with pytest.raises(PermissionDenied) as caught:
            results.round_results(db, actor, setup.round_id, detail=detail)
        assert "sealed" in str(caught.value)
    if who != "chair":
        shown = results.program_results(db, actor, setup.program_id, detail=True)
        assert shown.rows == ()
        assert leaks(shown, 1) == []


def test_program_results_leave_out_a_round_still_open(db: Database) -> None:
    setup, _ = blind_round(db)
    for actor in setup.reviewers:
        for candidate in setup.candidate_ids[1:]:
            submit_scores(db, setup, actor, candidate, DISTINCT[0])
    close_round(db, OFFICE, setup.round_id)
    (fresh,) = make_candidates(db, setup.program_id, make_members(db, 1, first_sequence=551))
    reviewer_ids = tuple(r.user_id for r in setup.reviewers if r.user_id is not None)
    later = create_round(
        db,
        OFFICE,
        RoundDraft(
            setup.program_id, "补充评审", ROUND_OPENS, ROUND_CLOSES, None, reviewer_ids, (fresh,)
        ),
    )
    submit_review(db, setup.reviewers[2], later, fresh, DISTINCT[2], "", today=REVIEW_DAY)
    shown = results.program_results(db, OFFICE, setup.program_id, detail=True)
    assert fresh not in [row.candidate_id for row in shown.rows]
    assert {row.round_id for row in shown.rows} == {setup.round_id}


def test_the_audit_log_carries_no_scores_while_the_round_is_open(db: Database) -> None:
    setup, _ = blind_round(db)
    others_score_more(db, setup, 1)
    save_review(
        db,
        setup.reviewers[1],
        setup.round_id,
        setup.candidate_ids[2],
        {"conduct": Decimal("13.3")},
        SECRETS[1],
        today=REVIEW_DAY,
    )
    entries = query_audit(db, OFFICE, AuditFilter())
    text = json.dumps([(e.summary, e.changes) for e in entries], ensure_ascii=False)
    values = {str(v) for n in DISTINCT for v in DISTINCT[n].values()}
    assert [v for v in values if v in text] == []
    assert [s for s in SECRETS.values() if s in text] == []
