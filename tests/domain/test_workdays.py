"""Working days under the 2026 holiday arrangement, and the publicity period built on them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.workdays import (
    DEFAULT_PUBLICITY_DAYS,
    Calendar,
    DayKind,
    SpecialDay,
    calendar_from_json,
    calendar_to_json,
    day_kind_label,
    publicity_end,
    publicity_problems,
    special_day_problems,
)

PLAIN_WEEK = Calendar()


def shipped_2026() -> dict[str, object]:
    resource = files("unionDesk.resources") / "calendar" / "cn_2026.json"
    return json.loads(resource.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cn_2026() -> Calendar:
    return Calendar.of(calendar_from_json(shipped_2026()))


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


# --- the plain week -------------------------------------------------------------------------


def test_weekdays_are_worked_and_weekends_are_off_without_special_days():
    week = [PLAIN_WEEK.is_working_day(d(3, 2) + timedelta(days=n)) for n in range(7)]

    assert week == [True, True, True, True, True, False, False]  # 2 March 2026 is a Monday


def test_five_working_days_from_a_monday_end_on_the_friday():
    assert PLAIN_WEEK.add_working_days(d(3, 2), 5) == d(3, 6)


def test_a_period_starting_on_saturday_begins_counting_on_monday():
    assert PLAIN_WEEK.add_working_days(d(3, 7), 1) == d(3, 9)
    assert PLAIN_WEEK.add_working_days(d(3, 7), 5) == d(3, 13)


def test_a_period_of_less_than_one_working_day_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        PLAIN_WEEK.add_working_days(d(3, 2), 0)


def test_working_days_between_counts_both_ends():
    assert PLAIN_WEEK.working_days_between(d(3, 2), d(3, 2)) == 1
    assert PLAIN_WEEK.working_days_between(d(3, 2), d(3, 15)) == 10
    assert PLAIN_WEEK.working_days_between(d(3, 6), d(3, 9)) == 2  # Friday to Monday


def test_working_days_between_a_reversed_range_is_zero():
    assert PLAIN_WEEK.working_days_between(d(3, 6), d(3, 2)) == 0


# --- special days -----------------------------------------------------------------------


def test_special_days_override_the_plain_week(cn_2026):
    assert not cn_2026.is_working_day(d(10, 1))  # Thursday, 国庆节
    assert cn_2026.is_working_day(d(10, 10))  # Saturday, 调休上班
    assert not cn_2026.is_working_day(d(10, 11))  # an ordinary Sunday
    assert cn_2026.is_working_day(d(10, 12))  # an ordinary Monday


def test_national_day_period_from_30_september_ends_on_12_october(cn_2026):
    # 9/30, 10/8, 10/9, 10/10 (Saturday, 调休上班), 10/12
    assert cn_2026.add_working_days(d(9, 30), 5) == d(10, 12)
    assert cn_2026.working_days_between(d(9, 30), d(10, 12)) == 5


def test_a_period_starting_on_a_holiday_begins_after_it(cn_2026):
    assert cn_2026.next_working_day(d(10, 1)) == d(10, 8)
    assert cn_2026.add_working_days(d(10, 1), 5) == d(10, 13)


def test_spring_festival_period_counts_the_make_up_saturday_before_it(cn_2026):
    # 2/12, 2/13, 2/14 (Saturday, 调休上班), then 2/15-2/23 off, 2/24, 2/25
    assert cn_2026.add_working_days(d(2, 12), 5) == d(2, 25)


def test_spring_festival_period_counts_the_make_up_saturday_after_it(cn_2026):
    # 2/25, 2/26, 2/27, 2/28 (Saturday, 调休上班), 3/2
    assert cn_2026.add_working_days(d(2, 25), 5) == d(3, 2)


def test_labour_day_period_ends_on_the_make_up_saturday_9_may(cn_2026):
    # 4/30, then 5/1-5/5 off, 5/6, 5/7, 5/8, 5/9 (Saturday, 调休上班)
    assert cn_2026.add_working_days(d(4, 30), 5) == d(5, 9)


def test_new_year_period_from_2025_counts_the_make_up_sunday_4_january(cn_2026):
    # 2025-12-31, then 1/1-1/3 off, 1/4 (Sunday, 调休上班), 1/5, 1/6, 1/7
    assert cn_2026.add_working_days(d(12, 31, 2025), 5) == d(1, 7)


def test_working_days_between_counts_holidays_out_and_make_up_days_in(cn_2026):
    assert cn_2026.working_days_between(d(9, 28), d(10, 11)) == 6  # 9/28-30, 10/8-10
    assert cn_2026.working_days_between(d(2, 9), d(3, 1)) == 11  # 2/9-14, 2/24-28


# --- the calendar value ---------------------------------------------------------------


def test_a_date_listed_twice_is_refused():
    twice = [
        SpecialDay(d(10, 1), DayKind.HOLIDAY, "国庆节"),
        SpecialDay(d(10, 1), DayKind.HOLIDAY, "国庆节"),
    ]

    with pytest.raises(ValidationFailed) as failure:
        Calendar.of(twice)

    assert [p.render() for p in failure.value.problems] == [
        "2026-10-01 is listed 2 times in the calendar."
    ]


def test_calendars_with_the_same_days_are_equal_and_hash_alike():
    days = [SpecialDay(d(10, 1), DayKind.HOLIDAY, "国庆节")]

    assert Calendar.of(days) == Calendar.of(reversed(days))
    assert hash(Calendar.of(days)) == hash(Calendar.of(days))
    assert Calendar.of(days) != PLAIN_WEEK


def test_the_calendar_cannot_be_changed_through_its_days_or_its_source():
    source = {d(10, 1): SpecialDay(d(10, 1), DayKind.HOLIDAY, "国庆节")}
    calendar = Calendar(source)
    source.clear()

    assert not calendar.is_working_day(d(10, 1))
    with pytest.raises(TypeError):
        calendar.days[d(10, 2)] = SpecialDay(d(10, 2), DayKind.HOLIDAY, "国庆节")  # type: ignore[index]


def test_a_special_day_filed_under_another_date_is_a_programming_error():
    with pytest.raises(ValueError, match="own date"):
        Calendar({d(10, 2): SpecialDay(d(10, 1), DayKind.HOLIDAY, "国庆节")})


# --- publicity -------------------------------------------------------------------------


def test_publicity_lasts_five_working_days_by_default(cn_2026):
    assert DEFAULT_PUBLICITY_DAYS == 5
    assert publicity_end(cn_2026, d(9, 30)) == d(10, 12)
    assert publicity_end(cn_2026, d(9, 30), days=7) == d(10, 14)


def test_a_full_publicity_period_has_no_problem(cn_2026):
    assert publicity_problems(cn_2026, d(9, 30), d(10, 12)) == []


def test_a_short_publicity_period_names_the_count_and_the_minimum(cn_2026):
    found = publicity_problems(cn_2026, d(9, 30), d(10, 11))

    assert len(found) == 1
    assert found[0].field == "publicity_end"
    assert found[0].context == "Validation"
    assert found[0].params["found"] == 4
    assert found[0].params["minimum"] == 5
    assert found[0].render() == (
        "The publicity period from 2026-09-30 to 2026-10-11 holds 4 working days; "
        "it must last at least 5."
    )


def test_a_publicity_period_ending_before_it_starts_holds_no_working_day(cn_2026):
    (found,) = publicity_problems(cn_2026, d(10, 12), d(9, 30), minimum=1)

    assert found.params["found"] == 0


# --- special day rules ---------------------------------------------------------------------


def test_a_holiday_on_a_weekend_is_accepted():
    assert special_day_problems(SpecialDay(d(10, 3), DayKind.HOLIDAY, "国庆节")) == []


def test_a_make_up_working_day_on_a_weekday_is_refused():
    (found,) = special_day_problems(SpecialDay(d(10, 9), DayKind.WORKDAY, "国庆节调休上班"))

    assert found.field == "day"
    assert "2026-10-09" in found.render()


def test_a_special_day_needs_a_name():
    (found,) = special_day_problems(SpecialDay(d(10, 10), DayKind.WORKDAY, "  "))

    assert found.field == "name"


def test_day_kinds_have_labels():
    assert day_kind_label(DayKind.HOLIDAY) == "Holiday"
    assert day_kind_label(DayKind.WORKDAY, lambda ctx, text: f"{ctx}:{text}") == (
        "Enum:Make-up working day"
    )


# --- the shipped 2026 calendar ---------------------------------------------------------


def test_the_shipped_2026_calendar_has_33_holidays_and_6_make_up_days():
    days = calendar_from_json(shipped_2026())
    kinds = [special.kind for special in days]

    assert kinds.count(DayKind.HOLIDAY) == 33
    assert kinds.count(DayKind.WORKDAY) == 6
    assert len(days) == 39


def test_the_shipped_2026_holidays_per_festival_match_the_notice():
    holidays = [s.name for s in calendar_from_json(shipped_2026()) if s.kind is DayKind.HOLIDAY]

    assert {name: holidays.count(name) for name in holidays} == {
        "元旦": 3,
        "春节": 9,
        "清明节": 3,
        "劳动节": 5,
        "端午节": 3,
        "中秋节": 3,
        "国庆节": 7,
    }


def test_the_shipped_2026_make_up_days_are_the_notices_weekend_days():
    days = calendar_from_json(shipped_2026())
    make_up = [s.day for s in days if s.kind is DayKind.WORKDAY]

    assert make_up == [d(1, 4), d(2, 14), d(2, 28), d(5, 9), d(9, 20), d(10, 10)]
    assert all(day.weekday() >= 5 for day in make_up)


def test_every_shipped_date_is_in_2026_and_cites_its_source():
    data = shipped_2026()

    assert data["year"] == 2026
    assert data["source"] == "国务院办公厅关于2026年部分节假日安排的通知"
    assert {s.day.year for s in calendar_from_json(data)} == {2026}


def test_the_shipped_file_is_written_as_calendar_to_json_writes_it():
    data = shipped_2026()

    assert calendar_to_json(calendar_from_json(data)) == data["days"]


def test_calendar_json_round_trips():
    days = [
        SpecialDay(d(10, 10), DayKind.WORKDAY, "国庆节调休上班"),
        SpecialDay(d(10, 1), DayKind.HOLIDAY, "国庆节"),
    ]

    assert calendar_from_json(calendar_to_json(days)) == sorted(days, key=lambda s: s.day)


# --- malformed calendar data -----------------------------------------------------------


def entry(**changes: object) -> dict[str, object]:
    return {"date": "2026-10-01", "kind": "holiday", "name": "国庆节"} | changes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("2026-10-01", "The calendar data is not a list of days under “days”."),
        ({"year": 2026}, "The calendar data is not a list of days under “days”."),
        ({"year": "2026", "days": []}, "The calendar's year “2026” is not a year."),
        (
            ["2026-10-01"],
            "Entry 1 of the calendar is not an object with a date, a kind and a name.",
        ),
        ([entry(name=None)], "Entry 1 of the calendar has no text for “name”."),
        ([{"kind": 1}], "Entry 1 of the calendar has no text for “date”, “kind”, “name”."),
        (
            [entry(date="2026/10/01")],
            "Entry 1 of the calendar has the date “2026/10/01”; write dates as YYYY-MM-DD, "
            "for example 2026-10-01.",
        ),
        (
            [entry(date="2026-02-30")],
            "Entry 1 of the calendar has the date “2026-02-30”; write dates as YYYY-MM-DD, "
            "for example 2026-10-01.",
        ),
        (
            [entry(), entry(date="2026-10-02", kind="off")],
            "Entry 2 of the calendar has the kind “off”; use “holiday” or “workday”.",
        ),
        (
            {"year": 2026, "days": [entry(date="2025-10-01")]},
            "Entry 1 of the calendar, 2025-10-01, is not in the year 2026.",
        ),
        (
            [entry(kind="workday", name="国庆节调休上班")],
            "2026-10-01 falls on a weekday, so it cannot be a make-up working day; "
            "make-up working days are Saturdays or Sundays.",
        ),
        (
            [entry(name=" ")],
            "Enter a name for 2026-10-01, for example the holiday it belongs to.",
        ),
        ([entry(), entry()], "2026-10-01 is listed 2 times in the calendar."),
    ],
)
def test_malformed_calendar_data_is_refused_with_a_message_naming_the_entry(data, message):
    with pytest.raises(ValidationFailed) as failure:
        calendar_from_json(data)

    assert [p.render() for p in failure.value.problems] == [message]


def test_every_malformed_entry_is_reported_at_once():
    data = [entry(date="tomorrow", kind="off"), entry(), entry(date="2026-10-05", name="")]

    with pytest.raises(ValidationFailed) as failure:
        calendar_from_json(data)

    assert len(failure.value.problems) == 3


# --- properties ----------------------------------------------------------------------------

WINDOW_START = date(2025, 12, 1)
days_in_window = st.integers(min_value=0, max_value=500).map(
    lambda n: WINDOW_START + timedelta(days=n)
)
calendars = st.dictionaries(days_in_window, st.sampled_from(DayKind), max_size=80).map(
    lambda listed: Calendar.of(SpecialDay(day, kind, "假日") for day, kind in listed.items())
)
counts = st.integers(min_value=1, max_value=60)


@given(calendars, days_in_window, counts)
def test_a_period_ends_on_a_working_day(calendar, start, count):
    assert calendar.is_working_day(calendar.add_working_days(start, count))


@given(calendars, days_in_window, counts)
def test_a_period_holds_exactly_its_working_days(calendar, start, count):
    end = calendar.add_working_days(start, count)

    assert calendar.working_days_between(calendar.next_working_day(start), end) == count
    assert calendar.working_days_between(start, end) == count


@given(calendars, days_in_window, counts)
def test_a_longer_period_ends_later(calendar, start, count):
    assert calendar.add_working_days(start, count) < calendar.add_working_days(start, count + 1)


@given(calendars, days_in_window, days_in_window)
def test_working_days_between_agrees_with_counting_day_by_day(calendar, first, last):
    by_day = sum(
        calendar.is_working_day(first + timedelta(days=n)) for n in range((last - first).days + 1)
    )

    assert calendar.working_days_between(first, last) == by_day
