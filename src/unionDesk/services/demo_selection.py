"""Demo data for the selection pages (评选): honours, the two preset programs, rounds, publicity.

Everything is written through the services, so it is checked and audited like an officer's work,
on fixed dates around the demo's ``TODAY``. Scores and texts come from a seeded random source;
the reviewers' password is generated and returned, to be printed once. The cast is chosen among
the active demo members who hold no honour yet; with too few of them nothing is added.
"""

from __future__ import annotations

import itertools
import random
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from unionDesk.domain.access import CLI_ACTOR, Actor, Role, password_problems
from unionDesk.domain.candidate import CandidateDraft
from unionDesk.domain.eligibility import HeldHonour, NomineeFacts, RuleKey, check_eligibility
from unionDesk.domain.enums import MemberStatus, SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.review import ConflictKind
from unionDesk.domain.scoring import Rubric
from unionDesk.domain.workflow import CandidateState
from unionDesk.services import (
    candidates,
    eligibility_check,
    objections,
    publicity,
    reviews,
    rounds,
)
from unionDesk.services.honours import add_honour
from unionDesk.services.programs import (
    ProgramDraft,
    create_program,
    draft_from_preset,
    list_programs,
)
from unionDesk.services.results import shortlist
from unionDesk.services.users import add_user
from unionDesk.store.db import Database
from unionDesk.store.models import Member, User
from unionDesk.store.selection_models import Honour

