"""Settings kept with the data (not per PC): the idle-lock time. Changes are audited."""

from __future__ import annotations

from sqlalchemy import select

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Setting

IDLE_KEY = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
IDLE_RANGE = (1, 240)


def read_idle_minutes(db: Database) -> int:
    """Minutes without input after which the window locks (default 10)."""
    with db.read() as session:
        stored = session.scalar(select(Setting.value).where(Setting.key == IDLE_KEY))
    try:
        minutes = int(stored) if stored is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    low, high = IDLE_RANGE
    return minutes if low <= minutes <= high else DEFAULT_IDLE_MINUTES


def save_idle_minutes(db: Database, actor: Actor, minutes: int) -> None:
    """Store a new idle-lock time (administrators only)."""
    require(actor, Permission.EDIT_SETTINGS)
    low, high = IDLE_RANGE
    if not low <= minutes <= high:
        raise ValidationFailed(
            [
                problem(
                    "idle_minutes",
                    QT_TRANSLATE_NOOP(
                        "Validation", "The idle time must be between {low} and {high} minutes."
                    ),
                    low=low,
                    high=high,
                )
            ]
        )
    before = read_idle_minutes(db)
    with db.write() as session:
        session.merge(Setting(key=IDLE_KEY, value=str(minutes)))
        record(
            session, actor, Action.SETTINGS, "setting", IDLE_KEY, "", {IDLE_KEY: (before, minutes)}
        )
