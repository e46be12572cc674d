"""The common frame of every return: letterhead, page numbers, styles and tables.

Returns are official Chinese documents for the higher-level union, printed the same whatever
language the app is shown in, so their fixed texts are Chinese here rather than translated.

Every text goes through :func:`unionDesk.reports.fonts.markup`, so a character the main font
lacks is drawn with the fallback font, and one no font has stops the export
(:class:`~unionDesk.reports.fonts.MissingGlyphs`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from unionDesk.reports.fonts import MAIN_FONT, check, fonts, markup, needs_fallback

MARGIN: float = 15 * mm
HEADER_BAND: float = 14 * mm
FOOTER_BAND: float = 12 * mm
GRID = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#E8E8E8")
# Page templates: the letterheaded page of the return (portrait unless the Letterhead says
# landscape), and a landscape page without letterhead or number, for prize certificates. A story
# switches with ``NextPageTemplate(CERTIFICATE)`` followed by ``PageBreak()``.
PAGE, CERTIFICATE = "page", "certificate"
CELL_PADDING = 2.5


@dataclass(frozen=True)
class Letterhead:
    """What every page of a return says about where it comes from."""

    title: str  # 会员花名册
    union_name: str
    union_code: str  # 统一社会信用代码
    period: str  # 2026年第三季度, or 截至 2026-11-21
    generated_at: datetime
    version: str
    landscape: bool = False

    @property
    def page_size(self) -> tuple[float, float]:
        """A4, portrait unless the return is landscape (certificates)."""
        size: tuple[float, float] = landscape(A4) if self.landscape else A4
        return size


def _style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=MAIN_FONT, fontSize=size, leading=size * 1.35, wordWrap="CJK", **extra
    )


class Styles:
    """The paragraph styles of the returns (CJK wrapping: no line starts with "。" or "，")."""

    title = _style("title", 18, alignment=TA_CENTER, spaceAfter=3 * mm)
    subtitle = _style("subtitle", 10.5, alignment=TA_CENTER, spaceAfter=4 * mm)
    heading = _style("heading", 12, spaceBefore=4 * mm, spaceAfter=2 * mm)
    body = _style("body", 10.5)
    cell = _style("cell", 9)
    cell_number = _style("cell_number", 9, alignment=TA_RIGHT)
    cell_head = _style("cell_head", 9, alignment=TA_CENTER)
    small = _style("small", 8)


def para(text: object, style: ParagraphStyle = Styles.body) -> Paragraph:
    """A paragraph of plain text (escaped; rare characters in the fallback font)."""
    return Paragraph(markup(str(text)), style)


def title_block(letterhead: Letterhead, subtitle: str = "") -> list[Flowable]:
    """The big title of the first page, with an optional line under it."""
    blocks: list[Flowable] = [para(letterhead.title, Styles.title)]
    blocks.append(para(subtitle or f"报告期：{letterhead.period}", Styles.subtitle))
    return blocks


def heading(text: str) -> Paragraph:
    """A section heading inside a return."""
    return para(text, Styles.heading)


def _grid_style(header_rows: int) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), MAIN_FONT, CELL_SIZE, CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return TableStyle(commands)


CELL_SIZE = 9
CELL_LEADING = CELL_SIZE * 1.35


def _cells(
    row: Sequence[object], widths: Sequence[float], numeric: frozenset[int]
) -> list[Flowable | str]:
    """Cells as plain strings where they fit on one line, else as wrapping paragraphs.

    A plain string in the main font is about ten times faster to lay out than a Paragraph.
    """
    cells: list[Flowable | str] = []
    for index, value in enumerate(row):
        if isinstance(value, Flowable):
            cells.append(value)
            continue
        text = str(value)
        room = widths[index] - 2 * CELL_PADDING
        if "\n" not in text and not needs_fallback(text):
            check(text)
            if stringWidth(text, MAIN_FONT, CELL_SIZE) <= room:
                cells.append(text)
                continue
        cells.append(para(text, Styles.cell_number if index in numeric else Styles.cell))
    return cells


class PagedTable(Flowable):  # type: ignore[misc]
    """A long table that repeats its header row on every page and splits in linear time.

    ReportLab's own ``Table`` re-measures the whole remainder at each page break (a 10,000-row
    roster took 6.5 s). This measures each row once, then cuts one page-sized ``Table`` at a
    time, each with the header row on top.
    """

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        numeric: Sequence[int] = (),
    ) -> None:
        super().__init__()
        self._numeric = frozenset(numeric)
        self._widths = list(widths)
        self._header = [para(text, Styles.cell_head) for text in header]
        self._rows = [_cells(row, self._widths, self._numeric) for row in rows]
        self._heights: list[float] | None = None
        self._header_height = self._row_height(self._header)

    def _row_height(self, cells: Sequence[Flowable | str]) -> float:
        tallest = CELL_LEADING
        for cell, width in zip(cells, self._widths, strict=True):
            if isinstance(cell, str):
                continue
            _, height = cell.wrap(width - 2 * CELL_PADDING, 10_000)
            tallest = max(tallest, height)
        return tallest + 2 * CELL_PADDING

    def _measure(self) -> list[float]:
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self._rows]
        return self._heights

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The whole table's size (the frame splits it when it does not fit)."""
        return sum(self._widths), self._header_height + sum(self._measure())

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """One page's table, and the rest as another PagedTable."""
        heights = self._measure()
        room = available_height - self._header_height
        count = 0
        while count < len(heights) and room >= heights[count]:
            room -= heights[count]
            count += 1
        if count == 0:
            return []
        return [self._page(0, count), self._rest(count)]

    def _page(self, start: int, stop: int) -> Table:
        table = Table(
            [self._header, *self._rows[start:stop]],
            colWidths=self._widths,
            rowHeights=[self._header_height, *self._measure()[start:stop]],
            repeatRows=1,
        )
        style = _grid_style(1)
        for column in self._numeric:
            style.add("ALIGN", (column, 1), (column, -1), "RIGHT")
        table.setStyle(style)
        return table

    def _rest(self, start: int) -> PagedTable:
        rest = PagedTable.__new__(PagedTable)
        Flowable.__init__(rest)
        rest._numeric = self._numeric
        rest._header = self._header
        rest._rows = self._rows[start:]
        rest._widths = self._widths
        rest._heights = self._measure()[start:]
        rest._header_height = self._header_height
        return rest

    def draw(self) -> None:
        """Draw the table when it fits on the page as a whole."""
        table = self._page(0, len(self._rows))
        table.wrapOn(self.canv, sum(self._widths), self._header_height + sum(self._measure()))
        table.drawOn(self.canv, 0, 0)


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    numeric: Sequence[int] = (),
) -> PagedTable:
    """A ruled table with a grey header row repeated on every page.

    Args:
        header: column titles.
        rows: cell values (text, numbers or ready flowables).
        widths: column widths in points (they should add up to the frame width).
        numeric: indexes of right-aligned (number) columns.
    """
    return PagedTable(header, rows, widths, numeric)


