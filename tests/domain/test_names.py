"""Personal names: rare ideographs, minority names with the middle dot, and what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.names import MIDDLE_DOT, check_person_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("王俊雪", "王俊雪"),
        ("王", "王"),
        ("王\U0002020c", "王\U0002020c"),  # Extension B
        ("\u3400\u4e00", "\u3400\u4e00"),  # Extension A
        ("\U0002a700\U0002b740\U0002b820\U0002ceb0", "\U0002a700\U0002b740\U0002b820\U0002ceb0"),
        ("\U00030000\U00031350", "\U00030000\U00031350"),  # Extensions G and H
        ("\uf900\U0002f800", "\uf900\U0002f800"),  # compatibility ideographs are kept as typed
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),  # U+30FB
        ("阿依古丽•买买提", "阿依古丽·买买提"),  # U+2022
        ("阿依古丽．买买提", "阿依古丽·买买提"),  # U+FF0E
        ("阿依古丽‧买买提", "阿依古丽·买买提"),  # U+2027
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("  王俊雪\u3000", "王俊雪"),
        ("王　雪", "王雪"),  # alignment space between two characters
        ("John  Smith", "John Smith"),
        ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"),
        ("Jose\u0301", "José"),
        ("王\u200b俊雪", "王俊雪"),
        ("\u2f08\u2f00", "人一"),  # Kangxi radicals copied from a PDF
        ("王" * 50, "王" * 50),
    ],
)
def test_name_is_accepted_and_normalised(raw: str, expected: str) -> None:
    assert check_person_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "missing"),
        (" \u3000 ", "missing"),
        ("王小明😀", "“😀”"),
        ("王小明2", "“2”"),
        ("王小明!", "“!”"),
        ("王，小明", "“,”"),  # full-width punctuation is shown half-width
        ("王\x00明", "U+0000"),
        ("王" * 1000, "1000 characters"),
        ("王" * 51, "at most 50"),
        ("·买买提", "starts or ends"),
        ("阿依古丽·", "starts or ends"),
        ("阿依古丽··买买提", "two middle dots"),
    ],
    ids=[
        "empty",
        "blank",
        "emoji",
        "digit",
        "punctuation",
        "Chinese comma",
        "control character",
        "1000 characters",
        "51 characters",
        "leading dot",
        "trailing dot",
        "doubled dot",
    ],
)
def test_refusals_say_why(raw: str, fragment: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        check_person_name(raw)
    problems = caught.value.problems
    assert problems
    assert {p.field for p in problems} == {"name"}
    messages = [p.render() for p in problems]
    assert all(m.strip() and "{" not in m for m in messages)
    assert any(fragment in m for m in messages), messages


@given(st.text())
def test_check_person_name_only_raises_validation_failed(raw: str) -> None:
    try:
        name = check_person_name(raw)
    except ValidationFailed as failed:
        assert all(p.field == "name" and p.render() for p in failed.problems)
    else:
        assert 1 <= len(name) <= 50
        assert name == name.strip()
        assert not name.startswith(MIDDLE_DOT)


@given(st.text())
def test_accepted_names_are_stable(raw: str) -> None:
    try:
        name = check_person_name(raw)
    except ValidationFailed:
        return
    assert check_person_name(name) == name
