"""Entries of a competition (参赛): members and teams, their scores, and prizes as honours.

A member enters a competition once, alone or in one team; a withdrawn entry (退赛) keeps its
row and frees its members. Every change is one transaction with its audit entries, and a
refused change saves nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.competition_form import (
    MEMBERS_FIELD,
    Entrant,
    clean_reason,
    clean_team_name,
    entrant_problems,
    honour_title,
    no_team_members,
    score_texts,
    scores_from_json,
    scores_to_json,
    sheet_problems,
)
from unionDesk.domain.enums import MemberStatus
from unionDesk.domain.honours import HonourDraft, HonourLevel, validate_honour
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.competitions import live_competition, scheme_of, sheet_of
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.honours import RECORD_TYPE as HONOUR_RECORD
from unionDesk.services.permissions import require
from unionDesk.store.activity_models import (
    Competition,
    CompetitionEntry,
    CompetitionTeam,
    TeamMember,
)
from unionDesk.store.db import Database
from unionDesk.store.models import Member
from unionDesk.store.selection_models import Honour

ENTRY_RECORD = "competition_entry"
TEAM_RECORD = "team"


def create_team(
    db: Database, actor: Actor, competition_id: int, name: str, member_ids: Sequence[int]
) -> int:
    """Add a team and its entry to a competition; returns the team's id.

    Raises:
        ValidationFailed: the name is missing or taken, the team has no members, or a member
            cannot enter (not active, removed, or entered already), each member named.
        NotFound: the competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    clean = clean_team_name(name)
    wanted = list(dict.fromkeys(member_ids))
    now = datetime.now()
    with db.write() as session:
        competition = live_competition(session, competition_id)
        _refuse_taken_name(session, competition, clean)
        members = _entrants(session, competition, _non_empty(wanted))
        team = CompetitionTeam(competition_id=competition.id, name=clean, created_at=now)
        session.add(team)
        session.flush()
        session.add_all(TeamMember(team_id=team.id, member_id=m.id) for m in members)
        entry = CompetitionEntry(
            competition_id=competition.id,
            team_id=team.id,
            scores="{}",
            created_at=now,
            updated_at=now,
        )
        session.add(entry)
        session.flush()
        summary = f"{competition.name}: {clean}"
        team_changes = {"name": (None, clean), "members": (None, _names(members))}
        record(session, actor, Action.CREATE, TEAM_RECORD, team.id, summary, team_changes)
        record(session, actor, Action.CREATE, ENTRY_RECORD, entry.id, summary)
        return team.id


def set_team_members(db: Database, actor: Actor, team_id: int, member_ids: Sequence[int]) -> None:
    """Replace the members of a team; those added must be able to enter.

    Raises:
        ValidationFailed: no members, a member added cannot enter, or the team withdrew.
        NotFound: the team or its competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    wanted = _non_empty(list(dict.fromkeys(member_ids)))
    with db.write() as session:
        team, competition = _live_team(session, team_id)
        current = list(session.scalars(select(TeamMember).where(TeamMember.team_id == team.id)))
        kept = {row.member_id for row in current}
        before = _names(_members(session, sorted(kept)))
        added = _entrants(session, competition, [i for i in wanted if i not in kept], team=team)
        for row in current:
            if row.member_id not in wanted:
                session.delete(row)
        session.add_all(TeamMember(team_id=team.id, member_id=m.id) for m in added)
        session.flush()
        after = _names(_members(session, wanted))
        if before != after:
            summary = f"{competition.name}: {team.name}"
            changes = {"members": (before, after)}
            record(session, actor, Action.UPDATE, TEAM_RECORD, team.id, summary, changes)


def add_member_entries(
    db: Database, actor: Actor, competition_id: int, member_ids: Sequence[int]
) -> list[int]:
    """Enter members individually, all or none; returns the new entry ids in the given order.

    Raises:
        ValidationFailed: no members chosen, or a member cannot enter (not active, removed,
            or entered already), each member named.
        NotFound: the competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    wanted = list(dict.fromkeys(member_ids))
    if not wanted:
        text = QT_TRANSLATE_NOOP("Validation", "Choose at least one member to enter.")
        raise ValidationFailed([problem(MEMBERS_FIELD, text)])
    now = datetime.now()
    with db.write() as session:
        competition = live_competition(session, competition_id)
        members = _entrants(session, competition, wanted)
        entries = [
            CompetitionEntry(
                competition_id=competition.id,
                member_id=member.id,
                scores="{}",
                created_at=now,
                updated_at=now,
            )
            for member in members
        ]
        session.add_all(entries)
        session.flush()
        for entry, member in zip(entries, members, strict=True):
            summary = f"{competition.name}: {member.name}"
            record(session, actor, Action.CREATE, ENTRY_RECORD, entry.id, summary)
        return [entry.id for entry in entries]


