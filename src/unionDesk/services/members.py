"""Member register use cases: search, read, add, edit, delete and membership changes.

Lists work as an ordered id list plus rows fetched by window (``fetch_rows``), so a 100,000-member
register never loads everything: searching, filtering and sorting happen in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.enums import (
    ChangeKind,
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    MemberStatus,
    PoliticalStatus,
    Sex,
    SkillLevel,
)
from unionDesk.domain.member import MEMBER_FIELDS, MemberDraft, validate_member
from unionDesk.domain.membership import Change, check_change, derive_status
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.names import normalize_name
from unionDesk.domain.pinyin import search_keys, sort_key
from unionDesk.domain.privacy import mask_id_number, mask_mobile
from unionDesk.services.audit import Action, diff, record, record_many
from unionDesk.services.departments import all_departments, display_paths, subtree_ids
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.db import Database, fetch_column
from unionDesk.store.models import Department, Member, MembershipChange

RECORD_TYPE = "member"


class SortColumn(StrEnum):
    """Columns the register can be sorted by (each backed by SQL)."""

    NAME = "name"
    CARD_NUMBER = "card_number"
    BIRTH_DATE = "birth_date"
    JOIN_DATE = "join_date"
    STATUS = "status"
    DEPARTMENT = "department"


_SORT_EXPR = {
    SortColumn.NAME: Member.name_sort,
    SortColumn.CARD_NUMBER: Member.card_number,
    SortColumn.BIRTH_DATE: Member.birth_date,
    SortColumn.JOIN_DATE: Member.join_date,
    SortColumn.STATUS: Member.status,
    SortColumn.DEPARTMENT: Member.department_id,
}


@dataclass(frozen=True)
class MemberQuery:
    """What the register shows: search text, filters and order."""

    text: str = ""
    department_id: int | None = None  # includes its sub-departments
    status: MemberStatus | None = None  # None: every status
    sort: SortColumn = SortColumn.NAME
    descending: bool = False


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of the register, numbers already masked."""

    id: int
    name: str
    sex: Sex
    birth_date: date
    id_number_masked: str
    mobile_masked: str
    department: str
    card_number: str
    skill_level: SkillLevel
    political_status: PoliticalStatus
    join_date: date
    status: MemberStatus


@dataclass(frozen=True)
class ChangeRecord:
    """One entry of a member's membership history."""

    kind: ChangeKind
    effective_on: date
    reason: str
    recorded_at: datetime


@dataclass(frozen=True)
class MemberDetail:
    """Everything the member form shows."""

    id: int
    draft: MemberDraft
    status: MemberStatus
    history: tuple[ChangeRecord, ...]


def query_member_ids(db: Database, actor: Actor, query: MemberQuery) -> list[int]:
    """Ids of the live members matching ``query``, in display order."""
    require(actor, Permission.VIEW_MEMBERS)
    statement = select(Member.id).where(Member.deleted_at.is_(None))
    statement = _filter_text(statement, query.text)
    if query.status is not None:
        statement = statement.where(Member.status == query.status.value)
    if query.department_id is not None:
        statement = statement.where(Member.department_id.in_(subtree_ids(db, query.department_id)))
    column = _SORT_EXPR[query.sort]
    order = column.desc() if query.descending else column.asc()
    statement = statement.order_by(order, Member.name_sort, Member.id)
    with db.read() as session:
        return fetch_column(session, statement)


def _filter_text(statement: Select[int], text: str) -> Select[int]:
    """Add the search-as-you-type condition: only the predicates the text can match.

    Each predicate costs 3-5 ms per 100,000 members on top of the index scan, so letters test
    the pinyin/Latin-name tokens only, digits the ID tail and card number, anything else the name.
    """
    needle = normalize_name(text).strip()
    if not needle:
        return statement
    ascii_needle = needle.lower()
    if ascii_needle.isascii() and ascii_needle.isalpha():
        return statement.where(func.instr(Member.search_keys, f" {ascii_needle}") > 0)
    if ascii_needle.isascii() and ascii_needle.replace("-", "").isalnum():
        return statement.where(or_(*_number_clauses(ascii_needle.upper())))
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return statement.where(Member.name.like(f"%{escaped}%", escape="\\"))


