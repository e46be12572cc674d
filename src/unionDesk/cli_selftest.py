"""The ``uniondesk selftest`` command: checks this installation without touching any data.

It needs no data folder. One line per check, ``✓ name: message`` or ``✗ name: message``; with
``--json`` one JSON object instead. Exit 0 only when every check passed, else 1.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable
from typing import Any

from unionDesk.cli import EXIT_OK, EXIT_REFUSED
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]
PASSED, FAILED = "✓", "✗"


def add_selftest_command(commands: Any, translate: Translate) -> None:
    """Add ``selftest`` to the top-level sub-commands."""
    selftest = commands.add_parser(
        "selftest",
        help=translate(
            "Cli",
            "check that this installation works (database, fonts, PDF, signing); "
            "uses a temporary folder only",
        ),
    )
    selftest.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    selftest.set_defaults(handler=_cmd_selftest)


def _tolerate_narrow_encoding() -> None:
    """Escape what the output's encoding lacks (✓, 𠈌 in GBK on a redirected Windows console)."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")


def _cmd_selftest(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.selftest import CheckResult, run_selftest

    del paths  # the self-test never opens the user's data folder
    _tolerate_narrow_encoding()

    def show(result: CheckResult) -> None:
        name, message = result.render(translate)
        print(f"{PASSED if result.ok else FAILED} {name}: {message}", flush=True)

    results = run_selftest(None if options.json else show)
    passed = all(result.ok for result in results)
    if options.json:
        checks = []
        for result in results:
            name, message = result.render(translate)
            checks.append({"key": result.key, "name": name, "ok": result.ok, "message": message})
        json.dump({"ok": passed, "checks": checks}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return EXIT_OK if passed else EXIT_REFUSED
