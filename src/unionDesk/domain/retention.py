"""Which automatic backups to keep: the newest per day, per ISO week and per month."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Retention:
    """How many daily, weekly and monthly backups to keep (defaults of issue 3)."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def backups_to_keep(taken: Sequence[datetime], policy: Retention) -> set[datetime]:
    """The times (from ``taken``) whose backups the policy keeps; the rest may be deleted."""
    newest_first = sorted(set(taken), reverse=True)
    keep: set[datetime] = set()
    buckets: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    )
    for count, bucket in buckets:
        keep |= _newest_per_bucket(newest_first, bucket, count)
    return keep


def _newest_per_bucket(
    newest_first: Sequence[datetime], bucket: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    seen: dict[Hashable, datetime] = {}
    for moment in newest_first:
        if len(seen) >= count:
            break
        seen.setdefault(bucket(moment), moment)
    return set(seen.values())
