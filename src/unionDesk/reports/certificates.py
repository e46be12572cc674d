"""荣誉证书: one landscape page per prize winner, framed, without the letterhead.

Each certificate is one flowable filling the ``CERTIFICATE`` page's frame. The frame (a double
border with corner brackets) is drawn as lines; every text, the fixed ones included, is a
Paragraph of :func:`unionDesk.reports.fonts.markup`, so a rare character of a name (𠈌) is drawn
in the fallback font and extracts as entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from unionDesk.reports.fonts import MAIN_FONT, markup
from unionDesk.reports.layout import CERTIFICATE

TITLE = "荣誉证书"
RED = colors.HexColor("#A31F24")
GOLD = colors.HexColor("#B8923A")
INK = colors.HexColor("#1F1F1F")
OUTER_LINE, INNER_LINE, INNER_INSET = 4.0, 1.2, 10.0
BRACKET_INSET, BRACKET_ARM = 18.0, 42.0
TITLE_SIZE, TITLE_GAP = 50.0, 26.0
TEXT_SIZE, NAME_SIZE = 23.0, 30.0
SIDE = 112.0  # left and right margin of the wording inside the frame
ISSUER_WIDTH = 340.0  # the block of the union's name and the date, bottom right


def _style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"leading": size * 1.9, "textColor": INK, "wordWrap": "CJK"}
    return ParagraphStyle(name, fontName=MAIN_FONT, fontSize=size, **(base | extra))


TITLE_STYLE = _style("certificate_title", TITLE_SIZE, textColor=RED, alignment=TA_CENTER)
# The wording shrinks in these steps until it fits above the issuer (a long competition name or
# a big team); the union's name shrinks to one line where it can.
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
ISSUER_SIZES = (18.0, 16.0, 14.0, 13.0)
ISSUER_BOTTOM, ISSUER_GAP = 62.0, 18.0


def _wording_styles(scale: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Salutation, body (first line indented two characters) and a team's members line."""
    size = TEXT_SIZE * scale
    return (
        _style("certificate_salutation", size),
        _style("certificate_body", size, firstLineIndent=2 * size),
        _style("certificate_members", 15 * scale, leftIndent=2 * size, leading=30 * scale),
    )


def certificate_pages(certificates: Sequence[dict[str, Any]]) -> list[Flowable]:
    """Landscape pages after the return, one per certificate (none without winners)."""
    story: list[Flowable] = [NextPageTemplate(CERTIFICATE)] if certificates else []
    for certificate in certificates:
        story += [PageBreak(), Certificate(certificate)]
    return story


