"""Publicity (公示) against a real database: calendar, quota, start, objections and decisions."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from helpers import OFFICE, fake_id
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.member import MemberDraft
from unionDesk.domain.quota import QuotaBound, QuotaRule
from unionDesk.domain.workdays import DayKind, SpecialDay
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import Action, AuditFilter, AuditView, query_audit
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.holidays import calendar_days, remove_calendar_day, set_calendar_day
from unionDesk.services.members import create_member
from unionDesk.services.objections import (
    ObjectionResult,
    add_objection,
    list_objections,
    resolve_objection,
    result_label,
)
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.publicity import (
    approve,
    plan_publicity,
    publicity_status,
    quota_check,
    reject,
    start_publicity,
)
from unionDesk.store.db import Database
from unionDesk.store.models import AuditEntry
from unionDesk.store.selection_models import AwardProgram, Candidate, CandidateTransition

DraftFactory = Callable[..., MemberDraft]

FRONTLINE, MANAGER = "一线职工", "企业负责人"
QUOTA = [
    QuotaRule(FRONTLINE, QuotaBound.AT_LEAST, 50),
    QuotaRule(MANAGER, QuotaBound.AT_MOST, 40),
]
OFFICER_DAY = date(2026, 9, 29)  # the day the officer starts the publicity
START = date(2026, 9, 30)  # the day before 国庆节
END = date(2026, 10, 12)  # 9-30, 10-8, 10-9, 10-10 (调休上班) and 10-12
DURING = date(2026, 10, 9)
AFTER = date(2026, 10, 13)
VIEWER = Actor(903, "guest", Role.VIEWER)
REVIEWER = Actor(902, "judge", Role.REVIEWER)


def add_program(db: Database, rules: list[QuotaRule] = QUOTA, days: int = 5) -> int:
    now = datetime(2026, 3, 1, 9, 0)
    with db.write() as session:
        program = AwardProgram(
            name="北京大工匠 2026",
            honour_title="北京大工匠",
            year=2026,
            categories=json.dumps([FRONTLINE, MANAGER], ensure_ascii=False),
            quota_rules=json.dumps([rule.to_json() for rule in rules], ensure_ascii=False),
            eligibility="{}",
            rubric="{}",
            publicity_days=days,
            created_at=now,
            updated_at=now,
        )
        session.add(program)
        session.flush()
        return program.id


def add_candidate(
    db: Database,
    make_draft: DraftFactory,
    program: int,
    name: str,
    sequence: int,
    category: str = FRONTLINE,
    state: CandidateState = CandidateState.SHORTLISTED,
) -> int:
    draft = make_draft(name=name, id_number=fake_id(sequence), card_number="")
    member = create_member(db, OFFICE, draft, today=OFFICER_DAY)
    now = datetime(2026, 9, 1, 9, 0)
    with db.write() as session:
        candidate = Candidate(
            program_id=program,
            member_id=member,
            nominating_unit="一车间",
            category=category,
            state=state.value,
            created_at=now,
            updated_at=now,
        )
        session.add(candidate)
        session.flush()
        return candidate.id


def candidate_row(db: Database, candidate: int) -> Candidate:
    with db.read() as session:
        row = session.get(Candidate, candidate)
        assert row is not None
        return row


def transitions(db: Database, candidate: int) -> list[tuple[str, str, str]]:
    statement = (
        select(
            CandidateTransition.from_state, CandidateTransition.to_state, CandidateTransition.reason
        )
        .where(CandidateTransition.candidate_id == candidate)
        .order_by(CandidateTransition.id)
    )
    with db.read() as session:
        return [tuple(row) for row in session.execute(statement)]


def audit(db: Database, record_type: str) -> list[AuditView]:
    return list(reversed(query_audit(db, OFFICE, AuditFilter(record_type=record_type))))


def audit_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def messages(refused: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [item.render() for item in refused.value.problems]


@pytest.fixture
def program(db: Database) -> int:
    return add_program(db)


@pytest.fixture
def shortlist(db: Database, make_draft: DraftFactory, program: int) -> list[int]:
    """李娜 and 王强 (一线职工) and 赵敏 (企业负责人): 2 of 3 front-line, quota met."""
    return [
        add_candidate(db, make_draft, program, "李娜", 201),
        add_candidate(db, make_draft, program, "王强", 203),
        add_candidate(db, make_draft, program, "赵敏", 205, MANAGER),
    ]


@pytest.fixture
def publicised(db: Database, program: int, shortlist: list[int]) -> int:
    """李娜, in publicity from 2026-09-30 to 2026-10-12."""
    start_publicity(db, OFFICE, program, [shortlist[0]], START, today=OFFICER_DAY)
    return shortlist[0]


# --- Calendar -------------------------------------------------------------------------------


def test_a_new_database_holds_the_official_national_day_arrangement(db):
    days = {special.day: special for special in calendar_days(db, OFFICE, 2026)}
    holidays = [date(2026, 10, d) for d in range(1, 8)]
    assert all(days[d].kind is DayKind.HOLIDAY and days[d].name == "国庆节" for d in holidays)
    assert days[date(2026, 9, 20)].kind is DayKind.WORKDAY
    assert days[date(2026, 10, 10)] == SpecialDay(
        date(2026, 10, 10), DayKind.WORKDAY, "国庆节调休上班"
    )


def test_calendar_days_of_a_year_leave_other_years_out(db):
    set_calendar_day(db, OFFICE, SpecialDay(date(2027, 1, 1), DayKind.HOLIDAY, "元旦"))
    assert all(special.day.year == 2026 for special in calendar_days(db, OFFICE, 2026))
    assert calendar_days(db, OFFICE, 2027) == [
        SpecialDay(date(2027, 1, 1), DayKind.HOLIDAY, "元旦")
    ]


def test_a_weekday_cannot_be_made_a_make_up_working_day(db):
    with pytest.raises(ValidationFailed) as refused:
        set_calendar_day(db, OFFICE, SpecialDay(date(2026, 10, 14), DayKind.WORKDAY, "调休"))
    assert list(refused.value.by_field()) == ["day"]
    assert date(2026, 10, 14) not in {s.day for s in calendar_days(db, OFFICE, 2026)}


def test_adding_a_calendar_day_is_audited_with_its_values(db):
    set_calendar_day(db, OFFICE, SpecialDay(date(2026, 10, 9), DayKind.HOLIDAY, " 厂庆日 "))
    entry = audit(db, "calendar")[-1]
    assert (entry.action, entry.record_id) == (Action.CREATE, "2026-10-09")
    assert entry.changes == {"kind": [None, "holiday"], "name": [None, "厂庆日"]}


def test_replacing_a_calendar_day_logs_old_and_new_kind(db):
    set_calendar_day(db, OFFICE, SpecialDay(date(2026, 10, 10), DayKind.HOLIDAY, "国庆节"))
    entry = audit(db, "calendar")[-1]
    assert entry.action is Action.UPDATE
    assert entry.changes == {
        "kind": ["workday", "holiday"],
        "name": ["国庆节调休上班", "国庆节"],
    }


def test_removing_a_calendar_day_is_audited(db):
    remove_calendar_day(db, OFFICE, date(2026, 10, 10))
    assert date(2026, 10, 10) not in {s.day for s in calendar_days(db, OFFICE, 2026)}
    entry = audit(db, "calendar")[-1]
    assert (entry.action, entry.record_id) == (Action.DELETE, "2026-10-10")


def test_removing_a_day_not_in_the_calendar_is_refused(db):
    with pytest.raises(NotFound):
        remove_calendar_day(db, OFFICE, date(2026, 10, 14))


# --- Plan and quota -------------------------------------------------------------------------


def test_plan_over_national_day_ends_on_october_12(db, program, shortlist):
    plan = plan_publicity(db, OFFICE, program, START)
    assert (plan.start, plan.end, plan.working_days) == (START, END, 5)
    assert [(r.rule, r.count, r.total, r.passed) for r in plan.quota] == [
        (QUOTA[0], 2, 3, True),
        (QUOTA[1], 1, 3, True),
    ]


def test_plan_uses_the_programs_number_of_working_days(db):
    program = add_program(db, days=7)
    assert plan_publicity(db, OFFICE, program, START).end == date(2026, 10, 14)


def test_a_holiday_added_by_the_officer_moves_the_end_date(db, program, shortlist):
    set_calendar_day(db, OFFICE, SpecialDay(date(2026, 10, 9), DayKind.HOLIDAY, "厂庆日"))
    end = start_publicity(db, OFFICE, program, shortlist, START, today=OFFICER_DAY)
    assert end == date(2026, 10, 13)


def test_removing_a_make_up_working_day_moves_the_end_date(db, program):
    remove_calendar_day(db, OFFICE, date(2026, 10, 10))
    assert plan_publicity(db, OFFICE, program, START).end == date(2026, 10, 13)


def test_quota_counts_candidates_in_publicity_and_approved(db, make_draft, program, shortlist):
    add_candidate(db, make_draft, program, "钱进", 207, MANAGER, CandidateState.APPROVED)
    add_candidate(db, make_draft, program, "孙丽", 209, MANAGER, CandidateState.SCORED)
    results = quota_check(db, OFFICE, program)
    assert [(r.count, r.total, r.passed) for r in results] == [(2, 4, True), (2, 4, False)]


def test_quota_check_can_include_candidates_about_to_be_shortlisted(db, make_draft, program):
    scored = add_candidate(db, make_draft, program, "孙丽", 209, MANAGER, CandidateState.SCORED)
    add_candidate(db, make_draft, program, "李娜", 201)
    results = quota_check(db, OFFICE, program, adding=[scored])
    assert [(r.count, r.total, r.passed) for r in results] == [(1, 2, True), (1, 2, False)]


# --- Start ----------------------------------------------------------------------------------


def test_start_over_national_day_sets_the_dates_and_the_state(db, program, shortlist):
    end = start_publicity(db, OFFICE, program, shortlist[:2], START, today=OFFICER_DAY)
    assert end == END
    for candidate in shortlist[:2]:
        row = candidate_row(db, candidate)
        assert (row.state, row.publicity_start, row.publicity_end) == ("in_publicity", START, END)
    assert candidate_row(db, shortlist[2]).state == "shortlisted"


def test_start_leaves_a_transition_and_audit_entries(db, program, publicised):
    assert transitions(db, publicised) == [("shortlisted", "in_publicity", "")]
    entries = [e for e in audit(db, "candidate") if e.record_id == str(publicised)]
    assert [(e.action, e.changes) for e in entries] == [
        (Action.STATUS_CHANGE, {"state": ["shortlisted", "in_publicity"]}),
        (
            Action.UPDATE,
            {"publicity_end": [None, "2026-10-12"], "publicity_start": [None, "2026-09-30"]},
        ),
    ]


def test_broken_quota_is_refused_without_a_reason(db, make_draft, program):
    ids = [
        add_candidate(db, make_draft, program, "李娜", 201),
        add_candidate(db, make_draft, program, "赵敏", 205, MANAGER),
        add_candidate(db, make_draft, program, "钱进", 207, MANAGER),
    ]
    before = audit_count(db)
    with pytest.raises(ValidationFailed) as refused:
        start_publicity(db, OFFICE, program, ids, START, today=OFFICER_DAY)
    assert refused.value.problems[0].field == "quota_override_reason"
    assert messages(refused)[1:] == [
        "一线职工: 1 of 3 (33.3%), at least 50% required.",
        "企业负责人: 2 of 3 (66.7%), at most 40% allowed.",
    ]
    assert [candidate_row(db, i).state for i in ids] == ["shortlisted"] * 3
    assert audit_count(db) == before


def test_broken_quota_goes_ahead_with_a_reason_in_transition_and_audit(db, make_draft, program):
    ids = [
        add_candidate(db, make_draft, program, "李娜", 201),
        add_candidate(db, make_draft, program, "赵敏", 205, MANAGER),
    ]
    reason = "经评委会研究，企业负责人名额本次放宽"
    start_publicity(
        db, OFFICE, program, ids, START, quota_override_reason=f" {reason} ", today=OFFICER_DAY
    )
    assert [transitions(db, i) for i in ids] == [[("shortlisted", "in_publicity", reason)]] * 2
    moves = [e for e in audit(db, "candidate") if e.action is Action.STATUS_CHANGE]
    assert [e.summary for e in moves] == [f"李娜: {reason}", f"赵敏: {reason}"]


def test_a_candidate_in_the_wrong_state_is_named_and_nothing_moves(db, make_draft, program):
    ready = add_candidate(db, make_draft, program, "李娜", 201)
    scored = add_candidate(db, make_draft, program, "王强", 203, state=CandidateState.SCORED)
    before = audit_count(db)
    with pytest.raises(ValidationFailed) as refused:
        start_publicity(db, OFFICE, program, [ready, scored], START, today=OFFICER_DAY)
    assert messages(refused) == [
        "王强 is Scored; only shortlisted candidates can be put into publicity. Take 王强 off "
        "the list, or shortlist the candidate first."
    ]
    assert candidate_row(db, ready).state == "shortlisted"
    assert candidate_row(db, ready).publicity_start is None
    assert transitions(db, ready) == []
    assert audit_count(db) == before


def test_a_candidate_of_another_program_is_refused(db, make_draft, program, shortlist):
    other = add_program(db)
    stranger = add_candidate(db, make_draft, other, "周平", 211)
    with pytest.raises(ValidationFailed) as refused:
        start_publicity(db, OFFICE, program, [shortlist[0], stranger], START, today=OFFICER_DAY)
    assert "周平 is a candidate of another program" in messages(refused)[0]
    assert candidate_row(db, shortlist[0]).state == "shortlisted"


def test_a_start_in_the_past_is_refused(db, program, shortlist):
    with pytest.raises(ValidationFailed) as refused:
        start_publicity(db, OFFICE, program, shortlist, START, today=date(2026, 10, 1))
    assert list(refused.value.by_field()) == ["start"]


def test_starting_with_no_candidates_is_refused(db, program):
    with pytest.raises(ValidationFailed) as refused:
        start_publicity(db, OFFICE, program, [], START, today=OFFICER_DAY)
    assert list(refused.value.by_field()) == ["candidate_ids"]


def test_an_unknown_program_is_not_found(db):
    with pytest.raises(NotFound):
        plan_publicity(db, OFFICE, 999, START)


# --- Objections -----------------------------------------------------------------------------


def test_an_objection_is_recorded_pending_and_audited(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, " 反映其技能证书存疑 ", today=DURING)
    [view] = list_objections(db, OFFICE, publicised)
    assert (view.id, view.received_on, view.content) == (objection, DURING, "反映其技能证书存疑")
    assert (view.result, view.resolved_on, view.recorded_by) == (
        ObjectionResult.PENDING,
        None,
        "cli",
    )
    entry = audit(db, "objection")[-1]
    assert (entry.action, entry.record_id, entry.summary) == (
        Action.CREATE,
        str(objection),
        "李娜: 2026-10-09",
    )


@pytest.mark.parametrize(
    ("received", "today"),
    [(date(2026, 9, 29), DURING), (date(2026, 10, 10), DURING)],
    ids=["before-the-start", "after-today"],
)
def test_an_objection_dated_outside_the_publicity_so_far_is_refused(
    db, publicised, received, today
):
    with pytest.raises(ValidationFailed) as refused:
        add_objection(db, OFFICE, publicised, received, "异议内容", today=today)
    assert list(refused.value.by_field()) == ["received_on"]
    assert list_objections(db, OFFICE, publicised) == []


def test_an_objection_against_a_candidate_not_in_publicity_is_refused(db, shortlist):
    with pytest.raises(ValidationFailed) as refused:
        add_objection(db, OFFICE, shortlist[1], DURING, "异议内容", today=DURING)
    assert messages(refused)[0].startswith("王强 is Shortlisted; objections can be recorded only")


@pytest.mark.parametrize("content", ["   ", "异" * 2001], ids=["empty", "too-long"])
def test_objection_content_is_required_and_limited(db, publicised, content):
    with pytest.raises(ValidationFailed) as refused:
        add_objection(db, OFFICE, publicised, DURING, content, today=DURING)
    assert list(refused.value.by_field()) == ["content"]


def test_resolving_an_objection_records_handling_and_audits_the_change(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    handling = "经核实，证书真实有效"
    resolve_objection(
        db, OFFICE, objection, handling, ObjectionResult.DISMISSED, AFTER, today=AFTER
    )
    [view] = list_objections(db, OFFICE, publicised)
    assert (view.handling, view.result, view.resolved_on) == (
        handling,
        ObjectionResult.DISMISSED,
        AFTER,
    )
    entry = audit(db, "objection")[-1]
    assert entry.action is Action.UPDATE
    assert entry.changes == {
        "handling": ["", handling],
        "resolved_on": [None, "2026-10-13"],
        "result": ["pending", "dismissed"],
    }


def test_a_resolved_objection_cannot_be_resolved_again(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    resolve_objection(db, OFFICE, objection, "已核实", ObjectionResult.UPHELD, DURING, today=DURING)
    with pytest.raises(ValidationFailed) as refused:
        resolve_objection(
            db, OFFICE, objection, "重新核实", ObjectionResult.DISMISSED, AFTER, today=AFTER
        )
    assert "already resolved on 2026-10-09 (Objection upheld)" in messages(refused)[0]
    assert list_objections(db, OFFICE, publicised)[0].result is ObjectionResult.UPHELD


def test_resolving_needs_handling_a_result_and_a_sensible_date(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    with pytest.raises(ValidationFailed) as refused:
        resolve_objection(
            db, OFFICE, objection, " ", ObjectionResult.PENDING, date(2026, 10, 8), today=DURING
        )
    assert sorted(refused.value.by_field()) == ["handling", "resolved_on", "result"]


def test_resolving_on_a_future_day_is_refused(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    with pytest.raises(ValidationFailed) as refused:
        resolve_objection(
            db, OFFICE, objection, "已核实", ObjectionResult.UPHELD, AFTER, today=DURING
        )
    assert list(refused.value.by_field()) == ["resolved_on"]


def test_an_unknown_objection_is_not_found(db):
    with pytest.raises(NotFound):
        resolve_objection(db, OFFICE, 999, "已核实", ObjectionResult.UPHELD, DURING, today=DURING)


# --- Status ---------------------------------------------------------------------------------


def test_status_is_not_clear_while_the_publicity_runs(db, publicised):
    status = publicity_status(db, OFFICE, publicised, today=END)
    assert (status.start, status.end, status.ended, status.clear) == (START, END, False, False)


def test_status_is_clear_after_the_end_with_no_objection(db, publicised):
    status = publicity_status(db, OFFICE, publicised, today=AFTER)
    assert (status.ended, status.pending, status.upheld, status.clear) == (True, 0, 0, True)


def test_status_is_not_clear_with_a_pending_objection(db, publicised):
    add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    status = publicity_status(db, OFFICE, publicised, today=AFTER)
    assert (status.pending, status.upheld, status.clear) == (1, 0, False)


def test_status_is_clear_after_a_dismissed_objection(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    resolve_objection(
        db, OFFICE, objection, "不属实", ObjectionResult.DISMISSED, DURING, today=DURING
    )
    status = publicity_status(db, OFFICE, publicised, today=AFTER)
    assert (len(status.objections), status.pending, status.clear) == (1, 0, True)


def test_status_is_not_clear_with_an_upheld_objection(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    resolve_objection(db, OFFICE, objection, "属实", ObjectionResult.UPHELD, DURING, today=DURING)
    status = publicity_status(db, OFFICE, publicised, today=AFTER)
    assert (status.pending, status.upheld, status.clear) == (0, 1, False)


def test_status_before_publicity_has_no_dates(db, shortlist):
    status = publicity_status(db, OFFICE, shortlist[0], today=AFTER)
    assert (status.start, status.end, status.ended, status.clear) == (None, None, False, False)


# --- Decision -------------------------------------------------------------------------------


def test_approval_on_the_last_day_of_publicity_is_refused(db, publicised):
    with pytest.raises(ValidationFailed) as refused:
        approve(db, OFFICE, publicised, today=END)
    assert messages(refused) == [
        "The publicity of 李娜 runs until 2026-10-12. Approve the candidate after that day."
    ]
    assert candidate_row(db, publicised).state == "in_publicity"


def test_approval_with_a_pending_objection_is_refused(db, publicised):
    add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    with pytest.raises(ValidationFailed) as refused:
        approve(db, OFFICE, publicised, today=AFTER)
    assert messages(refused)[0].startswith("1 objection(s) against 李娜 are not resolved yet.")


def test_approval_after_the_end_and_a_dismissed_objection(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    resolve_objection(
        db, OFFICE, objection, "不属实", ObjectionResult.DISMISSED, AFTER, today=AFTER
    )
    approve(db, OFFICE, publicised, today=AFTER)
    assert candidate_row(db, publicised).state == "approved"
    assert transitions(db, publicised)[-1] == ("in_publicity", "approved", "")
    last = audit(db, "candidate")[-1]
    assert (last.action, last.changes) == (
        Action.STATUS_CHANGE,
        {"state": ["in_publicity", "approved"]},
    )


def test_an_upheld_objection_blocks_approval_and_allows_rejection(db, publicised):
    objection = add_objection(db, OFFICE, publicised, DURING, "异议内容", today=DURING)
    resolve_objection(db, OFFICE, objection, "属实", ObjectionResult.UPHELD, DURING, today=DURING)
    with pytest.raises(ValidationFailed) as refused:
        approve(db, OFFICE, publicised, today=AFTER)
    assert "was upheld" in messages(refused)[0]
    reject(db, OFFICE, publicised, "公示期间异议经核实成立")
    assert candidate_row(db, publicised).state == "rejected"
    assert transitions(db, publicised)[-1] == ("in_publicity", "rejected", "公示期间异议经核实成立")
    last = audit(db, "candidate")[-1]
    assert (last.action, last.summary) == (Action.STATUS_CHANGE, "李娜: 公示期间异议经核实成立")


def test_rejection_needs_a_reason(db, publicised):
    with pytest.raises(ValidationFailed) as refused:
        reject(db, OFFICE, publicised, "  ")
    assert list(refused.value.by_field()) == ["reason"]
    assert candidate_row(db, publicised).state == "in_publicity"


def test_a_decision_on_a_candidate_not_in_publicity_is_refused(db, shortlist):
    with pytest.raises(ValidationFailed) as refused:
        approve(db, OFFICE, shortlist[1], today=AFTER)
    assert messages(refused)[0].startswith("王强 is Shortlisted, not in publicity")
    with pytest.raises(ValidationFailed):
        reject(db, OFFICE, shortlist[1], "不符合条件")
    assert transitions(db, shortlist[1]) == []


def test_an_approved_candidate_takes_no_more_objections(db, publicised):
    approve(db, OFFICE, publicised, today=AFTER)
    with pytest.raises(ValidationFailed) as refused:
        add_objection(db, OFFICE, publicised, AFTER, "迟到的异议", today=AFTER)
    assert messages(refused)[0].startswith("李娜 is Approved;")


# --- Permissions and labels -----------------------------------------------------------------


def test_a_viewer_reads_status_objections_and_calendar(db, program, publicised):
    assert publicity_status(db, VIEWER, publicised, today=AFTER).clear
    assert list_objections(db, VIEWER, publicised) == []
    assert calendar_days(db, VIEWER, 2026)
    assert plan_publicity(db, VIEWER, program, START).end == END


@pytest.mark.parametrize(
    "change",
    [
        lambda db, p, c: start_publicity(db, VIEWER, p, [c], START, today=OFFICER_DAY),
        lambda db, p, c: add_objection(db, VIEWER, c, START, "异议", today=START),
        lambda db, p, c: approve(db, VIEWER, c, today=AFTER),
        lambda db, p, c: reject(db, VIEWER, c, "理由"),
        lambda db, p, c: set_calendar_day(db, VIEWER, SpecialDay(START, DayKind.HOLIDAY, "假")),
        lambda db, p, c: remove_calendar_day(db, VIEWER, date(2026, 10, 10)),
    ],
    ids=["start", "objection", "approve", "reject", "set-day", "remove-day"],
)
def test_a_viewer_changes_nothing(db, program, shortlist, change):
    before = audit_count(db)
    with pytest.raises(PermissionDenied):
        change(db, program, shortlist[0])
    assert candidate_row(db, shortlist[0]).state == "shortlisted"
    assert audit_count(db) == before


@pytest.mark.parametrize(
    "read",
    [
        lambda db, p, c: publicity_status(db, REVIEWER, c),
        lambda db, p, c: list_objections(db, REVIEWER, c),
        lambda db, p, c: quota_check(db, REVIEWER, p),
        lambda db, p, c: calendar_days(db, REVIEWER),
    ],
    ids=["status", "objections", "quota", "calendar"],
)
def test_a_reviewer_cannot_read_publicity(db, program, shortlist, read):
    with pytest.raises(PermissionDenied):
        read(db, program, shortlist[0])


def test_objection_results_have_labels():
    assert [result_label(result) for result in ObjectionResult] == [
        "Awaiting handling",
        "Objection upheld",
        "Objection dismissed",
    ]
