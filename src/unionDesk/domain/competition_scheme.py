"""Scoring schemes of competitions: their lines, JSON form, validation and presets (DESIGN.md 3).

A ``ScoringScheme`` is weighted parts (理论知识 30% / 实际操作 70%, the total on a 100-point
scale) or a points rubric (安康杯 assessment items whose points add up, with an optional pass mark,
达标线). Scoring an entry with a scheme is in ``competition``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

MAX_LINES = 20  # parts or assessment items of one scheme


class SchemeKind(StrEnum):
    """How the scores of an entry make its total."""

    WEIGHTED_PARTS = "weighted_parts"  # 分项加权: 理论 + 实操, 100-point scale
    POINTS_RUBRIC = "points_rubric"  # 考核细则: points add up, optional pass mark


@dataclass(frozen=True)
class Part:
    """One weighted part of a competition, for example 实际操作 (max 100, weight 70).

    Attributes:
        key: stable code, for example ``"practical"``.
        name: the text on the score sheet (data, not translated).
        max_points: the highest score of the part; greater than 0.
        weight: the part's share of the total; greater than 0 (any scale, usually percent).
    """

    key: str
    name: str
    max_points: Decimal
    weight: Decimal


@dataclass(frozen=True)
class RubricItem:
    """One assessment item of a points rubric, for example 隐患排查治理 (max 20 points).

    Attributes:
        key: stable code, for example ``"hazards"``.
        name: the text on the score sheet (data, not translated).
        max_points: the highest score of the item; greater than 0.
    """

    key: str
    name: str
    max_points: Decimal


@dataclass(frozen=True)
class ScoringScheme:
    """How a competition scores its entries.

    Attributes:
        kind: weighted parts or a points rubric.
        parts: the parts of a ``WEIGHTED_PARTS`` scheme; empty for a rubric.
        items: the assessment items of a ``POINTS_RUBRIC`` scheme; empty for weighted parts.
        pass_threshold: a rubric's pass mark (达标线), or None; always None for weighted parts.
    """

    kind: SchemeKind
    parts: tuple[Part, ...] = ()
    items: tuple[RubricItem, ...] = ()
    pass_threshold: Decimal | None = None

    @property
    def lines(self) -> tuple[Part | RubricItem, ...]:
        """The lines scores are entered for: the parts or the items, as ``kind`` says."""
        return self.parts if self.kind is SchemeKind.WEIGHTED_PARTS else self.items

    def to_json(self) -> dict[str, object]:
        """Return the scheme as JSON-ready data; numbers are kept exact as strings."""
        return {
            "kind": self.kind.value,
            "parts": [
                {
                    "key": p.key,
                    "name": p.name,
                    "max_points": _plain(p.max_points),
                    "weight": _plain(p.weight),
                }
                for p in self.parts
            ],
            "items": [
                {"key": i.key, "name": i.name, "max_points": _plain(i.max_points)}
                for i in self.items
            ],
            "pass_threshold": None if self.pass_threshold is None else _plain(self.pass_threshold),
        }

    @classmethod
    def from_json(cls, data: object) -> ScoringScheme:
        """Build a scheme from ``to_json`` data; absent ``parts``/``items`` mean none.

        Raises:
            ValidationFailed: naming the key of the first malformed value, or with every
                problem of ``scheme_problems`` when the data is well formed but the scheme is not.
        """
        if not isinstance(data, dict):
            raise _damaged("")
        kind = _value(data, "", "kind")
        if not isinstance(kind, str) or kind not in {member.value for member in SchemeKind}:
            raise _damaged("kind")
        scheme = cls(
            kind=SchemeKind(kind),
            parts=tuple(_part(entry, path) for path, entry in _entries(data, "parts")),
            items=tuple(_item(entry, path) for path, entry in _entries(data, "items")),
            pass_threshold=(
                None if data.get("pass_threshold") is None else _number(data, "", "pass_threshold")
            ),
        )
        found = scheme_problems(scheme)
        if found:
            raise ValidationFailed(found)
        return scheme


def _entries(data: Mapping[str, object], collection: str) -> list[tuple[str, object]]:
    entries = data.get(collection, [])
    if not isinstance(entries, list):
        raise _damaged(collection)
    return [(f"{collection}.{index}", entry) for index, entry in enumerate(entries)]


def _part(entry: object, path: str) -> Part:
    return Part(
        key=_text(entry, path, "key"),
        name=_text(entry, path, "name"),
        max_points=_number(entry, path, "max_points"),
        weight=_number(entry, path, "weight"),
    )


def _item(entry: object, path: str) -> RubricItem:
    return RubricItem(
        key=_text(entry, path, "key"),
        name=_text(entry, path, "name"),
        max_points=_number(entry, path, "max_points"),
    )


def _value(entry: object, path: str, key: str) -> object:
    """``entry[key]``, where ``path`` names ``entry`` (empty for the whole scheme)."""
    if not isinstance(entry, dict):
        raise _damaged(path)
    if key not in entry:
        raise _damaged(f"{path}.{key}" if path else key)
    return entry[key]


def _text(entry: object, path: str, key: str) -> str:
    value = _value(entry, path, key)
    if not isinstance(value, str):
        raise _damaged(f"{path}.{key}")
    return value


def _number(entry: object, path: str, key: str) -> Decimal:
    value = _value(entry, path, key)
    try:
        number = Decimal(value) if isinstance(value, str) else Decimal("NaN")
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise _damaged(f"{path}.{key}" if path else key)
    return number


def _damaged(key: str) -> ValidationFailed:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The stored scoring scheme is damaged at “{key}”. Set the scheme again on the "
        "competition form.",
    )
    return ValidationFailed([problem("scheme", text, key=key or "scheme")])


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _hundredths(value: Decimal) -> bool:
    return (Fraction(value) * 100).denominator == 1


def _positive(value: Decimal) -> bool:
    return value.is_finite() and value > 0


def scheme_problems(scheme: ScoringScheme) -> list[Problem]:
    """Problems with ``scheme``; [] when it can be used for scoring.

    Fields are ``"scheme"`` for the scheme as a whole, ``"scheme.pass_threshold"``, and
    ``"scheme.parts.{index}.{attribute}"`` or ``"scheme.items.{index}.{attribute}"`` (index from
    0) for one line; messages number lines from 1.
    """
    weighted = scheme.kind is SchemeKind.WEIGHTED_PARTS
    found: list[Problem] = []
    other_kind = scheme.items or scheme.pass_threshold is not None if weighted else scheme.parts
    if other_kind:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The scoring scheme mixes weighted parts with assessment items or a pass mark. Keep "
            "only what its kind uses.",
        )
        found.append(problem("scheme", text))
    lines = scheme.lines
    if not lines:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The scoring scheme is empty. Add at least one line."
        )
        return [*found, problem("scheme", text)]
    if len(lines) > MAX_LINES:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The scoring scheme has {count} lines; at most {limit} are allowed."
        )
        found.append(problem("scheme", text, count=len(lines), limit=MAX_LINES))
    prefix = "scheme.parts" if weighted else "scheme.items"
    found += _text_problems(lines, prefix, "key") + _text_problems(lines, prefix, "name")
    for index, line in enumerate(lines):
        found += _number_problems(line, f"{prefix}.{index}", index + 1)
    return found + _threshold_problems(scheme)


_MISSING_TEXT = {
    "key": QT_TRANSLATE_NOOP(
        "Validation", "Line {number} of the scoring scheme has no code. Enter a short code."
    ),
    "name": QT_TRANSLATE_NOOP(
        "Validation",
        "Line {number} of the scoring scheme has no name. Enter the name shown on the score sheet.",
    ),
}
_REPEATED_TEXT = {
    "key": QT_TRANSLATE_NOOP(
        "Validation",
        "Line {number} of the scoring scheme has the code “{value}”, which an earlier line "
        "already uses. Give each line its own code.",
    ),
    "name": QT_TRANSLATE_NOOP(
        "Validation",
        "Line {number} of the scoring scheme has the name “{value}”, which an earlier line "
        "already uses. Give each line its own name.",
    ),
}


def _text_problems(
    lines: Sequence[Part | RubricItem], prefix: str, attribute: str
) -> list[Problem]:
    found: list[Problem] = []
    seen: set[str] = set()
    for index, line in enumerate(lines):
        value = str(getattr(line, attribute)).strip()
        field_name = f"{prefix}.{index}.{attribute}"
        if not value:
            found.append(problem(field_name, _MISSING_TEXT[attribute], number=index + 1))
        elif value in seen:
            found.append(
                problem(field_name, _REPEATED_TEXT[attribute], number=index + 1, value=value)
            )
        seen.add(value)
    return found


def _number_problems(line: Part | RubricItem, path: str, number: int) -> list[Problem]:
    found: list[Problem] = []
    if not _positive(line.max_points) or not _hundredths(line.max_points):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Line {number} of the scoring scheme: the maximum score must be greater than 0, "
            "with at most two decimal places.",
        )
        found.append(problem(f"{path}.max_points", text, number=number))
    if isinstance(line, Part) and not _positive(line.weight):
        text = QT_TRANSLATE_NOOP(
            "Validation", "Line {number} of the scoring scheme: the weight must be greater than 0."
        )
        found.append(problem(f"{path}.weight", text, number=number))
    return found


def _threshold_problems(scheme: ScoringScheme) -> list[Problem]:
    threshold = scheme.pass_threshold
    maxima = [item.max_points for item in scheme.items]
    if scheme.kind is not SchemeKind.POINTS_RUBRIC or threshold is None:
        return []
    if not all(_positive(maximum) for maximum in maxima):
        return []  # reported per line; the highest possible total is unknown
    highest = sum(maxima, Decimal(0))
    if threshold.is_finite() and 0 <= threshold <= highest:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The pass mark {value} is not possible. Enter a mark from 0 to {maximum}, the highest "
        "possible total.",
    )
    return [
        problem("scheme.pass_threshold", text, value=_plain(threshold), maximum=_plain(highest))
    ]


def weighted_parts_preset() -> ScoringScheme:
    """A skills competition: 理论知识 30% and 实际操作 70%, both scored out of 100."""
    return ScoringScheme(
        SchemeKind.WEIGHTED_PARTS,
        parts=(
            Part("theory", "理论知识", Decimal(100), Decimal(30)),
            Part("practical", "实际操作", Decimal(100), Decimal(70)),
        ),
    )


def ankang_preset() -> ScoringScheme:
    """A 安康杯 assessment: seven items worth 100 points in all, pass mark 90."""
    items = (
        ("organisation", "组织领导", 15),
        ("rules", "制度建设", 15),
        ("hazards", "隐患排查治理", 20),
        ("training", "安全培训教育", 15),
        ("participation", "职工参与", 15),
        ("emergency", "应急管理", 10),
        ("innovation", "创新特色", 10),
    )
    return ScoringScheme(
        SchemeKind.POINTS_RUBRIC,
        items=tuple(RubricItem(key, name, Decimal(points)) for key, name, points in items),
        pass_threshold=Decimal(90),
    )
