"""Competitions (劳动和技能竞赛, 安康杯): types, scores and totals (DESIGN.md 3).

An entry is scored with one ``ScoringScheme`` (in ``competition_scheme``): weighted parts
(理论知识 30% / 实际操作 70%, the total on a 100-point scale) or a points rubric (安康杯 assessment
items whose points add up, with an optional pass mark, 达标线). Scores are ``Decimal`` with at most
two decimal places and all arithmetic is exact. A total is rounded half up to two places once;
ranking the totals and awarding prizes is in ``competition_ranking``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from unionDesk.domain.competition_scheme import (
    Part,
    RubricItem,
    SchemeKind,
    ScoringScheme,
    _hundredths,
    _plain,
    scheme_problems,
)
from unionDesk.domain.enums import ENUM_CONTEXT
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Label,
    Problem,
    Translate,
    problem,
    untranslated,
)
from unionDesk.domain.scoring import to_decimal

SCORE_PLACES = 2


class CompetitionType(StrEnum):
    """竞赛类型."""

    SKILLS = "skills"  # 技能竞赛
    LABOUR = "labour"  # 劳动竞赛
    DRILL = "drill"  # 岗位练兵
    ANKANG = "ankang"  # 安康杯
    YOUTH_SAFETY = "youth_safety"  # 青年安全示范岗创建
    MASTER = "master"  # “当好主人翁、建功新时代”主题竞赛
    OTHER = "other"  # 其他


class CompetitionLevel(StrEnum):
    """竞赛级别, from the lowest to the highest."""

    ENTERPRISE = "enterprise"  # 企业级
    DISTRICT = "district"  # 区级
    CITY = "city"  # 市级
    NATIONAL = "national"  # 全国


class Prize(StrEnum):
    """奖项, from the highest to the lowest; prize bands follow this order."""

    FIRST = "first"  # 一等奖
    SECOND = "second"  # 二等奖
    THIRD = "third"  # 三等奖
    EXCELLENCE = "excellence"  # 优秀奖


_LABELS: dict[StrEnum, str] = {
    CompetitionType.SKILLS: QT_TRANSLATE_NOOP("Enum", "Skills competition"),
    CompetitionType.LABOUR: QT_TRANSLATE_NOOP("Enum", "Labour competition"),
    CompetitionType.DRILL: QT_TRANSLATE_NOOP("Enum", "On-the-job training drill"),
    CompetitionType.ANKANG: QT_TRANSLATE_NOOP("Enum", "Ankang Cup"),
    CompetitionType.YOUTH_SAFETY: QT_TRANSLATE_NOOP(
        "Enum", "Youth safety demonstration post campaign"
    ),
    CompetitionType.MASTER: QT_TRANSLATE_NOOP(
        "Enum", "“Be good masters, make contributions in the new era” theme competition"
    ),
    CompetitionType.OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
    CompetitionLevel.ENTERPRISE: QT_TRANSLATE_NOOP("Enum", "Enterprise"),
    CompetitionLevel.DISTRICT: QT_TRANSLATE_NOOP("Enum", "District"),
    CompetitionLevel.CITY: QT_TRANSLATE_NOOP("Enum", "City"),
    CompetitionLevel.NATIONAL: QT_TRANSLATE_NOOP("Enum", "Nationwide"),
    SchemeKind.WEIGHTED_PARTS: QT_TRANSLATE_NOOP("Enum", "Weighted parts (theory and practical)"),
    SchemeKind.POINTS_RUBRIC: QT_TRANSLATE_NOOP("Enum", "Points rubric (assessment items)"),
    Prize.FIRST: QT_TRANSLATE_NOOP("Enum", "First prize"),
    Prize.SECOND: QT_TRANSLATE_NOOP("Enum", "Second prize"),
    Prize.THIRD: QT_TRANSLATE_NOOP("Enum", "Third prize"),
    Prize.EXCELLENCE: QT_TRANSLATE_NOOP("Enum", "Excellence award"),
}


def competition_text(value: CompetitionType | CompetitionLevel | Prize | SchemeKind) -> Label:
    """``value``'s display text as a message parameter (context ``Enum``)."""
    return Label(ENUM_CONTEXT, _LABELS[value])


