"""Importing members from a spreadsheet: a dry run (``plan_import``), then one transaction.

``plan_import`` reads the file, checks every row with the member form's validators, matches
departments and existing members, and writes nothing. ``commit_import`` writes all good rows of
a plan in one transaction, or nothing (on cancel, on any refusal, or when the register changed
since the plan). Blank cells of a row that updates an existing member keep the stored values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.enums import ChangeKind
from unionDesk.domain.member import MEMBER_FIELDS, MemberDraft, validate_member
from unionDesk.domain.member_import import (
    FIELD_SYNONYMS,
    CellProblem,
    HeaderMatch,
    RowResult,
    find_header,
    is_blank,
    normalise_text,
    read_row,
)
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    problem,
    untranslated,
)
from unionDesk.services.audit import Action, record
from unionDesk.services.errors import ServiceError
from unionDesk.services.import_departments import ImportDepartments
from unionDesk.services.import_files import Sheet, read_table
from unionDesk.services.members import insert_members, save_member, stored_draft
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Member, MembershipChange, Setting

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
HEADER_SCAN = 20
_CHUNK = 500  # SQLite host parameters per IN (...) query
_TICK = 200  # rows between progress reports and cancel checks
_COLUMNS_KEY = "import_columns:"
_Key = tuple[str, str]  # (id_type, id_number)


class ImportCancelled(ServiceError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            problem(
                "",
                QT_TRANSLATE_NOOP("Validation", "The import was cancelled. Nothing was changed."),
            )
        )


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do (the dry run's preview).

    Attributes:
        file: the file read.
        sheet: the name of the sheet read.
        header: the header row and the column mapping used.
        rows: every non-blank data row; a row with problems is an error.
        new: good rows that add a member.
        update: good rows that change an existing member (planned with ``update_existing``).
        skip: good rows of existing members left as they are.
        errors: rows with problems (they are never written).
        duplicates_in_file: (first row, later row) pairs with the same ID or card number; the
            later row is an error.
        existing: sheet row -> id of the live member with the row's ID number.
        new_departments: paths of departments the file names that are not in the tree yet.
    """

    file: Path
    sheet: str
    header: HeaderMatch
    rows: tuple[RowResult, ...]
    new: int
    update: int
    skip: int
    errors: int
    duplicates_in_file: tuple[tuple[int, int], ...]
    existing: dict[int, int]
    new_departments: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    """What ``commit_import`` wrote."""

    created: int
    updated: int
    skipped: int
    errors: int


