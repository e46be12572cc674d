"""A PDF preview made of rendered page images, drawn as the pages come into view.

PySide6-Essentials has no QtPdf, so pages are rasterised with pypdfium2. Only the pages on
screen (and one either side) are rendered, one per event-loop turn, so a 40-page roster shows
its first page at once and scrolling stays smooth; images far from view are dropped again.
PDFium is not thread-safe, so every call into it stays on the GUI thread. The document is open
only while pages are being rendered.
"""

from __future__ import annotations

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

POINTS_PER_INCH = 72.0
PAGE_GAP = 12  # pixels between pages and around them
KEEP_AROUND = 4  # rendered pages kept beyond the visible ones, either side
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def render_page(page: pypdfium2.PdfPage, scale: float) -> QImage:
    """One page as an image owning its pixels; ``scale`` is pixels per PDF point.

    The bitmap is BGRx, which is ``QImage.Format_RGB32`` in memory on little-endian machines;
    the copy detaches the image from PDFium's buffer, which is freed with the bitmap.
    """
    bitmap = page.render(scale=scale, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx)
    try:
        view = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
        )
        return view.copy()
    finally:
        bitmap.close()


class _PageView(QWidget):
    """One page: white paper at the page's size, with its image once rendered."""

    def __init__(self, size_points: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_points = size_points
        self.image: QImage | None = None

    def set_width(self, width: int) -> None:
        """Resize to ``width`` pixels, keeping the page's proportions."""
        page_width, page_height = self.size_points
        self.setFixedSize(QSize(width, round(width * page_height / page_width)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.image is not None:  # possibly rendered at another zoom: scaled meanwhile
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.rect(), self.image)
        painter.setPen(QColor("#b0b0b0"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class PdfPreview(QWidget):
    """Shows the pages of a PDF one under another, with page navigation and zoom.

    Signals:
        page_changed(int, int): the page at the top of the view (from 1) and the page count.
        page_rendered(int): the page with this index (from 0) now shows its image.
    """

    page_changed = Signal(int, int)
    page_rendered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = b""
        self._document: pypdfium2.PdfDocument | None = None  # open while rendering
        self._pages: list[_PageView] = []
        self._rendered_width: dict[int, int] = {}  # page index -> width it was rendered at
        self._queue: list[int] = []
        self._zoom: float | None = None  # None: fit the width of the view
        self._current = 0
        self._render_timer = QTimer(self)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_next)
        self._build()

    def _build(self) -> None:
        self.previous_button = QPushButton(self.tr("Previous page"))
        self.next_button = QPushButton(self.tr("Next page"))
        self.page_label = QLabel()
        self.zoom_combo = QComboBox()
        self.zoom_combo.addItem(self.tr("Fit width"), None)
        for step in ZOOM_STEPS:
            self.zoom_combo.addItem(f"{step:.0%}", step)
        self.scroll_area = QScrollArea()
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)
        # Always there, so fitting the width does not make it appear and the width change again.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._sheet = QWidget()  # pages are placed by hand: positions are known at once
        self.scroll_area.setWidget(self._sheet)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self._current))
        self.next_button.clicked.connect(lambda: self.go_to_page(self._current + 2))
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self._set_zoom(self._zoom_choice()))
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self._view_moved())
        self._update_navigation()

    # --- document -------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        """Pages of the document shown; 0 when there is none."""
        return len(self._pages)

    @property
    def current_page(self) -> int:
        """The page at the top of the view, counted from 1; 0 when there is no document."""
        return self._current + 1 if self._pages else 0

    def rendered_pages(self) -> set[int]:
        """Indexes (from 0) of the pages that hold an image now."""
        return {index for index, page in enumerate(self._pages) if page.image is not None}

    def set_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` from its first page; replaces the document shown before."""
        self.clear()
        self._pdf = pdf
        document = pypdfium2.PdfDocument(pdf)
        try:
            sizes = [document.get_page_size(index) for index in range(len(document))]
        finally:
            document.close()
        for size in sizes:
            page = _PageView(size, self._sheet)
            page.show()
            self._pages.append(page)
        self._lay_out_pages()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._view_moved()

    def clear(self) -> None:
        """Show nothing and release the document."""
        self._render_timer.stop()
        self._queue.clear()
        self._rendered_width.clear()
        for page in self._pages:
            page.deleteLater()
        self._pages.clear()
        self._close_document()
        self._pdf = b""
        self._current = 0
        self._update_navigation()

    # --- navigation and zoom --------------------------------------------------------------

    def go_to_page(self, number: int) -> None:
        """Scroll so page ``number`` (from 1) is at the top of the view."""
        if not self._pages:
            return
        index = min(max(number, 1), len(self._pages)) - 1
        self.scroll_area.verticalScrollBar().setValue(self._pages[index].y() - PAGE_GAP)
        self._set_current(index)

    def _zoom_choice(self) -> float | None:
        value = self.zoom_combo.currentData()
        return float(value) if value is not None else None

    def _set_zoom(self, zoom: float | None) -> None:
        page = self._current
        self._zoom = zoom
        self._lay_out_pages()
        self.go_to_page(page + 1)
        self._view_moved()

    def _page_width(self, page: _PageView) -> int:
        if self._zoom is None:
            return max(self.scroll_area.viewport().width() - 2 * PAGE_GAP, 100)
        inches = page.size_points[0] / POINTS_PER_INCH
        return round(inches * self.logicalDpiX() * self._zoom)

    def _lay_out_pages(self) -> None:
        """Size the pages for the zoom and stack them, centred, with gaps between."""
        for page in self._pages:
            page.set_width(self._page_width(page))
        widest = max((page.width() for page in self._pages), default=0)
        sheet_width = max(widest + 2 * PAGE_GAP, self.scroll_area.viewport().width())
        top = PAGE_GAP
        for page in self._pages:
            page.move((sheet_width - page.width()) // 2, top)
            top += page.height() + PAGE_GAP
        self._sheet.resize(sheet_width, top)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_pages()
        self._view_moved()

    def _view_moved(self) -> None:
        visible = self._visible_indexes()
        if visible:
            # The current page is the one under the upper third of the view.
            reading_line = self.scroll_area.verticalScrollBar().value() + self._view_height() // 3
            current = (i for i in visible if self._pages[i].geometry().bottom() >= reading_line)
            self._set_current(next(current, visible[-1]))
        self._schedule(visible)

    def _view_height(self) -> int:
        return self.scroll_area.viewport().height()

    def _visible_indexes(self) -> list[int]:
        if not self._pages:
            return []
        top = self.scroll_area.verticalScrollBar().value()
        view = QRect(0, top, self._sheet.width(), self._view_height())
        return [i for i, page in enumerate(self._pages) if page.geometry().intersects(view)]

    def _set_current(self, index: int) -> None:
        self._current = index
        self._update_navigation()

    def _update_navigation(self) -> None:
        count = len(self._pages)
        self.page_label.setText(
            self.tr("Page {page} of {count}").format(page=self.current_page, count=count)
        )
        self.previous_button.setEnabled(self._current > 0)
        self.next_button.setEnabled(self._current + 1 < count)
        self.zoom_combo.setEnabled(count > 0)
        self.page_changed.emit(self.current_page, count)

    # --- rendering ------------------------------------------------------------------------

    def _schedule(self, visible: list[int]) -> None:
        """Queue the visible pages and their neighbours; drop images far from view."""
        if not visible:
            return
        wanted = range(max(visible[0] - 1, 0), min(visible[-1] + 2, len(self._pages)))
        self._queue = [i for i in wanted if self._rendered_width.get(i) != self._pages[i].width()]
        keep = range(visible[0] - KEEP_AROUND, visible[-1] + KEEP_AROUND + 1)
        for index in list(self._rendered_width):
            if index not in keep:
                del self._rendered_width[index]
                self._pages[index].image = None
        if self._queue:
            self._render_timer.start()

    def _render_next(self) -> None:
        if not self._queue:
            self._render_timer.stop()
            self._close_document()
            return
        if self._document is None:
            self._document = pypdfium2.PdfDocument(self._pdf)
        index = self._queue.pop(0)
        page_view = self._pages[index]
        width = page_view.width()
        ratio = self.devicePixelRatioF()
        page = self._document[index]
        try:
            image = render_page(page, width * ratio / page_view.size_points[0])
        finally:
            page.close()
        image.setDevicePixelRatio(ratio)
        page_view.image = image
        self._rendered_width[index] = width
        page_view.update()
        self.page_rendered.emit(index)

    def _close_document(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None
