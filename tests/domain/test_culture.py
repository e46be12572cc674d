"""Culture events: the event form's checks, the statistics period and the period statistics."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.culture import (
    EventDraft,
    EventFacts,
    EventType,
    PeriodStats,
    TypeStats,
    event_type_label,
    period_problems,
    period_stats,
    validate_event,
)
from unionDesk.domain.messages import ValidationFailed

NOW = datetime(2025, 6, 15, 9, 30)
START = datetime(2025, 5, 20, 14, 0)
RARE = "\U0002020c"  # 𠈌, outside the Basic Multilingual Plane: one character
TOO_LONG = "This text has {length} characters, but at most {limit} are allowed. Shorten it."


def draft(**changes: object) -> EventDraft:
    base = EventDraft(
        event_type=EventType.READING,
        title="“书香职工”读书分享会",
        starts_at=START,
        ends_at=datetime(2025, 5, 20, 16, 0),
        venue="职工书屋",
        organiser="工会办公室",
        description="分享近期读过的一本书。",
        hours=Decimal("2"),
        guests=3,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def problems(value: EventDraft, now: datetime = NOW) -> dict[str, list[str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_event(value, now=now)
    return caught.value.by_field()


# --- the event form ---------------------------------------------------------------------------


def test_a_complete_event_is_returned_cleaned() -> None:
    clean = validate_event(
        draft(
            title="  读书   分享会 ",
            venue="\u3000职工书屋 ",
            organiser=" 工会\t办公室",
            description="  第一段\r\n第二段\r\n",
            hours=Decimal("1.50"),
        ),
        now=NOW,
    )
    assert clean.title == "读书 分享会"
    assert clean.venue == "职工书屋"
    assert clean.organiser == "工会 办公室"
    assert clean.description == "第一段\n第二段"
    assert str(clean.hours) == "1.5"


def test_whole_hours_are_kept_to_one_decimal_place() -> None:
    assert str(validate_event(draft(hours=Decimal(2)), now=NOW).hours) == "2.0"


def test_every_problem_is_reported_at_once_in_form_order() -> None:
    empty = EventDraft(None, " ", None, None, "", "", hours=None, guests=-1)
    with pytest.raises(ValidationFailed) as caught:
        validate_event(empty, now=NOW)
    fields = [item.field for item in caught.value.problems]
    assert fields == ["event_type", "title", "starts_at", "venue", "organiser", "hours", "guests"]


def test_the_type_is_required() -> None:
    assert problems(draft(event_type=None)) == {"event_type": ["Choose the type of the event."]}


def test_the_title_is_required() -> None:
    assert problems(draft(title=" \u3000 ")) == {"title": ["Enter the title of the event."]}


def test_the_title_is_counted_in_characters_not_utf16_units() -> None:
    assert validate_event(draft(title=RARE * 100), now=NOW).title == RARE * 100


def test_a_title_over_100_characters_is_refused() -> None:
    expected = TOO_LONG.format(length=101, limit=100)
    assert problems(draft(title="书" * 101)) == {"title": [expected]}


def test_the_start_is_required() -> None:
    expected = {"starts_at": ["Enter the date and time the event starts."]}
    assert problems(draft(starts_at=None)) == expected


def test_a_missing_start_does_not_also_fail_the_end() -> None:
    assert list(problems(draft(starts_at=None))) == ["starts_at"]


def test_a_start_before_1949_is_refused() -> None:
    expected = "The event date 1948-12-31 is before 1949. Check the year."
    assert problems(draft(starts_at=datetime(1948, 12, 31, 10), ends_at=None)) == {
        "starts_at": [expected]
    }


def test_a_start_on_the_first_day_of_1949_is_accepted() -> None:
    assert validate_event(draft(starts_at=datetime(1949, 1, 1), ends_at=None), now=NOW)


def test_a_start_one_year_ahead_is_accepted() -> None:
    assert validate_event(draft(starts_at=datetime(2026, 6, 15, 23, 59), ends_at=None), now=NOW)


def test_a_start_more_than_one_year_ahead_is_refused_as_a_typo() -> None:
    expected = (
        "The event date 2026-06-16 is more than a year ahead. Check the year; the latest date "
        "accepted today is 2026-06-15."
    )
    assert problems(draft(starts_at=datetime(2026, 6, 16), ends_at=None)) == {
        "starts_at": [expected]
    }


def test_a_year_ahead_of_29_february_reaches_1_march() -> None:
    leap_day = datetime(2028, 2, 29, 12)
    assert validate_event(draft(starts_at=datetime(2029, 3, 1), ends_at=None), now=leap_day)
    assert "starts_at" in problems(draft(starts_at=datetime(2029, 3, 2), ends_at=None), leap_day)


def test_the_end_is_optional() -> None:
    assert validate_event(draft(ends_at=None), now=NOW).ends_at is None


@pytest.mark.parametrize("ends_at", [START, datetime(2025, 5, 20, 13, 59)])
def test_an_end_not_after_the_start_is_refused(ends_at: datetime) -> None:
    expected = "The event must end after it starts (2025-05-20 14:00). Correct the end time."
    assert problems(draft(ends_at=ends_at)) == {"ends_at": [expected]}


def test_an_event_may_end_30_days_after_the_day_it_starts() -> None:
    assert validate_event(draft(ends_at=datetime(2025, 6, 19, 23, 0)), now=NOW)


def test_an_event_ending_31_days_after_the_day_it_starts_is_refused() -> None:
    expected = (
        "The event ends 31 days after the day it starts, but at most 30 days are allowed. "
        "Check the end date, or record the parts of the event separately."
    )
    assert problems(draft(ends_at=datetime(2025, 6, 20, 8, 0))) == {"ends_at": [expected]}


def test_the_venue_is_required() -> None:
    assert problems(draft(venue="")) == {"venue": ["Enter the venue of the event."]}


def test_a_venue_over_100_characters_is_refused() -> None:
    assert problems(draft(venue="馆" * 101)) == {"venue": [TOO_LONG.format(length=101, limit=100)]}


def test_the_organiser_is_required() -> None:
    expected = "Enter the organiser of the event (the unit or department that holds it)."
    assert problems(draft(organiser=" ")) == {"organiser": [expected]}


def test_an_organiser_over_100_characters_is_refused() -> None:
    expected = TOO_LONG.format(length=101, limit=100)
    assert problems(draft(organiser="部" * 101)) == {"organiser": [expected]}


def test_the_description_may_be_empty() -> None:
    assert validate_event(draft(description=""), now=NOW).description == ""


def test_a_description_of_2000_characters_is_accepted() -> None:
    text = RARE * 2000
    assert validate_event(draft(description=text), now=NOW).description == text


def test_a_description_over_2000_characters_is_refused() -> None:
    expected = TOO_LONG.format(length=2001, limit=2000)
    assert problems(draft(description="字" * 2001)) == {"description": [expected]}


def test_the_hours_are_required() -> None:
    expected = "Enter the hours of the event credited to each attendee."
    assert problems(draft(hours=None)) == {"hours": [expected]}


@pytest.mark.parametrize("hours", ["0", "-1", "24.1", "NaN", "Infinity"])
def test_hours_outside_0_to_24_are_refused(hours: str) -> None:
    expected = f"{hours} hours is not possible. Enter more than 0 and at most 24 hours."
    assert problems(draft(hours=Decimal(hours))) == {"hours": [expected]}


@pytest.mark.parametrize("hours", ["0.1", "24", "24.0"])
def test_hours_from_a_tenth_to_24_are_accepted(hours: str) -> None:
    assert validate_event(draft(hours=Decimal(hours)), now=NOW).hours == Decimal(hours)


def test_hours_with_two_decimal_places_are_refused() -> None:
    expected = (
        "1.25 hours has too many decimal places. Enter the hours with at most one decimal "
        "place, for example 1.5."
    )
    assert problems(draft(hours=Decimal("1.25"))) == {"hours": [expected]}


@pytest.mark.parametrize("guests", [-1, 100_001])
def test_a_guest_count_outside_0_to_100000_is_refused(guests: int) -> None:
    expected = (
        f"{guests} guests is not possible. Enter the number of attendees who are not members, "
        "from 0 to 100000."
    )
    assert problems(draft(guests=guests)) == {"guests": [expected]}


@pytest.mark.parametrize("guests", [0, 100_000])
def test_a_guest_count_from_0_to_100000_is_accepted(guests: int) -> None:
    assert validate_event(draft(guests=guests), now=NOW).guests == guests


def test_every_event_type_has_a_label_in_the_enum_context() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return f"[{text}]"

    labels = [event_type_label(kind, translate) for kind in EventType]
    assert len(set(labels)) == len(EventType)
    assert all(context == "Enum" for context, _ in seen)
    assert event_type_label("reading") == "Reading activity / workers' library"


def test_an_unknown_event_type_code_is_an_error() -> None:
    with pytest.raises(ValueError):
        event_type_label("karaoke")


# --- the statistics period --------------------------------------------------------------------


def test_both_days_of_the_period_are_required() -> None:
    found = period_problems(None, None)
    assert [(item.field, item.render()) for item in found] == [
        ("first", "Enter the first day of the period."),
        ("last", "Enter the last day of the period."),
    ]


def test_a_period_ending_before_it_starts_is_refused() -> None:
    found = period_problems(date(2025, 3, 1), date(2025, 2, 28))
    assert [(item.field, item.render()) for item in found] == [
        (
            "last",
            "The period ends on 2025-02-28, before it starts on 2025-03-01. Correct one of "
            "the dates.",
        ),
    ]


@pytest.mark.parametrize(
    ("first", "last"),
    [(date(2025, 3, 1), date(2025, 3, 1)), (date(2016, 1, 1), date(2025, 12, 31))],
)
def test_a_period_of_one_day_to_ten_years_is_accepted(first: date, last: date) -> None:
    assert period_problems(first, last) == []


def test_a_period_longer_than_ten_years_is_refused() -> None:
    found = period_problems(date(2016, 1, 1), date(2026, 1, 1))
    assert [(item.field, item.render()) for item in found] == [
        (
            "last",
            "The period from 2016-01-01 to 2026-01-01 is longer than 10 years. Choose a "
            "shorter period.",
        ),
    ]


# --- the period statistics --------------------------------------------------------------------

FIRST = date(2025, 1, 1)
LAST = date(2025, 12, 31)


def event(
    event_id: int, kind: EventType, day: date, hours: str, attendees: set[int], guests: int = 0
) -> EventFacts:
    return EventFacts(event_id, kind, day, Decimal(hours), frozenset(attendees), guests)


EVENTS = (
    event(1, EventType.READING, date(2025, 1, 1), "1.5", {1, 2, 3}, guests=2),
    event(2, EventType.ROLE_MODEL_TALK, date(2025, 4, 10), "2", {2, 3, 4, 5}),
    event(3, EventType.READING, date(2025, 12, 31), "0.5", {5, 6}, guests=5),
    event(4, EventType.FITNESS, date(2024, 12, 31), "1", {7, 8}, guests=3),  # before the period
    event(5, EventType.FITNESS, date(2026, 1, 1), "1", {1, 9}),  # after the period
)


def test_the_period_totals_are_computed_from_the_events_in_the_period() -> None:
    stats = period_stats(EVENTS, first=FIRST, last=LAST, members=10)
    totals = (stats.events, stats.attendances, stats.guests, stats.participants, stats.members)
    assert totals == (3, 9, 7, 6, 10)
    assert stats.member_hours == Decimal("13.5")  # 1.5 × 3 + 2 × 4 + 0.5 × 2
    assert stats.participation_rate == Decimal("60.0")
    assert stats.hours_per_member == Decimal("1.35")
    assert (stats.first, stats.last) == (FIRST, LAST)


def test_the_rates_are_rounded_half_up() -> None:
    one = event(1, EventType.OTHER, FIRST, "0.5", {1})
    stats = period_stats([one], first=FIRST, last=LAST, members=8)
    assert stats.participation_rate == Decimal("12.5")
    assert stats.hours_per_member == Decimal("0.06")  # 0.0625
    stats = period_stats([one], first=FIRST, last=LAST, members=16)
    assert str(stats.participation_rate) == "6.3"  # 6.25, half up
    assert str(stats.hours_per_member) == "0.03"  # 0.03125
    stats = period_stats([one], first=FIRST, last=LAST, members=4)
    assert str(stats.hours_per_member) == "0.13"  # 0.125, half up


def test_the_rates_are_none_without_members() -> None:
    stats = period_stats(EVENTS, first=FIRST, last=LAST, members=0)
    assert (stats.participation_rate, stats.hours_per_member) == (None, None)
    assert (stats.participants, stats.member_hours) == (6, Decimal("13.5"))


def test_the_participation_rate_is_not_capped_at_100() -> None:
    stats = period_stats(EVENTS, first=FIRST, last=LAST, members=4)
    assert stats.participation_rate == Decimal("150.0")


def test_every_event_type_has_a_line_in_enum_order() -> None:
    stats = period_stats(EVENTS, first=FIRST, last=LAST, members=10)
    zero = Decimal(0)
    expected = tuple(
        {
            EventType.READING: TypeStats(EventType.READING, 2, 5, 7, Decimal("5.5")),
            EventType.ROLE_MODEL_TALK: TypeStats(EventType.ROLE_MODEL_TALK, 1, 4, 0, Decimal(8)),
        }.get(kind, TypeStats(kind, 0, 0, 0, zero))
        for kind in EventType
    )
    assert stats.by_type == expected
    assert [line.event_type for line in stats.by_type] == list(EventType)


def test_a_period_without_events_prints_zero_hours() -> None:
    stats = period_stats([], first=FIRST, last=LAST, members=10)
    assert (stats.events, str(stats.member_hours), str(stats.hours_per_member)) == (
        0,
        "0.0",
        "0.00",
    )
    assert stats.participation_rate == Decimal(0)
    assert {str(line.hours) for line in stats.by_type} == {"0.0"}


def test_a_period_ending_before_it_starts_is_an_error() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        period_stats(EVENTS, first=LAST, last=FIRST, members=10)


def test_a_negative_member_count_is_an_error() -> None:
    with pytest.raises(ValueError, match="members"):
        period_stats(EVENTS, first=FIRST, last=LAST, members=-1)


def test_an_event_passed_twice_is_an_error() -> None:
    with pytest.raises(ValueError, match="more than once"):
        period_stats([EVENTS[0], EVENTS[0]], first=FIRST, last=LAST, members=10)


@given(order=st.permutations(EVENTS), members=st.integers(min_value=0, max_value=50))
def test_the_statistics_do_not_depend_on_the_order_of_the_events(
    order: list[EventFacts], members: int
) -> None:
    expected = period_stats(EVENTS, first=FIRST, last=LAST, members=members)
    assert period_stats(order, first=FIRST, last=LAST, members=members) == expected


facts = st.builds(
    EventFacts,
    event_id=st.integers(),
    event_type=st.sampled_from(EventType),
    day=st.dates(min_value=date(2024, 6, 1), max_value=date(2026, 6, 30)),
    hours=st.integers(min_value=1, max_value=240).map(lambda tenths: Decimal(tenths) / 10),
    attendee_ids=st.frozensets(st.integers(min_value=1, max_value=30), max_size=30),
    guests=st.integers(min_value=0, max_value=500),
)


@given(st.lists(facts, max_size=20, unique_by=lambda item: item.event_id))
def test_the_lines_by_type_add_up_to_the_period_totals(events: list[EventFacts]) -> None:
    stats: PeriodStats = period_stats(events, first=FIRST, last=LAST, members=30)
    lines = stats.by_type
    assert sum(line.events for line in lines) == stats.events
    assert sum(line.attendances for line in lines) == stats.attendances
    assert sum(line.guests for line in lines) == stats.guests
    assert sum(line.hours for line in lines) == stats.member_hours
    assert stats.participants <= min(stats.attendances, 30)
