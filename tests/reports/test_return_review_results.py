"""评审结果汇总表: the ranking printed is the results screen's, publicity outcome included."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from helpers import fake_id, member_draft
from returns_helpers import pdf_text, text_bottoms
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
from unionDesk.domain.access import Actor
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.periods import Period
from unionDesk.domain.review import ConflictKind
from unionDesk.reports import review_results as layout
from unionDesk.reports.layout import Letterhead, build_pdf
from unionDesk.services.candidates import withdraw
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member
from unionDesk.services.objections import add_objection
from unionDesk.services.publicity import approve, start_publicity
from unionDesk.services.results import program_results, shortlist
from unionDesk.services.return_review_results import figure
from unionDesk.services.returns import GeneratedReturn, ReturnRequest, ReturnType, generate
from unionDesk.services.reviews import recuse, submit_review
from unionDesk.services.rounds import RoundDraft, close_round, create_round

NOW = datetime(2026, 11, 21, 10, 5)
PERIOD = Period(2026, 3)
NAMES = ("王𠈌", "阿依古丽·买买提", "李秀英", "张卫东", "刘芳", "陈志强")
PUBLICITY_START, DURING_PUBLICITY = date(2026, 9, 1), date(2026, 9, 3)
MM = 72 / 25.4
# Each reviewer's values (思想品德/20, 技能水平/40, 创新成果/25, 示范作用/15) per candidate.
SCORES = {
    "王𠈌": [("18", "37", "23", "14")] * 3 + [("19", "38", "24", "14"), ("17", "36", "22", "13")],
    "阿依古丽·买买提": [("16", "33", "20", "12"), ("17", "34", "21", "12")] * 2
    + [("16", "32", "20", "11")],
    "李秀英": [("16", "33", "20", "12"), ("17", "34", "21", "12")] * 2 + [("16", "32", "20", "11")],
    "张卫东": [
        ("19", "39", "24", "15"),
        ("8", "15", "9", "5"),
        ("18", "36", "20", "13"),
        ("10", "18", "10", "6"),
        ("17", "35", "21", "12"),
    ],
    "刘芳": [("15", "30", "18", "10")] * 3,  # two reviewers recuse: below the quorum of 4
    "陈志强": [("14", "28", "17", "10")] * 5,
}


@dataclass(frozen=True)
class Selection:
    """A program with one closed round: candidate ids by name, and its reviewers."""

    program: int
    round: int
    ids: dict[str, int]
    reviewers: list[Actor]


def add_members(db, admin) -> list[int]:
    """Members meeting the 北京大工匠 rules (高级技师, 20 years of service, district honour)."""
    ids = []
    for index, name in enumerate(NAMES):
        birth = date(1975 + index, 4, 12)
        member = create_member(
            db,
            admin,
            member_draft(
                name=name,
                id_number=fake_id(501 + 2 * index, birth=birth),
                card_number=f"GH-R-{index}",
                skill_level=SkillLevel.SENIOR_TECHNICIAN,
                work_start_date=date(2000, 7, 1),
                join_date=date(2001, 3, 1),
            ),
            today=NOMINATION_DAY,
        )
        honour = HonourDraft("区级技术能手", HonourLevel.DISTRICT, 2019, "北京市朝阳区人民政府")
        add_honour(db, admin, member, honour, today=NOMINATION_DAY)
        ids.append(member)
    return ids


def score_round(db, round_id: int, ids: dict[str, int], reviewers: list[Actor]) -> None:
    for name, values in SCORES.items():
        for reviewer, given in zip(reviewers, values, strict=False):
            submit_review(db, reviewer, round_id, ids[name], scores(*given), "", today=REVIEW_DAY)
    for reviewer in reviewers[3:]:
        recuse(
            db,
            reviewer,
            round_id,
            ids["刘芳"],
            ConflictKind.SAME_UNIT,
            "同一车间",
            today=REVIEW_DAY,
        )


@pytest.fixture
def open_round(db, admin) -> Selection:
    program = make_program(db)
    candidates = make_candidates(db, program, add_members(db, admin), categories=["一线职工"])
    ids = dict(zip(NAMES, candidates, strict=True))
    reviewers = make_reviewers(db, 5)
    round_id = create_round(
        db,
        admin,
        RoundDraft(
            program_id=program,
            name="第一轮评审",
            opens_on=ROUND_OPENS,
            closes_on=ROUND_CLOSES,
            chair_user_id=reviewers[0].user_id,
            reviewer_ids=tuple(r.user_id for r in reviewers if r.user_id is not None),
            candidate_ids=tuple(candidates),
        ),
    )
    score_round(db, round_id, ids, reviewers)
    return Selection(program, round_id, ids, reviewers)


@pytest.fixture
def selection(db, admin, open_round) -> Selection:
    """The round closed; the top three publicised from 1 September, one objection pending."""
    ids = open_round.ids
    close_round(db, admin, open_round.round)
    top = [ids["王𠈌"], ids["阿依古丽·买买提"], ids["李秀英"]]
    shortlist(db, admin, top)
    start_publicity(db, admin, open_round.program, top, PUBLICITY_START, today=date(2026, 8, 31))
    add_objection(
        db,
        admin,
        ids["阿依古丽·买买提"],
        DURING_PUBLICITY,
        "反映其专利署名存疑。",
        today=DURING_PUBLICITY,
    )
    approve(db, admin, ids["王𠈌"], today=date(2026, 9, 10))
    return open_round


def results_sheet(db, actor, program: int | None, now: datetime = NOW) -> GeneratedReturn:
    request = ReturnRequest(ReturnType.REVIEW_RESULTS, PERIOD, subject_id=program)
    return generate(db, actor, request, now=now)


def rows_by_name(made: GeneratedReturn) -> dict[str, dict]:
    return {row["name"]: row for row in made.data["rows"]}


def test_the_figures_are_those_of_the_results_screen(db, admin, selection):
    made = results_sheet(db, admin, selection.program)
    screen = program_results(db, admin, selection.program)
    assert [row["candidate_id"] for row in made.data["rows"]] == [
        row.candidate_id for row in screen.rows
    ]
    for printed, shown in zip(made.data["rows"], screen.rows, strict=True):
        figures = shown.aggregate
        assert printed["rank"] == shown.rank and printed["tied"] == shown.tied
        assert printed["score"] == figure(figures.score)
        assert printed["mean"] == figure(figures.mean)
        assert printed["median"] == figure(figures.median)
        assert printed["stdev"] == figure(figures.stdev)
        assert printed["valid_reviews"] == figures.valid_count
        assert printed["insufficient"] == figures.insufficient
    assert json.loads(json.dumps(made.data, ensure_ascii=False)) == made.data  # the JSON file
    rows = rows_by_name(made)
    assert rows["王𠈌"]["score"] == 92.0  # 88 and 95 dropped and rows["王𠈌"]["rank_label"] == "1"
    assert rows["王𠈌"]["notes"] == "已去掉一个最高分和一个最低分"


def test_names_ties_quorum_and_disagreement_read_back(db, admin, selection):
    made = results_sheet(db, admin, selection.program)
    rows = rows_by_name(made)
    text = pdf_text(made.pdf)
    for name in NAMES:
        assert name in text
    assert rows["阿依古丽·买买提"]["rank_label"] == rows["李秀英"]["rank_label"] == "并列2"
    assert text.count("并列2") == 2
    assert rows["刘芳"]["rank"] is None and rows["刘芳"]["score"] is None
    assert (rows["刘芳"]["valid_reviews"], rows["刘芳"]["reviewers"]) == (3, 5)
    assert "不足法定人数" in text and "3/5" in text
    assert "分歧较大" in rows["张卫东"]["notes"]
    assert f"{rows['张卫东']['stdev']:.2f}" in text
    assert f"{rows['王𠈌']['score']:.2f}" in text
    assert made.data["totals"] == {
        "candidates": 6,
        "ranked": 5,
        "insufficient": 1,
        "tied": 2,
        "disagreement": 1,
        "publicity_clear": 2,
    }
    assert made.data["rounds"][0]["round"] == "第一轮评审"
    assert made.data["rounds"][0]["chair"] == "评委1" and made.data["rounds"][0]["reviewers"] == 5
    assert "第一轮评审" in text and "评委1" in text


def test_no_objection_is_printed_only_when_the_publicity_ended_clear(db, admin, selection):
    made = results_sheet(db, admin, selection.program)
    outcomes = {
        name: row["publicity"] and row["publicity"]["outcome"]
        for name, row in rows_by_name(made).items()
    }
    assert outcomes == {
        "王𠈌": "公示期满无异议",
        "阿依古丽·买买提": "公示期满，1 件异议待处理",
        "李秀英": "公示期满无异议",
        "张卫东": None,
        "刘芳": None,
        "陈志强": None,
    }
    assert rows_by_name(made)["王𠈌"]["state"] == "通过"
    text = pdf_text(made.pdf)
    assert "1 件异议待处理" in text and text.count("未公示") == 3
    during = results_sheet(db, admin, selection.program, now=datetime(2026, 9, 3, 9, 0))
    assert "公示期满无异议" not in pdf_text(during.pdf)
    assert rows_by_name(during)["李秀英"]["publicity"]["outcome"] == "公示中"


def test_nothing_closed_is_a_clear_refusal(db, admin, open_round):
    with pytest.raises(ValidationFailed) as refused:
        results_sheet(db, admin, open_round.program)
    message = refused.value.problems[0].render()
    assert "2026年北京大工匠选树" in message and "none of its review rounds is closed" in message
    empty = make_program(db, name="2026年首都劳动奖章评选")
    with pytest.raises(ValidationFailed, match="首都劳动奖章"):
        results_sheet(db, admin, empty)


def test_a_closed_round_of_withdrawn_candidates_is_a_clear_refusal(db, admin, open_round):
    close_round(db, admin, open_round.round)
    for candidate in open_round.ids.values():
        withdraw(db, admin, candidate, "本人申请退出评选。")
    with pytest.raises(ValidationFailed) as refused:
        results_sheet(db, admin, open_round.program)
    assert "every candidate scored in them was withdrawn" in refused.value.problems[0].render()


def test_a_program_must_be_chosen_and_exist(db, admin, selection):
    with pytest.raises(ValidationFailed) as refused:
        results_sheet(db, admin, None)
    assert refused.value.problems[0].field == "subject_id"
    with pytest.raises(NotFound):
        results_sheet(db, admin, selection.program + 100)


def test_the_signature_boxes_cover_no_text(db, admin, selection, tmp_path):
    """The signing service stamps two boxes up to 38 mm above the last page's bottom edge.

    The ranking grows a row at a time, so that the signature lines once end at a page's foot.
    """
    made = results_sheet(db, admin, selection.program)
    assert re.search(r"第\s*(\d+)\s*页\s*/\s*共\s*\1\s*页", pdf_text(made.pdf).split("\f")[-2])
    letterhead = Letterhead(
        "评审结果汇总表", "测试工会", made.union_code, "2026年度", NOW, "test", landscape=True
    )
    lowest = []
    for extra in range(16):
        data = {**made.data, "rows": made.data["rows"] + made.data["rows"][-1:] * extra}
        words = text_bottoms(build_pdf(letterhead, layout.render(letterhead, data)), tmp_path)
        assert "评审委员会主任（签字）：" in "".join(text for text, _ in words)
        lowest.append(min(bottom for _, bottom in words))
    assert min(lowest) > 45 * MM
    assert min(lowest) < 70 * MM  # the lines did reach the foot of a page (a row is 10 mm)
