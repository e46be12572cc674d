"""Honours a member already holds (荣誉, DESIGN.md 3): levels, the form check and the 劳模 flag."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    length_problems,
    problem,
    untranslated,
)

TITLE_MAX_LENGTH = 100
AWARDING_BODY_MAX_LENGTH = 100
NOTES_MAX_LENGTH = 500
FIRST_HONOUR_YEAR = 1949  # honours of the People's Republic
# Titles that make the holder a 劳模: 劳动模范 and its short form, and 先进工作者, the same honour
# when awarded to staff of public institutions.
MODEL_WORKER_MARKERS = ("劳动模范", "劳模", "先进工作者")


class HonourLevel(StrEnum):
    """荣誉级别, from the highest to the lowest."""

    NATIONAL = "national"  # 国家级
    PROVINCIAL = "provincial"  # 省部级
    CITY = "city"  # 市级 (地市级)
    DISTRICT = "district"  # 区县级
    ENTERPRISE = "enterprise"  # 企业级

    @property
    def rank(self) -> int:
        """Height of the level for comparisons: 1 for enterprise up to 5 for national."""
        return len(HonourLevel) - list(HonourLevel).index(self)


_LEVEL_LABELS: dict[HonourLevel, str] = {
    HonourLevel.NATIONAL: QT_TRANSLATE_NOOP("Enum", "National"),
    HonourLevel.PROVINCIAL: QT_TRANSLATE_NOOP("Enum", "Provincial/ministerial"),
    HonourLevel.CITY: QT_TRANSLATE_NOOP("Enum", "City"),
    HonourLevel.DISTRICT: QT_TRANSLATE_NOOP("Enum", "District/county"),
    HonourLevel.ENTERPRISE: QT_TRANSLATE_NOOP("Enum", "Enterprise"),
}


def level_label(level: HonourLevel, translate: Translate = untranslated) -> str:
    """Return the display text of an honour level (context ``Enum``), translated."""
    return translate("Enum", _LEVEL_LABELS[level])


@dataclass(frozen=True)
class HonourDraft:
    """The values of the honour form, before or after ``validate_honour``.

    Field names are the keys that ``Problem.field`` refers to.
    """

    title: str  # for example 北京市劳动模范
    level: HonourLevel | None
    year: int | None
    awarding_body: str  # for example 北京市人民政府
    notes: str = ""


def validate_honour(draft: HonourDraft, *, today: date) -> HonourDraft:
    """Check every field of an honour form and return the cleaned values.

    Args:
        draft: the values as typed.
        today: the date whose year no award year may be after.

    Returns:
        A copy of ``draft`` whose title and awarding body have no surrounding or repeated
        whitespace, and whose notes are stripped.

    Raises:
        ValidationFailed: with every problem found, in form order, each tied to its field key.
    """
    cleaned = dataclasses.replace(
        draft,
        title=collapse_spaces(draft.title),
        awarding_body=collapse_spaces(draft.awarding_body),
        notes=draft.notes.strip(),
    )
    found = _check_title(cleaned.title)
    if cleaned.level is None:
        found.append(
            problem("level", QT_TRANSLATE_NOOP("Validation", "Choose the level of the honour."))
        )
    found += _check_year(cleaned.year, today)
    found += _check_awarding_body(cleaned.awarding_body)
    found += length_problems("notes", cleaned.notes, NOTES_MAX_LENGTH)
    if found:
        raise ValidationFailed(found)
    return cleaned


def collapse_spaces(text: str) -> str:
    """Return ``text`` without surrounding whitespace and with inner runs as one space."""
    return " ".join(text.split())


def _check_title(title: str) -> list[Problem]:
    if not title:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Enter the title of the honour as it is written on the certificate."
        )
        return [problem("title", text)]
    return length_problems("title", title, TITLE_MAX_LENGTH)


def _check_year(year: int | None, today: date) -> list[Problem]:
    if year is None:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the year the honour was awarded.")
        return [problem("year", text)]
    if not FIRST_HONOUR_YEAR <= year <= today.year:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The award year {year} is not possible. Enter a year from {first} to {last}.",
        )
        return [problem("year", text, year=year, first=FIRST_HONOUR_YEAR, last=today.year)]
    return []


def _check_awarding_body(body: str) -> list[Problem]:
    if not body:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Enter the body that awarded the honour, as it is written on the certificate.",
        )
        return [problem("awarding_body", text)]
    return length_problems("awarding_body", body, AWARDING_BODY_MAX_LENGTH)


def is_model_worker_title(title: str) -> bool:
    """Whether an honour with this title makes its holder a 劳模 (spaces are ignored)."""
    compact = "".join(title.split())
    return any(marker in compact for marker in MODEL_WORKER_MARKERS)


def model_worker_level(honours: Iterable[HonourDraft]) -> HonourLevel | None:
    """Return the member's 劳模 level, derived from the honours held (DESIGN.md 3.1 flags).

    Args:
        honours: the member's honours; entries without a level are ignored.

    Returns:
        The highest level among the honours whose title contains one of
        ``MODEL_WORKER_MARKERS``, or None when the member holds no such honour.
    """
    levels = [
        honour.level
        for honour in honours
        if honour.level is not None and is_model_worker_title(honour.title)
    ]
    return max(levels, key=lambda level: level.rank, default=None)
