"""竞赛成绩表 layout: the competition record, the ranked entries, the counts, then certificates.

The results table is on the letterheaded portrait pages. A scheme with many lines (a 安康杯
rubric may have up to 20 items) does not fit beside the names: its scores then follow in
detail tables of a few lines each, every row repeating the rank and the name.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

from unionDesk.reports.certificates import certificate_pages
from unionDesk.reports.fonts import markup
from unionDesk.reports.layout import (
    Letterhead,
    Styles,
    frame_width,
    grid_table,
    heading,
    label_table,
    title_block,
)

RANK_WIDTH = 36.0
NAME_WIDTH = 104.0
TOTAL_WIDTH = 40.0
PRIZE_WIDTH = 40.0
PASSED_WIDTH = 44.0
SCORE_WIDTH = 48.0
DEPARTMENT_MIN_WIDTH = 64.0
LABEL_WIDTH = 60.0


def render(letterhead: Letterhead, data: dict[str, Any]) -> list[Flowable]:
    """The results table's story, followed by one landscape certificate per prize winner."""
    record = data["competition"]
    width = frame_width(letterhead)
    story: list[Flowable] = [*title_block(letterhead, record["name"])]
    story += _record_tables(record, width)
    story += [heading("成绩与名次"), *_results(data, width)]
    story += [heading("统计"), _counts_table(data, width)]
    story += certificate_pages(data["certificates"])
    return story


def _record_tables(record: dict[str, Any], width: float) -> list[Flowable]:
    """The competition as its record has it: two pairs a row, the long texts a row each."""
    half = width / 2 - LABEL_WIDTH
    pairs = [
        ("竞赛类型", record["kind"]),
        ("竞赛级别", record["level"]),
        ("工种", record["trade"] or "—"),
        ("竞赛日期", record["dates"]),
        ("主办单位", record["organiser"] or "—"),
        ("举办地点", record["venue"] or "—"),
    ]
    long = [("计分方式", record["scheme"]), ("奖项设置", record["prize_bands"])]
    return [
        label_table(pairs, [LABEL_WIDTH, half, LABEL_WIDTH, half]),
        label_table(long, [LABEL_WIDTH, width - LABEL_WIDTH]),
    ]


def _results(data: dict[str, Any], width: float) -> list[Flowable]:
    """The ranked entries; the line scores inline when they fit, else in detail tables."""
    lines = data["lines"]
    with_mark = data["pass_mark"] is not None
    tail = TOTAL_WIDTH + PRIZE_WIDTH + (PASSED_WIDTH if with_mark else 0.0)
    fixed = RANK_WIDTH + NAME_WIDTH + tail
    inline = len(lines) * SCORE_WIDTH <= width - fixed - DEPARTMENT_MIN_WIDTH
    shown = lines if inline else []
    header = ["名次", "参赛者", "部门", *(line["heading"] for line in shown), "总分", "奖项"]
    widths = [RANK_WIDTH, NAME_WIDTH, width - fixed - len(shown) * SCORE_WIDTH]
    widths += [SCORE_WIDTH] * len(shown) + [TOTAL_WIDTH, PRIZE_WIDTH]
    if with_mark:
        header.append("是否达标")
        widths.append(PASSED_WIDTH)
    rows = []
    for entry in data["entries"]:
        scores = entry["score_texts"] if inline else []
        row = [entry["rank_text"], _who(entry), entry["department"], *scores]
        row += [entry["total_text"], entry["prize"]]
        rows.append(row + ([entry["passed"]] if with_mark else []))
    numeric = [0, *range(3, 3 + len(shown) + 1)]
    story: list[Flowable] = [grid_table(header, rows, widths, numeric=numeric)]
    if not inline:
        story += _detail_tables(data, width)
    return story


def _who(entry: dict[str, Any]) -> Flowable | str:
    """The entry's name; a team's name with its members under it in small type."""
    if not entry["team_members"]:
        return str(entry["name"])
    members = markup("成员：" + "、".join(entry["team_members"]))
    return Paragraph(f"{markup(entry['name'])}<br/><font size=7.5>{members}</font>", Styles.cell)


def _detail_tables(data: dict[str, Any], width: float) -> list[Flowable]:
    """The line scores, a few lines per table, each row with the entry's rank and name."""
    lines = data["lines"]
    per_table = int((width - RANK_WIDTH - NAME_WIDTH) // SCORE_WIDTH)
    story: list[Flowable] = []
    for start in range(0, len(lines), per_table):
        chunk = lines[start : start + per_table]
        stop = start + len(chunk)
        name_width = width - RANK_WIDTH - len(chunk) * SCORE_WIDTH
        header = ["名次", "参赛者", *(line["heading"] for line in chunk)]
        rows = [
            [entry["rank_text"], str(entry["name"]), *entry["score_texts"][start:stop]]
            for entry in data["entries"]
        ]
        widths = [RANK_WIDTH, name_width, *[SCORE_WIDTH] * len(chunk)]
        title = "各项得分" if len(chunk) == len(lines) else f"各项得分（第 {start + 1}—{stop} 项）"
        numeric = [0, *range(2, 2 + len(chunk))]
        story += [heading(title), grid_table(header, rows, widths, numeric=numeric)]
    return story


def _counts_table(data: dict[str, Any], width: float) -> Flowable:
    """One row of counts: entries, scored, passed, and each prize awarded (with its places)."""
    counts = data["counts"]
    header = ["参赛", "其中个人", "其中团体", "成绩录齐"]
    row: list[object] = [counts["entries"], counts["individual"], counts["teams"], counts["scored"]]
    if data["pass_mark"] is not None:
        header.append("达标")
        row.append(counts["passed"])
    for band in counts["prizes"]:
        header.append(f"{band['prize']}\n（设{band['places']}名）")
        row.append(band["count"])
    header.append("获奖合计")
    row.append(counts["prize_winners"])
    widths = [width / len(header)] * len(header)
    return grid_table(header, [row], widths, numeric=list(range(len(header))))
