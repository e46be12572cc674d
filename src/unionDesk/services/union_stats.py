"""Union work statistics (工会工作统计表): membership, its changes and selection outcomes.

The figures the quarterly and yearly statistics need that no screen computed before. Who is a
member on a day is read from the membership history, not from the current status: a member
counts on ``on`` when not deleted from the register and the last change effective on or before
``on`` admitted them (join or transfer in), the same rule ``event_stats.members_in_period``
uses. Sex, birth date, skill level, political status, 农民工 and 户籍 are the values on the
register now: the register keeps no history of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.culture import period_problems
from unionDesk.domain.enums import ChangeKind, HukouRegion, PoliticalStatus, Sex, SkillLevel
from unionDesk.domain.pinyin import sort_key
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.events import ONE_DAY, day_start
from unionDesk.services.permissions import require
from unionDesk.store.db import Database
from unionDesk.store.models import Member, MembershipChange
from unionDesk.store.selection_models import AwardProgram, Candidate, CandidateTransition

# Age bands of the statistics (full years on the day counted): ≤35, 36–45, 46–54, ≥55.
AGE_BANDS: tuple[tuple[int | None, int | None], ...] = ((None, 35), (36, 45), (46, 54), (55, None))
_ADMITTING = [kind.value for kind in ChangeKind if kind.admits]


@dataclass(frozen=True)
class AgeBand:
    """Members of one age band: ``lowest`` to ``highest`` full years (None: open-ended)."""

    lowest: int | None
    highest: int | None
    count: int


@dataclass(frozen=True)
class Composition:
    """The members on the register on a day, and how they are made up.

    Every breakdown lists each value in its enum's order, zeros included, and adds up to
    ``total``.

    Attributes:
        on: the day counted.
        total: members on the register that day.
        by_sex: members per sex.
        by_age: members per band of ``AGE_BANDS``, by age in full years on ``on``.
        by_skill: members per skill level.
        by_political: members per political status.
        migrant_workers: members who are 农民工.
        non_local: members whose 户籍 is outside this city (非京籍).
    """

    on: date
    total: int
    by_sex: tuple[tuple[Sex, int], ...]
    by_age: tuple[AgeBand, ...]
    by_skill: tuple[tuple[SkillLevel, int], ...]
    by_political: tuple[tuple[PoliticalStatus, int], ...]
    migrant_workers: int
    non_local: int


@dataclass(frozen=True)
class MembershipChanges:
    """Joins and leaves of a period: ``opening + admitted - left == closing``.

    Attributes:
        first: the first day of the period.
        last: the last day of the period (included).
        opening: members on the register the day before ``first``.
        by_kind: changes effective in the period per kind, every kind in ``ChangeKind`` order.
        admitted: joins and transfers in.
        left: transfers out, withdrawals, expulsions and deaths.
        closing: members on the register on ``last``.
    """

    first: date
    last: date
    opening: int
    by_kind: tuple[tuple[ChangeKind, int], ...]
    admitted: int
    left: int
    closing: int


@dataclass(frozen=True)
class OutcomeCounts:
    """What happened to the candidates of a program (or of all programs) in a period.

    Attributes:
        submitted: nominations handed in (已推荐) in the period, each candidate once.
        approved: candidates approved (通过) in the period.
        rejected: candidates not approved (未通过) in the period.
        withdrawn: nominations withdrawn (撤回) in the period.
        pending: at the end of the period, handed in and not yet decided.
    """

    submitted: int
    approved: int
    rejected: int
    withdrawn: int
    pending: int


@dataclass(frozen=True)
class ProgramOutcomes:
    """One program's line of the selection statistics."""

    program_id: int
    name: str
    honour_title: str
    year: int
    counts: OutcomeCounts


@dataclass(frozen=True)
class Decision:
    """A candidate approved, not approved or withdrawn in the period."""

    candidate_id: int
    name: str  # the member's name
    program_id: int
    program: str
    honour_title: str
    category: str
    nominating_unit: str
    state: CandidateState
    decided_on: date


@dataclass(frozen=True)
class CandidateOutcomes:
    """Selection statistics of a period.

    Attributes:
        first: the first day of the period.
        last: the last day of the period (included).
        programs: the programs with something to count, newest year first, then by name.
        totals: the sums over ``programs``.
        decisions: the decisions of the period, by day, then program and member name.
    """

    first: date
    last: date
    programs: tuple[ProgramOutcomes, ...]
    totals: OutcomeCounts
    decisions: tuple[Decision, ...]


