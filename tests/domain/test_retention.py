"""Backup rotation: the newest backup per day, per ISO week and per month is kept."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from unionDesk.domain.retention import Retention, backups_to_keep

LAST_DAY = date(2026, 11, 21)  # a Saturday; its ISO week runs 16–22 November


def at(day: date, hour: int = 3) -> datetime:
    return datetime.combine(day, time(hour))


def a_year_of_daily_backups() -> list[datetime]:
    return [at(LAST_DAY - timedelta(days=n)) for n in range(365)]


def test_default_policy_is_7_daily_4_weekly_12_monthly():
    assert Retention() == Retention(daily=7, weekly=4, monthly=12)


def test_a_year_of_daily_backups_keeps_the_expected_twenty():
    kept = backups_to_keep(a_year_of_daily_backups(), Retention())

    daily = {at(date(2026, 11, d)) for d in range(15, 22)}
    weekly = {at(date(2026, 11, 8)), at(date(2026, 11, 1))}  # + 21 and 15, already daily
    monthly = {
        at(date(2026, month, last))
        for month, last in (
            (10, 31),
            (9, 30),
            (8, 31),
            (7, 31),
            (6, 30),
            (5, 31),
            (4, 30),
            (3, 31),
            (2, 28),
            (1, 31),
        )
    } | {at(date(2025, 12, 31))}  # + November 2026, already daily
    assert kept == daily | weekly | monthly
    assert len(kept) == 20


def test_the_last_seven_days_are_kept():
    kept = backups_to_keep(a_year_of_daily_backups(), Retention())

    assert all(at(LAST_DAY - timedelta(days=n)) in kept for n in range(7))
    assert at(LAST_DAY - timedelta(days=7)) not in kept  # Saturday 14th: not a week's newest


def test_the_newest_backup_of_each_of_the_last_four_iso_weeks_is_kept():
    kept = backups_to_keep(a_year_of_daily_backups(), Retention(daily=0, weekly=4, monthly=0))

    assert kept == {at(date(2026, 11, d)) for d in (21, 15, 8, 1)}


def test_the_newest_backup_of_each_of_the_last_twelve_months_is_kept():
    kept = backups_to_keep(a_year_of_daily_backups(), Retention(daily=0, weekly=0, monthly=12))

    assert len(kept) == 12
    assert at(date(2026, 11, 21)) in kept
    assert at(date(2025, 12, 31)) in kept
    assert at(date(2025, 11, 30)) not in kept  # the thirteenth month


def test_only_the_newest_of_several_backups_on_one_day_is_kept():
    morning, evening = at(LAST_DAY, 8), at(LAST_DAY, 20)

    assert backups_to_keep([morning, evening], Retention(daily=1, weekly=0, monthly=0)) == {evening}


def test_no_backups_keep_nothing():
    assert backups_to_keep([], Retention()) == set()


def test_a_policy_of_zeros_keeps_nothing():
    assert backups_to_keep(a_year_of_daily_backups(), Retention(0, 0, 0)) == set()


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31))
policies = st.builds(
    Retention,
    daily=st.integers(0, 10),
    weekly=st.integers(0, 6),
    monthly=st.integers(0, 14),
)


@given(st.lists(moments, max_size=60), policies)
def test_keeps_at_most_daily_plus_weekly_plus_monthly(taken, policy):
    kept = backups_to_keep(taken, policy)

    assert len(kept) <= policy.daily + policy.weekly + policy.monthly
    assert kept <= set(taken)


@given(st.lists(moments, min_size=1, max_size=60), policies)
def test_always_keeps_the_newest(taken, policy):
    assume(policy.daily + policy.weekly + policy.monthly > 0)
    assert max(taken) in backups_to_keep(taken, policy)


@given(st.lists(moments, min_size=1, max_size=60), st.integers(1, 10))
def test_daily_keeps_one_per_distinct_day(taken, daily):
    kept = backups_to_keep(taken, Retention(daily=daily, weekly=0, monthly=0))

    assert len(kept) == min(daily, len({t.date() for t in taken}))
    assert len({t.date() for t in kept}) == len(kept)
