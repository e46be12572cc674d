"""Eligibility rules of an award program (DESIGN.md 4) and their check, with a reason per rule."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from unionDesk.domain.enums import SkillLevel, label
from unionDesk.domain.honours import TITLE_MAX_LENGTH, HonourLevel, level_label
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    length_problems,
    problem,
    untranslated,
)

REASON_CONTEXT = "Eligibility"
LOWEST_RULE_AGE = 16  # the youngest age at which a person can join a union
HIGHEST_RULE_AGE = 80
MAX_SERVICE_YEARS = 60
MAX_SAME_TITLE_YEARS = 50

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


@dataclass(frozen=True)
class HeldHonour:
    """An honour the nominee already holds, as far as the rules need it."""

    title: str
    level: HonourLevel
    year: int


@dataclass(frozen=True)
class NomineeFacts:
    """What the rules need to know about the member being nominated."""

    name: str
    birth_date: date
    skill_level: SkillLevel
    work_start_date: date | None  # 参加工作日期; years of service count from it
    honours: tuple[HeldHonour, ...]


@dataclass(frozen=True)
class EligibilityRules:
    """The eligibility rules of one program; a rule left at None (or "") is not applied.

    Field names are the keys of the JSON form and of the problems ``rules_problems`` reports.
    """

    min_skill_level: SkillLevel | None = None
    min_years_of_service: int | None = None
    min_age: int | None = None
    max_age: int | None = None
    same_title_within_years: int | None = None  # no award of the program's title within N years
    required_honour_level: HonourLevel | None = None  # must hold an honour of this level or higher
    required_honour_title: str = ""  # ...whose title contains this text

    def to_json(self) -> dict[str, object]:
        """Return the rules that are set, keyed by field name (levels as their codes)."""
        values = {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}
        return {key: value for key, value in values.items() if value is not None and value != ""}

    @classmethod
    def from_json(cls, data: object) -> EligibilityRules:
        """Read rules written by ``to_json``; missing keys and nulls mean "not set".

        Raises:
            ValidationFailed: ``data`` is not an object, or has an unknown key or a value of the
                wrong kind; each problem names its key.
        """
        reader = JsonRecordReader(data, _RULE_KEYS)
        whole = optional(whole_number)
        rules = cls(
            min_skill_level=reader.get("min_skill_level", optional(enum_value(SkillLevel)), None),
            min_years_of_service=reader.get("min_years_of_service", whole, None),
            min_age=reader.get("min_age", whole, None),
            max_age=reader.get("max_age", whole, None),
            same_title_within_years=reader.get("same_title_within_years", whole, None),
            required_honour_level=reader.get(
                "required_honour_level", optional(enum_value(HonourLevel)), None
            ),
            required_honour_title=reader.get("required_honour_title", optional(json_text), None)
            or "",
        )
        reader.finish()
        return rules


_RULE_KEYS = tuple(field.name for field in dataclasses.fields(EligibilityRules))


class JsonRecordReader:
    """Reads typed values out of a stored JSON object, collecting one problem per bad key."""

    def __init__(self, data: object, keys: Collection[str], required: Collection[str] = ()):
        """Start reading ``data``, which may hold only ``keys`` and must hold ``required``."""
        if not isinstance(data, dict):
            text = QT_TRANSLATE_NOOP(
                "Validation", "The stored rules are damaged. Set them again on the program form."
            )
            raise ValidationFailed([problem("", text)])
        self._problems: list[Problem] = []
        self._data: dict[str, object] = {str(key): value for key, value in data.items()}
        for key in self._data.keys() - set(keys):
            text = QT_TRANSLATE_NOOP(
                "Validation", "The stored rule “{key}” is not known to this version of UnionDesk."
            )
            self._problems.append(problem(key, text, key=key))
        for key in set(required) - self._data.keys():
            text = QT_TRANSLATE_NOOP(
                "Validation", "The stored rules lack “{key}”. Set them again on the program form."
            )
            self._problems.append(problem(key, text, key=key))

    def get(self, key: str, parse: Callable[[object], _T], fallback: _T) -> _T:
        """Return the parsed value of ``key``, or ``fallback`` when it is missing or invalid."""
        if key not in self._data:
            return fallback
        try:
            return parse(self._data[key])
        except ValueError:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "The stored rule “{key}” has the value {value}, which is not valid. Set it again "
                "on the program form.",
            )
            self._problems.append(problem(key, text, key=key, value=repr(self._data[key])))
            return fallback

    def finish(self) -> None:
        """Raise ``ValidationFailed`` if any key was unknown, missing or invalid."""
        if self._problems:
            raise ValidationFailed(sorted(self._problems, key=lambda item: item.field))


def whole_number(value: object) -> int:
    """Parse a JSON integer (not a boolean, not a float); raises ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(value)
    return value


