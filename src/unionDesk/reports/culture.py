"""文化活动统计表 layout: the events one by one, the figures by type, then participation.

The pieces every statistics return shares (section headings, notes, the unit line, the
signatures) and the culture tables are used by the 工会工作统计表 (``reports.summary``) too.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from unionDesk.reports.layout import (
    Letterhead,
    Styles,
    frame_width,
    grid_table,
    heading,
    label_table,
    para,
    spacer,
    title_block,
)

Data = dict[str, Any]
NOTE = ParagraphStyle("note", parent=Styles.small, spaceBefore=1 * mm, spaceAfter=1 * mm)
SUBHEADING = ParagraphStyle("subheading", parent=Styles.body, spaceBefore=2 * mm, spaceAfter=1 * mm)
ROOM_FOR_A_SECTION = 40 * mm  # a heading closer than this to the foot starts a new page

# (title, data key, width in points); the event's name takes what is left of the frame.
EVENT_COLUMNS = (
    ("序号", "no", 24.0),
    ("日期", "date", 52.0),
    ("活动名称", "name", 0.0),
    ("活动类型", "type", 82.0),  # 读书活动/职工书屋 on one line
    ("活动地点", "venue", 54.0),
    ("主办单位", "organiser", 54.0),
    ("时长", "hours", 30.0),
    ("会员人次", "attendances", 42.0),
    ("非会员人次", "guests", 50.0),
)
EVENT_NUMBERS = [0, 6, 7, 8]


def render(letterhead: Letterhead, data: Data) -> list[Flowable]:
    """The culture return's story."""
    width = frame_width(letterhead)
    stats = data["stats"]
    return [
        *title_block(letterhead, period_line(data)),
        unit_line(letterhead, "计量单位：次、人次、小时"),
        *section("一、活动明细"),
        _event_table(data["events"], stats, width),
        note("时长为每位参加会员计入的活动时长；人次按参加活动的在册会员统计。"),
        *section("二、分类统计"),
        type_table(stats, width),
        *section("三、会员参与情况"),
        participation_table(stats, width),
        note("参与率 = 参加活动会员人数 ÷ 期内在册会员人数；人均活动时长按期内在册会员人数计算。"),
        *sign_off(data["sign_off"], width),
    ]


def _event_table(events: list[Data], stats: Data, width: float) -> Flowable:
    rest = width - sum(points for _, _, points in EVENT_COLUMNS)
    widths = [points or rest for _, _, points in EVENT_COLUMNS]
    rows: list[list[object]] = [
        [
            *(event[key] for _, key, _ in EVENT_COLUMNS[:6]),
            fixed(event["hours"], 1),
            event["attendances"],
            event["guests"],
        ]
        for event in events
    ]
    total = f"合计（{stats['events']}次）"
    rows.append(["", "", total, "", "", "", "", stats["attendances"], stats["guests"]])
    return grid_table([t for t, _, _ in EVENT_COLUMNS], rows, widths, numeric=EVENT_NUMBERS)


def type_table(stats: Data, width: float) -> Flowable:
    """Events, attendances, guests and member hours per event type, with the totals."""
    header = ["活动类型", "活动次数", "会员参加人次", "非会员参加人次", "会员活动时长"]
    rows: list[list[object]] = [
        [
            line["label"],
            line["events"],
            line["attendances"],
            line["guests"],
            fixed(line["hours"], 1),
        ]
        for line in stats["by_type"]
    ]
    rows.append(
        [
            "合计",
            stats["events"],
            stats["attendances"],
            stats["guests"],
            fixed(stats["member_hours"], 1),
        ]
    )
    number = width * 0.15
    return grid_table(header, rows, [width - 4 * number, *[number] * 4], numeric=[1, 2, 3, 4])


def participation_table(stats: Data, width: float) -> Flowable:
    """How many members took part, out of how many, and the hours per member."""
    rate = stats["participation_rate"]
    pairs = [
        ("参加活动会员人数", stats["participants"]),
        ("期内在册会员人数", stats["members"]),
        ("会员参与率", "—" if rate is None else f"{fixed(rate, 1)}%"),
        ("会员活动总时长", fixed(stats["member_hours"], 1)),
        ("人均活动时长", fixed(stats["hours_per_member"], 2)),
        ("非会员参加人次", stats["guests"]),
    ]
    cells = [(title, para(value, Styles.cell_number)) for title, value in pairs]
    return label_table(cells, [width * 0.3, width * 0.2] * 2)


def fixed(value: float | None, places: int) -> str:
    """A decimal figure with its fixed number of places ("—" when there is none)."""
    return "—" if value is None else f"{value:.{places}f}"


def period_line(data: Data) -> str:
    """The line under the title: the period and its first and last day."""
    return f"报告期：{data['period_label']}（{data['period_start']} 至 {data['period_end']}）"


def unit_line(letterhead: Letterhead, units: str) -> Flowable:
    """Who reports (to be stamped) at the left, the units of the figures at the right."""
    width = frame_width(letterhead)
    reporter = para(f"填报单位（盖章）：{letterhead.union_name}", Styles.cell)
    table = Table(
        [[reporter, para(units, Styles.cell_number)]], colWidths=[width * 0.7, width * 0.3]
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def section(title: str) -> list[Flowable]:
    """A numbered section heading, on a new page when too close to the foot of this one."""
    return [CondPageBreak(ROOM_FOR_A_SECTION), heading(title)]


def subheading(title: str) -> Flowable:
    """A heading inside a section, such as （二）本期评选通过人员名单."""
    return para(title, SUBHEADING)


def note(text: str) -> Flowable:
    """An explanatory note under a table."""
    return para(f"注：{text}", NOTE)


def sign_off(sign: Data, width: float) -> list[Flowable]:
    """The signatures at the end of a return: who is responsible, who filled it in, when."""
    pairs = [("单位负责人", sign["chair"]), ("填表人", ""), ("填报日期", sign["date"])]
    widths = [width * share for share in (0.13, 0.2, 0.1, 0.22, 0.13, 0.22)]
    return [spacer(8), label_table(pairs, widths)]