def _number_clauses(needle: str) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [func.instr(Member.card_number, needle) > 0]
    if needle.rstrip("X").isdigit():  # the last digits of an ID number
        clauses.append(func.substr(Member.id_number, -len(needle)) == needle)
    return clauses


_ROW_COLUMNS = (
    Member.id,
    Member.name,
    Member.sex,
    Member.birth_date,
    Member.id_number,
    Member.mobile,
    Member.department_id,
    Member.card_number,
    Member.skill_level,
    Member.political_status,
    Member.join_date,
    Member.status,
)


def fetch_rows(db: Database, actor: Actor, ids: Sequence[int]) -> list[MemberRow]:
    """Rows for ``ids`` (a window of the id list), in the same order; missing ids are skipped.

    Selects only the listed columns (no ORM objects): a 200-row window takes about 2 ms.
    """
    require(actor, Permission.VIEW_MEMBERS)
    departments = display_paths(all_departments(db))
    with db.read() as session:
        found = session.execute(select(*_ROW_COLUMNS).where(Member.id.in_(ids))).all()
    by_id = {values[0]: values for values in found}
    return [_row(by_id[i], departments) for i in ids if i in by_id]


def full_id_numbers(db: Database, actor: Actor, ids: Sequence[int]) -> dict[int, str]:
    """The unmasked ID numbers of ``ids`` (for a return the user chose to print them in).

    The caller audits the unmasking, once for the whole return.
    """
    require(actor, Permission.UNMASK)
    with db.read() as session:
        found = session.execute(select(Member.id, Member.id_number).where(Member.id.in_(ids)))
        return {member_id: number for member_id, number in found}


def _row(values: Any, departments: dict[int, str]) -> MemberRow:
    (
        member_id,
        name,
        sex,
        birth,
        id_number,
        mobile,
        department_id,
        card,
        skill,
        political,
        joined,
        status,
    ) = values
    return MemberRow(
        id=member_id,
        name=name,
        sex=Sex(sex),
        birth_date=birth,
        id_number_masked=mask_id_number(id_number),
        mobile_masked=mask_mobile(mobile),
        department=departments.get(department_id or 0, ""),
        card_number=card or "",
        skill_level=SkillLevel(skill),
        political_status=PoliticalStatus(political),
        join_date=joined,
        status=MemberStatus(status),
    )


def search_members(db: Database, actor: Actor, text: str, limit: int = 50) -> list[MemberRow]:
    """Members of any status whose name, pinyin, ID tail or card number matches ``text``."""
    return fetch_rows(db, actor, query_member_ids(db, actor, MemberQuery(text=text))[:limit])


def get_member(db: Database, actor: Actor, member_id: int, *, reveal: bool = False) -> MemberDetail:
    """Everything about one member, for the form.

    ID and mobile numbers come masked unless ``reveal`` is asked by a user with the unmask
    permission; each such unmasking is audited (DESIGN.md 7).
    """
    require(actor, Permission.VIEW_MEMBERS)
    if reveal:
        require(actor, Permission.UNMASK)
    with db.write() if reveal else db.read() as session:
        member = live_member(session, member_id)
        history = tuple(
            ChangeRecord(ChangeKind(c.kind), c.effective_on, c.reason, c.recorded_at)
            for c in member.changes
        )
        draft = stored_draft(member)
        if reveal:
            record(session, actor, Action.UNMASK, RECORD_TYPE, member.id, member.name)
        else:
            draft = _masked(draft)
        return MemberDetail(member.id, draft, MemberStatus(member.status), history)


def create_member(
    db: Database, actor: Actor, draft: MemberDraft, *, today: date | None = None
) -> int:
    """Validate and add a member, with the join recorded as the first history entry.

    Raises:
        ValidationFailed: every problem with the input, including duplicates.
        PermissionDenied: the actor may not edit the register.
    """
    require(actor, Permission.EDIT_MEMBERS)
    clean = validate_member(draft, today=today or date.today())
    with db.write() as session:
        _refuse_duplicates(session, clean, exclude=None)
        return insert_member(session, actor, clean)