def membership_composition(db: Database, actor: Actor, on: date) -> Composition:
    """The members on the register on ``on`` and their make-up (sex, age, skill, politics)."""
    require(actor, Permission.VIEW_MEMBERS)
    groups = (
        Member.sex,
        _age_band(on),
        Member.skill_level,
        Member.political_status,
        Member.migrant_worker,
        Member.hukou_region,
    )
    statement = (
        select(*groups, func.count()).where(Member.id.in_(_members_on(on))).group_by(*groups)
    )
    sexes: Counter[str] = Counter()
    bands: Counter[int] = Counter()
    skills: Counter[str] = Counter()
    politics: Counter[str] = Counter()
    migrant_workers = non_local = 0
    with db.read() as session:
        rows = session.execute(statement).all()
    for sex, band, skill, political, migrant, region, count in rows:
        sexes[sex] += count
        bands[band] += count
        skills[skill] += count
        politics[political] += count
        migrant_workers += count if migrant else 0
        non_local += count if region == HukouRegion.OTHER.value else 0
    return Composition(
        on=on,
        total=sum(sexes.values()),
        by_sex=tuple((sex, sexes[sex.value]) for sex in Sex),
        by_age=tuple(
            AgeBand(lowest, highest, bands[index])
            for index, (lowest, highest) in enumerate(AGE_BANDS)
        ),
        by_skill=tuple((level, skills[level.value]) for level in SkillLevel),
        by_political=tuple((status, politics[status.value]) for status in PoliticalStatus),
        migrant_workers=migrant_workers,
        non_local=non_local,
    )


def membership_changes(db: Database, actor: Actor, first: date, last: date) -> MembershipChanges:
    """Joins and leaves effective from ``first`` to ``last``, with the counts on either side.

    Members deleted from the register are left out, as they are from every count.

    Raises:
        ValidationFailed: the period ends before it starts or is longer than ten years (field
            keys ``"first"`` and ``"last"``).
    """
    require(actor, Permission.VIEW_MEMBERS)
    _check_period(first, last)
    statement = (
        select(MembershipChange.kind, func.count())
        .join(Member, Member.id == MembershipChange.member_id)
        .where(
            Member.deleted_at.is_(None),
            MembershipChange.effective_on >= first,
            MembershipChange.effective_on <= last,
        )
        .group_by(MembershipChange.kind)
    )
    with db.read() as session:
        counts = {kind: count for kind, count in session.execute(statement)}
        opening = _count_on(session, first - ONE_DAY)
        closing = _count_on(session, last)
    by_kind = tuple((kind, counts.get(kind.value, 0)) for kind in ChangeKind)
    return MembershipChanges(
        first=first,
        last=last,
        opening=opening,
        by_kind=by_kind,
        admitted=sum(count for kind, count in by_kind if kind.admits),
        left=sum(count for kind, count in by_kind if not kind.admits),
        closing=closing,
    )


def candidate_outcomes(db: Database, actor: Actor, first: date, last: date) -> CandidateOutcomes:
    """Nominations handed in, decided and still pending, per program, from the history.

    A candidate's state at the end of the period is the target of its last transition up to
    then; a decision counts on the day of its transition (通过, 未通过 and 撤回 are final, so a
    candidate is decided once).

    Raises:
        ValidationFailed: the period ends before it starts or is longer than ten years (field
            keys ``"first"`` and ``"last"``).
    """
    require(actor, Permission.VIEW_SELECTION)
    _check_period(first, last)
    start, end = day_start(first), day_start(last + ONE_DAY)
    history = _History()
    with db.read() as session:
        moves = session.execute(
            select(
                CandidateTransition.candidate_id,
                CandidateTransition.to_state,
                CandidateTransition.at,
            )
            .where(CandidateTransition.at < end)
            .order_by(CandidateTransition.id)
        )
        for candidate_id, to_state, at in moves:
            history.add(candidate_id, CandidateState(to_state), at if at >= start else None)
        details = _candidate_details(session, history.counted())
    by_program: dict[int, list[int]] = {}
    for candidate_id in sorted(details):
        by_program.setdefault(details[candidate_id].program_id, []).append(candidate_id)
    programs = [
        ProgramOutcomes(
            program_id=program_id,
            name=details[ids[0]].program,
            honour_title=details[ids[0]].honour_title,
            year=details[ids[0]].year,
            counts=history.counts(ids),
        )
        for program_id, ids in by_program.items()
    ]
    programs.sort(key=lambda line: (-line.year, sort_key(line.name), line.program_id))
    decisions = [
        details[candidate_id].decision(candidate_id, history.state_at_end[candidate_id], day)
        for candidate_id, day in history.decided.items()
    ]
    decisions.sort(
        key=lambda d: (d.decided_on, sort_key(d.program), sort_key(d.name), d.candidate_id)
    )
    return CandidateOutcomes(
        first=first,
        last=last,
        programs=tuple(programs),
        totals=history.counts(sorted(details)),
        decisions=tuple(decisions),
    )


