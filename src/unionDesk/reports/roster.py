"""会员花名册 layout: one ruled table, header row on every page."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from unionDesk.reports.layout import Letterhead, frame_width, grid_table, title_block

# (title, data key, width in points); the department takes what is left of the frame. An
# 18-digit ID number is 89 pt at 9 pt, a date 45 pt, so those columns never wrap.
COLUMNS = (
    ("序号", "no", 28.0),
    ("姓名", "name", 82.0),
    ("性别", "sex", 24.0),
    ("出生日期", "birth_date", 51.0),
    ("身份证件号码", "id_number", 95.0),
    ("部门", "department", 0.0),
    ("技能等级", "skill_level", 42.0),
    ("政治面貌", "political_status", 48.0),
    ("入会日期", "join_date", 51.0),
    ("会籍状态", "status", 32.0),
)


def render(letterhead: Letterhead, data: dict[str, Any]) -> list[Flowable]:
    """The roster's story: title, filters and count, then the table."""
    filters = data["filters"]
    subtitle = (
        f"{data['period_label']}　部门：{filters['department']}　会籍状态：{filters['status']}"
        f"　共 {data['count']} 人"
    )
    width = frame_width(letterhead)
    table = grid_table(
        [title for title, _, _ in COLUMNS],
        [[member[key] for _, key, _ in COLUMNS] for member in data["members"]],
        [points or width - sum(p for _, _, p in COLUMNS) for _, _, points in COLUMNS],
        numeric=[0],
    )
    return [*title_block(letterhead, subtitle), table]
