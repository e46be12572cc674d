"""Reading member rows from spreadsheets (issue 8): headers, safe normalisation, row checks."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from import_helpers import HEADER, TODAY, fake_id, member_row
from unionDesk.domain.enums import Education, HukouNature, IdType, PoliticalStatus, Sex
from unionDesk.domain.member_import import (
    DEFAULTS,
    FIELD_SYNONYMS,
    NUMBER_ID_TEXT,
    HeaderMatch,
    find_header,
    is_blank,
    match_header,
    normalise_text,
    parse_date,
    parse_id_number,
    read_row,
)
from unionDesk.domain.messages import Problem, untranslated

ZH = {
    "Male": "男",
    "Female": "女",
    "Bachelor": "大学本科",
    "Ordinary citizen": "群众",
    "CPC member": "中共党员",
    "Han": "汉族",
}


def chinese(context: str, text: str) -> str:
    """A stand-in for the zh_CN translator, for the labels these tests use."""
    del context
    return ZH.get(text, text)


def header_of(texts=HEADER) -> HeaderMatch:
    match = find_header([list(texts)])
    assert match is not None
    return match


def row_of(cells, texts=HEADER, *, translate=untranslated, row=2):
    return read_row(cells, header_of(texts), row, translate=translate, today=TODAY)


# --- normalise_text ---------------------------------------------------------------------------


def test_normalise_text_makes_full_width_half_width_and_collapses_spaces():
    assert normalise_text("  １３８　０００ \t ０ ") == "138 000 0"
    assert normalise_text("ＡＢｃ") == "ABc"


def test_normalise_text_of_non_text_cells():
    assert normalise_text(None) == ""
    assert normalise_text(13800000001.0) == "13800000001"
    assert normalise_text(2.5) == "2.5"
    assert normalise_text(datetime(2020, 3, 5)) == "2020-03-05"
    assert normalise_text(date(2020, 3, 5)) == "2020-03-05"


@given(st.text())
def test_normalise_text_is_idempotent_and_trimmed(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert once == once.strip() and "  " not in once


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2020.3.5",
        "2020-03-05",
        "2020/3/5",
        "2020年3月5日",
        "2020 年 3 月 5 日",
        "２０２０－０３－０５",
        "20200305",
        "2020-03-05 00:00:00",
        datetime(2020, 3, 5, 14, 30),
        date(2020, 3, 5),
        43895,  # Excel serial number (1900 date system)
        43895.75,  # with a time of day
    ],
)
def test_parse_date_accepts_the_formats_rosters_use(value):
    assert parse_date(value) == date(2020, 3, 5)


def test_parse_date_serials_around_excels_1900_leap_year_bug():
    assert parse_date(1) == date(1900, 1, 1)
    assert parse_date(59) == date(1900, 2, 28)
    assert parse_date(61) == date(1900, 3, 1)
    assert isinstance(parse_date(60), Problem)  # Excel's non-existent 29 February 1900


@pytest.mark.parametrize("value", [None, "", "   "])
def test_parse_date_of_an_empty_cell_is_none(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "value", ["2020-02-30", "2020.13.1", "三月五日", "5/3/2020", 0, -3, True, float("nan")]
)
def test_parse_date_refuses_what_it_cannot_read(value):
    result = parse_date(value)
    assert isinstance(result, Problem)
    assert "2020-03-05" in result.render()


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_parse_date_round_trips_iso_text_and_serials(day):
    assert parse_date(day.isoformat()) == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day


# --- parse_id_number --------------------------------------------------------------------------


def test_parse_id_number_cleans_spaces_full_width_and_lower_x():
    number = fake_id(7, birth=date(1985, 6, 1))
    spaced = f" {number[:6]} {number[6:14]}　{number[14:]} "
    assert parse_id_number(spaced) == number
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in number)
    assert parse_id_number(full_width) == number
    assert parse_id_number("11010519900101001x") == "11010519900101001X"
    assert parse_id_number(None) == ""


@pytest.mark.parametrize(
    "value",
    [
        110105199001010000.0,  # how Excel keeps a number typed into a General cell
        110105199001010011,
        "1.10105199001011E+17",
        "1.10105199001011e17",
        "１.１０１０５１９９００１０１１Ｅ＋１７",
        "110105199001010000",  # trailing 000 (lost precision) and the check digit fails
        "110105199001012345.0",
    ],
)
def test_parse_id_number_refuses_numbers_excel_mangled(value):
    result = parse_id_number(value)
    assert isinstance(result, Problem)
    assert result.field == "id_number"
    assert result.text == NUMBER_ID_TEXT


def test_a_real_looking_id_ending_in_000_with_a_correct_check_digit_is_kept():
    # sequence 000 whose check character happens to be 0 is a valid number
    candidates = [fake_id(0, birth=date(1980, 1, day)) for day in range(1, 29)]
    ending = [number for number in candidates if number.endswith("000")]
    for number in ending:
        assert parse_id_number(number) == number
    assert all(parse_id_number(number) == number for number in candidates)


@given(st.integers(min_value=0, max_value=999))
def test_parse_id_number_keeps_every_composed_number(sequence):
    number = fake_id(sequence)
    assert parse_id_number(number) == number
    assert parse_id_number(number.lower()) == number
    assert isinstance(parse_id_number(float(number[:17] + "0")), Problem)


@given(st.text(alphabet="0123456789xX 　\t１２３ｘ", max_size=30))
def test_parse_id_number_gives_clean_text_or_the_number_problem(text):
    result = parse_id_number(text)
    if isinstance(result, Problem):
        assert result.text == NUMBER_ID_TEXT
    else:
        assert result == result.upper() and " " not in result and "　" not in result
        assert set(result) <= set("0123456789X")


# --- headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("姓名", "name"),
        ("*姓名", "name"),
        (" 姓 名 ", "name"),
        ("姓名（必填）", "name"),
        ("姓名(必填)", "name"),
        ("名字", "name"),
        ("公民身份号码", "id_number"),
        ("证件号码*", "id_number"),
        ("身份证号码：", "id_number"),
        ("联系电话", "mobile"),
        ("手机号码（11位）", "mobile"),
        ("入会日期", "join_date"),
        ("车间", "department"),
        ("ＸＸ", None),
        ("序号", None),
        ("", None),
        (None, None),
    ],
)
def test_match_header_synonyms_and_marks(text, field):
    assert match_header(text) == field


def test_every_member_field_except_department_id_has_synonyms():
    from unionDesk.domain.member import MEMBER_FIELDS

    expected = (set(MEMBER_FIELDS) - {"department_id"}) | {"department"}
    assert set(FIELD_SYNONYMS) == expected
    all_synonyms = [match_header(s) for names in FIELD_SYNONYMS.values() for s in names]
    assert None not in all_synonyms
    assert [match_header(names[0]) for names in FIELD_SYNONYMS.values()] == list(FIELD_SYNONYMS)


def test_find_header_skips_merged_title_rows_and_maps_columns():
    rows = [
        ["测试机械厂工会会员花名册", None, None],
        [None],
        ["填报单位：测试机械厂工会", "", "日期：2026年11月"],
        ["序号", "会员姓名", "性别", "身份证号", "备注", "不认识的列", "手机"],
        [1, "王伟", "男", fake_id(1)],
    ]
    match = find_header(rows)
    assert match == HeaderMatch(
        row_index=3,
        columns={1: "name", 2: "sex", 3: "id_number", 4: "notes", 6: "mobile"},
        headers=("序号", "会员姓名", "性别", "身份证号", "备注", "不认识的列", "手机"),
    )


def test_find_header_needs_name_and_id_number_within_the_scan():
    assert find_header([["姓名", "手机"], ["王伟", "13800000001"]]) is None
    rows = [["标题"]] * 20 + [["姓名", "身份证号"]]
    assert find_header(rows) is None
    assert find_header(rows, scan=21) == HeaderMatch(
        20, {0: "name", 1: "id_number"}, ("姓名", "身份证号")
    )


def test_find_header_uses_the_first_column_when_a_field_appears_twice():
    match = find_header([["姓名", "身份证号", "名字", "身份证"]])
    assert match is not None
    assert match.columns == {0: "name", 1: "id_number"}


def test_is_blank():
    assert is_blank([]) and is_blank([None, "", "  ", "　"])
    assert not is_blank([None, 0])


# --- read_row ---------------------------------------------------------------------------------


def test_read_row_of_a_valid_row_gives_the_validated_draft():
    result = row_of(member_row(1))
    assert result.problems == ()
    assert result.row == 2
    assert result.department == "生产车间"
    draft = result.draft
    assert draft is not None
    assert draft.id_number == fake_id(1)
    assert draft.sex is Sex.MALE
    assert draft.birth_date == date(1960, 1, 12)
    assert draft.ethnicity == "01"
    assert draft.mobile == "13800000001"
    assert draft.education is Education.BACHELOR
    assert draft.political_status is PoliticalStatus.MASSES
    assert draft.work_start_date == date(2010, 7, 1)
    assert draft.join_date == date(2012, 3, 5)
    assert draft.department_id is None


def test_read_row_accepts_translated_labels_english_sources_and_common_variants():
    texts = ("姓名", "身份证号", "性别", "民族", "学历", "政治面貌", "户口性质", "入会时间")
    base = ["王伟", fake_id(1), "Male", "Han", "Bachelor", "CPC member", "农业户口", 43895]
    english = row_of(base, texts)
    variants = row_of(["王伟", fake_id(1), "男性", "汉", "本科", "党员", "农业", "2020/3/5"], texts)
    translated = row_of(
        ["王伟", fake_id(1), "男", "汉族", "大学本科", "中共党员", "农业", "2020-03-05"],
        texts,
        translate=chinese,
    )
    for result in (english, variants, translated):
        assert result.problems == ()
        assert result.draft is not None
        assert result.draft.education is Education.BACHELOR
        assert result.draft.political_status is PoliticalStatus.CPC_MEMBER
        assert result.draft.hukou_nature is HukouNature.AGRICULTURAL
        assert result.draft.ethnicity == "01"
        assert result.draft.join_date == date(2020, 3, 5)


def test_read_row_applies_the_documented_defaults_for_missing_columns():
    result = row_of(
        ["王伟", fake_id(2), "汉族", "2015-01-01"], ("姓名", "身份证号", "民族", "入会时间")
    )
    assert result.problems == ()
    draft = result.draft
    assert draft is not None
    assert draft.sex is Sex.FEMALE  # from the ID number
    assert draft.id_type is IdType.RESIDENT_ID
    for field, value in DEFAULTS.items():
        assert getattr(draft, field) == value
    assert draft.mobile == "" and draft.card_number == "" and result.department == ""


def test_read_row_flags_yes_and_no():
    texts = ("姓名", "身份证号", "民族", "入会时间", "是否农民工", "是否困难职工")
    yes = row_of(["王伟", fake_id(3), "汉族", "2015-01-01", "是", "Y"], texts)
    no = row_of(["王伟", fake_id(3), "汉族", "2015-01-01", "否", None], texts)
    assert yes.draft is not None and yes.draft.migrant_worker and yes.draft.hardship
    assert no.draft is not None and not no.draft.migrant_worker and not no.draft.hardship
    bad = row_of(["王伟", fake_id(3), "汉族", "2015-01-01", "也许", "否"], texts)
    assert [(p.column, p.value) for p in bad.problems] == [("是否农民工", "也许")]


def test_read_row_ties_every_problem_to_its_column_and_keeps_the_value():
    cells = member_row(
        4,
        **{
            "身份证号码": 110105199001010000.0,
            "学历": "幼儿园",
            "民族": "火星族",
            "入会时间": "去年",
            "手机号码": "12345",
        },
    )
    result = row_of(cells, row=7)
    assert result.draft is None
    found = {(p.row, p.column, p.value, p.reason.field) for p in result.problems}
    assert found == {
        (7, "身份证号码", "110105199001010000", "id_number"),
        (7, "民族", "火星族", "ethnicity"),
        (7, "手机号码", "12345", "mobile"),
        (7, "学历", "幼儿园", "education"),
        (7, "入会时间", "去年", "join_date"),
    }
    education = next(p for p in result.problems if p.column == "学历")
    assert "Bachelor、Postgraduate" in education.reason.render()
    in_chinese = row_of(cells, translate=chinese).problems
    assert "大学本科" in next(p for p in in_chinese if p.column == "学历").reason.render(chinese)


def test_read_row_reports_validator_problems_of_fields_without_a_column():
    texts = ("姓名", "身份证号", "民族")  # no join date column
    result = row_of(["王伟", fake_id(5), "汉族"], texts)
    assert [(p.column, p.value, p.reason.field) for p in result.problems] == [
        ("入会时间", "", "join_date")
    ]


def test_read_row_reports_sex_that_contradicts_the_id_number():
    result = row_of(member_row(5, 性别="女"))
    assert [(p.column, p.value) for p in result.problems] == [("性别", "女")]
    assert "belongs to a man" in result.problems[0].reason.render()


def test_read_row_with_a_header_built_by_hand_names_columns_by_their_canonical_header():
    header = HeaderMatch(row_index=0, columns={0: "name", 1: "id_number"})
    result = read_row(["王伟", 1.5e17], header, 3, translate=untranslated, today=TODAY)
    assert [(p.column, p.reason.field) for p in result.problems] == [
        ("身份证号", "id_number"),
        ("民族", "ethnicity"),
        ("入会时间", "join_date"),
    ]


def test_read_row_of_a_short_row_treats_missing_cells_as_empty():
    result = row_of(["王伟", "男"])
    assert result.draft is None
    assert {p.column for p in result.problems} >= {"身份证号码", "入会时间", "民族"}


@given(st.integers(min_value=0, max_value=999))
def test_read_row_accepts_every_generated_row(index):
    result = row_of(member_row(index))
    assert result.problems == ()
    assert result.draft is not None and result.draft.id_number == fake_id(index)