def plan_import(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    columns: dict[int, str] | None = None,
    update_existing: bool = False,
    translate: Translate = untranslated,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Read and check a member file without writing anything.

    Args:
        db: the database the rows are compared with.
        actor: who imports (needs the permission to edit members).
        path: an .xlsx/.xlsm/.xls/.ods/.csv file.
        columns: column index -> field key, replacing the detected mapping (the header row is
            still the detected one, or the first row when none was detected).
        update_existing: count rows of existing members as updates rather than skips.
        translate: the UI language, for reading translated choice labels.
        progress: called with (rows done, rows in all) while rows are checked.
        cancelled: polled while rows are checked; True stops the plan.
        today: the date no date may be after (default: today).

    Raises:
        UnreadableImport: the file cannot be read at all.
        ValidationFailed: no header row, or a column mapping without name and ID number.
        ImportCancelled: ``cancelled`` returned True.
    """
    require(actor, Permission.EDIT_MEMBERS)
    sheet = read_table(path)
    header = _header(sheet, columns)
    day = today or date.today()
    body = sheet.rows[header.row_index + 1 :]
    read: list[tuple[RowResult, Sequence[object]]] = []
    for offset, cells in enumerate(body):
        if offset % _TICK == 0:
            _tick(progress, cancelled, offset, len(body))
        if not is_blank(cells):
            row = header.row_index + offset + 2  # 1-based, below the header
            read.append((read_row(cells, header, row, translate=translate, today=day), cells))
    with db.read() as session:
        checked = _Checker(session, header, day).check(read)
    _tick(progress, cancelled, len(body), len(body))
    return _summarise(path, sheet.name, header, checked, update_existing)


def _header(sheet: Sheet, columns: dict[int, str] | None) -> HeaderMatch:
    found = find_header(sheet.rows, scan=HEADER_SCAN)
    if columns is not None:
        _check_columns(columns)
        row_index = found.row_index if found is not None else 0
        texts = sheet.rows[row_index] if row_index < len(sheet.rows) else []
        return HeaderMatch(row_index, dict(columns), tuple(normalise_text(t) for t in texts))
    if found is None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "No header row was found in the first {scan} rows of the sheet “{sheet}”. Put a row "
            "with the column titles (at least 姓名 and 身份证号) above the members, or start "
            "from the import template.",
        )
        raise ValidationFailed([problem("", text, scan=HEADER_SCAN, sheet=sheet.name)])
    return found


def _check_columns(columns: dict[int, str]) -> None:
    unknown = set(columns.values()) - set(FIELD_SYNONYMS)
    if unknown:
        raise ValueError(f"not import fields: {sorted(unknown)}")
    problems: list[Problem] = []
    if not {"name", "id_number"} <= set(columns.values()):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Choose which columns hold the name (姓名) and the ID number (身份证号); both are "
            "needed to import members.",
        )
        problems.append(problem("", text))
    if len(set(columns.values())) < len(columns):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Two columns are mapped to the same field. Map each field to one column only.",
        )
        problems.append(problem("", text))
    if problems:
        raise ValidationFailed(problems)


def _tick(progress: Progress | None, cancelled: Cancelled | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if progress is not None:
        progress(done, total)


@dataclass
class _Checked:
    rows: list[RowResult]
    existing: dict[int, int]
    changed: set[int]  # rows of existing members whose values differ from the stored ones
    duplicates: list[tuple[int, int]]
    new_departments: tuple[str, ...]


class _Checker:
    """Checks the rows against each other and against the register (read-only)."""

    def __init__(self, session: Session, header: HeaderMatch, today: date) -> None:
        self.session = session
        self.header = header
        self.today = today
        self.departments = ImportDepartments(session)
        self.later: dict[int, date] = {}  # member id -> earliest change after the join

    def check(self, read: list[tuple[RowResult, Sequence[object]]]) -> _Checked:
        drafts = [result.draft for result, _cells in read if result.draft is not None]
        by_key, by_card = _live_matches(self.session, drafts)
        stored = _stored(self.session, set(by_key.values()))
        self.later = _later_changes(self.session, set(by_key.values()))
        seen_keys: dict[_Key, int] = {}
        seen_cards: dict[str, int] = {}
        out = _Checked([], {}, set(), [], ())
        for result, cells in read:
            draft, problems = result.draft, list(result.problems)
            member_id = by_key.get(_key(draft)) if draft is not None else None
            if draft is not None and member_id is not None:
                draft = self._merged(stored[member_id], draft, cells, result.row, problems)
                problems += self._join_after_change(result.row, member_id, draft)
            draft = self._with_department(draft, result, problems)
            if draft is not None and not problems:
                problems += self._card_taken(result.row, draft, member_id, by_card)
            if draft is not None and not problems:
                first = seen_keys.setdefault(_key(draft), result.row)
                problems += self._in_file(result.row, draft, first, seen_cards, out.duplicates)
            if draft is not None and not problems and member_id is not None:
                out.existing[result.row] = member_id
                if draft != stored[member_id]:
                    out.changed.add(result.row)
            bad = bool(problems)
            out.rows.append(
                RowResult(result.row, None if bad else draft, result.department, tuple(problems))
            )
        out.new_departments = self.departments.missing()
        return out

    def _merged(
        self,
        stored: MemberDraft,
        draft: MemberDraft,
        cells: Sequence[object],
        row: int,
        problems: list[CellProblem],
    ) -> MemberDraft | None:
        """The stored member with the row's non-blank cells written over it, validated."""
        given = {
            field
            for column, field in self.header.columns.items()
            if field in MEMBER_FIELDS and column < len(cells) and normalise_text(cells[column])
        }
        merged = dataclasses.replace(stored, **{f: getattr(draft, f) for f in given})
        try:
            return validate_member(merged, today=self.today)
        except ValidationFailed as invalid:
            for reason in invalid.problems:
                column = self._column(reason.field)
                value = cells[column] if column is not None and column < len(cells) else None
                problems.append(self._cell(row, reason.field, normalise_text(value), reason))
            return None

    def _join_after_change(
        self, row: int, member_id: int, draft: MemberDraft | None
    ) -> list[CellProblem]:
        """The problem ``save_member`` would raise: a join date after a later change."""
        later = self.later.get(member_id)
        if draft is None or draft.join_date is None or later is None or draft.join_date <= later:
            return []
        text = QT_TRANSLATE_NOOP(
            "Validation", "The join date cannot be after a later membership change ({date})."
        )
        reason = problem("join_date", text, date=later.isoformat())
        return [self._cell(row, "join_date", draft.join_date.isoformat(), reason)]

    def _with_department(
        self, draft: MemberDraft | None, result: RowResult, problems: list[CellProblem]
    ) -> MemberDraft | None:
        if draft is None or not result.department:
            return draft
        found = self.departments.resolve(result.department)
        if isinstance(found, Problem):
            problems.append(self._cell(result.row, "department", result.department, found))
            return None
        return dataclasses.replace(draft, department_id=found if isinstance(found, int) else None)

    def _card_taken(
        self,
        row: int,
        draft: MemberDraft,
        member_id: int | None,
        by_card: dict[str, tuple[int, str]],
    ) -> list[CellProblem]:
        owner, name = by_card.get(draft.card_number, (member_id, ""))
        if not draft.card_number or owner == member_id:
            return []
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Card number {card} already belongs to {name}. Each member needs their own card "
            "number.",
        )
        reason = problem("card_number", text, card=draft.card_number, name=name)
        return [self._cell(row, "card_number", draft.card_number, reason)]

    def _in_file(
        self,
        row: int,
        draft: MemberDraft,
        first: int,
        seen_cards: dict[str, int],
        duplicates: list[tuple[int, int]],
    ) -> list[CellProblem]:
        """Problems of a row repeating the ID or card number of an earlier good row."""
        found: list[CellProblem] = []
        if first != row:
            duplicates.append((first, row))
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "This ID number is already in row {row} of the file. Keep one of the two rows.",
            )
            reason = problem("id_number", text, row=first)
            found.append(self._cell(row, "id_number", draft.id_number, reason))
        elif draft.card_number:
            card_first = seen_cards.setdefault(draft.card_number, row)
            if card_first != row:
                duplicates.append((card_first, row))
                text = QT_TRANSLATE_NOOP(
                    "Validation",
                    "Card number {card} is already in row {row} of the file. Each member needs "
                    "their own card number.",
                )
                reason = problem("card_number", text, card=draft.card_number, row=card_first)
                found.append(self._cell(row, "card_number", draft.card_number, reason))
        return found

    def _cell(self, row: int, field: str, value: str, reason: Problem) -> CellProblem:
        column = self._column(field)
        title = self.header.column_title(column) if column is not None else ""
        return CellProblem(row, title or FIELD_SYNONYMS.get(field, ("",))[0], value, reason)

    def _column(self, field: str) -> int | None:
        wanted = "department" if field == "department_id" else field
        return next((c for c, f in self.header.columns.items() if f == wanted), None)


