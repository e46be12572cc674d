"""The fonts of every return, and the guarantee that no character is silently dropped.

ReportLab draws a character its font lacks as nothing at all (DESIGN.md 12). So every string
goes through :func:`markup`, which

* draws what the main font (WenQuanYi Micro Hei) has in the main font;
* wraps runs of characters only the fallback font (HanaMin, CJK Extension A/B) has in a
  ``<font>`` tag, so 𠈌 (U+2020C) is drawn and not lost;
* raises :class:`MissingGlyphs` naming the characters neither font has, so the export stops
  and the caller can name the member.

It also patches ReportLab's ToUnicode CMap, which writes code points above U+FFFF as
``<2020C>`` instead of the UTF-16 surrogate pair ``<D840DE0C>``: the page looked right, but the
text extracted as garbage.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

MAIN_FONT = "UnionDeskSans"
FALLBACK_FONT = "UnionDeskExt"
MAIN_FILE = "WenQuanYiMicroHei.ttf"
FALLBACK_FILE = "HanaMinExt.ttf"

# Characters that are layout, not glyphs: never reported as missing.
_LAYOUT = frozenset("\n\r\t")


class MissingGlyphs(ValueError):
    """Characters that no shipped font can draw."""

    def __init__(self, characters: str, text: str) -> None:
        super().__init__(f"no font has {characters!r} (in {text!r})")
        self.characters = characters
        self.text = text


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and the code points each one covers."""

    main: frozenset[int]
    fallback: frozenset[int]

    def missing(self, text: str) -> str:
        """The distinct characters of ``text`` no font has, in order of first appearance."""
        seen: dict[str, None] = {}
        for char in text:
            code = ord(char)
            if char in _LAYOUT or code in self.main or code in self.fallback:
                continue
            seen.setdefault(char, None)
        return "".join(seen)


_lock = threading.Lock()
_fonts: FontSet | None = None


def font_path(name: str) -> str:
    """File system path of a shipped font (the package is installed as files, never zipped)."""
    return str(resources.files("unionDesk.resources").joinpath("fonts", name))


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap with every code point written as UTF-16BE (surrogates too)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    lines += [f"<{i:02X}> <{_utf16(v)}>" for i, v in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _utf16(code: int) -> str:
    """``code`` as UTF-16BE hex digits: a surrogate pair above U+FFFF (D840DE0C for 𠈌)."""
    return chr(code).encode("utf-16-be").hex().upper()


# Full-width punctuation ReportLab's kinsoku list lacks: no line may start with "，" (DESIGN 12).
CANNOT_START_LINE = "，；：！？）》〉」』】〕”’％"


def patch_reportlab() -> None:
    """Install the corrected ToUnicode writer and the Chinese line-start rule (idempotent)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    # Page streams are Flate-compressed binary: ASCII85 on top only costs time and 13% size.
    rl_config.useA85 = 0
    # Both copies are read: textsplit's for one-run paragraphs, paragraph's for mixed fonts.
    for module in (textsplit, paragraph):
        missing = "".join(c for c in CANNOT_START_LINE if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing


def fonts() -> FontSet:
    """Register the shipped fonts once per process and return their coverage."""
    global _fonts
    with _lock:
        if _fonts is None:
            patch_reportlab()
            main = ttfonts.TTFont(MAIN_FONT, font_path(MAIN_FILE))
            fallback = ttfonts.TTFont(FALLBACK_FONT, font_path(FALLBACK_FILE))
            pdfmetrics.registerFont(main)
            pdfmetrics.registerFont(fallback)
            _fonts = FontSet(
                main=frozenset(main.face.charToGlyph),
                fallback=frozenset(fallback.face.charToGlyph),
            )
        return _fonts


def check(text: str) -> None:
    """Raise :class:`MissingGlyphs` when a character of ``text`` cannot be drawn."""
    missing = fonts().missing(text)
    if missing:
        raise MissingGlyphs(missing, text)


def markup(text: str) -> str:
    """``text`` as Paragraph markup: escaped, with fallback runs in the fallback font.

    Raises:
        MissingGlyphs: a character no shipped font has.
    """
    font_set = fonts()
    check(text)
    parts: list[str] = []
    run: list[str] = []
    in_fallback = False
    for char in text:
        needs_fallback = char not in _LAYOUT and ord(char) not in font_set.main
        if needs_fallback != in_fallback and run:
            parts.append(_run(run, in_fallback))
            run = []
        in_fallback = needs_fallback
        run.append(char)
    if run:
        parts.append(_run(run, in_fallback))
    return "".join(parts).replace("\n", "<br/>")


def _run(chars: list[str], fallback: bool) -> str:
    body = escape("".join(chars))
    return f'<font name="{FALLBACK_FONT}">{body}</font>' if fallback else body


def needs_fallback(text: str) -> bool:
    """Whether some character of ``text`` is drawn with the fallback font."""
    main = fonts().main
    return any(ord(c) not in main for c in text if c not in _LAYOUT)
