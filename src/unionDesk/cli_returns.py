"""The ``uniondesk return TYPE`` command: write a return's PDF, JSON data and manifest.

The same ``services.returns`` functions as the returns page; ``--sign`` signs with the union's
identity (its passphrase read from ``--passphrase-file``, never from the command line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unionDesk.cli import EXIT_OK, EXIT_USAGE, _refuse, _with_database
from unionDesk.cli_files import UnreadableFile, read_secret
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.periods import Period, parse_period
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]
RETURN_TYPES = ("roster", "summary", "nomination", "review-results", "competition", "culture")
NEEDS_SUBJECT = {"nomination", "review-results", "competition"}
STATUSES = ("active", "transferred_out", "withdrawn", "expelled", "deceased")


def add_return_command(commands: Any, translate: Translate) -> None:
    """Add ``return TYPE --period P --out DIR`` to the top-level sub-commands."""
    command = commands.add_parser(
        "return",
        help=translate("Cli", "make a return (PDF, JSON data and manifest), signed on request"),
    )
    command.add_argument("type", choices=RETURN_TYPES, help=translate("Cli", "the return type"))
    command.add_argument(
        "--period",
        required=True,
        help=translate("Cli", "a year such as 2026, or a quarter such as 2026Q3"),
    )
    command.add_argument(
        "--out", required=True, type=Path, help=translate("Cli", "folder to write the files to")
    )
    command.add_argument(
        "--subject",
        type=int,
        metavar="ID",
        help=translate(
            "Cli",
            "the candidate (nomination), program (review-results) or competition (competition)",
        ),
    )
    command.add_argument(
        "--department",
        type=int,
        metavar="ID",
        help=translate("Cli", "roster: only this department and its sub-departments"),
    )
    command.add_argument(
        "--status", choices=STATUSES, help=translate("Cli", "roster: only members of this status")
    )
    command.add_argument(
        "--sign",
        action="store_true",
        help=translate("Cli", "sign the PDF with the union's signing identity"),
    )
    command.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "file whose first line is the signing identity's passphrase"),
    )
    command.add_argument(
        "--full-ids",
        action="store_true",
        help=translate("Cli", "print full ID numbers instead of masked ones (audited)"),
    )
    command.add_argument(
        "--queue",
        action="store_true",
        help=translate("Cli", "add the signed return to the outbox (待上报) for upload"),
    )
    command.set_defaults(handler=_cmd_return)


def _cmd_return(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    period = parse_period(options.period)
    if not isinstance(period, Period):
        print(period.render(translate), file=sys.stderr)
        return EXIT_USAGE
    if options.type in NEEDS_SUBJECT and options.subject is None:
        return _refuse(
            [
                translate(
                    "Cli",
                    "This return needs --subject ID (see 'selection list' or 'competitions list').",
                )
            ]
        )
    if options.sign != (options.passphrase_file is not None):
        return _refuse([translate("Cli", "Give --sign and --passphrase-file together.")])
    if options.queue and not options.sign:
        return _refuse([translate("Cli", "Only a signed return can be queued: add --sign.")])
    passphrase = None
    if options.passphrase_file is not None:
        try:
            passphrase = read_secret(options.passphrase_file)
        except UnreadableFile as unreadable:
            return _refuse([unreadable.message(translate)])
    return _with_database(
        paths, translate, lambda db: _make(db, options, period, paths, passphrase, translate)
    )


def _make(
    db: Any,
    options: argparse.Namespace,
    period: Period,
    paths: AppPaths,
    passphrase: str | None,
    translate: Translate,
) -> int:
    from unionDesk.services.errors import ServiceError, ValidationFailed
    from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save

    request = ReturnRequest(
        kind=ReturnType(options.type),
        period=period,
        full_ids=options.full_ids,
        department_id=options.department,
        status=options.status,
        subject_id=options.subject,
    )
    try:
        made = generate(db, CLI_ACTOR, request)
        saved = save(db, CLI_ACTOR, made, options.out, paths=paths, passphrase=passphrase)
    except ValidationFailed as failed:
        return _refuse([p.render(translate) for p in failed.problems])
    except ServiceError as error:
        return _refuse([error.problem.render(translate)])
    done = (
        translate("Cli", "Signed {title} ({period}).")
        if saved.signed
        else translate("Cli", "Made {title} ({period}), not signed.")
    )
    print(done.format(title=made.title, period=period.label))
    for path in (saved.pdf, saved.data, saved.manifest):
        print(path)
    if options.queue:
        from unionDesk.services.outbox import enqueue

        try:
            item = enqueue(db, CLI_ACTOR, paths, saved)
        except ValidationFailed as failed:
            return _refuse([p.render(translate) for p in failed.problems])
        queued = translate("Cli", "Queued for upload to {destination} (package {id}).")
        print(queued.format(destination=item.destination_name, id=item.id))
    return EXIT_OK
