"""Shared set-up for competition and culture-event tests: competitions, members and entries.

Everything goes through the real services on a real database file; ID numbers are generated
(``helpers.fake_id``) and belong to nobody.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from helpers import OFFICE, TODAY, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, Prize
from unionDesk.domain.competition_form import CompetitionDraft
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import ScoringScheme, weighted_parts_preset
from unionDesk.services.competition_entries import add_member_entries
from unionDesk.services.competitions import create_competition
from unionDesk.services.members import create_member
from unionDesk.store.db import Database

VIEWER = Actor(5, "chakan", Role.VIEWER)
REVIEWER = Actor(6, "pingwei", Role.REVIEWER)
OFFICER = Actor(7, "luru", Role.OFFICER)

COMPETITION_NAME = "2026年数控车工技能竞赛"
STANDARD_BANDS = (
    PrizeBand(Prize.FIRST, 1),
    PrizeBand(Prize.SECOND, 2),
    PrizeBand(Prize.THIRD, 3),
)
# 10 surnames x 10 given names: 100 different, valid names without digits.
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN_NAMES = ("建国", "秀英", "卫东", "海燕", "志强", "丽华", "国庆", "桂兰", "建华", "晓敏")


def competition_draft(scheme: ScoringScheme | None = None, **changes: object) -> CompetitionDraft:
    """A valid skills competition (30/70 weighted parts, prizes 1/2/3) with ``changes`` applied."""
    draft = CompetitionDraft(
        name=COMPETITION_NAME,
        kind=CompetitionType.SKILLS,
        trade="数控车工",
        level=CompetitionLevel.ENTERPRISE,
        starts_on=date(2026, 5, 12),
        ends_on=date(2026, 5, 13),
        organiser="公司工会",
        venue="职工技能实训中心",
        scheme=scheme or weighted_parts_preset(),
        prize_bands=STANDARD_BANDS,
        notes="",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def make_competition(db: Database, scheme: ScoringScheme | None = None, **changes: object) -> int:
    """Create ``competition_draft(scheme, **changes)`` as the office; returns its id."""
    return create_competition(db, OFFICE, competition_draft(scheme, **changes))


def member_name(number: int) -> str:
    """The ``number``-th test name (0 to 99 are all different): 王建国, 李建国, 张建国 …"""
    return SURNAMES[number % 10] + GIVEN_NAMES[number // 10 % 10]


def make_members(
    db: Database, count: int, *, first_sequence: int = 301, department_id: int | None = None
) -> list[int]:
    """``count`` active members named ``member_name(0)``, ``member_name(1)`` …; returns ids.

    ``first_sequence`` keeps ID numbers and card numbers apart between calls: give each call
    in one test its own range (each member uses two sequence numbers).
    """
    ids = []
    for number in range(count):
        sequence = first_sequence + 2 * number
        draft = member_draft(
            name=member_name(number),
            id_number=fake_id(sequence),
            card_number=f"GH-A-{sequence:05d}",
            department_id=department_id,
        )
        ids.append(create_member(db, OFFICE, draft, today=TODAY))
    return ids


def enter_members(db: Database, competition_id: int, member_ids: Sequence[int]) -> list[int]:
    """Enter ``member_ids`` individually; returns the entry ids in the same order."""
    return add_member_entries(db, OFFICE, competition_id, member_ids)


def scores(theory: str, practical: str) -> dict[str, Decimal | None]:
    """The values of a 30/70 entry, for ``save_scores``."""
    return {"theory": Decimal(theory), "practical": Decimal(practical)}
