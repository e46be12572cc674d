"""The small font of a visible signature box: the characters it shows, and no more.

pyHanko subsets the font it is given while keeping every glyph id; over the 49,531 glyphs of
the main font that took 0.5 s per signature. So the box gets a font cut to its own characters
(cached per text). Characters the main font lacks, such as 𠈌 in a signer's name, are taken
from the fallback font and merged in, as the returns draw them; one neither font has raises
:class:`~unionDesk.reports.fonts.MissingGlyphs`.
"""

from __future__ import annotations

import io
import threading
from functools import lru_cache
from typing import Any

from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from reportlab.pdfbase import ttfonts

from unionDesk.reports.fonts import FALLBACK_FILE, MAIN_FILE, MissingGlyphs, font_path

UNITS_PER_EM = 1000  # pyHanko's text layout assumes 1,000 units per em (DESIGN.md 12)
_lock = threading.Lock()  # a ReportLab face reads its file through one shared position


@lru_cache(maxsize=2)
def _face(name: str) -> Any:
    """A font parsed by ReportLab (the main one in 0.07 s), once per process."""
    return ttfonts.TTFontFace(font_path(name))


@lru_cache(maxsize=32)
def stamp_font(characters: str) -> bytes:
    """A TrueType font with exactly ``characters``, mapped by Unicode.

    Raises:
        MissingGlyphs: a character neither shipped font has.
    """
    main = _face(MAIN_FILE)
    wanted = sorted({ord(c) for c in characters})
    from_main = [code for code in wanted if code in main.charToGlyph]
    rest = [code for code in wanted if code not in main.charToGlyph]
    if not rest:
        return _save(_subset(main, from_main))
    fallback = _face(FALLBACK_FILE)
    missing = "".join(chr(code) for code in rest if code not in fallback.charToGlyph)
    if missing:
        raise MissingGlyphs(missing, characters)
    extra = _subset(fallback, rest)
    scale_upem(extra, UNITS_PER_EM)
    merged = Merger().merge([_buffer(_subset(main, from_main)), _buffer(extra)])
    return _save(merged)


def _subset(face: Any, codes: list[int]) -> TTFont:
    """ReportLab's subset (milliseconds, where fontTools took 0.15 s on the 4 MB main font).

    Its character map numbers the characters 0, 1, 2 …, so it is replaced by a Unicode one
    (format 12 as well when a code lies above U+FFFF).
    """
    with _lock:
        font = TTFont(io.BytesIO(face.makeSubset(codes)))
    by_index = font["cmap"].tables[0].cmap
    mapping = {code: by_index[index] for index, code in enumerate(codes)}
    basic = CmapSubtable.newSubtable(4)
    basic.platformID, basic.platEncID, basic.language = 3, 1, 0
    basic.cmap = {code: glyph for code, glyph in mapping.items() if code <= 0xFFFF}
    tables = [basic]
    if len(basic.cmap) < len(mapping):
        full = CmapSubtable.newSubtable(12)
        full.platformID, full.platEncID, full.language = 3, 10, 0
        full.cmap = mapping
        tables.append(full)
    font["cmap"].tables = tables
    return font


def _buffer(font: TTFont) -> io.BytesIO:
    out = io.BytesIO()
    font.save(out)
    out.seek(0)
    return out


def _save(font: TTFont) -> bytes:
    return _buffer(font).getvalue()