def withdraw_entry(db: Database, actor: Actor, entry_id: int, reason: str) -> None:
    """退赛: take an entry out of the score sheet and the ranking; its row and scores are kept.

    Raises:
        ValidationFailed: the reason is missing or too long.
        NotFound: the entry withdrew already, or its competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    reason = clean_reason(reason)
    with db.write() as session:
        entry, competition = _live_entry(session, entry_id)
        entry.withdrawn_at = entry.updated_at = datetime.now()
        summary = f"{competition.name}: {_entry_name(session, entry)}: {reason}"
        changes = {"withdrawn": (False, True)}
        record(session, actor, Action.STATUS_CHANGE, ENTRY_RECORD, entry.id, summary, changes)


def save_scores(
    db: Database,
    actor: Actor,
    competition_id: int,
    changes: Mapping[int, Mapping[str, Decimal | None]],
) -> None:
    """Save typed scores (entry id -> line key -> score; None clears it), all or none.

    Problems have the field ``"entries.{entry id}.{line key}"`` (``"entries.{entry id}"`` for
    a whole entry) and name the entry and the line. Each changed entry is audited with its
    scores before and after.

    Raises:
        ValidationFailed: every problem: a score out of range or with too many decimals, an
            unknown line, an entry that withdrew or belongs to another competition.
        NotFound: the competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    with db.write() as session:
        competition = live_competition(session, competition_id)
        scheme = scheme_of(competition)
        entries = {
            e.id: e
            for e in session.scalars(
                select(CompetitionEntry).where(CompetitionEntry.id.in_(list(changes)))
            )
        }
        found: list[Problem] = []
        updates: list[tuple[CompetitionEntry, str, dict[str, Decimal], dict[str, Decimal]]] = []
        for entry_id, typed in changes.items():
            entry = entries.get(entry_id)
            if entry is None or entry.competition_id != competition.id or entry.withdrawn_at:
                found.append(_not_on_sheet(session, entry_id, entry))
                continue
            name = _entry_name(session, entry)
            before = scores_from_json(entry.scores)
            after = {k: v for k, v in ({**before, **typed}).items() if v is not None}
            found += sheet_problems(scheme, entry_id, name, after)
            updates.append((entry, name, before, after))
        if found:
            raise ValidationFailed(found)
        now = datetime.now()
        for entry, name, before, after in updates:
            if before == after:
                continue
            entry.scores, entry.updated_at = scores_to_json(after), now
            summary = f"{competition.name}: {name}"
            audited = diff(score_texts(before), score_texts(after))
            record(session, actor, Action.UPDATE, ENTRY_RECORD, entry.id, summary, audited)


def _not_on_sheet(session: Session, entry_id: int, entry: CompetitionEntry | None) -> Problem:
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "{entry} has withdrawn or is not an entry of this competition, so its scores cannot "
        "be saved. Refresh the score sheet.",
    )
    shown = _entry_name(session, entry) if entry is not None else f"#{entry_id}"
    return problem(f"entries.{entry_id}", text, entry=shown)


