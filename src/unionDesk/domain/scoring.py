"""Scoring rubric and committee score aggregation for labour-model selection (DESIGN.md 4).

Reviewers enter ``Decimal`` scores with at most one decimal place; every computation uses
``Fraction`` so ties and comparisons are exact, and only the standard deviation is a float.
``aggregate`` is the one computation behind the screens, the PDF and the export.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import groupby

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem

MAX_CRITERIA = 12
DEFAULT_QUORUM = Fraction(2, 3)
TRIM_FROM = 5  # from this many valid scores on, one highest and one lowest are dropped
DEFAULT_DISAGREEMENT_SD = Decimal(10)  # points on the 100 scale
_JSON_FIELDS = ("key", "name", "max_points", "weight")


def to_decimal(value: Fraction, places: int = 2) -> Decimal:
    """Round ``value`` half up (away from zero) to ``places`` decimal places, for display.

    Raises:
        ValueError: if ``places`` is negative.
    """
    if places < 0:
        raise ValueError(f"places must be >= 0, got {places}")
    units = math.floor(abs(value) * 10**places + Fraction(1, 2))
    return Decimal(-units if value < 0 else units).scaleb(-places)


@dataclass(frozen=True)
class Criterion:
    """One line of a rubric.

    Attributes:
        key: stable code, for example ``"conduct"``.
        name: the text reviewers see, for example ``"思想品德"`` (data, not translated).
        max_points: the highest score a reviewer can give; greater than 0.
        weight: the criterion's share of the 100-point total; greater than 0.
    """

    key: str
    name: str
    max_points: Decimal
    weight: Decimal


@dataclass(frozen=True)
class Rubric:
    """A program's scoring rubric: its criteria in the order reviewers see them."""

    criteria: tuple[Criterion, ...]

    def to_json(self) -> list[dict[str, str]]:
        """Return the rubric as JSON-ready data; numbers are kept exact as strings."""
        return [
            {
                "key": c.key,
                "name": c.name,
                "max_points": _plain(c.max_points),
                "weight": _plain(c.weight),
            }
            for c in self.criteria
        ]

    @classmethod
    def from_json(cls, data: object) -> Rubric:
        """Build a rubric from ``to_json`` data.

        Raises:
            ValidationFailed: if the data is malformed (the first defect found) or the rubric
                breaks rules of ``rubric_problems`` (all of them).
        """
        if not isinstance(data, list):
            text = QT_TRANSLATE_NOOP("Validation", "The rubric data is not a list of criteria.")
            raise ValidationFailed([problem("criteria", text)])
        rubric = cls(tuple(_criterion_from_json(n, item) for n, item in enumerate(data, 1)))
        found = rubric_problems(rubric)
        if found:
            raise ValidationFailed(found)
        return rubric


def _criterion_from_json(number: int, item: object) -> Criterion:
    if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in _JSON_FIELDS):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "In the rubric data, criterion {number} lacks a code, a name, a maximum or a weight "
            "written as text.",
        )
        raise ValidationFailed([problem("criteria", text, number=number)])
    return Criterion(
        key=item["key"],
        name=item["name"],
        max_points=_decimal_from_json(number, item["max_points"]),
        weight=_decimal_from_json(number, item["weight"]),
    )


def _decimal_from_json(number: int, text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        message = QT_TRANSLATE_NOOP(
            "Validation", "In the rubric data, “{value}” in criterion {number} is not a number."
        )
        raise ValidationFailed([problem("criteria", message, value=text, number=number)])
    return value


def _plain(value: Decimal) -> str:
    return format(value, "f")


def rubric_problems(rubric: Rubric) -> list[Problem]:
    """Problems with ``rubric``; [] when it can be used for scoring.

    Fields are ``"criteria"`` for the rubric as a whole and ``"criteria.{index}.{attribute}"``
    (index from 0) for one criterion; messages number criteria from 1.
    """
    criteria = rubric.criteria
    if not criteria:
        text = QT_TRANSLATE_NOOP("Validation", "The rubric has no criteria. Add at least one.")
        return [problem("criteria", text)]
    found: list[Problem] = []
    if len(criteria) > MAX_CRITERIA:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The rubric has {count} criteria; at most {limit} are allowed."
        )
        found.append(problem("criteria", text, count=len(criteria), limit=MAX_CRITERIA))
    found += _text_problems(criteria, "key")
    found += _text_problems(criteria, "name")
    for index, criterion in enumerate(criteria):
        found += _number_problems(index, criterion)
    return found