def _summarise(
    path: Path, sheet: str, header: HeaderMatch, checked: _Checked, update_existing: bool
) -> ImportPlan:
    good = sum(1 for r in checked.rows if not r.problems)
    updates = len(checked.changed) if update_existing else 0
    existing = len(checked.existing)
    return ImportPlan(
        file=path,
        sheet=sheet,
        header=header,
        rows=tuple(checked.rows),
        new=good - existing,
        update=updates,
        skip=existing - updates,
        errors=len(checked.rows) - good,
        duplicates_in_file=tuple(checked.duplicates),
        existing=checked.existing,
        new_departments=checked.new_departments,
    )


def _key(draft: MemberDraft) -> _Key:
    return (draft.id_type.value, draft.id_number)


def _chunks(values: Sequence[str]) -> list[Sequence[str]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _live_matches(
    session: Session, drafts: Sequence[MemberDraft]
) -> tuple[dict[_Key, int], dict[str, tuple[int, str]]]:
    """Live members sharing an ID number (by key) or a card number (card -> id, name)."""
    by_key: dict[_Key, int] = {}
    by_card: dict[str, tuple[int, str]] = {}
    live = Member.deleted_at.is_(None)
    for chunk in _chunks(sorted({d.id_number for d in drafts})):
        found = select(Member.id, Member.id_type, Member.id_number)
        for member_id, id_type, number in session.execute(
            found.where(live, Member.id_number.in_(chunk))
        ):
            by_key[(id_type, number)] = member_id
    for chunk in _chunks(sorted({d.card_number for d in drafts if d.card_number})):
        found = select(Member.id, Member.card_number, Member.name)
        for member_id, card, name in session.execute(
            found.where(live, Member.card_number.in_(chunk))
        ):
            by_card[card] = (member_id, name)
    return by_key, by_card


def _members(session: Session, ids: set[int]) -> dict[int, Member]:
    ordered = sorted(ids)
    found: dict[int, Member] = {}
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        found.update((m.id, m) for m in session.scalars(select(Member).where(Member.id.in_(chunk))))
    return found


def _stored(session: Session, ids: set[int]) -> dict[int, MemberDraft]:
    return {member_id: stored_draft(m) for member_id, m in _members(session, ids).items()}


def _later_changes(session: Session, ids: set[int]) -> dict[int, date]:
    """Member id -> the earliest membership change after its join (those members only)."""
    ordered = sorted(ids)
    history: dict[int, list[tuple[str, date]]] = {}
    for start in range(0, len(ordered), _CHUNK):
        found = select(
            MembershipChange.member_id, MembershipChange.kind, MembershipChange.effective_on
        )
        chunk = found.where(MembershipChange.member_id.in_(ordered[start : start + _CHUNK]))
        for member_id, kind, on in session.execute(chunk.order_by(MembershipChange.id)):
            history.setdefault(member_id, []).append((kind, on))
    return {
        member_id: min(on for _kind, on in changes[1:])
        for member_id, changes in history.items()
        if changes[0][0] == ChangeKind.JOIN.value and len(changes) > 1
    }


def commit_import(
    db: Database,
    actor: Actor,
    plan: ImportPlan,
    *,
    update_existing: bool = False,
    create_departments: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Write the good rows of ``plan`` in one transaction: all of them or nothing.

    Rows of existing members are updated (audited per member) when ``update_existing`` and
    their values differ, else skipped. Rows with problems are never written.

    Raises:
        ServiceError: the plan names new departments and ``create_departments`` is False, or
            the register changed since the plan (run ``plan_import`` again).
        ImportCancelled: ``cancelled`` returned True; nothing was written.
        ValidationFailed: another writer registered one of the ID or card numbers during the
            commit; nothing was written.
        PermissionDenied: the actor may not edit members (or departments, to add them).
    """
    require(actor, Permission.EDIT_MEMBERS)
    if plan.new_departments and not create_departments:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The file names {count} departments that are not in the tree yet: {names}. Confirm "
            "adding them, or correct the department column.",
        )
        names = "、".join(plan.new_departments)
        raise ServiceError(
            problem("department", text, count=len(plan.new_departments), names=names)
        )
    if plan.new_departments:
        require(actor, Permission.EDIT_DEPARTMENTS)
    good = [(r, r.draft) for r in plan.rows if r.draft is not None and not r.problems]
    created = updated = 0
    with db.write() as session:
        targets = _refuse_outdated(session, plan, [draft for _r, draft in good])
        departments = ImportDepartments(session)
        paths = {r.row: departments.resolve(r.department) for r, _d in good if r.department}
        if any(isinstance(p, Problem) for p in paths.values()):
            raise _outdated()
        departments.create(session, actor)
        batch: list[MemberDraft] = []
        for index, (result, draft) in enumerate(good):
            if index % _TICK == 0:
                _tick(progress, cancelled, index, len(good))
                created += len(insert_members(session, actor, batch))
                batch.clear()
            path = paths.get(result.row)
            if isinstance(path, int) and path != draft.department_id:
                draft = dataclasses.replace(draft, department_id=path)
            elif isinstance(path, tuple):
                draft = dataclasses.replace(draft, department_id=departments.ids[path])
            member = targets.get(result.row)
            if member is None:
                batch.append(draft)
            elif update_existing and stored_draft(member) != draft:
                save_member(session, actor, member, draft)
                updated += 1
        created += len(insert_members(session, actor, batch))
        _tick(progress, cancelled, len(good), len(good))
    return ImportResult(created, updated, len(good) - created - updated, plan.errors)


def _refuse_outdated(
    session: Session, plan: ImportPlan, drafts: Sequence[MemberDraft]
) -> dict[int, Member]:
    """The members the plan updates, checked to be still the ones the ID numbers match."""
    by_key, by_card = _live_matches(session, drafts)
    rows = [r.row for r in plan.rows if r.draft is not None and not r.problems]
    for row, draft in zip(rows, drafts, strict=True):
        owner = plan.existing.get(row)
        card_owner = by_card.get(draft.card_number, (owner, ""))[0] if draft.card_number else owner
        if by_key.get(_key(draft)) != owner or card_owner != owner:
            raise _outdated()
    members = _members(session, set(plan.existing.values()))
    return {row: members[member_id] for row, member_id in plan.existing.items()}


def _outdated() -> ServiceError:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The register or the department tree changed since the preview (another user was "
        "working on it). Nothing was imported; check the file again.",
    )
    return ServiceError(problem("", text))


def remembered_columns(db: Database, header_texts: Sequence[str]) -> dict[int, str] | None:
    """The column mapping last confirmed for a file with these header texts, if any."""
    with db.read() as session:
        stored = session.scalar(select(Setting.value).where(Setting.key == _setting(header_texts)))
    if stored is None:
        return None
    try:
        columns = {int(column): str(field) for column, field in json.loads(stored).items()}
    except (ValueError, AttributeError):
        return None
    fits = all(0 <= c < len(header_texts) and f in FIELD_SYNONYMS for c, f in columns.items())
    return columns if fits else None


def remember_columns(
    db: Database, actor: Actor, header_texts: Sequence[str], columns: dict[int, str]
) -> None:
    """Keep the confirmed mapping for the next file with the same header texts (audited)."""
    require(actor, Permission.EDIT_MEMBERS)
    key = _setting(header_texts)
    value = json.dumps({str(c): f for c, f in sorted(columns.items())}, ensure_ascii=False)
    with db.write() as session:
        before = session.scalar(select(Setting.value).where(Setting.key == key))
        if before == value:
            return
        session.merge(Setting(key=key, value=value))
        record(session, actor, Action.SETTINGS, "setting", key, "", {key: (before, value)})


def _setting(header_texts: Sequence[str]) -> str:
    texts = json.dumps([normalise_text(t) for t in header_texts], ensure_ascii=False)
    # 15 + 32 characters: within the setting key's 50.
    return _COLUMNS_KEY + hashlib.sha256(texts.encode("utf-8")).hexdigest()[:32]
