"""Competitions (劳动和技能竞赛, 安康杯): the register, the score sheet and a member's history.

Entering members and teams, saving scores and recording prizes as honours are in
``competition_entries``. Totals, ranks and prizes are never stored: they are computed from the
scores whenever they are read (``domain.competition_form.outcomes``), so they always agree.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, Prize
from unionDesk.domain.competition_form import (
    CompetitionDraft,
    bands_from_json,
    bands_to_json,
    clean_reason,
    is_complete,
    outcomes,
    scores_from_json,
    scoring_changed,
    validate_competition,
)
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import ScoringScheme
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.departments import all_departments, display_paths
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.store.activity_models import (
    Competition,
    CompetitionEntry,
    CompetitionTeam,
    TeamMember,
)
from unionDesk.store.db import Database
from unionDesk.store.models import Member

RECORD = "competition"


@dataclass(frozen=True)
class CompetitionQuery:
    """What the competition list shows: search text (name, trade, organiser) and filters."""

    text: str = ""
    kind: CompetitionType | None = None
    year: int | None = None  # the year the competition starts


@dataclass(frozen=True)
class CompetitionRow:
    """One line of the competition list."""

    id: int
    name: str
    kind: CompetitionType
    trade: str
    level: CompetitionLevel
    starts_on: date
    ends_on: date | None
    entries: int  # taking part (withdrawn ones not counted)
    scored: int  # of them, with every score entered


@dataclass(frozen=True)
class CompetitionDetail:
    """A competition as its form shows it."""

    id: int
    draft: CompetitionDraft


@dataclass(frozen=True)
class EntryRow:
    """One line of the score sheet: a member or a team, its scores and its outcome.

    Attributes:
        name: the member's name or the team's name.
        department: the member's department; for a team, its members' departments.
        team_members: the names of a team's members; empty for a member's entry.
        team_member_ids: the ids of a team's members, in the order of ``team_members``.
        values: the scores entered so far, by line key.
        total, rank, tied, prize, passed: the entry's ``competition_form.Outcome``.
    """

    entry_id: int
    member_id: int | None
    team_id: int | None
    name: str
    department: str
    team_members: tuple[str, ...]
    team_member_ids: tuple[int, ...]
    values: dict[str, Decimal]
    total: Decimal | None
    rank: int | None
    tied: bool
    prize: Prize | None
    passed: bool | None


@dataclass(frozen=True)
class EntrySheet:
    """The score sheet of a competition: its entries (withdrawn ones left out) by entry id."""

    competition_id: int
    scheme: ScoringScheme
    bands: tuple[PrizeBand, ...]
    rows: tuple[EntryRow, ...]


@dataclass(frozen=True)
class HistoryRow:
    """One competition a member took part in, for the member form.

    ``tied`` is true when another entry shares the rank of the member's entry.
    """

    competition_id: int
    name: str
    kind: CompetitionType
    starts_on: date
    team: str  # the team the member entered with; empty for an individual entry
    total: Decimal | None
    rank: int | None
    prize: Prize | None
    tied: bool = False


def list_competitions(
    db: Database, actor: Actor, query: CompetitionQuery = CompetitionQuery()
) -> list[CompetitionRow]:
    """The competitions matching ``query``, newest first."""
    require(actor, Permission.VIEW_ACTIVITIES)
    statement = select(Competition).where(Competition.deleted_at.is_(None))
    needle = " ".join(query.text.split())
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = (Competition.name, Competition.trade, Competition.organiser)
        statement = statement.where(or_(*(c.like(pattern, escape="\\") for c in columns)))
    if query.kind is not None:
        statement = statement.where(Competition.kind == query.kind.value)
    if query.year is not None:
        statement = statement.where(
            Competition.starts_on.between(date(query.year, 1, 1), date(query.year, 12, 31))
        )
    statement = statement.order_by(Competition.starts_on.desc(), Competition.id.desc())
    with db.read() as session:
        competitions = list(session.scalars(statement))
        scores: dict[int, list[str]] = {c.id: [] for c in competitions}
        for competition_id, text in session.execute(
            select(CompetitionEntry.competition_id, CompetitionEntry.scores).where(
                CompetitionEntry.competition_id.in_(list(scores)),
                CompetitionEntry.withdrawn_at.is_(None),
            )
        ):
            scores[competition_id].append(text)
    return [_row(c, scores[c.id]) for c in competitions]


def _row(competition: Competition, scores: list[str]) -> CompetitionRow:
    scheme = scheme_of(competition)
    return CompetitionRow(
        id=competition.id,
        name=competition.name,
        kind=CompetitionType(competition.kind),
        trade=competition.trade,
        level=CompetitionLevel(competition.level),
        starts_on=competition.starts_on,
        ends_on=competition.ends_on,
        entries=len(scores),
        scored=sum(is_complete(scheme, scores_from_json(text)) for text in scores),
    )


def get_competition(db: Database, actor: Actor, competition_id: int) -> CompetitionDetail:
    """A competition for its form.

    Raises:
        NotFound: the competition was deleted.
    """
    require(actor, Permission.VIEW_ACTIVITIES)
    with db.read() as session:
        return CompetitionDetail(
            competition_id, _draft_of(live_competition(session, competition_id))
        )


def create_competition(db: Database, actor: Actor, draft: CompetitionDraft) -> int:
    """Validate and add a competition; returns its id.

    Raises:
        ValidationFailed: every problem with the form, the scheme and the prize bands.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    clean = validate_competition(draft)
    now = datetime.now()
    with db.write() as session:
        competition = Competition(created_at=now, updated_at=now)
        _apply(competition, clean)
        session.add(competition)
        session.flush()
        changes = diff({}, _audited(clean))
        record(session, actor, Action.CREATE, RECORD, competition.id, clean.name, changes)
        return competition.id


