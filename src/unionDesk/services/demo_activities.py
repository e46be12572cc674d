"""Demo data for the competitions and culture-events pages (竞赛, 活动).

Everything is written through the services, so it is checked and audited like an officer's
work, on fixed dates of 2026 up to the demo's ``TODAY``, from a seeded random source: a 安康杯
assessment of the workshops, a skills competition with 30 entrants, ranks and prizes, a team
competition of the 班组, a district competition not scored yet, and a year of culture events of
every type with attendance. People are chosen among the active members who had joined by then.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.competition import CompetitionLevel, CompetitionType, Prize, total
from unionDesk.domain.competition_form import CompetitionDraft
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import (
    Part,
    SchemeKind,
    ScoringScheme,
    ankang_preset,
    weighted_parts_preset,
)
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.enums import MemberStatus
from unionDesk.domain.honours import HonourLevel
from unionDesk.services.competition_entries import (
    add_member_entries,
    create_team,
    record_prize_as_honour,
    save_scores,
    withdraw_entry,
)
from unionDesk.services.competitions import create_competition, entry_sheet, list_competitions
from unionDesk.services.departments import DepartmentNode, list_departments
from unionDesk.services.events import (
    create_event,
    department_member_ids,
    list_events,
    set_attendance,
)
from unionDesk.services.members import search_members
from unionDesk.store.db import Database
from unionDesk.store.models import Member

TODAY = date(2026, 11, 21)  # the demo's "today", as in demo.py
NOW = datetime(2026, 11, 21, 17, 0)
MIN_MEMBERS = 60  # fewer active members cannot fill the skills competition and the teams
SKILLS_ENTRANTS = 30
TEAM_SIZE = 5
ANKANG_TEAM_SIZE = 4  # each workshop's safety officers
UNION = "示范机械制造有限公司工会委员会"
ANKANG = CompetitionDraft(
    name="2026年度“安康杯”竞赛",
    kind=CompetitionType.ANKANG,
    trade="",
    level=CompetitionLevel.ENTERPRISE,
    starts_on=date(2026, 3, 1),
    ends_on=date(2026, 10, 31),
    organiser="公司工会、安全环保部",
    venue="各车间、部门",
    scheme=ankang_preset(),
    prize_bands=(PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 1), PrizeBand(Prize.THIRD, 1)),
    notes="按“安康杯”竞赛考核细则对各车间、部门进行年度考核，90分及以上为达标。",
)
SKILLS = CompetitionDraft(
    name="2026年数控车工技能竞赛",
    kind=CompetitionType.SKILLS,
    trade="数控车工",
    level=CompetitionLevel.ENTERPRISE,
    starts_on=date(2026, 9, 8),
    ends_on=date(2026, 9, 10),
    organiser="公司工会、人力资源部",
    venue="机加工车间实训基地",
    scheme=weighted_parts_preset(),
    prize_bands=(
        PrizeBand(Prize.FIRST, 1),
        PrizeBand(Prize.SECOND, 2),
        PrizeBand(Prize.THIRD, 3),
        PrizeBand(Prize.EXCELLENCE, 6),
    ),
    notes="理论知识占30%，实际操作占70%；总分相同时名次并列。",
)
SKILLS_TRADES = ("数控车工", "车工", "铣工")  # entrants come from these trades first
TEAM_SCHEME = ScoringScheme(
    SchemeKind.WEIGHTED_PARTS,
    parts=(
        Part("output", "生产任务完成", Decimal(100), Decimal(40)),
        Part("quality", "产品质量", Decimal(100), Decimal(30)),
        Part("safety", "安全文明生产", Decimal(100), Decimal(20)),
        Part("suggestions", "合理化建议", Decimal(100), Decimal(10)),
    ),
)
TEAMS = CompetitionDraft(
    name="2026年“提质增效”班组劳动竞赛",
    kind=CompetitionType.LABOUR,
    trade="",
    level=CompetitionLevel.ENTERPRISE,
    starts_on=date(2026, 4, 1),
    ends_on=date(2026, 9, 30),
    organiser="公司工会、生产管理部",
    venue="各生产班组",
    scheme=TEAM_SCHEME,
    prize_bands=(PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 2), PrizeBand(Prize.THIRD, 2)),
    notes="以班组为单位参赛，按月考核、年度汇总。",
)
DISTRICT = CompetitionDraft(  # after TODAY: entered, not scored yet
    name="2026年朝阳区职工焊工技能竞赛",
    kind=CompetitionType.SKILLS,
    trade="焊工",
    level=CompetitionLevel.DISTRICT,
    starts_on=date(2026, 12, 8),
    ends_on=date(2026, 12, 9),
    organiser="北京市朝阳区总工会",
    venue="朝阳区职业技能实训基地",
    scheme=weighted_parts_preset(),
    notes="公司选派4名选手参赛。",
)
DISTRICT_ENTRANTS = 4
WITHDRAWAL = "因参加集团技术攻关项目，本人申请退赛。"
# How an event's attendance is picked: a whole workshop or 班组 at once, by name searches, or
# among the members who signed up.
WORKSHOP, TEAM, SEARCH, SIGNUP = "workshop", "team", "search", "signup"
SEARCHES = ("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "zh", "wj", "lj", "cx")
MAX_ATTENDEES = 600  # a whole workshop of a large demo register is sampled down to this
ORGANISER = "公司工会"
_E = EventType
# (month, day, hour, type, title, venue, hours, attendance, at most this many guests); every
# month also has the events of ``_monthly``.
EventPlan = tuple[int, int, int, EventType, str, str, str, str, int]
EVENTS: tuple[EventPlan, ...] = (
    (1, 16, 14, _E.OTHER, "新春游园猜灯谜活动", "职工之家", "2.0", SIGNUP, 20),
    (2, 26, 14, _E.MENTAL_CARE, "节后返岗心理调适讲座", "培训中心报告厅", "1.5", SIGNUP, 0),
    (3, 6, 14, _E.OTHER, "“三八”妇女节女职工插花活动", "职工之家", "2.0", SEARCH, 5),
    (3, 20, 9, _E.THEME_EDUCATION, "学雷锋志愿服务主题教育", "多功能厅", "2.0", TEAM, 0),
    (4, 23, 15, _E.READING, "世界读书日“书香职工”分享会", "职工书屋", "2.0", SEARCH, 10),
    (4, 28, 9, _E.ROLE_MODEL_TALK, "劳模工匠进车间宣讲", "车间会议室", "1.5", WORKSHOP, 3),
    (5, 14, 8, _E.EDUCATION_BASE, "参观爱国主义教育基地", "教育基地", "4.0", SIGNUP, 0),
    (5, 23, 8, _E.FITNESS, "职工健步走", "奥林匹克森林公园", "3.0", SIGNUP, 30),
    (6, 10, 9, _E.THEME_EDUCATION, "“安全生产月”警示教育", "报告厅", "2.0", WORKSHOP, 0),
    (6, 18, 14, _E.ARTS_FESTIVAL, "职工文化艺术节合唱选拔赛", "多功能厅", "3.0", SIGNUP, 40),
    (7, 9, 14, _E.MENTAL_CARE, "职工心理健康团体辅导", "心理关爱驿站", "2.0", TEAM, 0),
    (7, 24, 8, _E.EDUCATION_BASE, "参观安全生产警示教育基地", "警示教育基地", "4.0", TEAM, 0),
    (8, 20, 9, _E.ARTS_FESTIVAL, "职工文化艺术节书画摄影展", "职工之家", "3.0", SEARCH, 60),
    (9, 16, 14, _E.ROLE_MODEL_TALK, "大国工匠事迹宣讲会", "报告厅", "1.5", SIGNUP, 15),
    (9, 30, 15, _E.OTHER, "中秋国庆职工游园会", "厂区广场", "2.5", WORKSHOP, 80),
    (10, 15, 18, _E.ARTS_FESTIVAL, "职工文化艺术节歌手大赛", "多功能厅", "3.0", SIGNUP, 50),
    (10, 28, 9, _E.THEME_EDUCATION, "“劳动创造幸福”主题教育", "多功能厅", "2.0", TEAM, 0),
    (11, 6, 9, _E.MENTAL_CARE, "职工心理关爱咨询日", "心理关爱驿站", "1.0", SEARCH, 0),
    (11, 18, 14, _E.ROLE_MODEL_TALK, "青年职工与劳模面对面", "职工之家", "2.0", SIGNUP, 5),
)


@dataclass(frozen=True)
class ActivitiesDemo:
    """What ``fill_activities_demo`` added."""

    competition_ids: tuple[int, ...]  # 安康杯, skills, team and district competitions
    entries: int  # member and team entries, a withdrawn one included
    events: int  # culture events
    attendances: int  # member attendances over all events


@dataclass(frozen=True)
class _Person:
    member_id: int
    trade: str
    joined: date


def fill_activities_demo(db: Database, seed: int = 20261121) -> ActivitiesDemo | None:
    """Add the demo competitions with entries and scores, and a year of culture events.

    Returns:
        What was added; None when competitions or events exist already, or when there are
        fewer than ``MIN_MEMBERS`` active members.
    """
    if list_competitions(db, CLI_ACTOR) or list_events(db, CLI_ACTOR):
        return None
    people = _people(db)
    if len(people) < MIN_MEMBERS:
        return None
    rng = random.Random(seed)
    nodes = list_departments(db, CLI_ACTOR)
    workshops, teams = _at_depth(nodes, 1), _at_depth(nodes, 2)
    builder = _Builder(db, rng, people)
    ankang, ankang_entries = builder.teams_of(ANKANG, workshops, ANKANG_TEAM_SIZE)
    skills, skills_entries = builder.skills()
    labour, team_entries = builder.teams_of(TEAMS, teams, TEAM_SIZE)
    district, district_entries = builder.district()
    events, attendances = _Events(db, rng, nodes, builder).add()
    entries = ankang_entries + skills_entries + team_entries + district_entries
    return ActivitiesDemo((ankang, skills, labour, district), entries, events, attendances)


def _monthly(month: int) -> list[EventPlan]:
    """The events of every month: workplace exercises of a workshop, and the reading club."""
    return [
        (month, 12, 16, _E.FITNESS, f"{month}月工间操集中练习", "厂区运动场", "0.5", WORKSHOP, 0),
        (month, 19, 18, _E.READING, f"职工书屋读书分享会第{month}期", "职工书屋", "1.5", SEARCH, 5),
    ]


def _people(db: Database) -> list[_Person]:
    """The active members, by id."""
    with db.read() as session:
        rows = session.execute(
            select(Member.id, Member.trade, Member.join_date)
            .where(Member.deleted_at.is_(None), Member.status == MemberStatus.ACTIVE.value)
            .order_by(Member.id)
        ).all()
    return [_Person(member_id, trade, joined) for member_id, trade, joined in rows]


def _at_depth(nodes: Sequence[DepartmentNode], depth: int) -> list[DepartmentNode]:
    """The departments at ``depth``: 1 for workshops (车间, 部门), 2 for their 班组."""
    return [node for node in nodes if node.depth == depth]


def _scores(
    rng: random.Random, scheme: ScoringScheme, entries: Sequence[int], low: float, high: float
) -> dict[int, dict[str, Decimal]]:
    """Scores in half points for ``entries``, each near a quality from ``low`` to ``high``.

    No two entries get the same total, so the only ties are those the demo makes on purpose.
    """
    scores: dict[int, dict[str, Decimal]] = {}
    totals: set[Decimal] = set()
    for entry in entries:
        values = _values(rng, scheme, rng.uniform(low, high))
        while total(scheme, values) in totals:
            values = _values(rng, scheme, rng.uniform(low, high))
        totals.add(total(scheme, values))
        scores[entry] = values
    return scores


def _values(rng: random.Random, scheme: ScoringScheme, quality: float) -> dict[str, Decimal]:
    """One entry's scores near ``quality`` (a share of each maximum), in half points."""
    values = {}
    for line in scheme.lines:
        maximum = float(line.max_points)
        share = min(1.0, max(0.0, rng.gauss(quality, 0.05)))
        values[line.key] = Decimal(round(maximum * share * 2)) / 2
    return values


