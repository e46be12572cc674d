"""Shared test data: valid member forms built from fake (generated) numbers only."""

import dataclasses
from datetime import date

from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.enums import (
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    PoliticalStatus,
    SkillLevel,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.member import MemberDraft

TODAY = date(2026, 11, 21)
BIRTH = date(1990, 5, 17)


def fake_id(sequence: int = 123, birth: date = BIRTH, region: str = "110105") -> str:
    """A valid resident ID number that belongs to nobody (odd sequence: male)."""
    return compose_resident_id(region, birth, sequence)


def member_draft(**overrides: object) -> MemberDraft:
    """A valid member form for 张伟 (sex and birth date left for the ID to fill in)."""
    base = MemberDraft(
        name="张伟",
        id_type=IdType.RESIDENT_ID,
        id_number=fake_id(),
        sex=None,
        birth_date=None,
        ethnicity="01",
        mobile="13800001234",
        political_status=PoliticalStatus.MASSES,
        education=Education.SENIOR_MIDDLE,
        skill_level=SkillLevel.SENIOR,
        trade="钳工",
        job_title="班组长",
        hukou_region=HukouRegion.LOCAL,
        hukou_nature=HukouNature.NON_AGRICULTURAL,
        migrant_worker=False,
        work_start_date=date(2012, 7, 1),
        join_date=date(2015, 3, 1),
        card_number="GH-2015-0001",
        department_id=None,
        hardship=False,
        notes="",
    )
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


# Tests act as the command line does: the administrator of the data folder, audited as "cli".
OFFICE = CLI_ACTOR