def insert_member(session: Session, actor: Actor, clean: MemberDraft) -> int:
    """Add a validated member in the caller's transaction, joined on its join date; audited.

    The caller has run ``validate_member`` and checked for duplicates (a bulk import checks
    them for all rows at once).

    Raises:
        ValidationFailed: the ID or card number was registered by another writer meanwhile.
    """
    assert clean.join_date is not None  # validate_member requires it
    now = datetime.now()
    member = Member(
        created_at=now, updated_at=now, status=MemberStatus.ACTIVE.value, deleted_reason=""
    )
    _apply(member, clean)
    member.changes.append(_change_row(ChangeKind.JOIN, clean.join_date, "", actor))
    session.add(member)
    _flush(session, clean)
    record(
        session,
        actor,
        Action.CREATE,
        RECORD_TYPE,
        member.id,
        member.name,
        diff({}, _audited(clean)),
    )
    return member.id


def insert_members(session: Session, actor: Actor, drafts: Sequence[MemberDraft]) -> list[int]:
    """``insert_member`` for many validated members at once (a bulk import), in draft order.

    Each member gets its join entry and its own audit entry, the same as from ``create_member``,
    but all rows go in with a few multi-row statements: one by one, the flushes and the audit
    chain's look-ups took about 1 ms per member. Pass at most a few hundred drafts per call
    (their ID numbers are looked up in one ``IN`` list).

    Raises:
        ValidationFailed: an ID or card number was registered by another writer meanwhile.
    """
    if not drafts:
        return []
    now = datetime.now()
    fixed = {"created_at": now, "updated_at": now, "status": MemberStatus.ACTIVE.value}
    rows = [{**_columns(draft), **fixed, "deleted_reason": ""} for draft in drafts]
    try:
        session.execute(insert(cast(Table, Member.__table__)), rows)  # RETURNING went row by row
    except IntegrityError as exc:
        session.rollback()
        raise ValidationFailed([_registered_meanwhile(drafts[0])]) from exc
    numbers = [draft.id_number for draft in drafts]
    found = session.execute(
        select(Member.id_type, Member.id_number, Member.id).where(
            Member.deleted_at.is_(None), Member.id_number.in_(numbers)
        )
    )
    by_key = {(id_type, number): member_id for id_type, number, member_id in found}
    ids = [by_key[(draft.id_type.value, draft.id_number)] for draft in drafts]
    joins = [
        {
            "member_id": member_id,
            "kind": ChangeKind.JOIN.value,
            "effective_on": draft.join_date,
            "reason": "",
            "recorded_at": now,
            "recorded_by": actor.username,
        }
        for member_id, draft in zip(ids, drafts, strict=True)
    ]
    session.execute(insert(cast(Table, MembershipChange.__table__)), joins)
    entries = [  # what diff({}, _audited(draft)) gives, without its sorting
        (member_id, draft.name, {key: (None, value) for key, value in _audited(draft).items()})
        for member_id, draft in zip(ids, drafts, strict=True)
    ]
    record_many(session, actor, Action.CREATE, RECORD_TYPE, entries)
    return ids


def update_member(
    db: Database, actor: Actor, member_id: int, draft: MemberDraft, *, today: date | None = None
) -> None:
    """Validate and save edits to a member. The history is changed only by ``record_change``.

    A masked ID or mobile number left as shown keeps the stored number.
    """
    require(actor, Permission.EDIT_MEMBERS)
    with db.write() as session:
        member = live_member(session, member_id)
        clean = validate_member(_unmasked(draft, stored_draft(member)), today=today or date.today())
        _refuse_duplicates(session, clean, exclude=member_id)
        save_member(session, actor, member, clean)


def save_member(session: Session, actor: Actor, member: Member, clean: MemberDraft) -> None:
    """Write validated edits to ``member`` in the caller's transaction; audited (masked diff).

    The caller has run ``validate_member`` and checked for duplicates.

    Raises:
        ValidationFailed: the join date is after a later membership change, or the ID or card
            number was registered by another writer meanwhile.
    """
    before = stored_draft(member)
    _move_join_date(member, clean)
    _apply(member, clean)
    member.updated_at = datetime.now()
    _flush(session, clean)
    record(
        session,
        actor,
        Action.UPDATE,
        RECORD_TYPE,
        member.id,
        member.name,
        _masked_diff(before, clean),
    )


