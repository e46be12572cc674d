"""The demo's selection data: every selection screen has something to show on the demo day."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.eligibility import RuleKey
from unionDesk.domain.honours import HonourLevel
from unionDesk.domain.review import ReviewStatus
from unionDesk.domain.uscc import compose_uscc
from unionDesk.domain.workflow import CandidateState
from unionDesk.paths import resolve_paths
from unionDesk.services import demo, demo_selection
from unionDesk.services.audit import verify_chain
from unionDesk.services.candidates import get_candidate, list_candidates
from unionDesk.services.database import create_database
from unionDesk.services.demo import fill_demo
from unionDesk.services.demo_selection import TODAY, fill_selection_demo
from unionDesk.services.honours import model_worker_of
from unionDesk.services.objections import ObjectionResult
from unionDesk.services.programs import list_programs
from unionDesk.services.publicity import publicity_status
from unionDesk.services.results import program_results
from unionDesk.services.reviews import my_rounds
from unionDesk.services.rounds import list_rounds, round_progress
from unionDesk.services.users import log_in
from unionDesk.store.selection_models import Honour, ReviewRevision

MEMBERS = 300  # enough for the cast; the default 2,000 only adds register rows


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """One demo database for the whole module (the reviewers' passwords are slow to hash)."""
    paths = resolve_paths(tmp_path_factory.mktemp("demo") / "data")
    db = create_database(paths, "示范工会委员会", compose_uscc("91110105MA01DEMA1"))
    result = fill_demo(db, MEMBERS, selections=True)
    yield db, result.selection
    db.close()


@pytest.fixture(scope="module")
def demo_db(filled):
    return filled[0]


@pytest.fixture(scope="module")
def programs(demo_db):
    """北京大工匠 and 最美劳动者, by honour title."""
    return {row.honour_title: row.id for row in list_programs(demo_db, CLI_ACTOR)}


def candidates(db, program_id, state=None):
    rows = list_candidates(db, CLI_ACTOR, program_id)
    return [row for row in rows if state is None or row.state is state]


def test_the_demo_day_is_the_member_demo_day():
    assert demo_selection.TODAY == demo.TODAY


def test_both_preset_programs_are_added(filled, programs):
    assert set(programs) == {"北京大工匠", "最美劳动者"}
    assert sorted(filled[1].program_ids) == sorted(programs.values())


def test_every_candidate_state_is_shown(demo_db, programs):
    shown = {row.state for pid in programs.values() for row in candidates(demo_db, pid)}

    assert shown == set(CandidateState)


def test_an_ineligible_candidate_is_admitted_with_a_written_reason(demo_db, programs):
    admitted = [
        detail
        for row in candidates(demo_db, programs["北京大工匠"], CandidateState.ELIGIBLE)
        if (detail := get_candidate(demo_db, CLI_ACTOR, row.id, today=TODAY)).eligibility_override
    ]

    assert len(admitted) == 1
    failed = [result.rule for result in admitted[0].eligibility if not result.passed]
    assert failed == [RuleKey.SKILL]
    assert admitted[0].history[-1].reason == admitted[0].eligibility_override


def test_the_craftsman_round_is_closed_with_seven_reviewers_and_one_recusal(demo_db, programs):
    rows = program_results(demo_db, CLI_ACTOR, programs["北京大工匠"], detail=True).rows

    assert {row.aggregate.reviewers for row in rows} == {7}
    recused = [r for row in rows for r in row.reviews if r.status is ReviewStatus.RECUSED]
    assert len(recused) == 1
    assert recused[0].conflict_text
    assert sorted(row.aggregate.valid_count for row in rows) == [6, 7, 7, 7, 7, 7, 7]


def test_one_review_was_reopened_and_submitted_again(demo_db):
    with demo_db.read() as session:
        revisions = session.scalars(select(ReviewRevision)).all()

    assert len(revisions) == 1
    assert revisions[0].status == ReviewStatus.SUBMITTED.value
    assert revisions[0].reason


def test_the_committee_disagrees_on_one_candidate(demo_db, programs):
    rows = program_results(demo_db, CLI_ACTOR, programs["北京大工匠"]).rows

    assert [row.state for row in rows if row.aggregate.disagreement] == [CandidateState.SCORED]


def test_the_worker_round_is_open_on_the_demo_day(demo_db, programs):
    (row,) = list_rounds(demo_db, CLI_ACTOR, programs["最美劳动者"])

    assert not row.closed
    assert row.opens_on <= TODAY <= row.closes_on


def test_the_open_round_has_submitted_saved_and_unstarted_reviews(demo_db, programs):
    (row,) = list_rounds(demo_db, CLI_ACTOR, programs["最美劳动者"])

    statuses = {p.status for p in round_progress(demo_db, CLI_ACTOR, row.id)}

    assert statuses == {ReviewStatus.SUBMITTED, ReviewStatus.DRAFT, None}


def test_a_publicity_is_in_progress_on_the_demo_day(demo_db, programs):
    shown = [
        publicity_status(demo_db, CLI_ACTOR, row.id, today=TODAY)
        for row in candidates(demo_db, programs["北京大工匠"], CandidateState.IN_PUBLICITY)
    ]

    assert len(shown) == 2
    assert all(s.start <= TODAY <= s.end and not s.ended for s in shown)
    results = sorted(o.result for s in shown for o in s.objections)
    assert results == sorted([ObjectionResult.PENDING, ObjectionResult.DISMISSED])


def test_approved_candidates_had_a_publicity_that_ended_clear(demo_db, programs):
    approved = candidates(demo_db, programs["北京大工匠"], CandidateState.APPROVED)

    assert len(approved) == 2
    assert all(publicity_status(demo_db, CLI_ACTOR, row.id, today=TODAY).clear for row in approved)


def test_honours_of_every_level_are_held(demo_db):
    with demo_db.read() as session:
        levels = set(session.scalars(select(Honour.level)))

    assert levels == {level.value for level in HonourLevel}


def test_some_members_are_model_workers(demo_db):
    with demo_db.read() as session:
        holders = session.scalars(
            select(Honour.member_id).where(Honour.title.contains("劳动模范"))
        ).all()

    assert len(holders) >= 2
    assert {model_worker_of(demo_db, CLI_ACTOR, member_id) for member_id in holders} - {None}


def test_a_reviewer_logs_in_with_the_printed_password_and_sees_both_rounds(filled):
    demo_db, selection = filled

    actor = log_in(demo_db, "pw1", selection.reviewer_password).actor

    assert sorted(r.closed for r in my_rounds(demo_db, actor)) == [False, True]


def test_the_audit_chain_verifies(demo_db):
    report = verify_chain(demo_db)

    assert report.ok
    assert report.checked > 100


def test_a_second_run_adds_no_second_set(demo_db):
    assert fill_selection_demo(demo_db) is None
    assert len(list_programs(demo_db, CLI_ACTOR)) == 2


def test_too_few_members_add_no_selections(db):
    result = fill_demo(db, 20, selections=True)

    assert result.selection is None
    assert list_programs(db, CLI_ACTOR) == []


def test_a_members_only_demo_adds_no_selections(db):
    result = fill_demo(db, MEMBERS)

    assert result.selection is None
    assert list_programs(db, CLI_ACTOR) == []