TODAY = date(2026, 11, 21)  # the demo's "today", as in demo.py
YEAR = 2026
REVIEWER_NAMES = ("评委一", "评委二", "评委三", "评委四", "评委五", "评委六", "评委七")
REVIEWER_USERNAMES = tuple(f"pw{number}" for number in range(1, len(REVIEWER_NAMES) + 1))
HONOUR_SHARE = 0.02
# 北京大工匠: nominated in June, one round in July, a first publicity in September (approved)
# and a second one that runs on TODAY.
NOMINATED_ON = date(2026, 6, 1)
ROUND_OPENS, ROUND_CLOSES = date(2026, 7, 1), date(2026, 7, 31)
FIRST_REVIEW_DAY, CORRECTED_ON = date(2026, 7, 6), date(2026, 7, 24)
FIRST_PUBLICITY, APPROVED_ON = date(2026, 9, 1), date(2026, 9, 15)
SECOND_PUBLICITY = date(2026, 11, 18)  # TODAY lies within its five working days
OBJECTION_RECEIVED, OBJECTION_DISMISSED = date(2026, 11, 19), date(2026, 11, 20)
# The round's candidates, best first: category and quality (the share of each maximum that
# reviewers give on average).
SCORED = (
    ("一线职工", 0.92),  # approved after the first publicity
    ("一线职工", 0.89),  # approved; one review of it reopened and corrected
    ("一线职工", 0.86),  # in publicity, one objection pending
    ("科教人员", 0.84),  # in publicity, one objection dismissed; one reviewer recused
    ("企业负责人", 0.81),  # shortlisted
    ("一线职工", 0.76),  # scored; the committee is divided on it (disagreement flag)
    ("科教人员", 0.74),  # withdrawn
    ("一线职工", 0.66),  # not approved
)
SPREAD = 0.04  # how far one reviewer's impression strays from the quality
DIVIDED = 5  # the candidate whose reviewers' impressions stray by these shares:
DIVIDED_OFFSETS = (0.16, -0.14, 0.10, -0.18, 0.04, -0.08, 0.12)
RECUSAL = (2, 3)  # (reviewer, candidate) indexes
REOPENED = (3, 1)
# 最美劳动者: its deadlines moved so that its first round is open on TODAY.
WORKER_DEADLINES = (date(2026, 10, 31), date(2026, 12, 15))
WORKER_NOMINATED_ON = date(2026, 10, 20)
OPEN_ROUND = (date(2026, 11, 16), date(2026, 11, 30))
WORKER_CATEGORIES = ("一线职工", "一线职工", "企业负责人", "一线职工", "其他", "一线职工")
# Per reviewer of the open round, per candidate: s submitted, d saved (暂存), - not started.
OPEN_ROUND_WORK = ("sd---", "sssss", "ssssd", "dd---", "ss---")
PROVINCIAL, DISTRICT = HonourLevel.PROVINCIAL, HonourLevel.DISTRICT
# The district honour the 北京大工匠 rules ask for, given to that program's candidates.
UNIT_HONOUR = HeldHonour("朝阳区技术能手", HonourLevel.DISTRICT, 2021)
UNIT_HONOUR_BODY = "北京市朝阳区人力资源和社会保障局"
HONOURS = (  # title, level, awarding body, weight; 劳动模范 titles give the 劳模 flag
    ("全国劳动模范", HonourLevel.NATIONAL, "中华人民共和国国务院", 1),
    ("全国五一劳动奖章", HonourLevel.NATIONAL, "中华全国总工会", 1),
    ("北京市劳动模范", HonourLevel.PROVINCIAL, "北京市人民政府", 2),
    ("首都劳动奖章", HonourLevel.PROVINCIAL, "北京市总工会", 2),
    ("北京市技术能手", HonourLevel.PROVINCIAL, "北京市人力资源和社会保障局", 2),
    ("廊坊市劳动模范", HonourLevel.CITY, "廊坊市人民政府", 2),
    ("保定市五一劳动奖章", HonourLevel.CITY, "保定市总工会", 2),
    ("朝阳区劳动模范", HonourLevel.DISTRICT, "北京市朝阳区人民政府", 3),
    ("朝阳区技术能手", HonourLevel.DISTRICT, "北京市朝阳区人力资源和社会保障局", 4),
    ("公司先进生产者", HonourLevel.ENTERPRISE, "示范机械制造有限公司", 6),
    ("公司优秀班组长", HonourLevel.ENTERPRISE, "示范机械制造有限公司", 6),
    ("公司技术标兵", HonourLevel.ENTERPRISE, "示范机械制造有限公司", 6),
)
UNITS = ("机加工车间分工会", "装配车间分工会", "焊接车间分工会", "质检部分工会", "设备动力部分工会")
SUMMARY = (
    "{name}同志在{trade}岗位工作{years}年，刻苦钻研技术，攻克多项关键工艺难题，"
    "带头开展技术革新和岗位练兵，是车间公认的技术骨干。"
)
DEEDS = (
    "{name}同志参加工作{years}年来，始终坚守生产一线。主持完成工艺改进{count}项，"
    "其中一项使关键零件的加工合格率由百分之九十二提高到百分之九十九，每年节约成本数十万元。"
    "牵头成立职工创新工作室，带徒{apprentices}名，其中多人取得技师、高级技师资格。"
    "多次在企业技能竞赛中获奖，积极参与安康杯竞赛和班组安全建设，所在班组连续多年无安全事故。"
)
OVERRIDE_REASON = (
    "该同志职业技能等级为技师，但近三年取得国家发明专利两项，经评选工作领导小组研究，同意破格推荐。"
)
RECUSAL_TEXT = "本人与该候选人同在焊接车间工作，申请回避。"
REOPEN_REASON = "{reviewer}反映“创新成果”一项分值误录，申请更正，经主任委员同意重新打开。"
PENDING_OBJECTION = "来信反映该同志申报的一项技术革新成果系班组集体完成，个人贡献表述不够准确。"
DISMISSED_OBJECTION = "来电反映该同志参加工作时间填写有误。"
DISMISSAL = "经核查人事档案，参加工作时间填写无误，已向反映人当面反馈。"
WITHDRAWAL = "本人因工作调动申请撤回推荐。"
REJECTION = "综合得分排名靠后，评选委员会研究决定不列入拟推荐名单。"
COMMENTS = (
    "技能突出，创新成果转化效果好。",
    "事迹材料翔实，示范带动作用明显。",
    "带徒传技成效显著，建议推荐。",
    "成果应用的经济效益数据可再补充。",
    "",
)