def json_text(value: object) -> str:
    """Parse a JSON string; raises ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def enum_value(kind: type[_E]) -> Callable[[object], _E]:
    """Return a parser of the stored code of a ``kind`` member; it raises ValueError otherwise."""

    def parse(value: object) -> _E:
        return kind(json_text(value))

    return parse


def optional(parse: Callable[[object], _T]) -> Callable[[object], _T | None]:
    """Return a parser that reads JSON null as None and anything else with ``parse``."""
    return lambda value: None if value is None else parse(value)


def rules_problems(rules: EligibilityRules) -> list[Problem]:
    """Return what makes ``rules`` unusable (impossible limits), each on its field; [] if none."""
    found: list[Problem] = []
    service = rules.min_years_of_service
    if service is not None and not 0 <= service <= MAX_SERVICE_YEARS:
        message = QT_TRANSLATE_NOOP(
            "Validation", "The minimum years of service must be from 0 to {limit}."
        )
        found.append(problem("min_years_of_service", message, limit=MAX_SERVICE_YEARS))
    found += _age_limit_problems(rules.min_age, rules.max_age)
    period = rules.same_title_within_years
    if period is not None and not 1 <= period <= MAX_SAME_TITLE_YEARS:
        message = QT_TRANSLATE_NOOP(
            "Validation", "The period without the same award must be from 1 to {limit} years."
        )
        found.append(problem("same_title_within_years", message, limit=MAX_SAME_TITLE_YEARS))
    title = rules.required_honour_title.strip()
    return found + length_problems("required_honour_title", title, TITLE_MAX_LENGTH)


def _age_limit_problems(min_age: int | None, max_age: int | None) -> list[Problem]:
    found: list[Problem] = []
    for key, age in (("min_age", min_age), ("max_age", max_age)):
        if age is not None and not LOWEST_RULE_AGE <= age <= HIGHEST_RULE_AGE:
            message = QT_TRANSLATE_NOOP(
                "Validation",
                "The age limit {age} is not possible. Enter an age from {low} to {high}.",
            )
            found.append(problem(key, message, age=age, low=LOWEST_RULE_AGE, high=HIGHEST_RULE_AGE))
    if min_age is not None and max_age is not None and min_age > max_age:
        message = QT_TRANSLATE_NOOP(
            "Validation", "The minimum age {min_age} is above the maximum age {max_age}."
        )
        found.append(problem("min_age", message, min_age=min_age, max_age=max_age))
    return found


class RuleKey(StrEnum):
    """The eligibility rules, in the order their results are listed."""

    SKILL = "skill"
    SERVICE = "service"
    AGE = "age"
    SAME_TITLE = "same_title"
    PRIOR_HONOUR = "prior_honour"


@dataclass(frozen=True)
class Reason(Problem):
    """A ``Problem`` whose skill-level and honour-level params are shown by translated labels.

    Params are substituted after the text is translated, so a label put into a param as text
    would stay English in the Chinese message. A reason therefore keeps the enum members
    themselves in ``params`` (their codes if serialised), and ``render`` replaces each with its
    label translated by the same ``translate``. Callers just call ``render`` as on any Problem.
    """

    def render(self, translate: Translate = untranslated) -> str:
        """Return the message translated with ``translate``, level labels included."""
        params = {key: _display(value, translate) for key, value in self.params.items()}
        return translate(self.context, self.text).format(**params)


def _display(value: object, translate: Translate) -> object:
    if isinstance(value, HonourLevel):
        return level_label(value, translate)
    if isinstance(value, SkillLevel):
        return label(value, translate)
    return value


@dataclass(frozen=True)
class RuleResult:
    """The verdict of one rule on one nominee.

    Attributes:
        rule: which rule.
        passed: whether the nominee meets it.
        reason: why, with the actual values; always present, for a pass as for a failure.
    """

    rule: RuleKey
    passed: bool
    reason: Problem


def _result(rule: RuleKey, passed: bool, text: str, **params: object) -> RuleResult:
    return RuleResult(rule, passed, Reason(rule.value, REASON_CONTEXT, text, params))


def check_eligibility(
    rules: EligibilityRules, nominee: NomineeFacts, *, title: str, reference_date: date
) -> list[RuleResult]:
    """Check a nominee against a program's rules.

    Args:
        rules: the program's rules; only those that are set produce a result.
        nominee: the facts about the member nominated.
        title: the title the program awards, for the same-title rule.
        reference_date: the date ages and years of service are counted to.

    Returns:
        One result per rule that is set, in ``RuleKey`` order.
    """
    found: list[RuleResult] = []
    if rules.min_skill_level is not None:
        found.append(_check_skill(rules.min_skill_level, nominee.skill_level))
    if rules.min_years_of_service is not None:
        start = nominee.work_start_date
        found.append(_check_service(rules.min_years_of_service, start, reference_date))
    if rules.min_age is not None or rules.max_age is not None:
        age = full_years(nominee.birth_date, reference_date)
        found.append(_check_age(rules.min_age, rules.max_age, age, reference_date))
    if rules.same_title_within_years is not None:
        period = rules.same_title_within_years
        found.append(_check_same_title(period, title, nominee.honours, reference_date))
    if rules.required_honour_level is not None or rules.required_honour_title.strip():
        level, part = rules.required_honour_level, rules.required_honour_title
        found.append(_check_prior_honour(level, part, nominee.honours))
    return found


def is_eligible(results: Sequence[RuleResult]) -> bool:
    """Whether every checked rule passed (True when no rule is set)."""
    return all(result.passed for result in results)


def full_years(since: date, on: date) -> int:
    """Whole years from ``since`` to ``on`` (0 if ``on`` is earlier).

    A year is complete on the same month and day; for 29 February that is 1 March in a common
    year.
    """
    return max(0, on.year - since.year - ((on.month, on.day) < (since.month, since.day)))


def _compact(title: str) -> str:
    """A title without any whitespace, so "北京 大工匠" and "北京大工匠" compare equal."""
    return "".join(title.split())


def _check_skill(required: SkillLevel, held: SkillLevel) -> RuleResult:
    text = QT_TRANSLATE_NOOP(
        "Eligibility", "Skill level: {required} or higher required, {held} held."
    )
    return _result(RuleKey.SKILL, held.rank >= required.rank, text, required=required, held=held)


def _check_service(required: int, start: date | None, on: date) -> RuleResult:
    if start is None:
        text = QT_TRANSLATE_NOOP(
            "Eligibility",
            "Years of service: the date the member started work is not recorded. Enter it in "
            "“Started work” on the member form.",
        )
        return _result(RuleKey.SERVICE, False, text, required=required)
    years = full_years(start, on)
    text = QT_TRANSLATE_NOOP(
        "Eligibility", "Years of service on {date}: {years}, at least {required} required."
    )
    params = {"date": on.isoformat(), "years": years, "required": required}
    return _result(RuleKey.SERVICE, years >= required, text, **params)


def _check_age(min_age: int | None, max_age: int | None, age: int, on: date) -> RuleResult:
    passed = (min_age is None or age >= min_age) and (max_age is None or age <= max_age)
    if min_age is not None and max_age is not None:
        text = QT_TRANSLATE_NOOP(
            "Eligibility", "Age on {date}: {age}, allowed {min_age} to {max_age}."
        )
    elif min_age is not None:
        text = QT_TRANSLATE_NOOP(
            "Eligibility", "Age on {date}: {age}, at least {min_age} required."
        )
    else:
        text = QT_TRANSLATE_NOOP("Eligibility", "Age on {date}: {age}, at most {max_age} allowed.")
    params = {"date": on.isoformat(), "age": age, "min_age": min_age, "max_age": max_age}
    return _result(RuleKey.AGE, passed, text, **params)


def _check_same_title(
    period: int, title: str, honours: Sequence[HeldHonour], on: date
) -> RuleResult:
    first = on.year - period + 1
    years = [h.year for h in honours if _compact(h.title) == _compact(title) and h.year >= first]
    if years:
        text = QT_TRANSLATE_NOOP(
            "Eligibility",
            "Same award: “{title}” was awarded in {year}; it cannot be awarded again within "
            "{period} years (since {first}).",
        )
        params = {"title": title, "year": max(years), "period": period, "first": first}
        return _result(RuleKey.SAME_TITLE, False, text, **params)
    text = QT_TRANSLATE_NOOP(
        "Eligibility", "Same award: no “{title}” award since {first} ({period}-year rule)."
    )
    return _result(RuleKey.SAME_TITLE, True, text, title=title, period=period, first=first)


def _check_prior_honour(
    level: HonourLevel | None, part: str, honours: Sequence[HeldHonour]
) -> RuleResult:
    part = part.strip()
    matching = [
        h
        for h in honours
        if (level is None or h.level.rank >= level.rank) and _compact(part) in _compact(h.title)
    ]
    best = max(matching, key=lambda h: (h.level.rank, h.year), default=None)
    text = _PRIOR_HONOUR_TEXTS[level is not None, bool(part), best is not None]
    params: dict[str, object] = {"level": level, "part": part}
    if best is not None:
        params |= {"honour": best.title, "honour_level": best.level, "year": best.year}
    return _result(RuleKey.PRIOR_HONOUR, best is not None, text, **params)


# (a level is required, a title text is required, a matching honour is held) -> reason
_PRIOR_HONOUR_TEXTS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): QT_TRANSLATE_NOOP(
        "Eligibility",
        "Prior honour: {level} level or higher with “{part}” in the title required; "
        "held: {honour} ({honour_level}, {year}).",
    ),
    (True, True, False): QT_TRANSLATE_NOOP(
        "Eligibility",
        "Prior honour: {level} level or higher with “{part}” in the title required; none held.",
    ),
    (True, False, True): QT_TRANSLATE_NOOP(
        "Eligibility",
        "Prior honour: {level} level or higher required; held: {honour} ({honour_level}, {year}).",
    ),
    (True, False, False): QT_TRANSLATE_NOOP(
        "Eligibility", "Prior honour: {level} level or higher required; none held."
    ),
    (False, True, True): QT_TRANSLATE_NOOP(
        "Eligibility",
        "Prior honour: one with “{part}” in the title required; held: {honour} "
        "({honour_level}, {year}).",
    ),
    (False, True, False): QT_TRANSLATE_NOOP(
        "Eligibility", "Prior honour: one with “{part}” in the title required; none held."
    ),
}
