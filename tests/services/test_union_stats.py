"""Union work statistics from a real database, checked against figures worked out by hand and
against an independent reading of the test's own register."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from helpers import OFFICE, TODAY, fake_id, member_draft
from selection_helpers import (
    NOMINATION_DAY,
    REVIEW_DAY,
    ROUND_CLOSES,
    ROUND_OPENS,
    make_candidates,
    make_program,
    make_reviewers,
    scores,
)
from selection_helpers import make_members as make_eligible_members
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import CandidateDraft
from unionDesk.domain.enums import (
    ChangeKind,
    HukouRegion,
    PoliticalStatus,
    Sex,
    SkillLevel,
)
from unionDesk.domain.periods import quarter_of
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.candidates import nominate, return_to_draft, submit, withdraw
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.members import create_member, delete_member, record_change
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.publicity import approve, reject, start_publicity
from unionDesk.services.results import shortlist
from unionDesk.services.reviews import submit_review
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.services.union_stats import (
    AGE_BANDS,
    OutcomeCounts,
    candidate_outcomes,
    membership_changes,
    membership_composition,
)
from unionDesk.store.db import Database
from unionDesk.store.selection_models import CandidateTransition

FIRST, LAST = date(2026, 4, 1), date(2026, 6, 30)  # 2026 Q2
VIEWER = Actor(61, "chakan", Role.VIEWER)
REVIEWER = Actor(62, "pingwei", Role.REVIEWER)
S = CandidateState


@dataclass(frozen=True)
class Person:
    """One member of the test register, with the history the test gives them."""

    name: str
    female: bool
    birth: date
    joined: date
    skill: SkillLevel = SkillLevel.SENIOR
    political: PoliticalStatus = PoliticalStatus.MASSES
    migrant: bool = False
    local: bool = True
    changes: tuple[tuple[ChangeKind, date], ...] = ()
    deleted: bool = False


P = PoliticalStatus
REGISTER = (
    Person("王𠈌", False, date(1990, 5, 17), date(2015, 3, 1), political=P.CPC_MEMBER),
    Person(
        "阿依古丽·买买提",
        True,
        date(1995, 8, 9),
        date(2018, 6, 1),
        SkillLevel.INTERMEDIATE,
        P.CYL_MEMBER,
        migrant=True,
        local=False,
    ),
    Person("李娜", True, date(1970, 6, 30), date(2010, 1, 1), SkillLevel.TECHNICIAN),
    Person("张伟", False, date(1980, 7, 1), date(2012, 1, 1), SkillLevel.NONE, local=False),
    Person("赵敏", True, date(1990, 6, 30), date(2016, 1, 1)),
    Person(
        "陈强",
        False,
        date(1990, 7, 1),
        date(2016, 1, 1),
        changes=((ChangeKind.TRANSFER_OUT, date(2026, 5, 10)),),
    ),
    Person("刘洋", False, date(1985, 2, 10), date(2026, 4, 15), migrant=True),
    Person(
        "周杰",
        False,
        date(1975, 3, 3),
        date(2010, 1, 1),
        changes=((ChangeKind.WITHDRAW, date(2026, 3, 31)),),
    ),
    Person(
        "吴刚",
        False,
        date(1960, 1, 1),
        date(2000, 1, 1),
        changes=((ChangeKind.DEATH, date(2026, 6, 30)),),
    ),
    Person(
        "郑洁",
        True,
        date(1975, 11, 11),
        date(2010, 1, 1),
        changes=(
            (ChangeKind.TRANSFER_OUT, date(2025, 12, 1)),
            (ChangeKind.TRANSFER_IN, date(2026, 5, 20)),
        ),
    ),
    Person("孙丽", True, date(1992, 1, 1), date(2026, 7, 1)),
    Person("钱多", False, date(1982, 1, 1), date(2014, 1, 1), deleted=True),
    Person(
        "马超",
        False,
        date(1978, 1, 1),
        date(2011, 1, 1),
        changes=((ChangeKind.EXPEL, date(2026, 4, 30)),),
    ),
    Person(
        "欧阳娜娜",
        True,
        date(2000, 3, 15),
        date(2020, 9, 1),
        political=P.CPC_PROBATIONARY,
        migrant=True,
        local=False,
    ),
)


def add_person(db: Database, person: Person, number: int) -> int:
    sequence = 100 + 2 * number + (0 if person.female else 1)  # odd: male
    draft = member_draft(
        name=person.name,
        id_number=fake_id(sequence, birth=person.birth),
        card_number=f"US-{number:04d}",
        skill_level=person.skill,
        political_status=person.political,
        migrant_worker=person.migrant,
        hukou_region=HukouRegion.LOCAL if person.local else HukouRegion.OTHER,
        work_start_date=person.joined,
        join_date=person.joined,
    )
    member_id = create_member(db, OFFICE, draft, today=TODAY)
    for kind, on in person.changes:
        record_change(db, OFFICE, member_id, kind, on, "会籍变化", today=TODAY)
    if person.deleted:
        delete_member(db, OFFICE, member_id, "重复录入")
    return member_id


@pytest.fixture
def register(db: Database) -> tuple[Person, ...]:
    for number, person in enumerate(REGISTER):
        add_person(db, person, number)
    return REGISTER


# --- the test's own reading of its register --------------------------------------------------


def history(person: Person) -> list[tuple[ChangeKind, date]]:
    return [(ChangeKind.JOIN, person.joined), *person.changes]


def member_on(person: Person, day: date) -> bool:
    if person.deleted:
        return False
    before = [kind for kind, on in history(person) if on <= day]
    return bool(before) and before[-1] in (ChangeKind.JOIN, ChangeKind.TRANSFER_IN)


def age(birth: date, day: date) -> int:
    years = day.year - birth.year
    return years - 1 if (day.month, day.day) < (birth.month, birth.day) else years


def band(years: int) -> int:
    for index, (lowest, highest) in enumerate(AGE_BANDS):
        if (lowest is None or years >= lowest) and (highest is None or years <= highest):
            return index
    raise AssertionError(years)


def expected_ages(people: tuple[Person, ...], day: date) -> list[int]:
    counts = Counter(band(age(p.birth, day)) for p in people if member_on(p, day))
    return [counts[index] for index in range(len(AGE_BANDS))]


# --- composition -----------------------------------------------------------------------------


def test_composition_at_the_end_of_the_quarter_by_hand(db, register):
    seen = membership_composition(db, OFFICE, LAST)
    # 王𠈌, 阿依古丽·买买提, 李娜, 张伟, 赵敏, 刘洋 (joined 4-15), 郑洁 (back 5-20), 欧阳娜娜
    assert seen.on == LAST and seen.total == 8
    assert seen.by_sex == ((Sex.MALE, 3), (Sex.FEMALE, 5))
    # 30 and 26 | 36 (王𠈌), 45 (张伟, 46 the next day), 36 (赵敏, that day), 41 | 50 | 56
    assert [b.count for b in seen.by_age] == [2, 4, 1, 1]
    assert [(b.lowest, b.highest) for b in seen.by_age] == list(AGE_BANDS)
    assert dict(seen.by_skill) == {
        **dict.fromkeys(SkillLevel, 0),
        SkillLevel.NONE: 1,
        SkillLevel.INTERMEDIATE: 1,
        SkillLevel.SENIOR: 5,
        SkillLevel.TECHNICIAN: 1,
    }
    assert [level for level, _ in seen.by_skill] == list(SkillLevel)
    assert dict(seen.by_political) == {
        **dict.fromkeys(PoliticalStatus, 0),
        P.CPC_MEMBER: 1,
        P.CPC_PROBATIONARY: 1,
        P.CYL_MEMBER: 1,
        P.MASSES: 5,
    }
    assert seen.migrant_workers == 3  # 阿依古丽·买买提, 刘洋, 欧阳娜娜
    assert seen.non_local == 3  # 阿依古丽·买买提, 张伟, 欧阳娜娜


@pytest.mark.parametrize(
    "day", [date(2015, 3, 1), date(2026, 3, 31), date(2026, 5, 19), date(2026, 7, 1), TODAY]
)
def test_composition_agrees_with_the_register_read_independently(db, register, day):
    seen = membership_composition(db, OFFICE, day)
    present = [p for p in register if member_on(p, day)]
    assert seen.total == len(present)
    assert dict(seen.by_sex)[Sex.FEMALE] == sum(p.female for p in present)
    assert [b.count for b in seen.by_age] == expected_ages(register, day)
    assert dict(seen.by_skill) == {s: sum(p.skill is s for p in present) for s in SkillLevel}
    assert seen.migrant_workers == sum(p.migrant for p in present)
    assert seen.non_local == sum(not p.local for p in present)
    for breakdown in (seen.by_sex, seen.by_skill, seen.by_political):
        assert sum(count for _, count in breakdown) == seen.total
    assert sum(b.count for b in seen.by_age) == seen.total


def shifted(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 3, 1)


# Days the age bands are tried on, and people born on, just before and just after each limit.
LIMIT_DAYS = (date(2026, 6, 30), date(2027, 2, 28), date(2028, 2, 29), date(2027, 3, 1))
BIRTHS = sorted(
    {
        shifted(day, years) + timedelta(days=delta)
        for day in LIMIT_DAYS
        for years in (36, 46, 55)
        for delta in (-1, 0, 1)
    }
    | {date(1972, 2, 29), date(1980, 2, 29), date(1988, 2, 29), date(1992, 2, 29)}
)


@pytest.fixture
def birthdays(db: Database) -> tuple[Person, ...]:
    people = tuple(
        Person(f"测试{chr(0x4E00 + n)}", n % 2 == 0, birth, date(2015, 1, 1))
        for n, birth in enumerate(BIRTHS)
    )
    for number, person in enumerate(people):
        add_person(db, person, number)
    return people


@pytest.mark.parametrize("day", LIMIT_DAYS)
def test_age_bands_turn_on_the_birthday_itself(db, birthdays, day):
    seen = membership_composition(db, OFFICE, day)
    assert [b.count for b in seen.by_age] == expected_ages(birthdays, day)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(day=st.dates(date(2015, 1, 1), date(2045, 12, 31)))
def test_age_bands_match_full_years_on_any_day(db, birthdays, day):
    seen = membership_composition(db, OFFICE, day)
    assert [b.count for b in seen.by_age] == expected_ages(birthdays, day)


def test_an_empty_register_has_zero_in_every_line(db):
    seen = membership_composition(db, OFFICE, LAST)
    assert seen.total == 0 and all(count == 0 for _, count in seen.by_sex)
    assert [b.count for b in seen.by_age] == [0, 0, 0, 0]


# --- joins and leaves -------------------------------------------------------------------------


def test_joins_and_leaves_of_the_quarter_by_hand(db, register):
    seen = membership_changes(db, OFFICE, FIRST, LAST)
    assert dict(seen.by_kind) == {
        ChangeKind.JOIN: 1,  # 刘洋
        ChangeKind.TRANSFER_IN: 1,  # 郑洁
        ChangeKind.TRANSFER_OUT: 1,  # 陈强
        ChangeKind.WITHDRAW: 0,  # 周杰 left on 3-31, the day before
        ChangeKind.EXPEL: 1,  # 马超
        ChangeKind.DEATH: 1,  # 吴刚, on the last day
    }
    assert [kind for kind, _ in seen.by_kind] == list(ChangeKind)
    assert (seen.opening, seen.admitted, seen.left, seen.closing) == (9, 2, 3, 8)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.dates(date(2009, 1, 1), date(2027, 1, 1)),
    days=st.integers(0, 800),
)
def test_opening_plus_joins_minus_leaves_is_closing(db, register, first, days):
    last = first + timedelta(days=days)
    seen = membership_changes(db, OFFICE, first, last)
    assert seen.opening + seen.admitted - seen.left == seen.closing
    assert seen.opening == sum(member_on(p, first - timedelta(days=1)) for p in register)
    assert seen.closing == membership_composition(db, OFFICE, last).total
    in_period = Counter(
        kind for p in register if not p.deleted for kind, on in history(p) if first <= on <= last
    )
    assert dict(seen.by_kind) == {kind: in_period[kind] for kind in ChangeKind}


def test_a_period_ending_before_it_starts_is_refused(db):
    with pytest.raises(ValidationFailed) as refused:
        membership_changes(db, OFFICE, LAST, FIRST)
    assert refused.value.problems[0].field == "last"
    with pytest.raises(ValidationFailed):
        candidate_outcomes(db, OFFICE, LAST, FIRST)


def test_membership_figures_need_the_right_to_see_members(db):
    with pytest.raises(PermissionDenied):
        membership_composition(db, REVIEWER, LAST)
    with pytest.raises(PermissionDenied):
        membership_changes(db, REVIEWER, FIRST, LAST)
    assert membership_composition(db, VIEWER, LAST).total == 0


# --- candidates -------------------------------------------------------------------------------

PUBLICITY_START, DECISION_DAY = date(2026, 9, 1), date(2026, 9, 30)


@dataclass(frozen=True)
class Selection:
    program_id: int
    approved: int
    rejected: int
    withdrawn: int
    pending: int  # eligible, never put in a round
    draft: int  # never handed in


def run_selection(db: Database) -> Selection:
    """Five members of one program: approved, rejected, withdrawn, pending and a draft."""
    program_id = make_program(db)
    members = make_eligible_members(db, 5, first_sequence=701)
    approved, rejected, withdrawn, pending = make_candidates(db, program_id, members[:4])
    draft = nominate(
        db, OFFICE, program_id, CandidateDraft(members[4], "测试机械厂", "一线职工", "", "")
    )
    reviewers = make_reviewers(db, 3)
    round_id = create_round(
        db,
        OFFICE,
        RoundDraft(
            program_id,
            "第一轮评审",
            ROUND_OPENS,
            ROUND_CLOSES,
            reviewers[0].user_id,
            tuple(r.user_id for r in reviewers if r.user_id is not None),
            (approved, rejected, withdrawn),
        ),
    )
    for reviewer in reviewers:
        for candidate_id in (approved, rejected, withdrawn):
            values = scores("18", "35", "20", "12")
            submit_review(db, reviewer, round_id, candidate_id, values, "", today=REVIEW_DAY)
    close_round(db, OFFICE, round_id)
    withdraw(db, OFFICE, withdrawn, "本人申请撤回")
    shortlist(db, OFFICE, [approved, rejected], "评审排名靠前")
    start_publicity(
        db,
        OFFICE,
        program_id,
        [approved, rejected],
        PUBLICITY_START,
        quota_override_reason="测试",
        today=PUBLICITY_START,
    )
    approve(db, OFFICE, approved, today=DECISION_DAY)
    reject(db, OFFICE, rejected, "公示期间异议经核实属实")
    return Selection(program_id, approved, rejected, withdrawn, pending, draft)


def backdate(db: Database, candidate_id: int, at: datetime) -> None:
    """Move every step of a candidate's history to ``at`` (the services record "now")."""
    with db.write() as session:
        session.execute(
            update(CandidateTransition)
            .where(CandidateTransition.candidate_id == candidate_id)
            .values(at=at)
        )