def record_change(
    db: Database,
    actor: Actor,
    member_id: int,
    kind: ChangeKind,
    effective_on: date,
    reason: str,
    *,
    today: date | None = None,
) -> MemberStatus:
    """Append a membership change and return the status it leads to.

    Raises:
        ValidationFailed: the change is not allowed now (with the reason why).
    """
    require(actor, Permission.EDIT_MEMBERS)
    with db.write() as session:
        member = live_member(session, member_id)
        history = [Change(ChangeKind(c.kind), c.effective_on) for c in member.changes]
        new = Change(kind, effective_on)
        problems = check_change(history, new, reason, today=today or date.today())
        if problems:
            raise ValidationFailed(problems)
        member.changes.append(_change_row(kind, effective_on, reason.strip(), actor))
        status = derive_status([*history, new])
        assert status is not None
        before, member.status = member.status, status.value
        member.updated_at = datetime.now()
        record(
            session,
            actor,
            Action.STATUS_CHANGE,
            RECORD_TYPE,
            member.id,
            f"{member.name}: {kind.value} {effective_on.isoformat()} {reason.strip()}",
            {"status": (before, status.value)},
        )
        return status


def delete_member(db: Database, actor: Actor, member_id: int, reason: str = "") -> None:
    """Remove a member from the register; the row and its history are kept (soft delete)."""
    require(actor, Permission.EDIT_MEMBERS)
    with db.write() as session:
        member = live_member(session, member_id)
        member.deleted_at = datetime.now()
        member.deleted_reason = reason.strip()
        record(
            session,
            actor,
            Action.DELETE,
            RECORD_TYPE,
            member.id,
            f"{member.name}: {reason.strip()}",
        )


def _change_row(kind: ChangeKind, on: date, reason: str, actor: Actor) -> MembershipChange:
    return MembershipChange(
        kind=kind.value,
        effective_on=on,
        reason=reason,
        recorded_at=datetime.now(),
        recorded_by=actor.username,
    )


def _masked(draft: MemberDraft) -> MemberDraft:
    return replace(
        draft, id_number=mask_id_number(draft.id_number), mobile=mask_mobile(draft.mobile)
    )


def _unmasked(draft: MemberDraft, stored: MemberDraft) -> MemberDraft:
    """Put the stored numbers back where the form still shows them masked."""
    masked = _masked(stored)
    if draft.id_number == masked.id_number and draft.id_type is stored.id_type:
        draft = replace(draft, id_number=stored.id_number)
    if draft.mobile == masked.mobile:
        draft = replace(draft, mobile=stored.mobile)
    return draft


def _masked_diff(before: MemberDraft, after: MemberDraft) -> dict[str, tuple[object, object]]:
    """Changed fields, compared on the real values but logged masked.

    Comparing masked values would hide a change of the middle digits of a number.
    """
    changed = diff(_plain_fields(before), _plain_fields(after))
    shown_before, shown_after = _audited(before), _audited(after)
    return {key: (shown_before.get(key), shown_after.get(key)) for key in changed}


def _plain_fields(draft: MemberDraft) -> dict[str, object]:
    return {key: value for key, value in _values(draft).items() if value not in ("", None)}


def _values(draft: MemberDraft) -> dict[str, object]:
    """The draft's fields by name (``asdict`` without its deep copies: 10× faster in bulk)."""
    return {name: getattr(draft, name) for name in MEMBER_FIELDS}


def _audited(draft: MemberDraft) -> dict[str, object]:
    """The draft's fields as audit values; personal numbers are masked even in the log."""
    values = _values(draft)
    values["id_number"] = mask_id_number(draft.id_number)
    values["mobile"] = mask_mobile(draft.mobile)
    return {key: value for key, value in values.items() if value not in ("", None)}


def live_member(session: Session, member_id: int) -> Member:
    """The member with ``member_id`` if still on the register, or ``NotFound``."""
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise NotFound(
            problem(
                "",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "This member is no longer on the register (deleted meanwhile?). "
                    "Refresh the list.",
                ),
            )
        )
    return member


def _refuse_duplicates(session: Session, draft: MemberDraft, exclude: int | None) -> None:
    problems = _department_problems(session, draft)
    same_id = _live_match(
        session,
        (Member.id_type == draft.id_type.value) & (Member.id_number == draft.id_number),
        exclude,
    )
    if same_id is not None:
        problems.append(
            problem(
                "id_number",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "This ID number is already registered to {name} (card {card}). Open "
                    "that member instead of adding them twice.",
                ),
                name=same_id.name,
                card=same_id.card_number or "-",
            )
        )
    if draft.card_number:
        same_card = _live_match(session, Member.card_number == draft.card_number, exclude)
        if same_card is not None:
            problems.append(
                problem(
                    "card_number",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Card number {card} already belongs to {name}. Each member needs "
                        "their own card number.",
                    ),
                    card=draft.card_number,
                    name=same_card.name,
                )
            )
    if problems:
        raise ValidationFailed(problems)


