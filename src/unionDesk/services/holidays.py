"""The holiday calendar (节假日与调休) that publicity periods are counted over.

DESIGN.md 4: a publicity lasts the program's number of working days; holidays and make-up
working days (调休) change which days count.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.workdays import Calendar, DayKind, SpecialDay, special_day_problems
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.selection_models import CalendarDay

CALENDAR_RECORD = "calendar"


def calendar_days(db: Database, actor: Actor, year: int | None = None) -> list[SpecialDay]:
    """The holidays and make-up working days of ``year`` (every year if None), in date order."""
    require(actor, Permission.VIEW_SELECTION)
    statement = select(CalendarDay).order_by(CalendarDay.day)
    if year is not None:
        statement = statement.where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
    with db.read() as session:
        return [_special(row) for row in session.scalars(statement)]


def set_calendar_day(db: Database, actor: Actor, day: SpecialDay) -> None:
    """Add a holiday or make-up working day, or replace the entry for that date.

    Publicities already started keep the end date they were given.

    Raises:
        ValidationFailed: the day makes no sense (a weekday as make-up day, no name).
    """
    require(actor, Permission.EDIT_SELECTION)
    problems = special_day_problems(day)
    if problems:
        raise ValidationFailed(problems)
    name = day.name.strip()
    with db.write() as session:
        row = session.get(CalendarDay, day.day)
        before = {"kind": row.kind, "name": row.name} if row else {}
        if row is None:
            row = CalendarDay(day=day.day)
            session.add(row)
        row.kind, row.name = day.kind.value, name
        action = Action.UPDATE if before else Action.CREATE
        changes = diff(before, {"kind": row.kind, "name": name})
        key = day.day.isoformat()
        record(session, actor, action, CALENDAR_RECORD, key, f"{key} {name}", changes)


def remove_calendar_day(db: Database, actor: Actor, day: date) -> None:
    """Remove ``day`` from the calendar, so it counts by the plain Monday-to-Friday week."""
    require(actor, Permission.EDIT_SELECTION)
    with db.write() as session:
        row = session.get(CalendarDay, day)
        if row is None:
            text = QT_TRANSLATE_NOOP(
                "Validation", "{date} is not in the holiday calendar (removed meanwhile?). Refresh."
            )
            raise NotFound(problem("day", text, date=day.isoformat()))
        changes = {"kind": (row.kind, None), "name": (row.name, None)}
        record(session, actor, Action.DELETE, CALENDAR_RECORD, day.isoformat(), row.name, changes)
        session.delete(row)


def working_calendar(session: Session) -> Calendar:
    """The stored holiday calendar, for counting working days inside ``session``."""
    return Calendar.of(_special(row) for row in session.scalars(select(CalendarDay)))


def _special(row: CalendarDay) -> SpecialDay:
    return SpecialDay(row.day, DayKind(row.kind), row.name)
