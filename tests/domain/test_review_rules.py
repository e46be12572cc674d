"""A reviewer's review: declarations of conflict, partial (saved) scores, statuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionDesk.domain.review import (
    COMMENT_LIMIT,
    CONFLICT_TEXT_LIMIT,
    ConflictKind,
    ReviewStatus,
    comment_problems,
    conflict_problems,
    draft_problems,
    review_label,
)
from unionDesk.domain.scoring import Criterion, Rubric

RUBRIC = Rubric(
    (
        Criterion("conduct", "思想品德", Decimal(20), Decimal(20)),
        Criterion("skill", "技能水平", Decimal(40), Decimal(40)),
        Criterion("innovation", "创新成果", Decimal(25), Decimal(25)),
        Criterion("example", "示范作用", Decimal(15), Decimal(15)),
    )
)


def fields(found: list) -> list[str]:  # type: ignore[type-arg]
    return [p.field for p in found]


# --- conflict of interest ------------------------------------------------------------------


def test_a_reason_must_be_chosen() -> None:
    assert fields(conflict_problems(None, "同厂")) == ["conflict_kind"]


@pytest.mark.parametrize("kind", [ConflictKind.SAME_UNIT, ConflictKind.RELATIVE])
def test_same_unit_and_relative_need_no_description(kind: ConflictKind) -> None:
    assert conflict_problems(kind, "") == []
    assert conflict_problems(kind, "与候选人同在一个车间") == []


@pytest.mark.parametrize("text", ["", "  \n "])
def test_other_needs_a_description(text: str) -> None:
    assert fields(conflict_problems(ConflictKind.OTHER, text)) == ["conflict_text"]


def test_the_description_has_a_limit_in_characters() -> None:
    assert conflict_problems(ConflictKind.OTHER, "𠈌" * CONFLICT_TEXT_LIMIT) == []
    (found,) = conflict_problems(ConflictKind.RELATIVE, "𠈌" * (CONFLICT_TEXT_LIMIT + 1))
    assert found.field == "conflict_text"
    assert str(CONFLICT_TEXT_LIMIT) in found.render()


# --- saving unfinished scores --------------------------------------------------------------


def test_no_score_at_all_may_be_saved() -> None:
    assert draft_problems(RUBRIC, {}, "") == []
    assert draft_problems(RUBRIC, {"conduct": None, "skill": None}, "") == []


def test_some_valid_scores_may_be_saved_without_the_rest() -> None:
    assert draft_problems(RUBRIC, {"conduct": Decimal("18.5"), "skill": None}, "初步意见") == []


def test_a_saved_score_must_still_be_in_range() -> None:
    found = draft_problems(RUBRIC, {"conduct": Decimal("20.5"), "skill": Decimal("40")}, "")
    assert fields(found) == ["conduct"]
    text = found[0].render()
    assert "思想品德" in text
    assert "20.5" in text


def test_a_negative_saved_score_is_refused() -> None:
    assert fields(draft_problems(RUBRIC, {"example": Decimal("-0.1")}, "")) == ["example"]


def test_a_saved_score_may_have_one_decimal_place_only() -> None:
    assert draft_problems(RUBRIC, {"skill": Decimal("39.5")}, "") == []
    assert draft_problems(RUBRIC, {"skill": Decimal("39.50")}, "") == []  # same value
    assert fields(draft_problems(RUBRIC, {"skill": Decimal("39.55")}, "")) == ["skill"]


def test_a_score_for_an_unknown_criterion_is_refused_when_saving() -> None:
    assert fields(draft_problems(RUBRIC, {"charisma": Decimal(5)}, "")) == ["charisma"]


def test_an_unknown_criterion_left_empty_is_ignored() -> None:
    assert draft_problems(RUBRIC, {"charisma": None}, "") == []


def test_every_problem_of_a_draft_is_reported() -> None:
    found = draft_problems(
        RUBRIC,
        {"conduct": Decimal(21), "innovation": Decimal("1.25"), "skill": Decimal(40)},
        "意" * (COMMENT_LIMIT + 1),
    )
    assert sorted(fields(found)) == ["comment", "conduct", "innovation"]


def test_a_comment_has_a_limit() -> None:
    assert comment_problems("意" * COMMENT_LIMIT) == []
    assert comment_problems("  " + "意" * COMMENT_LIMIT + "\n") == []
    assert fields(comment_problems("意" * (COMMENT_LIMIT + 1))) == ["comment"]


# --- statuses ------------------------------------------------------------------------------


def test_only_a_draft_is_unlocked() -> None:
    assert not ReviewStatus.DRAFT.locked
    assert ReviewStatus.SUBMITTED.locked
    assert ReviewStatus.RECUSED.locked


def test_statuses_and_conflicts_have_labels() -> None:
    zh = {
        "Saved, not submitted": "已暂存",
        "Submitted": "已提交",
        "Recused": "已回避",
        "Same unit": "同单位",
        "Relative": "亲属",
        "Other": "其他",
    }
    values = [*ReviewStatus, *ConflictKind]
    assert [review_label(v, lambda _c, t: zh[t]) for v in values] == list(zh.values())
    assert review_label(ConflictKind.SAME_UNIT) == "Same unit"