def label_table(pairs: Sequence[tuple[str, object]], widths: Sequence[float]) -> Table:
    """A form-like table of label/value pairs, two pairs a row when four widths are given."""
    per_row = len(widths) // 2
    rows: list[list[Flowable]] = []
    for start in range(0, len(pairs), per_row):
        row: list[Flowable] = []
        for label, value in pairs[start : start + per_row]:
            row += [para(label, Styles.cell_head), _value_cell(value)]
        row += [para("", Styles.cell)] * (2 * per_row - len(row))
        rows.append(row)
    table = Table(rows, colWidths=list(widths))
    style = _grid_style(0)
    for column in range(0, 2 * per_row, 2):
        style.add("BACKGROUND", (column, 0), (column, -1), HEADER_FILL)
    table.setStyle(style)
    return table


def _value_cell(value: object) -> Flowable:
    return value if isinstance(value, Flowable) else para(value, Styles.cell)


def frame_width(letterhead: Letterhead) -> float:
    """Width of the text area of the return's pages."""
    return letterhead.page_size[0] - 2 * MARGIN


def spacer(height_mm: float) -> Spacer:
    """Vertical space in millimetres."""
    return Spacer(1, height_mm * mm)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until the end, so every footer can say 共 y 页."""

    def __init__(self, *args: Any, draw_footer: Callable[[Canvas, int, int], None], **kw: Any):
        # Start each page in the embedded font, so no unembedded Helvetica is referenced.
        super().__init__(*args, **{**kw, "initialFontName": MAIN_FONT})
        self._pages: list[dict[str, Any]] = []
        self._draw_footer = draw_footer

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        # Certificate pages carry no number and are not counted in 共 y 页.
        total = sum(1 for state in self._pages if not state.get("uniondesk_plain", False))
        number = 0
        for state in self._pages:
            self.__dict__.update(state)
            if not state.get("uniondesk_plain", False):
                number += 1
                self._draw_footer(self, number, total)
            super().showPage()
        super().save()


def build_pdf(letterhead: Letterhead, story: Sequence[Flowable]) -> bytes:
    """Lay ``story`` out on A4 pages with the letterhead and page numbers; the PDF's bytes."""
    fonts()
    buffer = io.BytesIO()
    width, height = letterhead.page_size
    document = BaseDocTemplate(
        buffer,
        pagesize=letterhead.page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_BAND,
        bottomMargin=MARGIN + FOOTER_BAND,
        title=f"{letterhead.title}（{letterhead.period}）",
        author=letterhead.union_name,
        creator=f"UnionDesk {letterhead.version}",
        subject=letterhead.title,
    )
    header = _header_painter(letterhead)
    certificate_size = landscape(A4)
    document.addPageTemplates(
        [
            PageTemplate(
                id=PAGE, frames=[_frame(width, height)], onPage=header, pagesize=(width, height)
            ),
            PageTemplate(
                id=CERTIFICATE,
                frames=[_frame(*certificate_size, bands=False)],
                onPage=_plain_page,
                pagesize=certificate_size,
            ),
        ]
    )

    def footer(canvas: Canvas, number: int, total: int) -> None:
        _draw_footer(canvas, letterhead, number, total)

    def canvas_maker(*args: Any, **kw: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, draw_footer=footer, **kw)

    document.build(list(story), canvasmaker=canvas_maker)
    return buffer.getvalue()


