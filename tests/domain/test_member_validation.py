"""Checks of the member form (DESIGN.md 3.1): every problem reported, each on its field."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import member_draft
from unionDesk.domain.enums import (
    Education,
    IdType,
    Sex,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.member import MEMBER_FIELDS, MemberDraft, validate_member
from unionDesk.domain.messages import ValidationFailed

TODAY = date(2026, 11, 21)
BIRTH = date(1990, 2, 28)
# A generated number, not a real person's: female (even sequence), born 1990-02-28.
ID_NUMBER = compose_resident_id("110105", BIRTH, 246)
WRONG_CHECK_ID = ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1")


def draft(**changes: object) -> MemberDraft:
    base = dict(
        name="王俊雪",
        id_number=ID_NUMBER,
        mobile="13800138000",
        education=Education.BACHELOR,
        join_date=date(2013, 1, 15),
        card_number="GH-2013-0001",
        department_id=3,
    )
    return member_draft(**{**base, **changes})


def problems_by_field(member: MemberDraft) -> dict[str, list[str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_member(member, today=TODAY)
    grouped = caught.value.by_field()
    assert grouped
    assert set(grouped) <= set(MEMBER_FIELDS)
    assert all(m.strip() and "{" not in m for ms in grouped.values() for m in ms)
    return grouped


def test_member_fields_follow_the_form_order() -> None:
    assert MEMBER_FIELDS[:3] == ("name", "id_type", "id_number")
    assert set(MEMBER_FIELDS) == {f.name for f in dataclasses.fields(MemberDraft)}


def test_valid_member_gets_sex_and_birth_date_from_the_id_number() -> None:
    member = validate_member(draft(), today=TODAY)
    assert (member.sex, member.birth_date) == (Sex.FEMALE, BIRTH)


def test_valid_member_is_returned_normalised() -> None:
    typed = draft(
        name=" 王俊雪\u3000",
        id_number=f" {ID_NUMBER.lower()} ",
        mobile="+86 138-0013-8000",
        trade="  钳工 ",
        card_number=" gh-2013-0001 ",
        notes="  说明  ",
    )
    member = validate_member(typed, today=TODAY)
    assert member == dataclasses.replace(
        draft(), sex=Sex.FEMALE, birth_date=BIRTH, card_number="GH-2013-0001", notes="说明"
    )


def test_matching_entered_sex_and_birth_date_are_accepted() -> None:
    member = validate_member(draft(sex=Sex.FEMALE, birth_date=BIRTH), today=TODAY)
    assert member.sex is Sex.FEMALE


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"sex": Sex.MALE}, "sex", "belongs to a woman"),
        ({"birth_date": date(1990, 3, 1)}, "birth_date", "1990-02-28"),
        ({"name": "王俊雪😀"}, "name", "😀"),
        ({"name": "王" * 1000}, "name", "1000 characters"),
        (
            {"id_number": WRONG_CHECK_ID},
            "id_number",
            "check",
        ),
        ({"id_number": "110105900228246"}, "id_number", "15-digit"),
        ({"mobile": "1380013800"}, "mobile", "10 digits"),
        ({"ethnicity": ""}, "ethnicity", "ethnic group"),
        ({"ethnicity": "57"}, "ethnicity", "“57”"),
        ({"trade": "钳" * 51}, "trade", "at most 50"),
        ({"job_title": "长" * 51}, "job_title", "at most 50"),
        ({"card_number": "GH 2013/0001"}, "card_number", "letters, digits and hyphens"),
        ({"card_number": "A" * 31}, "card_number", "at most 30"),
        ({"notes": "注" * 501}, "notes", "at most 500"),
        ({"join_date": None}, "join_date", "missing"),
        ({"join_date": date(2026, 11, 22)}, "join_date", "in the future"),
        ({"join_date": date(2006, 2, 27), "work_start_date": None}, "join_date", "16th birthday"),
        ({"join_date": date(2012, 6, 30)}, "join_date", "before the date work started"),
        ({"work_start_date": date(2027, 1, 1)}, "work_start_date", "in the future"),
        ({"work_start_date": date(2005, 9, 1)}, "work_start_date", "16th birthday"),
    ],
    ids=[
        "sex disagrees with ID",
        "birth date disagrees with ID",
        "emoji in name",
        "1000-character name",
        "wrong check digit",
        "old 15-digit ID",
        "short mobile",
        "no ethnicity",
        "unknown ethnicity",
        "long trade",
        "long job title",
        "bad card number",
        "long card number",
        "long notes",
        "no join date",
        "join date in the future",
        "joined before 16",
        "joined before starting work",
        "work start in the future",
        "worked before 16",
    ],
)
def test_refusal_is_tied_to_its_field(
    changes: dict[str, object], field: str, fragment: str
) -> None:
    grouped = problems_by_field(draft(**changes))
    assert field in grouped, grouped
    assert any(fragment in m for m in grouped[field]), grouped


def test_joining_on_the_sixteenth_birthday_is_allowed() -> None:
    member = validate_member(
        draft(join_date=date(2006, 2, 28), work_start_date=date(2006, 2, 28)), today=TODAY
    )
    assert member.join_date == date(2006, 2, 28)


def test_member_under_sixteen_today_is_refused() -> None:
    birth = date(2011, 1, 1)
    number = compose_resident_id("110105", birth, 246)
    grouped = problems_by_field(draft(id_number=number, work_start_date=None, join_date=TODAY))
    assert any("not yet 16" in m for m in grouped["birth_date"])


def test_future_birth_date_on_a_passport_is_refused() -> None:
    member = draft(
        id_type=IdType.PASSPORT, id_number="E12345678", sex=Sex.MALE, birth_date=date(2027, 1, 1)
    )
    assert any("in the future" in m for m in problems_by_field(member)["birth_date"])


def test_passport_holder_needs_sex_and_birth_date_entered() -> None:
    grouped = problems_by_field(draft(id_type=IdType.PASSPORT, id_number="E12345678"))
    assert {"sex", "birth_date"} <= set(grouped)


def test_foreigner_permanent_id_fills_birth_date_but_not_sex() -> None:
    number = compose_resident_id("911840", BIRTH, 10)
    member = draft(id_type=IdType.FOREIGN_PERMANENT, id_number=number, sex=Sex.MALE)
    assert validate_member(member, today=TODAY).birth_date == BIRTH


def test_every_problem_is_reported_not_only_the_first() -> None:
    member = draft(name="王😀", mobile="123", ethnicity="", join_date=None, notes="注" * 501)
    grouped = problems_by_field(member)
    assert set(grouped) == {"name", "mobile", "ethnicity", "join_date", "notes"}


def test_problems_come_in_form_order() -> None:
    member = draft(notes="注" * 501, name="王😀", join_date=None)
    with pytest.raises(ValidationFailed) as caught:
        validate_member(member, today=TODAY)
    fields = [p.field for p in caught.value.problems]
    assert fields == sorted(fields, key=MEMBER_FIELDS.index)


def test_broken_id_number_does_not_also_demand_sex_and_birth_date() -> None:
    grouped = problems_by_field(draft(id_number="11010519900230246"))
    assert set(grouped) == {"id_number"}


@given(
    birth=st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 11, 21)),
    sequence=st.integers(0, 999),
)
def test_composed_members_validate(birth: date, sequence: int) -> None:
    number = compose_resident_id("320102", birth, sequence)
    member = validate_member(
        draft(id_number=number, work_start_date=None, join_date=TODAY), today=TODAY
    )
    assert member.birth_date == birth
    assert member.sex == (Sex.MALE if sequence % 2 else Sex.FEMALE)