@pytest.fixture
def selection(db: Database) -> Selection:
    return run_selection(db)


def this_quarter() -> tuple[date, date]:
    quarter = quarter_of(date.today())
    return quarter.start, quarter.end


def test_outcomes_of_the_quarter_the_selection_ran_in(db, selection):
    first, last = this_quarter()
    seen = candidate_outcomes(db, OFFICE, first, last)
    counts = OutcomeCounts(submitted=4, approved=1, rejected=1, withdrawn=1, pending=1)
    assert seen.totals == counts
    [line] = seen.programs
    assert (line.program_id, line.counts) == (selection.program_id, counts)
    assert line.honour_title == "北京大工匠" and line.year == 2026
    decided = {d.candidate_id: (d.state, d.name, d.decided_on) for d in seen.decisions}
    today = date.today()
    assert decided == {
        selection.approved: (S.APPROVED, "王建国", today),
        selection.rejected: (S.REJECTED, "李秀英", today),
        selection.withdrawn: (S.WITHDRAWN, "张卫东", today),
    }
    approved = next(d for d in seen.decisions if d.state is S.APPROVED)
    assert (approved.program, approved.category) == (line.name, "一线职工")


def test_outcomes_count_in_the_period_their_step_was_taken(db, selection):
    backdate(db, selection.withdrawn, datetime(2026, 6, 30, 23, 59))
    backdate(db, selection.pending, datetime(2026, 8, 15, 10, 0))
    backdate(db, selection.draft, datetime(2026, 8, 15, 10, 0))
    second = candidate_outcomes(db, OFFICE, FIRST, LAST)
    assert second.totals == OutcomeCounts(1, 0, 0, 1, 0)
    assert [d.candidate_id for d in second.decisions] == [selection.withdrawn]
    third = candidate_outcomes(db, OFFICE, date(2026, 7, 1), date(2026, 9, 30))
    assert third.totals == OutcomeCounts(1, 0, 0, 0, 1)  # the pending one; a draft is nothing
    assert third.decisions == ()
    first, last = this_quarter()
    now = candidate_outcomes(db, OFFICE, first, last)
    assert now.totals == OutcomeCounts(2, 1, 1, 0, 1)  # the pending one is still pending
    assert candidate_outcomes(db, OFFICE, date(2025, 1, 1), date(2025, 12, 31)).programs == ()


def test_a_nomination_handed_in_twice_counts_once(db):
    program_id = make_program(db)
    [member] = make_eligible_members(db, 1, first_sequence=801)
    candidate = nominate(
        db, OFFICE, program_id, CandidateDraft(member, "测试机械厂", "一线职工", "事迹", "事迹")
    )
    submit(db, OFFICE, candidate, today=NOMINATION_DAY)
    return_to_draft(db, OFFICE, candidate, "补充材料")
    submit(db, OFFICE, candidate, today=NOMINATION_DAY)
    first, last = this_quarter()
    seen = candidate_outcomes(db, OFFICE, first, last)
    assert seen.totals == OutcomeCounts(1, 0, 0, 0, 1)


def test_selection_figures_need_the_right_to_see_the_selection(db):
    with pytest.raises(PermissionDenied):
        candidate_outcomes(db, REVIEWER, FIRST, LAST)
    assert candidate_outcomes(db, VIEWER, FIRST, LAST).programs == ()
