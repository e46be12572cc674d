"""Culture-event statistics of a period, read from a real database and checked by hand."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.culture import EventDraft, EventFacts, EventType, TypeStats, period_stats
from unionDesk.domain.enums import ChangeKind
from unionDesk.services.demo import fill_demo
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.event_stats import event_facts, event_stats, members_in_period
from unionDesk.services.events import create_event, delete_event, set_attendance
from unionDesk.services.members import create_member, delete_member, record_change
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.db import Database
from unionDesk.store.models import Member

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 0)
FIRST, LAST = date(2026, 1, 1), date(2026, 6, 30)
VIEWER = Actor(52, "chakan", Role.VIEWER)
REVIEWER = Actor(53, "pingwei", Role.REVIEWER)


def add_member(db: Database, number: int, joined: date = date(2015, 3, 1)) -> int:
    draft = member_draft(
        id_number=fake_id(301 + 2 * number), card_number=f"GH-S-{number:04d}", join_date=joined
    )
    return create_member(db, OFFICE, draft, today=TODAY)


def leave(db: Database, member: int, kind: ChangeKind, on: date) -> None:
    record_change(db, OFFICE, member, kind, on, "会籍变化", today=TODAY)


def add_event(
    db: Database,
    kind: EventType,
    starts_at: datetime,
    hours: str,
    guests: int,
    attendees: list[int],
) -> int:
    draft = EventDraft(
        kind, "活动", starts_at, None, "职工之家", "工会", "", Decimal(hours), guests
    )
    event_id = create_event(db, OFFICE, draft, now=NOW)
    set_attendance(db, OFFICE, event_id, attendees)
    return event_id


@dataclass(frozen=True)
class Year:
    """The first half of 2026 as the tests' register holds it."""

    counted: dict[str, int]  # members on the register during the period
    not_counted: dict[str, int]
    events: dict[str, int]  # the three events of the period


@pytest.fixture
def half_year(db: Database) -> Year:
    counted = {
        "active": add_member(db, 1),
        "also_active": add_member(db, 2),
        "never_attends": add_member(db, 3),
        "left_during": add_member(db, 4),
        "left_on_first_day": add_member(db, 5),
        "joined_on_last_day": add_member(db, 6, joined=LAST),
    }
    not_counted = {
        "joined_after": add_member(db, 7, joined=date(2026, 8, 1)),
        "left_before": add_member(db, 8),
        "away_during": add_member(db, 9),
        "deleted": add_member(db, 10),
    }
    leave(db, counted["left_during"], ChangeKind.WITHDRAW, date(2026, 3, 10))
    leave(db, counted["left_on_first_day"], ChangeKind.TRANSFER_OUT, FIRST)
    leave(db, not_counted["left_before"], ChangeKind.TRANSFER_OUT, date(2025, 12, 31))
    leave(db, not_counted["away_during"], ChangeKind.TRANSFER_OUT, date(2025, 6, 1))
    leave(db, not_counted["away_during"], ChangeKind.TRANSFER_IN, date(2026, 9, 1))
    c = counted
    events = {
        "reading": add_event(
            db,
            EventType.READING,
            datetime(2026, 2, 10, 14, 0),
            "2",
            4,
            [c["active"], c["also_active"], c["left_during"]],
        ),
        "talk": add_event(
            db,
            EventType.ROLE_MODEL_TALK,
            datetime(2026, 4, 23, 9, 0),
            "1.5",
            0,
            [c["active"], not_counted["deleted"]],
        ),
        "fitness": add_event(
            db,
            EventType.FITNESS,
            datetime(2026, 6, 30, 23, 0),
            "0.5",
            10,
            [c["also_active"], c["joined_on_last_day"]],
        ),
    }
    delete_member(db, OFFICE, not_counted["deleted"], "误录")
    add_event(db, EventType.READING, datetime(2025, 12, 31, 23, 59), "3", 5, [c["active"]])
    add_event(db, EventType.READING, datetime(2026, 7, 1, 0, 0), "3", 5, [c["active"]])
    deleted = add_event(db, EventType.MENTAL_CARE, datetime(2026, 3, 1, 9), "1", 2, [c["active"]])
    delete_event(db, OFFICE, deleted, "重复录入")
    return Year(counted, not_counted, events)


