"""Rebuild the fonts in ``resources/fonts/`` from Debian's font packages.

ReportLab needs TrueType fonts with glyf outlines, and pyHanko's visible stamp needs a
single-font file at 1,000 units per em (DESIGN.md 12). Debian's Noto Sans CJK is CFF, so the
returns use:

* ``WenQuanYiMicroHei.ttf``: face 0 of ``fonts-wqy-microhei``'s collection, scaled from 2,048 to
  1,000 units per em. Covers GBK (all but 3 code points), Latin, digits and the middle dot.
* ``HanaMinExt.ttf``: the CJK ideographs of ``fonts-hanazono``'s HanaMinA/HanaMinB that the main
  font lacks (Extension A, B and compatibility ideographs), for rare characters in names such
  as 𠈌 (U+2020C).

Run as root on Debian (it calls ``apt-get download``)::

    python scripts/build_fonts.py

The licences are copied beside the fonts; ``resources/fonts/README.md`` records what was done.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
FALLBACK_RANGES = (
    range(0x3400, 0x4DC0),  # Extension A
    range(0x4E00, 0xA000),  # URO (only what the main font lacks)
    range(0xF900, 0xFB00),  # compatibility ideographs
    range(0x20000, 0x2A6E0),  # Extension B
    range(0x2F800, 0x2FA20),  # compatibility supplement
)


def unpack(work: Path, package: str) -> Path:
    """Download and unpack one Debian package into ``work``; returns the unpacked root."""
    subprocess.run(["apt-get", "download", package], cwd=work, check=True)
    deb = next(work.glob(f"{package}_*.deb"))
    target = work / package
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    return target


def subset_options() -> subset.Options:
    """Subsetting keeps every name record and drops hinting and vertical metrics."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["vhea", "vmtx", "FFTM"]
    return options


def main() -> int:
    """Build both fonts and copy the licences."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        wqy = unpack(work, "fonts-wqy-microhei")
        main_font = TTCollection(next(wqy.rglob("wqy-microhei.ttc"))).fonts[0]
        scale_upem(main_font, 1000)
        main_font.save(OUT / "WenQuanYiMicroHei.ttf")
        covered = set(TTFont(OUT / "WenQuanYiMicroHei.ttf").getBestCmap())

        hana = unpack(work, "fonts-hanazono")
        wanted: set[int] = set()
        pieces = []
        for name in ("HanaMinA.ttf", "HanaMinB.ttf"):
            font = TTFont(next(hana.rglob(name)))
            have = set(font.getBestCmap())
            codes = {c for r in FALLBACK_RANGES for c in r if c in have and c not in covered}
            codes -= wanted
            wanted |= codes
            subsetter = subset.Subsetter(subset_options())
            subsetter.populate(unicodes=sorted(codes))
            subsetter.subset(font)
            pieces.append(font)
        # HanaMinA holds the BMP, HanaMinB the supplementary planes: merge them into one file.
        from fontTools.merge import Merger

        paths = []
        for index, piece in enumerate(pieces):
            path = work / f"piece{index}.ttf"
            piece.save(path)
            paths.append(str(path))
        merged = Merger().merge(paths)
        merged.save(OUT / "HanaMinExt.ttf")

        for package, source in (
            ("fonts-wqy-microhei", wqy),
            ("fonts-hanazono", hana),
        ):
            copyright_file = next(source.rglob("copyright"))
            (OUT / f"COPYRIGHT-{package}.txt").write_text(
                copyright_file.read_text(encoding="utf-8"), encoding="utf-8"
            )
    apache = Path("/usr/share/common-licenses/Apache-2.0")
    (OUT / "LICENSE-Apache-2.0.txt").write_text(
        apache.read_text(encoding="utf-8"), encoding="utf-8"
    )
    print(f"fonts written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