def _frame(width: float, height: float, *, bands: bool = True) -> Frame:
    header, footer = (HEADER_BAND, FOOTER_BAND) if bands else (0.0, 0.0)
    return Frame(
        MARGIN,
        MARGIN + footer,
        width - 2 * MARGIN,
        height - 2 * MARGIN - header - footer,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _plain_page(canvas: Canvas, _document: Any) -> None:
    canvas.uniondesk_plain = True  # no letterhead and no page number (a certificate)


def _header_painter(letterhead: Letterhead) -> Callable[[Canvas, Any], None]:
    width, height = letterhead.page_size
    left = para(f"{letterhead.union_name}　统一社会信用代码：{letterhead.union_code}", Styles.small)
    right = Paragraph(
        markup(f"{letterhead.title}　{letterhead.period}"),
        _style("head_right", 8, alignment=TA_RIGHT),
    )
    usable = width - 2 * MARGIN

    def paint(canvas: Canvas, _document: Any) -> None:
        canvas.uniondesk_plain = False
        canvas.saveState()
        top = height - MARGIN
        _, left_height = left.wrap(usable * 0.62, HEADER_BAND)
        left.drawOn(canvas, MARGIN, top - left_height)
        _, right_height = right.wrap(usable * 0.38, HEADER_BAND)
        right.drawOn(canvas, MARGIN + usable * 0.62, top - right_height)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        line_y = top - max(left_height, right_height) - 1.5 * mm
        canvas.line(MARGIN, line_y, width - MARGIN, line_y)
        canvas.restoreState()

    return paint


def _draw_footer(canvas: Canvas, letterhead: Letterhead, number: int, total: int) -> None:
    width = canvas._pagesize[0]
    canvas.saveState()
    canvas.setFont(MAIN_FONT, 8)
    canvas.setFillColor(colors.black)
    y = MARGIN
    generated = letterhead.generated_at.strftime("%Y-%m-%d %H:%M")
    canvas.drawString(MARGIN, y, f"生成时间：{generated}　UnionDesk {letterhead.version}")
    canvas.drawRightString(width - MARGIN, y, f"第 {number} 页 / 共 {total} 页")
    canvas.restoreState()