@dataclass(frozen=True)
class SelectionDemo:
    """What ``fill_selection_demo`` added; the reviewers' password is to be shown once."""

    program_ids: tuple[int, int]  # 北京大工匠 and 最美劳动者
    reviewers: tuple[str, ...]  # user names of the reviewer accounts
    reviewer_password: str  # generated, the same for every reviewer account
    honours: int  # honours added to members


@dataclass(frozen=True)
class _Person:
    member_id: int
    trade: str
    facts: NomineeFacts


@dataclass(frozen=True)
class _Cast:
    scored: list[_Person]  # 北京大工匠 candidates who go through the closed round
    override: _Person  # fails only the skill rule; admitted with a written reason
    ineligible: _Person  # won 北京大工匠 in 2023, so the same-title rule refuses them
    draft: _Person
    nominated: _Person
    workers: list[_Person]  # 最美劳动者 candidates
    others: list[_Person]  # the rest, some of whom get an honour


def fill_selection_demo(db: Database, seed: int = 20261121) -> SelectionDemo | None:
    """Add honours, the two preset programs with candidates in every state, and reviewers.

    Returns:
        What was added; None when the database has programs or reviewer accounts of an earlier
        demo already, or too few suitable members.
    """
    if _already_there(db):
        return None
    rng = random.Random(seed)
    craftsman = draft_from_preset("beijing_craftsman", YEAR)
    worker = replace(
        draft_from_preset("most_beautiful_worker", YEAR),
        nomination_deadline=WORKER_DEADLINES[0],
        review_deadline=WORKER_DEADLINES[1],
    )
    people = _people(db)
    cast = _cast(people, rng, craftsman, worker)
    if cast is None:
        return None
    honours = _add_honours(db, rng, cast, len(people))
    password = _new_password()
    reviewers = [
        Actor(add_user(db, CLI_ACTOR, user, name, Role.REVIEWER, password), user, Role.REVIEWER)
        for user, name in zip(REVIEWER_USERNAMES, REVIEWER_NAMES, strict=True)
    ]
    builder = _Builder(db, rng, reviewers)
    programs = (builder.craftsman(craftsman, cast), builder.worker(worker, cast.workers))
    return SelectionDemo(programs, REVIEWER_USERNAMES, password, honours)


def _already_there(db: Database) -> bool:
    if list_programs(db, CLI_ACTOR):
        return True
    with db.read() as session:
        taken = session.scalars(select(User.id).where(User.username.in_(REVIEWER_USERNAMES)))
        return taken.first() is not None


def _people(db: Database) -> list[_Person]:
    """Active members without honours, as the eligibility rules see them (by id)."""
    columns = (Member.id, Member.trade, Member.name, Member.birth_date, Member.skill_level)
    with db.read() as session:
        rows = session.execute(
            select(*columns, Member.work_start_date)
            .where(
                Member.deleted_at.is_(None),
                Member.status == MemberStatus.ACTIVE.value,
                Member.id.not_in(select(Honour.member_id)),
            )
            .order_by(Member.id)
        ).all()
    return [
        _Person(member_id, trade, NomineeFacts(name, birth, SkillLevel(skill), start, ()))
        for member_id, trade, name, birth, skill, start in rows
    ]


def _cast(
    people: list[_Person], rng: random.Random, craftsman: ProgramDraft, worker: ProgramDraft
) -> _Cast | None:
    order = list(people)
    rng.shuffle(order)
    used: set[int] = set()

    def take(count: int, fits: Callable[[NomineeFacts], bool]) -> list[_Person]:
        fitting = (p for p in order if p.member_id not in used and fits(p.facts))
        found = list(itertools.islice(fitting, count))
        used.update(p.member_id for p in found)
        return found if len(found) == count else []

    scored = take(len(SCORED), lambda f: not _failed(craftsman, f, UNIT_HONOUR))
    override = take(1, lambda f: _failed(craftsman, f, UNIT_HONOUR) == {RuleKey.SKILL})
    workers = take(len(WORKER_CATEGORIES), lambda f: not _failed(worker, f))
    nominees = take(3, lambda f: True)
    if not (scored and override and workers and nominees):
        return None
    others = [p for p in order if p.member_id not in used]
    ineligible, draft, nominated = nominees
    return _Cast(scored, override[0], ineligible, draft, nominated, workers, others)


