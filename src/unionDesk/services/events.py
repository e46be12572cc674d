"""Culture events (职工文化活动): the register and attendance.

Attendance is replaced as a whole list with bulk statements, so checking in a 500-person event
is a few statements, not 500 ORM objects. Members deleted from the register drop out of every
attendance list and count, but their attendance rows are kept. Photos are in ``event_photos``
and the statistics in ``event_stats``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.culture import EventDraft, EventType, validate_event
from unionDesk.domain.enums import MemberStatus
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.departments import all_departments, display_paths, subtree_ids
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.activity_models import CultureEvent, EventAttendance
from unionDesk.store.db import Database
from unionDesk.store.models import Department, Member

RECORD_TYPE = "event"
ID_CHUNK = 500  # ids per IN (...) list, far below SQLite's limit on bound variables
NAMES_SHOWN = 10  # refused attendees named in a message
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class EventQuery:
    """What the event list shows: search text (title, venue, organiser), type and period."""

    text: str = ""
    event_type: EventType | None = None
    first: date | None = None  # events starting on or after this day
    last: date | None = None  # events starting on or before this day


@dataclass(frozen=True, slots=True)
class EventRow:
    """One line of the event list."""

    id: int
    event_type: EventType
    title: str
    starts_at: datetime
    venue: str
    attendees: int  # members on the register who attended
    guests: int
    hours: Decimal | None


@dataclass(frozen=True)
class EventDetail:
    """Everything the event form shows."""

    id: int
    draft: EventDraft
    attendee_ids: frozenset[int]


@dataclass(frozen=True)
class AttendanceChange:
    """What ``set_attendance`` changed."""

    added: int
    removed: int


@dataclass(frozen=True, slots=True)
class AttendeeRow:
    """One member on an event's attendance list."""

    member_id: int
    name: str
    department: str
    card_number: str


def list_events(db: Database, actor: Actor, query: EventQuery = EventQuery()) -> list[EventRow]:
    """The events matching ``query``, newest first."""
    require(actor, Permission.VIEW_ACTIVITIES)
    attendees = (
        select(func.count())
        .where(EventAttendance.event_id == CultureEvent.id, on_register())
        .scalar_subquery()
    )
    statement = (
        select(
            CultureEvent.id,
            CultureEvent.event_type,
            CultureEvent.title,
            CultureEvent.starts_at,
            CultureEvent.venue,
            attendees,
            CultureEvent.guests,
            CultureEvent.hours,
        )
        .where(CultureEvent.deleted_at.is_(None), *_conditions(query))
        .order_by(CultureEvent.starts_at.desc(), CultureEvent.id.desc())
    )
    with db.read() as session:
        rows = session.execute(statement).all()
    return [
        EventRow(id, EventType(kind), title, at, venue, count, guests, _hours(hours))
        for id, kind, title, at, venue, count, guests, hours in rows
    ]


def _conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    found = []
    needle = " ".join(query.text.split())  # titles are stored single-spaced
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        columns = (CultureEvent.title, CultureEvent.venue, CultureEvent.organiser)
        found.append(or_(*(c.like(f"%{escaped}%", escape="\\") for c in columns)))
    if query.event_type is not None:
        found.append(CultureEvent.event_type == query.event_type.value)
    if query.first is not None:
        found.append(CultureEvent.starts_at >= day_start(query.first))
    if query.last is not None:
        found.append(CultureEvent.starts_at < day_start(query.last + ONE_DAY))
    return found


def get_event(db: Database, actor: Actor, event_id: int) -> EventDetail:
    """An event with the ids of its attendees on the register."""
    require(actor, Permission.VIEW_ACTIVITIES)
    with db.read() as session:
        event = live_event(session, event_id)
        return EventDetail(event.id, _draft_of(event), frozenset(_attendee_ids(session, event_id)))


