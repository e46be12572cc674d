"""Honours held by members (DESIGN.md 3): levels, the honour form check and the 劳模 flag."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.honours import (
    HonourDraft,
    HonourLevel,
    level_label,
    model_worker_level,
    validate_honour,
)
from unionDesk.domain.messages import ValidationFailed

TODAY = date(2026, 11, 21)
ZH_LEVELS = {
    "National": "国家级",
    "Provincial/ministerial": "省部级",
    "City": "市级",
    "District/county": "区县级",
    "Enterprise": "企业级",
}


def honour(**changes: object) -> HonourDraft:
    base = HonourDraft(
        title="北京市劳动模范",
        level=HonourLevel.PROVINCIAL,
        year=2020,
        awarding_body="北京市人民政府",
    )
    return dataclasses.replace(base, **changes)


def problems_of(draft: HonourDraft) -> dict[str, list[str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_honour(draft, today=TODAY)
    return caught.value.by_field()


def test_levels_rank_from_enterprise_one_to_national_five() -> None:
    assert [level.rank for level in HonourLevel] == [5, 4, 3, 2, 1]
    assert HonourLevel.CITY.rank > HonourLevel.DISTRICT.rank


def test_level_labels_are_english_sources_translated_in_the_enum_context() -> None:
    seen: list[str] = []

    def to_chinese(context: str, text: str) -> str:
        seen.append(context)
        return ZH_LEVELS[text]

    assert level_label(HonourLevel.PROVINCIAL) == "Provincial/ministerial"
    assert [level_label(level, to_chinese) for level in HonourLevel] == list(ZH_LEVELS.values())
    assert set(seen) == {"Enum"}


def test_a_valid_honour_comes_back_with_whitespace_tidied() -> None:
    draft = honour(
        title="  北京市\u3000 劳动模范 ", awarding_body=" 北京市  人民政府", notes=" 首届 \n"
    )
    cleaned = validate_honour(draft, today=TODAY)
    assert (cleaned.title, cleaned.awarding_body, cleaned.notes) == (
        "北京市 劳动模范",
        "北京市 人民政府",
        "首届",
    )


def test_an_empty_form_reports_every_required_field_in_form_order() -> None:
    found = problems_of(HonourDraft(title=" ", level=None, year=None, awarding_body=""))
    assert list(found) == ["title", "level", "year", "awarding_body"]
    assert found["level"] == ["Choose the level of the honour."]
    assert found["year"] == ["Enter the year the honour was awarded."]


@pytest.mark.parametrize("year", [1949, 2000, TODAY.year])
def test_award_years_from_1949_to_this_year_are_accepted(year: int) -> None:
    assert validate_honour(honour(year=year), today=TODAY).year == year


@pytest.mark.parametrize("year", [1948, TODAY.year + 1, 20])
def test_award_years_outside_1949_to_this_year_are_refused(year: int) -> None:
    assert problems_of(honour(year=year)) == {
        "year": [f"The award year {year} is not possible. Enter a year from 1949 to 2026."]
    }


def test_title_and_awarding_body_may_have_100_characters_but_not_101() -> None:
    assert validate_honour(honour(title="劳" * 100, awarding_body="府" * 100), today=TODAY)
    found = problems_of(honour(title="劳" * 101, awarding_body="府" * 101))
    expected = "This text has 101 characters, but at most 100 are allowed. Shorten it."
    assert found == {"title": [expected], "awarding_body": [expected]}


def test_notes_are_limited_to_500_characters() -> None:
    assert validate_honour(honour(notes="注" * 500), today=TODAY).notes == "注" * 500
    assert problems_of(honour(notes="注" * 501)) == {
        "notes": ["This text has 501 characters, but at most 500 are allowed. Shorten it."]
    }


def test_model_worker_level_is_the_highest_level_among_model_worker_titles() -> None:
    honours = [
        honour(title="企业劳模", level=HonourLevel.ENTERPRISE),
        honour(title="北京市劳动模范", level=HonourLevel.CITY),
        honour(title="全国五一劳动奖章", level=HonourLevel.NATIONAL),  # not a 劳模 title
        honour(title="区先进工作者", level=HonourLevel.DISTRICT),
    ]
    assert model_worker_level(honours) is HonourLevel.CITY


def test_model_worker_level_counts_advanced_workers_and_ignores_spaces() -> None:
    honours = [honour(title="全国 先进 工作者", level=HonourLevel.NATIONAL)]
    assert model_worker_level(honours) is HonourLevel.NATIONAL


def test_no_model_worker_honour_means_no_model_worker_level() -> None:
    assert model_worker_level([]) is None
    assert model_worker_level([honour(title="首都劳动奖章", level=HonourLevel.PROVINCIAL)]) is None
    assert model_worker_level([honour(title="劳动模范", level=None)]) is None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["劳动模范", "劳模", "先进工作者", "技术能手"]),
            st.sampled_from(HonourLevel),
        )
    )
)
def test_model_worker_level_is_the_maximum_whatever_the_order(
    pairs: list[tuple[str, HonourLevel]],
) -> None:
    honours = [honour(title=title, level=level) for title, level in pairs]
    ranks = [level.rank for title, level in pairs if title != "技术能手"]
    level = model_worker_level(honours)
    assert (level.rank if level else None) == (max(ranks) if ranks else None)
    assert model_worker_level(reversed(honours)) is level
