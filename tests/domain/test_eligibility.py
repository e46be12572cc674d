"""Eligibility rules of an award program and category quotas (DESIGN.md 4, "Eligibility")."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.eligibility import (
    EligibilityRules,
    HeldHonour,
    NomineeFacts,
    RuleKey,
    RuleResult,
    check_eligibility,
    full_years,
    is_eligible,
    rules_problems,
)
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourLevel
from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.quota import (
    QuotaBound,
    QuotaRule,
    check_quota,
    quota_rules_problems,
    share_text,
)

ON = date(2026, 5, 17)
TITLE = "北京大工匠"
MODEL_WORKER = HeldHonour("北京市劳动模范", HonourLevel.PROVINCIAL, 2020)
FRONT_LINE, MANAGER, TEACHER = "一线职工", "企业负责人", "科教人员"


def nominee(
    *,
    birth: date = date(1990, 5, 17),
    skill: SkillLevel = SkillLevel.TECHNICIAN,
    started: date | None = date(2008, 7, 1),
    honours: tuple[HeldHonour, ...] = (MODEL_WORKER,),
) -> NomineeFacts:
    return NomineeFacts("张伟", birth, skill, started, honours)


def check(rules: EligibilityRules, facts: NomineeFacts | None = None) -> list[RuleResult]:
    return check_eligibility(rules, facts or nominee(), title=TITLE, reference_date=ON)


def only(rules: EligibilityRules, facts: NomineeFacts | None = None) -> tuple[bool, str]:
    [result] = check(rules, facts)
    return result.passed, result.reason.render()


# Ages and years of service


@pytest.mark.parametrize(
    ("on", "years"),
    [(date(2026, 5, 16), 35), (date(2026, 5, 17), 36), (date(2027, 5, 16), 36)],
)
def test_full_years_complete_on_the_birthday(on: date, years: int) -> None:
    assert full_years(date(1990, 5, 17), on) == years


@pytest.mark.parametrize(
    ("on", "years"),
    [
        (date(2026, 2, 28), 25),  # common year: not yet
        (date(2026, 3, 1), 26),  # common year: a year older on 1 March
        (date(2024, 2, 28), 23),
        (date(2024, 2, 29), 24),  # leap year: on the day itself
    ],
)
def test_people_born_on_29_february_age_on_1_march_in_common_years(on: date, years: int) -> None:
    assert full_years(date(2000, 2, 29), on) == years


def test_full_years_never_go_below_zero() -> None:
    assert full_years(date(2027, 1, 1), ON) == 0


# Skill level


def test_skill_level_at_or_above_the_minimum_passes() -> None:
    rules = EligibilityRules(min_skill_level=SkillLevel.TECHNICIAN)
    assert only(rules, nominee(skill=SkillLevel.TECHNICIAN)) == (
        True,
        "Skill level: Technician or higher required, Technician held.",
    )
    assert only(rules, nominee(skill=SkillLevel.CHIEF_TECHNICIAN))[0]


def test_skill_level_below_the_minimum_fails_naming_both_levels() -> None:
    rules = EligibilityRules(min_skill_level=SkillLevel.SENIOR_TECHNICIAN)
    assert only(rules, nominee(skill=SkillLevel.TECHNICIAN)) == (
        False,
        "Skill level: Senior technician or higher required, Technician held.",
    )


def test_reasons_show_levels_in_the_language_of_the_translate_function() -> None:
    chinese = {
        ("Eligibility", "Skill level: {required} or higher required, {held} held."): (
            "职业技能等级：要求{required}及以上，本人为{held}。"
        ),
        ("Eligibility", "Prior honour: {level} level or higher required; none held."): (
            "已获荣誉：要求获得{level}及以上荣誉；未获得。"
        ),
        ("Enum", "Senior technician"): "高级技师",
        ("Enum", "Technician"): "技师",
        ("Enum", "National"): "国家级",
    }

    def to_chinese(context: str, text: str) -> str:
        return chinese[context, text]

    rules = EligibilityRules(
        min_skill_level=SkillLevel.SENIOR_TECHNICIAN, required_honour_level=HonourLevel.NATIONAL
    )
    skill, prior = check(rules)
    assert skill.reason.render(to_chinese) == "职业技能等级：要求高级技师及以上，本人为技师。"
    assert prior.reason.render(to_chinese) == "已获荣誉：要求获得国家级及以上荣誉；未获得。"
    assert skill.reason.params == {
        "required": SkillLevel.SENIOR_TECHNICIAN,
        "held": SkillLevel.TECHNICIAN,
    }


# Years of service


def test_years_of_service_reaching_the_minimum_on_the_anniversary_pass() -> None:
    rules = EligibilityRules(min_years_of_service=18)
    assert only(rules, nominee(started=date(2008, 5, 17))) == (
        True,
        "Years of service on 2026-05-17: 18, at least 18 required.",
    )


def test_years_of_service_one_day_short_fail() -> None:
    rules = EligibilityRules(min_years_of_service=18)
    assert only(rules, nominee(started=date(2008, 5, 18))) == (
        False,
        "Years of service on 2026-05-17: 17, at least 18 required.",
    )


def test_a_missing_work_start_date_fails_and_says_where_to_enter_it() -> None:
    passed, reason = only(EligibilityRules(min_years_of_service=5), nominee(started=None))
    assert not passed
    assert reason == (
        "Years of service: the date the member started work is not recorded. Enter it in "
        "“Started work” on the member form."
    )


# Age


def test_age_range_is_inclusive_at_both_ends() -> None:
    rules = EligibilityRules(min_age=36, max_age=55)
    assert only(rules) == (True, "Age on 2026-05-17: 36, allowed 36 to 55.")
    assert only(rules, nominee(birth=date(1971, 5, 18))) == (
        True,
        "Age on 2026-05-17: 54, allowed 36 to 55.",
    )


def test_age_the_day_before_the_birthday_is_still_the_lower_age() -> None:
    rules = EligibilityRules(min_age=36, max_age=55)
    assert only(rules, nominee(birth=date(1990, 5, 18))) == (
        False,
        "Age on 2026-05-17: 35, allowed 36 to 55.",
    )


def test_age_above_the_maximum_fails() -> None:
    assert only(EligibilityRules(max_age=35)) == (
        False,
        "Age on 2026-05-17: 36, at most 35 allowed.",
    )
    assert only(EligibilityRules(max_age=36))[0]


def test_minimum_age_alone_has_its_own_message() -> None:
    assert only(EligibilityRules(min_age=37)) == (
        False,
        "Age on 2026-05-17: 36, at least 37 required.",
    )


def test_someone_born_on_29_february_reaches_the_minimum_age_on_1_march() -> None:
    facts = nominee(birth=date(2004, 2, 29))
    rules = EligibilityRules(min_age=22)
    on_28th = check_eligibility(rules, facts, title=TITLE, reference_date=date(2026, 2, 28))
    on_1st = check_eligibility(rules, facts, title=TITLE, reference_date=date(2026, 3, 1))
    assert (on_28th[0].passed, on_1st[0].passed) == (False, True)


# Same award within N years


def test_same_award_within_the_period_fails_with_the_year_of_the_last_award() -> None:
    held = (
        HeldHonour("北京大工匠", HonourLevel.PROVINCIAL, 2019),
        HeldHonour(" 北京 大工匠", HonourLevel.PROVINCIAL, 2022),
    )
    assert only(EligibilityRules(same_title_within_years=5), nominee(honours=held)) == (
        False,
        "Same award: “北京大工匠” was awarded in 2022; it cannot be awarded again within "
        "5 years (since 2022).",
    )


def test_same_award_just_before_the_period_passes() -> None:
    held = (HeldHonour("北京大工匠", HonourLevel.PROVINCIAL, 2021), MODEL_WORKER)
    assert only(EligibilityRules(same_title_within_years=5), nominee(honours=held)) == (
        True,
        "Same award: no “北京大工匠” award since 2022 (5-year rule).",
    )


def test_other_titles_do_not_count_as_the_same_award() -> None:
    held = (HeldHonour("北京大工匠提名奖", HonourLevel.PROVINCIAL, 2025),)
    assert only(EligibilityRules(same_title_within_years=5), nominee(honours=held))[0]


# Prior honour


def test_prior_honour_of_a_higher_level_passes_and_names_the_best_one() -> None:
    held = (
        HeldHonour("区劳动模范", HonourLevel.DISTRICT, 2024),
        MODEL_WORKER,
        HeldHonour("全国技术能手", HonourLevel.NATIONAL, 2018),
    )
    rules = EligibilityRules(required_honour_level=HonourLevel.CITY)
    assert only(rules, nominee(honours=held)) == (
        True,
        "Prior honour: City level or higher required; held: 全国技术能手 (National, 2018).",
    )


def test_prior_honour_below_the_required_level_fails() -> None:
    rules = EligibilityRules(required_honour_level=HonourLevel.NATIONAL)
    assert only(rules) == (False, "Prior honour: National level or higher required; none held.")


def test_prior_honour_by_title_text_alone() -> None:
    rules = EligibilityRules(required_honour_title=" 劳动模范 ")
    assert only(rules) == (
        True,
        "Prior honour: one with “劳动模范” in the title required; "
        "held: 北京市劳动模范 (Provincial/ministerial, 2020).",
    )
    assert only(rules, nominee(honours=())) == (
        False,
        "Prior honour: one with “劳动模范” in the title required; none held.",
    )


def test_prior_honour_needs_level_and_title_text_on_the_same_honour() -> None:
    held = (
        HeldHonour("区劳动模范", HonourLevel.DISTRICT, 2024),
        HeldHonour("全国技术能手", HonourLevel.NATIONAL, 2018),
    )
    rules = EligibilityRules(
        required_honour_level=HonourLevel.CITY, required_honour_title="劳动模范"
    )
    assert only(rules, nominee(honours=held)) == (
        False,
        "Prior honour: City level or higher with “劳动模范” in the title required; none held.",
    )
    assert only(rules) == (
        True,
        "Prior honour: City level or higher with “劳动模范” in the title required; "
        "held: 北京市劳动模范 (Provincial/ministerial, 2020).",
    )


# All rules together


def test_only_rules_that_are_set_give_results_in_rule_order() -> None:
    assert check(EligibilityRules()) == []
    rules = EligibilityRules(
        required_honour_title="劳模",
        max_age=60,
        same_title_within_years=3,
        min_years_of_service=1,
        min_skill_level=SkillLevel.JUNIOR,
    )
    assert [result.rule for result in check(rules)] == list(RuleKey)


def test_a_nominee_is_eligible_only_when_every_rule_passes() -> None:
    assert is_eligible([])
    passing = EligibilityRules(min_skill_level=SkillLevel.SENIOR, max_age=50)
    assert is_eligible(check(passing))
    failing = EligibilityRules(min_skill_level=SkillLevel.SENIOR, max_age=30)
    assert not is_eligible(check(failing))


# Rules as stored and as set up

FULL_RULES = EligibilityRules(
    min_skill_level=SkillLevel.SENIOR_TECHNICIAN,
    min_years_of_service=0,
    min_age=18,
    max_age=55,
    same_title_within_years=5,
    required_honour_level=HonourLevel.CITY,
    required_honour_title="劳动模范",
)


def test_rules_round_trip_through_json_text() -> None:
    stored = json.dumps(FULL_RULES.to_json(), ensure_ascii=False)
    assert json.loads(stored)["min_skill_level"] == "senior_technician"
    assert EligibilityRules.from_json(json.loads(stored)) == FULL_RULES


def test_rules_not_set_are_left_out_of_the_json() -> None:
    assert EligibilityRules(min_age=18).to_json() == {"min_age": 18}
    assert EligibilityRules.from_json({}) == EligibilityRules()
    assert EligibilityRules.from_json({"min_age": None}) == EligibilityRules()


@given(
    st.builds(
        EligibilityRules,
        min_skill_level=st.none() | st.sampled_from(SkillLevel),
        min_years_of_service=st.none() | st.integers(0, 60),
        min_age=st.none() | st.integers(16, 80),
        max_age=st.none() | st.integers(16, 80),
        same_title_within_years=st.none() | st.integers(1, 50),
        required_honour_level=st.none() | st.sampled_from(HonourLevel),
        required_honour_title=st.text(max_size=20),
    )
)
def test_any_rules_survive_a_json_round_trip(rules: EligibilityRules) -> None:
    assert EligibilityRules.from_json(json.loads(json.dumps(rules.to_json()))) == rules


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"min_age": "18"}, "min_age"),
        ({"min_age": True}, "min_age"),
        ({"max_age": 55.0}, "max_age"),
        ({"min_skill_level": "master"}, "min_skill_level"),
        ({"required_honour_level": 3}, "required_honour_level"),
        ({"required_honour_title": ["劳模"]}, "required_honour_title"),
        ({"minimum_age": 18}, "minimum_age"),
    ],
)
def test_malformed_stored_rules_are_refused_naming_the_key(data: object, key: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        EligibilityRules.from_json(data)
    assert [item.field for item in caught.value.problems] == [key]
    assert f"“{key}”" in caught.value.problems[0].render()


def test_stored_rules_that_are_not_an_object_are_refused() -> None:
    with pytest.raises(ValidationFailed) as caught:
        EligibilityRules.from_json(["min_age", 18])
    assert caught.value.by_field() == {
        "": ["The stored rules are damaged. Set them again on the program form."]
    }


def test_sensible_rules_have_no_problems() -> None:
    assert rules_problems(FULL_RULES) == []
    assert rules_problems(EligibilityRules()) == []


def test_impossible_rule_values_are_reported_on_their_fields() -> None:
    rules = EligibilityRules(
        min_years_of_service=-1,
        min_age=15,
        max_age=81,
        same_title_within_years=0,
        required_honour_title="劳" * 101,
    )
    found = {item.field: item.render() for item in rules_problems(rules)}
    assert found == {
        "min_years_of_service": "The minimum years of service must be from 0 to 60.",
        "min_age": "The age limit 15 is not possible. Enter an age from 16 to 80.",
        "max_age": "The age limit 81 is not possible. Enter an age from 16 to 80.",
        "same_title_within_years": (
            "The period without the same award must be from 1 to 50 years."
        ),
        "required_honour_title": (
            "This text has 101 characters, but at most 100 are allowed. Shorten it."
        ),
    }


def test_minimum_age_above_maximum_age_is_a_problem() -> None:
    [found] = rules_problems(EligibilityRules(min_age=56, max_age=55))
    assert (found.field, found.render()) == (
        "min_age",
        "The minimum age 56 is above the maximum age 55.",
    )


# Category quotas

AT_LEAST_HALF = QuotaRule(FRONT_LINE, QuotaBound.AT_LEAST, 50)
AT_MOST_FIFTH = QuotaRule(MANAGER, QuotaBound.AT_MOST, 20)


def shortlist(**counts: int) -> list[str]:
    names = {"front": FRONT_LINE, "manager": MANAGER, "teacher": TEACHER}
    return [names[key] for key, count in counts.items() for _ in range(count)]


def test_exactly_half_meets_an_at_least_50_percent_quota() -> None:
    [result] = check_quota([AT_LEAST_HALF], shortlist(front=4, teacher=4))
    assert (result.count, result.total, result.passed) == (4, 8, True)
    assert result.reason.render() == "一线职工: 4 of 8 (50%), at least 50% required."


def test_below_half_fails_an_at_least_50_percent_quota() -> None:
    [result] = check_quota([AT_LEAST_HALF], shortlist(front=3, teacher=5))
    assert not result.passed
    assert result.reason.render() == "一线职工: 3 of 8 (37.5%), at least 50% required."


def test_exactly_a_fifth_meets_an_at_most_20_percent_quota() -> None:
    [result] = check_quota([AT_MOST_FIFTH], shortlist(manager=2, front=8))
    assert result.passed
    assert result.reason.render() == "企业负责人: 2 of 10 (20%), at most 20% allowed."


def test_above_a_fifth_fails_an_at_most_20_percent_quota() -> None:
    [result] = check_quota([AT_MOST_FIFTH], shortlist(manager=3, front=7))
    assert not result.passed
    assert result.reason.render() == "企业负责人: 3 of 10 (30%), at most 20% allowed."


def test_an_empty_shortlist_fails_minimums_and_meets_maximums() -> None:
    floor, ceiling = check_quota([AT_LEAST_HALF, AT_MOST_FIFTH], [])
    assert (floor.passed, ceiling.passed) == (False, True)
    assert floor.reason.render() == "一线职工: the shortlist is empty, at least 50% required."
    assert ceiling.reason.render() == "企业负责人: the shortlist is empty, at most 20% allowed."


@pytest.mark.parametrize(
    ("count", "total", "percent", "shown"),
    [
        (1, 3, 50, "33.3"),
        (2, 3, 50, "66.7"),
        (1, 3, 33, "33.4"),  # above the bound: never shown as 33.3 or 33
        (1999, 4001, 50, "49.9"),  # 49.96%: below the bound, never shown as 50
        (1, 8, 20, "12.5"),
        (0, 5, 20, "0"),
    ],
)
def test_shares_are_shown_on_the_same_side_of_the_bound_as_they_are(
    count: int, total: int, percent: int, shown: str
) -> None:
    assert share_text(count, total, percent) == shown


@given(
    st.lists(st.sampled_from([FRONT_LINE, MANAGER, TEACHER]), max_size=30),
    st.randoms(use_true_random=False),
)
def test_quota_results_do_not_depend_on_the_order_of_the_shortlist(categories, random) -> None:
    rules = [AT_LEAST_HALF, AT_MOST_FIFTH, QuotaRule(TEACHER, QuotaBound.AT_MOST, 30)]
    shuffled = list(categories)
    random.shuffle(shuffled)
    assert check_quota(rules, shuffled) == check_quota(rules, categories)


@given(st.integers(0, 40), st.integers(1, 40), st.integers(0, 100))
def test_quota_verdicts_match_exact_fractions(count: int, extra: int, percent: int) -> None:
    total = count + extra
    categories = [FRONT_LINE] * count + [TEACHER] * extra
    floor, ceiling = check_quota(
        [
            QuotaRule(FRONT_LINE, QuotaBound.AT_LEAST, percent),
            QuotaRule(FRONT_LINE, QuotaBound.AT_MOST, percent),
        ],
        categories,
    )
    assert floor.passed == (Fraction(count, total) >= Fraction(percent, 100))
    assert ceiling.passed == (Fraction(count, total) <= Fraction(percent, 100))


def test_quota_rules_round_trip_through_json_text() -> None:
    for rule in (AT_LEAST_HALF, AT_MOST_FIFTH):
        stored = json.dumps(rule.to_json(), ensure_ascii=False)
        assert QuotaRule.from_json(json.loads(stored)) == rule
    assert AT_MOST_FIFTH.to_json() == {"category": MANAGER, "bound": "at_most", "percent": 20}


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        ({"category": FRONT_LINE, "bound": "at_least"}, ["percent"]),
        ({"category": FRONT_LINE, "bound": "over", "percent": 50}, ["bound"]),
        ({"category": 7, "bound": "at_least", "percent": "50"}, ["category", "percent"]),
        ({"category": FRONT_LINE, "bound": "at_least", "percent": 50, "x": 1}, ["x"]),
    ],
)
def test_malformed_quota_rules_are_refused_naming_the_keys(data: object, keys: list[str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        QuotaRule.from_json(data)
    assert [item.field for item in caught.value.problems] == keys


def test_sensible_quota_rules_have_no_problems() -> None:
    rules = [AT_LEAST_HALF, AT_MOST_FIFTH, QuotaRule(FRONT_LINE, QuotaBound.AT_MOST, 80)]
    assert quota_rules_problems(rules, [FRONT_LINE, MANAGER, TEACHER]) == []


def test_quota_rules_must_name_a_category_of_the_program() -> None:
    rules = [QuotaRule("一线工人", QuotaBound.AT_LEAST, 50), QuotaRule(" ", QuotaBound.AT_MOST, 10)]
    found = [item.render() for item in quota_rules_problems(rules, [FRONT_LINE, MANAGER])]
    assert found == [
        "“一线工人” is not a category of this program. Choose one of its categories.",
        "Choose the category each quota applies to.",
    ]


@pytest.mark.parametrize("percent", [-1, 101])
def test_quota_percent_must_be_from_0_to_100(percent: int) -> None:
    [found] = quota_rules_problems([QuotaRule(MANAGER, QuotaBound.AT_MOST, percent)], [MANAGER])
    assert (found.field, found.render()) == (
        "percent",
        f"企业负责人: the quota {percent}% is not possible. Enter 0 to 100.",
    )


def test_minimum_shares_may_not_add_up_to_more_than_100_percent() -> None:
    rules = [AT_LEAST_HALF, QuotaRule(TEACHER, QuotaBound.AT_LEAST, 51)]
    [found] = quota_rules_problems(rules, [FRONT_LINE, TEACHER])
    assert found.render() == (
        "The minimum shares add up to 101%, more than 100%. Lower some of them."
    )
    assert (
        quota_rules_problems(
            [AT_LEAST_HALF, QuotaRule(TEACHER, QuotaBound.AT_LEAST, 50)], [FRONT_LINE, TEACHER]
        )
        == []
    )


def test_two_quotas_of_the_same_kind_for_one_category_are_a_problem() -> None:
    rules = [AT_LEAST_HALF, QuotaRule(f" {FRONT_LINE}", QuotaBound.AT_LEAST, 40)]
    [found] = quota_rules_problems(rules, [FRONT_LINE])
    assert found.render() == "一线职工 has more than one “at least” quota. Keep one."


def test_a_minimum_above_the_maximum_of_one_category_is_a_problem() -> None:
    rules = [AT_LEAST_HALF, QuotaRule(FRONT_LINE, QuotaBound.AT_MOST, 40)]
    [found] = quota_rules_problems(rules, [FRONT_LINE])
    assert found.render() == "一线职工: at least 50% and at most 40% cannot both be met."