def competition_label(
    value: CompetitionType | CompetitionLevel | Prize | SchemeKind,
    translate: Translate = untranslated,
) -> str:
    """Return the display text of ``value`` (zh_CN: 技能竞赛, 区级, 一等奖 …), translated."""
    return competition_text(value).render(translate)


def score_problems(
    scheme: ScoringScheme, values: Mapping[str, Decimal | None], *, complete: bool
) -> list[Problem]:
    """Problems with one entry's ``values`` (line key -> score or None for not yet entered).

    With ``complete`` every line needs a score (before a total is computed); without it empty
    cells are fine (while scores are being typed). Each problem's field is the line key.
    """
    found: list[Problem] = []
    for line in scheme.lines:
        value = values.get(line.key)
        text = _score_text(line, value, complete=complete)
        if text is not None:
            shown = "" if value is None else _plain(value)
            maximum = _plain(line.max_points)
            found.append(problem(line.key, text, part=line.name, value=shown, maximum=maximum))
    known = {line.key for line in scheme.lines}
    text = QT_TRANSLATE_NOOP(
        "Validation", "There is a score for “{key}”, which is not part of this scoring scheme."
    )
    return found + [problem(key, text, key=key) for key in values if key not in known]


def _score_text(line: Part | RubricItem, value: Decimal | None, *, complete: bool) -> str | None:
    if value is None:
        if not complete:
            return None
        return QT_TRANSLATE_NOOP(
            "Validation", "{part}: no score yet. Enter a score from 0 to {maximum}."
        )
    if not value.is_finite():
        return QT_TRANSLATE_NOOP(
            "Validation", "{part}: “{value}” is not a number. Enter a score from 0 to {maximum}."
        )
    if value < 0:
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{part}: a score cannot be negative ({value}). Enter a score from 0 to {maximum}.",
        )
    if value > line.max_points:
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{part}: {value} is above the maximum {maximum}. Enter a score from 0 to {maximum}.",
        )
    if not _hundredths(value):
        return QT_TRANSLATE_NOOP(
            "Validation",
            "{part}: {value} has too many decimal places. Enter a score from 0 to {maximum} "
            "with at most two decimal places.",
        )
    return None


def total(scheme: ScoringScheme, values: Mapping[str, Decimal]) -> Decimal:
    """Return an entry's total, rounded half up to two decimal places.

    Weighted parts: 100 · Σ weight·(value/max) / Σ weight (30/70 with theory 80 and practical
    90 gives 87.00). Points rubric: the sum of the item scores.

    Raises:
        ValueError: if the scheme or the values break a rule (a programming error: check them
            with ``scheme_problems`` and ``score_problems(..., complete=True)`` first).
    """
    _refuse("invalid scoring scheme", scheme_problems(scheme))
    _refuse("invalid scores", score_problems(scheme, values, complete=True))
    if scheme.kind is SchemeKind.POINTS_RUBRIC:
        exact = sum((Fraction(values[item.key]) for item in scheme.items), Fraction(0))
    else:
        parts = scheme.parts
        weights = sum((Fraction(part.weight) for part in parts), Fraction(0))
        share = sum(
            (Fraction(p.weight) * Fraction(values[p.key]) / Fraction(p.max_points) for p in parts),
            Fraction(0),
        )
        exact = 100 * share / weights
    return to_decimal(exact, SCORE_PLACES)


def passed(scheme: ScoringScheme, total_value: Decimal) -> bool | None:
    """Whether ``total_value`` reaches a rubric's pass mark (达标); None without a pass mark."""
    if scheme.kind is not SchemeKind.POINTS_RUBRIC or scheme.pass_threshold is None:
        return None
    return total_value >= scheme.pass_threshold


def _refuse(what: str, found: Sequence[Problem]) -> None:
    if found:
        raise ValueError(f"{what}: " + "; ".join(p.render() for p in found))
