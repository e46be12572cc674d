"""Identity-document numbers: cleaning what was typed, and the format rules of each document type.

Resident ID numbers follow GB 11643 (ISO 7064 MOD 11-2 check character). The Hong Kong, Macao
and Taiwan residence permit and the 2023 foreigner permanent residence ID use the same layout.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from unionDesk.domain.enums import IdType, Sex
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

FIELD = "id_number"
DIGITS = frozenset("0123456789")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# First two digits of GB/T 2260 province-level codes, plus 71 (Taiwan), 81 (HK) and 82 (Macao).
PROVINCE_CODES = frozenset(
    {
        *("11", "12", "13", "14", "15", "21", "22", "23"),
        *("31", "32", "33", "34", "35", "36", "37"),
        *("41", "42", "43", "44", "45", "46"),
        *("50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
        *("71", "81", "82"),
    }
)
HMT_REGIONS = ("810000", "820000", "830000")
EARLIEST_BIRTH_YEAR = 1900
_CHECK_CHARS = "10X98765432"
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf"})


@dataclass(frozen=True)
class IdInfo:
    """A checked identity-document number and what it says about its holder.

    Attributes:
        number: the normalised number.
        birth_date: the birth date encoded in the number, if the format carries one.
        sex: the sex encoded in the number, if the format carries one.
    """

    number: str
    birth_date: date | None
    sex: Sex | None


def half_width(text: str) -> str:
    """Return ``text`` with full-width ASCII (U+FF01..U+FF5E) turned into plain ASCII."""
    return text.translate(_HALF_WIDTH)


def normalize_code(raw: str) -> str:
    """Return a typed code cleaned for comparison and storage.

    Full-width ASCII becomes half-width, every whitespace and invisible control or format
    character (often pasted from spreadsheets) is removed, and letters are upper-cased.
    """
    kept = (ch for ch in half_width(raw) if not _is_blank(ch))
    return "".join(kept).upper()


def resident_id_check_char(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') for 17 digits.

    Raises:
        ValueError: ``first17`` is not exactly 17 ASCII digits.
    """
    if len(first17) != 17 or not set(first17) <= DIGITS:
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def compose_resident_id(region: str, birth: date, sequence: int) -> str:
    """Build a well-formed 18-character resident ID number (for demo data and tests only).

    Args:
        region: six-digit administrative division code.
        birth: the birth date to encode.
        sequence: 0..999; an odd last digit means male, an even one female.

    Raises:
        ValueError: the region or sequence is out of range.
    """
    if len(region) != 6 or not set(region) <= DIGITS or not 0 <= sequence <= 999:
        raise ValueError(f"bad region {region!r} or sequence {sequence}")
    first17 = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    return first17 + resident_id_check_char(first17)


def compose_hmt_residence_id(region: str, birth: date, sequence: int) -> str:
    """Build a well-formed Hong Kong/Macao/Taiwan residence permit number (demo and tests).

    Raises:
        ValueError: ``region`` is not 810000, 820000 or 830000, or the sequence is out of range.
    """
    if region not in HMT_REGIONS:
        raise ValueError(f"not a residence permit region: {region!r}")
    return compose_resident_id(region, birth, sequence)


def check_id_number(id_type: IdType, raw: str, *, today: date) -> IdInfo:
    """Check a typed identity-document number against the rules of its type.

    Args:
        id_type: the document type chosen.
        raw: the number as typed; it is normalised with ``normalize_code`` first.
        today: the date that birth dates may not be after.

    Returns:
        The normalised number, with the birth date and sex it encodes where the type has them.

    Raises:
        ValidationFailed: the number breaks a rule; problems are on the ``id_number`` field.
    """
    number = normalize_code(raw)
    if not number:
        _fail(
            problem(
                FIELD,
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The ID number is missing. Enter the number shown on the document.",
                ),
            )
        )
    return _CHECKERS[id_type](number, today)


def _is_blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in _INVISIBLE_CATEGORIES


def _fail(*problems: Problem) -> NoReturn:
    raise ValidationFailed(problems)


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationFailed(problems)


def first_bad_chars(text: str, allowed: Callable[[int, str], bool]) -> Iterator[tuple[int, str]]:
    """Yield (1-based position, character) for the first occurrence of each refused character.

    Args:
        text: the text to scan.
        allowed: tells whether the character at a 0-based index is acceptable there.
    """
    seen: set[str] = set()
    for index, ch in enumerate(text):
        if not allowed(index, ch) and ch not in seen:
            seen.add(ch)
            yield index + 1, ch


def _length_problem(number: str, expected: int) -> list[Problem]:
    if len(number) == expected:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The ID number has {length} characters, but this document type has {expected}. "
        "Check for a missing or extra character.",
    )
    return [problem(FIELD, text, length=len(number), expected=expected)]


def _gb11643_char_problems(number: str) -> list[Problem]:
    last = len(number) - 1

    def allowed(index: int, ch: str) -> bool:
        return ch in DIGITS or (ch == "X" and index == last)

    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The ID number contains “{char}” at position {position}. Only digits are allowed, and "
        "X only as the last character; correct that character.",
    )
    return [
        problem(FIELD, text, char=ch, position=pos) for pos, ch in first_bad_chars(number, allowed)
    ]