_MISSING_TEXT = {
    "key": QT_TRANSLATE_NOOP("Validation", "Criterion {number} has no code. Enter a short code."),
    "name": QT_TRANSLATE_NOOP(
        "Validation", "Criterion {number} has no name. Enter the name reviewers see."
    ),
}
_REPEATED_TEXT = {
    "key": QT_TRANSLATE_NOOP(
        "Validation",
        "Criterion {number} has the code “{value}”, which an earlier criterion already uses. "
        "Give each criterion its own code.",
    ),
    "name": QT_TRANSLATE_NOOP(
        "Validation",
        "Criterion {number} has the name “{value}”, which an earlier criterion already uses. "
        "Give each criterion its own name.",
    ),
}


def _text_problems(criteria: Sequence[Criterion], attribute: str) -> list[Problem]:
    found: list[Problem] = []
    seen: set[str] = set()
    for index, criterion in enumerate(criteria):
        value = str(getattr(criterion, attribute)).strip()
        field_name = f"criteria.{index}.{attribute}"
        if not value:
            found.append(problem(field_name, _MISSING_TEXT[attribute], number=index + 1))
        elif value in seen:
            text = _REPEATED_TEXT[attribute]
            found.append(problem(field_name, text, number=index + 1, value=value))
        seen.add(value)
    return found


def _number_problems(index: int, criterion: Criterion) -> list[Problem]:
    found: list[Problem] = []
    if not _positive(criterion.max_points):
        text = QT_TRANSLATE_NOOP(
            "Validation", "Criterion {number}: the maximum score must be greater than 0."
        )
        found.append(problem(f"criteria.{index}.max_points", text, number=index + 1))
    if not _positive(criterion.weight):
        text = QT_TRANSLATE_NOOP(
            "Validation", "Criterion {number}: the weight must be greater than 0."
        )
        found.append(problem(f"criteria.{index}.weight", text, number=index + 1))
    return found


def _positive(value: Decimal) -> bool:
    return value.is_finite() and value > 0


def score_problems(rubric: Rubric, values: Mapping[str, Decimal | None]) -> list[Problem]:
    """Problems with one reviewer's ``values`` (criterion key -> score); [] when complete.

    Each problem's field is the criterion key it concerns.
    """
    found = [
        found_problem
        for criterion in rubric.criteria
        if (found_problem := _score_problem(criterion, values.get(criterion.key))) is not None
    ]
    known = {criterion.key for criterion in rubric.criteria}
    text = QT_TRANSLATE_NOOP(
        "Validation", "There is a score for “{key}”, which is not a criterion of this rubric."
    )
    found += [problem(key, text, key=key) for key in values if key not in known]
    return found


def _score_problem(criterion: Criterion, value: Decimal | None) -> Problem | None:
    if value is None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "{criterion}: no score yet. Enter a score from 0 to {maximum}."
        )
    elif not value.is_finite() or not 0 <= value <= criterion.max_points:
        text = QT_TRANSLATE_NOOP(
            "Validation", "{criterion}: {value} is out of range. Enter a score from 0 to {maximum}."
        )
    elif (Fraction(value) * 10).denominator != 1:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{criterion}: {value} has too many decimal places. Enter a score from 0 to "
            "{maximum} with at most one decimal place.",
        )
    else:
        return None
    params = {"criterion": criterion.name, "maximum": _plain(criterion.max_points)}
    return problem(criterion.key, text, value="" if value is None else _plain(value), **params)


