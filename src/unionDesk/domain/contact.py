"""Contact details of members: the mainland mobile number."""

from __future__ import annotations

import re

from unionDesk.domain.ids import DIGITS, first_bad_chars, normalize_code
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

FIELD = "mobile"
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Hyphens and dashes people type between digit groups.
_SEPARATORS = frozenset("-‐‑‒–—―−")
_COUNTRY_PREFIXES = ("+86", "0086")


def check_mobile(raw: str) -> str:
    """Check an optional mainland mobile number.

    Full-width digits are accepted, and spaces, hyphens and a leading +86, 0086 or 86 are removed.

    Args:
        raw: the number as typed.

    Returns:
        The 11 digits, or "" when nothing was typed.

    Raises:
        ValidationFailed: the number breaks a rule; problems are on the ``mobile`` field.
    """
    digits = _without_country_code(_strip_separators(normalize_code(raw)))
    if not digits:
        return ""
    if digits.startswith("+"):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Only mainland China mobile numbers (+86) can be entered. "
            "Enter a mainland number, or leave the field empty.",
        )
        raise ValidationFailed([problem(FIELD, text)])
    _raise_if(_char_problems(digits))
    _raise_if(_shape_problems(digits))
    return digits


def _strip_separators(text: str) -> str:
    return "".join(ch for ch in text if ch not in _SEPARATORS)


def _without_country_code(text: str) -> str:
    for prefix in _COUNTRY_PREFIXES:
        if text.startswith(prefix):
            return text.removeprefix(prefix)
    if len(text) == 13 and text.startswith("86"):
        return text[2:]
    return text


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationFailed(problems)


def _char_problems(digits: str) -> list[Problem]:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The mobile number contains “{char}”, which is not a digit. Type digits only; spaces, "
        "hyphens and +86 are removed for you.",
    )
    bad = first_bad_chars(digits, lambda _, ch: ch in DIGITS)
    return [problem(FIELD, text, char=ch) for _, ch in bad]


def _shape_problems(digits: str) -> list[Problem]:
    if len(digits) != 11:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The mobile number has {length} digits, but a mainland mobile number has 11. "
            "Check for a missing or extra digit.",
        )
        return [problem(FIELD, text, length=len(digits))]
    if not _MOBILE.fullmatch(digits):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "A mainland mobile number starts with 13 to 19, but this one starts with {prefix}. "
            "Enter a mobile number (not a landline), or leave the field empty.",
        )
        return [problem(FIELD, text, prefix=digits[:2])]
    return []
