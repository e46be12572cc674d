"""Reporting periods of the returns: a quarter ("2026Q3") or a year ("2026")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem

_QUARTER_NAMES = ("一", "二", "三", "四")
_PATTERN = re.compile(r"^\s*(\d{4})\s*(?:[Qq]\s*([1-4]))?\s*$")
FIRST_YEAR, LAST_YEAR = 1950, 2100


@dataclass(frozen=True)
class Period:
    """A closed range of dates a return covers."""

    year: int
    quarter: int | None  # None: the whole year

    @property
    def start(self) -> date:
        """First day of the period."""
        month = 1 if self.quarter is None else 3 * self.quarter - 2
        return date(self.year, month, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        if self.quarter is None or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    @property
    def code(self) -> str:
        """The machine form: ``2026Q3`` or ``2026``."""
        return f"{self.year}" if self.quarter is None else f"{self.year}Q{self.quarter}"

    @property
    def label(self) -> str:
        """The printed form on returns (always Chinese): 2026年第三季度 / 2026年度."""
        if self.quarter is None:
            return f"{self.year}年度"
        return f"{self.year}年第{_QUARTER_NAMES[self.quarter - 1]}季度"

    def contains(self, day: date) -> bool:
        """Whether ``day`` lies within the period."""
        return self.start <= day <= self.end


def parse_period(text: str) -> Period | Problem:
    """Read ``2026Q3`` (a quarter) or ``2026`` (a year); a Problem says what is wrong."""
    match = _PATTERN.match(text or "")
    if match is None:
        return problem(
            "period",
            QT_TRANSLATE_NOOP(
                "Validation",
                'The period "{given}" is not understood. Write a year such as 2026, or a quarter '
                "such as 2026Q3.",
            ),
            given=text,
        )
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return problem(
            "period",
            QT_TRANSLATE_NOOP("Validation", "The year must be between {low} and {high}."),
            low=FIRST_YEAR,
            high=LAST_YEAR,
        )
    quarter = int(match.group(2)) if match.group(2) else None
    return Period(year, quarter)


def quarter_of(day: date) -> Period:
    """The quarter ``day`` falls in."""
    return Period(day.year, (day.month - 1) // 3 + 1)