class _Builder:
    """Writes the competitions through the services, as the command line's actor."""

    def __init__(self, db: Database, rng: random.Random, people: list[_Person]) -> None:
        self.db, self.rng, self.people = db, rng, people

    def joined(self, day: date) -> set[int]:
        """Active members who had joined by ``day``."""
        return {person.member_id for person in self.people if person.joined <= day}

    def teams_of(
        self, draft: CompetitionDraft, departments: Sequence[DepartmentNode], size: int
    ) -> tuple[int, int]:
        """A competition with one scored team per department that has ``size`` members.

        Returns:
            The competition's id and its number of entries.
        """
        db, rng = self.db, self.rng
        competition_id = create_competition(db, CLI_ACTOR, draft)
        assert draft.starts_on is not None
        joined = self.joined(draft.starts_on)
        for node in departments:
            members = [m for m in department_member_ids(db, CLI_ACTOR, node.id) if m in joined]
            if len(members) >= size:
                create_team(db, CLI_ACTOR, competition_id, node.name, rng.sample(members, size))
        sheet = entry_sheet(db, CLI_ACTOR, competition_id)
        scores = _scores(rng, sheet.scheme, [row.entry_id for row in sheet.rows], 0.84, 0.97)
        if scores:
            save_scores(db, CLI_ACTOR, competition_id, scores)
        return competition_id, len(sheet.rows)

    def entrants(self, day: date, trades: Sequence[str], count: int) -> list[int]:
        """``count`` members who had joined by ``day``, from ``trades`` first."""
        eligible = [p for p in self.people if p.joined <= day]
        self.rng.shuffle(eligible)
        eligible.sort(key=lambda person: person.trade not in trades)  # stable: keeps the shuffle
        return [person.member_id for person in eligible[:count]]

    def skills(self) -> tuple[int, int]:
        """The skills competition: 30 entrants, one withdrawn, the others scored with a tie.

        The first prize is recorded as an honour of its winner. Returns the competition's id
        and its number of entries.
        """
        db, draft = self.db, SKILLS
        assert draft.starts_on is not None
        competition_id = create_competition(db, CLI_ACTOR, draft)
        members = self.entrants(draft.starts_on, SKILLS_TRADES, SKILLS_ENTRANTS)
        *scored, withdrawn = add_member_entries(db, CLI_ACTOR, competition_id, members)
        withdraw_entry(db, CLI_ACTOR, withdrawn, WITHDRAWAL)
        values = _scores(self.rng, draft.scheme, scored, 0.6, 0.95)
        order = sorted(scored, key=lambda entry: total(draft.scheme, values[entry]), reverse=True)
        values[order[3]] = values[order[2]]  # tied on third place, across the prize bands
        save_scores(db, CLI_ACTOR, competition_id, values)
        winner = next(
            row
            for row in entry_sheet(db, CLI_ACTOR, competition_id).rows
            if row.prize is Prize.FIRST
        )
        record_prize_as_honour(
            db, CLI_ACTOR, winner.entry_id, HonourLevel.ENTERPRISE, UNION, today=TODAY
        )
        return competition_id, len(members)

    def district(self) -> tuple[int, int]:
        """A district competition after ``TODAY``: members entered, no scores yet."""
        competition_id = create_competition(self.db, CLI_ACTOR, DISTRICT)
        members = self.entrants(TODAY, ("焊工",), DISTRICT_ENTRANTS)
        entered = add_member_entries(self.db, CLI_ACTOR, competition_id, members)
        return competition_id, len(entered)


