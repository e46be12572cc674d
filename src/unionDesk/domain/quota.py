"""Category quotas of a program's shortlist (DESIGN.md 4), checked with exact integer arithmetic."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from unionDesk.domain.eligibility import JsonRecordReader, enum_value, json_text, whole_number
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem

_KEYS = ("category", "bound", "percent")


class QuotaBound(StrEnum):
    """Whether a quota is a floor (一线职工 ≥ 50%) or a ceiling (企业负责人 ≤ 20%)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True)
class QuotaRule:
    """A bound on the share of one category among the shortlisted candidates."""

    category: str  # one of the program's categories, for example 一线职工
    bound: QuotaBound
    percent: int  # 0..100

    def to_json(self) -> dict[str, object]:
        """Return the rule as a JSON-ready object."""
        return {"category": self.category, "bound": str(self.bound), "percent": self.percent}

    @classmethod
    def from_json(cls, data: object) -> QuotaRule:
        """Read a rule written by ``to_json``.

        Raises:
            ValidationFailed: ``data`` is not an object, or a key is unknown, missing or of the
                wrong kind; each problem names its key.
        """
        reader = JsonRecordReader(data, _KEYS, required=_KEYS)
        rule = cls(
            category=reader.get("category", json_text, ""),
            bound=reader.get("bound", enum_value(QuotaBound), QuotaBound.AT_LEAST),
            percent=reader.get("percent", whole_number, 0),
        )
        reader.finish()
        return rule

    def admits(self, count: int, total: int) -> bool:
        """Whether ``count`` of ``total`` candidates is within the bound (exact arithmetic)."""
        if self.bound is QuotaBound.AT_LEAST:
            return count * 100 >= self.percent * total
        return count * 100 <= self.percent * total


@dataclass(frozen=True)
class QuotaResult:
    """The verdict of one quota rule on a shortlist.

    Attributes:
        rule: the rule checked.
        count: shortlisted candidates of the rule's category.
        total: shortlisted candidates in all.
        passed: whether the share is within the bound.
        reason: the counts, the share and the bound, for a pass as for a failure.
    """

    rule: QuotaRule
    count: int
    total: int
    passed: bool
    reason: Problem


def check_quota(rules: Sequence[QuotaRule], categories: Sequence[str]) -> list[QuotaResult]:
    """Check a shortlist against a program's quota rules.

    Args:
        rules: the program's quota rules.
        categories: the category of each shortlisted candidate, in any order.

    Returns:
        One result per rule, in the order of ``rules``. An empty shortlist meets every
        "at most" rule and fails every "at least" rule.
    """
    shortlist = Counter(category.strip() for category in categories)
    total = sum(shortlist.values())
    return [_check_rule(rule, shortlist[rule.category.strip()], total) for rule in rules]


def _check_rule(rule: QuotaRule, count: int, total: int) -> QuotaResult:
    at_least = rule.bound is QuotaBound.AT_LEAST
    params: dict[str, object] = {"category": rule.category.strip(), "percent": rule.percent}
    if total == 0:
        if at_least:
            message = QT_TRANSLATE_NOOP(
                "Eligibility", "{category}: the shortlist is empty, at least {percent}% required."
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Eligibility", "{category}: the shortlist is empty, at most {percent}% allowed."
            )
        return QuotaResult(rule, 0, 0, not at_least, _reason(message, params))
    if at_least:
        message = QT_TRANSLATE_NOOP(
            "Eligibility",
            "{category}: {count} of {total} ({share}%), at least {percent}% required.",
        )
    else:
        message = QT_TRANSLATE_NOOP(
            "Eligibility", "{category}: {count} of {total} ({share}%), at most {percent}% allowed."
        )
    params |= {"count": count, "total": total, "share": share_text(count, total, rule.percent)}
    return QuotaResult(rule, count, total, rule.admits(count, total), _reason(message, params))


def _reason(message: str, params: dict[str, object]) -> Problem:
    return Problem("quota", "Eligibility", message, params)


def share_text(count: int, total: int, percent: int) -> str:
    """Return ``count`` of ``total`` as a percentage with at most one decimal ("37.5", "50").

    A share that is not exact is rounded away from ``percent`` so that the shown figure never
    lands on the other side of the bound: 49.96% shows as 49.9 against 50, 20.04% as 20.1
    against 20.
    """
    tenths = Fraction(count * 1000, total)
    shown = math.floor(tenths) if tenths < percent * 10 else math.ceil(tenths)
    whole, tenth = divmod(shown, 10)
    return f"{whole}.{tenth}" if tenth else str(whole)


def quota_rules_problems(rules: Sequence[QuotaRule], categories: Sequence[str]) -> list[Problem]:
    """Return what makes a program's quota rules unusable; [] if none.

    Args:
        rules: the quota rules as set on the program form.
        categories: the program's categories, which the rules must refer to.

    Returns:
        Problems on the fields ``category`` (blank, unknown, duplicate or contradictory rule)
        and ``percent`` (outside 0..100, or minimum shares adding up to over 100%).
    """
    known = {category.strip() for category in categories}
    found: list[Problem] = []
    for rule in rules:
        found += _rule_problems(rule, known)
    found += _duplicate_problems(rules)
    found += _contradiction_problems(rules)
    minimum = sum(rule.percent for rule in rules if rule.bound is QuotaBound.AT_LEAST)
    if minimum > 100:
        message = QT_TRANSLATE_NOOP(
            "Validation",
            "The minimum shares add up to {sum}%, more than 100%. Lower some of them.",
        )
        found.append(problem("percent", message, sum=minimum))
    return found


def _rule_problems(rule: QuotaRule, known: set[str]) -> list[Problem]:
    found: list[Problem] = []
    name = rule.category.strip()
    if not name:
        message = QT_TRANSLATE_NOOP("Validation", "Choose the category each quota applies to.")
        found.append(problem("category", message))
    elif name not in known:
        message = QT_TRANSLATE_NOOP(
            "Validation",
            "“{category}” is not a category of this program. Choose one of its categories.",
        )
        found.append(problem("category", message, category=name))
    if not 0 <= rule.percent <= 100:
        message = QT_TRANSLATE_NOOP(
            "Validation", "{category}: the quota {percent}% is not possible. Enter 0 to 100."
        )
        found.append(problem("percent", message, category=name, percent=rule.percent))
    return found


def _duplicate_problems(rules: Sequence[QuotaRule]) -> list[Problem]:
    found: list[Problem] = []
    counts = Counter((rule.category.strip(), rule.bound) for rule in rules)
    for (name, bound), count in counts.items():
        if count < 2:
            continue
        if bound is QuotaBound.AT_LEAST:
            message = QT_TRANSLATE_NOOP(
                "Validation", "{category} has more than one “at least” quota. Keep one."
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Validation", "{category} has more than one “at most” quota. Keep one."
            )
        found.append(problem("category", message, category=name))
    return found


def _contradiction_problems(rules: Sequence[QuotaRule]) -> list[Problem]:
    floors = {r.category.strip(): r.percent for r in rules if r.bound is QuotaBound.AT_LEAST}
    ceilings = {r.category.strip(): r.percent for r in rules if r.bound is QuotaBound.AT_MOST}
    message = QT_TRANSLATE_NOOP(
        "Validation",
        "{category}: at least {minimum}% and at most {maximum}% cannot both be met.",
    )
    return [
        problem("percent", message, category=name, minimum=floors[name], maximum=ceiling)
        for name, ceiling in ceilings.items()
        if name in floors and floors[name] > ceiling
    ]