def test_the_period_statistics_add_up_by_hand(db: Database, half_year: Year) -> None:
    stats = event_stats(db, VIEWER, FIRST, LAST)
    assert (stats.first, stats.last) == (FIRST, LAST)
    assert stats.events == 3
    assert stats.attendances == 3 + 1 + 2  # the deleted member's attendance is left out
    assert stats.guests == 4 + 0 + 10
    assert stats.participants == 4  # active, also_active, left_during, joined_on_last_day
    assert stats.members == 6
    assert str(stats.participation_rate) == "66.7"  # 4 / 6
    assert str(stats.member_hours) == "8.5"  # 2 × 3 + 1.5 × 1 + 0.5 × 2
    assert str(stats.hours_per_member) == "1.42"  # 8.5 / 6
    lines = {line.event_type: line for line in stats.by_type}
    assert list(lines) == list(EventType)
    assert lines[EventType.READING] == TypeStats(EventType.READING, 1, 3, 4, Decimal("6.0"))
    assert lines[EventType.ROLE_MODEL_TALK] == TypeStats(
        EventType.ROLE_MODEL_TALK, 1, 1, 0, Decimal("1.5")
    )
    assert lines[EventType.FITNESS] == TypeStats(EventType.FITNESS, 1, 2, 10, Decimal("1.0"))
    assert lines[EventType.MENTAL_CARE].events == 0


def test_the_members_of_the_period_include_leavers_and_exclude_later_joiners(
    db: Database, half_year: Year
) -> None:
    with db.read() as session:
        assert members_in_period(session, FIRST, LAST) == len(half_year.counted)
        # 31 December 2025: left_before left that day; the last-day joiner was not there yet
        assert members_in_period(session, date(2025, 12, 31), date(2025, 12, 31)) == 6
        # 1 October 2026: away_during is back and joined_after has joined; the leavers are gone
        assert members_in_period(session, date(2026, 10, 1), date(2026, 10, 1)) == 6


def test_the_facts_read_are_the_events_of_the_period(db: Database, half_year: Year) -> None:
    c, e = half_year.counted, half_year.events
    expected = [
        EventFacts(
            e["reading"],
            EventType.READING,
            date(2026, 2, 10),
            Decimal("2.0"),
            frozenset({c["active"], c["also_active"], c["left_during"]}),
            4,
        ),
        EventFacts(
            e["talk"],
            EventType.ROLE_MODEL_TALK,
            date(2026, 4, 23),
            Decimal("1.5"),
            frozenset({c["active"]}),
            0,
        ),
        EventFacts(
            e["fitness"],
            EventType.FITNESS,
            LAST,
            Decimal("0.5"),
            frozenset({c["also_active"], c["joined_on_last_day"]}),
            10,
        ),
    ]
    with db.read() as session:
        assert event_facts(session, FIRST, LAST) == expected


def test_the_service_equals_the_domain_computation(db: Database, half_year: Year) -> None:
    with db.read() as session:
        facts = event_facts(session, FIRST, LAST)
        members = members_in_period(session, FIRST, LAST)
    expected = period_stats(facts, first=FIRST, last=LAST, members=members)
    assert event_stats(db, OFFICE, FIRST, LAST) == expected


def test_a_period_without_events_has_zeros(db: Database, half_year: Year) -> None:
    stats = event_stats(db, OFFICE, date(2026, 8, 1), date(2026, 8, 31))
    assert (stats.events, stats.participants, stats.participation_rate) == (0, 0, Decimal("0.0"))
    assert stats.members == 5  # the four active throughout, and joined_after (on 1 August)


def test_a_backwards_period_is_refused(db: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        event_stats(db, OFFICE, LAST, FIRST)
    assert "before it starts" in caught.value.by_field()["last"][0]


def test_a_reviewer_may_not_read_the_statistics(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        event_stats(db, REVIEWER, FIRST, LAST)


def test_a_year_of_200_events_is_computed_quickly(db: Database) -> None:
    fill_demo(db, 2000)
    with db.read() as session:
        members = list(session.scalars(select(Member.id)))
    rng = random.Random(5)
    kinds = list(EventType)
    for number in range(200):
        day = datetime(2025, 1, 1 + number % 28, 9).replace(month=1 + number % 12)
        attendees = rng.sample(members, 100)
        add_event(db, kinds[number % len(kinds)], day, "1.5", number % 3, attendees)
    started = time.perf_counter()
    stats = event_stats(db, OFFICE, date(2025, 1, 1), date(2025, 12, 31))
    elapsed = time.perf_counter() - started
    print(f"\nevent_stats: 200 events x 100 attendees, 2,000 members: {elapsed * 1000:.1f} ms")
    assert (stats.events, stats.attendances) == (200, 20_000)
    assert stats.member_hours == Decimal("30000.0")
    assert 0 < stats.members <= 2000