def _birth_date_problems(number: str, today: date) -> list[Problem]:
    digits = number[6:14]
    shown = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The birth date in the ID number, {date}, does not exist. "
            "Check digits 7 to 14 against the document.",
        )
        return [problem(FIELD, text, date=shown)]
    return _birth_range_problems(birth, today)


def _birth_range_problems(birth: date, today: date) -> list[Problem]:
    if birth > today:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The birth date in the ID number, {date}, is in the future. "
            "Check digits 7 to 14 against the document.",
        )
        return [problem(FIELD, text, date=birth.isoformat())]
    if birth.year < EARLIEST_BIRTH_YEAR:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The birth date in the ID number, {date}, is before {year}. "
            "Check digits 7 to 14 against the document.",
        )
        return [problem(FIELD, text, date=birth.isoformat(), year=EARLIEST_BIRTH_YEAR)]
    return []


def _check_char_problems(number: str) -> list[Problem]:
    expected = resident_id_check_char(number[:17])
    if number[17] == expected:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The check character of this ID number is wrong ({expected} expected from the first "
        "17 digits). Check the number against the card.",
    )
    return [problem(FIELD, text, expected=expected)]


def _check_gb11643(
    number: str, today: date, prefix_problems: Callable[[str], list[Problem]], *, has_sex: bool
) -> IdInfo:
    """Check an 18-character number laid out like a resident ID and read what it encodes."""
    _raise_if(_length_problem(number, 18) + _gb11643_char_problems(number))
    problems = prefix_problems(number) + _birth_date_problems(number, today)
    _raise_if(problems + _check_char_problems(number))
    birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    sex = (Sex.MALE if int(number[16]) % 2 else Sex.FEMALE) if has_sex else None
    return IdInfo(number, birth, sex)


def _province_problems(number: str) -> list[Problem]:
    if number[0] == "9":
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Numbers starting with 9 belong to foreigner permanent residence IDs. "
            "Choose that document type, or check the first digit.",
        )
        return [problem(FIELD, text)]
    if number[:2] in PROVINCE_CODES:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The ID number starts with {code}, which is not a province code. "
        "Check the first two digits against the card.",
    )
    return [problem(FIELD, text, code=number[:2])]


def _hmt_prefix_problems(number: str) -> list[Problem]:
    if number[:6] in HMT_REGIONS:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "A Hong Kong, Macao or Taiwan residence permit number starts with 810000, 820000 or "
        "830000, but this one starts with {prefix}. Check the number, or choose the right "
        "document type.",
    )
    return [problem(FIELD, text, prefix=number[:6])]


def _foreign_prefix_problems(number: str) -> list[Problem]:
    if number[0] == "9":
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "An 18-character foreigner permanent residence ID number starts with 9. "
        "Check the first character, or choose the right document type.",
    )
    return [problem(FIELD, text)]


def _check_resident(number: str, today: date) -> IdInfo:
    if len(number) == 15 and set(number) <= DIGITS:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "This is a 15-digit number from an old first-generation card, which is no longer "
            "accepted. Enter the 18-digit number from the member's current ID card.",
        )
        _fail(problem(FIELD, text))
    return _check_gb11643(number, today, _province_problems, has_sex=True)


def _check_hmt(number: str, today: date) -> IdInfo:
    return _check_gb11643(number, today, _hmt_prefix_problems, has_sex=True)


def _check_foreign(number: str, today: date) -> IdInfo:
    if len(number) == 18:
        return _check_gb11643(number, today, _foreign_prefix_problems, has_sex=False)
    if len(number) != 15:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The ID number has {length} characters, but a foreigner permanent residence ID "
            "number has 18 (15 on cards issued before December 2023). "
            "Check for a missing or extra character.",
        )
        _fail(problem(FIELD, text, length=len(number)))
    if not (set(number[:3]) <= LETTERS and set(number[3:]) <= DIGITS):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "A 15-character foreigner permanent residence ID number is 3 letters followed by "
            "12 digits. Check the number against the card.",
        )
        _fail(problem(FIELD, text))
    return IdInfo(number, None, None)


def _check_passport(number: str, today: date) -> IdInfo:
    del today
    problems: list[Problem] = []
    if not 5 <= len(number) <= 20:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The passport number has {length} characters, but it should have 5 to 20. "
            "Check it against the passport.",
        )
        problems.append(problem(FIELD, text, length=len(number)))
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The passport number contains “{char}” at position {position}. "
        "Only letters and digits are allowed; correct that character.",
    )
    bad = first_bad_chars(number, lambda _, ch: ch in DIGITS or ch in LETTERS)
    problems += [problem(FIELD, text, char=ch, position=pos) for pos, ch in bad]
    _raise_if(problems)
    return IdInfo(number, None, None)


_CHECKERS: dict[IdType, Callable[[str, date], IdInfo]] = {
    IdType.RESIDENT_ID: _check_resident,
    IdType.HMT_RESIDENCE: _check_hmt,
    IdType.FOREIGN_PERMANENT: _check_foreign,
    IdType.PASSPORT: _check_passport,
}
