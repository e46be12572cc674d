"""Printing a return: each PDF page rendered at the printer's resolution and fitted to the paper.

Printing runs on the GUI thread (PDFium is not thread-safe) one page per event-loop turn, so
the window stays responsive while a long roster goes to the printer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2
from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtPrintSupport import QPrinter

from unionDesk.ui.returns.preview import POINTS_PER_INCH, render_page

MAX_PRINT_DPI = 300  # finer than this only costs memory: a 300 dpi A4 page is already 35 MB


class PrintFailed(Exception):
    """The printer could not be started (no printer, or the output file cannot be opened)."""


def pages_to_print(printer: QPrinter, page_count: int) -> range:
    """Indexes (from 0) of the pages the print dialog asked for; every page by default."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return range(printer.fromPage() - 1, min(printer.toPage(), page_count))
    return range(page_count)


def fit_image(image: QImage, area: QRect) -> tuple[QImage, QRect]:
    """The image turned to match the paper's orientation, and where it goes, keeping proportions.

    A landscape page (a certificate) on portrait paper is turned a quarter, not shrunk.
    """
    if (image.width() > image.height()) != (area.width() > area.height()):
        image = image.transformed(QTransform().rotate(90))
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = round(image.width() * scale), round(image.height() * scale)
    left = area.left() + (area.width() - width) // 2
    top = area.top() + (area.height() - height) // 2
    return image, QRect(left, top, width, height)


def paint_pages(pdf: bytes, printer: QPrinter) -> Iterator[tuple[int, int]]:
    """Paint the pages of ``pdf`` on ``printer``, one per step; yields (pages done, total).

    Raises:
        PrintFailed: the printer could not be started.
    """
    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        wanted = pages_to_print(printer, len(document))
        if not painter.begin(printer):
            raise PrintFailed(printer.printerName() or printer.outputFileName())
        scale = min(printer.resolution(), MAX_PRINT_DPI) / POINTS_PER_INCH
        area = QRect(0, 0, printer.width(), printer.height())  # the printable area
        for done, index in enumerate(wanted, start=1):
            if done > 1:
                printer.newPage()
            page = document[index]
            try:
                image, target = fit_image(render_page(page, scale), area)
            finally:
                page.close()
            painter.drawImage(target, image)
            yield done, len(wanted)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page ``printer`` asks for at once; returns the number of pages printed."""
    return max((done for done, _total in paint_pages(pdf, printer)), default=0)


class PrintJob(QObject):
    """Prints a PDF a page per event-loop turn.

    Signals:
        progressed(int, int): pages printed so far, and the pages to print.
        finished(int): every page was sent; the number of pages.
        failed(object): the exception that stopped printing (``PrintFailed`` for the printer).
    """

    progressed = Signal(int, int)
    finished = Signal(int)
    failed = Signal(object)

    def __init__(self, pdf: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer  # kept alive until the last page is painted
        self._steps = paint_pages(pdf, printer)
        self._printed = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        """Start printing; the pages follow as the event loop turns."""
        self._timer.start()

    def _step(self) -> None:
        try:
            self._printed, total = next(self._steps)
        except StopIteration:
            self._timer.stop()
            self.finished.emit(self._printed)
            return
        except Exception as error:  # reported to the page, which tells the user
            self._timer.stop()
            self.failed.emit(error)
            return
        self.progressed.emit(self._printed, total)