class _Events:
    """Writes the year's culture events and their attendance through the services."""

    def __init__(
        self, db: Database, rng: random.Random, nodes: Sequence[DepartmentNode], builder: _Builder
    ) -> None:
        self.db, self.rng, self.joined = db, rng, builder.joined
        self.names = {node.id: node.name for node in nodes}
        self.departments = {WORKSHOP: _at_depth(nodes, 1), TEAM: _at_depth(nodes, 2)}

    def add(self) -> tuple[int, int]:
        """Add every planned event up to ``TODAY``; returns the events and the attendances."""
        monthly = [plan for month in range(1, TODAY.month + 1) for plan in _monthly(month)]
        plans = sorted([*EVENTS, *monthly], key=lambda plan: plan[:3])
        return len(plans), sum(self.add_one(*plan) for plan in plans)

    def add_one(
        self,
        month: int,
        day: int,
        hour: int,
        event_type: EventType,
        title: str,
        venue: str,
        hours: str,
        attendance: str,
        most_guests: int,
    ) -> int:
        """Add one event with its attendance; returns the number of member attendees."""
        starts = datetime(TODAY.year, month, day, hour)
        attendees, organiser = self.attendees(attendance, starts.date())
        ends = starts + timedelta(hours=float(hours))
        guests = self.rng.randint(0, most_guests)
        draft = EventDraft(
            event_type, title, starts, ends, venue, organiser, "", Decimal(hours), guests
        )
        event_id = create_event(self.db, CLI_ACTOR, draft, now=NOW)
        set_attendance(self.db, CLI_ACTOR, event_id, attendees)
        return len(attendees)

    def attendees(self, how: str, day: date) -> tuple[list[int], str]:
        """Members picked as an officer would (``how``), among those who had joined by ``day``.

        Returns:
            The member ids and the organiser: a workshop's union branch (分工会) when a
            department attended as a whole, else the company's union.
        """
        joined, rng = self.joined(day), self.rng
        departments = self.departments.get(how)
        organiser = ORGANISER
        if departments:
            node = rng.choice(departments)
            workshop = node.id if node.depth == 1 else node.parent_id
            organiser = f"{self.names[workshop or node.id]}分工会"
            found = department_member_ids(self.db, CLI_ACTOR, node.id)
        elif how == SEARCH:
            texts = rng.sample(SEARCHES, 3)
            found = [row.id for t in texts for row in search_members(self.db, CLI_ACTOR, t, 12)]
        else:  # signed up, or a department the tree lacks
            found = rng.sample(sorted(joined), min(len(joined), rng.randint(30, 120)))
        ids = sorted({member for member in found if member in joined})
        if len(ids) > MAX_ATTENDEES:
            ids = sorted(rng.sample(ids, MAX_ATTENDEES))
        return ids, organiser
