"""The ``uniondesk import members FILE`` command: the same dry run and commit as the wizard.

Exit status: 0 no row errors, 1 row errors (the good rows are committed unless ``--dry-run``)
or the import was refused, 2 the file cannot be read (or has no header row).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, _refuse, _with_database
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]


def add_import_command(commands: Any, translate: Translate) -> None:
    """Add ``import members FILE`` to the top-level sub-commands."""
    command = commands.add_parser(
        "import", help=translate("Cli", "import a register from a spreadsheet")
    )
    kinds = command.add_subparsers(dest="import_command", required=True)
    members = kinds.add_parser(
        "members",
        help=translate("Cli", "import members from an .xlsx, .xls, .ods or .csv file"),
    )
    members.add_argument("file", type=Path, help=translate("Cli", "the file to import"))
    members.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("Cli", "check the file and show what would change, without importing"),
    )
    members.add_argument(
        "--update-existing",
        action="store_true",
        help=translate(
            "Cli", "update members already on the register (default: skip them unchanged)"
        ),
    )
    members.add_argument(
        "--create-departments",
        action="store_true",
        help=translate("Cli", "add the departments the file names that are not in the tree yet"),
    )
    members.add_argument(
        "--report",
        type=Path,
        metavar="OUT.xlsx",
        help=translate("Cli", "write the rows with a reason column for each error, to fix"),
    )
    members.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    members.set_defaults(handler=_cmd_import_members)


def _cmd_import_members(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    return _with_database(paths, translate, lambda db: _import(db, options, translate))


def _import(db: Any, options: argparse.Namespace, translate: Translate) -> int:
    from unionDesk.services.errors import ServiceError, ValidationFailed
    from unionDesk.services.import_files import UnreadableImport
    from unionDesk.services.member_import import commit_import, plan_import

    try:
        plan = plan_import(
            db,
            CLI_ACTOR,
            options.file,
            update_existing=options.update_existing,
            translate=translate,
        )
    except UnreadableImport as unreadable:
        print(unreadable.problem.render(translate), file=sys.stderr)
        return EXIT_USAGE
    except ValidationFailed as failed:
        for reason in failed.problems:
            print(reason.render(translate), file=sys.stderr)
        return EXIT_USAGE
    summary = _summary(plan, translate)
    if options.report is not None and plan.errors:
        from unionDesk.services.import_report import write_error_report

        summary["report"] = str(write_error_report(plan, options.report, translate=translate))
    if not options.dry_run:
        try:
            result = commit_import(
                db,
                CLI_ACTOR,
                plan,
                update_existing=options.update_existing,
                create_departments=options.create_departments,
            )
        except ServiceError as refused:
            _show(summary, options.json, translate)
            return _refuse([refused.problem.render(translate)])
        except ValidationFailed as failed:  # another writer registered a number meanwhile
            _show(summary, options.json, translate)
            return _refuse([reason.render(translate) for reason in failed.problems])
        summary.update(created=result.created, updated=result.updated, skipped=result.skipped)
    _show(summary, options.json, translate)
    return EXIT_REFUSED if plan.errors else EXIT_OK


def _shown(found: Any) -> str:
    """The cell's value as printed: ID numbers masked (terminals and logs are not the file)."""
    from unionDesk.domain.privacy import mask_id_number

    value = str(found.value)
    return (
        mask_id_number(value) if found.reason.field == "id_number" and len(value) >= 15 else value
    )


def _summary(plan: Any, translate: Translate) -> dict[str, Any]:
    return {
        "file": str(plan.file),
        "sheet": plan.sheet,
        "new": plan.new,
        "update": plan.update,
        "skip": plan.skip,
        "errors": plan.errors,
        "new_departments": list(plan.new_departments),
        "problems": [
            {
                "row": found.row,
                "column": found.column,
                "value": _shown(found),
                "reason": found.reason.render(translate),
            }
            for result in plan.rows
            for found in result.problems
        ],
    }


def _show(summary: dict[str, Any], as_json: bool, translate: Translate) -> None:
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    for found in summary["problems"]:
        line = translate("Cli", "Row {row}, {column}: {reason} ({value})")
        print(line.format(**found), file=sys.stderr)
    counts = translate(
        "Cli", "Checked {sheet}: {new} new, {update} to update, {skip} to skip, {errors} errors."
    )
    print(counts.format(**summary))
    if summary["new_departments"]:
        print(
            translate("Cli", "Departments not in the tree yet: {names}").format(
                names="、".join(summary["new_departments"])
            )
        )
    if "created" in summary:
        done = translate("Cli", "Imported: {created} added, {updated} updated, {skipped} skipped.")
        print(done.format(**summary))
    if "report" in summary:
        print(translate("Cli", "Error report written to {file}.").format(file=summary["report"]))
