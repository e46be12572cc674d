"""工会工作统计表 layout: five numbered sections of ruled tables, then the signatures.

Draws only what the data dict holds (``services.return_summary``); the culture tables are the
ones of the 文化活动统计表 (``reports.culture``).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from unionDesk.reports.culture import (
    note,
    participation_table,
    period_line,
    section,
    sign_off,
    subheading,
    type_table,
    unit_line,
)
from unionDesk.reports.layout import Letterhead, frame_width, grid_table, para, spacer, title_block

Data = dict[str, Any]
CAPTION = 78.0  # the first column of a one-line breakdown ("技能等级")
NONE_HELD = "本期无。"

COMPETITION_COLUMNS = (
    ("序号", "no", 26.0),
    ("竞赛名称", "name", 0.0),
    ("竞赛类型", "type", 62.0),
    ("级别", "level", 36.0),
    ("举办日期", "dates", 88.0),
    ("个人参赛", "individuals", 42.0),
    ("参赛团队", "teams", 42.0),
    ("参赛人数", "participants", 42.0),
)
PROGRAM_COLUMNS = (
    ("序号", "no", 26.0),
    ("评选项目", "name", 0.0),
    ("荣誉称号", "honour_title", 84.0),
    ("年度", "year", 34.0),
    ("本期推荐", "submitted", 42.0),
    ("通过", "approved", 34.0),
    ("未通过", "rejected", 38.0),
    ("撤回", "withdrawn", 34.0),
    ("期末在审", "pending", 42.0),
)
APPROVED_COLUMNS = (
    ("序号", "no", 26.0),
    ("姓名", "name", 80.0),
    ("评选项目", "program", 0.0),
    ("荣誉称号", "honour_title", 84.0),
    ("推荐类别", "category", 60.0),
    ("推荐单位", "nominating_unit", 84.0),
    ("通过日期", "decided_on", 54.0),
)


def render(letterhead: Letterhead, data: Data) -> list[Flowable]:
    """The statistics return's story."""
    width = frame_width(letterhead)
    culture = data["culture"]
    return [
        *title_block(letterhead, period_line(data)),
        unit_line(letterhead, "计量单位：人、项、次、小时"),
        *section(f"一、会员人数及构成（截至 {data['as_of']}）"),
        *_membership(data["membership"], width),
        *section(f"二、会员增减情况（{data['period_start']} 至 {data['period_end']}）"),
        *_changes(data["changes"], width),
        *section("三、劳动和技能竞赛"),
        *_competitions(data["competitions"], width),
        *section("四、职工文化活动"),
        subheading("（一）分类统计"),
        type_table(culture, width),
        KeepTogether([subheading("（二）会员参与情况"), participation_table(culture, width)]),
        *section("五、先进人物评选"),
        *_selection(data["selection"], width),
        *sign_off(data["sign_off"], width),
    ]


def _membership(membership: Data, width: float) -> list[Flowable]:
    overview = [
        ("会员总数", membership["total"]),
        *((line["label"], line["count"]) for line in membership["by_sex"]),
        *((line["label"], line["count"]) for line in membership["by_age"]),
        ("农民工", membership["migrant_workers"]),
        ("非京籍", membership["non_local"]),
    ]
    return [
        _one_line(overview, width),
        spacer(1.5),
        _breakdown("技能等级", membership["by_skill"], width),
        spacer(1.5),
        _breakdown("政治面貌", membership["by_political"], width),
        note("构成按期末在册会员统计；年龄按期末日的周岁计算；非京籍指户籍在外省市。"),
    ]


def _one_line(cells: list[tuple[str, int]], width: float) -> Flowable:
    """Titles over one row of counts, the columns sharing the width."""
    share = width / len(cells)
    return grid_table(
        [title for title, _ in cells],
        [[count for _, count in cells]],
        [share] * len(cells),
        numeric=range(len(cells)),
    )


def _breakdown(caption: str, lines: list[Data], width: float) -> Flowable:
    """A caption column, then one column per value, with one row of counts (人数)."""
    share = (width - CAPTION) / len(lines)
    return grid_table(
        [caption, *(line["label"] for line in lines)],
        [["人数", *(line["count"] for line in lines)]],
        [CAPTION, *[share] * len(lines)],
        numeric=range(1, len(lines) + 1),
    )


def _changes(changes: Data, width: float) -> list[Flowable]:
    cells = [("期初会员数", changes["opening"])]
    for admits, total in (
        (True, ("本期增加", changes["admitted"])),
        (False, ("本期减少", changes["left"])),
    ):
        cells.append(total)
        kinds = [line for line in changes["by_kind"] if line["admits"] is admits]
        cells += [
            (f"其中：{line['label']}" if i == 0 else line["label"], line["count"])
            for i, line in enumerate(kinds)
        ]
    cells.append(("期末会员数", changes["closing"]))
    return [
        _one_line(cells, width),
        note("期初会员数 + 本期增加 − 本期减少 = 期末会员数。"),
    ]


def _competitions(competitions: Data, width: float) -> list[Flowable]:
    if not competitions["items"]:
        return [para(NONE_HELD)]
    rows: list[list[object]] = [
        [item[key] for _, key, _ in COMPETITION_COLUMNS] for item in competitions["items"]
    ]
    rows.append(
        [
            "",
            f"合计（{competitions['count']}项）",
            "",
            "",
            "",
            competitions["individuals"],
            competitions["teams"],
            competitions["participants"],
        ]
    )
    return [
        _table(COMPETITION_COLUMNS, rows, width, numeric=[0, 5, 6, 7]),
        note("参赛人数为个人参赛人数与参赛团队成员人数之和。"),
    ]


def _selection(selection: Data, width: float) -> list[Flowable]:
    if not selection["programs"]:
        return [para(NONE_HELD)]
    totals = selection["totals"]
    rows: list[list[object]] = [
        [line[key] for _, key, _ in PROGRAM_COLUMNS] for line in selection["programs"]
    ]
    rows.append(["", "合计", "", "", *(totals[key] for _, key, _ in PROGRAM_COLUMNS[4:])])
    story = [
        subheading("（一）推荐和评选结果"),
        _table(PROGRAM_COLUMNS, rows, width, numeric=[0, 3, 4, 5, 6, 7, 8]),
        note(
            "本期推荐为本期提交的推荐；通过、未通过、撤回为本期作出的决定；"
            "期末在审为期末已推荐、尚未作出决定的候选人。"
        ),
        subheading("（二）本期评选通过人员名单"),
    ]
    if not selection["approved"]:
        return [*story, para(NONE_HELD)]
    names = [[line[key] for _, key, _ in APPROVED_COLUMNS] for line in selection["approved"]]
    return [*story, _table(APPROVED_COLUMNS, names, width, numeric=[0])]


def _table(
    columns: tuple[tuple[str, str, float], ...],
    rows: list[list[object]],
    width: float,
    numeric: list[int],
) -> Flowable:
    """A ruled table of ``columns`` (title, key, points); a 0 width takes what is left."""
    rest = width - sum(points for _, _, points in columns)
    widths = [points or rest for _, _, points in columns]
    return grid_table([title for title, _, _ in columns], rows, widths, numeric=numeric)
