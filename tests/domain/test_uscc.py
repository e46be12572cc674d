"""Unified social credit codes (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.uscc import USCC_CHARSET, check_uscc, compose_uscc, uscc_check_char

# A made-up body; no real organisation is meant.
CODE = compose_uscc("91110108MA01AB2C3")


def refusal_messages(raw: str) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        check_uscc(raw)
    problems = caught.value.problems
    assert problems
    assert {p.field for p in problems} == {"uscc"}
    messages = [p.render() for p in problems]
    assert all(m.strip() and "{" not in m for m in messages)
    return messages


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("00000000000000000", "0"),  # sum 0: (31 - 0) % 31 = 0
        ("00000000000000001", "3"),  # last weight 28: 31 - 28 = 3
        ("A0000000000000000", "M"),  # A = 10, weight 1: 31 - 10 = 21, which is M
    ],
)
def test_check_char_follows_the_weights_of_gb_32100(body: str, expected: str) -> None:
    assert uscc_check_char(body) == expected


@pytest.mark.parametrize(
    "typed",
    [CODE, CODE.lower(), f"  {CODE}\u3000", f"{CODE[:9]} {CODE[9:]}"],
    ids=["plain", "lower case", "surrounding spaces", "inner space"],
)
def test_valid_code_is_returned_normalised(typed: str) -> None:
    assert check_uscc(typed) == CODE


def test_full_width_code_is_normalised() -> None:
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in CODE)
    assert check_uscc(full_width) == CODE


def _wrong_check(code: str) -> str:
    return code[:17] + ("0" if code[17] != "0" else "1")


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "missing"),
        (CODE[:17], "17 characters"),
        (CODE + "1", "19 characters"),
        (CODE[:8] + "O" + CODE[9:], "letter O at position 9"),
        (CODE[:8] + "O" + CODE[9:], "digit 0"),
        (CODE[:2] + "I" + CODE[3:], "letter I at position 3"),
        (CODE[:4] + "V" + CODE[5:], "“V” at position 5"),
        (_wrong_check(CODE), f"{CODE[17]} expected"),
    ],
)
def test_refusals_say_why(raw: str, fragment: str) -> None:
    messages = refusal_messages(raw)
    assert any(fragment in m for m in messages), messages


bodies = st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17)


@given(bodies)
def test_composed_codes_pass(body: str) -> None:
    assert check_uscc(compose_uscc(body)) == compose_uscc(body)


@given(bodies, st.integers(0, 17), st.sampled_from(USCC_CHARSET + "IOSVZ"))
def test_substituting_one_character_is_refused(body: str, position: int, new: str) -> None:
    code = compose_uscc(body)
    if code[position] == new:
        new = "O"
    refusal_messages(code[:position] + new + code[position + 1 :])


@given(st.text())
def test_check_uscc_only_raises_validation_failed(raw: str) -> None:
    try:
        check_uscc(raw)
    except ValidationFailed as failed:
        assert all(p.field == "uscc" for p in failed.problems)