class Certificate(Flowable):  # type: ignore[misc]
    """One 荣誉证书 filling the frame: border, title, wording, issuer and date.

    Args:
        data: one entry of the return's ``certificates`` (salutation, award, closing,
            members_line, issuer, date).
    """

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self._data = data
        self._size = (0.0, 0.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Take the whole frame (a hair less, so the frame never refuses it)."""
        self._size = (available_width, available_height - 1)
        return self._size

    def draw(self) -> None:
        """Draw the frame and the title, the issuer at the bottom, the wording between."""
        width, height = self._size
        self._border(width, height)
        self._title(width, height - 62)
        issuer_top = self._issuer(width)
        self._wording(width, height - 185, issuer_top + ISSUER_GAP)

    def _border(self, width: float, height: float) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RED)
        canvas.setLineWidth(OUTER_LINE)
        half = OUTER_LINE / 2
        canvas.rect(half, half, width - OUTER_LINE, height - OUTER_LINE)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(INNER_LINE)
        inset = INNER_INSET
        canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset)
        canvas.setStrokeColor(RED)
        canvas.setFillColor(GOLD)
        canvas.setLineWidth(1.6)
        for x, y, dx, dy in (
            (BRACKET_INSET, BRACKET_INSET, 1, 1),
            (width - BRACKET_INSET, BRACKET_INSET, -1, 1),
            (BRACKET_INSET, height - BRACKET_INSET, 1, -1),
            (width - BRACKET_INSET, height - BRACKET_INSET, -1, -1),
        ):
            canvas.lines([(x, y, x + dx * BRACKET_ARM, y), (x, y, x, y + dy * BRACKET_ARM)])
            self._diamond(x + dx * 9, y + dy * 9, 3.5)
        canvas.restoreState()

    def _diamond(self, x: float, y: float, radius: float) -> None:
        path = self.canv.beginPath()
        path.moveTo(x, y + radius)
        path.lineTo(x + radius, y)
        path.lineTo(x, y - radius)
        path.lineTo(x - radius, y)
        path.close()
        self.canv.drawPath(path, stroke=0, fill=1)

    def _title(self, width: float, top: float) -> None:
        """荣 誉 证 书, spaced one character at a time, over a gold rule."""
        step = TITLE_SIZE + TITLE_GAP
        left = (width - len(TITLE) * TITLE_SIZE - (len(TITLE) - 1) * TITLE_GAP) / 2
        for index, char in enumerate(TITLE):
            self._draw(Paragraph(markup(char), TITLE_STYLE), left + index * step, top, TITLE_SIZE)
        canvas = self.canv
        canvas.saveState()
        rule_y = top - TITLE_SIZE * 1.9 - 4
        canvas.setStrokeColor(GOLD)
        canvas.setFillColor(GOLD)
        canvas.setLineWidth(0.8)
        canvas.line(width / 2 - 150, rule_y, width / 2 - 10, rule_y)
        canvas.line(width / 2 + 10, rule_y, width / 2 + 150, rule_y)
        self._diamond(width / 2, rule_y, 4)
        canvas.restoreState()

    def _wording(self, width: float, top: float, bottom: float) -> None:
        """The salutation, the award and the closing line; a team's members under them.

        Drawn at the largest scale whose paragraphs fit between ``top`` and ``bottom``.
        """
        room = width - 2 * SIDE
        for scale in SCALES:
            paragraphs = self._paragraphs(scale)
            heights = [float(p.wrap(room, 10_000)[1]) for p in paragraphs]
            if sum(heights) <= top - bottom:
                break
        self._stack(paragraphs, SIDE, top, room)

    def _paragraphs(self, scale: float) -> list[Paragraph]:
        data = self._data
        salutation_style, body, members = _wording_styles(scale)
        name, salutation = str(data["name"]), str(data["salutation"])
        rest = salutation[len(name) :] if salutation.startswith(name) else salutation
        addressee = f'<font size="{NAME_SIZE * scale:.1f}">{markup(name)}</font>{markup(rest)}'
        paragraphs = [
            Paragraph(addressee, salutation_style),
            Paragraph(markup(data["award"]), body),
            Paragraph(markup(data["closing"]), body),
        ]
        if data["members_line"]:
            paragraphs.append(Paragraph(markup(data["members_line"]), members))
        return paragraphs

    def _issuer(self, width: float) -> float:
        """The union's name over the date, bottom right, room around them for the seal.

        Returns:
            The top of the block.
        """
        issuer = str(self._data["issuer"])
        size = next(
            (s for s in ISSUER_SIZES if stringWidth(issuer, MAIN_FONT, s) <= ISSUER_WIDTH),
            ISSUER_SIZES[-1],
        )
        style = _style("certificate_issuer", size, alignment=TA_CENTER, leading=size * 1.7)
        lines = [Paragraph(markup(issuer), style), Paragraph(markup(self._data["date"]), style)]
        top = ISSUER_BOTTOM + sum(float(p.wrap(ISSUER_WIDTH, 10_000)[1]) for p in lines)
        self._stack(lines, width - SIDE - ISSUER_WIDTH + 40, top, ISSUER_WIDTH)
        return top

    def _stack(self, paragraphs: list[Paragraph], x: float, top: float, room: float) -> None:
        """Draw ``paragraphs`` one under the other, the first with its top at ``top``."""
        for paragraph in paragraphs:
            top = self._draw(paragraph, x, top, room)

    def _draw(self, paragraph: Paragraph, x: float, top: float, room: float) -> float:
        """Draw ``paragraph`` with its top at ``top``; the top for the next one."""
        _, height = paragraph.wrap(room, 10_000)
        paragraph.drawOn(self.canv, x, top - height)
        return top - float(height)
