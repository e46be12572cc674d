"""Nominations against a real database: nominate, edit, submit, check, override, withdraw."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from helpers import OFFICE, fake_id, member_draft
from selection_helpers import (
    NOMINATION_DAY,
    REVIEW_DAY,
    ROUND_CLOSES,
    ROUND_OPENS,
    make_members,
    make_program,
    make_reviewers,
    scores,
)
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import CandidateDraft
from unionDesk.domain.eligibility import RuleKey
from unionDesk.domain.enums import ChangeKind, SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.workflow import CandidateState, state_label
from unionDesk.services.audit import Action, AuditFilter, AuditView, query_audit
from unionDesk.services.candidates import (
    get_candidate,
    list_candidates,
    nominate,
    return_to_draft,
    submit,
    transition,
    update_candidate,
    withdraw,
)
from unionDesk.services.eligibility_check import check, override_eligibility
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member, delete_member, record_change, update_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.publicity import start_publicity
from unionDesk.services.results import shortlist
from unionDesk.services.reviews import submit_review
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.store.db import Database
from unionDesk.store.selection_models import AwardProgram, Candidate, CandidateTransition

S = CandidateState
OFFICER = Actor(41, "luyuan", Role.OFFICER)
VIEWER = Actor(42, "chakan", Role.VIEWER)
REVIEWER = Actor(43, "pingwei", Role.REVIEWER)
SUMMARY = "长期扎根生产一线，攻克多项关键工艺难题。"
DEEDS = "带领班组完成技术革新十余项，培养高级技师多名。"


def form(member_id: int | None, **changes: object) -> CandidateDraft:
    base = CandidateDraft(member_id, "测试机械厂", "一线职工", SUMMARY, DEEDS)
    return replace(base, **changes)  # type: ignore[arg-type]


def add_member(db: Database, sequence: int, skill: SkillLevel, *, honour: bool = True) -> int:
    """A member born 1985 with 20 years of service, of ``skill``, with a 区级 honour or none."""
    member_id = create_member(
        db,
        OFFICE,
        member_draft(
            name="孙志远",
            id_number=fake_id(sequence, birth=date(1985, 3, 8)),
            card_number=f"GH-C-{sequence:05d}",
            skill_level=skill,
            work_start_date=date(2005, 7, 1),
        ),
        today=NOMINATION_DAY,
    )
    if honour:
        add_honour(
            db,
            OFFICE,
            member_id,
            HonourDraft("区级技术能手", HonourLevel.DISTRICT, 2021, "北京市朝阳区人民政府"),
            today=NOMINATION_DAY,
        )
    return member_id


def audit_of(db: Database, candidate_id: int) -> list[AuditView]:
    entries = query_audit(db, OFFICE, AuditFilter(record_type="candidate"))
    return [e for e in reversed(entries) if e.record_id == str(candidate_id)]


def transitions_of(db: Database, candidate_id: int) -> list[CandidateTransition]:
    with db.read() as session:
        return list(
            session.scalars(
                select(CandidateTransition)
                .where(CandidateTransition.candidate_id == candidate_id)
                .order_by(CandidateTransition.id)
            )
        )


def state_of(db: Database, candidate_id: int) -> CandidateState:
    with db.read() as session:
        candidate = session.get(Candidate, candidate_id)
        assert candidate is not None
        return CandidateState(candidate.state)


@pytest.fixture
def program(db: Database) -> int:
    return make_program(db)


@pytest.fixture
def member(db: Database) -> int:
    return make_members(db, 1)[0]


@pytest.fixture
def draft_id(db: Database, program: int, member: int) -> int:
    return nominate(db, OFFICE, program, form(member))


def drive(db: Database, program: int, target: CandidateState) -> int:
    """A fresh candidate of ``program`` brought to ``target`` through the real services."""
    if target is S.INELIGIBLE:
        member_id = add_member(db, 701, SkillLevel.SENIOR)
    else:
        member_id = make_members(db, 1, first_sequence=601)[0]
    candidate_id = nominate(db, OFFICE, program, form(member_id))
    if target is S.DRAFT:
        return candidate_id
    submit(db, OFFICE, candidate_id, today=NOMINATION_DAY)
    if target is S.NOMINATED:
        return candidate_id
    check(db, OFFICE, candidate_id)
    if target in (S.ELIGIBLE, S.INELIGIBLE):
        return candidate_id
    reviewers = make_reviewers(db, 2)
    round_id = create_round(
        db,
        OFFICE,
        RoundDraft(
            program,
            "第一轮评审",
            ROUND_OPENS,
            ROUND_CLOSES,
            reviewers[0].user_id,
            tuple(r.user_id for r in reviewers if r.user_id is not None),
            (candidate_id,),
        ),
    )
    if target is S.UNDER_REVIEW:
        return candidate_id
    for reviewer in reviewers:
        values = scores("18", "35", "20", "12")
        submit_review(db, reviewer, round_id, candidate_id, values, "", today=REVIEW_DAY)
    close_round(db, OFFICE, round_id)
    if target is S.SCORED:
        return candidate_id
    shortlist(db, OFFICE, [candidate_id], "评审排名靠前")
    if target is S.SHORTLISTED:
        return candidate_id
    start = date(2026, 9, 1)
    start_publicity(db, OFFICE, program, [candidate_id], start, today=start)
    assert target is S.IN_PUBLICITY
    return candidate_id


# --- nominate ------------------------------------------------------------------------------


def test_a_nomination_starts_as_a_draft(db: Database, program: int, member: int) -> None:
    candidate_id = nominate(db, OFFICER, program, form(member, nominating_unit=" 测试  机械厂 "))
    detail = get_candidate(db, OFFICER, candidate_id)
    assert detail.state is S.DRAFT
    assert detail.program_id == program
    assert detail.member_name == "王建国"
    assert detail.draft == form(member, nominating_unit="测试 机械厂")
    assert detail.history == ()
    assert detail.next_states == {S.NOMINATED, S.WITHDRAWN}
    (entry,) = audit_of(db, candidate_id)
    assert (entry.action, entry.actor) == (Action.CREATE, "luyuan")
    assert "王建国" in entry.summary
    assert entry.changes["category"] == [None, "一线职工"]


def test_a_nomination_is_checked(db: Database, program: int, member: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        nominate(db, OFFICE, program, form(member, category="劳动模范", summary="字" * 501))
    assert set(caught.value.by_field()) == {"category", "summary"}
    assert list_candidates(db, OFFICE, program) == []


def test_a_nomination_to_a_missing_program_is_refused(db: Database, member: int) -> None:
    with pytest.raises(NotFound):
        nominate(db, OFFICE, 999, form(member))


def test_the_same_member_cannot_be_nominated_twice(
    db: Database, program: int, member: int, draft_id: int
) -> None:
    submit(db, OFFICE, draft_id, today=NOMINATION_DAY)
    with pytest.raises(ValidationFailed) as caught:
        nominate(db, OFFICE, program, form(member, category="科教人员"))
    (message,) = caught.value.by_field()["member_id"]
    assert "王建国" in message
    assert "2026年北京大工匠选树" in message
    assert len(list_candidates(db, OFFICE, program)) == 1


def test_the_same_member_may_be_nominated_to_another_program(
    db: Database, program: int, member: int, draft_id: int
) -> None:
    other = make_program(db, "most_beautiful_worker")
    categories = json.loads(_program_categories(db, other))
    assert nominate(db, OFFICE, other, form(member, category=categories[0])) != draft_id


def _program_categories(db: Database, program_id: int) -> str:
    with db.read() as session:
        row = session.get(AwardProgram, program_id)
        assert row is not None
        return row.categories


def test_a_withdrawn_nomination_may_be_made_again(
    db: Database, program: int, member: int, draft_id: int
) -> None:
    withdraw(db, OFFICE, draft_id, "材料不全，重新推荐")
    again = nominate(db, OFFICE, program, form(member))
    assert again != draft_id
    states = {row.id: row.state for row in list_candidates(db, OFFICE, program)}
    assert states == {draft_id: S.WITHDRAWN, again: S.DRAFT}


def test_a_member_who_withdrew_from_the_union_cannot_be_nominated(
    db: Database, program: int, member: int
) -> None:
    record_change(
        db, OFFICE, member, ChangeKind.WITHDRAW, date(2026, 5, 1), "本人申请", today=NOMINATION_DAY
    )
    with pytest.raises(ValidationFailed) as caught:
        nominate(db, OFFICE, program, form(member))
    (message,) = caught.value.by_field()["member_id"]
    assert "王建国" in message
    assert "not an active member" in message
    assert list_candidates(db, OFFICE, program) == []


def test_a_deleted_member_cannot_be_nominated(db: Database, program: int, member: int) -> None:
    delete_member(db, OFFICE, member, "重复录入")
    with pytest.raises(ValidationFailed) as caught:
        nominate(db, OFFICE, program, form(member))
    assert list(caught.value.by_field()) == ["member_id"]


# --- edit ----------------------------------------------------------------------------------


def test_corrections_are_saved_and_audited(db: Database, member: int, draft_id: int) -> None:
    update_candidate(db, OFFICER, draft_id, form(member, category="科教人员", summary="新摘要"))
    detail = get_candidate(db, OFFICE, draft_id)
    assert (detail.draft.category, detail.draft.summary) == ("科教人员", "新摘要")
    entry = audit_of(db, draft_id)[-1]
    assert (entry.action, entry.actor) == (Action.UPDATE, "luyuan")
    assert entry.changes == {
        "category": ["一线职工", "科教人员"],
        "summary": [SUMMARY, "新摘要"],
    }


def test_an_edit_cannot_change_the_nominee(db: Database, member: int, draft_id: int) -> None:
    other = make_members(db, 1, first_sequence=301)[0]
    update_candidate(db, OFFICE, draft_id, form(other))
    assert get_candidate(db, OFFICE, draft_id).draft.member_id == member


def test_an_edit_is_checked(db: Database, member: int, draft_id: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        update_candidate(db, OFFICE, draft_id, form(member, deeds="事" * 2001))
    assert "2001" in caught.value.by_field()["deeds"][0]
    assert get_candidate(db, OFFICE, draft_id).draft.deeds == DEEDS


@pytest.mark.parametrize("state", [S.NOMINATED, S.ELIGIBLE, S.INELIGIBLE])
def test_a_nomination_can_be_corrected_before_review(
    db: Database, program: int, state: CandidateState
) -> None:
    candidate_id = drive(db, program, state)
    detail = get_candidate(db, OFFICE, candidate_id)
    update_candidate(db, OFFICE, candidate_id, replace(detail.draft, deeds="补充事迹。"))
    assert get_candidate(db, OFFICE, candidate_id).draft.deeds == "补充事迹。"


@pytest.mark.parametrize("state", [S.UNDER_REVIEW, S.SCORED])
def test_a_nomination_is_frozen_once_under_review(
    db: Database, program: int, state: CandidateState
) -> None:
    candidate_id = drive(db, program, state)
    detail = get_candidate(db, OFFICE, candidate_id)
    with pytest.raises(ValidationFailed) as caught:
        update_candidate(db, OFFICE, candidate_id, replace(detail.draft, deeds="改过的事迹。"))
    assert "cannot be changed" in str(caught.value)
    assert get_candidate(db, OFFICE, candidate_id).draft.deeds == DEEDS


# --- submit --------------------------------------------------------------------------------


def test_submitting_moves_to_nominated(db: Database, draft_id: int) -> None:
    submit(db, OFFICER, draft_id, today=NOMINATION_DAY)
    detail = get_candidate(db, OFFICE, draft_id)
    assert detail.state is S.NOMINATED
    (step,) = detail.history
    assert (step.from_state, step.to_state, step.actor) == (S.DRAFT, S.NOMINATED, "luyuan")


def test_an_incomplete_nomination_cannot_be_submitted(
    db: Database, program: int, member: int
) -> None:
    candidate_id = nominate(db, OFFICE, program, form(member, summary="", deeds=" "))
    with pytest.raises(ValidationFailed) as caught:
        submit(db, OFFICE, candidate_id, today=NOMINATION_DAY)
    assert set(caught.value.by_field()) == {"summary", "deeds"}
    assert state_of(db, candidate_id) is S.DRAFT


def test_the_deadline_day_itself_is_in_time(db: Database, draft_id: int) -> None:
    submit(db, OFFICE, draft_id, today=date(2026, 6, 30))
    assert state_of(db, draft_id) is S.NOMINATED


def test_a_nomination_after_the_deadline_is_refused(db: Database, draft_id: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        submit(db, OFFICE, draft_id, today=date(2026, 7, 1))
    assert "2026-06-30" in str(caught.value)
    assert state_of(db, draft_id) is S.DRAFT
    assert transitions_of(db, draft_id) == []


def test_a_program_without_a_deadline_takes_late_nominations(db: Database, member: int) -> None:
    program = make_program(db, nomination_deadline=None, review_deadline=None)
    candidate_id = nominate(db, OFFICE, program, form(member))
    submit(db, OFFICE, candidate_id, today=date(2026, 12, 30))
    assert state_of(db, candidate_id) is S.NOMINATED


def test_submitting_twice_gives_the_workflow_message(db: Database, draft_id: int) -> None:
    submit(db, OFFICE, draft_id, today=NOMINATION_DAY)
    with pytest.raises(ValidationFailed) as caught:
        submit(db, OFFICE, draft_id, today=date(2026, 12, 1))
    assert state_label(S.NOMINATED) in str(caught.value)
    assert len(transitions_of(db, draft_id)) == 1


def test_return_to_draft_needs_a_reason(db: Database, draft_id: int) -> None:
    submit(db, OFFICE, draft_id, today=NOMINATION_DAY)
    with pytest.raises(ValidationFailed):
        return_to_draft(db, OFFICE, draft_id, " ")
    return_to_draft(db, OFFICE, draft_id, "推荐单位要求补充材料")
    assert state_of(db, draft_id) is S.DRAFT
    assert transitions_of(db, draft_id)[-1].reason == "推荐单位要求补充材料"


# --- eligibility ---------------------------------------------------------------------------


def test_a_member_who_meets_every_rule_is_eligible(db: Database, draft_id: int) -> None:
    submit(db, OFFICE, draft_id, today=NOMINATION_DAY)
    results = check(db, OFFICER, draft_id)
    assert [r.rule for r in results] == list(RuleKey)
    assert all(r.passed for r in results)
    detail = get_candidate(db, OFFICE, draft_id)
    assert detail.state is S.ELIGIBLE
    assert [(r.rule, r.passed) for r in detail.eligibility] == [(r.rule, True) for r in results]
    with db.read() as session:
        candidate = session.get(Candidate, draft_id)
        assert candidate is not None
        stored = json.loads(candidate.eligibility_results)
    assert {key: stored[key] for key in RuleKey} == dict.fromkeys(RuleKey, True)


def test_a_member_below_the_skill_level_is_ineligible_with_reasons(
    db: Database, program: int
) -> None:
    candidate_id = nominate(db, OFFICE, program, form(add_member(db, 801, SkillLevel.SENIOR)))
    submit(db, OFFICE, candidate_id, today=NOMINATION_DAY)
    results = {r.rule: r for r in check(db, OFFICE, candidate_id)}
    assert state_of(db, candidate_id) is S.INELIGIBLE
    assert not results[RuleKey.SKILL].passed
    assert all(r.passed for key, r in results.items() if key is not RuleKey.SKILL)
    assert results[RuleKey.SKILL].reason.render() != results[RuleKey.AGE].reason.render()
    assert results[RuleKey.SKILL].reason.render().strip()


def test_each_failed_rule_is_reported(db: Database, program: int) -> None:
    member = add_member(db, 803, SkillLevel.SENIOR, honour=False)
    candidate_id = nominate(db, OFFICE, program, form(member))
    submit(db, OFFICE, candidate_id, today=NOMINATION_DAY)
    failed = {r.rule for r in check(db, OFFICE, candidate_id) if not r.passed}
    assert failed == {RuleKey.SKILL, RuleKey.PRIOR_HONOUR}


def test_a_corrected_record_passes_a_new_check(db: Database, program: int) -> None:
    member = add_member(db, 805, SkillLevel.SENIOR)
    candidate_id = nominate(db, OFFICE, program, form(member))
    submit(db, OFFICE, candidate_id, today=NOMINATION_DAY)
    check(db, OFFICE, candidate_id)
    corrected = member_draft(
        name="孙志远",
        id_number=fake_id(805, birth=date(1985, 3, 8)),
        card_number="GH-C-00805",
        skill_level=SkillLevel.SENIOR_TECHNICIAN,
        work_start_date=date(2005, 7, 1),
    )
    update_member(db, OFFICE, member, corrected, today=NOMINATION_DAY)
    assert all(r.passed for r in check(db, OFFICE, candidate_id))
    history = [(t.from_state, t.to_state) for t in transitions_of(db, candidate_id)]
    assert history[-2:] == [(S.NOMINATED, S.INELIGIBLE), (S.INELIGIBLE, S.ELIGIBLE)]


def test_a_draft_cannot_be_checked(db: Database, draft_id: int) -> None:
    with pytest.raises(ValidationFailed):
        check(db, OFFICE, draft_id)
    assert state_of(db, draft_id) is S.DRAFT


def test_an_override_needs_a_reason_and_is_audited(db: Database, program: int) -> None:
    candidate_id = drive(db, program, S.INELIGIBLE)
    with pytest.raises(ValidationFailed) as caught:
        override_eligibility(db, OFFICER, candidate_id, "  ")
    assert list(caught.value.by_field()) == ["reason"]
    assert state_of(db, candidate_id) is S.INELIGIBLE

    override_eligibility(db, OFFICER, candidate_id, "市总工会批复同意破格推荐")
    detail = get_candidate(db, OFFICE, candidate_id)
    assert detail.state is S.ELIGIBLE
    assert detail.eligibility_override == "市总工会批复同意破格推荐"
    assert not all(r.passed for r in detail.eligibility)  # the rules still say no
    step = detail.history[-1]
    assert (step.from_state, step.to_state) == (S.INELIGIBLE, S.ELIGIBLE)
    assert (step.actor, step.reason) == ("luyuan", "市总工会批复同意破格推荐")
    entry = audit_of(db, candidate_id)[-1]
    assert (entry.action, entry.actor) == (Action.STATUS_CHANGE, "luyuan")
    assert "市总工会批复同意破格推荐" in entry.summary
    assert entry.changes == {"state": ["ineligible", "eligible"]}


@pytest.mark.parametrize("state", [S.NOMINATED, S.ELIGIBLE])
def test_only_an_ineligible_candidate_can_be_overridden(
    db: Database, program: int, state: CandidateState
) -> None:
    candidate_id = drive(db, program, state)
    with pytest.raises(ValidationFailed):
        override_eligibility(db, OFFICE, candidate_id, "特批")
    assert state_of(db, candidate_id) is state
    assert get_candidate(db, OFFICE, candidate_id).eligibility_override == ""


# --- withdrawal and other moves ------------------------------------------------------------


@pytest.mark.parametrize(
    "state",
    [
        S.DRAFT,
        S.NOMINATED,
        S.ELIGIBLE,
        S.INELIGIBLE,
        S.UNDER_REVIEW,
        S.SCORED,
        S.SHORTLISTED,
        S.IN_PUBLICITY,
    ],
)
def test_a_candidate_can_be_withdrawn_before_a_decision(
    db: Database, program: int, state: CandidateState
) -> None:
    candidate_id = drive(db, program, state)
    with pytest.raises(ValidationFailed) as caught:
        withdraw(db, OFFICE, candidate_id, "")
    assert list(caught.value.by_field()) == ["reason"]
    assert state_of(db, candidate_id) is state

    withdraw(db, OFFICER, candidate_id, "本人申请撤回")
    detail = get_candidate(db, OFFICE, candidate_id)
    assert detail.state is S.WITHDRAWN
    assert detail.next_states == frozenset()
    step = detail.history[-1]
    assert (step.from_state, step.to_state, step.reason) == (state, S.WITHDRAWN, "本人申请撤回")


def test_nothing_follows_a_withdrawal(db: Database, draft_id: int) -> None:
    withdraw(db, OFFICE, draft_id, "本人申请撤回")
    for target in (S.WITHDRAWN, S.NOMINATED, S.DRAFT):
        with pytest.raises(ValidationFailed) as caught:
            transition(db, OFFICE, draft_id, target, "理由")
        assert state_label(S.WITHDRAWN) in str(caught.value)
    with pytest.raises(ValidationFailed):
        submit(db, OFFICE, draft_id, today=NOMINATION_DAY)
    assert len(transitions_of(db, draft_id)) == 1


def test_an_illegal_move_is_refused_naming_both_states(db: Database, draft_id: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        transition(db, OFFICE, draft_id, S.SHORTLISTED, "理由")
    assert state_label(S.DRAFT) in str(caught.value)
    assert state_label(S.SHORTLISTED) in str(caught.value)
    assert transitions_of(db, draft_id) == []
    assert [e.action for e in audit_of(db, draft_id)] == [Action.CREATE]


@pytest.mark.parametrize(
    ("state", "target"),
    [
        (S.DRAFT, S.NOMINATED),  # submit checks the texts and the deadline
        (S.NOMINATED, S.ELIGIBLE),  # check applies the rules
        (S.INELIGIBLE, S.ELIGIBLE),  # override asks for a reason
        (S.ELIGIBLE, S.UNDER_REVIEW),  # create_round assigns reviewers
        (S.UNDER_REVIEW, S.SCORED),  # close_round aggregates the scores
        (S.SHORTLISTED, S.IN_PUBLICITY),  # start_publicity sets the dates
        (S.IN_PUBLICITY, S.APPROVED),  # approve checks the objections
    ],
)
def test_moves_with_their_own_service_cannot_be_made_directly(
    db: Database, program: int, state: CandidateState, target: CandidateState
) -> None:
    candidate_id = drive(db, program, state)
    with pytest.raises(ValidationFailed):
        transition(db, OFFICE, candidate_id, target, "直接改状态")
    assert state_of(db, candidate_id) is state


def test_a_scored_candidate_can_be_rejected_with_a_reason(db: Database, program: int) -> None:
    candidate_id = drive(db, program, S.SCORED)
    with pytest.raises(ValidationFailed):
        transition(db, OFFICE, candidate_id, S.REJECTED)
    transition(db, OFFICE, candidate_id, S.REJECTED, "评委会决定不予推荐")
    assert state_of(db, candidate_id) is S.REJECTED


def test_every_move_is_recorded_with_who_when_and_why(db: Database, program: int) -> None:
    before = datetime.now() - timedelta(seconds=1)
    candidate_id = drive(db, program, S.SHORTLISTED)
    transition(db, OFFICER, candidate_id, S.SCORED, "名额调整")
    withdraw(db, OFFICER, candidate_id, "本人申请撤回")
    after = datetime.now() + timedelta(seconds=1)

    steps = transitions_of(db, candidate_id)
    moves = [(t.from_state, t.to_state) for t in steps]
    assert moves == [
        (S.DRAFT, S.NOMINATED),
        (S.NOMINATED, S.ELIGIBLE),
        (S.ELIGIBLE, S.UNDER_REVIEW),
        (S.UNDER_REVIEW, S.SCORED),
        (S.SCORED, S.SHORTLISTED),
        (S.SHORTLISTED, S.SCORED),
        (S.SCORED, S.WITHDRAWN),
    ]
    assert all(before <= t.at <= after for t in steps)
    assert [t.actor for t in steps] == ["cli"] * 5 + ["luyuan"] * 2
    assert [t.reason for t in steps] == ["", "", "", "", "评审排名靠前", "名额调整", "本人申请撤回"]

    changes = [e for e in audit_of(db, candidate_id) if e.action is Action.STATUS_CHANGE]
    assert [tuple(e.changes["state"]) for e in changes] == moves
    assert [e.actor for e in changes] == [t.actor for t in steps]
    for entry, step in zip(changes, steps, strict=True):
        assert step.reason in entry.summary
        at = datetime.fromisoformat(entry.at_local).replace(tzinfo=None)
        assert abs(at - step.at) < timedelta(seconds=2)


# --- lists and permissions -----------------------------------------------------------------


def test_the_list_shows_every_candidate_with_its_state(db: Database, program: int) -> None:
    ids = [drive(db, program, s) for s in (S.DRAFT, S.INELIGIBLE)]
    withdraw(db, OFFICE, ids[0], "本人申请撤回")
    rows = {row.id: row for row in list_candidates(db, VIEWER, program)}
    assert {i: rows[i].state for i in ids} == {ids[0]: S.WITHDRAWN, ids[1]: S.INELIGIBLE}
    assert rows[ids[1]].name == "孙志远"
    assert rows[ids[1]].nominating_unit == "测试机械厂"


def test_a_viewer_can_read_but_not_change(db: Database, program: int, draft_id: int) -> None:
    assert [row.id for row in list_candidates(db, VIEWER, program)] == [draft_id]
    assert get_candidate(db, VIEWER, draft_id).id == draft_id
    member = make_members(db, 1, first_sequence=401)[0]
    calls = [
        lambda: nominate(db, VIEWER, program, form(member)),
        lambda: update_candidate(db, VIEWER, draft_id, form(member)),
        lambda: submit(db, VIEWER, draft_id, today=NOMINATION_DAY),
        lambda: check(db, VIEWER, draft_id),
        lambda: override_eligibility(db, VIEWER, draft_id, "理由"),
        lambda: withdraw(db, VIEWER, draft_id, "理由"),
        lambda: return_to_draft(db, VIEWER, draft_id, "理由"),
        lambda: transition(db, VIEWER, draft_id, S.NOMINATED, "理由"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert state_of(db, draft_id) is S.DRAFT
    assert len(list_candidates(db, OFFICE, program)) == 1


def test_a_reviewer_cannot_list_or_read_candidates(
    db: Database, program: int, draft_id: int
) -> None:
    with pytest.raises(PermissionDenied):
        list_candidates(db, REVIEWER, program)
    with pytest.raises(PermissionDenied):
        get_candidate(db, REVIEWER, draft_id)


def test_a_missing_candidate_is_reported(db: Database) -> None:
    with pytest.raises(NotFound):
        get_candidate(db, OFFICE, 12345)
    with pytest.raises(NotFound):
        withdraw(db, OFFICE, 12345, "理由")
