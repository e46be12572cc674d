"""Regenerate the zh_CN translation source with pyside6-lupdate and compile it with lrelease.

Run after changing user-visible strings:  python scripts/update_translations.py
Then translate the new (unfinished) entries in resources/translations/uniondesk_zh_CN.ts, and
run it again so the .qm is rebuilt. A test fails while any entry is missing or unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "unionDesk"
TS_FILE = ROOT / "resources" / "translations" / "uniondesk_zh_CN.ts"


def tool(name: str) -> str:
    """Path of a PySide6 tool next to the running interpreter, or on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def python_sources() -> list[str]:
    """Every module whose strings may be shown to a user."""
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def update_ts(ts_file: Path = TS_FILE) -> str:
    """Merge the current source strings into ``ts_file``; returns lupdate's report."""
    command = [
        tool("pyside6-lupdate"),
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        "zh_CN",
        *python_sources(),
        "-ts",
        str(ts_file),
    ]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def compile_qm(ts_file: Path = TS_FILE, qm_file: Path | None = None) -> Path:
    """Compile ``ts_file`` to a .qm beside it (or at ``qm_file``)."""
    target = qm_file or ts_file.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(target)], check=True
    )
    return target


if __name__ == "__main__":
    print(update_ts())
    print(f"compiled {compile_qm()}")