def record_prize_as_honour(
    db: Database,
    actor: Actor,
    entry_id: int,
    level: HonourLevel,
    awarding_body: str,
    *,
    year: int | None = None,
    today: date | None = None,
) -> list[int]:
    """Record an entry's prize as an honour of each person in it; returns the honour ids.

    The title is the competition's name and the prize (2026年数控车工技能竞赛一等奖); the
    year is ``year``, else the year the competition ended (or started). A team's members who
    were removed from the register get none.

    Raises:
        ValidationFailed: the entry has no prize, its prize is already recorded, or the
            honour's fields are wrong (awarding body missing, year after ``today``).
        NotFound: the entry withdrew or its competition was deleted.
    """
    require(actor, Permission.EDIT_ACTIVITIES)
    require(actor, Permission.EDIT_MEMBERS)
    with db.write() as session:
        entry, competition = _live_entry(session, entry_id)
        row = next(r for r in sheet_of(session, competition, {}).rows if r.entry_id == entry.id)
        if row.prize is None:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "{entry} has no prize in {competition}, so there is nothing to record as an "
                "honour.",
            )
            raise ValidationFailed(
                [problem("", text, entry=row.name, competition=competition.name)]
            )
        _refuse_second_recording(session, entry, row.name)
        award_year = (
            year if year is not None else (competition.ends_on or competition.starts_on).year
        )
        draft = validate_honour(
            HonourDraft(
                honour_title(competition.name, row.prize), level, award_year, awarding_body
            ),
            today=today or date.today(),
        )
        assert draft.level is not None and draft.year is not None  # validate_honour requires
        ids = [entry.member_id] if entry.member_id is not None else _team_member_ids(session, entry)
        now = datetime.now()
        honour_ids = []
        for member in _members(session, ids):
            if member.deleted_at is not None:
                continue
            honour = Honour(
                member_id=member.id,
                title=draft.title,
                level=draft.level.value,
                year=draft.year,
                awarding_body=draft.awarding_body,
                notes="",
                entry_id=entry.id,
                created_at=now,
                updated_at=now,
            )
            session.add(honour)
            session.flush()
            audited = {"title": draft.title, "level": draft.level, "year": draft.year}
            audited |= {"awarding_body": draft.awarding_body, "entry_id": entry.id}
            summary = f"{member.name}: {draft.title}"
            record(
                session, actor, Action.CREATE, HONOUR_RECORD, honour.id, summary, diff({}, audited)
            )
            honour_ids.append(honour.id)
        return honour_ids


def _refuse_second_recording(session: Session, entry: CompetitionEntry, name: str) -> None:
    recorded = session.scalar(
        select(func.count())
        .select_from(Honour)
        .where(Honour.entry_id == entry.id, Honour.deleted_at.is_(None))
    )
    if recorded:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The prize of {entry} is already recorded as an honour. Open the member's honours "
            "to change it.",
        )
        raise ValidationFailed([problem("", text, entry=name)])


def _entrants(
    session: Session,
    competition: Competition,
    member_ids: Sequence[int],
    *,
    team: CompetitionTeam | None = None,
) -> list[Member]:
    """The members of ``member_ids``, in order, if every one of them may enter.

    Raises:
        ValidationFailed: one problem per member who may not enter (``team``'s own members
            do not count as entered), naming them.
    """
    found = {m.id: m for m in _members(session, member_ids)}
    taken = _taken(session, competition.id, None if team is None else team.id)
    facts = [
        Entrant(
            name=member.name,
            on_register=member.deleted_at is None,
            active=member.status == MemberStatus.ACTIVE.value,
            entered_with=taken.get(member.id),
        )
        if member is not None
        else None
        for member in (found.get(member_id) for member_id in member_ids)
    ]
    problems = entrant_problems(competition.name, facts)
    if problems:
        raise ValidationFailed(problems)
    return [found[member_id] for member_id in member_ids]