def create_event(
    db: Database, actor: Actor, draft: EventDraft, *, now: datetime | None = None
) -> int:
    """Validate and record an event; returns its id.

    Raises:
        ValidationFailed: every problem with the form, by field key.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    clean = validate_event(draft, now=now or datetime.now())
    stamp = datetime.now()
    with db.write() as session:
        event = CultureEvent(created_at=stamp, updated_at=stamp)
        _apply(event, clean)
        session.add(event)
        session.flush()
        changes = diff({}, _audited(clean))
        record(session, actor, Action.CREATE, RECORD_TYPE, event.id, event.title, changes)
        return event.id


def update_event(
    db: Database, actor: Actor, event_id: int, draft: EventDraft, *, now: datetime | None = None
) -> None:
    """Validate and save edits to an event (its attendance is set by ``set_attendance``).

    Raises:
        ValidationFailed: every problem with the form, by field key.
        NotFound: the event was deleted meanwhile.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    clean = validate_event(draft, now=now or datetime.now())
    with db.write() as session:
        event = live_event(session, event_id)
        changes = diff(_audited(_draft_of(event)), _audited(clean))
        _apply(event, clean)
        event.updated_at = datetime.now()
        record(session, actor, Action.UPDATE, RECORD_TYPE, event.id, event.title, changes)


def delete_event(db: Database, actor: Actor, event_id: int, reason: str) -> None:
    """Take an event off the register; the row, attendance and photos are kept (soft delete)."""
    require(actor, Permission.EDIT_ACTIVITIES)
    with db.write() as session:
        event = live_event(session, event_id)
        event.deleted_at = datetime.now()
        summary = f"{event.title}: {reason.strip()}" if reason.strip() else event.title
        record(session, actor, Action.DELETE, RECORD_TYPE, event.id, summary)


def set_attendance(
    db: Database, actor: Actor, event_id: int, member_ids: Collection[int]
) -> AttendanceChange:
    """Replace the event's attendance list with ``member_ids``, all or nothing.

    Members who left the union may still be listed (they may have attended before leaving).

    Raises:
        ValidationFailed: an id is not a member on the register (unknown or deleted); nothing
            is saved.
        NotFound: the event was deleted meanwhile.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    wanted = set(member_ids)
    with db.write() as session:
        event = live_event(session, event_id)
        _refuse_off_register(session, wanted)
        current = set(_attendee_ids(session, event_id))
        added, removed = sorted(wanted - current), sorted(current - wanted)
        if added:
            rows = [{"event_id": event_id, "member_id": member} for member in added]
            session.execute(insert(EventAttendance), rows)
        for chunk in _chunks(removed):
            session.execute(
                delete(EventAttendance).where(
                    EventAttendance.event_id == event_id, EventAttendance.member_id.in_(chunk)
                )
            )
        if added or removed:
            event.updated_at = datetime.now()
            summary = f"{event.title}: {len(wanted)} (+{len(added)} -{len(removed)})"
            changes = _attendance_changes(len(current), len(wanted), added, removed)
            record(session, actor, Action.UPDATE, RECORD_TYPE, event.id, summary, changes)
        return AttendanceChange(len(added), len(removed))


def attendance_rows(db: Database, actor: Actor, event_id: int) -> list[AttendeeRow]:
    """The event's attendees on the register, by name."""
    require(actor, Permission.VIEW_ACTIVITIES)
    departments = display_paths(all_departments(db))
    with db.read() as session:
        live_event(session, event_id)
        rows = session.execute(
            select(Member.id, Member.name, Member.department_id, Member.card_number)
            .join(EventAttendance, EventAttendance.member_id == Member.id)
            .where(EventAttendance.event_id == event_id, Member.deleted_at.is_(None))
            .order_by(Member.name_sort, Member.id)
        ).all()
    return [
        AttendeeRow(member, name, departments.get(department or 0, ""), card or "")
        for member, name, department, card in rows
    ]


