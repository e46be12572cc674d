"""Shared set-up for selection tests: a program, eligible candidates, reviewers and a round.

Everything goes through the real services on a real database file; numbers are generated.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import CandidateDraft
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.services.candidates import nominate, submit
from unionDesk.services.eligibility_check import check
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member
from unionDesk.services.programs import create_program, draft_from_preset
from unionDesk.services.reviews import submit_review
from unionDesk.services.rounds import RoundDraft, create_round
from unionDesk.services.users import add_user
from unionDesk.store.db import Database

YEAR = 2026
NOMINATION_DAY = date(2026, 6, 1)  # before the preset's 30 June deadline
REVIEW_DAY = date(2026, 7, 15)
ROUND_OPENS, ROUND_CLOSES = date(2026, 7, 1), date(2026, 7, 31)
PASSWORD = "Pingwei-2026!"
NAMES = [
    "王建国",
    "李秀英",
    "张卫东",
    "刘芳",
    "陈志强",
    "杨丽",
    "赵国庆",
    "黄海燕",
    "周建华",
    "吴敏",
]
CATEGORIES = ["一线职工", "一线职工", "一线职工", "企业负责人", "科教人员"]


def make_program(db: Database, preset: str = "beijing_craftsman", **changes: object) -> int:
    """A program copied from a shipped preset for 2026, with ``changes`` applied."""
    draft = replace(draft_from_preset(preset, YEAR), **changes)  # type: ignore[arg-type]
    return create_program(db, OFFICE, draft)


def make_members(db: Database, count: int, *, first_sequence: int = 101) -> list[int]:
    """``count`` active members who meet the 北京大工匠 rules (高级技师, 区级 honour)."""
    ids = []
    for number in range(count):
        birth = date(1970 + number % 15, 1 + number % 12, 10)  # 41 to 56 in 2026
        draft = member_draft(
            name=NAMES[number % len(NAMES)],  # namesakes are allowed, as in life
            id_number=fake_id(first_sequence + 2 * number, birth=birth),
            card_number=f"GH-T-{first_sequence + number:05d}",
            skill_level=SkillLevel.SENIOR_TECHNICIAN,
            work_start_date=date(2005, 7, 1),
        )
        member_id = create_member(db, OFFICE, draft, today=NOMINATION_DAY)
        add_honour(
            db,
            OFFICE,
            member_id,
            HonourDraft("区级技术能手", HonourLevel.DISTRICT, 2020, "北京市朝阳区人民政府"),
            today=NOMINATION_DAY,
        )
        ids.append(member_id)
    return ids


def make_candidates(
    db: Database,
    program_id: int,
    member_ids: Sequence[int],
    categories: Sequence[str] = CATEGORIES,
) -> list[int]:
    """Nominate, submit and check each member: eligible (合格) candidates."""
    ids = []
    for member_id, category in zip(member_ids, itertools.cycle(categories), strict=False):
        candidate_id = nominate(
            db,
            OFFICE,
            program_id,
            CandidateDraft(
                member_id,
                "测试机械厂",
                category,
                summary="长期扎根生产一线，攻克多项关键工艺难题。",
                deeds="带领班组完成技术革新十余项，培养高级技师多名。",
            ),
        )
        submit(db, OFFICE, candidate_id, today=NOMINATION_DAY)
        check(db, OFFICE, candidate_id)
        ids.append(candidate_id)
    return ids


def make_reviewers(db: Database, count: int, prefix: str = "pw") -> list[Actor]:
    """``count`` reviewer accounts (password ``PASSWORD``) as actors."""
    actors = []
    for number in range(1, count + 1):
        username = f"{prefix}{number}"
        user_id = add_user(db, OFFICE, username, f"评委{number}", Role.REVIEWER, PASSWORD, False)
        actors.append(Actor(user_id, username, Role.REVIEWER))
    return actors


@dataclass(frozen=True)
class RoundSetup:
    """A round with its program, candidates and reviewers (the first reviewer chairs it)."""

    program_id: int
    round_id: int
    candidate_ids: list[int]
    reviewers: list[Actor]

    @property
    def chair(self) -> Actor:
        """The reviewer who chairs the round."""
        return self.reviewers[0]


def make_round(db: Database, candidates: int = 3, reviewers: int = 3) -> RoundSetup:
    """A program with ``candidates`` eligible candidates in an open round of ``reviewers``."""
    program_id = make_program(db)
    candidate_ids = make_candidates(db, program_id, make_members(db, candidates))
    actors = make_reviewers(db, reviewers)
    round_id = create_round(
        db,
        OFFICE,
        RoundDraft(
            program_id=program_id,
            name="第一轮评审",
            opens_on=ROUND_OPENS,
            closes_on=ROUND_CLOSES,
            chair_user_id=actors[0].user_id,
            reviewer_ids=tuple(a.user_id for a in actors if a.user_id is not None),
            candidate_ids=tuple(candidate_ids),
        ),
    )
    return RoundSetup(program_id, round_id, candidate_ids, actors)


def scores(conduct: str, skill: str, innovation: str, example: str) -> dict[str, Decimal]:
    """Criterion values on the 北京大工匠 rubric (max 20 / 40 / 25 / 15)."""
    return {
        "conduct": Decimal(conduct),
        "skill": Decimal(skill),
        "innovation": Decimal(innovation),
        "example": Decimal(example),
    }


def submit_scores(
    db: Database, setup: RoundSetup, reviewer: Actor, candidate_id: int, values: dict[str, Decimal]
) -> None:
    """``reviewer`` submits ``values`` for ``candidate_id`` during the round."""
    submit_review(db, reviewer, setup.round_id, candidate_id, values, "", today=REVIEW_DAY)
