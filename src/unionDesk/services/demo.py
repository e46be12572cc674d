"""Realistic demo data: a department tree and N members with fake but valid ID numbers.

Every number is synthetic (composed with valid check characters); no real person's data is used.
Rows are inserted in bulk inside one transaction, so 100,000 members take seconds, not minutes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.enums import (
    ChangeKind,
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    PoliticalStatus,
    Sex,
    SkillLevel,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.membership import STATUS_AFTER
from unionDesk.domain.pinyin import search_keys, sort_key
from unionDesk.services.audit import Action, record
from unionDesk.services.demo_activities import ActivitiesDemo, fill_activities_demo
from unionDesk.services.demo_selection import SelectionDemo, fill_selection_demo
from unionDesk.services.departments import add_department
from unionDesk.store.db import Database
from unionDesk.store.models import Department, Member, MembershipChange

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
    "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇区查翟"
)
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "尉迟")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰凤林斌波辉鹏宇浩然"
    "俊雪梅婷晨阳思雨欣怡子涵博文佳琪海燕晓东春生德福永明宏亮振华学军立新金凤秀云"
)
RARE = ("𠈌", "䶮", "𪚥", "𡒄", "堃", "喆", "昇", "㛃")
MINORITY = (
    "阿依古丽·买买提",
    "热合曼·艾买提",
    "迪丽娜尔·阿不都",
    "巴特尔·孟和",
    "古丽米拉·吐尔逊",
    "努尔兰·哈力克",
    "扎西·次仁",
    "阿迪力·吾守尔",
)
ETHNIC_MINORITY = ("05", "05", "05", "02", "05", "17", "04", "05")
REGIONS = (
    "110101",
    "110102",
    "110105",
    "110106",
    "110108",
    "110114",
    "110115",
    "130102",
    "130104",
    "370102",
    "410105",
    "420106",
    "510104",
    "320106",
    "230103",
    "610113",
)
WORKSHOPS = {
    "机加工车间": ("车工一班", "铣工班", "数控班"),
    "装配车间": ("总装一班", "总装二班", "调试班"),
    "焊接车间": ("电焊班", "气保焊班"),
    "质检部": ("来料检验组", "成品检验组"),
    "设备动力部": ("电工班", "维修班"),
    "综合管理部": (),
}
TRADES = (
    "车工",
    "铣工",
    "钳工",
    "焊工",
    "电工",
    "装配钳工",
    "数控车工",
    "质检员",
    "仓管员",
    "行政",
)
LEAVING = (ChangeKind.TRANSFER_OUT, ChangeKind.WITHDRAW, ChangeKind.EXPEL, ChangeKind.DEATH)
LEAVING_REASON = {
    ChangeKind.TRANSFER_OUT: "调往集团其他子公司",
    ChangeKind.WITHDRAW: "本人申请退会",
    ChangeKind.EXPEL: "严重违反会员义务",
    ChangeKind.DEATH: "病故",
}
TODAY = date(2026, 11, 21)
_CHUNK = 5000


@dataclass(frozen=True)
class DemoResult:
    """What ``fill_demo`` added."""

    members: int
    departments: int
    selection: SelectionDemo | None = None  # None: skipped (see ``fill_selection_demo``)
    activities: ActivitiesDemo | None = None  # None: skipped (see ``fill_activities_demo``)


def fill_demo(
    db: Database,
    members: int,
    seed: int = 20261121,
    *,
    selections: bool = False,
    activities: bool = False,
) -> DemoResult:
    """Add a department tree (if there is none) and ``members`` demo members.

    Runs as the command line's actor; the bulk insert is audited as one entry. With
    ``selections``, ``fill_selection_demo`` then fills the selection pages (seconds: it hashes
    the reviewers' passwords). With ``activities``, ``fill_activities_demo`` then adds
    competitions and a year of culture events.
    """
    rng = random.Random(seed)
    team_ids = _ensure_departments(db)
    with db.write() as session:
        first_id = (session.scalar(select(func.max(Member.id))) or 0) + 1
        used = set(session.scalars(select(Member.id_number)))
        for chunk in _chunks(range(first_id, first_id + members), _CHUNK):
            rows, changes = _member_rows(rng, chunk, team_ids, used)
            session.execute(insert(Member), rows)
            session.execute(insert(MembershipChange), changes)
        record(session, CLI_ACTOR, Action.CREATE, "member", "", f"{members} demo members")
    selection = fill_selection_demo(db, seed) if selections else None
    activity = fill_activities_demo(db, seed) if activities else None
    return DemoResult(members, len(team_ids), selection, activity)


def _ensure_departments(db: Database) -> list[int]:
    with db.read() as session:
        existing = list(session.scalars(select(Department.id)))
    if existing:
        return existing
    root = add_department(db, CLI_ACTOR, None, "示范机械制造有限公司")
    ids = [root]
    for workshop, teams in WORKSHOPS.items():
        workshop_id = add_department(db, CLI_ACTOR, root, workshop)
        ids.append(workshop_id)
        ids.extend(add_department(db, CLI_ACTOR, workshop_id, team) for team in teams)
    return ids


def _chunks(ids: range, size: int) -> Iterator[range]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _member_rows(
    rng: random.Random, ids: range, departments: list[int], used: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    now = datetime.now()
    rows, changes = [], []
    for member_id in ids:
        row = _one_member(rng, member_id, departments, now)
        while row["id_number"] in used:  # fake numbers can collide (birthday paradox)
            row = _one_member(rng, member_id, departments, now)
        used.add(row["id_number"])
        history = _history(rng, row, now)
        row["status"] = STATUS_AFTER[ChangeKind(history[-1]["kind"])].value
        rows.append(row)
        changes.extend(history)
    return rows, changes


def _one_member(
    rng: random.Random, member_id: int, departments: list[int], now: datetime
) -> dict[str, Any]:
    name, ethnicity = _name(rng)
    birth = date(1966, 1, 1) + timedelta(days=rng.randrange(38 * 365))
    sequence = rng.randrange(1000)
    sex = Sex.MALE if sequence % 2 else Sex.FEMALE
    work_start = min(_years_after(birth, rng.randint(18, 24)), TODAY)
    join = work_start + timedelta(days=rng.randrange((TODAY - work_start).days + 1) % (3 * 365))
    return {
        "id": member_id,
        "name": name,
        "name_sort": sort_key(name),
        "search_keys": search_keys(name),
        "id_type": IdType.RESIDENT_ID.value,
        "id_number": compose_resident_id(rng.choice(REGIONS), birth, sequence),
        "sex": sex.value,
        "birth_date": birth,
        "ethnicity": ethnicity,
        "mobile": _mobile(rng),
        "political_status": _pick(rng, PoliticalStatus, (8, 2, 10, 1, 1, 78)),
        "education": _pick(rng, Education, (3, 20, 35, 25, 15, 2)),
        "skill_level": _pick(rng, SkillLevel, (20, 5, 15, 25, 18, 10, 5, 1, 1)),
        "trade": rng.choice(TRADES),
        "job_title": rng.choice(("操作工", "班组长", "技术员", "")),
        "hukou_region": HukouRegion.LOCAL.value if rng.random() < 0.6 else HukouRegion.OTHER.value,
        "hukou_nature": _pick(rng, HukouNature, (35, 65)),
        "migrant_worker": rng.random() < 0.25,
        "work_start_date": work_start,
        "join_date": join,
        "card_number": f"GH{member_id:08d}",
        "department_id": rng.choice(departments),
        "hardship": rng.random() < 0.03,
        "notes": "",
        "created_at": now,
        "updated_at": now,
        "deleted_at": None,
        "deleted_reason": "",
    }


def _history(rng: random.Random, row: dict[str, Any], now: datetime) -> list[dict[str, Any]]:
    join = {
        "member_id": row["id"],
        "kind": ChangeKind.JOIN.value,
        "effective_on": row["join_date"],
        "reason": "",
        "recorded_at": now,
        "recorded_by": "demo",
    }
    if rng.random() >= 0.08 or row["join_date"] >= TODAY:
        return [join]
    kind = rng.choice(LEAVING)
    days = (TODAY - row["join_date"]).days
    left = row["join_date"] + timedelta(days=rng.randint(1, days))
    return [
        join,
        {**join, "kind": kind.value, "effective_on": left, "reason": LEAVING_REASON[kind]},
    ]


def _name(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.01:
        index = rng.randrange(len(MINORITY))
        return MINORITY[index], ETHNIC_MINORITY[index]
    surname = rng.choice(COMPOUND) if roll < 0.02 else rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 1, 2))))
    if roll > 0.995:
        given = given[:1] + rng.choice(RARE)
    return surname + given, "01" if rng.random() < 0.94 else rng.choice(("03", "11", "02", "08"))


def _mobile(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return ""
    return rng.choice(("13", "15", "17", "18", "19")) + f"{rng.randrange(10**9):09d}"


def _pick(rng: random.Random, enum: Any, weights: tuple[int, ...]) -> str:
    return str(rng.choices(list(enum), weights=weights)[0].value)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