def department_member_ids(db: Database, actor: Actor, department_id: int) -> list[int]:
    """Active members of a department and of every department below it, by name.

    This is the attendance picker's "whole department at once".

    Raises:
        NotFound: the department was deleted meanwhile.
    """
    require(actor, Permission.VIEW_ACTIVITIES)
    departments = subtree_ids(db, department_id)
    with db.read() as session:
        if session.get(Department, department_id) is None:
            text = QT_TRANSLATE_NOOP(
                "Validation", "This department no longer exists. Refresh the list."
            )
            raise NotFound(problem("", text))
        return list(
            session.scalars(
                select(Member.id)
                .where(
                    Member.department_id.in_(departments),
                    Member.deleted_at.is_(None),
                    Member.status == MemberStatus.ACTIVE.value,
                )
                .order_by(Member.name_sort, Member.id)
            )
        )


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day``, for comparing days with ``starts_at``."""
    return datetime.combine(day, time.min)


def on_register() -> ColumnElement[bool]:
    """The condition that an attendance row's member is on the register (not deleted)."""
    return (
        select(Member.id)
        .where(Member.id == EventAttendance.member_id, Member.deleted_at.is_(None))
        .exists()
    )


def _attendee_ids(session: Session, event_id: int) -> list[int]:
    return list(
        session.scalars(
            select(EventAttendance.member_id).where(
                EventAttendance.event_id == event_id, on_register()
            )
        )
    )


def live_event(session: Session, event_id: int) -> CultureEvent:
    """The event, unless it was deleted.

    Raises:
        NotFound: it does not exist or was deleted.
    """
    event = session.get(CultureEvent, event_id)
    if event is None or event.deleted_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "This event is no longer on the register (deleted meanwhile?). Refresh the list.",
        )
        raise NotFound(problem("", text))
    return event


def _refuse_off_register(session: Session, wanted: set[int]) -> None:
    """Refuse ids that are not members on the register, naming the people where known."""
    live: set[int] = set()
    for chunk in _chunks(sorted(wanted)):
        live.update(
            session.scalars(
                select(Member.id).where(Member.id.in_(chunk), Member.deleted_at.is_(None))
            )
        )
    missing = sorted(wanted - live)
    if missing:
        raise ValidationFailed([_off_register_problem(session, missing)])


def _off_register_problem(session: Session, missing: Sequence[int]) -> Problem:
    shown = missing[:NAMES_SHOWN]
    rows = session.execute(select(Member.id, Member.name).where(Member.id.in_(shown)))
    names = {member: name for member, name in rows}
    listed = "、".join(names.get(member, f"#{member}") for member in shown)
    if len(missing) > len(shown):
        listed += " …"
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "{count} of the chosen attendees are not on the member register (deleted meanwhile?): "
        "{names}. Nothing was saved. Refresh the list and choose the attendees again.",
    )
    return problem("attendees", text, count=len(missing), names=listed)


def _attendance_changes(
    before: int, after: int, added: Sequence[int], removed: Sequence[int]
) -> dict[str, tuple[object, object]]:
    """Audit values: the count before and after and the ids added and removed."""
    changes: dict[str, tuple[object, object]] = {"attendees": (before, after)}
    if added:
        changes["added"] = (None, ",".join(map(str, added)))
    if removed:
        changes["removed"] = (",".join(map(str, removed)), None)
    return changes


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]


def _apply(event: CultureEvent, draft: EventDraft) -> None:
    assert draft.event_type is not None and draft.starts_at is not None  # validated
    event.event_type, event.title = draft.event_type.value, draft.title
    event.starts_at, event.ends_at = draft.starts_at, draft.ends_at
    event.venue, event.organiser = draft.venue, draft.organiser
    event.description, event.guests = draft.description, draft.guests
    event.hours = "" if draft.hours is None else str(draft.hours)


def _draft_of(event: CultureEvent) -> EventDraft:
    return EventDraft(
        event_type=EventType(event.event_type),
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        venue=event.venue,
        organiser=event.organiser,
        description=event.description,
        hours=_hours(event.hours),
        guests=event.guests,
    )


def _audited(draft: EventDraft) -> dict[str, object]:
    return {key: value for key, value in asdict(draft).items() if value not in ("", None)}


def _hours(text: str) -> Decimal | None:
    """Stored hours (decimal text, "" when not set) as a Decimal."""
    return Decimal(text) if text else None
