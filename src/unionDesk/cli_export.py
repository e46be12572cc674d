"""The ``uniondesk export`` commands: the import template and xlsx exports of the registers.

``export members`` writes the register as the members page filters it (masked numbers unless
``--full-ids``, which is audited); ``export competition`` and ``export event`` write a
competition's results and an event's attendance list.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unionDesk.cli import EXIT_OK, _refuse, _with_database
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.enums import MemberStatus
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]


def add_export_commands(commands: Any, translate: Translate) -> None:
    """Add ``export members|template|competition|event`` to the top-level sub-commands."""
    export = commands.add_parser("export", help=translate("Cli", "write registers to Excel files"))
    actions = export.add_subparsers(dest="export_command", required=True)
    members = actions.add_parser(
        "members", help=translate("Cli", "export the member register to an xlsx file")
    )
    members.add_argument("out", type=Path, help=translate("Cli", "the xlsx file to write"))
    members.add_argument(
        "--full-ids",
        action="store_true",
        help=translate("Cli", "write full ID and mobile numbers instead of masked ones (audited)"),
    )
    members.add_argument(
        "--department",
        type=int,
        metavar="ID",
        help=translate("Cli", "only this department and the departments below it"),
    )
    members.add_argument(
        "--status",
        choices=[status.value for status in MemberStatus],
        help=translate("Cli", "only members with this membership status"),
    )
    members.set_defaults(handler=_cmd_members)
    template = actions.add_parser(
        "template", help=translate("Cli", "write the member import template (xlsx)")
    )
    template.add_argument("out", type=Path, help=translate("Cli", "the xlsx file to write"))
    template.set_defaults(handler=_cmd_template)
    competition = actions.add_parser(
        "competition", help=translate("Cli", "export a competition's entries and results")
    )
    competition.add_argument("id", type=int, help=translate("Cli", "the competition's number"))
    competition.add_argument("out", type=Path, help=translate("Cli", "the xlsx file to write"))
    competition.set_defaults(handler=_cmd_competition)
    event = actions.add_parser("event", help=translate("Cli", "export an event's attendance list"))
    event.add_argument("id", type=int, help=translate("Cli", "the event's number"))
    event.add_argument("out", type=Path, help=translate("Cli", "the xlsx file to write"))
    event.set_defaults(handler=_cmd_event)


def _cmd_members(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.members import MemberQuery
    from unionDesk.services.spreadsheets import export_members

    status = MemberStatus(options.status) if options.status else None
    query = MemberQuery(department_id=options.department, status=status)

    def run(db: Any) -> int:
        return export_members(db, CLI_ACTOR, options.out, query, full_ids=options.full_ids)

    return _with_database(paths, translate, lambda db: _export(run, db, options.out, translate))


def _cmd_template(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.spreadsheets import write_template

    del paths  # the template needs no database
    try:
        write_template(options.out)
    except OSError as error:
        return _refuse([_write_failed(options.out, error, translate)])
    print(translate("Cli", "Wrote the import template {file}.").format(file=options.out))
    return EXIT_OK


def _cmd_competition(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.spreadsheets import export_competition

    def run(db: Any) -> int:
        return export_competition(db, CLI_ACTOR, options.out, options.id)

    return _with_database(paths, translate, lambda db: _export(run, db, options.out, translate))


def _cmd_event(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.spreadsheets import export_event

    def run(db: Any) -> int:
        return export_event(db, CLI_ACTOR, options.out, options.id)

    return _with_database(paths, translate, lambda db: _export(run, db, options.out, translate))


def _export(run: Callable[[Any], int], db: Any, out: Path, translate: Translate) -> int:
    """Run one export and report how many rows it wrote, or why it could not."""
    from unionDesk.services.errors import ServiceError

    try:
        count = run(db)
    except ServiceError as error:
        return _refuse([error.problem.render(translate)])
    except OSError as error:
        return _refuse([_write_failed(out, error, translate)])
    print(translate("Cli", "Wrote {count} rows to {file}.").format(count=count, file=out))
    return EXIT_OK


def _write_failed(out: Path, error: OSError, translate: Translate) -> str:
    text = translate(
        "Cli",
        "The file {file} could not be written ({reason}). Check that the folder exists and "
        "that the file is not open in Excel or WPS, then export again.",
    )
    return text.format(file=out, reason=error.strerror or error)
