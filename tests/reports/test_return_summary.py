"""工会工作统计表: the figures of the services come out of the PDF and the JSON unchanged."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import update

from activity_helpers import enter_members, make_competition
from activity_helpers import make_members as make_plain_members
from helpers import OFFICE, TODAY, fake_id, member_draft
from returns_helpers import pdf_text
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
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.enums import ChangeKind, HukouRegion, SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.periods import Period
from unionDesk.services.candidates import withdraw
from unionDesk.services.competition_entries import create_team
from unionDesk.services.competitions import CompetitionQuery, list_competitions
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import create_event, set_attendance
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member, record_change
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.publicity import approve, start_publicity
from unionDesk.services.results import shortlist
from unionDesk.services.returns import ReturnRequest, ReturnType, generate
from unionDesk.services.reviews import submit_review
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.services.union_stats import (
    candidate_outcomes,
    membership_changes,
    membership_composition,
)
from unionDesk.store.selection_models import CandidateTransition

NOW = datetime(2026, 11, 21, 10, 5)
PERIOD = Period(2026, 4)
COMPETITION = "2026年第四季度数控车工技能竞赛"
DECIDED_AT = datetime(2026, 10, 20, 9, 30)  # when the selection's steps are dated
OFFICER = Actor(7, "luru", Role.OFFICER)


def eligible(db, name: str, sequence: int, birth: date) -> int:
    """An active member who meets the 北京大工匠 rules (高级技师, a district honour)."""
    draft = member_draft(
        name=name,
        id_number=fake_id(sequence, birth=birth),
        card_number=f"GH-R-{sequence:04d}",
        skill_level=SkillLevel.SENIOR_TECHNICIAN,
        work_start_date=date(2005, 7, 1),
        hukou_region=HukouRegion.OTHER,
        migrant_worker=True,
    )
    member_id = create_member(db, OFFICE, draft, today=NOMINATION_DAY)
    honour = HonourDraft("区级技术能手", HonourLevel.DISTRICT, 2020, "北京市朝阳区人民政府")
    add_honour(db, OFFICE, member_id, honour, today=NOMINATION_DAY)
    return member_id


def select(db, members: list[int]) -> list[int]:
    """Nominate ``members``: the first two approved, the third withdrawn (dated DECIDED_AT)."""
    program_id = make_program(db)
    candidates = make_candidates(db, program_id, members)
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
            tuple(candidates[:2]),
        ),
    )
    for reviewer in reviewers:
        for candidate_id in candidates[:2]:
            values = scores("18", "35", "20", "12")
            submit_review(db, reviewer, round_id, candidate_id, values, "", today=REVIEW_DAY)
    close_round(db, OFFICE, round_id)
    shortlist(db, OFFICE, candidates[:2])
    start = date(2026, 9, 1)
    start_publicity(
        db, OFFICE, program_id, candidates[:2], start, quota_override_reason="测试", today=start
    )
    for candidate_id in candidates[:2]:
        approve(db, OFFICE, candidate_id, today=date(2026, 9, 30))
    withdraw(db, OFFICE, candidates[2], "本人申请撤回")
    with db.write() as session:  # the services date each step "now"; fix them in the quarter
        session.execute(update(CandidateTransition).values(at=DECIDED_AT))
    return candidates


def add_event(db, kind, title, starts_at, hours, guests, attendees, ends_at=None) -> int:
    draft = EventDraft(
        kind, title, starts_at, ends_at, "职工之家", "公司工会", "", Decimal(hours), guests
    )
    event_id = create_event(db, OFFICE, draft, now=NOW)
    set_attendance(db, OFFICE, event_id, attendees)
    return event_id


@pytest.fixture
def union(db) -> None:
    wang = eligible(db, "王𠈌", 101, date(1975, 3, 8))
    ayguli = eligible(db, "阿依古丽·买买提", 102, date(1988, 12, 1))
    shan = eligible(db, "单雄", 103, date(1960, 1, 1))
    plain = make_plain_members(db, 5, first_sequence=401)  # 王建国 … 陈建国, born 1990
    joined = member_draft(
        name="欧阳娜娜",
        id_number=fake_id(500, birth=date(2001, 4, 4)),
        card_number="GH-Q4-0001",
        work_start_date=date(2026, 10, 10),
        join_date=date(2026, 10, 10),
    )
    create_member(db, OFFICE, joined, today=TODAY)
    record_change(db, OFFICE, plain[4], ChangeKind.WITHDRAW, date(2026, 11, 1), "辞职", today=TODAY)
    select(db, [wang, ayguli, shan])
    competition = make_competition(
        db, name=COMPETITION, starts_on=date(2026, 10, 15), ends_on=date(2026, 10, 16)
    )
    enter_members(db, competition, plain[:3])
    create_team(db, OFFICE, competition, "精益求精队", [wang, ayguli])
    earlier = make_competition(
        db, name="第三季度安全知识竞赛", starts_on=date(2026, 8, 1), ends_on=None
    )
    enter_members(db, earlier, plain[:1])
    add_event(
        db,
        EventType.READING,
        "职工书屋读书分享会",
        datetime(2026, 10, 12, 14),
        "2",
        2,
        [wang, plain[0], plain[1]],
    )
    add_event(
        db,
        EventType.FITNESS,
        "工间操比赛",
        datetime(2026, 11, 5, 9),
        "1.5",
        0,
        [wang, ayguli, plain[0], plain[2]],
        ends_at=datetime(2026, 11, 6, 17),
    )
    add_event(db, EventType.OTHER, "九月联欢会", datetime(2026, 9, 30, 19), "3", 5, plain[:4])


def summary(db, actor, **options):
    return generate(db, actor, ReturnRequest(ReturnType.SUMMARY, PERIOD, **options), now=NOW)


def counts(lines):
    return {line["label"]: line["count"] for line in lines}


def test_the_figures_worked_out_by_hand(db, admin, union):
    data = summary(db, admin).data
    membership = data["membership"]
    # 3 eligible + 4 plain (one of 5 withdrew) + 欧阳娜娜 = 8 at 2026-12-31
    assert membership["total"] == 8
    assert counts(membership["by_sex"]) == {"男": 6, "女": 2}  # 阿依古丽·买买提, 欧阳娜娜
    # 25 (欧阳娜娜) | 38 (阿依古丽·买买提), 36 ×4 (1990-born) | 51 (王𠈌) | 66 (单雄)
    assert counts(membership["by_age"]) == {
        "35岁及以下": 1,
        "36～45岁": 5,
        "46～54岁": 1,
        "55岁及以上": 1,
    }
    assert counts(membership["by_skill"])["高级技师"] == 3
    assert counts(membership["by_skill"])["高级工"] == 5
    assert (membership["migrant_workers"], membership["non_local"]) == (3, 3)
    changes = data["changes"]
    assert (changes["opening"], changes["admitted"], changes["left"], changes["closing"]) == (
        8,
        1,
        1,
        8,
    )
    assert counts(changes["by_kind"]) == {
        "入会": 1,
        "转入": 0,
        "转出": 0,
        "退会": 1,
        "除名": 0,
        "去世": 0,
    }
    competitions = data["competitions"]
    [item] = competitions["items"]  # the third quarter's competition is left out
    assert (item["name"], item["dates"], item["type"], item["level"]) == (
        COMPETITION,
        "2026-10-15～10-16",
        "技能竞赛",
        "企业级",
    )
    assert (item["individuals"], item["teams"], item["participants"]) == (3, 1, 5)
    culture = data["culture"]
    assert (culture["events"], culture["attendances"], culture["guests"]) == (2, 7, 2)
    assert culture["participants"] == 5  # 王𠈌, 阿依古丽·买买提, 王建国, 李建国, 张建国
    assert culture["member_hours"] == 12.0  # 2 h × 3 + 1.5 h × 4
    selection = data["selection"]
    assert selection["totals"] == {
        "submitted": 3,
        "approved": 2,
        "rejected": 0,
        "withdrawn": 1,
        "pending": 0,
    }
    [program] = selection["programs"]
    assert {k: program[k] for k in selection["totals"]} == selection["totals"]
    assert [a["name"] for a in selection["approved"]] == ["阿依古丽·买买提", "王𠈌"]  # pinyin
    assert {a["decided_on"] for a in selection["approved"]} == {"2026-10-20"}


def test_the_json_figures_are_the_service_figures(db, admin, union):
    data = summary(db, admin).data
    first, last = PERIOD.start, PERIOD.end
    composition = membership_composition(db, admin, last)
    assert data["membership"]["total"] == composition.total
    assert [line["count"] for line in data["membership"]["by_political"]] == [
        count for _, count in composition.by_political
    ]
    changes = membership_changes(db, admin, first, last)
    assert [line["count"] for line in data["changes"]["by_kind"]] == [
        count for _, count in changes.by_kind
    ]
    stats = event_stats(db, admin, first, last)
    culture = data["culture"]
    assert (culture["events"], culture["participants"], culture["members"]) == (
        stats.events,
        stats.participants,
        stats.members,
    )
    assert culture["participation_rate"] == float(stats.participation_rate)
    assert [line["events"] for line in culture["by_type"]] == [t.events for t in stats.by_type]
    outcomes = candidate_outcomes(db, admin, first, last)
    assert data["selection"]["totals"]["approved"] == outcomes.totals.approved
    [row] = [
        r
        for r in list_competitions(db, admin, CompetitionQuery(year=2026))
        if r.name == COMPETITION
    ]
    assert data["competitions"]["items"][0]["individuals"] + 1 == row.entries
    json.dumps(data)  # the data file can be written as it is


def test_the_pdf_prints_the_figures_and_the_names(db, admin, union):
    made = summary(db, admin)
    text = pdf_text(made.pdf)
    for name in ("王𠈌", "阿依古丽·买买提", COMPETITION, "北京大工匠"):
        assert name in text
    assert "九月联欢会" not in text and "第三季度安全知识竞赛" not in text
    assert "工会工作统计表" in text and "2026年第四季度" in text
    # the first line of counts: total, male, female, four age bands, 农民工, 非京籍
    assert re.search(r"\b8\s+6\s+2\s+1\s+5\s+1\s+1\s+3\s+3\b", text)
    # opening, admitted, join, transfer in, left, transfer out, withdraw, expel, death, closing
    assert re.search(r"\b8\s+1\s+1\s+0\s+1\s+0\s+1\s+0\s+0\s+8\b", text)
    assert re.search(r"合计（1项）\s+3\s+1\s+5", text)
    assert re.search(r"合计\s+2\s+7\s+2\s+12\.0", text)
    assert re.search(r"合计\s+3\s+2\s+0\s+1\s+0", text)
    assert re.search(r"第\s*1\s*页\s*/\s*共\s*\d+\s*页", text)


def test_a_period_with_nothing_in_it_is_refused_with_a_clear_message(db, admin):
    with pytest.raises(ValidationFailed) as refused:
        summary(db, admin)
    message = refused.value.problems[0].render()
    assert "2026年第四季度" in message and "nothing to report" in message


def test_an_officer_may_make_it_but_not_with_full_id_numbers(db, union):
    assert summary(db, OFFICER).data["membership"]["total"] == 8
    with pytest.raises(PermissionDenied):
        summary(db, OFFICER, full_ids=True)
    with pytest.raises(PermissionDenied):
        summary(db, Actor(9, "chakan", Role.VIEWER))


def test_a_year_takes_in_every_quarter(db, admin, union):
    year = Period(2026, None)
    data = generate(db, admin, ReturnRequest(ReturnType.SUMMARY, year), now=NOW).data
    assert data["period_label"] == "2026年度" and data["as_of"] == "2026-12-31"
    assert data["competitions"]["count"] == 2
    assert [item["dates"] for item in data["competitions"]["items"]] == [
        "2026-08-01",
        "2026-10-15～10-16",
    ]
    assert data["culture"]["events"] == 3
    assert (data["changes"]["opening"], data["changes"]["closing"]) == (8, 8)
