"""Member register use cases against a real database: add, edit, delete, history and search."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from helpers import OFFICE
from unionDesk.domain.enums import (
    ChangeKind,
    Education,
    HukouNature,
    HukouRegion,
    MemberStatus,
    PoliticalStatus,
    Sex,
    SkillLevel,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.member import MemberDraft
from unionDesk.services.departments import add_department
from unionDesk.services.errors import NotFound, ServiceError, ValidationFailed
from unionDesk.services.members import (
    MemberQuery,
    SortColumn,
    create_member,
    delete_member,
    fetch_rows,
    get_member,
    query_member_ids,
    record_change,
    search_members,
    update_member,
)
from unionDesk.store.db import Database
from unionDesk.store.models import Member, MembershipChange

TODAY = date(2026, 11, 21)
BIRTH = date(1990, 5, 17)
REGION = "110105"
# The number ``make_draft`` uses (see conftest): composed, male, born 1990-05-17.
ID_NUMBER = compose_resident_id(REGION, BIRTH, 123)
WRONG_CHECK_ID = ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1")


DraftFactory = Callable[..., MemberDraft]


def person(make_draft: DraftFactory, name: str, sequence: int, **overrides: object) -> MemberDraft:
    """A member with a composed (fake) ID number of their own; sex and birth come from it."""
    number = compose_resident_id(REGION, BIRTH, sequence)
    fields: dict[str, object] = {"sex": None, "birth_date": None, "card_number": ""}
    fields.update(overrides)
    return make_draft(name=name, id_number=number, **fields)


def add(db: Database, draft: MemberDraft) -> int:
    return create_member(db, OFFICE, draft, today=TODAY)


def member_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Member)) or 0


def change_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(MembershipChange)) or 0


def names(db: Database, query: MemberQuery) -> list[str]:
    return [row.name for row in fetch_rows(db, OFFICE, query_member_ids(db, OFFICE, query))]


def found(db: Database, text: str) -> set[str]:
    return {row.name for row in search_members(db, OFFICE, text)}


def refusal(error: pytest.ExceptionInfo[ValidationFailed], field: str) -> str:
    """The rendered message on ``field``; fails when the refusal has none there."""
    messages = [p.render() for p in error.value.problems if p.field == field]
    assert messages, f"no problem on {field!r}: {error.value.problems}"
    return messages[0]


def withdrawn_member(db: Database, make_draft: DraftFactory) -> int:
    member_id = add(db, make_draft())
    record_change(
        db, OFFICE, member_id, ChangeKind.WITHDRAW, date(2020, 6, 1), "本人申请", today=TODAY
    )
    return member_id


# --- create and read -------------------------------------------------------------------------


def test_create_then_get_round_trips_every_field(db, make_draft):
    team = add_department(db, OFFICE, None, "测试机械厂")
    draft = make_draft(
        mobile="13912345678",
        political_status=PoliticalStatus.CYL_MEMBER,
        education=Education.BACHELOR,
        skill_level=SkillLevel.TECHNICIAN,
        trade="数控车工",
        job_title="技术员",
        hukou_region=HukouRegion.OTHER,
        hukou_nature=HukouNature.AGRICULTURAL,
        migrant_worker=True,
        card_number="GH-2015-0042",
        department_id=team,
        hardship=True,
        notes="夜班",
    )

    detail = get_member(db, OFFICE, add(db, draft), reveal=True)

    assert detail.draft == draft


def test_create_records_the_join_as_first_history_entry(db, make_draft):
    detail = get_member(db, OFFICE, add(db, make_draft()), reveal=True)

    assert [(c.kind, c.effective_on) for c in detail.history] == [
        (ChangeKind.JOIN, date(2015, 3, 1))
    ]
    assert detail.status is MemberStatus.ACTIVE


def test_create_fills_sex_and_birth_date_from_the_id_number(db, make_draft):
    detail = get_member(db, OFFICE, add(db, make_draft(sex=None, birth_date=None)), reveal=True)

    assert (detail.draft.sex, detail.draft.birth_date) == (Sex.MALE, BIRTH)


def test_create_refuses_a_wrong_check_digit_and_saves_nothing(db, make_draft):
    with pytest.raises(ValidationFailed) as error:
        add(db, make_draft(id_number=WRONG_CHECK_ID))

    assert refusal(error, "id_number")
    assert member_count(db) == 0


def test_create_refuses_a_duplicate_id_number_naming_the_existing_member(db, make_draft):
    add(db, make_draft(name="张伟"))

    with pytest.raises(ValidationFailed) as error:
        add(db, make_draft(name="李娜", sex=None, card_number="GH-2015-0002"))

    assert "张伟" in refusal(error, "id_number")
    assert member_count(db) == 1


def test_create_refuses_a_duplicate_card_number(db, make_draft):
    add(db, person(make_draft, "张伟", 123, card_number="GH-0001"))

    with pytest.raises(ValidationFailed) as error:
        add(db, person(make_draft, "李娜", 124, card_number="GH-0001"))

    assert "张伟" in refusal(error, "card_number")
    assert member_count(db) == 1


def test_create_with_a_missing_department_is_not_blamed_on_the_id_number(db, make_draft):
    # For example a department another user deleted while the form was open.
    with pytest.raises((ValidationFailed, ServiceError)) as error:
        add(db, make_draft(department_id=999))

    problems = getattr(error.value, "problems", None) or (error.value.problem,)
    assert "id_number" not in {p.field for p in problems}
    assert member_count(db) == 0


# --- delete --------------------------------------------------------------------------------


def test_deleted_member_is_hidden_from_the_register(db, make_draft):
    member_id = add(db, make_draft())

    delete_member(db, OFFICE, member_id, "重复录入")

    assert query_member_ids(db, OFFICE, MemberQuery()) == []


def test_deleted_member_can_no_longer_be_opened(db, make_draft):
    member_id = add(db, make_draft())

    delete_member(db, OFFICE, member_id)

    with pytest.raises(NotFound):
        get_member(db, OFFICE, member_id)


def test_delete_keeps_the_row_and_marks_it_deleted(db, make_draft):
    member_id = add(db, make_draft())

    delete_member(db, OFFICE, member_id, "重复录入")

    with db.read() as session:
        row = session.get_one(Member, member_id)
        assert isinstance(row.deleted_at, datetime)
        assert row.deleted_reason == "重复录入"
        assert len(row.changes) == 1


def test_id_and_card_number_can_be_reused_after_the_member_is_deleted(db, make_draft):
    first = add(db, make_draft())
    delete_member(db, OFFICE, first)

    second = add(db, make_draft(name="张维"))

    assert second != first
    assert get_member(db, OFFICE, second, reveal=True).draft.id_number == ID_NUMBER


# --- update --------------------------------------------------------------------------------


def test_update_saves_the_changed_fields(db, make_draft):
    member_id = add(db, make_draft())
    edited = make_draft(name="张维", mobile="13700005678", skill_level=SkillLevel.TECHNICIAN)

    update_member(db, OFFICE, member_id, edited, today=TODAY)

    assert get_member(db, OFFICE, member_id, reveal=True).draft == edited


def test_update_keeps_the_membership_history(db, make_draft):
    member_id = withdrawn_member(db, make_draft)

    update_member(db, OFFICE, member_id, make_draft(mobile="13700005678"), today=TODAY)

    detail = get_member(db, OFFICE, member_id)
    assert [c.kind for c in detail.history] == [ChangeKind.JOIN, ChangeKind.WITHDRAW]
    assert detail.status is MemberStatus.WITHDRAWN


def test_update_of_the_join_date_moves_the_join_entry(db, make_draft):
    member_id = add(db, make_draft())

    update_member(db, OFFICE, member_id, make_draft(join_date=date(2016, 1, 4)), today=TODAY)

    assert get_member(db, OFFICE, member_id).history[0].effective_on == date(2016, 1, 4)


def test_update_refuses_a_join_date_after_a_later_change(db, make_draft):
    member_id = withdrawn_member(db, make_draft)

    with pytest.raises(ValidationFailed) as error:
        update_member(db, OFFICE, member_id, make_draft(join_date=date(2021, 1, 4)), today=TODAY)

    assert refusal(error, "join_date")
    assert get_member(db, OFFICE, member_id).draft.join_date == date(2015, 3, 1)


def test_update_refuses_the_id_number_of_another_member(db, make_draft):
    add(db, person(make_draft, "李娜", 124))
    member_id = add(db, make_draft())

    with pytest.raises(ValidationFailed) as error:
        update_member(db, OFFICE, member_id, person(make_draft, "张伟", 124), today=TODAY)

    assert "李娜" in refusal(error, "id_number")


# --- membership changes --------------------------------------------------------------------


def test_withdraw_sets_the_status_to_withdrawn(db, make_draft):
    member_id = add(db, make_draft())

    status = record_change(
        db, OFFICE, member_id, ChangeKind.WITHDRAW, date(2020, 6, 1), "本人申请", today=TODAY
    )

    assert status is MemberStatus.WITHDRAWN
    assert get_member(db, OFFICE, member_id).status is MemberStatus.WITHDRAWN


def test_active_filter_hides_withdrawn_members(db, make_draft):
    withdrawn_member(db, make_draft)
    active = add(db, person(make_draft, "李娜", 124))

    assert query_member_ids(db, OFFICE, MemberQuery(status=MemberStatus.ACTIVE)) == [active]


def test_withdrawn_filter_shows_only_withdrawn_members(db, make_draft):
    withdrawn = withdrawn_member(db, make_draft)
    add(db, person(make_draft, "李娜", 124))

    assert query_member_ids(db, OFFICE, MemberQuery(status=MemberStatus.WITHDRAWN)) == [withdrawn]


def test_transfer_out_of_a_withdrawn_member_is_refused_and_not_saved(db, make_draft):
    member_id = withdrawn_member(db, make_draft)
    before = change_count(db)

    with pytest.raises(ValidationFailed) as error:
        record_change(
            db, OFFICE, member_id, ChangeKind.TRANSFER_OUT, date(2021, 1, 4), "调出", today=TODAY
        )

    assert refusal(error, "kind")
    assert change_count(db) == before
    assert get_member(db, OFFICE, member_id).status is MemberStatus.WITHDRAWN


def test_change_dated_before_the_previous_change_is_refused_and_not_saved(db, make_draft):
    member_id = add(db, make_draft())

    with pytest.raises(ValidationFailed) as error:
        record_change(
            db, OFFICE, member_id, ChangeKind.WITHDRAW, date(2014, 1, 1), "退会", today=TODAY
        )

    assert refusal(error, "effective_on")
    assert change_count(db) == 1
    assert get_member(db, OFFICE, member_id).status is MemberStatus.ACTIVE


def test_change_dated_in_the_future_is_refused_and_not_saved(db, make_draft):
    member_id = add(db, make_draft())

    with pytest.raises(ValidationFailed) as error:
        record_change(
            db, OFFICE, member_id, ChangeKind.WITHDRAW, date(2026, 11, 22), "退会", today=TODAY
        )

    assert refusal(error, "effective_on")
    assert change_count(db) == 1


def test_change_without_a_reason_is_refused_and_not_saved(db, make_draft):
    member_id = add(db, make_draft())

    with pytest.raises(ValidationFailed) as error:
        record_change(
            db, OFFICE, member_id, ChangeKind.WITHDRAW, date(2020, 6, 1), "  ", today=TODAY
        )

    assert refusal(error, "reason")
    assert change_count(db) == 1


def test_member_can_rejoin_after_withdrawing(db, make_draft):
    member_id = withdrawn_member(db, make_draft)

    status = record_change(
        db, OFFICE, member_id, ChangeKind.JOIN, date(2022, 9, 1), "重新入会", today=TODAY
    )

    detail = get_member(db, OFFICE, member_id)
    assert status is MemberStatus.ACTIVE
    assert detail.status is MemberStatus.ACTIVE
    assert [c.kind for c in detail.history] == [
        ChangeKind.JOIN,
        ChangeKind.WITHDRAW,
        ChangeKind.JOIN,
    ]


# --- search --------------------------------------------------------------------------------

REGISTER = (
    "张伟",
    "李娜",
    "王俊雪",
    "单雄信",
    "曾国藩",
    "解缙",
    "仇英",
    "区寄",
    "欧阳修",
    "王𠈌",
    "阿依古丽·买买提",
)


@pytest.fixture
def register(db, make_draft) -> dict[str, int]:
    """A small register of the names search must cope with; the name maps to the member id."""
    ids = {}
    for sequence, name in enumerate(REGISTER, start=201):
        ids[name] = add(db, person(make_draft, name, sequence, card_number=f"GH-2015-0{sequence}"))
    return ids


def test_search_finds_a_name_by_its_first_character(db, register):
    assert found(db, "李") == {"李娜"}


def test_search_finds_a_two_character_name(db, register):
    assert found(db, "张伟") == {"张伟"}


def test_search_finds_a_three_character_name(db, register):
    assert found(db, "王俊雪") == {"王俊雪"}


def test_search_finds_a_character_in_the_middle_of_a_name(db, register):
    assert found(db, "雄") == {"单雄信"}


def test_search_finds_pinyin_initials(db, register):
    assert found(db, "zw") == {"张伟"}


@pytest.mark.parametrize(
    ("initials", "name"),
    [
        ("sxx", "单雄信"),
        ("zgf", "曾国藩"),
        ("xj", "解缙"),
        ("qy", "仇英"),
        ("oj", "区寄"),
        ("oyx", "欧阳修"),
    ],
)
def test_search_reads_surnames_as_surnames(db, register, initials, name):
    assert name in found(db, initials)


def test_search_finds_a_full_pinyin_prefix(db, register):
    assert found(db, "zhangw") == {"张伟"}


def test_search_ignores_the_case_of_pinyin(db, register):
    assert found(db, "ZW") == {"张伟"}


def test_search_finds_the_last_four_characters_of_the_id_number(db, make_draft):
    add(db, make_draft())
    add(db, person(make_draft, "李娜", 124))

    assert found(db, ID_NUMBER[-4:]) == {"张伟"}


def test_search_finds_an_id_number_ending_in_x_typed_in_lower_case(db, make_draft):
    number = compose_resident_id(REGION, BIRTH, 109)
    assert number.endswith("X")
    add(db, make_draft(id_number=number, sex=None, birth_date=None))

    assert found(db, number[-4:].lower()) == {"张伟"}


def test_search_does_not_match_digits_in_the_middle_of_the_id_number(db, make_draft):
    add(db, make_draft())

    assert found(db, ID_NUMBER[6:10]) == set()  # the birth year, 1990


def test_search_finds_a_card_number_substring(db, register):
    assert found(db, "0203") == {"王俊雪"}


def test_search_finds_a_card_number_typed_with_its_hyphen(db, register):
    assert found(db, "2015-0203") == {"王俊雪"}


def test_rare_extension_b_name_is_saved_intact(db, register):
    assert get_member(db, OFFICE, register["王𠈌"]).draft.name == "王𠈌"


def test_search_finds_a_rare_extension_b_character(db, register):
    assert found(db, "𠈌") == {"王𠈌"}


def test_search_finds_the_second_part_of_a_minority_name(db, register):
    assert found(db, "买买提") == {"阿依古丽·买买提"}


def test_search_finds_initials_of_the_second_part_of_a_minority_name(db, register):
    assert found(db, "mmt") == {"阿依古丽·买买提"}


def test_search_finds_a_minority_name_typed_with_a_look_alike_dot(db, register):
    # The name check stores "•" (pasted from word processors) as "·"; search must agree.
    assert found(db, "阿依古丽•买买提") == {"阿依古丽·买买提"}


def test_search_finds_a_name_holding_a_compatibility_ideograph(db, make_draft):
    # U+FA10 is kept as typed by the name check (no normalisation of ideographs).
    add(db, make_draft(name="王\ufa10"))

    assert found(db, "王\ufa10") == {"王\ufa10"}


@pytest.mark.parametrize("wildcard", ["%", "_", "张%", "_伟", "%%", "\\"])
def test_search_treats_sql_wildcards_literally(db, register, wildcard):
    assert found(db, wildcard) == set()


def test_search_includes_members_who_have_left(db, make_draft):
    withdrawn_member(db, make_draft)

    assert found(db, "张伟") == {"张伟"}


def test_search_respects_its_limit(db, register):
    assert len(search_members(db, OFFICE, "w", limit=1)) == 1


# --- filters and order ---------------------------------------------------------------------


def test_department_filter_includes_sub_departments(db, make_draft):
    plant = add_department(db, OFFICE, None, "测试机械厂")
    workshop = add_department(db, OFFICE, plant, "机加工车间")
    team = add_department(db, OFFICE, workshop, "车工一班")
    other = add_department(db, OFFICE, plant, "装配车间")
    add(db, person(make_draft, "张伟", 201, department_id=workshop))
    add(db, person(make_draft, "李娜", 202, department_id=team))
    add(db, person(make_draft, "王俊雪", 203, department_id=other))

    assert set(names(db, MemberQuery(department_id=workshop))) == {"张伟", "李娜"}


@pytest.fixture
def alphabet(db, make_draft) -> None:
    for sequence, (name, joined) in enumerate(
        [
            ("张伟", date(2015, 3, 1)),
            ("陈明", date(2019, 8, 1)),
            ("安娜", date(2017, 5, 2)),
            ("白雪", date(2012, 9, 3)),
        ],
        start=301,
    ):
        add(db, person(make_draft, name, sequence, join_date=joined))


def test_sort_by_name_follows_pinyin_order(db, alphabet):
    assert names(db, MemberQuery(sort=SortColumn.NAME)) == ["安娜", "白雪", "陈明", "张伟"]


def test_sort_by_name_descending_reverses_pinyin_order(db, alphabet):
    query = MemberQuery(sort=SortColumn.NAME, descending=True)

    assert names(db, query) == ["张伟", "陈明", "白雪", "安娜"]


def test_sort_by_name_reads_surnames_as_surnames(db, make_draft):
    for sequence, name in enumerate(["张伟", "曾国藩", "陈明"], start=401):
        add(db, person(make_draft, name, sequence))

    # 曾 as a surname is Zēng: after 陈 (chen), before 张 (zhang).
    assert names(db, MemberQuery(sort=SortColumn.NAME)) == ["陈明", "曾国藩", "张伟"]


def test_sort_by_join_date(db, alphabet):
    query = MemberQuery(sort=SortColumn.JOIN_DATE)

    assert names(db, query) == ["白雪", "张伟", "安娜", "陈明"]


def test_sort_by_join_date_descending(db, alphabet):
    query = MemberQuery(sort=SortColumn.JOIN_DATE, descending=True)

    assert names(db, query) == ["陈明", "安娜", "张伟", "白雪"]


# --- rows ----------------------------------------------------------------------------------


def test_fetch_rows_masks_the_id_number(db, make_draft):
    row = fetch_rows(db, OFFICE, [add(db, make_draft())])[0]

    assert row.id_number_masked == ID_NUMBER[:6] + "*" * 8 + ID_NUMBER[-4:]
    assert re.fullmatch(r"110105\*{8}\d{3}[\dX]", row.id_number_masked)


def test_fetch_rows_masks_the_mobile_number(db, make_draft):
    row = fetch_rows(db, OFFICE, [add(db, make_draft(mobile="13800001234"))])[0]

    assert row.mobile_masked == "138****1234"


def test_fetch_rows_keeps_the_order_of_the_ids_given(db, make_draft):
    ids = [add(db, person(make_draft, name, seq)) for seq, name in [(501, "安娜"), (502, "张伟")]]
    ids += [add(db, person(make_draft, "白雪", 503))]
    wanted = [ids[2], ids[0], ids[1]]

    assert [row.id for row in fetch_rows(db, OFFICE, wanted)] == wanted


def test_fetch_rows_shows_the_department_path_below_a_single_enterprise(db, make_draft):
    plant = add_department(db, OFFICE, None, "测试机械厂")
    workshop = add_department(db, OFFICE, plant, "机加工车间")
    team = add_department(db, OFFICE, workshop, "车工一班")

    row = fetch_rows(db, OFFICE, [add(db, make_draft(department_id=team))])[0]

    assert row.department == "机加工车间/车工一班"


def test_fetch_rows_shows_whole_paths_when_there_are_several_enterprises(db, make_draft):
    plant = add_department(db, OFFICE, None, "测试机械厂")
    add_department(db, OFFICE, None, "第二分厂")
    workshop = add_department(db, OFFICE, plant, "机加工车间")

    row = fetch_rows(db, OFFICE, [add(db, make_draft(department_id=workshop))])[0]

    assert row.department == "测试机械厂/机加工车间"
