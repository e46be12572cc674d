"""The shipped fonts: no character silently lost, text extracts as entered, CJK wrapping."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from reportlab.platypus import Paragraph

from returns_helpers import pdf_text
from unionDesk.reports.fonts import (
    FALLBACK_FONT,
    MissingGlyphs,
    fonts,
    markup,
    needs_fallback,
)
from unionDesk.reports.layout import Letterhead, Styles, build_pdf, para

LETTERHEAD = Letterhead(
    "测试表", "测试工会", "91110105MA01ABCD13", "2026年度", datetime(2026, 11, 21, 9, 0), "0.1.0"
)


def test_rare_characters_go_to_the_fallback_font():
    assert not needs_fallback("王俊雪·阿依古丽 ABC 123")
    assert needs_fallback("王𠈌")
    assert markup("王𠈌<&>") == f'王<font name="{FALLBACK_FONT}">𠈌</font>&lt;&amp;&gt;'


def test_a_character_no_font_has_is_named():
    with pytest.raises(MissingGlyphs) as missing:
        markup("李\U0002a700明")
    assert missing.value.characters == "\U0002a700"
    assert fonts().missing("李\U0002a700\U0002a700明\n") == "\U0002a700"


@pytest.mark.parametrize("text", ["王𠈌", "𠈌𠀀𪚥", "阿依古丽·买买提", "单雄（曾用名：区𠈌）"])
def test_text_extracts_exactly_as_entered(text):
    # Without the ToUnicode fix, characters above U+FFFF extract as garbage.
    assert text in pdf_text(build_pdf(LETTERHEAD, [para(text)]), layout=False)


def test_no_line_starts_with_chinese_punctuation():
    text = (
        "职工代表大会审议通过，工会委员会组织实施；各车间认真落实：成效明显！是否继续？（完）" * 6
    )
    style = Styles.body
    for width in range(60, 200, 7):
        paragraph = Paragraph(markup(text), style)
        paragraph.wrap(width, 10_000)  # as a frame lays it out (wordWrap="CJK")
        lines = paragraph.blPara.lines
        starts = [line[1][0][0] for line in lines]  # plain paragraphs: (space, [text])
        assert len(starts) > 3
        assert not set(starts) & set("，；：！？）。、")


def test_every_font_of_a_return_is_embedded(tmp_path):
    path = tmp_path / "return.pdf"
    path.write_bytes(build_pdf(LETTERHEAD, [para("王𠈌 阿依古丽·买买提 2026")]))
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert len(rows) == 2  # the main font and the fallback, nothing else (no Helvetica)
    assert all(row.split()[-5] == "yes" for row in rows)  # the "emb" column