def _check_period(first: date, last: date) -> None:
    problems = period_problems(first, last)
    if problems:
        raise ValidationFailed(problems)


def _members_on(on: date) -> Select[int]:
    """Ids of the members on the register on ``on`` (a subquery)."""
    # Changes are recorded in date order, so the highest id up to ``on`` is the last change.
    last_change = (
        select(func.max(MembershipChange.id).label("id"))
        .where(MembershipChange.effective_on <= on)
        .group_by(MembershipChange.member_id)
        .subquery()
    )
    return (
        select(MembershipChange.member_id)
        .join(last_change, last_change.c.id == MembershipChange.id)
        .join(Member, Member.id == MembershipChange.member_id)
        .where(MembershipChange.kind.in_(_ADMITTING), Member.deleted_at.is_(None))
    )


def _count_on(session: Session, on: date) -> int:
    return session.scalar(select(func.count()).select_from(_members_on(on).subquery())) or 0


def _age_band(on: date) -> ColumnElement[int]:
    """The index in ``AGE_BANDS`` of a member's age in full years on ``on``."""
    limits = [
        (Member.birth_date > _latest_birth(on, highest + 1), index)
        for index, (_, highest) in enumerate(AGE_BANDS)
        if highest is not None
    ]
    return case(*limits, else_=len(AGE_BANDS) - 1)


def _latest_birth(on: date, years: int) -> date:
    """The last birth day of someone ``years`` full years old on ``on`` (29 Feb → 28 Feb)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # ``on`` is 29 February and that year is a common one
        return date(on.year - years, 2, 28)


def _pending(state: CandidateState) -> bool:
    return not state.final and state is not CandidateState.DRAFT


class _History:
    """What the transitions up to the end of a period say about each candidate."""

    def __init__(self) -> None:
        self.state_at_end: dict[int, CandidateState] = {}
        self.submitted: set[int] = set()
        self.decided: dict[int, date] = {}

    def add(self, candidate_id: int, state: CandidateState, in_period: datetime | None) -> None:
        """Take in one transition (in recorded order); ``in_period``: its time, if in the period."""
        self.state_at_end[candidate_id] = state
        if in_period is None:
            return
        if state is CandidateState.NOMINATED:
            self.submitted.add(candidate_id)
        elif state.final:
            self.decided[candidate_id] = in_period.date()

    def counted(self) -> set[int]:
        """The candidates with something to count: handed in, decided or pending."""
        pending = {c for c, state in self.state_at_end.items() if _pending(state)}
        return self.submitted | set(self.decided) | pending

    def counts(self, ids: list[int]) -> OutcomeCounts:
        """The counts over the candidates ``ids``."""
        finals = Counter(self.state_at_end[i] for i in ids if i in self.decided)
        return OutcomeCounts(
            submitted=sum(1 for i in ids if i in self.submitted),
            approved=finals[CandidateState.APPROVED],
            rejected=finals[CandidateState.REJECTED],
            withdrawn=finals[CandidateState.WITHDRAWN],
            pending=sum(1 for i in ids if _pending(self.state_at_end[i])),
        )


@dataclass(frozen=True)
class _Details:
    """A candidate's program and names, as the statistics print them."""

    program_id: int
    program: str
    honour_title: str
    year: int
    name: str
    category: str
    nominating_unit: str

    def decision(self, candidate_id: int, state: CandidateState, day: date) -> Decision:
        return Decision(
            candidate_id=candidate_id,
            name=self.name,
            program_id=self.program_id,
            program=self.program,
            honour_title=self.honour_title,
            category=self.category,
            nominating_unit=self.nominating_unit,
            state=state,
            decided_on=day,
        )


def _candidate_details(session: Session, ids: set[int]) -> dict[int, _Details]:
    """Candidate id -> its program and names."""
    rows = session.execute(
        select(
            Candidate.id,
            AwardProgram.id,
            AwardProgram.name,
            AwardProgram.honour_title,
            AwardProgram.year,
            Member.name,
            Candidate.category,
            Candidate.nominating_unit,
        )
        .join(AwardProgram, AwardProgram.id == Candidate.program_id)
        .join(Member, Member.id == Candidate.member_id)
        .where(Candidate.id.in_(sorted(ids)))
    )
    return {
        candidate_id: _Details(program_id, program, title, year, name, category, unit)
        for candidate_id, program_id, program, title, year, name, category, unit in rows
    }
