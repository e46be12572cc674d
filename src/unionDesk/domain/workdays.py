"""Working days under the State Council holiday arrangement, for the publicity period (公示期).

A day is a working day Monday to Friday, unless the calendar lists it as a holiday (放假); a
Saturday or Sunday is off, unless the calendar lists it as a make-up working day (调休上班).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from unionDesk.domain.enums import ENUM_CONTEXT
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    problem,
    untranslated,
)

DEFAULT_PUBLICITY_DAYS = 5  # DESIGN.md 4: publicity lasts at least 5 working days
ONE_DAY = timedelta(days=1)
SATURDAY = 5
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DayKind(StrEnum):
    """How a listed day departs from the Monday-to-Friday week."""

    HOLIDAY = "holiday"  # 法定节假日/放假: off, even on a weekday
    WORKDAY = "workday"  # 调休上班: a Saturday or Sunday that is worked


_LABELS: dict[DayKind, str] = {
    DayKind.HOLIDAY: QT_TRANSLATE_NOOP("Enum", "Holiday"),
    DayKind.WORKDAY: QT_TRANSLATE_NOOP("Enum", "Make-up working day"),
}


def day_kind_label(kind: DayKind, translate: Translate = untranslated) -> str:
    """Return the display text of ``kind``, translated with ``translate``."""
    return translate(ENUM_CONTEXT, _LABELS[kind])


@dataclass(frozen=True)
class SpecialDay:
    """One day of the holiday arrangement.

    Attributes:
        day: the date.
        kind: whether the day is off or worked.
        name: the occasion as published, for example "国庆节" or "国庆节调休上班" (data, not
            translated).
    """

    day: date
    kind: DayKind
    name: str


def _is_weekday(day: date) -> bool:
    return day.weekday() < SATURDAY


@dataclass(frozen=True)
class Calendar:
    """The special days that override the plain week; build it with ``Calendar.of``.

    Attributes:
        days: the special days by date, read-only.
    """

    days: Mapping[date, SpecialDay] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if any(key != special.day for key, special in self.days.items()):
            raise ValueError("every special day must be filed under its own date")
        object.__setattr__(self, "days", MappingProxyType(dict(self.days)))

    def __hash__(self) -> int:
        return hash(frozenset(self.days.values()))

    @classmethod
    def of(cls, days: Iterable[SpecialDay]) -> Calendar:
        """Build a calendar from ``days``.

        Raises:
            ValidationFailed: when a date is listed more than once.
        """
        listed = list(days)
        duplicates = _duplicate_problems(listed)
        if duplicates:
            raise ValidationFailed(duplicates)
        return cls({special.day: special for special in listed})

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is worked: a listed day by its kind, otherwise Monday to Friday."""
        special = self.days.get(day)
        if special is None:
            return _is_weekday(day)
        return special.kind is DayKind.WORKDAY

    def next_working_day(self, day: date) -> date:
        """Return the first working day on or after ``day``."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """Return the last day of a period of ``count`` working days beginning on ``start``.

        ``start`` is day 1 when it is a working day; otherwise the count begins at the next
        working day.

        Raises:
            ValueError: when ``count`` is less than 1.
        """
        if count < 1:
            raise ValueError(f"a period lasts at least one working day, not {count}")
        day = self.next_working_day(start)
        for _ in range(count - 1):
            day = self.next_working_day(day + ONE_DAY)
        return day

    def working_days_between(self, first: date, last: date) -> int:
        """Count the working days from ``first`` to ``last``, both included (0 if reversed)."""
        if last < first:
            return 0
        full_weeks, rest = divmod((last - first).days + 1, 7)
        weekdays = full_weeks * 5 + sum(
            _is_weekday(first + timedelta(days=offset)) for offset in range(rest)
        )
        # Each listed day in range turns its plain-week status into its listed one.
        return weekdays + sum(
            int(special.kind is DayKind.WORKDAY) - int(_is_weekday(day))
            for day, special in self.days.items()
            if first <= day <= last
        )


def publicity_end(calendar: Calendar, start: date, days: int = DEFAULT_PUBLICITY_DAYS) -> date:
    """Return the last day of a publicity period of ``days`` working days from ``start``."""
    return calendar.add_working_days(start, days)


def publicity_problems(
    calendar: Calendar, start: date, end: date, minimum: int = DEFAULT_PUBLICITY_DAYS
) -> list[Problem]:
    """Problems with a publicity period from ``start`` to ``end``; [] when it is long enough."""
    found = calendar.working_days_between(start, end)
    if found >= minimum:
        return []
    return [
        problem(
            "publicity_end",
            QT_TRANSLATE_NOOP(
                "Validation",
                "The publicity period from {start} to {end} holds {found} working days; it must "
                "last at least {minimum}.",
            ),
            start=start.isoformat(),
            end=end.isoformat(),
            found=found,
            minimum=minimum,
        )
    ]


def special_day_problems(day: SpecialDay) -> list[Problem]:
    """Problems with one special day; [] when it makes sense.

    A holiday on a Saturday or Sunday is accepted (the arrangement lists whole holiday spans),
    but a make-up working day must be a Saturday or Sunday, and every day needs a name.
    """
    found: list[Problem] = []
    if day.kind is DayKind.WORKDAY and _is_weekday(day.day):
        found.append(
            problem(
                "day",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{date} falls on a weekday, so it cannot be a make-up working day; make-up "
                    "working days are Saturdays or Sundays.",
                ),
                date=day.day.isoformat(),
            )
        )
    if not day.name.strip():
        found.append(
            problem(
                "name",
                QT_TRANSLATE_NOOP(
                    "Validation", "Enter a name for {date}, for example the holiday it belongs to."
                ),
                date=day.day.isoformat(),
            )
        )
    return found


def _duplicate_problems(days: Iterable[SpecialDay]) -> list[Problem]:
    counts = Counter(special.day for special in days)
    return [
        problem(
            "day",
            QT_TRANSLATE_NOOP("Validation", "{date} is listed {count} times in the calendar."),
            date=day.isoformat(),
            count=count,
        )
        for day, count in sorted(counts.items())
        if count > 1
    ]


def calendar_to_json(days: Iterable[SpecialDay]) -> list[dict[str, str]]:
    """Return ``days`` in date order as the ``"days"`` entries of a calendar file."""
    return [
        {"date": special.day.isoformat(), "kind": special.kind.value, "name": special.name}
        for special in sorted(days, key=lambda special: special.day)
    ]


def calendar_from_json(data: object) -> list[SpecialDay]:
    """Read the special days of a parsed calendar file (``resources/calendar/*.json``).

    ``data`` is either the whole file, ``{"year": 2026, "source": "...", "days": [...]}``, or
    its bare ``"days"`` list as ``calendar_to_json`` writes it. When the file gives a year,
    every date must fall in it.

    Raises:
        ValidationFailed: listing every malformed entry, each named by its number and date.
    """
    entries, year = _unwrap(data)
    days: list[SpecialDay] = []
    found: list[Problem] = []
    for number, entry in enumerate(entries, start=1):
        special, entry_problems = _read_entry(number, entry)
        found += entry_problems
        if special is not None:
            found += special_day_problems(special) + _year_problems(number, special, year)
            days.append(special)
    found += _duplicate_problems(days)
    if found:
        raise ValidationFailed(found)
    return days


def _unwrap(data: object) -> tuple[list[object], int | None]:
    if isinstance(data, list):
        return data, None
    if isinstance(data, dict) and isinstance(data.get("days"), list):
        year = data.get("year")
        if year is None or (isinstance(year, int) and not isinstance(year, bool)):
            return data["days"], year
        raise ValidationFailed(
            [
                problem(
                    "year",
                    QT_TRANSLATE_NOOP("Validation", "The calendar's year “{value}” is not a year."),
                    value=year,
                )
            ]
        )
    raise ValidationFailed(
        [
            problem(
                "days",
                QT_TRANSLATE_NOOP(
                    "Validation", "The calendar data is not a list of days under “days”."
                ),
            )
        ]
    )


def _read_entry(number: int, entry: object) -> tuple[SpecialDay | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [
            problem(
                "days",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Entry {entry} of the calendar is not an object with a date, a kind and a "
                    "name.",
                ),
                entry=number,
            )
        ]
    missing = [key for key in ("date", "kind", "name") if not isinstance(entry.get(key), str)]
    if missing:
        return None, [
            problem(
                "days",
                QT_TRANSLATE_NOOP(
                    "Validation", "Entry {entry} of the calendar has no text for {keys}."
                ),
                entry=number,
                keys=", ".join(f"“{key}”" for key in missing),
            )
        ]
    day, kind = _parse_date(entry["date"]), _parse_kind(entry["kind"])
    found = _value_problems(number, entry, day, kind)
    if day is None or kind is None:
        return None, found
    return SpecialDay(day, kind, entry["name"].strip()), found


def _parse_date(text: str) -> date | None:
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_kind(text: str) -> DayKind | None:
    try:
        return DayKind(text)
    except ValueError:
        return None


def _value_problems(
    number: int, entry: Mapping[str, str], day: date | None, kind: DayKind | None
) -> list[Problem]:
    found: list[Problem] = []
    if day is None:
        found.append(
            problem(
                "days",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Entry {entry} of the calendar has the date “{value}”; write dates as "
                    "YYYY-MM-DD, for example 2026-10-01.",
                ),
                entry=number,
                value=entry["date"],
            )
        )
    if kind is None:
        found.append(
            problem(
                "days",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Entry {entry} of the calendar has the kind “{value}”; use “holiday” or "
                    "“workday”.",
                ),
                entry=number,
                value=entry["kind"],
            )
        )
    return found


def _year_problems(number: int, special: SpecialDay, year: int | None) -> list[Problem]:
    if year is None or special.day.year == year:
        return []
    return [
        problem(
            "days",
            QT_TRANSLATE_NOOP(
                "Validation", "Entry {entry} of the calendar, {date}, is not in the year {year}."
            ),
            entry=number,
            date=special.day.isoformat(),
            year=year,
        )
    ]
