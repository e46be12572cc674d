"""候选人推荐表 layout: a ruled form of particulars with the photo, texts, checks and seals.

The form is a stack of ruled tables of the frame's width, so their rules meet like one printed
form. The account of deeds may run over several pages (in rows of a few lines, CJK-wrapped), and
the tables of honours, checks and history repeat their header row. The last block (the opinions of
the nominating unit and of the union, with their seals) stays on one page and ends above the
area at the bottom right where the digital signature box is stamped.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from unionDesk.reports.fonts import MAIN_FONT
from unionDesk.reports.layout import (
    GRID,
    HEADER_FILL,
    Letterhead,
    Styles,
    frame_width,
    grid_table,
    para,
    spacer,
    title_block,
)

LABEL = 22 * mm  # label columns of the particulars and the texts
PHOTO_COLUMN = 34 * mm
PHOTO_BOX = (28 * mm, 37 * mm)  # 3:4, a little smaller than the cell
PARTICULAR_ROW = 8.6 * mm  # five rows beside the photo: 43 mm
OPINION_ROOM = 19 * mm  # blank space to write the opinion in
SEAL_LINE = 9 * mm
SIGNATURE_ROOM = 16 * mm  # the digital signature box reaches 38 mm above the page's bottom
PADDING = 3.0
TEXT_PADDING = 2 * PADDING
PIECE_LINES = 3  # a piece of text is one table row; the label beside the first fits in 3
RULE = 0.4
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
NO_BREAK_SPACE = "\u00a0"  # a quarter of a Chinese character wide; never collapsed
KEEP_WITH_BAR = 30 * mm  # a section bar starts a page unless this much room is left

TEXT = ParagraphStyle(
    "nomination_text",
    parent=Styles.body,
    fontName=MAIN_FONT,
    firstLineIndent=21,  # two characters, as Chinese prose is set
    leading=10.5 * 1.6,
)
RUN_ON = ParagraphStyle("nomination_run_on", parent=TEXT, firstLineIndent=0)
SECTION = ParagraphStyle("nomination_section", parent=Styles.cell_head, fontSize=10.5, leading=14)
SEAL = ParagraphStyle("nomination_seal", parent=Styles.body, alignment=TA_RIGHT)
PHOTO_HINT = ParagraphStyle("nomination_photo", parent=Styles.body, alignment=TA_CENTER)


def render(letterhead: Letterhead, data: dict[str, Any]) -> list[Flowable]:
    """The nomination form's story, drawn only from ``data``."""
    width = frame_width(letterhead)
    program = data["program"]
    gap = blank(2)
    subtitle = (
        f"评选项目：{program['name']}{gap}荣誉称号：{program['honour_title']}"
        f"{gap}年度：{program['year']}{gap}编号：{data['candidate_id']}"
    )
    return [
        *title_block(letterhead, subtitle),
        _particulars(data, width),
        _texts(data, width),
        *_honours(data, width),
        *_eligibility(data, width),
        *_history(data, width),
        _seals(width),
    ]


# --- particulars --------------------------------------------------------------------------


def _particulars(data: dict[str, Any], width: float) -> Table:
    value = (width - 3 * LABEL - PHOTO_COLUMN) / 3
    photo = _photo(data["photo"])
    d = data
    # Seven columns: three label/value pairs, then the photo spanning the first five rows; ""
    # fills a cell covered by a span.
    rows: list[list[Any]] = [
        [*_pairs(("姓名", d["name"]), ("性别", d["sex"]), ("出生日期", d["birth_date"])), photo],
        [
            *_pairs(("民族", d["ethnicity"]), ("政治面貌", d["political_status"])),
            *_pairs(("学历", d["education"])),
            "",
        ],
        [*_pairs(("证件类型", d["id_type"]), ("证件号码", d["id_number"])), "", "", ""],
        [
            *_pairs(("技能等级", d["skill_level"]), ("工种", d["trade"]), ("职务", d["job_title"])),
            "",
        ],
        [
            *_pairs(("参加工作日期", d["work_start_date"]), ("入会日期", d["join_date"])),
            *_pairs(("人选类别", d["category"])),
            "",
        ],
        [*_pairs(("所在部门", d["department"])), "", "", "", "", ""],
        [*_pairs(("推荐单位", d["nominating_unit"])), "", "", "", "", ""],
        [
            *_pairs(("评选项目", d["program"]["name"])),
            "",
            "",
            *_pairs(("当前状态", d["state"])),
            "",
        ],
    ]
    table = Table(
        rows,
        colWidths=[LABEL, value, LABEL, value, LABEL, value, PHOTO_COLUMN],
        rowHeights=[PARTICULAR_ROW] * 5 + [None] * 3,
    )
    style = _form_style()
    for span in (((6, 0), (6, 4)), ((3, 2), (5, 2)), ((1, 5), (6, 5)), ((1, 6), (6, 6))):
        style.add("SPAN", *span)
    style.add("SPAN", (1, 7), (3, 7))
    style.add("SPAN", (5, 7), (6, 7))
    for column in (0, 2, 4):
        style.add("BACKGROUND", (column, 0), (column, 4), HEADER_FILL)
    style.add("BACKGROUND", (0, 5), (0, 7), HEADER_FILL)
    style.add("BACKGROUND", (4, 7), (4, 7), HEADER_FILL)
    style.add("ALIGN", (6, 0), (6, 4), "CENTER")
    table.setStyle(style)
    return table


