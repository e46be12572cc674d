"""Small PDFs made with ReportLab, and what poppler's tools say about a PDF.

``pdfsig`` exits 0 even on a digest mismatch (DESIGN.md 12), so its text is parsed: a file is
valid only when every signed field says "Signature is Valid."
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from unionDesk.reports.fonts import MAIN_FONT, fonts

HAS_PDFSIG = shutil.which("pdfsig") is not None


def make_pdf(text: str, pages: int = 1) -> bytes:
    """An A4 PDF in the main CJK font with ``text`` (one line) on each of ``pages`` pages."""
    fonts()
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    for number in range(1, pages + 1):
        page.setFont(MAIN_FONT, 14)
        page.drawString(72, 760, text)
        page.drawString(72, 740, f"第 {number} 页 / 共 {pages} 页")
        page.showPage()
    page.save()
    return out.getvalue()


def flip_signed_byte(pdf: bytes) -> bytes:
    """``pdf`` with one byte changed in a stream of its first revision (bytes a signature covers).

    The byte lies inside stream data, so the file still parses; only the digest differs.
    """
    start = pdf.index(b"stream", pdf.index(b"/Contents")) + len(b"stream\n") + 10
    return pdf[:start] + bytes([pdf[start] ^ 0x01]) + pdf[start + 1 :]


def add_page_content(pdf: bytes, text: bytes = b"FORGED") -> bytes:
    """``pdf`` plus an incremental update that draws ``text`` on page 1 (a forger's edit)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 400 Td (" + text + b") Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdfsig_text(path: Path) -> str:
    """What ``pdfsig`` prints about ``path`` (stdout and stderr)."""
    done = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    return done.stdout + done.stderr


def pdfsig_validations(path: Path) -> list[str]:
    """The "Signature Validation:" verdict of each signed field, in order."""
    return re.findall(r"Signature Validation: (.+)", pdfsig_text(path))


def pdfsig_says_valid(path: Path) -> bool:
    """Whether ``pdfsig`` finds at least one signature and calls every one valid."""
    verdicts = pdfsig_validations(path)
    return bool(verdicts) and all(v.strip() == "Signature is Valid." for v in verdicts)
