"""Culture events (职工文化活动, DESIGN.md 3 CultureEvent): the event form's checks and statistics.

``period_stats`` is the one computation behind the statistics panel, the command line and the
returns, so all of them print the same numbers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from unionDesk.domain.candidate import normalize_text
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    length_problems,
    problem,
    untranslated,
)
from unionDesk.domain.scoring import to_decimal

TITLE_LIMIT = 100
PLACE_LIMIT = 100  # venue and organiser
DESCRIPTION_LIMIT = 2000
MAX_HOURS = Decimal(24)
MAX_GUESTS = 100_000
MAX_EVENT_DAYS = 30  # from the day an event starts to the day it ends
FIRST_EVENT_DAY = date(1949, 1, 1)
MAX_YEARS_AHEAD = 1  # a start further ahead is a typo in the year
MAX_PERIOD_YEARS = 10
_TENTH = Decimal("0.1")
_NO_HOURS = Decimal("0.0")


class EventType(StrEnum):
    """活动类型."""

    ARTS_FESTIVAL = "arts_festival"  # 首都职工文化艺术节
    READING = "reading"  # 读书活动/职工书屋
    ROLE_MODEL_TALK = "role_model_talk"  # 劳模宣讲/工匠宣讲
    THEME_EDUCATION = "theme_education"  # 主题教育
    EDUCATION_BASE = "education_base"  # 参观教育基地
    FITNESS = "fitness"  # 健身/工间操
    MENTAL_CARE = "mental_care"  # 心理关爱
    OTHER = "other"  # 其他


_TYPE_LABELS = {
    EventType.ARTS_FESTIVAL: QT_TRANSLATE_NOOP(
        "Enum", "Capital Workers' Culture and Arts Festival"
    ),
    EventType.READING: QT_TRANSLATE_NOOP("Enum", "Reading activity / workers' library"),
    EventType.ROLE_MODEL_TALK: QT_TRANSLATE_NOOP("Enum", "Model worker / craftsman talk"),
    EventType.THEME_EDUCATION: QT_TRANSLATE_NOOP("Enum", "Theme education"),
    EventType.EDUCATION_BASE: QT_TRANSLATE_NOOP("Enum", "Visit to an education base"),
    EventType.FITNESS: QT_TRANSLATE_NOOP("Enum", "Fitness / workplace exercises"),
    EventType.MENTAL_CARE: QT_TRANSLATE_NOOP("Enum", "Mental health care"),
    EventType.OTHER: QT_TRANSLATE_NOOP("Enum", "Other"),
}


def event_type_label(value: EventType | str, translate: Translate = untranslated) -> str:
    """Display text of an event type, given as the enum or its stored code.

    Raises:
        ValueError: if ``value`` is not the code of an event type.
    """
    return translate("Enum", _TYPE_LABELS[EventType(value)])


@dataclass(frozen=True)
class EventDraft:
    """The values of the event form, before or after ``validate_event``.

    Field names are the keys that ``Problem.field`` refers to. Both times are naive local times,
    as the officer types them.
    """

    event_type: EventType | None
    title: str
    starts_at: datetime | None
    ends_at: datetime | None  # optional: the same day or up to 30 days later
    venue: str
    organiser: str
    description: str = ""
    hours: Decimal | None = None  # 活动时长 credited to each attendee; required on save
    guests: int = 0  # attendees who are not members


def validate_event(draft: EventDraft, *, now: datetime) -> EventDraft:
    """Check every field of an event form and return the cleaned values.

    Args:
        draft: the values as typed.
        now: the current local time; a start more than a year after it is refused as a typo.

    Returns:
        A copy of ``draft`` with single-spaced title, venue and organiser, a trimmed description
        with Unix line breaks, and the hours to one decimal place (``Decimal("2.0")``).

    Raises:
        ValidationFailed: with every problem found, in form order, each tied to its field key.
    """
    clean = dataclasses.replace(
        draft,
        title=_one_line(draft.title),
        venue=_one_line(draft.venue),
        organiser=_one_line(draft.organiser),
        description=normalize_text(draft.description),
    )
    found = [
        *_type_problems(clean.event_type),
        *_text_problems("title", clean.title, TITLE_LIMIT),
        *_start_problems(clean.starts_at, now),
        *_end_problems(clean.starts_at, clean.ends_at),
        *_text_problems("venue", clean.venue, PLACE_LIMIT),
        *_text_problems("organiser", clean.organiser, PLACE_LIMIT),
        *length_problems("description", clean.description, DESCRIPTION_LIMIT),
        *_hours_problems(clean.hours),
        *_guests_problems(clean.guests),
    ]
    if found:
        raise ValidationFailed(found)
    return dataclasses.replace(
        clean, hours=None if clean.hours is None else clean.hours.quantize(_TENTH)
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _type_problems(event_type: EventType | None) -> list[Problem]:
    text = QT_TRANSLATE_NOOP("Validation", "Choose the type of the event.")
    return [problem("event_type", text)] if event_type is None else []


_MISSING_TEXT = {
    "title": QT_TRANSLATE_NOOP("Validation", "Enter the title of the event."),
    "venue": QT_TRANSLATE_NOOP("Validation", "Enter the venue of the event."),
    "organiser": QT_TRANSLATE_NOOP(
        "Validation", "Enter the organiser of the event (the unit or department that holds it)."
    ),
}


def _text_problems(field_name: str, text: str, limit: int) -> list[Problem]:
    if not text:
        return [problem(field_name, _MISSING_TEXT[field_name])]
    return length_problems(field_name, text, limit)


def _start_problems(starts_at: datetime | None, now: datetime) -> list[Problem]:
    if starts_at is None:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the date and time the event starts.")
        return [problem("starts_at", text)]
    day = starts_at.date()
    if day < FIRST_EVENT_DAY:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The event date {date} is before {year}. Check the year."
        )
        return [problem("starts_at", text, date=day.isoformat(), year=FIRST_EVENT_DAY.year)]
    latest = _add_years(now.date(), MAX_YEARS_AHEAD)
    if day > latest:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The event date {date} is more than a year ahead. Check the year; the latest date "
            "accepted today is {latest}.",
        )
        return [problem("starts_at", text, date=day.isoformat(), latest=latest.isoformat())]
    return []


def _end_problems(starts_at: datetime | None, ends_at: datetime | None) -> list[Problem]:
    if starts_at is None or ends_at is None:
        return []  # the end is optional, and a missing start is reported on its own
    if ends_at <= starts_at:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The event must end after it starts ({start}). Correct the end time."
        )
        return [problem("ends_at", text, start=f"{starts_at:%Y-%m-%d %H:%M}")]
    days = (ends_at.date() - starts_at.date()).days
    if days > MAX_EVENT_DAYS:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The event ends {days} days after the day it starts, but at most {limit} days are "
            "allowed. Check the end date, or record the parts of the event separately.",
        )
        return [problem("ends_at", text, days=days, limit=MAX_EVENT_DAYS)]
    return []


def _hours_problems(hours: Decimal | None) -> list[Problem]:
    if hours is None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Enter the hours of the event credited to each attendee."
        )
    elif not hours.is_finite() or not 0 < hours <= MAX_HOURS:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{value} hours is not possible. Enter more than 0 and at most {limit} hours.",
        )
    elif (Fraction(hours) * 10).denominator != 1:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{value} hours has too many decimal places. Enter the hours with at most one "
            "decimal place, for example 1.5.",
        )
    else:
        return []
    return [problem("hours", text, value="" if hours is None else str(hours), limit=MAX_HOURS)]


def _guests_problems(guests: int) -> list[Problem]:
    if 0 <= guests <= MAX_GUESTS:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "{count} guests is not possible. Enter the number of attendees who are not members, "
        "from 0 to {limit}.",
    )
    return [problem("guests", text, count=guests, limit=MAX_GUESTS)]


def _add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


@dataclass(frozen=True)
class EventFacts:
    """What the statistics need of one event.

    Attributes:
        event_id: the stored event's id; each event is passed once.
        event_type: the kind of event.
        day: the day the event starts; it decides the period the event counts in.
        hours: the hours credited to each member who attended.
        attendee_ids: the ids of the members who attended.
        guests: attendees who are not members.
    """

    event_id: int
    event_type: EventType
    day: date
    hours: Decimal
    attendee_ids: frozenset[int]
    guests: int


@dataclass(frozen=True)
class TypeStats:
    """The events of one type in a period: one line of the returns' table.

    Attributes:
        event_type: the type the line is about.
        events: events held.
        attendances: member attendances (a member at three events counts three times).
        guests: attendees who are not members.
        hours: member hours, Σ event hours × member attendees.
    """

    event_type: EventType
    events: int
    attendances: int
    guests: int
    hours: Decimal


@dataclass(frozen=True)
class PeriodStats:
    """Culture-event statistics of a period, as the panel, the command line and returns show them.

    Attributes:
        first: the first day of the period.
        last: the last day of the period (included).
        events: events held in the period.
        attendances: member attendances (a member at three events counts three times).
        guests: attendees who are not members.
        participants: distinct members who attended at least one event.
        members: members on the register during the period, as given by the caller.
        participation_rate: participants / members as a percentage, rounded half up to one
            place; None when ``members`` is 0. It is not capped: it exceeds 100 only if the
            caller counts attendees who are missing from ``members`` (for example members
            who left the register and are not counted), and showing that beats hiding it.
        member_hours: Σ event hours × member attendees.
        hours_per_member: member_hours / members, rounded half up to two places; None when
            ``members`` is 0.
        by_type: one line per event type, every type in ``EventType`` order, zeros included.
    """

    first: date
    last: date
    events: int
    attendances: int
    guests: int
    participants: int
    members: int
    participation_rate: Decimal | None
    member_hours: Decimal
    hours_per_member: Decimal | None
    by_type: tuple[TypeStats, ...]


def period_stats(
    events: Iterable[EventFacts], *, first: date, last: date, members: int
) -> PeriodStats:
    """Compute the statistics of the events whose day falls from ``first`` to ``last``.

    Args:
        events: the events to consider; those outside the period are ignored.
        first: the first day of the period.
        last: the last day of the period (included).
        members: members on the register during the period, the denominator of the rates.

    Raises:
        ValueError: if ``last`` is before ``first``, ``members`` is negative, or an event id
            appears twice (it would be counted twice).
    """
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    if members < 0:
        raise ValueError(f"members must be >= 0, got {members}")
    counted = [event for event in events if first <= event.day <= last]
    _require_unique_ids(counted)
    by_type = tuple(
        _type_stats(kind, [event for event in counted if event.event_type is kind])
        for kind in EventType
    )
    participants = len({member for event in counted for member in event.attendee_ids})
    member_hours = sum((line.hours for line in by_type), _NO_HOURS)
    return PeriodStats(
        first=first,
        last=last,
        events=len(counted),
        attendances=sum(line.attendances for line in by_type),
        guests=sum(line.guests for line in by_type),
        participants=participants,
        members=members,
        participation_rate=_per_member(Fraction(participants * 100), members, 1),
        member_hours=member_hours,
        hours_per_member=_per_member(Fraction(member_hours), members, 2),
        by_type=by_type,
    )


def _require_unique_ids(events: Sequence[EventFacts]) -> None:
    ids = [event.event_id for event in events]
    if len(set(ids)) != len(ids):
        raise ValueError("an event is passed more than once")


def _type_stats(event_type: EventType, events: Sequence[EventFacts]) -> TypeStats:
    return TypeStats(
        event_type=event_type,
        events=len(events),
        attendances=sum(len(event.attendee_ids) for event in events),
        guests=sum(event.guests for event in events),
        hours=sum((event.hours * len(event.attendee_ids) for event in events), _NO_HOURS),
    )


def _per_member(total: Fraction, members: int, places: int) -> Decimal | None:
    return None if members == 0 else to_decimal(total / members, places)


def period_problems(first: date | None, last: date | None) -> list[Problem]:
    """Problems with a statistics period typed by the user; [] when it can be computed.

    The field keys are ``"first"`` and ``"last"``. Both days are required, the last may not be
    before the first, and the period may cover at most ten years.
    """
    found = []
    if first is None:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the first day of the period.")
        found.append(problem("first", text))
    if last is None:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the last day of the period.")
        found.append(problem("last", text))
    if first is None or last is None:
        return found
    params = {"first": first.isoformat(), "last": last.isoformat()}
    if last < first:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The period ends on {last}, before it starts on {first}. Correct one of the dates.",
        )
        return [problem("last", text, **params)]
    if last >= _add_years(first, MAX_PERIOD_YEARS):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The period from {first} to {last} is longer than {limit} years. Choose a shorter "
            "period.",
        )
        return [problem("last", text, limit=MAX_PERIOD_YEARS, **params)]
    return []
