"""文化活动统计表: the culture events of the period, one by one, and their statistics.

The events are read with ``events.list_events`` and ``events.get_event`` (the event list and
form), the figures with ``event_stats.event_stats`` (the statistics panel), so the return says
what the screens say. ``stats_data`` is shared with the 工会工作统计表.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from unionDesk.domain.access import Actor
from unionDesk.domain.culture import PeriodStats, event_type_label
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.reports import culture
from unionDesk.reports.chinese import zh
from unionDesk.services.database import get_union
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import EventQuery, get_event, list_events
from unionDesk.services.returns import DataDict, Gathered, ReturnRequest, ReturnType, register
from unionDesk.store.db import Database


def gather(db: Database, actor: Actor, request: ReturnRequest, now: datetime) -> Gathered:
    """Every event starting in the period, oldest first, with the period's statistics.

    Raises:
        ValidationFailed: no event starts in the period.
    """
    period = request.period
    stats = event_stats(db, actor, period.start, period.end)
    if stats.events == 0:
        raise ValidationFailed(
            [
                problem(
                    "period",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "No culture event took place in {period}, so there is nothing to "
                        "report. Record the events first, or choose another period.",
                    ),
                    period=period.label,
                )
            ]
        )
    rows = list_events(db, actor, EventQuery(first=period.start, last=period.end))
    events: list[DataDict] = []
    for row in sorted(rows, key=lambda r: (r.starts_at, r.id)):
        draft = get_event(db, actor, row.id).draft
        events.append(
            {
                "no": len(events) + 1,
                "event_id": row.id,
                "date": day_span(row.starts_at.date(), draft.ends_at and draft.ends_at.date()),
                "name": row.title,
                "type": event_type_label(row.event_type, zh),
                "venue": row.venue,
                "organiser": draft.organiser,
                "hours": _number(row.hours),
                "attendances": row.attendees,
                "guests": row.guests,
            }
        )
    data: DataDict = {
        "events": events,
        "stats": stats_data(stats),
        "sign_off": {"chair": get_union(db).chair, "date": now.date().isoformat()},
    }
    return Gathered("文化活动统计表", data)


def stats_data(stats: PeriodStats) -> DataDict:
    """The figures of ``event_stats`` as the returns print them (types in the panel's order)."""
    return {
        "events": stats.events,
        "attendances": stats.attendances,
        "guests": stats.guests,
        "participants": stats.participants,
        "members": stats.members,
        "participation_rate": _number(stats.participation_rate),
        "member_hours": _number(stats.member_hours),
        "hours_per_member": _number(stats.hours_per_member),
        "by_type": [
            {
                "label": event_type_label(line.event_type, zh),
                "events": line.events,
                "attendances": line.attendances,
                "guests": line.guests,
                "hours": _number(line.hours),
            }
            for line in stats.by_type
        ],
    }


def _number(value: Decimal | None) -> float | None:
    """A decimal figure for the JSON file (the layout prints it with its fixed places)."""
    return None if value is None else float(value)


def day_span(first: date, last: date | None) -> str:
    """``2026-05-12``, or ``2026-05-12～05-14`` for something over several days."""
    if last is None or last == first:
        return first.isoformat()
    return f"{first.isoformat()}～{last.isoformat()[5 if last.year == first.year else 0 :]}"


register(ReturnType.CULTURE, gather, culture.render)