def weighted_total(rubric: Rubric, values: Mapping[str, Decimal]) -> Fraction:
    """Return 100 · Σ weight·(value/max) / Σ weight: the review's score on a 0..100 scale.

    Raises:
        ValueError: if the rubric or the values break a rule (a programming error: check them
            with ``rubric_problems`` and ``score_problems`` first).
    """
    _require_valid_rubric(rubric)
    _require_valid_scores(rubric, values)
    return _total(rubric, values)


def _total(rubric: Rubric, values: Mapping[str, Decimal]) -> Fraction:
    # Values have at most one decimal place, so in tenths they are integers: the total is one
    # integer sum over a common denominator (building a Fraction per value cost 3 ms per
    # candidate of 15 reviews; benchmarks/bench_selection.py).
    factors, denominator = _integer_factors(rubric)
    tenths = sum(factor * int(values[key] * 10) for key, factor in factors)
    return Fraction(tenths, denominator)


@functools.cache
def _integer_factors(rubric: Rubric) -> tuple[tuple[tuple[str, int], ...], int]:
    """Integers k and D with Σ k·(10·value) / D = 100 · Σ weight·(value/max) / Σ weight."""
    weights = sum((Fraction(c.weight) for c in rubric.criteria), Fraction(0))
    exact = [
        (c.key, 100 * Fraction(c.weight) / (10 * Fraction(c.max_points) * weights))
        for c in rubric.criteria
    ]
    denominator = math.lcm(*(factor.denominator for _, factor in exact))
    return tuple((key, int(factor * denominator)) for key, factor in exact), denominator


def _require_valid_rubric(rubric: Rubric) -> None:
    _refuse("invalid rubric", rubric_problems(rubric))


def _require_valid_scores(rubric: Rubric, values: Mapping[str, Decimal | None]) -> None:
    _refuse("invalid scores", score_problems(rubric, values))


def _refuse(what: str, found: Sequence[Problem]) -> None:
    if found:
        raise ValueError(f"{what}: " + "; ".join(p.render() for p in found))


@dataclass(frozen=True)
class Aggregate:
    """The committee's result for one candidate in one round.

    Attributes:
        valid_count: number of submitted (non-recused) reviews.
        reviewers: reviewers assigned to the round (the quorum's denominator).
        score: the trimmed or plain mean of the totals; None when insufficient.
        trimmed: True when one highest and one lowest total were dropped for ``score``.
        mean: plain mean of all valid totals; None without any.
        median: median of all valid totals; None without any.
        stdev: population standard deviation of the valid totals; None without any.
        spread: highest minus lowest total; None without any.
        disagreement: True when ``stdev`` reaches the disagreement threshold.
        insufficient: True below the quorum (or with no valid review); not ranked.
        tie_break: the highest-weighted criterion's aggregate on a 0..100 scale; None when
            insufficient.
    """

    valid_count: int
    reviewers: int
    score: Fraction | None
    trimmed: bool
    mean: Fraction | None
    median: Fraction | None
    stdev: float | None
    spread: Fraction | None
    disagreement: bool
    insufficient: bool
    tie_break: Fraction | None


def aggregate(
    rubric: Rubric,
    reviews: Sequence[Mapping[str, Decimal]],
    *,
    reviewers: int,
    quorum: Fraction = DEFAULT_QUORUM,
    disagreement_sd: Decimal = DEFAULT_DISAGREEMENT_SD,
) -> Aggregate:
    """Aggregate the submitted ``reviews`` (criterion values) of one candidate in one round.

    With ``TRIM_FROM`` or more totals one highest and one lowest are dropped before averaging
    (去掉一个最高分和一个最低分); below that the plain mean is used. The candidate is
    insufficient when fewer than ``ceil(quorum · reviewers)`` reviews were submitted.

    Raises:
        ValueError: on a programming error: an invalid rubric or review, ``reviewers`` below 1
            or below the number of reviews, ``quorum`` outside (0, 1], or a threshold that is
            not a positive number.
    """
    _check_arguments(rubric, reviews, reviewers, quorum, disagreement_sd)
    totals = [_total(rubric, review) for review in reviews]
    count = len(totals)
    insufficient = count < math.ceil(quorum * reviewers)  # at least 1, as quorum > 0
    variance = _variance(totals)
    return Aggregate(
        valid_count=count,
        reviewers=reviewers,
        score=None if insufficient else _robust_mean(totals),
        trimmed=not insufficient and count >= TRIM_FROM,
        mean=_mean(totals) if totals else None,
        median=_median(totals) if totals else None,
        stdev=None if variance is None else math.sqrt(variance),
        spread=max(totals) - min(totals) if totals else None,
        # compared squared so the flag is exact, not subject to float rounding
        disagreement=variance is not None and variance >= Fraction(disagreement_sd) ** 2,
        insufficient=insufficient,
        tie_break=None if insufficient else _robust_mean(_tie_break_values(rubric, reviews)),
    )