def _failed(program: ProgramDraft, facts: NomineeFacts, *held: HeldHonour) -> set[RuleKey]:
    """The rules of ``program`` a member with ``facts`` and the honours ``held`` fails."""
    results = check_eligibility(
        program.eligibility,
        replace(facts, honours=facts.honours + held),
        title=program.honour_title,
        reference_date=program.nomination_deadline or date(program.year, 12, 31),
    )
    return {result.rule for result in results if not result.passed}


def _add_honours(db: Database, rng: random.Random, cast: _Cast, members: int) -> int:
    """Honours for about 2% of ``members``; the 北京大工匠 cast gets those its rules ask for.

    Returns:
        The number of honours added.
    """
    unit = (UNIT_HONOUR.title, UNIT_HONOUR.level, UNIT_HONOUR.year, UNIT_HONOUR_BODY)
    given = [(p.member_id, unit) for p in [*cast.scored, cast.override]]
    holders = len(given) + 1
    given += [
        (cast.scored[0].member_id, ("北京市劳动模范", PROVINCIAL, 2021, "北京市人民政府")),
        (cast.scored[1].member_id, ("朝阳区劳动模范", DISTRICT, 2019, "北京市朝阳区人民政府")),
        (cast.ineligible.member_id, ("北京大工匠", PROVINCIAL, 2023, "北京市总工会")),
    ]
    # Each kind of honour once, so every level shows even in a small demo; then by weight.
    weights = [entry[3] for entry in HONOURS]
    extra = max(round(HONOUR_SHARE * members) - holders, len(HONOURS))
    kinds = [*HONOURS, *rng.choices(HONOURS, weights=weights, k=extra - len(HONOURS))]
    for person, (title, level, body, _) in zip(cast.others, kinds, strict=False):
        given.append((person.member_id, (title, level, _award_year(rng, person), body)))
    for member_id, (title, level, year, body) in given:
        add_honour(db, CLI_ACTOR, member_id, HonourDraft(title, level, year, body), today=TODAY)
    return len(given)


def _award_year(rng: random.Random, person: _Person) -> int:
    start = person.facts.work_start_date or person.facts.birth_date.replace(year=YEAR - 10)
    return rng.randint(min(max(start.year + 1, 2000), YEAR - 1), YEAR - 1)


def _new_password() -> str:
    """One generated password that every reviewer account accepts."""
    while True:
        password = secrets.token_urlsafe(9)
        if not any(password_problems(password, name) for name in REVIEWER_USERNAMES):
            return password


def _values(rng: random.Random, rubric: Rubric, impression: float) -> dict[str, Decimal | None]:
    """One reviewer's scores near ``impression`` (a share of each maximum), one decimal place."""
    values: dict[str, Decimal | None] = {}
    for criterion in rubric.criteria:
        share = min(1.0, max(0.0, rng.gauss(impression, 0.03)))
        values[criterion.key] = Decimal(str(round(float(criterion.max_points) * share, 1)))
    return values


