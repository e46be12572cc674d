"""The unified social credit code (统一社会信用代码) of GB 32100-2015 and its check character."""

from __future__ import annotations

from unionDesk.domain.ids import first_bad_chars, normalize_code
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

FIELD = "uscc"
USCC_LENGTH = 18
# Digits and capital letters without I, O, S, V and Z, which look like digits or each other.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUES = {ch: value for value, ch in enumerate(USCC_CHARSET)}
# Letters a credit code never uses, mapped to the digit they are usually a mistyping of.
_DIGIT_LOOK_ALIKES = {"O": "0", "I": "1", "Z": "2", "S": "5"}


def uscc_check_char(first17: str) -> str:
    """Return the GB 32100 check character for the first 17 characters of a credit code.

    Raises:
        ValueError: ``first17`` is not 17 characters of the credit-code character set.
    """
    if len(first17) != 17 or not set(first17) <= _VALUES.keys():
        raise ValueError(f"expected 17 credit-code characters, got {first17!r}")
    total = sum(_VALUES[ch] * weight for ch, weight in zip(first17, _WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def compose_uscc(body17: str) -> str:
    """Append the check character to a 17-character body (for demo data and tests).

    Raises:
        ValueError: ``body17`` is not 17 characters of the credit-code character set.
    """
    return body17 + uscc_check_char(body17)


def check_uscc(raw: str) -> str:
    """Check a typed unified social credit code.

    Args:
        raw: the code as typed; spaces and full-width characters are tolerated.

    Returns:
        The normalised 18-character code.

    Raises:
        ValidationFailed: the code breaks a rule; problems are on the ``uscc`` field.
    """
    code = normalize_code(raw)
    if not code:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The unified social credit code is missing. Enter the 18 characters printed on "
            "the business licence or registration certificate.",
        )
        raise ValidationFailed([problem(FIELD, text)])
    _raise_if(_length_problems(code) + _char_problems(code))
    _raise_if(_check_char_problems(code))
    return code


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationFailed(problems)


def _length_problems(code: str) -> list[Problem]:
    if len(code) == USCC_LENGTH:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The credit code has {length} characters, but it should have 18. "
        "Check for a missing or extra character.",
    )
    return [problem(FIELD, text, length=len(code))]


def _char_problems(code: str) -> list[Problem]:
    bad = first_bad_chars(code, lambda _, ch: ch in _VALUES)
    return [_bad_char_problem(ch, position) for position, ch in bad]


def _bad_char_problem(ch: str, position: int) -> Problem:
    if ch in _DIGIT_LOOK_ALIKES:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The credit code contains the letter {char} at position {position}, which credit "
            "codes never use. It is probably the digit {digit}; correct that character.",
        )
        return problem(FIELD, text, char=ch, position=position, digit=_DIGIT_LOOK_ALIKES[ch])
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The credit code contains “{char}” at position {position}, which is not allowed. "
        "Use digits and capital letters only (never I, O, S, V or Z).",
    )
    return problem(FIELD, text, char=ch, position=position)


def _check_char_problems(code: str) -> list[Problem]:
    expected = uscc_check_char(code[:17])
    if code[17] == expected:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The check character of this credit code is wrong ({expected} expected from the first "
        "17 characters). Check the code against the business licence.",
    )
    return [problem(FIELD, text, expected=expected)]
