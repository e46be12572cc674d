"""One reviewer's review of one candidate: its status and the declaration of a conflict."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, Translate, problem, untranslated
from unionDesk.domain.scoring import Rubric, score_problems

COMMENT_LIMIT = 1000
CONFLICT_TEXT_LIMIT = 500


class ReviewStatus(StrEnum):
    """评分状态."""

    DRAFT = "draft"  # 暂存: scores may still change
    SUBMITTED = "submitted"  # 已提交: locked
    RECUSED = "recused"  # 已回避: locked, not a valid score

    @property
    def locked(self) -> bool:
        """Whether only the chair (by reopening) can change it."""
        return self is not ReviewStatus.DRAFT


class ConflictKind(StrEnum):
    """回避原因."""

    SAME_UNIT = "same_unit"  # 同单位
    RELATIVE = "relative"  # 亲属
    OTHER = "other"  # 其他


_LABELS: dict[StrEnum, str] = {
    ReviewStatus.DRAFT: QT_TRANSLATE_NOOP("Enum", "Saved, not submitted"),
    ReviewStatus.SUBMITTED: QT_TRANSLATE_NOOP("Enum", "Submitted"),
    ReviewStatus.RECUSED: QT_TRANSLATE_NOOP("Enum", "Recused"),
    ConflictKind.SAME_UNIT: QT_TRANSLATE_NOOP("Enum", "Same unit"),
    ConflictKind.RELATIVE: QT_TRANSLATE_NOOP("Enum", "Relative"),
    ConflictKind.OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
}


def review_label(value: ReviewStatus | ConflictKind, translate: Translate = untranslated) -> str:
    """Display text of a review status or conflict kind."""
    return translate("Enum", _LABELS[value])


def conflict_problems(kind: ConflictKind | None, text: str) -> list[Problem]:
    """Problems with a declaration of conflict of interest; [] when complete."""
    if kind is None:
        return [
            problem(
                "conflict_kind",
                QT_TRANSLATE_NOOP("Validation", "Choose the reason for recusal."),
            )
        ]
    if kind is ConflictKind.OTHER and not text.strip():
        return [
            problem(
                "conflict_text",
                QT_TRANSLATE_NOOP("Validation", "Describe the conflict of interest."),
            )
        ]
    if len(text.strip()) > CONFLICT_TEXT_LIMIT:
        return [_too_long("conflict_text", CONFLICT_TEXT_LIMIT)]
    return []


def draft_problems(
    rubric: Rubric, values: Mapping[str, Decimal | None], comment: str
) -> list[Problem]:
    """Problems with saving unfinished scores: the values given must be valid, none required."""
    given = {key: value for key, value in values.items() if value is not None}
    found = [p for p in score_problems(rubric, given) if p.field in given]
    return found + comment_problems(comment)


def comment_problems(comment: str) -> list[Problem]:
    """Problems with a reviewer's comment."""
    return [_too_long("comment", COMMENT_LIMIT)] if len(comment.strip()) > COMMENT_LIMIT else []


def _too_long(field_name: str, limit: int) -> Problem:
    return problem(
        field_name,
        QT_TRANSLATE_NOOP("Validation", "This text is too long (at most {limit} characters)."),
        limit=limit,
    )
