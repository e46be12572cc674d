"""Culture-event statistics of a period: the one service the panel, command line and returns use.

The numbers are computed by the domain's ``period_stats``; this module only reads its inputs:
the events of the period with their attendees, and how many members the period had.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select, union
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.culture import (
    EventFacts,
    EventType,
    PeriodStats,
    period_problems,
    period_stats,
)
from unionDesk.domain.enums import ChangeKind
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.events import ONE_DAY, day_start, on_register
from unionDesk.services.permissions import require
from unionDesk.store.activity_models import CultureEvent, EventAttendance
from unionDesk.store.db import Database
from unionDesk.store.models import Member, MembershipChange

_ADMITTING = [kind.value for kind in ChangeKind if kind.admits]
_NO_HOURS = Decimal("0.0")


def event_stats(db: Database, actor: Actor, first: date, last: date) -> PeriodStats:
    """Statistics of the culture events that start from ``first`` to ``last`` (included).

    The rates are per member on the register at any time in the period (``members_in_period``).

    Raises:
        ValidationFailed: the period ends before it starts or is longer than ten years (field
            keys ``"first"`` and ``"last"``).
    """
    require(actor, Permission.VIEW_ACTIVITIES)
    problems = period_problems(first, last)
    if problems:
        raise ValidationFailed(problems)
    with db.read() as session:
        facts = event_facts(session, first, last)
        members = members_in_period(session, first, last)
    return period_stats(facts, first=first, last=last, members=members)


def event_facts(session: Session, first: date, last: date) -> list[EventFacts]:
    """The events (not deleted) starting from ``first`` to ``last``, with their attendees.

    Attendees deleted from the register are left out, as they are from the members counted.
    An event without hours (only possible for rows not written by ``events``) counts 0 hours.
    """
    in_period = _starts_in(first, last)
    events = session.execute(
        select(
            CultureEvent.id,
            CultureEvent.event_type,
            CultureEvent.starts_at,
            CultureEvent.hours,
            CultureEvent.guests,
        )
        .where(in_period)
        .order_by(CultureEvent.starts_at, CultureEvent.id)
    ).all()
    attendees: dict[int, set[int]] = {}
    rows = session.execute(
        select(EventAttendance.event_id, EventAttendance.member_id)
        .join(CultureEvent, CultureEvent.id == EventAttendance.event_id)
        .where(in_period, on_register())
    )
    for event_id, member_id in rows:
        attendees.setdefault(event_id, set()).add(member_id)
    return [
        EventFacts(
            event_id=event_id,
            event_type=EventType(kind),
            day=starts_at.date(),
            hours=Decimal(hours) if hours else _NO_HOURS,
            attendee_ids=frozenset(attendees.get(event_id, ())),
            guests=guests,
        )
        for event_id, kind, starts_at, hours, guests in events
    ]


def members_in_period(session: Session, first: date, last: date) -> int:
    """Members on the register at any time from ``first`` to ``last``: the rates' denominator.

    A member counts when not deleted and either a membership change took effect in the period
    (whoever joins or leaves during it was a member for part of it) or the last change before
    the period admitted them (join or transfer in). So a member who left on or after ``first``
    counts, one who joined after ``last`` does not, and neither does one who left before the
    period and came back after it.
    """
    # Changes are recorded in date order, so the highest id before ``first`` is the last change.
    last_before = (
        select(func.max(MembershipChange.id).label("id"))
        .where(MembershipChange.effective_on < first)
        .group_by(MembershipChange.member_id)
        .subquery()
    )
    admitted_before = (
        select(MembershipChange.member_id)
        .join(last_before, last_before.c.id == MembershipChange.id)
        .where(MembershipChange.kind.in_(_ADMITTING))
    )
    changed_during = select(MembershipChange.member_id).where(
        MembershipChange.effective_on >= first, MembershipChange.effective_on <= last
    )
    counted = (
        select(func.count())
        .select_from(Member)
        .where(Member.deleted_at.is_(None), Member.id.in_(union(admitted_before, changed_during)))
    )
    return session.scalar(counted) or 0


def _starts_in(first: date, last: date) -> ColumnElement[bool]:
    return (
        (CultureEvent.deleted_at.is_(None))
        & (CultureEvent.starts_at >= day_start(first))
        & (CultureEvent.starts_at < day_start(last + ONE_DAY))
    )
