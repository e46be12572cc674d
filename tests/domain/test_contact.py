"""Mainland mobile numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.contact import check_mobile
from unionDesk.domain.messages import ValidationFailed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("  \u3000", ""),
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("+86-19912345678", "19912345678"),
        ("0086 13800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        (" 13800138000 ", "13800138000"),
    ],
)
def test_mobile_is_normalised(raw: str, expected: str) -> None:
    assert check_mobile(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("1380013800", "10 digits"),
        ("138001380001", "12 digits"),
        ("12800138000", "starts with 12"),
        ("010-12345678", "not a landline"),
        ("1380013800O", "“O”"),
        ("+1 415 555 0100", "mainland China"),
    ],
)
def test_refusals_say_why(raw: str, fragment: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        check_mobile(raw)
    problems = caught.value.problems
    assert problems
    assert {p.field for p in problems} == {"mobile"}
    messages = [p.render() for p in problems]
    assert all(m.strip() and "{" not in m for m in messages)
    assert any(fragment in m for m in messages), messages


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_valid_numbers_pass_unchanged(number: str) -> None:
    assert check_mobile(number) == number


@given(st.text())
def test_check_mobile_only_raises_validation_failed(raw: str) -> None:
    try:
        result = check_mobile(raw)
    except ValidationFailed as failed:
        assert all(p.field == "mobile" and p.render() for p in failed.problems)
    else:
        assert result == "" or len(result) == 11
