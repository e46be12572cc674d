"""Identity-document numbers: normalisation, check characters and what each type refuses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.enums import IdType, Sex
from unionDesk.domain.ids import (
    HMT_REGIONS,
    PROVINCE_CODES,
    check_id_number,
    compose_hmt_residence_id,
    compose_resident_id,
    normalize_code,
    resident_id_check_char,
)
from unionDesk.domain.messages import ValidationFailed

TODAY = date(2026, 11, 21)
# Fake numbers only: every ID below is generated, none belongs to a real person.
MALE_ID = compose_resident_id("110105", date(1990, 2, 28), 123)
FEMALE_ID = compose_resident_id("440305", date(1985, 7, 9), 42)


def _sequence_with_check_x(region: str, birth: date) -> int:
    return next(s for s in range(1000) if compose_resident_id(region, birth, s).endswith("X"))


X_ID = compose_resident_id(
    "310101", date(1975, 5, 5), _sequence_with_check_x("310101", date(1975, 5, 5))
)


def _with_check_char(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def _wrong_check_char(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def _to_full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) for ch in text)


def refusal(check: Callable[[], object], field: str) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        check()
    problems = caught.value.problems
    assert problems
    assert {p.field for p in problems} == {field}
    messages = [p.render() for p in problems]
    assert all(m.strip() and "{" not in m for m in messages)
    return messages


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１１０１０５", "110105"),
        ("  110105 \t", "110105"),
        ("\u3000110105\u3000", "110105"),
        ("1101 0519 9002", "110105199002"),
        ("31010119750505123x", "31010119750505123X"),
        ("ｘ", "X"),
        ("\u200b\ufeff110105\u202c", "110105"),
        ("", ""),
    ],
)
def test_normalize_code_cleans_typed_codes(raw: str, expected: str) -> None:
    assert normalize_code(raw) == expected


def test_check_char_follows_iso_7064_mod_11_2() -> None:
    # The worked example of GB 11643-1999 (a specimen number, not a person's).
    assert resident_id_check_char("11010519491231002") == "X"


def test_resident_id_gives_birth_date_and_sex() -> None:
    male = check_id_number(IdType.RESIDENT_ID, MALE_ID, today=TODAY)
    female = check_id_number(IdType.RESIDENT_ID, FEMALE_ID, today=TODAY)
    assert (male.birth_date, male.sex) == (date(1990, 2, 28), Sex.MALE)
    assert (female.birth_date, female.sex) == (date(1985, 7, 9), Sex.FEMALE)


@pytest.mark.parametrize(
    "typed",
    [
        X_ID[:17] + "x",
        _to_full_width(X_ID),
        f"  {X_ID}\u3000",
        f"{X_ID[:6]} {X_ID[6:14]} {X_ID[14:]}",
    ],
    ids=["lower-case x", "full-width", "surrounding spaces", "inner spaces"],
)
def test_resident_id_accepts_typing_variants(typed: str) -> None:
    assert check_id_number(IdType.RESIDENT_ID, typed, today=TODAY).number == X_ID


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "missing"),
        ("   ", "missing"),
        (_wrong_check_char(MALE_ID), f"{resident_id_check_char(MALE_ID[:17])} expected"),
        (_with_check_char("11010519900230123"), "1990-02-30"),
        (_with_check_char("11010520270101123"), "in the future"),
        (_with_check_char("11010518991231123"), "before 1900"),
        ("110105900228123", "15-digit"),
        (MALE_ID[:16], "16 characters"),
        (MALE_ID + "1", "19 characters"),
        ("1101X5" + MALE_ID[6:], "“X” at position 5"),
        (MALE_ID[:10] + "O" + MALE_ID[11:], "“O” at position 11"),
        (_with_check_char("39010519900228123"), "not a province code"),
        (_with_check_char("93010519900228123"), "foreigner permanent residence"),
    ],
    ids=[
        "empty",
        "blank",
        "wrong check digit",
        "30 February",
        "future birth date",
        "before 1900",
        "old 15-digit card",
        "too short",
        "too long",
        "X inside",
        "letter O",
        "unknown province",
        "foreigner number",
    ],
)
def test_resident_id_refusals_say_why(raw: str, fragment: str) -> None:
    messages = refusal(lambda: check_id_number(IdType.RESIDENT_ID, raw, today=TODAY), "id_number")
    assert any(fragment in m for m in messages), messages


@pytest.mark.parametrize("region", HMT_REGIONS)
def test_residence_permit_is_checked_like_a_resident_id(region: str) -> None:
    number = compose_hmt_residence_id(region, date(1988, 3, 3), 7)
    info = check_id_number(IdType.HMT_RESIDENCE, number, today=TODAY)
    assert (info.birth_date, info.sex) == (date(1988, 3, 3), Sex.MALE)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (MALE_ID, "starts with 810000, 820000 or 830000"),
        (_wrong_check_char(compose_hmt_residence_id("810000", date(1988, 3, 3), 7)), "expected"),
        (_with_check_char("82000019890229007"), "1989-02-29, does not exist"),
    ],
)
def test_residence_permit_refusals_say_why(raw: str, fragment: str) -> None:
    messages = refusal(lambda: check_id_number(IdType.HMT_RESIDENCE, raw, today=TODAY), "id_number")
    assert any(fragment in m for m in messages), messages


def test_new_foreigner_permanent_id_gives_birth_date_only() -> None:
    number = compose_resident_id("911840", date(1979, 12, 1), 10)
    info = check_id_number(IdType.FOREIGN_PERMANENT, number, today=TODAY)
    assert (info.birth_date, info.sex) == (date(1979, 12, 1), None)


def test_old_foreigner_permanent_id_is_accepted_without_derivation() -> None:
    info = check_id_number(IdType.FOREIGN_PERMANENT, "can 110790 120012", today=TODAY)
    assert info == type(info)("CAN110790120012", None, None)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (MALE_ID, "starts with 9"),
        (_wrong_check_char(compose_resident_id("911840", date(1979, 12, 1), 10)), "expected"),
        ("CA1110790120012", "3 letters followed by 12 digits"),
        ("CAN1107901200", "13 characters"),
    ],
)
def test_foreigner_permanent_id_refusals_say_why(raw: str, fragment: str) -> None:
    messages = refusal(
        lambda: check_id_number(IdType.FOREIGN_PERMANENT, raw, today=TODAY), "id_number"
    )
    assert any(fragment in m for m in messages), messages


@pytest.mark.parametrize("raw", ["E12345678", "ab 12345", "１２３４５"])
def test_passport_accepts_letters_and_digits(raw: str) -> None:
    info = check_id_number(IdType.PASSPORT, raw, today=TODAY)
    assert (info.number, info.birth_date, info.sex) == (normalize_code(raw), None, None)


@pytest.mark.parametrize(
    ("raw", "fragment"), [("E123", "4 characters"), ("E" * 21, "21 characters"), ("E12-345", "“-”")]
)
def test_passport_refusals_say_why(raw: str, fragment: str) -> None:
    messages = refusal(lambda: check_id_number(IdType.PASSPORT, raw, today=TODAY), "id_number")
    assert any(fragment in m for m in messages), messages


regions = st.builds(
    lambda province, rest: f"{province}{rest:04d}",
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(0, 9999),
)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(0, 999)


@given(regions, births, sequences)
def test_composed_ids_validate_and_round_trip(region: str, birth: date, sequence: int) -> None:
    info = check_id_number(
        IdType.RESIDENT_ID, compose_resident_id(region, birth, sequence), today=TODAY
    )
    assert info.birth_date == birth
    assert info.sex == (Sex.MALE if sequence % 2 else Sex.FEMALE)


@given(regions, births, sequences, st.integers(0, 17), st.integers(1, 9))
def test_changing_one_digit_is_always_refused(
    region: str, birth: date, sequence: int, position: int, shift: int
) -> None:
    number = compose_resident_id(region, birth, sequence)
    old = number[position]
    new = str((int(old) + shift) % 10) if old != "X" else str(shift)
    changed = number[:position] + new + number[position + 1 :]
    refusal(lambda: check_id_number(IdType.RESIDENT_ID, changed, today=TODAY), "id_number")


@given(st.text())
def test_normalize_code_is_idempotent(raw: str) -> None:
    once = normalize_code(raw)
    assert normalize_code(once) == once


@given(st.sampled_from(list(IdType)), st.text())
def test_check_id_number_only_raises_validation_failed(id_type: IdType, raw: str) -> None:
    try:
        check_id_number(id_type, raw, today=TODAY)
    except ValidationFailed as failed:
        assert all(p.field == "id_number" and p.render() for p in failed.problems)