def _department_problems(session: Session, draft: MemberDraft) -> list[Problem]:
    if draft.department_id is None or session.get(Department, draft.department_id) is not None:
        return []
    return [
        problem(
            "department_id",
            QT_TRANSLATE_NOOP(
                "Validation",
                "The chosen department no longer exists (deleted meanwhile?). Choose "
                "another department.",
            ),
        )
    ]


def _live_match(session: Session, condition: object, exclude: int | None) -> Member | None:
    statement = select(Member).where(condition, Member.deleted_at.is_(None))  # type: ignore[arg-type]
    if exclude is not None:
        statement = statement.where(Member.id != exclude)
    return session.scalars(statement.limit(1)).first()


def _flush(session: Session, draft: MemberDraft) -> None:
    """Flush, turning a unique-index race (another writer won) into the usual message."""
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise ValidationFailed([_registered_meanwhile(draft)]) from exc


def _registered_meanwhile(draft: MemberDraft) -> Problem:
    return problem(
        "id_number",
        QT_TRANSLATE_NOOP(
            "Validation",
            "Another user registered this ID number or card number a moment "
            "ago. Search for {name} before saving again.",
        ),
        name=draft.name,
    )


def _move_join_date(member: Member, draft: MemberDraft) -> None:
    first = member.changes[0] if member.changes else None
    if first is None or first.kind != ChangeKind.JOIN.value or draft.join_date is None:
        return
    later = [c.effective_on for c in member.changes[1:]]
    if later and draft.join_date > min(later):
        raise ValidationFailed(
            [
                problem(
                    "join_date",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The join date cannot be after a later membership change ({date}).",
                    ),
                    date=min(later).isoformat(),
                )
            ]
        )
    first.effective_on = draft.join_date


def _apply(member: Member, draft: MemberDraft) -> None:
    for column, value in _columns(draft).items():
        setattr(member, column, value)


def _columns(draft: MemberDraft) -> dict[str, object]:
    """The member table's values for a validated draft."""
    assert draft.sex is not None and draft.birth_date is not None
    assert draft.join_date is not None
    return {
        "name": draft.name,
        "name_sort": sort_key(draft.name),
        "search_keys": search_keys(draft.name),
        "id_type": draft.id_type.value,
        "id_number": draft.id_number,
        "sex": draft.sex.value,
        "birth_date": draft.birth_date,
        "ethnicity": draft.ethnicity,
        "mobile": draft.mobile,
        "political_status": draft.political_status.value,
        "education": draft.education.value,
        "skill_level": draft.skill_level.value,
        "trade": draft.trade,
        "job_title": draft.job_title,
        "hukou_region": draft.hukou_region.value,
        "hukou_nature": draft.hukou_nature.value,
        "migrant_worker": draft.migrant_worker,
        "hardship": draft.hardship,
        "work_start_date": draft.work_start_date,
        "join_date": draft.join_date,
        "card_number": draft.card_number or None,
        "department_id": draft.department_id,
        "notes": draft.notes,
    }


def stored_draft(member: Member) -> MemberDraft:
    """The member's stored values as a form (numbers unmasked)."""
    return MemberDraft(
        name=member.name,
        id_type=IdType(member.id_type),
        id_number=member.id_number,
        sex=Sex(member.sex),
        birth_date=member.birth_date,
        ethnicity=member.ethnicity,
        mobile=member.mobile,
        political_status=PoliticalStatus(member.political_status),
        education=Education(member.education),
        skill_level=SkillLevel(member.skill_level),
        trade=member.trade,
        job_title=member.job_title,
        hukou_region=HukouRegion(member.hukou_region),
        hukou_nature=HukouNature(member.hukou_nature),
        migrant_worker=member.migrant_worker,
        work_start_date=member.work_start_date,
        join_date=member.join_date,
        card_number=member.card_number or "",
        department_id=member.department_id,
        hardship=member.hardship,
        notes=member.notes,
    )