def _taken(session: Session, competition_id: int, own_team: int | None) -> dict[int, str]:
    """Member id -> the team name of their live entry in the competition ("" when alone)."""
    taken = {
        member_id: ""
        for member_id in session.scalars(
            select(CompetitionEntry.member_id).where(
                CompetitionEntry.competition_id == competition_id,
                CompetitionEntry.member_id.is_not(None),
                CompetitionEntry.withdrawn_at.is_(None),
            )
        )
        if member_id is not None
    }
    in_teams = (
        select(TeamMember.member_id, CompetitionTeam.name)
        .join(CompetitionTeam, CompetitionTeam.id == TeamMember.team_id)
        .join(CompetitionEntry, CompetitionEntry.team_id == CompetitionTeam.id)
        .where(
            CompetitionEntry.competition_id == competition_id,
            CompetitionEntry.withdrawn_at.is_(None),
            CompetitionTeam.id != (own_team or 0),
        )
    )
    taken.update({member_id: name for member_id, name in session.execute(in_teams)})
    return taken


def _refuse_taken_name(session: Session, competition: Competition, name: str) -> None:
    same = session.scalar(
        select(func.count())
        .select_from(CompetitionTeam)
        .join(CompetitionEntry, CompetitionEntry.team_id == CompetitionTeam.id)
        .where(
            CompetitionTeam.competition_id == competition.id,
            CompetitionTeam.name == name,
            CompetitionEntry.withdrawn_at.is_(None),
        )
    )
    if same:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "{competition} already has a team called {name}. Give each team its own name.",
        )
        raise ValidationFailed([problem("name", text, competition=competition.name, name=name)])


def _non_empty(member_ids: list[int]) -> list[int]:
    if not member_ids:
        raise ValidationFailed([no_team_members()])
    return member_ids


def _live_entry(session: Session, entry_id: int) -> tuple[CompetitionEntry, Competition]:
    entry = session.get(CompetitionEntry, entry_id)
    if entry is None or entry.withdrawn_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "This entry has withdrawn from the competition or no longer exists. Refresh the "
            "score sheet.",
        )
        raise NotFound(problem("", text))
    return entry, live_competition(session, entry.competition_id)


def _live_team(session: Session, team_id: int) -> tuple[CompetitionTeam, Competition]:
    team = session.get(CompetitionTeam, team_id)
    entry = session.scalar(select(CompetitionEntry).where(CompetitionEntry.team_id == team_id))
    if team is None or entry is None:
        text = QT_TRANSLATE_NOOP("Validation", "This team no longer exists. Refresh the list.")
        raise NotFound(problem("", text))
    competition = live_competition(session, team.competition_id)
    if entry.withdrawn_at is not None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The team {name} has withdrawn from the competition, so its members can no longer "
            "be changed.",
        )
        raise ValidationFailed([problem(MEMBERS_FIELD, text, name=team.name)])
    return team, competition


def _entry_name(session: Session, entry: CompetitionEntry) -> str:
    if entry.member_id is not None:
        member = session.get(Member, entry.member_id)
        return member.name if member is not None else ""
    team = session.get(CompetitionTeam, entry.team_id)
    return team.name if team is not None else ""


def _team_member_ids(session: Session, entry: CompetitionEntry) -> list[int]:
    return list(
        session.scalars(select(TeamMember.member_id).where(TeamMember.team_id == entry.team_id))
    )


def _members(session: Session, member_ids: Sequence[int]) -> list[Member]:
    """The members of ``member_ids`` that exist, by pinyin order of name."""
    statement = (
        select(Member).where(Member.id.in_(list(member_ids))).order_by(Member.name_sort, Member.id)
    )
    return list(session.scalars(statement))


def _names(members: Sequence[Member]) -> str:
    return "、".join(member.name for member in members)