def _check_arguments(
    rubric: Rubric,
    reviews: Sequence[Mapping[str, Decimal]],
    reviewers: int,
    quorum: Fraction,
    disagreement_sd: Decimal,
) -> None:
    if reviewers < 1 or reviewers < len(reviews):
        raise ValueError(f"reviewers must be >= 1 and >= {len(reviews)} reviews, got {reviewers}")
    if not 0 < quorum <= 1:
        raise ValueError(f"quorum must be in (0, 1], got {quorum}")
    if not _positive(disagreement_sd):
        raise ValueError(f"disagreement_sd must be > 0, got {disagreement_sd}")
    _require_valid_rubric(rubric)
    for review in reviews:
        _require_valid_scores(rubric, review)


def _tie_break_values(rubric: Rubric, reviews: Sequence[Mapping[str, Decimal]]) -> list[Fraction]:
    # max() keeps the first of equal weights, as the rule asks: first in rubric order
    deciding = max(rubric.criteria, key=lambda criterion: criterion.weight)
    scale = Fraction(deciding.max_points)
    return [100 * Fraction(review[deciding.key]) / scale for review in reviews]


def _robust_mean(values: Sequence[Fraction]) -> Fraction:
    if len(values) >= TRIM_FROM:
        return _mean(sorted(values)[1:-1])
    return _mean(values)


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def _median(values: Sequence[Fraction]) -> Fraction:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _variance(values: Sequence[Fraction]) -> Fraction | None:
    if not values:
        return None
    mean = _mean(values)
    return _mean([(value - mean) ** 2 for value in values])


@dataclass(frozen=True)
class Ranked:
    """One candidate's place in a round.

    Attributes:
        candidate_id: the candidate.
        aggregate: the candidate's aggregate.
        rank: competition rank (1, 2, 2, 4); None for an insufficient candidate.
        tied: True when another candidate has the same score and tie-break value.
    """

    candidate_id: int
    aggregate: Aggregate
    rank: int | None
    tied: bool


def rank(entries: Sequence[tuple[int, Aggregate]]) -> list[Ranked]:
    """Rank candidates by score, then by tie-break, both descending.

    Candidates equal on both share a rank and are marked tied, ordered by id; insufficient
    candidates follow with no rank, ordered by id.

    Raises:
        ValueError: if a candidate id repeats, or a sufficient aggregate lacks a score or a
            tie-break value.
    """
    ids = [candidate_id for candidate_id, _ in entries]
    if len(set(ids)) != len(ids):
        raise ValueError("each candidate may appear only once")
    scored = sorted(
        (entry for entry in entries if not entry[1].insufficient),
        key=lambda entry: (_rank_key(entry[1]), entry[0]),
    )
    ranked: list[Ranked] = []
    for _, group in groupby(scored, key=lambda entry: _rank_key(entry[1])):
        equals = list(group)
        place = len(ranked) + 1  # competition ranking: 1, 2, 2, 4
        ranked += [Ranked(cid, agg, place, len(equals) > 1) for cid, agg in equals]
    unranked = sorted((entry for entry in entries if entry[1].insufficient), key=lambda e: e[0])
    return ranked + [Ranked(cid, agg, None, False) for cid, agg in unranked]


def _rank_key(agg: Aggregate) -> tuple[Fraction, Fraction]:
    if agg.score is None or agg.tie_break is None:
        raise ValueError("a sufficient aggregate needs a score and a tie-break value")
    return -agg.score, -agg.tie_break
