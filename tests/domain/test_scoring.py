"""Rubric, review scores, committee aggregation and ranking (DESIGN.md 4, Review/Aggregation)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.scoring import (
    DEFAULT_QUORUM,
    Aggregate,
    Criterion,
    Rubric,
    aggregate,
    rank,
    rubric_problems,
    score_problems,
    to_decimal,
    weighted_total,
)

# weight == maximum on every criterion, so a review's total is simply the sum of its scores
RUBRIC = Rubric(
    (
        Criterion("conduct", "思想品德", Decimal(30), Decimal(30)),
        Criterion("performance", "工作业绩", Decimal(40), Decimal(40)),
        Criterion("innovation", "创新成果", Decimal(20), Decimal(20)),
        Criterion("contribution", "社会贡献", Decimal(10), Decimal(10)),
    )
)


def review(
    conduct: str, performance: str, innovation: str, contribution: str
) -> dict[str, Decimal]:
    values = (conduct, performance, innovation, contribution)
    return {c.key: Decimal(v) for c, v in zip(RUBRIC.criteria, values, strict=True)}


SEVEN = [  # totals 88, 92, 75, 95, 90, 60, 85
    review("27", "36", "17", "8"),
    review("28.5", "37.5", "17", "9"),
    review("22", "31", "15", "7"),
    review("29", "38", "18.5", "9.5"),
    review("27", "36", "18", "9"),
    review("18", "24", "12", "6"),
    review("25", "34", "17", "9"),
]
FOUR = [  # totals 80, 90, 70.5, 85
    review("24", "32", "16", "8"),
    review("27", "36", "18", "9"),
    review("21", "28.5", "14", "7"),
    review("25.5", "34", "17", "8.5"),
]


# --- exact display rounding -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Fraction(651, 8), 2, "81.38"),  # 81.375: half goes up
        (Fraction(1, 3), 2, "0.33"),
        (Fraction(2, 3), 2, "0.67"),
        (Fraction(5, 2), 0, "3"),
        (Fraction(-1, 8), 2, "-0.13"),  # half up means away from zero, like ROUND_HALF_UP
        (Fraction(86), 2, "86.00"),
    ],
)
def test_to_decimal_rounds_half_up_to_the_given_places(value, places, shown):
    assert str(to_decimal(value, places)) == shown


# --- rubric ---------------------------------------------------------------------------


def test_a_well_formed_rubric_has_no_problems():
    assert rubric_problems(RUBRIC) == []


def test_rubric_json_keeps_numbers_as_exact_strings_and_round_trips():
    data = RUBRIC.to_json()

    assert data[0] == {"key": "conduct", "name": "思想品德", "max_points": "30", "weight": "30"}
    assert Rubric.from_json(data) == RUBRIC


def test_rubric_json_round_trips_decimal_places():
    rubric = Rubric((Criterion("a", "甲", Decimal("12.5"), Decimal("0.5")),))

    assert rubric.to_json()[0]["max_points"] == "12.5"
    assert Rubric.from_json(rubric.to_json()) == rubric


def test_an_empty_rubric_is_refused():
    messages = [p.render() for p in rubric_problems(Rubric(()))]

    assert messages == ["The rubric has no criteria. Add at least one."]


def test_more_than_twelve_criteria_are_refused():
    criteria = tuple(Criterion(f"c{n}", f"项目{n}", Decimal(10), Decimal(1)) for n in range(13))

    messages = [p.render() for p in rubric_problems(Rubric(criteria))]

    assert messages == ["The rubric has 13 criteria; at most 12 are allowed."]


def test_repeated_or_blank_codes_and_names_are_reported_on_their_criterion():
    rubric = Rubric(
        (
            Criterion("conduct", "思想品德", Decimal(30), Decimal(30)),
            Criterion("conduct", " ", Decimal(30), Decimal(30)),
            Criterion("", "思想品德", Decimal(30), Decimal(30)),
        )
    )

    assert ValidationFailed(rubric_problems(rubric)).by_field() == {
        "criteria.1.key": [
            "Criterion 2 has the code “conduct”, which an earlier criterion already uses. "
            "Give each criterion its own code."
        ],
        "criteria.2.key": ["Criterion 3 has no code. Enter a short code."],
        "criteria.1.name": ["Criterion 2 has no name. Enter the name reviewers see."],
        "criteria.2.name": [
            "Criterion 3 has the name “思想品德”, which an earlier criterion already uses. "
            "Give each criterion its own name."
        ],
    }


def test_maximum_and_weight_must_be_positive_numbers():
    rubric = Rubric(
        (
            Criterion("a", "甲", Decimal(0), Decimal(1)),
            Criterion("b", "乙", Decimal(10), Decimal(-1)),
            Criterion("c", "丙", Decimal("NaN"), Decimal("Infinity")),
        )
    )

    assert ValidationFailed(rubric_problems(rubric)).by_field() == {
        "criteria.0.max_points": ["Criterion 1: the maximum score must be greater than 0."],
        "criteria.1.weight": ["Criterion 2: the weight must be greater than 0."],
        "criteria.2.max_points": ["Criterion 3: the maximum score must be greater than 0."],
        "criteria.2.weight": ["Criterion 3: the weight must be greater than 0."],
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"key": "a"}, "The rubric data is not a list of criteria."),
        (
            [{"key": "a", "name": "甲", "max_points": "10"}],
            "In the rubric data, criterion 1 lacks a code, a name, a maximum or a weight "
            "written as text.",
        ),
        (
            [{"key": "a", "name": "甲", "max_points": 10, "weight": "1"}],
            "In the rubric data, criterion 1 lacks a code, a name, a maximum or a weight "
            "written as text.",
        ),
        (
            [{"key": "a", "name": "甲", "max_points": "10", "weight": "一"}],
            "In the rubric data, “一” in criterion 1 is not a number.",
        ),
        (
            [{"key": "a", "name": "甲", "max_points": "NaN", "weight": "1"}],
            "In the rubric data, “NaN” in criterion 1 is not a number.",
        ),
        (
            [{"key": "a", "name": "甲", "max_points": "10", "weight": "0"}],
            "Criterion 1: the weight must be greater than 0.",
        ),
    ],
)
def test_malformed_rubric_json_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ValidationFailed) as caught:
        Rubric.from_json(data)

    assert [p.render() for p in caught.value.problems] == [message]


# --- one review's scores ---------------------------------------------------------------


def test_a_complete_review_within_range_has_no_problems():
    values = review("0", "40", "18.5", "9.50")  # bounds are allowed; 9.50 is one decimal place

    assert score_problems(RUBRIC, values) == []


def test_score_problems_name_the_criterion_and_its_maximum_on_its_field():
    values = {
        "performance": Decimal("40.5"),
        "innovation": Decimal("18.25"),
        "contribution": Decimal("-1"),
        "bonus": Decimal("1"),
    }

    assert ValidationFailed(score_problems(RUBRIC, values)).by_field() == {
        "conduct": ["思想品德: no score yet. Enter a score from 0 to 30."],
        "performance": ["工作业绩: 40.5 is out of range. Enter a score from 0 to 40."],
        "innovation": [
            "创新成果: 18.25 has too many decimal places. Enter a score from 0 to 20 "
            "with at most one decimal place."
        ],
        "contribution": ["社会贡献: -1 is out of range. Enter a score from 0 to 10."],
        "bonus": ["There is a score for “bonus”, which is not a criterion of this rubric."],
    }


def test_a_blank_score_is_reported_like_a_missing_one():
    values: dict[str, Decimal | None] = {**review("27", "36", "17", "8"), "innovation": None}

    assert [p.render() for p in score_problems(RUBRIC, values)] == [
        "创新成果: no score yet. Enter a score from 0 to 20."
    ]


def test_weighted_total_scales_each_criterion_by_weight_over_maximum():
    rubric = Rubric(
        (
            Criterion("a", "甲", Decimal(10), Decimal(1)),
            Criterion("b", "乙", Decimal(50), Decimal(3)),
        )
    )

    # 100 * (1 * 7.5/10 + 3 * 40/50) / 4 = 100 * 3.15 / 4
    total = weighted_total(rubric, {"a": Decimal("7.5"), "b": Decimal(40)})

    assert total == Fraction(315, 4)


def test_weighted_total_refuses_invalid_scores():
    with pytest.raises(ValueError, match="out of range"):
        weighted_total(RUBRIC, review("31", "36", "17", "8"))


# --- aggregation: hand-computed examples ------------------------------------------------


def test_seven_totals_drop_the_highest_and_the_lowest():
    result = aggregate(RUBRIC, SEVEN, reviewers=7)

    # sorted 60 75 85 88 90 92 95: drop 60 and 95, (75 + 85 + 88 + 90 + 92) / 5 = 86
    assert result.score == 86
    assert result.trimmed
    assert result.mean == Fraction(585, 7)
    assert result.median == 88
    assert result.spread == 35
    # population variance = (7 * 49783 - 585²) / 7² = 6256 / 49
    assert result.stdev == pytest.approx(math.sqrt(6256) / 7)
    assert result.disagreement  # about 11.3 >= 10
    # performance scaled to 100: 60 77.5 85 90 90 93.75 95 -> (77.5+85+90+90+93.75) / 5
    assert result.tie_break == Fraction(34900, 400)
    assert (result.valid_count, result.reviewers, result.insufficient) == (7, 7, False)


def test_four_totals_use_the_plain_mean():
    result = aggregate(RUBRIC, FOUR, reviewers=4)

    assert result.score == Fraction(3255, 40)  # (80 + 90 + 70.5 + 85) / 4 = 81.375
    assert to_decimal(result.score) == Decimal("81.38")
    assert not result.trimmed
    assert result.median == Fraction(165, 2)
    assert result.spread == Fraction(39, 2)
    assert result.stdev == pytest.approx(math.sqrt(51.921875))
    assert not result.disagreement
    assert result.tie_break == Fraction(32625, 400)  # (80 + 90 + 71.25 + 85) / 4


def test_four_of_seven_reviewers_are_below_the_two_thirds_quorum():
    result = aggregate(RUBRIC, FOUR, reviewers=7)  # ceil(2/3 * 7) = 5 needed

    assert result.insufficient
    assert result.score is None
    assert result.tie_break is None
    assert result.mean == Fraction(3255, 40)  # still shown


def test_five_of_seven_reviewers_meet_the_quorum():
    result = aggregate(RUBRIC, SEVEN[:5], reviewers=7)

    assert not result.insufficient
    assert result.score == 90  # 75 88 90 92 95 -> (88 + 90 + 92) / 3


def test_an_insufficient_candidate_is_not_trimmed_even_with_five_reviews():
    result = aggregate(RUBRIC, SEVEN[:5], reviewers=9)  # ceil(2/3 * 9) = 6 needed

    assert result.insufficient
    assert not result.trimmed


def test_a_custom_quorum_is_applied_exactly():
    assert not aggregate(RUBRIC, FOUR[:2], reviewers=4, quorum=Fraction(1, 2)).insufficient
    assert aggregate(RUBRIC, FOUR[:2], reviewers=4, quorum=Fraction(51, 100)).insufficient


def test_no_valid_review_is_insufficient_with_nothing_to_show():
    result = aggregate(RUBRIC, [], reviewers=3, quorum=Fraction(1, 100))

    assert result == Aggregate(0, 3, None, False, None, None, None, None, False, True, None)


def test_disagreement_starts_exactly_at_the_threshold():
    reviews = [review("12", "16", "8", "4"), review("18", "24", "12", "6")]  # 40 and 60: sd 10

    assert aggregate(RUBRIC, reviews, reviewers=2).disagreement
    assert not aggregate(RUBRIC, reviews, reviewers=2, disagreement_sd=Decimal("10.1")).disagreement


def test_tie_break_uses_the_first_of_equally_weighted_top_criteria():
    rubric = Rubric(
        (
            Criterion("x", "甲", Decimal(10), Decimal(2)),
            Criterion("y", "乙", Decimal(10), Decimal(2)),
            Criterion("z", "丙", Decimal(10), Decimal(1)),
        )
    )

    result = aggregate(rubric, [{"x": Decimal(4), "y": Decimal(9), "z": Decimal(5)}], reviewers=1)

    assert result.tie_break == 40


@pytest.mark.parametrize(
    ("reviewers", "quorum"),
    [(0, DEFAULT_QUORUM), (3, DEFAULT_QUORUM), (4, Fraction(0)), (4, Fraction(3, 2))],
)
def test_impossible_arguments_are_programming_errors(reviewers, quorum):
    with pytest.raises(ValueError):
        aggregate(RUBRIC, FOUR, reviewers=reviewers, quorum=quorum)


def test_an_invalid_review_is_a_programming_error():
    with pytest.raises(ValueError, match="no score yet"):
        aggregate(RUBRIC, [{"conduct": Decimal(1)}], reviewers=1)


# --- ranking ---------------------------------------------------------------------------


def places(ranking):
    return [(r.candidate_id, r.rank, r.tied) for r in ranking]


def test_equal_scores_are_split_by_the_highest_weighted_criterion():
    first = aggregate(RUBRIC, [review("25", "38", "14", "8")] * 2, reviewers=2)  # 85, tie 95
    second = aggregate(RUBRIC, [review("28", "34", "15", "8")] * 2, reviewers=2)  # 85, tie 85

    assert first.score == second.score == 85
    assert places(rank([(2, second), (1, first)])) == [(1, 1, False), (2, 2, False)]


def test_candidates_equal_after_the_tie_break_share_a_rank():
    ninety = aggregate(RUBRIC, [review("27", "36", "18", "9")], reviewers=1)
    eighty_five = aggregate(RUBRIC, [review("25", "34", "17", "9")], reviewers=1)
    eighty = aggregate(RUBRIC, [review("24", "32", "16", "8")], reviewers=1)
    short = aggregate(RUBRIC, FOUR, reviewers=7)
    entries = [(9, eighty), (5, eighty_five), (4, short), (7, ninety), (3, eighty_five)]

    assert places(rank(entries)) == [
        (7, 1, False),
        (3, 2, True),
        (5, 2, True),
        (9, 4, False),
        (4, None, False),
    ]


def test_a_repeated_candidate_is_a_programming_error():
    entry = aggregate(RUBRIC, FOUR, reviewers=4)

    with pytest.raises(ValueError):
        rank([(1, entry), (1, entry)])


# --- properties ------------------------------------------------------------------------


def tenths(high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(0, high).map(lambda n: Decimal(n).scaleb(-1))


@st.composite
def rubrics(draw):
    limits = draw(
        st.lists(st.tuples(st.integers(1, 1000), st.integers(1, 50)), min_size=1, max_size=6)
    )
    return Rubric(
        tuple(
            Criterion(f"c{n}", f"评分项{n}", Decimal(top).scaleb(-1), Decimal(weight))
            for n, (top, weight) in enumerate(limits)
        )
    )


@st.composite
def scored(draw, min_reviews=1, max_reviews=9, share=Fraction(1)):
    """A rubric and reviews whose scores reach at most ``share`` of each maximum."""
    rubric = draw(rubrics())
    one = st.fixed_dictionaries(
        {c.key: tenths(math.floor(share * Fraction(c.max_points) * 10)) for c in rubric.criteria}
    )
    return rubric, draw(st.lists(one, min_size=min_reviews, max_size=max_reviews))


@given(scored(min_reviews=0), st.data())
def test_aggregate_does_not_depend_on_review_order(case, data):
    rubric, reviews = case
    shuffled = data.draw(st.permutations(reviews))

    assert aggregate(rubric, shuffled, reviewers=9) == aggregate(rubric, reviews, reviewers=9)


@given(scored())
def test_score_lies_between_the_lowest_and_highest_total(case):
    rubric, reviews = case
    totals = [weighted_total(rubric, r) for r in reviews]

    result = aggregate(rubric, reviews, reviewers=len(reviews))

    assert result.score is not None and result.tie_break is not None
    assert min(totals) <= result.score <= max(totals)
    assert 0 <= result.score <= 100
    assert 0 <= result.tie_break <= 100


@given(scored(min_reviews=5))
def test_five_or_more_totals_average_all_but_one_highest_and_one_lowest(case):
    rubric, reviews = case
    middle = sorted(weighted_total(rubric, r) for r in reviews)[1:-1]

    result = aggregate(rubric, reviews, reviewers=len(reviews))

    assert result.trimmed
    assert result.score == sum(middle) / len(middle)


@given(scored(min_reviews=5, share=Fraction(1, 3)))
def test_a_high_outlier_moves_the_trimmed_score_less_than_the_plain_mean(case):
    rubric, reviews = case  # every total at most 33.3: a full-marks review is far above them
    full_marks = {c.key: c.max_points for c in rubric.criteria}

    before = aggregate(rubric, reviews, reviewers=len(reviews))
    after = aggregate(rubric, [*reviews, full_marks], reviewers=len(reviews) + 1)

    assert before.score is not None and after.score is not None
    assert before.mean is not None and after.mean is not None
    assert after.score - before.score < after.mean - before.mean


def an_aggregate(score: int, tie_break: int, insufficient: bool) -> Aggregate:
    value = None if insufficient else Fraction(score)
    tie = None if insufficient else Fraction(tie_break)
    return Aggregate(3, 3, value, False, Fraction(score), None, 0.0, None, False, insufficient, tie)


entries_strategy = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 2), st.booleans()), max_size=12
).map(lambda rows: [(n, an_aggregate(*row)) for n, row in enumerate(rows, start=100)])


@given(entries_strategy, st.data())
def test_ranking_does_not_depend_on_input_order(entries, data):
    shuffled = data.draw(st.permutations(entries))

    assert rank(shuffled) == rank(entries)


@given(entries_strategy)
def test_each_rank_is_one_more_than_the_number_of_strictly_better_candidates(entries):
    scored_keys = [(a.score, a.tie_break) for _, a in entries if not a.insufficient]

    for placed in rank(entries):
        agg = placed.aggregate
        if agg.insufficient:
            assert (placed.rank, placed.tied) == (None, False)
            continue
        key = (agg.score, agg.tie_break)
        assert placed.rank == 1 + sum(other > key for other in scored_keys)
        assert placed.tied == (scored_keys.count(key) > 1)


def test_unranked_entries_follow_all_ranked_ones():
    entries = [(1, an_aggregate(0, 0, True)), (2, an_aggregate(50, 0, False))]

    assert [r.candidate_id for r in rank(entries)] == [2, 1]
