"""Membership history rules: status is derived from the changes, never typed in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from unionDesk.domain.enums import ChangeKind, MemberStatus
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem

STATUS_AFTER: dict[ChangeKind, MemberStatus] = {
    ChangeKind.JOIN: MemberStatus.ACTIVE,
    ChangeKind.TRANSFER_IN: MemberStatus.ACTIVE,
    ChangeKind.TRANSFER_OUT: MemberStatus.TRANSFERRED_OUT,
    ChangeKind.WITHDRAW: MemberStatus.WITHDRAWN,
    ChangeKind.EXPEL: MemberStatus.EXPELLED,
    ChangeKind.DEATH: MemberStatus.DECEASED,
}
MAX_REASON = 500


@dataclass(frozen=True)
class Change:
    """One recorded change, as far as the rules need it."""

    kind: ChangeKind
    effective_on: date


def derive_status(history: Sequence[Change]) -> MemberStatus | None:
    """Status after the last change (history in recorded order); None with no history."""
    return STATUS_AFTER[history[-1].kind] if history else None


def check_change(
    history: Sequence[Change], new: Change, reason: str, *, today: date
) -> list[Problem]:
    """Problems with appending ``new`` (with ``reason``) to ``history``; [] when allowed."""
    found = _check_kind(derive_status(history), new.kind)
    found += _check_date(history, new.effective_on, today)
    found += _check_reason(new.kind, reason)
    return found


def _check_kind(status: MemberStatus | None, kind: ChangeKind) -> list[Problem]:
    if status is MemberStatus.DECEASED:
        return [
            problem(
                "kind",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "This member is recorded as deceased; no further change can be made.",
                ),
            )
        ]
    if kind.admits and status is MemberStatus.ACTIVE:
        return [
            problem(
                "kind",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "This person is already an active member; record a join or transfer "
                    "in only after they have left.",
                ),
            )
        ]
    if not kind.admits and status is not MemberStatus.ACTIVE:
        return [
            problem(
                "kind",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Only an active member can transfer out, withdraw, be expelled or be "
                    "recorded as deceased.",
                ),
            )
        ]
    return []


def _check_date(history: Sequence[Change], on: date, today: date) -> list[Problem]:
    if on > today:
        return [
            problem(
                "effective_on",
                QT_TRANSLATE_NOOP(
                    "Validation", "The date {date} is in the future. Enter the date it took effect."
                ),
                date=on.isoformat(),
            )
        ]
    if history and on < history[-1].effective_on:
        return [
            problem(
                "effective_on",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The date is before the last recorded change ({last}). Changes must be "
                    "entered in order.",
                ),
                last=history[-1].effective_on.isoformat(),
            )
        ]
    return []


def _check_reason(kind: ChangeKind, reason: str) -> list[Problem]:
    text = reason.strip()
    if kind is not ChangeKind.JOIN and not text:
        return [
            problem("reason", QT_TRANSLATE_NOOP("Validation", "Enter a reason for this change."))
        ]
    if len(text) > MAX_REASON:
        return [
            problem(
                "reason",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The reason is {length} characters long; at most {limit} are allowed.",
                ),
                length=len(text),
                limit=MAX_REASON,
            )
        ]
    return []