def update_competition(
    db: Database, actor: Actor, competition_id: int, draft: CompetitionDraft
) -> None:
    """Validate and save edits to a competition.

    Prize bands may change at any time. Once an entry has a score, the scheme keeps its kind,
    line codes, maximum scores and weights; line names and a rubric's pass mark may change.

    Raises:
        ValidationFailed: every problem with the form, or a scoring change after scores.
        NotFound: the competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    clean = validate_competition(draft)
    with db.write() as session:
        competition = live_competition(session, competition_id)
        before = _draft_of(competition)
        if scoring_changed(before.scheme, clean.scheme):
            _refuse_scoring_change(session, competition.id)
        _apply(competition, clean)
        competition.updated_at = datetime.now()
        changes = diff(_audited(before), _audited(clean))
        if changes:
            record(session, actor, Action.UPDATE, RECORD, competition.id, clean.name, changes)


def _refuse_scoring_change(session: Session, competition_id: int) -> None:
    scored = session.scalar(
        select(func.count())
        .select_from(CompetitionEntry)
        .where(
            CompetitionEntry.competition_id == competition_id,
            CompetitionEntry.withdrawn_at.is_(None),
            CompetitionEntry.scores != "{}",
        )
    )
    if scored:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The scoring scheme cannot be changed now: scores were given under it (scored "
            "entries: {count}). Only line names and the pass mark may still change; to change "
            "more, clear the scores first.",
        )
        raise ValidationFailed([problem("scheme", text, count=scored)])


def delete_competition(db: Database, actor: Actor, competition_id: int, reason: str) -> None:
    """Remove a competition from the list (its rows are kept); the reason goes to the audit log.

    Raises:
        ValidationFailed: the reason is missing or too long.
        NotFound: the competition was deleted already.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    reason = clean_reason(reason)
    with db.write() as session:
        competition = live_competition(session, competition_id)
        competition.deleted_at = datetime.now()
        summary = f"{competition.name}: {reason}"
        record(session, actor, Action.DELETE, RECORD, competition.id, summary)


def entry_sheet(db: Database, actor: Actor, competition_id: int) -> EntrySheet:
    """The score sheet: every entry still taking part, with its scores, total, rank and prize.

    Raises:
        NotFound: the competition was deleted.
    """
    require(actor, Permission.VIEW_ACTIVITIES)
    departments = display_paths(all_departments(db))
    with db.read() as session:
        return sheet_of(session, live_competition(session, competition_id), departments)


def competition_history(db: Database, actor: Actor, member_id: int) -> list[HistoryRow]:
    """The competitions a member entered, alone or in a team (withdrawn entries left out).

    Newest first, with the total, rank and prize of the member's entry.
    """
    require(actor, Permission.VIEW_ACTIVITIES)
    teams = select(TeamMember.team_id).where(TeamMember.member_id == member_id)
    statement = (
        select(CompetitionEntry.id, Competition)
        .join(Competition, Competition.id == CompetitionEntry.competition_id)
        .where(
            or_(CompetitionEntry.member_id == member_id, CompetitionEntry.team_id.in_(teams)),
            CompetitionEntry.withdrawn_at.is_(None),
            Competition.deleted_at.is_(None),
        )
        .order_by(Competition.starts_on.desc(), Competition.id.desc())
    )
    with db.read() as session:
        history = []
        for entry_id, competition in session.execute(statement).all():
            row = next(r for r in sheet_of(session, competition, {}).rows if r.entry_id == entry_id)
            history.append(
                HistoryRow(
                    competition_id=competition.id,
                    name=competition.name,
                    kind=CompetitionType(competition.kind),
                    starts_on=competition.starts_on,
                    team=row.name if row.team_id is not None else "",
                    total=row.total,
                    rank=row.rank,
                    prize=row.prize,
                    tied=row.tied,
                )
            )
        return history


