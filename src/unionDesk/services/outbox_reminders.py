"""The main window's reminders: returns waiting too long to be uploaded, and an old last backup.

The two limits (in days) are settings kept with the data, changed only through audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.outbox import WAITING_STATES
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, record
from unionDesk.services.backups import list_backups
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Setting
from unionDesk.store.outbox_models import OutboxItem

OUTBOX_DAYS_KEY = "reminder_outbox_days"
BACKUP_DAYS_KEY = "reminder_backup_days"
DEFAULT_OUTBOX_DAYS = 3
DEFAULT_BACKUP_DAYS = 7
DAYS_RANGE = (1, 365)


@dataclass(frozen=True)
class Reminder:
    """What the reminder banner needs.

    Attributes:
        waiting: items not delivered yet (queued, sending, failed or quarantined).
        oldest_waiting_days: whole days the oldest of them has waited (0 when none waits).
        last_backup_days: whole days since the newest backup, None when there is none.
        outbox_limit_days: the configured limit for waiting items.
        backup_limit_days: the configured limit for the last backup.
    """

    waiting: int
    oldest_waiting_days: int
    last_backup_days: int | None
    outbox_limit_days: int
    backup_limit_days: int

    @property
    def outbox_overdue(self) -> bool:
        """Whether some item has waited at least the limit."""
        return self.waiting > 0 and self.oldest_waiting_days >= self.outbox_limit_days

    @property
    def backup_overdue(self) -> bool:
        """Whether there is no backup, or the newest is at least the limit old."""
        return self.last_backup_days is None or self.last_backup_days >= self.backup_limit_days


def reminders(db: Database, paths: AppPaths, *, now: datetime | None = None) -> Reminder:
    """The outbox's and the backups' ages against their limits (``now``: local, naive)."""
    moment = now or datetime.now()
    waiting_states = [state.value for state in WAITING_STATES]
    with db.read() as session:
        waiting, oldest = session.execute(
            select(func.count(), func.min(OutboxItem.created_at)).where(
                OutboxItem.state.in_(waiting_states)
            )
        ).one()
    outbox_days, backup_days = read_reminder_days(db)
    backups = list_backups(paths)
    return Reminder(
        waiting=int(waiting),
        oldest_waiting_days=_days_between(oldest, moment) if oldest is not None else 0,
        last_backup_days=_days_between(backups[0].taken_at, moment) if backups else None,
        outbox_limit_days=outbox_days,
        backup_limit_days=backup_days,
    )


def read_reminder_days(db: Database) -> tuple[int, int]:
    """The limits (outbox days, backup days); 3 and 7 unless changed."""
    with db.read() as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_([OUTBOX_DAYS_KEY, BACKUP_DAYS_KEY])
            )
        ).all()
    stored = {key: value for key, value in rows}
    return (
        _days_setting(stored.get(OUTBOX_DAYS_KEY), DEFAULT_OUTBOX_DAYS),
        _days_setting(stored.get(BACKUP_DAYS_KEY), DEFAULT_BACKUP_DAYS),
    )


def save_reminder_days(db: Database, actor: Actor, outbox_days: int, backup_days: int) -> None:
    """Store both limits (administrators only).

    Raises:
        PermissionDenied: the actor may not change settings.
        ValidationFailed: a limit is outside 1 to 365 days.
    """
    require(actor, Permission.EDIT_SETTINGS)
    problems = [
        *_range_problems("outbox_days", outbox_days),
        *_range_problems("backup_days", backup_days),
    ]
    if problems:
        raise ValidationFailed(problems)
    before = dict(zip((OUTBOX_DAYS_KEY, BACKUP_DAYS_KEY), read_reminder_days(db), strict=True))
    after = {OUTBOX_DAYS_KEY: outbox_days, BACKUP_DAYS_KEY: backup_days}
    changes = {key: (before[key], after[key]) for key in after if before[key] != after[key]}
    if not changes:
        return
    with db.write() as session:
        for key, value in after.items():
            session.merge(Setting(key=key, value=str(value)))
        record(session, actor, Action.SETTINGS, "setting", "reminders", "", changes)


def _days_between(earlier: datetime, later: datetime) -> int:
    return max(0, (later - earlier).days)


def _days_setting(stored: str | None, default: int) -> int:
    try:
        days = int(stored) if stored is not None else default
    except ValueError:
        return default
    low, high = DAYS_RANGE
    return days if low <= days <= high else default


def _range_problems(field: str, days: int) -> list[Problem]:
    low, high = DAYS_RANGE
    if low <= days <= high:
        return []
    text = QT_TRANSLATE_NOOP("Validation", "The number of days must be between {low} and {high}.")
    return [problem(field, text, low=low, high=high)]
