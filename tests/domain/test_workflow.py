"""The candidate state machine of DESIGN.md 4: legal moves, refusals, reasons and labels."""

from __future__ import annotations

import itertools

import pytest

from unionDesk.domain.messages import Problem
from unionDesk.domain.workflow import (
    MAX_REASON,
    REASON_REQUIRED,
    CandidateState,
    allowed_targets,
    check_transition,
    state_label,
)

S = CandidateState
FINAL = (S.APPROVED, S.REJECTED, S.WITHDRAWN)
NOT_FINAL = tuple(s for s in S if s not in FINAL)

# Written out by hand from DESIGN.md 4 (and the returns the workflow allows), not copied from
# the module, so a changed table is noticed.
FORWARD = {
    (S.DRAFT, S.NOMINATED),
    (S.NOMINATED, S.ELIGIBLE),
    (S.NOMINATED, S.INELIGIBLE),
    (S.ELIGIBLE, S.UNDER_REVIEW),
    (S.UNDER_REVIEW, S.SCORED),
    (S.SCORED, S.SHORTLISTED),
    (S.SHORTLISTED, S.IN_PUBLICITY),
    (S.IN_PUBLICITY, S.APPROVED),
    (S.IN_PUBLICITY, S.REJECTED),
}
RETURNS = {
    (S.NOMINATED, S.DRAFT),  # handed in too early
    (S.ELIGIBLE, S.INELIGIBLE),  # a new check after the record changed
    (S.INELIGIBLE, S.ELIGIBLE),  # corrected record, or override
    (S.INELIGIBLE, S.REJECTED),
    (S.UNDER_REVIEW, S.ELIGIBLE),  # left the round / below quorum
    (S.SCORED, S.REJECTED),
    (S.SCORED, S.UNDER_REVIEW),  # a further round
    (S.SHORTLISTED, S.SCORED),  # taken off the shortlist
}
WITHDRAWALS = {(state, S.WITHDRAWN) for state in NOT_FINAL}
LEGAL = FORWARD | RETURNS | WITHDRAWALS
NEEDS_REASON = WITHDRAWALS | {
    (S.NOMINATED, S.DRAFT),
    (S.INELIGIBLE, S.REJECTED),
    (S.SCORED, S.REJECTED),
    (S.SHORTLISTED, S.SCORED),
    (S.IN_PUBLICITY, S.REJECTED),
}

ZH_LABELS = {
    "Draft": "草稿",
    "Nominated": "已推荐",
    "Eligible": "合格",
    "Ineligible": "不合格",
    "Under review": "评审中",
    "Scored": "已评分",
    "Shortlisted": "拟推荐",
    "In publicity": "公示中",
    "Approved": "通过",
    "Not approved": "未通过",
    "Withdrawn": "撤回",
}
ZH_TEXTS = {
    "A candidate in the state {current} cannot be moved to {target}. Refresh the list: someone "
    "may have changed the candidate meanwhile.": "处于“{current}”状态的候选人不能转为“{target}”。",
    "Write the reason for moving the candidate to {target}.": "请填写转为“{target}”的理由。",
}


def zh(context: str, text: str) -> str:
    """A stand-in for Qt's translator: Chinese for the texts these tests render."""
    table = ZH_LABELS if context == "Workflow" else ZH_TEXTS
    return table.get(text, text)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_the_table_of_legal_moves_is_the_designed_one() -> None:
    for state in S:
        expected = {target for current, target in LEGAL if current is state}
        assert allowed_targets(state) == expected, state


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL))
def test_every_legal_move_is_allowed_with_a_reason(
    current: CandidateState, target: CandidateState
) -> None:
    assert check_transition(current, target, "经推荐单位申请") == []


@pytest.mark.parametrize(
    ("current", "target"),
    [pair for pair in itertools.product(S, S) if pair not in LEGAL],
)
def test_every_other_move_is_refused_naming_both_states(
    current: CandidateState, target: CandidateState
) -> None:
    found = only(check_transition(current, target, "理由"))
    assert found.field == "state"
    text = found.render()
    assert state_label(current) in text
    assert state_label(target) in text


def test_a_refusal_names_the_states_in_chinese() -> None:
    text = only(check_transition(S.SCORED, S.DRAFT)).render(zh)
    assert text == "处于“已评分”状态的候选人不能转为“草稿”。"


def test_a_finished_candidate_is_refused_in_chinese_too() -> None:
    text = only(check_transition(S.APPROVED, S.WITHDRAWN, "理由")).render(zh)
    assert "通过" in text
    assert "撤回" in text


@pytest.mark.parametrize("state", NOT_FINAL)
def test_withdrawal_is_possible_from_every_state_before_a_decision(state: CandidateState) -> None:
    assert S.WITHDRAWN in allowed_targets(state)
    assert check_transition(state, S.WITHDRAWN, "本人申请撤回") == []


@pytest.mark.parametrize("state", FINAL)
def test_nothing_follows_a_final_state(state: CandidateState) -> None:
    assert state.final
    assert allowed_targets(state) == frozenset()
    for target in S:
        assert only(check_transition(state, target, "理由")).field == "state"


def test_only_the_three_decisions_are_final() -> None:
    assert {state for state in S if state.final} == set(FINAL)


def test_the_moves_that_need_a_reason_are_the_designed_ones() -> None:
    assert REASON_REQUIRED == NEEDS_REASON


@pytest.mark.parametrize(("current", "target"), sorted(NEEDS_REASON))
@pytest.mark.parametrize("reason", ["", "   \n\t "])
def test_a_move_that_needs_a_reason_is_refused_without_one(
    current: CandidateState, target: CandidateState, reason: str
) -> None:
    found = only(check_transition(current, target, reason))
    assert found.field == "reason"
    assert state_label(target) in found.render()
    assert state_label(target, zh) in found.render(zh)


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL - NEEDS_REASON))
def test_other_legal_moves_need_no_reason(current: CandidateState, target: CandidateState) -> None:
    assert check_transition(current, target) == []


def test_a_reason_may_have_500_characters_counted_as_characters() -> None:
    assert check_transition(S.ELIGIBLE, S.WITHDRAWN, "𠈌" * MAX_REASON) == []
    found = only(check_transition(S.ELIGIBLE, S.WITHDRAWN, "𠈌" * (MAX_REASON + 1)))
    assert found.field == "reason"
    assert str(MAX_REASON) in found.render()


def test_the_refusal_is_checked_before_the_reason() -> None:
    # an illegal move says so even without a reason, instead of asking for one
    assert only(check_transition(S.DRAFT, S.APPROVED)).field == "state"


def test_every_state_has_a_label_in_the_workflow_context() -> None:
    seen = []

    def recording(context: str, text: str) -> str:
        seen.append(context)
        return zh(context, text)

    labels = [state_label(state, recording) for state in S]
    assert set(seen) == {"Workflow"}
    assert labels == [
        "草稿",
        "已推荐",
        "合格",
        "不合格",
        "评审中",
        "已评分",
        "拟推荐",
        "公示中",
        "通过",
        "未通过",
        "撤回",
    ]