def sheet_of(session: Session, competition: Competition, departments: dict[int, str]) -> EntrySheet:
    """The score sheet of ``competition`` in ``session`` (``departments``: id -> display path).

    For other services' transactions: no permission check.
    """
    entries = list(
        session.scalars(
            select(CompetitionEntry)
            .where(
                CompetitionEntry.competition_id == competition.id,
                CompetitionEntry.withdrawn_at.is_(None),
            )
            .order_by(CompetitionEntry.id)
        )
    )
    who = _who(session, entries)
    scheme, bands = scheme_of(competition), bands_of(competition)
    values = {entry.id: scores_from_json(entry.scores) for entry in entries}
    results = outcomes(scheme, bands, values)
    rows = []
    for entry in entries:
        name, members, member_ids, department_ids = who[entry.id]
        paths = (departments.get(d or 0, "") for d in department_ids)
        result = results[entry.id]
        rows.append(
            EntryRow(
                entry_id=entry.id,
                member_id=entry.member_id,
                team_id=entry.team_id,
                name=name,
                department="、".join(dict.fromkeys(path for path in paths if path)),
                team_members=members,
                team_member_ids=member_ids,
                values=values[entry.id],
                total=result.total,
                rank=result.rank,
                tied=result.tied,
                prize=result.prize,
                passed=result.passed,
            )
        )
    return EntrySheet(competition.id, scheme, bands, tuple(rows))


_Who = tuple[str, tuple[str, ...], tuple[int, ...], tuple[int | None, ...]]


def _who(session: Session, entries: list[CompetitionEntry]) -> dict[int, _Who]:
    """Entry id -> name, the team's member names (by pinyin) and ids, and the department ids."""
    people = {
        member_id: (name, department_id)
        for member_id, name, department_id in session.execute(
            select(Member.id, Member.name, Member.department_id).where(
                Member.id.in_([e.member_id for e in entries if e.member_id is not None])
            )
        )
    }
    team_ids = [e.team_id for e in entries if e.team_id is not None]
    teams = {
        team_id: name
        for team_id, name in session.execute(
            select(CompetitionTeam.id, CompetitionTeam.name).where(CompetitionTeam.id.in_(team_ids))
        )
    }
    members: dict[int, list[tuple[str, int, int | None]]] = {team_id: [] for team_id in teams}
    for team_id, name, member_id, department_id in session.execute(
        select(TeamMember.team_id, Member.name, Member.id, Member.department_id)
        .join(Member, Member.id == TeamMember.member_id)
        .where(TeamMember.team_id.in_(team_ids))
        .order_by(Member.name_sort, Member.id)
    ):
        members[team_id].append((name, member_id, department_id))
    who: dict[int, _Who] = {}
    for entry in entries:
        if entry.member_id is not None:
            name, department_id = people[entry.member_id]
            who[entry.id] = (name, (), (), (department_id,))
        else:
            assert entry.team_id is not None  # an entry is a member's or a team's
            team = members[entry.team_id]
            who[entry.id] = (
                teams[entry.team_id],
                tuple(name for name, _, _ in team),
                tuple(member_id for _, member_id, _ in team),
                tuple(department_id for _, _, department_id in team),
            )
    return who


def live_competition(session: Session, competition_id: int) -> Competition:
    """The competition, unless it was deleted.

    Raises:
        NotFound: it does not exist or was deleted.
    """
    competition = session.get(Competition, competition_id)
    if competition is None or competition.deleted_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "This competition no longer exists (deleted meanwhile?). Refresh the list.",
        )
        raise NotFound(problem("", text))
    return competition


def scheme_of(competition: Competition) -> ScoringScheme:
    """The competition's stored scoring scheme."""
    return ScoringScheme.from_json(json.loads(competition.scheme))


def bands_of(competition: Competition) -> tuple[PrizeBand, ...]:
    """The competition's stored prize bands, highest prize first."""
    return bands_from_json(competition.prize_bands)


def _apply(competition: Competition, draft: CompetitionDraft) -> None:
    assert draft.kind is not None and draft.level is not None  # validate_competition requires
    assert draft.starts_on is not None
    competition.name, competition.kind = draft.name, draft.kind.value
    competition.trade, competition.level = draft.trade, draft.level.value
    competition.starts_on, competition.ends_on = draft.starts_on, draft.ends_on
    competition.organiser, competition.venue = draft.organiser, draft.venue
    competition.scheme = json.dumps(draft.scheme.to_json(), ensure_ascii=False)
    competition.prize_bands = bands_to_json(draft.prize_bands)
    competition.notes = draft.notes


def _draft_of(competition: Competition) -> CompetitionDraft:
    return CompetitionDraft(
        name=competition.name,
        kind=CompetitionType(competition.kind),
        trade=competition.trade,
        level=CompetitionLevel(competition.level),
        starts_on=competition.starts_on,
        ends_on=competition.ends_on,
        organiser=competition.organiser,
        venue=competition.venue,
        scheme=scheme_of(competition),
        prize_bands=bands_of(competition),
        notes=competition.notes,
    )


def _audited(draft: CompetitionDraft) -> dict[str, object]:
    values = asdict(draft)
    values["scheme"] = json.dumps(draft.scheme.to_json(), ensure_ascii=False)
    values["prize_bands"] = bands_to_json(draft.prize_bands)
    return {key: value for key, value in values.items() if value not in ("", None)}
