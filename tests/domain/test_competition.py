"""Competition scoring schemes, totals, ranking and prizes (DESIGN.md 3, Competition)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.competition import (
    CompetitionLevel,
    CompetitionType,
    Prize,
    competition_label,
    competition_text,
    passed,
    score_problems,
    total,
)
from unionDesk.domain.competition_ranking import (
    PrizeBand,
    Standing,
    award_prizes,
    prize_band_problems,
    rank_entries,
)
from unionDesk.domain.competition_scheme import (
    MAX_LINES,
    Part,
    RubricItem,
    SchemeKind,
    ScoringScheme,
    ankang_preset,
    scheme_problems,
    weighted_parts_preset,
)
from unionDesk.domain.messages import ValidationFailed

D = Decimal
SKILLS = weighted_parts_preset()
ANKANG = ankang_preset()
EVEN = ScoringScheme(  # equal weights: the total is the mean, so x.xx5 appears
    SchemeKind.WEIGHTED_PARTS,
    parts=(Part("a", "甲", D(100), D(1)), Part("b", "乙", D(100), D(1))),
)
BANDS_1_2_3 = [PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 2), PrizeBand(Prize.THIRD, 3)]


def scores(**values: str) -> dict[str, Decimal]:
    return {key: D(value) for key, value in values.items()}


def ankang_scores(*points: int) -> dict[str, Decimal]:
    return {item.key: D(p) for item, p in zip(ANKANG.items, points, strict=True)}


def rendered(problems) -> list[tuple[str, str]]:
    return [(p.field, p.render()) for p in problems]


def by_rank(ranks: list[int | None]) -> list[Standing]:
    """Standings with ids 1, 2, … holding the given ranks."""
    return [Standing(n, None, r, ranks.count(r) > 1) for n, r in enumerate(ranks, 1)]


# --- labels ---------------------------------------------------------------------------------


def test_labels_are_translated_in_the_enum_context():
    seen = []
    text = competition_label(
        Prize.FIRST, lambda context, source: seen.append(context) or f"<{source}>"
    )
    assert text == "<First prize>"
    assert seen == ["Enum"]
    assert competition_label(CompetitionLevel.NATIONAL) == "Nationwide"
    assert competition_text(CompetitionType.ANKANG).text == "Ankang Cup"


def test_every_enum_value_has_its_own_label():
    # StrEnum members hash as their value, so two enums sharing a value would share a label.
    values = [
        value for enum in (CompetitionType, CompetitionLevel, SchemeKind, Prize) for value in enum
    ]
    assert len({competition_label(value) for value in values}) == len(values) == 17


# --- scheme ---------------------------------------------------------------------------------


def test_presets_are_valid_and_realistic():
    assert scheme_problems(SKILLS) == []
    assert scheme_problems(ANKANG) == []
    assert [(p.name, p.weight) for p in SKILLS.parts] == [("理论知识", 30), ("实际操作", 70)]
    assert sum(item.max_points for item in ANKANG.items) == 100
    assert ANKANG.pass_threshold == 90
    assert ANKANG.lines == ANKANG.items
    assert SKILLS.lines == SKILLS.parts


def test_an_empty_scheme_is_refused():
    found = scheme_problems(ScoringScheme(SchemeKind.POINTS_RUBRIC))
    assert rendered(found) == [("scheme", "The scoring scheme is empty. Add at least one line.")]


def test_more_than_twenty_lines_are_refused():
    items = tuple(RubricItem(f"k{n}", f"项{n}", D(5)) for n in range(MAX_LINES + 1))
    found = scheme_problems(ScoringScheme(SchemeKind.POINTS_RUBRIC, items=items))
    assert rendered(found) == [
        ("scheme", "The scoring scheme has 21 lines; at most 20 are allowed.")
    ]


def test_line_codes_and_names_must_be_present_and_unique():
    parts = (
        Part("theory", "理论", D(100), D(30)),
        Part("theory", " ", D(100), D(70)),
        Part("", "理论", D(100), D(10)),
    )
    found = scheme_problems(ScoringScheme(SchemeKind.WEIGHTED_PARTS, parts=parts))
    assert [p.field for p in found] == [
        "scheme.parts.1.key",
        "scheme.parts.2.key",
        "scheme.parts.1.name",
        "scheme.parts.2.name",
    ]
    assert found[0].render() == (
        "Line 2 of the scoring scheme has the code “theory”, which an earlier line already uses. "
        "Give each line its own code."
    )
    assert found[1].render() == "Line 3 of the scoring scheme has no code. Enter a short code."


@pytest.mark.parametrize("maximum", [D(0), D(-5), D("10.005"), D("NaN")])
def test_a_maximum_must_be_positive_with_two_decimal_places(maximum):
    parts = (Part("theory", "理论", maximum, D(30)),)
    found = scheme_problems(ScoringScheme(SchemeKind.WEIGHTED_PARTS, parts=parts))
    assert [p.field for p in found] == ["scheme.parts.0.max_points"]


def test_a_weight_must_be_positive():
    parts = (Part("theory", "理论", D(100), D(0)), Part("practical", "实操", D(100), D(70)))
    found = scheme_problems(ScoringScheme(SchemeKind.WEIGHTED_PARTS, parts=parts))
    assert rendered(found) == [
        (
            "scheme.parts.0.weight",
            "Line 1 of the scoring scheme: the weight must be greater than 0.",
        )
    ]


@pytest.mark.parametrize("threshold", [D("100.01"), D(-1), D("Infinity")])
def test_the_pass_mark_must_lie_within_the_possible_total(threshold):
    scheme = dataclasses.replace(ANKANG, pass_threshold=threshold)
    found = scheme_problems(scheme)
    assert [p.field for p in found] == ["scheme.pass_threshold"]
    assert "Enter a mark from 0 to 100" in found[0].render()


@pytest.mark.parametrize("threshold", [D(0), D(100), D("89.5")])
def test_a_pass_mark_up_to_the_highest_total_is_accepted(threshold):
    assert scheme_problems(dataclasses.replace(ANKANG, pass_threshold=threshold)) == []


def test_lines_of_the_other_kind_are_refused():
    mixed = dataclasses.replace(SKILLS, pass_threshold=D(60))
    assert [p.field for p in scheme_problems(mixed)] == ["scheme"]
    rubric_with_parts = dataclasses.replace(ANKANG, parts=SKILLS.parts)
    assert [p.field for p in scheme_problems(rubric_with_parts)] == ["scheme"]


# --- JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "scheme", [SKILLS, ANKANG, dataclasses.replace(ANKANG, pass_threshold=None)]
)
def test_json_round_trip_keeps_the_scheme_exactly(scheme):
    assert ScoringScheme.from_json(scheme.to_json()) == scheme


def test_json_keeps_numbers_exact_as_text():
    data = ScoringScheme(
        SchemeKind.WEIGHTED_PARTS, parts=(Part("p", "实操", D("12.50"), D("0.7")),)
    ).to_json()
    assert data["parts"] == [{"key": "p", "name": "实操", "max_points": "12.50", "weight": "0.7"}]
    assert data["pass_threshold"] is None


def _damaged_key(data: object) -> str:
    with pytest.raises(ValidationFailed) as caught:
        ScoringScheme.from_json(data)
    (found,) = caught.value.problems
    assert found.field == "scheme"
    return str(found.params["key"])


def test_malformed_json_names_the_damaged_key():
    good = SKILLS.to_json()
    parts = good["parts"]
    assert isinstance(parts, list)
    assert _damaged_key([]) == "scheme"
    assert _damaged_key({}) == "kind"
    assert _damaged_key({**good, "kind": "lottery"}) == "kind"
    assert _damaged_key({**good, "parts": "theory"}) == "parts"
    assert _damaged_key({**good, "parts": [parts[0], 7]}) == "parts.1"
    assert _damaged_key({**good, "parts": [{**parts[0], "weight": "thirty"}]}) == "parts.0.weight"
    assert _damaged_key({**good, "parts": [{**parts[0], "max_points": 100}]}) == (
        "parts.0.max_points"
    )
    no_name = {k: v for k, v in parts[0].items() if k != "name"}
    assert _damaged_key({**good, "parts": [no_name]}) == "parts.0.name"
    assert _damaged_key({**ANKANG.to_json(), "pass_threshold": "NaN"}) == "pass_threshold"


def test_damaged_json_message_names_the_key():
    with pytest.raises(ValidationFailed) as caught:
        ScoringScheme.from_json({"kind": "weighted_parts", "parts": [{"key": "t"}]})
    assert caught.value.by_field() == {
        "scheme": [
            "The stored scoring scheme is damaged at “parts.0.name”. Set the scheme again on the "
            "competition form."
        ]
    }


def test_well_formed_json_of_an_invalid_scheme_reports_every_problem():
    data = {"kind": "points_rubric", "items": [], "pass_threshold": "90"}
    with pytest.raises(ValidationFailed) as caught:
        ScoringScheme.from_json(data)
    assert [p.field for p in caught.value.problems] == ["scheme"]


# --- score validation -----------------------------------------------------------------------


def test_valid_scores_have_no_problems():
    assert score_problems(SKILLS, scores(theory="80", practical="90.25"), complete=True) == []


def test_a_score_above_the_maximum_is_refused():
    found = score_problems(SKILLS, scores(theory="100.5"), complete=False)
    assert rendered(found) == [
        (
            "theory",
            "理论知识: 100.5 is above the maximum 100. Enter a score from 0 to 100.",
        )
    ]


def test_a_negative_score_is_refused():
    found = score_problems(SKILLS, scores(practical="-3"), complete=False)
    assert rendered(found) == [
        (
            "practical",
            "实际操作: a score cannot be negative (-3). Enter a score from 0 to 100.",
        )
    ]


def test_more_than_two_decimal_places_are_refused():
    found = score_problems(SKILLS, scores(theory="88.125"), complete=False)
    assert rendered(found) == [
        (
            "theory",
            "理论知识: 88.125 has too many decimal places. Enter a score from 0 to 100 with at "
            "most two decimal places.",
        )
    ]


def test_trailing_zeros_are_not_extra_decimal_places():
    assert score_problems(SKILLS, scores(theory="88.500"), complete=False) == []


def test_a_score_that_is_not_a_number_is_refused():
    found = score_problems(SKILLS, {"theory": D("NaN")}, complete=False)
    assert [p.field for p in found] == ["theory"]


def test_a_score_for_an_unknown_line_is_refused():
    found = score_problems(SKILLS, scores(theory="80", safety="5"), complete=False)
    assert rendered(found) == [
        ("safety", "There is a score for “safety”, which is not part of this scoring scheme.")
    ]


def test_missing_scores_matter_only_when_complete():
    values = {"theory": D(80), "practical": None}
    assert score_problems(SKILLS, values, complete=False) == []
    assert rendered(score_problems(SKILLS, values, complete=True)) == [
        ("practical", "实际操作: no score yet. Enter a score from 0 to 100.")
    ]


def test_rubric_items_are_checked_against_their_own_maximum():
    values = {item.key: D(0) for item in ANKANG.items} | {"hazards": D(21)}
    found = score_problems(ANKANG, values, complete=True)
    assert rendered(found) == [
        ("hazards", "隐患排查治理: 21 is above the maximum 20. Enter a score from 0 to 20.")
    ]


# --- totals ---------------------------------------------------------------------------------


def test_weighted_total_of_30_70():
    assert str(total(SKILLS, scores(theory="80", practical="90"))) == "87.00"


def test_weighted_total_scales_parts_with_different_maxima():
    scheme = ScoringScheme(
        SchemeKind.WEIGHTED_PARTS,
        parts=(Part("theory", "理论", D(50), D(40)), Part("practical", "实操", D(200), D(60))),
    )
    # 100 · (40·45/50 + 60·150/200) / 100 = 36 + 45 = 81
    assert str(total(scheme, scores(theory="45", practical="150"))) == "81.00"


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        ("80.05", "80", "80.03"),  # 80.025: half up, not to even (80.02)
        ("80.01", "80", "80.01"),  # 80.005
        ("80.03", "80", "80.02"),  # 80.015
        ("0.01", "0", "0.01"),  # 0.005
        ("66.66", "66.67", "66.67"),  # 66.665
    ],
)
def test_weighted_total_rounds_half_up_to_two_places(a, b, shown):
    assert str(total(EVEN, scores(a=a, b=b))) == shown


def test_rubric_total_is_the_plain_sum():
    assert str(total(ANKANG, ankang_scores(14, 15, 18, 13, 15, 9, 8))) == "92.00"


def test_rubric_total_keeps_hundredths():
    values = ankang_scores(14, 15, 18, 13, 15, 9, 8) | {"training": D("12.75")}
    assert str(total(ANKANG, values)) == "91.75"


def test_total_refuses_incomplete_or_invalid_scores():
    with pytest.raises(ValueError, match="no score yet"):
        total(SKILLS, scores(theory="80"))
    with pytest.raises(ValueError, match="above the maximum"):
        total(SKILLS, scores(theory="80", practical="101"))


def test_pass_mark_is_reached_at_exactly_the_threshold():
    assert passed(ANKANG, total(ANKANG, ankang_scores(15, 15, 18, 13, 12, 9, 8))) is True  # 90
    assert passed(ANKANG, D("89.99")) is False
    assert passed(ANKANG, D("90.00")) is True


def test_pass_is_undecided_without_a_threshold():
    assert passed(SKILLS, D(99)) is None
    assert passed(dataclasses.replace(ANKANG, pass_threshold=None), D(99)) is None


# --- ranking --------------------------------------------------------------------------------


def test_equal_totals_share_a_rank_and_the_next_rank_is_skipped():
    standings = rank_entries({1: D("87.00"), 2: D("92.5"), 3: D("87"), 4: D("60"), 5: D("99")})
    assert [(s.entry_id, s.rank, s.tied) for s in standings] == [
        (5, 1, False),
        (2, 2, False),
        (1, 3, True),
        (3, 3, True),
        (4, 5, False),
    ]


def test_ranks_1_2_2_4():
    standings = rank_entries({10: D(90), 30: D(80), 20: D(80), 40: D(70)})
    assert [(s.entry_id, s.rank) for s in standings] == [(10, 1), (20, 2), (30, 2), (40, 4)]


def test_tie_break_separates_equal_totals():
    totals = {1: D(87), 2: D(87), 3: D(87)}
    practical = {1: D(85), 2: D(90), 3: D(85)}
    standings = rank_entries(totals, tie_break=practical)
    assert [(s.entry_id, s.rank, s.tied) for s in standings] == [
        (2, 1, False),
        (1, 2, True),
        (3, 2, True),
    ]


def test_tie_break_does_not_reorder_different_totals():
    standings = rank_entries({1: D(90), 2: D(80)}, tie_break={1: D(0), 2: D(100)})
    assert [s.entry_id for s in standings] == [1, 2]


def test_entries_without_a_total_come_last_unranked():
    standings = rank_entries({7: None, 3: D(50), 5: None, 9: D(70)})
    assert [(s.entry_id, s.total, s.rank, s.tied) for s in standings] == [
        (9, D(70), 1, False),
        (3, D(50), 2, False),
        (5, None, None, False),
        (7, None, None, False),
    ]


def test_a_missing_tie_break_value_is_a_programming_error():
    with pytest.raises(ValueError, match=r"\[2\]"):
        rank_entries({1: D(80), 2: D(80), 3: None}, tie_break={1: D(5)})


totals_strategy = st.dictionaries(
    st.integers(1, 60),
    st.one_of(st.none(), st.integers(0, 20).map(lambda n: D(n) / 4)),
    max_size=30,
)


@given(totals_strategy, st.randoms(use_true_random=False))
def test_ranking_does_not_depend_on_input_order(totals, random):
    items = list(totals.items())
    random.shuffle(items)
    assert rank_entries(dict(items)) == rank_entries(totals)


@given(totals_strategy)
def test_ranks_follow_totals(totals):
    standings = rank_entries(totals)
    ranked = [s for s in standings if s.rank is not None]
    for position, standing in enumerate(ranked, 1):
        ahead = sum(1 for other in ranked if other.total > standing.total)
        assert standing.rank == ahead + 1
        assert standing.rank <= position
        same = sum(1 for other in ranked if other.total == standing.total)
        assert standing.tied == (same > 1)
    assert all(s.rank is None for s in standings[len(ranked) :])


# --- prizes ---------------------------------------------------------------------------------


def test_prize_bands_in_order_are_valid():
    bands = [*BANDS_1_2_3, PrizeBand(Prize.EXCELLENCE, 5)]
    assert prize_band_problems(bands) == []
    assert prize_band_problems([PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.THIRD, 0)]) == []


def test_a_prize_listed_twice_is_refused():
    found = prize_band_problems([PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.FIRST, 2)])
    assert rendered(found) == [
        ("prize_bands.1.prize", "First prize is listed more than once. List each prize once.")
    ]


def test_prizes_out_of_order_are_refused():
    found = prize_band_problems([PrizeBand(Prize.THIRD, 3), PrizeBand(Prize.SECOND, 2)])
    assert rendered(found) == [
        (
            "prize_bands.1.prize",
            "Second prize is listed after Third prize. List the prizes in order: first, second "
            "and third prize, then the excellence award.",
        )
    ]


@pytest.mark.parametrize("count", [-1, 1001])
def test_a_count_outside_0_to_1000_is_refused(count):
    found = prize_band_problems([PrizeBand(Prize.EXCELLENCE, count)])
    assert rendered(found) == [
        (
            "prize_bands.0.count",
            f"Excellence award: {count} places is not possible. Enter a number from 0 to 1000.",
        )
    ]


def test_prize_messages_translate_the_prize_name():
    (found,) = prize_band_problems([PrizeBand(Prize.SECOND, 1), PrizeBand(Prize.SECOND, 1)])
    zh = {
        "Second prize": "二等奖",
        "{prize} is listed more than once. List each prize once.": "{prize}重复。",
    }
    assert found.render(lambda context, text: zh[text]) == "二等奖重复。"


def test_prizes_follow_the_bands_without_ties():
    standings = rank_entries({n: D(100 - n) for n in range(1, 9)})
    assert award_prizes(standings, BANDS_1_2_3) == {
        1: Prize.FIRST,
        2: Prize.SECOND,
        3: Prize.SECOND,
        4: Prize.THIRD,
        5: Prize.THIRD,
        6: Prize.THIRD,
    }


def test_a_tie_across_a_boundary_gets_the_higher_prize_and_the_next_band_shrinks():
    # ranks 1, 2, 2, 2, 5, 6, 7: second prize covers places 2-3, the tie at rank 2 fills 2-4;
    # third prize (places 4-6) keeps places 5 and 6 only.
    standings = by_rank([1, 2, 2, 2, 5, 6, 7])
    assert award_prizes(standings, BANDS_1_2_3) == {
        1: Prize.FIRST,
        2: Prize.SECOND,
        3: Prize.SECOND,
        4: Prize.SECOND,
        5: Prize.THIRD,
        6: Prize.THIRD,
    }


def test_a_tie_can_swallow_a_whole_band():
    # bands 1/1/3; four tied at rank 2 fill places 2-5, which covers all of third prize's
    # places 3-5, so rank 6 gets nothing.
    bands = [PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 1), PrizeBand(Prize.THIRD, 3)]
    awarded = award_prizes(by_rank([1, 2, 2, 2, 2, 6]), bands)
    assert awarded == {
        1: Prize.FIRST,
        2: Prize.SECOND,
        3: Prize.SECOND,
        4: Prize.SECOND,
        5: Prize.SECOND,
    }


def test_a_tie_at_the_last_place_all_get_the_prize():
    awarded = award_prizes(by_rank([1, 2, 3, 3, 3, 6]), [PrizeBand(Prize.EXCELLENCE, 3)])
    assert sorted(awarded) == [1, 2, 3, 4, 5]


def test_a_band_of_zero_places_awards_nothing():
    bands = [PrizeBand(Prize.FIRST, 0), PrizeBand(Prize.SECOND, 2)]
    assert award_prizes(by_rank([1, 2, 3]), bands) == {1: Prize.SECOND, 2: Prize.SECOND}


def test_entries_without_a_rank_get_no_prize():
    standings = rank_entries({1: None, 2: D(50)})
    assert award_prizes(standings, BANDS_1_2_3) == {2: Prize.FIRST}


def test_places_count_within_the_standings_given():
    # Only entries that passed the 安康杯 pass mark are passed in; 1 and 2 failed.
    totals = {1: D(70), 2: D(85), 3: D(95), 4: D(91)}
    passing = [s for s in rank_entries(totals) if passed(ANKANG, s.total) is True]
    assert award_prizes(passing, [PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 5)]) == {
        3: Prize.FIRST,
        4: Prize.SECOND,
    }


def test_award_refuses_invalid_bands_and_repeated_entries():
    with pytest.raises(ValueError, match="listed more than once"):
        award_prizes(by_rank([1]), [PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.FIRST, 1)])
    with pytest.raises(ValueError, match="only once"):
        award_prizes([Standing(1, D(5), 1, False)] * 2, BANDS_1_2_3)


bands_strategy = st.lists(st.integers(0, 6), min_size=0, max_size=4).map(
    lambda counts: [PrizeBand(prize, n) for prize, n in zip(Prize, counts, strict=False)]
)


@given(totals_strategy, bands_strategy)
def test_prizes_never_split_a_tie(totals, bands):
    standings = rank_entries(totals)
    awarded = award_prizes(standings, bands)
    for standing in standings:
        for other in standings:
            if standing.rank is not None and standing.rank == other.rank:
                assert awarded.get(standing.entry_id) == awarded.get(other.entry_id)


@given(totals_strategy, bands_strategy)
def test_prizes_go_to_the_places_the_bands_cover(totals, bands):
    standings = rank_entries(totals)
    awarded = award_prizes(standings, bands)
    places = sum(band.count for band in bands)
    assert set(awarded) == {
        s.entry_id for s in standings if s.rank is not None and s.rank <= places
    }
    # at most the places plus the overflow of the tie at the last covered place
    group_sizes = Counter(s.rank for s in standings if s.rank is not None)
    last_rank = max((r for r in group_sizes if r <= places), default=None)
    overflow = 0 if last_rank is None else last_rank + group_sizes[last_rank] - 1 - places
    assert len(awarded) <= places + max(overflow, 0)


@given(totals_strategy, bands_strategy)
def test_a_better_rank_never_gets_a_lower_prize(totals, bands):
    standings = rank_entries(totals)
    awarded = award_prizes(standings, bands)
    order = list(Prize)
    prizes = [order.index(awarded[s.entry_id]) for s in standings if s.entry_id in awarded]
    assert prizes == sorted(prizes)
