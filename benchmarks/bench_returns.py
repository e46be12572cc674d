"""Returns benchmark (DESIGN.md 10): the roster PDF against LibreOffice, and signing one return.

    python benchmarks/bench_returns.py [--members 1000] [--large 10000] [--runs 3]
        [--sign-runs 10] [--data-dir DIR] [--profile] [--json FILE]

Builds (or reuses, with ``--data-dir``) two databases of demo members, then measures, in
``--runs`` interleaved rounds (so that other work on a shared machine slows each alike):
- ``returns.generate`` of the 会员花名册 of every member in this process (after a warm-up);
- the same in a fresh process, from process start (imports and font loading included: the
  first return of a session), which then signs it: ``load_signer`` (decrypts the PKCS#12) and a
  first ``sign_pdf`` (which also builds the stamp's font subset);
- the baseline: the same rows (the return's ``data["members"]``, the PDF's columns and widths,
  title and subtitle) written once to an .xlsx with openpyxl, converted by
  ``soffice --headless --convert-to pdf`` with a profile of its own (its first run, which
  creates the profile, is reported apart). Goal: UnionDesk / LibreOffice < 1.
Then the roster of ``--large`` members (median of 3), and ``signing.sign_pdf`` of the
1,000-member roster (median of ``--sign-runs`` after a warm-up; goal < 0.3 s).
LibreOffice is skipped with a message when ``soffice`` (or openpyxl) is missing. ``--profile``
prints where the roster's time goes (cProfile, top functions by own and by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import importlib.util
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSPHRASE = "bench-passphrase-2026"
LARGE_RUNS = 3
SIGNER_LABEL = "基准测试工会"
XLSX_FONT = "Noto Sans CJK SC"  # a CJK font LibreOffice finds through fontconfig
A4_WIDTH = 595.28  # points
FONT_SIZE, LINE_HEIGHT = 9, 12  # points, as the PDF's table cells
WIDTH_UNIT = 7.0  # points per column-width unit in LibreOffice (measured: default font)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=10_000, help="members of the large roster")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the comparison")
    parser.add_argument("--sign-runs", type=int, default=10)
    parser.add_argument("--data-dir", help="reuse or create the databases here")
    parser.add_argument("--profile", action="store_true", help="cProfile the roster")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        return child(Path(options.data_dir))
    root = Path(options.data_dir or tempfile.mkdtemp(prefix="uniondesk-bench-returns-"))
    small, large = root / f"members-{options.members}", root / f"members-{options.large}"
    build_database(small, options.members)
    build_database(large, options.large)

    ensure_identity(small)
    figures: dict[str, Any] = {"members": options.members, "large": options.large}
    db = open_db(small)
    roster = make_roster(db)
    office = LibreOffice.prepare(roster.data, root / "libreoffice")
    figures.update(compare(db, small, office, options.runs))
    figures["roster"].update(facts(roster))
    if options.profile:
        profile(db)
    db.close()
    db = open_db(large)
    large_roster = make_roster(db)
    figures["roster_large"] = summary([time_roster(db) for _ in range(LARGE_RUNS)])
    figures["roster_large"].update(facts(large_roster))
    db.close()
    figures["signing"] = signing(small, roster.pdf, options.sign_runs)
    report(figures)
    if options.json:
        Path(options.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


def compare(db: Any, data_dir: Path, office: LibreOffice | None, runs: int) -> dict[str, Any]:
    """Rounds of: the roster in this process, in a fresh process, and LibreOffice's conversion.

    Interleaved, so that other work on a shared machine slows all three alike.
    """
    first_office = office.convert() if office else None  # creates the profile
    in_process, fresh, converted = [], [], []
    for _ in range(runs):
        in_process.append(time_roster(db))
        fresh.append(fresh_process(data_dir))
        if office:
            converted.append(office.convert())
    result: dict[str, Any] = {"roster": summary(in_process), "fresh_process": fresh_summary(fresh)}
    if office:
        result["libreoffice"] = {**summary(converted), **office.facts(), "first_run": first_office}
    else:
        result["libreoffice"] = None
    return result


def summary(times: list[float]) -> dict[str, Any]:
    """The median and the single times."""
    return {"median": statistics.median(times), "times": times}


# --- set-up ----------------------------------------------------------------------------------


def build_database(data_dir: Path, members: int) -> None:
    """A database of exactly ``members`` demo members (what ``uniondesk demo`` fills)."""
    from unionDesk.domain.access import CLI_ACTOR
    from unionDesk.domain.uscc import compose_uscc
    from unionDesk.paths import resolve_paths
    from unionDesk.services.database import create_database, database_exists, open_database
    from unionDesk.services.demo import fill_demo
    from unionDesk.services.members import MemberQuery, query_member_ids

    paths = resolve_paths(data_dir)
    if database_exists(paths):
        db = open_database(paths)
    else:
        db = create_database(paths, "基准测试工会", compose_uscc("91110105MA01BENC1"))
    have = len(query_member_ids(db, CLI_ACTOR, MemberQuery()))
    if have < members:
        started = time.perf_counter()
        fill_demo(db, members - have, seed=have + 1)
        print(f"built {members} members in {time.perf_counter() - started:.1f} s")
    elif have > members:
        raise SystemExit(f"{data_dir} already holds {have} members, not {members}")
    db.close()


def open_db(data_dir: Path) -> Any:
    from unionDesk.paths import resolve_paths
    from unionDesk.services.database import open_database

    return open_database(resolve_paths(data_dir))


def roster_request() -> Any:
    from unionDesk.domain.periods import Period
    from unionDesk.services.returns import ReturnRequest, ReturnType

    return ReturnRequest(ReturnType.ROSTER, Period(2026, 4))


# --- UnionDesk -------------------------------------------------------------------------------


def make_roster(db: Any) -> Any:
    """The roster of every member (``returns.generate``, as the returns page calls it)."""
    from unionDesk.domain.access import CLI_ACTOR
    from unionDesk.services.returns import generate

    return generate(db, CLI_ACTOR, roster_request())


def time_roster(db: Any) -> float:
    """Seconds to generate the roster of every member."""
    return float(timed(lambda: make_roster(db))[0])


def facts(generated: Any) -> dict[str, int]:
    """Rows, pages and size of a generated roster."""
    pdf = generated.pdf
    return {"rows": generated.data["count"], "pages": count_pages(pdf), "pdf_bytes": len(pdf)}


def count_pages(pdf: bytes) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(pdf))


def fresh_process(data_dir: Path) -> dict[str, float]:
    """The first roster and signing of a new process (see ``child``)."""
    env = {**os.environ, "BENCH_T0": repr(time.time())}
    command = [sys.executable, __file__, "--child", "--data-dir", str(data_dir)]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def fresh_summary(samples: list[dict[str, float]]) -> dict[str, Any]:
    """The median of each figure of the fresh processes, and the samples."""
    medians = {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}
    return {**medians, "samples": samples}


def child(data_dir: Path) -> None:
    """One fresh process: the roster from process start, then its first signing."""
    t0 = float(os.environ["BENCH_T0"])
    from unionDesk.domain.access import CLI_ACTOR
    from unionDesk.paths import resolve_paths
    from unionDesk.services.returns import generate

    db = open_db(data_dir)
    generate_seconds, generated = timed(lambda: generate(db, CLI_ACTOR, roster_request()))
    from_start = time.time() - t0
    imported, signing = timed(lambda: importlib.import_module("unionDesk.services.signing"))
    load_signer, sign_pdf = signing.load_signer, signing.sign_pdf
    load, signer = timed(lambda: load_signer(resolve_paths(data_dir), PASSPHRASE))
    sign, _ = timed(lambda: sign_pdf(generated.pdf, signer, signer_label=SIGNER_LABEL))
    figures = {"from_start": from_start, "generate": generate_seconds, "import_signing": imported}
    print(json.dumps({**figures, "load_signer": load, "first_sign": sign}))


def profile(db: Any) -> None:
    from unionDesk.domain.access import CLI_ACTOR
    from unionDesk.services.returns import generate

    profiler = cProfile.Profile()
    profiler.runcall(generate, db, CLI_ACTOR, roster_request())
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(key).print_stats(15)
        print(f"\n--- roster, cProfile by {key} ---")
        print(out.getvalue().split("\n\n", 1)[-1].strip())


# --- LibreOffice baseline --------------------------------------------------------------------


@dataclass
class LibreOffice:
    """``soffice --headless --convert-to pdf`` of the roster's .xlsx, with its own profile."""

    command: list[str]
    folder: Path
    xlsx_write: float

    @classmethod
    def prepare(cls, data: dict[str, Any], folder: Path) -> LibreOffice | None:
        """Write the .xlsx; None (with a message) when soffice or openpyxl is missing."""
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print("LibreOffice (soffice) is not installed: the comparison is skipped.")
            return None
        if importlib.util.find_spec("openpyxl") is None:
            print("openpyxl is not installed (pip install openpyxl): the comparison is skipped.")
            return None
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        seconds, workbook = timed(lambda: write_xlsx(data, folder / "roster.xlsx"))
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(workbook),
        ]
        return cls(command, folder, seconds)

    def convert(self) -> float:
        """Seconds for one conversion (a new soffice process each time)."""
        started = time.perf_counter()
        subprocess.run(self.command, check=True, capture_output=True, stdin=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        if not (self.folder / "out" / "roster.pdf").exists():
            raise RuntimeError(f"LibreOffice made no PDF in {self.folder / 'out'}")
        return seconds

    def facts(self) -> dict[str, Any]:
        pdf = self.folder / "out" / "roster.pdf"
        return {
            "pages": count_pages(pdf.read_bytes()),
            "pdf": str(pdf),
            "xlsx_write": self.xlsx_write,
        }


def write_xlsx(data: dict[str, Any], path: Path) -> Path:
    """The roster laid out as the PDF is, for LibreOffice to convert.

    Title, subtitle, then a ruled 9 pt table of the PDF's columns and widths with wrapped
    cells, on A4 portrait with 15 mm margins, header row repeated on every page. LibreOffice
    does not fit row heights to wrapped text of an .xlsx it opens, so each row's height is set
    from its longest cell, as a spreadsheet saved by Excel would carry it.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.page import PageMargins

    from unionDesk.reports.layout import MARGIN
    from unionDesk.reports.roster import COLUMNS

    frame = A4_WIDTH - 2 * MARGIN
    rest = frame - sum(points for _, _, points in COLUMNS)
    widths = [points or rest for _, _, points in COLUMNS]
    book = Workbook()
    sheet = book.active
    sheet.title = "会员花名册"
    sheet.append([data["title"]])
    sheet.append([f"{data['union_name']}　{data['period_label']}　共 {data['count']} 人"])
    table = [[title for title, _, _ in COLUMNS]]
    table += [[member[key] for _, key, _ in COLUMNS] for member in data["members"]]
    thin = Side(style="thin")
    border, wrap = Border(left=thin, right=thin, top=thin, bottom=thin), Alignment(wrap_text=True)
    font = Font(name=XLSX_FONT, size=FONT_SIZE)
    for values in table:
        sheet.append(values)
        number = sheet.max_row
        for cell in sheet[number]:
            cell.border, cell.font, cell.alignment = border, font, wrap
        lines = max(
            wrapped_lines(str(value), width) for value, width in zip(values, widths, strict=True)
        )
        sheet.row_dimensions[number].height = lines * LINE_HEIGHT + 3
    sheet["A1"].font = Font(name=XLSX_FONT, size=16, bold=True)
    for index, points in enumerate(widths):
        letter = sheet.cell(row=3, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = points / WIDTH_UNIT
    sheet.print_title_rows = "3:3"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    inches = MARGIN / 72
    sheet.page_margins = PageMargins(left=inches, right=inches, top=inches, bottom=inches)
    book.save(path)
    return path


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a cell ``width`` points wide (CJK 1 em, other 0.55 em)."""
    ems = sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in text)
    return max(1, -(-int(ems * FONT_SIZE) // int(width - 4)))


# --- signing ---------------------------------------------------------------------------------


def ensure_identity(data_dir: Path) -> None:
    """Make the union's signing identity in ``data_dir`` unless it has one."""
    from unionDesk.domain.access import CLI_ACTOR
    from unionDesk.paths import resolve_paths
    from unionDesk.services.signing import create_identity, read_identity

    paths = resolve_paths(data_dir)
    if read_identity(paths) is None:
        db = open_db(data_dir)
        create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
        db.close()


def signing(data_dir: Path, pdf: bytes, runs: int) -> dict[str, Any]:
    """Sign the roster ``runs`` times in this process, after a first (uncounted) signing."""
    from unionDesk.paths import resolve_paths
    from unionDesk.services.signing import load_signer, sign_pdf

    signer = load_signer(resolve_paths(data_dir), PASSPHRASE)
    sign_pdf(pdf, signer, signer_label=SIGNER_LABEL)
    times = [
        timed(lambda: sign_pdf(pdf, signer, signer_label=SIGNER_LABEL))[0] for _ in range(runs)
    ]
    return {"median": statistics.median(times), "max": max(times), "times": times}


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


# --- report ----------------------------------------------------------------------------------


def report(figures: dict[str, Any]) -> None:
    """Print the figures, with the ratios to the baseline and to the budgets."""
    roster, fresh = figures["roster"], figures["fresh_process"]
    office, large, sign = figures["libreoffice"], figures["roster_large"], figures["signing"]
    ms = 1000
    print(
        f"\nroster of {figures['members']} members ({roster['pages']} pages, "
        f"{roster['pdf_bytes'] / 1024:.0f} KB)"
    )
    print(
        f"  UnionDesk, in process (median of {len(roster['times'])})"
        f"   {roster['median'] * ms:7.0f} ms"
    )
    print(
        f"  UnionDesk, first in a fresh process (median of {len(fresh['samples'])}): generate"
        f" {fresh['generate'] * ms:.0f} ms,"
        f" from process start {fresh['from_start'] * ms:.0f} ms"
    )
    if office is None:
        print("  LibreOffice: skipped (not installed)")
    else:
        print(
            f"  LibreOffice xlsx -> PDF (median of {len(office['times'])}, "
            f"{office['pages']} pages)    {office['median'] * ms:7.0f} ms"
            f"   first run (new profile) {office['first_run'] * ms:.0f} ms"
        )
        print(
            f"  ratio UnionDesk / LibreOffice, in process      "
            f"{roster['median'] / office['median']:7.2f}   (goal < 1)"
        )
        print(
            f"  ratio UnionDesk / LibreOffice, fresh process   "
            f"{fresh['from_start'] / office['median']:7.2f}   (goal < 1)"
        )
    print(
        f"roster of {figures['large']} members ({large['pages']} pages): "
        f"median of {len(large['times'])} {large['median'] * ms:.0f} ms"
    )
    print(
        f"signing the {figures['members']}-member roster (median of {len(sign['times'])})"
        f"  {sign['median'] * ms:7.0f} ms   ratio to 0.3 s {sign['median'] / 0.3:.2f}"
        f"   (max {sign['max'] * ms:.0f} ms)"
    )
    session = fresh["load_signer"] + fresh["first_sign"]
    print(
        f"  first signing in a fresh process (median of {len(fresh['samples'])}): load_signer"
        f" {fresh['load_signer'] * ms:.0f} ms + sign_pdf {fresh['first_sign'] * ms:.0f} ms"
        f" = {session * ms:.0f} ms   ratio to 0.3 s {session / 0.3:.2f}"
    )
    print(
        f"  (before it, importing services.signing and pyHanko: {fresh['import_signing'] * ms:.0f}"
        " ms, not counted)"
    )


if __name__ == "__main__":
    main()
