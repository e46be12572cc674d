"""Reading returns back the way a recipient would: poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

PDFTOTEXT = shutil.which("pdftotext")
MM = 72 / 25.4  # points per millimetre


def pdf_text(pdf: bytes, *, layout: bool = True) -> str:
    """The text of a PDF as ``pdftotext`` extracts it (``-layout`` keeps table rows on a line)."""
    if PDFTOTEXT is None:
        pytest.fail("pdftotext (poppler-utils) is needed; .ci/run installs it")
    command = [PDFTOTEXT, "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    result = subprocess.run(command, input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_pages(pdf: bytes) -> int:
    """Number of pages, from ``pdfinfo``."""
    output = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    for line in output.stdout.decode("utf-8").splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")


def text_bottoms(pdf: bytes, tmp_path: Path) -> list[tuple[str, float]]:
    """The last page's words above the footer, with their bottom edge in points from the foot."""
    path = tmp_path / "return.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    last = ElementTree.fromstring(html).findall(".//x:page", namespace)[-1]
    height = float(last.get("height"))
    words = [(w.text, height - float(w.get("yMax"))) for w in last.findall("x:word", namespace)]
    return [(text, bottom) for text, bottom in words if bottom > 20 * MM]  # footer: 15 mm