class _Builder:
    """Writes the programs through the services, as the command line's actor."""

    def __init__(self, db: Database, rng: random.Random, reviewers: list[Actor]) -> None:
        self.db, self.rng, self.reviewers = db, rng, reviewers

    def nominate(
        self, program_id: int, person: _Person, category: str, submitted_on: date | None
    ) -> int:
        """A nomination with generated texts, handed in on ``submitted_on`` (None: a draft)."""
        years = YEAR - (person.facts.work_start_date or date(YEAR, 1, 1)).year
        words = {"name": person.facts.name, "trade": person.trade or "生产", "years": years}
        count, apprentices = self.rng.randint(3, 12), self.rng.randint(2, 15)
        deeds = DEEDS.format(**words, count=count, apprentices=apprentices)
        unit = self.rng.choice(UNITS)
        draft = CandidateDraft(person.member_id, unit, category, SUMMARY.format(**words), deeds)
        candidate_id = candidates.nominate(self.db, CLI_ACTOR, program_id, draft)
        if submitted_on is not None:
            candidates.submit(self.db, CLI_ACTOR, candidate_id, today=submitted_on)
        return candidate_id

    def checked(self, program_id: int, person: _Person, category: str, on: date) -> int:
        """A nomination handed in on ``on`` and checked against the program's rules."""
        candidate_id = self.nominate(program_id, person, category, on)
        eligibility_check.check(self.db, CLI_ACTOR, candidate_id)
        return candidate_id

    def round(self, program_id: int, name: str, dates: tuple[date, date], ids: list[int]) -> int:
        """A round of the builder's reviewers, chaired by the first, on the candidates ``ids``."""
        reviewers = tuple(r.user_id for r in self.reviewers if r.user_id is not None)
        draft = rounds.RoundDraft(program_id, name, *dates, reviewers[0], reviewers, tuple(ids))
        return rounds.create_round(self.db, CLI_ACTOR, draft)

    def craftsman(self, program: ProgramDraft, cast: _Cast) -> int:
        """北京大工匠 with candidates in every state and a closed round."""
        db, program_id = self.db, create_program(self.db, CLI_ACTOR, program)
        self.nominate(program_id, cast.draft, "一线职工", None)
        self.nominate(program_id, cast.nominated, "一线职工", NOMINATED_ON)
        self.checked(program_id, cast.ineligible, "企业负责人", NOMINATED_ON)
        admitted = self.checked(program_id, cast.override, "一线职工", NOMINATED_ON)
        eligibility_check.override_eligibility(db, CLI_ACTOR, admitted, OVERRIDE_REASON)
        ids = [
            self.checked(program_id, person, category, NOMINATED_ON)
            for person, (category, _) in zip(cast.scored, SCORED, strict=True)
        ]
        round_id = self.round(program_id, "第一轮评审", (ROUND_OPENS, ROUND_CLOSES), ids)
        self.score_closed_round(program.rubric, round_id, ids)
        rounds.close_round(db, self.reviewers[0], round_id)
        self.decide(program_id, ids)
        return program_id

    def score_closed_round(self, rubric: Rubric, round_id: int, ids: Sequence[int]) -> None:
        """Every reviewer scores every candidate, but for one recusal; one review is reopened."""
        db, rng = self.db, self.rng
        for number, reviewer in enumerate(self.reviewers):
            day = FIRST_REVIEW_DAY + timedelta(days=2 * number)
            for index, (candidate_id, (_, quality)) in enumerate(zip(ids, SCORED, strict=True)):
                if (number, index) == RECUSAL:
                    kind = ConflictKind.SAME_UNIT
                    reviews.recuse(
                        db, reviewer, round_id, candidate_id, kind, RECUSAL_TEXT, today=day
                    )
                    continue
                offset = DIVIDED_OFFSETS[number] if index == DIVIDED else rng.gauss(0, SPREAD)
                values = _values(rng, rubric, quality + offset)
                if (number, index) == REOPENED:
                    mistyped = {**values, rubric.criteria[2].key: Decimal(2)}
                    reviews.submit_review(
                        db, reviewer, round_id, candidate_id, mistyped, "", today=day
                    )
                    self.reopen(round_id, reviewer, candidate_id)
                    day = CORRECTED_ON
                comment = rng.choice(COMMENTS)
                reviews.submit_review(
                    db, reviewer, round_id, candidate_id, values, comment, today=day
                )

    def reopen(self, round_id: int, reviewer: Actor, candidate_id: int) -> None:
        """The chair reopens ``reviewer``'s submitted review of ``candidate_id``."""
        chair = self.reviewers[0]
        review_id = next(
            p.review_id
            for p in rounds.round_progress(self.db, chair, round_id)
            if p.reviewer_id == reviewer.user_id and p.candidate_id == candidate_id
        )
        assert review_id is not None
        reason = REOPEN_REASON.format(reviewer=reviewer.username)
        rounds.reopen_review(self.db, chair, review_id, reason)

    def decide(self, program_id: int, ids: Sequence[int]) -> None:
        """Shortlists, two publicities with objections, and the decisions."""
        db = self.db
        first, second, third, fourth, fifth, _, withdrawn, last = ids
        shortlist(db, CLI_ACTOR, [first, second], "评选委员会第一次会议研究确定")
        publicity.start_publicity(
            db, CLI_ACTOR, program_id, [first, second], FIRST_PUBLICITY, today=FIRST_PUBLICITY
        )
        for candidate_id in (first, second):
            publicity.approve(db, CLI_ACTOR, candidate_id, today=APPROVED_ON)
        shortlist(db, CLI_ACTOR, [third, fourth, fifth], "评选委员会第二次会议研究确定")
        publicity.start_publicity(
            db, CLI_ACTOR, program_id, [third, fourth], SECOND_PUBLICITY, today=SECOND_PUBLICITY
        )
        objections.add_objection(
            db, CLI_ACTOR, third, OBJECTION_RECEIVED, PENDING_OBJECTION, today=TODAY
        )
        objection = objections.add_objection(
            db, CLI_ACTOR, fourth, OBJECTION_RECEIVED, DISMISSED_OBJECTION, today=TODAY
        )
        dismissed = objections.ObjectionResult.DISMISSED
        objections.resolve_objection(
            db, CLI_ACTOR, objection, DISMISSAL, dismissed, OBJECTION_DISMISSED, today=TODAY
        )
        candidates.withdraw(db, CLI_ACTOR, withdrawn, WITHDRAWAL)
        candidates.transition(db, CLI_ACTOR, last, CandidateState.REJECTED, REJECTION)

    def worker(self, program: ProgramDraft, people: Sequence[_Person]) -> int:
        """最美劳动者 with a round open on TODAY: reviews submitted, saved and not begun."""
        program_id = create_program(self.db, CLI_ACTOR, program)
        nominees = list(zip(people, WORKER_CATEGORIES, strict=True))
        ids = [self.checked(program_id, *pair, WORKER_NOMINATED_ON) for pair in nominees[:-1]]
        self.nominate(program_id, *nominees[-1], WORKER_NOMINATED_ON)  # not yet checked
        reviewers = self.reviewers[: len(OPEN_ROUND_WORK)]
        committee = _Builder(self.db, self.rng, reviewers)
        round_id = committee.round(program_id, "初评", OPEN_ROUND, ids)
        for number, (reviewer, work) in enumerate(zip(reviewers, OPEN_ROUND_WORK, strict=True)):
            day = min(OPEN_ROUND[0] + timedelta(days=1 + number), TODAY)
            for candidate_id, step in zip(ids, work, strict=True):
                committee.begin_review(program.rubric, round_id, reviewer, candidate_id, step, day)
        return program_id

    def begin_review(
        self,
        rubric: Rubric,
        round_id: int,
        reviewer: Actor,
        candidate_id: int,
        step: str,
        day: date,
    ) -> None:
        """Submit (``s``) or save one score (``d``) of a review in the open round, or neither."""
        values = _values(self.rng, rubric, self.rng.uniform(0.7, 0.9))
        if step == "s":
            comment = self.rng.choice(COMMENTS)
            reviews.submit_review(
                self.db, reviewer, round_id, candidate_id, values, comment, today=day
            )
        elif step == "d":
            first = rubric.criteria[0].key
            partial = {key: value if key == first else None for key, value in values.items()}
            reviews.save_review(self.db, reviewer, round_id, candidate_id, partial, "", today=day)