def _pairs(*pairs: tuple[str, object]) -> list[Paragraph]:
    """Label and value cells of each (label, value) pair, in a row."""
    return [
        cell
        for label, value in pairs
        for cell in (para(label, Styles.cell_head), para(value, Styles.cell))
    ]


def _photo(photo: dict[str, Any] | None) -> Flowable:
    """The photo fitted into the box (its proportions kept), or the box's "照片" mark."""
    if photo is None:
        return para("照片", PHOTO_HINT)
    box_width, box_height = PHOTO_BOX
    scale = min(box_width / photo["width_px"], box_height / photo["height_px"])
    image = Image(
        io.BytesIO(base64.b64decode(photo["jpeg_base64"])),
        width=photo["width_px"] * scale,
        height=photo["height_px"] * scale,
    )
    image.hAlign = "CENTER"
    return image


# --- texts --------------------------------------------------------------------------------


def _texts(data: dict[str, Any], width: float) -> Table:
    """事迹摘要 and 主要事迹 beside their labels, in rows of a few lines each.

    Each text is cut into pieces of at most ``PIECE_LINES`` lines, one table row each, ruled
    only around each text, so a text of any length runs on over pages: the table splits between
    any two rows. (ReportLab's splitting inside a row failed on some lengths, and its
    ``Paragraph.split`` loses the CJK line breaking of the rest.)
    """
    text_width = width - LABEL - 2 * TEXT_PADDING
    sections = [
        (_label_cell("事迹摘要", data["summary_length"]), _pieces(data["summary"], text_width)),
        (_label_cell("主要事迹", data["deeds_length"]), _pieces(data["deeds"], text_width)),
    ]
    rows: list[list[Any]] = []
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MAIN_FONT, 9),
            ("BOX", (0, 0), (-1, -1), RULE, GRID),
            ("LINEAFTER", (0, 0), (0, -1), RULE, GRID),
            ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (0, -1), PADDING),
            ("LEFTPADDING", (1, 0), (1, -1), TEXT_PADDING),
            ("RIGHTPADDING", (1, 0), (1, -1), TEXT_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    for label, pieces in sections:
        first, last = len(rows), len(rows) + len(pieces) - 1
        rows += [[label if index == 0 else "", piece] for index, piece in enumerate(pieces)]
        style.add("LINEABOVE", (0, first), (-1, first), RULE, GRID)
        style.add("TOPPADDING", (0, first), (-1, first), 2 * PADDING)
        style.add("BOTTOMPADDING", (0, last), (-1, last), 2 * PADDING)
    table = Table(rows, colWidths=[LABEL, width - LABEL])
    table.setStyle(style)
    return table


def _label_cell(title: str, length: int) -> Paragraph:
    """The label of a text, two characters a line as on printed forms, with its length."""
    return para(f"{title[:2]}\n{title[2:]}\n（{length}字）", Styles.cell_head)


def _pieces(text: str, width: float) -> list[list[Paragraph]]:
    """The text in pieces of ``PIECE_LINES`` lines, each a table cell of paragraph parts.

    Paragraphs keep their order and their indented first line; a paragraph cut between two
    pieces ends the first with a full line, so the next piece reads on seamlessly.
    """
    pieces: list[list[Paragraph]] = [[]]
    room = PIECE_LINES
    for paragraph in (line.strip() for line in text.split("\n")):
        rest, style = paragraph, TEXT
        while rest:
            if room == 0:
                pieces.append([])
                room = PIECE_LINES
            cut = _fitting(rest, style, width, room)
            pieces[-1].append(para(rest[:cut], style))
            room -= _lines(rest[:cut], style, width)
            rest, style = rest[cut:], RUN_ON
    return pieces if pieces[0] else [[para("（未填写）", Styles.body)]]


def _lines(text: str, style: ParagraphStyle, width: float) -> int:
    height: float = para(text, style).wrap(width, 1e6)[1]
    return round(height / float(style.leading))


def _fitting(text: str, style: ParagraphStyle, width: float, lines: int) -> int:
    """How many characters of ``text`` fill at most ``lines`` lines (all when it fits).

    The cut never leaves a closing mark to start the next piece, nor an opening one to end this.
    """
    if _lines(text, style, width) <= lines:
        return len(text)
    fits, overflows = 1, len(text)
    while overflows - fits > 1:
        middle = (fits + overflows) // 2
        if _lines(text[:middle], style, width) <= lines:
            fits = middle
        else:
            overflows = middle
    while fits > 1 and (text[fits] in NO_LINE_START or text[fits - 1] in NO_LINE_END):
        fits -= 1
    return fits


# --- honours, eligibility and history ------------------------------------------------------


def _section(title: str, width: float) -> Table:
    """A shaded bar naming the section, ruled like the rest of the form."""
    table = Table([[para(title, SECTION)]], colWidths=[width])
    style = _form_style()
    style.add("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL)
    table.setStyle(style)
    return table


def _note(text: str, width: float) -> Table:
    """One ruled line of text under a section bar."""
    table = Table([[para(text, Styles.cell)]], colWidths=[width])
    table.setStyle(_form_style())
    return table


def _table(
    title: str, header: Sequence[str], rows: list[list[object]], widths: Sequence[float]
) -> list[Flowable]:
    """A section bar over a ruled table (a new page first if the bar would be left alone)."""
    return [
        CondPageBreak(KEEP_WITH_BAR),
        _section(title, sum(widths)),
        grid_table(header, rows, widths),
    ]


def _bar_and_note(title: str, text: str, width: float) -> list[Flowable]:
    return [CondPageBreak(KEEP_WITH_BAR), _section(title, width), _note(text, width)]


def _honours(data: dict[str, Any], width: float) -> list[Flowable]:
    honours = data["honours"]
    if not honours:
        return _bar_and_note("已获荣誉", "无", width)
    rows: list[list[object]] = [
        [index, h["title"], h["level"], h["year"], h["awarding_body"]]
        for index, h in enumerate(honours, start=1)
    ]
    widths = [12 * mm, 0.0, 24 * mm, 16 * mm, 52 * mm]
    widths[1] = width - sum(widths)
    return _table("已获荣誉", ["序号", "荣誉称号", "级别", "年度", "授予单位"], rows, widths)


def _eligibility(data: dict[str, Any], width: float) -> list[Flowable]:
    results = data["eligibility"]
    blocks: list[Flowable]
    if results:
        rows: list[list[object]] = [
            [index, result["reason"], result["verdict"]]
            for index, result in enumerate(results, start=1)
        ]
        widths = [12 * mm, width - 32 * mm, 20 * mm]
        blocks = _table("资格审查", ["序号", "审查条件及情况", "结论"], rows, widths)
    else:
        blocks = _bar_and_note("资格审查", "本评选项目未设资格条件。", width)
    if data["eligibility_override"]:
        blocks.append(_note(f"经办人认定合格，理由：{data['eligibility_override']}", width))
    publicity = data["publicity"]
    if publicity:
        blocks.append(
            _note(
                f"公示期：{publicity['start']} 至 {publicity['end']}{blank(2)}"
                f"收到异议：{publicity['objections']} 件{blank(2)}公示结果：{publicity['outcome']}",
                width,
            )
        )
    return blocks


def _history(data: dict[str, Any], width: float) -> list[Flowable]:
    rows: list[list[object]] = [
        [step["at"], f"{step['from']} → {step['to']}", step["actor"], step["reason"]]
        for step in data["history"]
    ]
    if not rows:
        return _bar_and_note("办理记录", "无", width)
    widths = [30 * mm, 52 * mm, 26 * mm, 0.0]
    widths[3] = width - sum(widths)
    return _table("办理记录", ["时间", "状态变化", "经办人", "说明"], rows, widths)


# --- opinions and seals -------------------------------------------------------------------


def blank(characters: int) -> str:
    """Room to write ``characters`` Chinese characters by hand (spaces a paragraph keeps)."""
    return NO_BREAK_SPACE * (4 * characters)


def _seals(width: float) -> KeepTogether:
    """The two opinion boxes with signature, seal and date, kept clear of the digital stamp."""
    half = width / 2
    rows = [
        [para("推荐单位意见：", Styles.body), para("工会意见：", Styles.body)],
        ["", ""],
        [para(f"负责人签字：{blank(10)}（盖章）", SEAL) for _ in range(2)],
        [para(f"日期：{blank(4)}年{blank(2)}月{blank(2)}日", SEAL) for _ in range(2)],
    ]
    table = Table(
        rows,
        colWidths=[half, half],
        rowHeights=[None, OPINION_ROOM, SEAL_LINE, SEAL_LINE],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, -1), RULE, GRID),
                ("BOX", (1, 0), (1, -1), RULE, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * PADDING),
            ]
        )
    )
    return KeepTogether([spacer(4), table, spacer(SIGNATURE_ROOM / mm)])


def _form_style() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MAIN_FONT, 9),
            ("GRID", (0, 0), (-1, -1), RULE, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
        ]
    )
