"""The ``uniondesk outbox`` commands: the upload queue (待上报) from the command line.

``outbox send`` makes every waiting package due and sends until nothing is due; the same
``services.outbox`` functions as the outbox page and its background sender.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unionDesk.cli import EXIT_OK, _refuse, _with_database
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]
KINDS = ("http", "webdav", "folder")


def add_outbox_commands(commands: Any, translate: Translate) -> None:
    """Add ``outbox list|send|retry|export-folder|destinations`` to the sub-commands."""
    outbox = commands.add_parser(
        "outbox", help=translate("Cli", "the upload queue: returns waiting for the higher union")
    )
    actions = outbox.add_subparsers(dest="outbox_command", required=True)
    listing = actions.add_parser("list", help=translate("Cli", "list the packages and states"))
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    listing.set_defaults(handler=_cmd_list)
    send = actions.add_parser("send", help=translate("Cli", "send every waiting package now"))
    send.set_defaults(handler=_cmd_send)
    retry = actions.add_parser(
        "retry", help=translate("Cli", "queue a failed or quarantined package again")
    )
    retry.add_argument("id", type=int, help=translate("Cli", "the package's number in the list"))
    retry.set_defaults(handler=_cmd_retry)
    export = actions.add_parser(
        "export-folder",
        help=translate(
            "Cli", "copy every undelivered package into a folder (a USB stick) to carry over"
        ),
    )
    export.add_argument("folder", type=Path, help=translate("Cli", "the target folder"))
    export.set_defaults(handler=_cmd_export)
    _add_destination_commands(actions, translate)


def _add_destination_commands(actions: Any, translate: Translate) -> None:
    destinations = actions.add_parser(
        "destinations", help=translate("Cli", "where packages are uploaded to")
    )
    group = destinations.add_subparsers(dest="destinations_command", required=True)
    listing = group.add_parser("list", help=translate("Cli", "list the destinations"))
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    listing.set_defaults(handler=_cmd_destinations)
    add = group.add_parser("add", help=translate("Cli", "add a destination"))
    add.add_argument("--kind", choices=KINDS, required=True)
    add.add_argument("--name", default="", help=translate("Cli", "a name to show (optional)"))
    add.add_argument("--url", default="", help=translate("Cli", "http(s) base URL or WebDAV URL"))
    add.add_argument("--path", type=Path, help=translate("Cli", "folder destination's folder"))
    add.add_argument("--token-file", type=Path, help=translate("Cli", "file holding the token"))
    add.add_argument("--user", default="", help=translate("Cli", "WebDAV user name"))
    add.add_argument(
        "--password-file", type=Path, help=translate("Cli", "file holding the WebDAV password")
    )
    add.add_argument("--ca-file", default="", help=translate("Cli", "CA certificate file (PEM)"))
    add.add_argument("--default", action="store_true", help=translate("Cli", "make it the default"))
    add.set_defaults(handler=_cmd_add_destination)


def _run(paths: AppPaths, translate: Translate, action: Callable[[Any], int]) -> int:
    from unionDesk.services.errors import ServiceError, ValidationFailed

    def guarded(db: Any) -> int:
        try:
            return action(db)
        except ValidationFailed as failed:
            return _refuse([p.render(translate) for p in failed.problems])
        except ServiceError as error:
            return _refuse([error.problem.render(translate)])

    return _with_database(paths, translate, guarded)


# --- outbox list / send / retry / export-folder -----------------------------------------------


def _cmd_list(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    def show(db: Any) -> int:
        from unionDesk.domain.outbox import state_label
        from unionDesk.services.outbox import list_items

        items = list_items(db, CLI_ACTOR)
        if options.json:
            print(
                json.dumps([_item_json(i, translate) for i in items], ensure_ascii=False, indent=2)
            )
        for item in [] if options.json else items:
            receipt = f"  {item.receipt_id}" if item.receipt_id else ""
            error = f"  {item.last_error}" if item.last_error and not item.receipt_id else ""
            print(
                f"{item.id}\t{state_label(item.state, translate)}\t{item.title}\t{item.period}"
                f"\t{item.destination_name}{receipt}{error}"
            )
        message = translate("Cli", "Packages in the outbox: {count}").format(count=len(items))
        print(message, file=sys.stderr)
        return EXIT_OK

    return _run(paths, translate, show)


def _item_json(item: Any, translate: Translate) -> dict[str, Any]:
    from unionDesk.domain.outbox import state_label

    return {
        "id": item.id,
        "package_id": item.package_id,
        "title": item.title,
        "return_type": item.return_type,
        "period": item.period,
        "destination": item.destination_name,
        "state": item.state.value,
        "state_label": state_label(item.state, translate),
        "attempts": item.attempts,
        "next_attempt_at": _iso(item.next_attempt_at),
        "last_error": item.last_error,
        "receipt_id": item.receipt_id,
        "received_at": _iso(item.received_at),
        "created_at": _iso(item.created_at),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _cmd_send(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    def send(db: Any) -> int:
        from unionDesk.services.outbox import recover_interrupted, send_due, send_now

        recover_interrupted(db)
        send_now(db, CLI_ACTOR)
        delivered = failed = quarantined = 0
        while True:
            report = send_due(db, paths)
            delivered += report.delivered
            failed += report.failed
            quarantined += report.quarantined
            if report.delivered + report.failed + report.quarantined == 0:
                break
        done = translate(
            "Cli", "Delivered {delivered}, failed (will retry) {failed}, quarantined {quarantined}."
        )
        print(done.format(delivered=delivered, failed=failed, quarantined=quarantined))
        return EXIT_OK if failed + quarantined == 0 else 1

    return _run(paths, translate, send)


def _cmd_retry(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    def retry_one(db: Any) -> int:
        from unionDesk.services.outbox import retry

        retry(db, CLI_ACTOR, options.id)
        print(translate("Cli", "Package {id} is queued again.").format(id=options.id))
        return EXIT_OK

    return _run(paths, translate, retry_one)


def _cmd_export(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    def export(db: Any) -> int:
        from unionDesk.domain.outbox import OutboxState
        from unionDesk.services.outbox import list_items, package_files
        from unionDesk.sync.base import Package
        from unionDesk.sync.folder import copy_package

        waiting = (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.QUARANTINED)
        items = [i for i in list_items(db, CLI_ACTOR) if i.state in waiting]
        done: set[str] = set()
        try:
            options.folder.mkdir(parents=True, exist_ok=True)
            for item in items:
                if item.package_id in done:
                    continue
                files = package_files(paths, item.package_id)
                package = Package.from_files(item.package_id, files)
                print(copy_package(package, options.folder))  # the folder destination's layout
                done.add(item.package_id)
        except OSError as error:
            message = translate("Cli", "Cannot write into {folder}: {reason}")
            return _refuse([message.format(folder=options.folder, reason=error.strerror or error)])
        message = translate("Cli", "Copied {count} packages to {folder}.")
        print(message.format(count=len(done), folder=options.folder), file=sys.stderr)
        return EXIT_OK

    return _run(paths, translate, export)


# --- outbox destinations ----------------------------------------------------------------------


def _cmd_destinations(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    def show(db: Any) -> int:
        from unionDesk.domain.outbox import kind_label
        from unionDesk.services.destinations import list_destinations

        found = list_destinations(db, CLI_ACTOR)
        if options.json:
            rows = [
                {
                    "id": d.id,
                    "name": d.name,
                    "kind": d.kind.value,
                    "url": d.url,
                    "username": d.username,
                    "has_secret": d.has_secret,
                    "ca_file": d.ca_file,
                    "default": d.is_default,
                }
                for d in found
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return EXIT_OK
        for d in found:
            mark = "*" if d.is_default else " "
            print(f"{mark} {d.id}\t{kind_label(d.kind, translate)}\t{d.name}\t{d.url}")
        return EXIT_OK

    return _run(paths, translate, show)


def _cmd_add_destination(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.cli_files import UnreadableFile, read_secret

    secret_file = options.token_file if options.kind == "http" else options.password_file
    secret = None
    if secret_file is not None:
        try:
            secret = read_secret(secret_file)
        except UnreadableFile as unreadable:
            return _refuse([unreadable.message(translate)])
    location = str(options.path) if options.kind == "folder" and options.path else options.url

    def add(db: Any) -> int:
        from unionDesk.domain.outbox import DestinationKind
        from unionDesk.services.destinations import DestinationDraft, add_destination

        draft = DestinationDraft(
            name=options.name or location,
            kind=DestinationKind(options.kind),
            url=location,
            username=options.user,
            secret=secret,
            ca_file=options.ca_file,
            is_default=options.default,
        )
        number = add_destination(db, CLI_ACTOR, paths, draft)
        print(translate("Cli", "Added destination {id}.").format(id=number))
        return EXIT_OK

    return _run(paths, translate, add)
