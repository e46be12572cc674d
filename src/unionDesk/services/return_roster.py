"""会员花名册: the member register as the register page filters and orders it."""

from __future__ import annotations

from datetime import datetime

from unionDesk.domain.access import Actor
from unionDesk.domain.enums import MemberStatus, label
from unionDesk.reports import roster
from unionDesk.reports.chinese import zh
from unionDesk.services.departments import all_departments, display_paths
from unionDesk.services.members import MemberQuery, fetch_rows, full_id_numbers, query_member_ids
from unionDesk.services.returns import DataDict, Gathered, ReturnRequest, ReturnType, register
from unionDesk.store.db import Database

CHUNK = 2000  # rows fetched per query (SQLite's variable limit is far above)


def gather(db: Database, actor: Actor, request: ReturnRequest, now: datetime) -> Gathered:
    """The members matching the request's filters, in the register's order (pinyin)."""
    status = MemberStatus(request.status) if request.status else None
    ids = query_member_ids(
        db, actor, MemberQuery(department_id=request.department_id, status=status)
    )
    full = full_id_numbers(db, actor, ids) if request.full_ids else {}
    members: list[DataDict] = []
    for start in range(0, len(ids), CHUNK):
        for row in fetch_rows(db, actor, ids[start : start + CHUNK]):
            members.append(
                {
                    "no": len(members) + 1,
                    "member_id": row.id,
                    "name": row.name,
                    "sex": label(row.sex, zh),
                    "birth_date": row.birth_date.isoformat(),
                    "id_number": full.get(row.id, row.id_number_masked),
                    "department": row.department,
                    "skill_level": label(row.skill_level, zh),
                    "political_status": label(row.political_status, zh),
                    "join_date": row.join_date.isoformat(),
                    "status": label(row.status, zh),
                }
            )
    department = ""
    if request.department_id is not None:
        department = display_paths(all_departments(db)).get(request.department_id, "")
    data: DataDict = {
        "period_label": f"截至 {now.date().isoformat()}",
        "filters": {
            "department": department or "全部部门",
            "status": label(status, zh) if status else "全部状态",
        },
        "count": len(members),
        "members": members,
    }
    return Gathered("会员花名册", data, revealed_ids=len(full))


register(ReturnType.ROSTER, gather, roster.render)
