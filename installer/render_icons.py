"""Render ``resources/icons/uniondesk.svg`` to PNGs (16-256 px) and a Windows ``uniondesk.ico``.

Run offscreen: ``QT_QPA_PLATFORM=offscreen python installer/render_icons.py``. Qt draws the
SVG; Pillow packs the sizes into the .ico.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int, target: Path) -> None:
    """Draw ``svg`` into a transparent ``size`` x ``size`` PNG at ``target``."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"cannot write {target}")


def main() -> int:
    """Render every size and the .ico; returns the exit status."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    svg = ICONS / "uniondesk.svg"
    pngs = []
    for size in SIZES:
        target = ICONS / f"uniondesk-{size}.png"
        render(svg, size, target)
        pngs.append(target)
    largest = Image.open(pngs[-1])
    largest.save(ICONS / "uniondesk.ico", sizes=[(s, s) for s in SIZES])
    print(f"rendered {len(pngs)} PNGs and uniondesk.ico into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
