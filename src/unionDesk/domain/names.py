"""Personal names: CJK names of any block, minority names with the middle dot, Latin names."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from unionDesk.domain.ids import first_bad_chars, half_width
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

FIELD = "name"
MIDDLE_DOT = "·"
NAME_MAX_LENGTH = 50
# Characters typed or pasted in place of the middle dot of names such as 阿依古丽·买买提.
_DOT_LOOK_ALIKES = str.maketrans(dict.fromkeys("・•．‧･∙⋅", MIDDLE_DOT))
# Every CJK ideograph block, listed by range so that blocks newer than the Unicode database of
# the running Python (Extension H and I on 3.11) are still accepted.
_CJK_RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # Unified Ideographs
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2EE5F),  # Extensions C, D, E, F and I
    (0x2F800, 0x2FA1F),  # Compatibility Ideographs Supplement
    (0x30000, 0x323AF),  # Extensions G and H
)
# 〇 is an ideograph in a few registered names, though Unicode files it as a number.
_IDEOGRAPHIC_ZERO = "〇"
# Kangxi radicals look exactly like ideographs and arrive in text copied out of PDF files.
_RADICAL_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))


def check_person_name(raw: str) -> str:
    """Check a typed personal name.

    Surrounding and repeated whitespace is dropped, spaces next to Chinese characters are
    removed, and look-alikes of the middle dot become "·".

    Args:
        raw: the name as typed.

    Returns:
        The normalised name.

    Raises:
        ValidationFailed: the name breaks a rule; problems are on the ``name`` field.
    """
    name = _normalize(raw)
    if not name:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The name is missing. Enter the name as it is written on the ID document."
        )
        raise ValidationFailed([problem(FIELD, text)])
    problems = _char_problems(name) + _dot_problems(name) + _length_problems(name)
    if problems:
        raise ValidationFailed(problems)
    return name


def is_cjk_ideograph(ch: str) -> bool:
    """Tell whether ``ch`` is a CJK ideograph of any block, rare extensions included."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def normalize_name(raw: str) -> str:
    """Spell ``raw`` the way stored names are spelt (dots, widths, spaces); no checks.

    Used for the register's search box too, so what a user types matches what was saved.
    """
    return _normalize(raw)


def _normalize(raw: str) -> str:
    text = half_width(raw.translate(_DOT_LOOK_ALIKES))
    # Format characters (zero-width spaces, byte-order marks) come invisibly with pasted text.
    text = "".join(_unify_radical(ch) for ch in text if unicodedata.category(ch) != "Cf")
    text = _compose_non_cjk(" ".join(text.split()))
    return "".join(ch for i, ch in enumerate(text) if not _is_needless_space(text, i))


def _unify_radical(ch: str) -> str:
    code = ord(ch)
    if any(low <= code <= high for low, high in _RADICAL_RANGES):
        return unicodedata.normalize("NFKC", ch)
    return ch


def _compose_non_cjk(text: str) -> str:
    """NFC-compose accented Latin letters, leaving ideographs (which NFC would change) alone."""
    runs = groupby(text, key=is_cjk_ideograph)
    return "".join(
        "".join(run) if cjk else unicodedata.normalize("NFC", "".join(run)) for cjk, run in runs
    )


def _is_needless_space(text: str, index: int) -> bool:
    """A space is kept only between two non-Chinese characters, as in a Latin name."""
    if text[index] != " ":
        return False
    return _is_chinese_part(text[index - 1]) or _is_chinese_part(text[index + 1])


def _is_chinese_part(ch: str) -> bool:
    return is_cjk_ideograph(ch) or ch in (MIDDLE_DOT, _IDEOGRAPHIC_ZERO)


def _is_latin_letter(ch: str) -> bool:
    return unicodedata.category(ch) in ("Lu", "Ll", "Lt") and "LATIN" in unicodedata.name(ch, "")


def _is_allowed(ch: str) -> bool:
    return _is_chinese_part(ch) or ch == " " or _is_latin_letter(ch)


def _char_problems(name: str) -> list[Problem]:
    bad = list(first_bad_chars(name, lambda _, ch: _is_allowed(ch)))
    return [_bad_char_problem(ch) for _, ch in bad[:1]]


def _bad_char_problem(ch: str) -> Problem:
    if ch.isprintable() and not unicodedata.category(ch).startswith("M"):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The name contains “{char}”, which is not allowed in a name. Delete it: a name may "
            "have Chinese characters, Latin letters, spaces and the middle dot (·).",
        )
        return problem(FIELD, text, char=ch)
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The name contains an invisible character (U+{code}), which is not allowed in a name. "
        "Delete the name and type it again.",
    )
    return problem(FIELD, text, code=f"{ord(ch):04X}")


def _dot_problems(name: str) -> list[Problem]:
    problems: list[Problem] = []
    if name.startswith(MIDDLE_DOT) or name.endswith(MIDDLE_DOT):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The name starts or ends with a middle dot (·). Remove it: the dot only goes "
            "between the parts of a name.",
        )
        problems.append(problem(FIELD, text))
    if MIDDLE_DOT * 2 in name:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The name has two middle dots (·) in a row. Keep one dot between the parts of a name.",
        )
        problems.append(problem(FIELD, text))
    return problems


def _length_problems(name: str) -> list[Problem]:
    if len(name) <= NAME_MAX_LENGTH:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The name has {length} characters, but at most {limit} are allowed. Shorten the name.",
    )
    return [problem(FIELD, text, length=len(name), limit=NAME_MAX_LENGTH)]
