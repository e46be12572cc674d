"""The PDF preview: pages rendered as they come into view, navigation and zoom."""

from __future__ import annotations

import io
from typing import Any

import pypdfium2
import pytest
from PySide6.QtGui import QColor, QImage
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from unionDesk.ui.returns.preview import PAGE_GAP, PdfPreview, render_page

PAGES = 40


def make_pdf(pages: int, *, size: tuple[float, float] = A4) -> bytes:
    """``pages`` pages, each a red square in the top left corner on white."""
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=size)
    for number in range(1, pages + 1):
        canvas.setFillColorRGB(1, 0, 0)
        canvas.rect(0, size[1] - 100, 100, 100, stroke=0, fill=1)
        canvas.drawString(200, 400, f"page {number}")
        canvas.showPage()
    canvas.save()
    return stream.getvalue()


@pytest.fixture
def preview(qtbot: Any) -> PdfPreview:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    return widget


@pytest.fixture
def long_pdf(qtbot: Any, preview: PdfPreview) -> PdfPreview:
    preview.set_pdf(make_pdf(PAGES))
    qtbot.waitUntil(lambda: 0 in preview.rendered_pages())
    return preview


def test_render_page_gives_an_image_of_the_page_in_its_colours() -> None:
    document = pypdfium2.PdfDocument(make_pdf(1, size=(600, 800)))
    page = document[0]
    try:
        image = render_page(page, 0.5)
    finally:
        page.close()
        document.close()
    assert (image.width(), image.height()) == (300, 400)
    assert image.format() == QImage.Format.Format_RGB32
    assert image.pixelColor(25, 25) == QColor(255, 0, 0)  # BGRx read as RGB, not as BGR
    assert image.pixelColor(200, 300) == QColor(255, 255, 255)


def test_a_long_document_renders_only_the_pages_in_view(long_pdf: PdfPreview) -> None:
    assert long_pdf.page_count == PAGES
    rendered = long_pdf.rendered_pages()
    assert 0 in rendered
    assert max(rendered) < 4  # the first page and its neighbour, not all forty


def test_the_navigation_says_which_page_of_how_many(long_pdf: PdfPreview) -> None:
    assert long_pdf.current_page == 1
    assert not long_pdf.previous_button.isEnabled()
    assert "1" in long_pdf.page_label.text()
    assert str(PAGES) in long_pdf.page_label.text()


def test_going_to_a_page_renders_it_and_drops_far_pages(qtbot: Any, long_pdf: PdfPreview) -> None:
    with qtbot.waitSignal(long_pdf.page_changed) as signal:
        long_pdf.go_to_page(20)
    assert signal.args == [20, PAGES]
    qtbot.waitUntil(lambda: 19 in long_pdf.rendered_pages())
    assert 0 not in long_pdf.rendered_pages()
    assert "20" in long_pdf.page_label.text()


def test_next_and_previous_move_by_one_page(long_pdf: PdfPreview) -> None:
    long_pdf.next_button.click()
    long_pdf.next_button.click()
    assert long_pdf.current_page == 3
    long_pdf.previous_button.click()
    assert long_pdf.current_page == 2


def test_the_last_page_cannot_go_further(long_pdf: PdfPreview) -> None:
    long_pdf.go_to_page(PAGES + 5)
    assert long_pdf.current_page == PAGES
    assert not long_pdf.next_button.isEnabled()


def test_fit_width_fills_the_view_and_a_zoom_uses_the_page_s_real_size(
    qtbot: Any, long_pdf: PdfPreview
) -> None:
    first = long_pdf._pages[0]
    assert first.width() == long_pdf.scroll_area.viewport().width() - 2 * PAGE_GAP
    long_pdf.zoom_combo.setCurrentIndex(long_pdf.zoom_combo.findData(1.0))
    expected = round(A4[0] / 72 * long_pdf.logicalDpiX())
    assert first.width() == expected
    assert first.height() == round(expected * A4[1] / A4[0])
    qtbot.waitUntil(lambda: first.image is not None and first.image.width() == expected)


def test_a_landscape_page_keeps_its_proportions(qtbot: Any, preview: PdfPreview) -> None:
    preview.set_pdf(make_pdf(1, size=landscape(A4)))
    page = preview._pages[0]
    assert page.width() > page.height()
    assert page.height() == round(page.width() * A4[0] / A4[1])


def test_a_new_document_replaces_the_old_one(qtbot: Any, long_pdf: PdfPreview) -> None:
    long_pdf.go_to_page(10)
    long_pdf.set_pdf(make_pdf(2))
    assert long_pdf.page_count == 2
    assert long_pdf.current_page == 1
    qtbot.waitUntil(lambda: long_pdf.rendered_pages() == {0, 1})


def test_clear_shows_nothing(long_pdf: PdfPreview) -> None:
    long_pdf.clear()
    assert long_pdf.page_count == 0
    assert long_pdf.current_page == 0
    assert not long_pdf.zoom_combo.isEnabled()
