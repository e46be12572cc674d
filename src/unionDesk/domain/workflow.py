"""The candidate workflow of DESIGN.md 4 as a state machine: which transitions are legal.

草稿 → 已推荐 → 资格审查 (合格 / 不合格) → 评审中 → 已评分 → 拟推荐 → 公示中 → 通过 / 未通过,
and 撤回 from any state before 通过. Services move candidates only through ``check_transition``,
so an illegal move is refused with a message instead of being written.
"""

from __future__ import annotations

from enum import StrEnum

from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Label,
    Problem,
    Translate,
    problem,
    untranslated,
)

MAX_REASON = 500
# Its own translation context: a withdrawn nomination (撤回) is not a withdrawn member (已退会).
STATE_CONTEXT = "Workflow"


class CandidateState(StrEnum):
    """候选人状态."""

    DRAFT = "draft"  # 草稿
    NOMINATED = "nominated"  # 已推荐
    ELIGIBLE = "eligible"  # 资格审查合格
    INELIGIBLE = "ineligible"  # 资格审查不合格
    UNDER_REVIEW = "under_review"  # 评审中
    SCORED = "scored"  # 已评分
    SHORTLISTED = "shortlisted"  # 拟推荐
    IN_PUBLICITY = "in_publicity"  # 公示中
    APPROVED = "approved"  # 通过
    REJECTED = "rejected"  # 未通过
    WITHDRAWN = "withdrawn"  # 撤回

    @property
    def final(self) -> bool:
        """Whether nothing can follow this state."""
        return self in _FINAL


_FINAL = frozenset({CandidateState.APPROVED, CandidateState.REJECTED, CandidateState.WITHDRAWN})

S = CandidateState
TRANSITIONS: dict[CandidateState, frozenset[CandidateState]] = {
    S.DRAFT: frozenset({S.NOMINATED}),
    S.NOMINATED: frozenset({S.ELIGIBLE, S.INELIGIBLE, S.DRAFT}),
    # A new check after the member's record was corrected, or an override with a written reason.
    S.ELIGIBLE: frozenset({S.INELIGIBLE, S.UNDER_REVIEW}),
    S.INELIGIBLE: frozenset({S.ELIGIBLE, S.REJECTED}),
    # Leaving a round before it closes returns the candidate to the eligible pool.
    S.UNDER_REVIEW: frozenset({S.SCORED, S.ELIGIBLE}),
    S.SCORED: frozenset({S.SHORTLISTED, S.REJECTED, S.UNDER_REVIEW}),
    S.SHORTLISTED: frozenset({S.IN_PUBLICITY, S.SCORED}),
    S.IN_PUBLICITY: frozenset({S.APPROVED, S.REJECTED}),
    S.APPROVED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
# 撤回: possible from any state before 通过 (and not after a final decision).
for _state in CandidateState:
    if not _state.final:
        TRANSITIONS[_state] = TRANSITIONS[_state] | {S.WITHDRAWN}

# Transitions that must carry a written reason (they overrule or end something). An eligibility
# override (不合格 → 合格 against the rules) also needs one; the service asks for it, because the
# same move after a corrected record passes the automatic check and needs none.
REASON_REQUIRED = frozenset(
    {
        (S.SHORTLISTED, S.SCORED),
        (S.IN_PUBLICITY, S.REJECTED),
        (S.SCORED, S.REJECTED),
        (S.INELIGIBLE, S.REJECTED),
        (S.NOMINATED, S.DRAFT),
    }
    | {(state, S.WITHDRAWN) for state in CandidateState if not state.final}
)

_STATE_LABELS: dict[CandidateState, str] = {
    S.DRAFT: QT_TRANSLATE_NOOP("Workflow", "Draft"),
    S.NOMINATED: QT_TRANSLATE_NOOP("Workflow", "Nominated"),
    S.ELIGIBLE: QT_TRANSLATE_NOOP("Workflow", "Eligible"),
    S.INELIGIBLE: QT_TRANSLATE_NOOP("Workflow", "Ineligible"),
    S.UNDER_REVIEW: QT_TRANSLATE_NOOP("Workflow", "Under review"),
    S.SCORED: QT_TRANSLATE_NOOP("Workflow", "Scored"),
    S.SHORTLISTED: QT_TRANSLATE_NOOP("Workflow", "Shortlisted"),
    S.IN_PUBLICITY: QT_TRANSLATE_NOOP("Workflow", "In publicity"),
    S.APPROVED: QT_TRANSLATE_NOOP("Workflow", "Approved"),
    S.REJECTED: QT_TRANSLATE_NOOP("Workflow", "Not approved"),
    S.WITHDRAWN: QT_TRANSLATE_NOOP("Workflow", "Withdrawn"),
}


def state_label(state: CandidateState, translate: Translate = untranslated) -> str:
    """The display text of ``state`` (zh_CN: 草稿, 已推荐 …)."""
    return state_text(state).render(translate)


def state_text(state: CandidateState) -> Label:
    """``state``'s label as a message parameter."""
    return Label(STATE_CONTEXT, _STATE_LABELS[state])


def allowed_targets(state: CandidateState) -> frozenset[CandidateState]:
    """States a candidate in ``state`` may move to."""
    return TRANSITIONS[state]


def check_transition(
    current: CandidateState, target: CandidateState, reason: str = ""
) -> list[Problem]:
    """Problems with moving a candidate from ``current`` to ``target``; [] when allowed.

    The message names both states, so the officer sees what the candidate is waiting for.
    """
    if target not in TRANSITIONS[current]:
        if current.final:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "This candidate is already {current}; the selection of this candidate is "
                "finished, so it cannot be moved to {target}.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "A candidate in the state {current} cannot be moved to {target}. Refresh the "
                "list: someone may have changed the candidate meanwhile.",
            )
        return [problem("state", text, current=state_text(current), target=state_text(target))]
    cleaned = reason.strip()
    if (current, target) in REASON_REQUIRED and not cleaned:
        return [
            problem(
                "reason",
                QT_TRANSLATE_NOOP(
                    "Validation", "Write the reason for moving the candidate to {target}."
                ),
                target=state_text(target),
            )
        ]
    if len(cleaned) > MAX_REASON:
        return [
            problem(
                "reason",
                QT_TRANSLATE_NOOP(
                    "Validation", "The reason is too long (at most {maximum} characters)."
                ),
                maximum=MAX_REASON,
            )
        ]
    return []
