"""Reading returns back the way a recipient would: poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess

import pytest

PDFTOTEXT = shutil.which("pdftotext")


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
