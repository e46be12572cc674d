"""Reporting periods: parsing, bounds and the printed label."""

from __future__ import annotations

from datetime import date

import pytest

from unionDesk.domain.messages import Problem
from unionDesk.domain.periods import Period, parse_period, quarter_of


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026Q1", date(2026, 1, 1), date(2026, 3, 31), "2026年第一季度"),
        ("2026q2", date(2026, 4, 1), date(2026, 6, 30), "2026年第二季度"),
        (" 2026Q3 ", date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度"),
        ("2026Q4", date(2026, 10, 1), date(2026, 12, 31), "2026年第四季度"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024年度"),
    ],
)
def test_periods_parse_with_their_bounds(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert isinstance(period, Period)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert parse_period(period.code) == period


@pytest.mark.parametrize("text", ["", "26Q3", "2026Q5", "2026-Q3x", "Q3", "第三季度"])
def test_unreadable_periods_are_problems(text: str) -> None:
    result = parse_period(text)
    assert isinstance(result, Problem)
    assert "2026Q3" in result.text


def test_year_out_of_range_is_a_problem() -> None:
    result = parse_period("1900")
    assert isinstance(result, Problem)
    assert result.params == {"low": 1950, "high": 2100}


def test_quarter_of_and_contains() -> None:
    period = quarter_of(date(2026, 11, 21))
    assert period.code == "2026Q4"
    assert period.contains(date(2026, 12, 31))
    assert not period.contains(date(2027, 1, 1))
