"""评审结果汇总表 layout (landscape): program, closed rounds, ranking, then the signature lines.

The PDF is signed by the union and countersigned by the committee chair: the signing service
stamps two boxes at the bottom right of the last page (up to 38 mm above its bottom edge). The
story therefore ends with the printed signature lines and free room below them, kept together
on one page, so the boxes never cover text.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from unionDesk.reports.layout import (
    Letterhead,
    Styles,
    frame_width,
    grid_table,
    heading,
    para,
    spacer,
    title_block,
)
from unionDesk.reports.nomination import blank

SIGNATURE_ROOM = 30 * mm  # under the signature lines: the two digital signature boxes
NOTE = ParagraphStyle("results_note", parent=Styles.small, leading=11)
# (title, width in mm); the nominating unit takes what is left of the frame.
RANKING = (
    ("名次", 12.0),
    ("姓名", 28.0),
    ("人选类别", 16.0),
    ("推荐单位", 0.0),
    ("评审轮次", 20.0),
    ("综合得分", 16.0),
    ("有效/应评", 16.0),
    ("平均分", 13.0),
    ("中位数", 13.0),
    ("标准差", 13.0),
    ("备注", 30.0),
    ("状态", 18.0),
    ("公示情况", 44.0),
)
NUMBERS = [5, 6, 7, 8, 9]
ROUNDS = (
    ("评审轮次", 0.0),
    ("评审期间", 50.0),
    ("评审委员会主任", 40.0),
    ("评委人数", 22.0),
    ("候选人数", 22.0),
    ("已完成评分/应评", 32.0),
)


def render(letterhead: Letterhead, data: dict[str, Any]) -> list[Flowable]:
    """The results sheet's story, drawn only from ``data``."""
    width = frame_width(letterhead)
    program = data["program"]
    gap = blank(2)
    subtitle = (
        f"评选项目：{program['name']}{gap}荣誉称号：{program['honour_title']}"
        f"{gap}年度：{program['year']}"
    )
    return [
        *title_block(letterhead, subtitle),
        heading("一、评审轮次（已结束）"),
        _rounds(data["rounds"], width),
        heading("二、评审结果"),
        para(_rubric(program), NOTE),
        spacer(1.5),
        _ranking(data["rows"], width),
        _signatures(_totals(data["totals"]), width),
    ]


def _widths(columns: tuple[tuple[str, float], ...], width: float) -> list[float]:
    """Column widths in points; a column of width 0 takes what is left of ``width``."""
    fixed = sum(millimetres for _, millimetres in columns) * mm
    return [millimetres * mm or width - fixed for _, millimetres in columns]


def _rounds(rounds: list[dict[str, Any]], width: float) -> Flowable:
    rows: list[list[object]] = [
        [
            r["round"],
            f"{r['opens_on']} 至 {r['closes_on']}",
            r["chair"] or "—",
            r["reviewers"],
            r["candidates"],
            f"{r['finished']}/{r['expected']}",
        ]
        for r in rounds
    ]
    return grid_table([t for t, _ in ROUNDS], rows, _widths(ROUNDS, width), numeric=[3, 4, 5])


def _rubric(program: dict[str, Any]) -> str:
    criteria = "；".join(
        f"{c['criterion']}（满分 {c['max_points']:g}，权重 {c['weight']:g}）"
        for c in program["rubric"]
    )
    return (
        f"评分标准：{criteria}。综合得分为百分制：有效评分不少于 5 份时去掉一个最高分和一个最低分"
        f"后取平均，少于 5 份时取算术平均；有效评分少于评委人数的 {program['quorum']} 时不足法定"
        f"人数，不予排名；标准差达到 {program['disagreement_sd']:g} 分标注“分歧较大”；同分时按"
        f"权重最高的评分项比较，仍相同者并列。"
    )


def _ranking(rows: list[dict[str, Any]], width: float) -> Flowable:
    cells: list[list[object]] = [
        [
            row["rank_label"],
            row["name"],
            row["category"],
            row["nominating_unit"],
            row["round"],
            _score(row),
            f"{row['valid_reviews']}/{row['reviewers']}",
            _number(row["mean"]),
            _number(row["median"]),
            _number(row["stdev"]),
            row["notes"],
            row["state"],
            _publicity(row["publicity"]),
        ]
        for row in rows
    ]
    return grid_table([t for t, _ in RANKING], cells, _widths(RANKING, width), numeric=NUMBERS)


def _score(row: dict[str, Any]) -> str:
    return row["score_label"] if row["score"] is None else _number(row["score"])


def _number(value: float | None) -> str:
    """A figure the gatherer rounded to two places, printed with both places."""
    return "—" if value is None else f"{value:.2f}"


def _publicity(publicity: dict[str, Any] | None) -> str:
    if publicity is None:
        return "未公示"
    return f"{publicity['outcome']}\n（{publicity['start']} 至 {publicity['end']}）"


def _totals(totals: dict[str, int]) -> str:
    """The counts under the ranking; "公示期满无异议" only when someone's publicity is so."""
    text = (
        f"参评候选人 {totals['candidates']} 人，其中排名 {totals['ranked']} 人，"
        f"不足法定人数 {totals['insufficient']} 人；并列 {totals['tied']} 人；"
        f"分歧较大 {totals['disagreement']} 人"
    )
    if totals["publicity_clear"]:
        text += f"；公示期满无异议 {totals['publicity_clear']} 人"
    return text + "。"


def _signatures(totals: str, width: float) -> KeepTogether:
    """The totals, the signature lines and the stamps' room below them, kept on one page.

    Keeping the totals with them means a page never holds the signature lines alone.
    """
    line = "＿" * 12
    rows = [
        [
            para(f"评审委员会主任（签字）：{line}", Styles.body),
            para(f"工会（盖章）：{line}", Styles.body),
        ],
        [para(f"日期：{blank(4)}年{blank(2)}月{blank(2)}日", Styles.body) for _ in range(2)],
    ]
    table = Table(rows, colWidths=[width / 2, width / 2], rowHeights=[12 * mm, 8 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether(
        [spacer(2), para(totals, Styles.body), spacer(6), table, spacer(SIGNATURE_ROOM / mm)]
    )
