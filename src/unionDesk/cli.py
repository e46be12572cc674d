"""The ``uniondesk`` command: starts the GUI, or runs a headless command.

Headless commands never wait for input; messages are in the user's language (zh_CN default)
and the exit status says how it went: 0 done, 1 refused (bad input), 2 usage, 3 database problem.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from unionDesk import __version__
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.paths import AppPaths, resolve_paths

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3
DEMO_UNION = "示范机械制造有限公司工会委员会"
DEMO_USCC_BODY = "91110105MA01DEMA1"
HEADLESS_COMMANDS = frozenset(
    {
        "init",
        "demo",
        "members",
        "audit",
        "backup",
        "selection",
        "competitions",
        "events",
        "return",
        "identity",
        "verify",
        "countersign",
        "inbox",
        "outbox",
        "export",
        "import",
        "selftest",
    }
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``uniondesk`` script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered before Qt is loaded
        print(f"UnionDesk {__version__}")
        return EXIT_OK
    translate = _start_translations(args)
    parser = build_parser(translate)
    options = parser.parse_args(args)
    paths = resolve_paths(options.data_dir, portable=options.portable)
    if options.command is None:
        from unionDesk.app import run_gui

        return run_gui(paths)
    handler: Callable[[argparse.Namespace, AppPaths, Callable[[str, str], str]], int]
    handler = options.handler
    try:
        return handler(options, paths, translate)
    except BrokenPipeError:  # the reader went away (``| head``): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _start_translations(args: Sequence[str]) -> Callable[[str, str], str]:
    from PySide6.QtCore import QCoreApplication

    from unionDesk.i18n import choose_language, install_translators, translate

    app = QCoreApplication.instance() or _new_application(args)
    paths = resolve_paths(_peek_data_dir(args), portable="--portable" in args)
    install_translators(app, choose_language(paths.settings))
    return translate


def _new_application(args: Sequence[str]) -> Any:
    """A QApplication when the GUI will start, else the lighter QCoreApplication."""
    if any(arg in HEADLESS_COMMANDS or arg in ("-h", "--help") for arg in args):
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication(["uniondesk"])
    from PySide6.QtWidgets import QApplication

    return QApplication(["uniondesk", *args])


def _peek_data_dir(args: Sequence[str]) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--data-dir" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None


def build_parser(translate: Callable[[str, str], str]) -> argparse.ArgumentParser:
    """The argument parser, with help texts in the user's language."""
    parser = argparse.ArgumentParser(
        prog="uniondesk",
        description=translate("Cli", "UnionDesk: trade-union registers and returns."),
    )
    parser.add_argument("--version", action="version", version=f"UnionDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=translate(
            "Cli",
            "folder that holds the database (default: UNIONDESK_HOME or the user data folder)",
        ),
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        help=translate(
            "Cli",
            "keep all data in the folder UnionDeskData beside the program (for a USB stick); "
            "a file portable.txt beside the program does the same",
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = commands.add_parser("init", help=translate("Cli", "create a new database"))
    init.add_argument(
        "--union-name", required=True, help=translate("Cli", "full name of the union")
    )
    init.add_argument("--uscc", required=True, help=translate("Cli", "unified social credit code"))
    init.add_argument(
        "--admin-user",
        help=translate("Cli", "user name of the first administrator (with --admin-password-file)"),
    )
    init.add_argument(
        "--admin-password-file",
        metavar="FILE",
        help=translate("Cli", "file whose first line is the administrator's password"),
    )
    init.set_defaults(handler=_cmd_init)
    demo = commands.add_parser("demo", help=translate("Cli", "fill the database with demo members"))
    demo.add_argument(
        "--members", type=int, default=2000, help=translate("Cli", "how many members")
    )
    demo.add_argument(
        "--if-empty",
        action="store_true",
        help=translate("Cli", "add demo members only when the register is empty"),
    )
    demo.add_argument(
        "--admin-password",
        help=translate(
            "Cli", "password of the demo administrator 'admin' (default: a generated one, printed)"
        ),
    )
    demo.set_defaults(handler=_cmd_demo)
    audit = commands.add_parser("audit", help=translate("Cli", "audit trail"))
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser(
        "verify",
        help=translate("Cli", "check that no audit entry was edited, removed or reordered"),
    )
    verify.set_defaults(handler=_cmd_audit_verify)
    members = commands.add_parser("members", help=translate("Cli", "member register"))
    member_commands = members.add_subparsers(dest="members_command", required=True)
    search = member_commands.add_parser("search", help=translate("Cli", "find members (masked)"))
    search.add_argument(
        "text", help=translate("Cli", "name, pinyin initials, ID tail or card number")
    )
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    search.set_defaults(handler=_cmd_search)
    _add_backup_commands(commands, translate)
    from unionDesk.cli_selection import add_selection_commands  # imports this module

    add_selection_commands(commands, translate)
    from unionDesk.cli_activities import add_activity_commands  # imports this module

    add_activity_commands(commands, translate)
    from unionDesk.cli_returns import add_return_command  # imports this module

    add_return_command(commands, translate)
    from unionDesk.cli_signing import register_signing_commands  # imports this module

    register_signing_commands(commands, translate)
    from unionDesk.cli_inbox import register_inbox_commands  # imports this module

    register_inbox_commands(commands, translate)
    from unionDesk.cli_outbox import add_outbox_commands  # imports this module

    add_outbox_commands(commands, translate)
    from unionDesk.cli_export import add_export_commands  # imports this module

    add_export_commands(commands, translate)
    from unionDesk.cli_import import add_import_command  # imports this module

    add_import_command(commands, translate)
    from unionDesk.cli_selftest import add_selftest_command  # imports this module

    add_selftest_command(commands, translate)
    return parser


def _add_backup_commands(commands: Any, translate: Callable[[str, str], str]) -> None:
    backup = commands.add_parser("backup", help=translate("Cli", "back up and restore"))
    backup_commands = backup.add_subparsers(dest="backup_command", required=True)
    create = backup_commands.add_parser("create", help=translate("Cli", "back up the database now"))
    create.add_argument(
        "--to",
        metavar="FILE",
        type=Path,
        help=translate("Cli", "file or folder to write to (default: the backups folder)"),
    )
    create.set_defaults(handler=_cmd_backup_create)
    listing = backup_commands.add_parser("list", help=translate("Cli", "list the backups"))
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    listing.set_defaults(handler=_cmd_backup_list)
    restore = backup_commands.add_parser(
        "restore",
        help=translate(
            "Cli", "replace the database with a backup (checked first; the old one is kept)"
        ),
    )
    restore.add_argument("file", type=Path, help=translate("Cli", "the backup file"))
    restore.set_defaults(handler=_cmd_backup_restore)


def _cmd_init(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    from unionDesk.services.database import create_database
    from unionDesk.services.errors import ServiceError, ValidationFailed

    if bool(options.admin_user) != bool(options.admin_password_file):
        return _refuse([translate("Cli", "Give --admin-user and --admin-password-file together.")])
    try:
        admin = _admin_from_options(options)
        create_database(paths, options.union_name, options.uscc, admin).close()
    except OSError as error:
        return _refuse(
            [
                translate("Cli", "The password file cannot be read: {reason}").format(
                    reason=error.strerror or error
                )
            ]
        )
    except ValidationFailed as failed:
        return _refuse([p.render(translate) for p in failed.problems])
    except ServiceError as error:
        return _refuse([error.problem.render(translate)])
    print(translate("Cli", "Created the database {file}.").format(file=paths.database))
    return EXIT_OK


def _admin_from_options(options: argparse.Namespace) -> Any:
    from unionDesk.services.database import AdminAccount

    if not options.admin_user:
        return None
    text = Path(options.admin_password_file).read_text(encoding="utf-8")
    lines = text.splitlines()
    return AdminAccount(options.admin_user, lines[0] if lines else "")


def _cmd_audit_verify(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    return _with_database(paths, translate, lambda db: _print_verification(db, translate))


def _print_verification(db: Any, translate: Callable[[str, str], str]) -> int:
    from unionDesk.domain.audit_chain import BREAK_CONTENT
    from unionDesk.services.audit import verify_chain

    report = verify_chain(db)
    if report.ok:
        print(
            translate(
                "Cli", "Audit log OK: {count} entries, none edited, removed or reordered."
            ).format(count=report.checked)
        )
        return EXIT_OK
    if report.reason == BREAK_CONTENT:
        message = translate(
            "Cli", "Audit log BROKEN at entry {id}: its content was edited after it was written."
        )
    else:
        message = translate(
            "Cli", "Audit log BROKEN at entry {id}: an entry before it was removed or changed."
        )
    print(message.format(id=report.broken_id), file=sys.stderr)
    return EXIT_REFUSED


def _cmd_demo(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    from unionDesk.domain.uscc import compose_uscc
    from unionDesk.services.database import create_database, database_exists

    if options.members < 0:
        return _refuse([translate("Cli", "The number of members cannot be negative.")])
    if options.admin_password is not None:
        from unionDesk.domain.access import password_problems

        weak = password_problems(options.admin_password, "admin")
        if weak:  # refused before anything is created
            return _refuse([p.render(translate) for p in weak])
    if not database_exists(paths):
        create_database(paths, DEMO_UNION, compose_uscc(DEMO_USCC_BODY)).close()
        print(translate("Cli", "Created a demo database in {folder}.").format(folder=paths.root))
    return _with_database(paths, translate, lambda db: _fill(db, options, translate))


def _fill(db: Any, options: argparse.Namespace, translate: Callable[[str, str], str]) -> int:
    from unionDesk.cli_activities import print_activities_demo
    from unionDesk.cli_selection import print_selection_demo
    from unionDesk.services.demo import fill_demo
    from unionDesk.services.members import MemberQuery, query_member_ids

    if options.if_empty and query_member_ids(db, CLI_ACTOR, MemberQuery()):
        print(translate("Cli", "The register already has members; no demo members were added."))
        return EXIT_OK
    _ensure_demo_admin(db, options, translate)
    result = fill_demo(db, options.members, selections=True, activities=True)
    print(translate("Cli", "Added {count} demo members.").format(count=result.members))
    print_selection_demo(result.selection, translate)
    print_activities_demo(result.activities, translate)
    return EXIT_OK


def _ensure_demo_admin(
    db: Any, options: argparse.Namespace, translate: Callable[[str, str], str]
) -> None:
    """A demo database gets an administrator 'admin'; its password is printed, never fixed."""
    import secrets

    from unionDesk.services.users import add_first_admin, has_users

    if has_users(db):
        return
    password = options.admin_password or secrets.token_urlsafe(9)
    add_first_admin(db, "admin", "演示管理员", password)
    print(
        translate("Cli", "Demo administrator: user name admin, password {password}").format(
            password=password
        )
    )


def _cmd_search(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    if options.limit < 1:
        return _refuse([translate("Cli", "--limit must be at least 1.")])
    return _with_database(paths, translate, lambda db: _print_search(db, options, translate))


def _print_search(
    db: Any, options: argparse.Namespace, translate: Callable[[str, str], str]
) -> int:
    from unionDesk.domain.enums import label
    from unionDesk.services.members import search_members

    rows = search_members(db, CLI_ACTOR, options.text, limit=options.limit)
    if options.json:
        print(json.dumps([_json_row(asdict(row)) for row in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        print(
            "\t".join(
                (
                    row.name,
                    label(row.sex, translate),
                    row.id_number_masked,
                    row.mobile_masked,
                    row.card_number,
                    row.department,
                    label(row.status, translate),
                )
            )
        )
    print(translate("Cli", "Members found: {count}").format(count=len(rows)), file=sys.stderr)
    return EXIT_OK


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value if isinstance(value, int | str) else str(value) for key, value in row.items()
    }


def _cmd_backup_create(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    from unionDesk.services.backup_files import not_copied_warning
    from unionDesk.services.backups import create_backup
    from unionDesk.services.errors import ServiceError

    def back_up(_db: Any) -> int:
        try:
            made = create_backup(paths, CLI_ACTOR, options.to)
        except ServiceError as error:
            return _refuse([error.problem.render(translate)])
        print(translate("Cli", "Backed up the database to {file}.").format(file=made.file))
        warning = not_copied_warning(made.file, made.files_missing)
        if warning is not None:
            print(warning.render(translate), file=sys.stderr)
        return EXIT_OK

    return _with_database(paths, translate, back_up)


def _cmd_backup_list(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    from unionDesk.services.backups import list_backups

    backups = list_backups(paths)  # works without the live database: needed to recover it
    if options.json:
        rows = [{**_json_row(asdict(b)), "taken_at": b.taken_at.isoformat()} for b in backups]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for b in backups:
        taken = b.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print("\t".join((taken, b.kind.value, str(b.size), b.revision, str(b.file))))
    print(translate("Cli", "Backups found: {count}").format(count=len(backups)), file=sys.stderr)
    return EXIT_OK


def _cmd_backup_restore(
    options: argparse.Namespace, paths: AppPaths, translate: Callable[[str, str], str]
) -> int:
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(paths.ensure().instance_lock))
    if not lock.tryLock(0):
        return _refuse(
            [
                translate(
                    "Cli",
                    "UnionDesk is open on the data folder {folder}. Close it, then restore again.",
                ).format(folder=paths.root)
            ]
        )
    try:
        return _restore(options.file, paths, translate)
    finally:
        lock.unlock()


def _restore(file: Path, paths: AppPaths, translate: Callable[[str, str], str]) -> int:
    from unionDesk.services.backup_files import not_restored_warning
    from unionDesk.services.backups import restore_backup
    from unionDesk.services.database import explain_store_error
    from unionDesk.services.errors import ServiceError
    from unionDesk.store.errors import StoreError

    try:
        result = restore_backup(paths, CLI_ACTOR, file.resolve())
    except ServiceError as error:
        return _refuse([error.problem.render(translate)])
    except StoreError as error:
        print(explain_store_error(error, paths).render(translate), file=sys.stderr)
        return EXIT_STORE
    print(translate("Cli", "Restored the database from {file}.").format(file=file))
    if result.kept_as_backup is not None:
        message = translate("Cli", "The replaced database was kept as {file}.")
        print(message.format(file=result.kept_as_backup))
    if result.broken_file is not None:
        message = translate("Cli", "The unreadable database was kept as {file}.")
        print(message.format(file=result.broken_file))
    if result.files_restored:
        message = translate("Cli", "Copied back {count} photos and attachments.")
        print(message.format(count=result.files_restored))
    warning = not_restored_warning(result.restored_from, result.files_missing)
    if warning is not None:
        print(warning.render(translate), file=sys.stderr)
    return EXIT_OK


def _with_database(
    paths: AppPaths, translate: Callable[[str, str], str], action: Callable[[Any], int]
) -> int:
    from unionDesk.services.database import database_exists, explain_store_error, open_database
    from unionDesk.store.errors import StoreError

    if not database_exists(paths):
        return _refuse(
            [
                translate(
                    "Cli",
                    "There is no database in {folder}. Create one with "
                    "'uniondesk --data-dir DIR init' first.",
                ).format(folder=paths.root)
            ]
        )
    try:
        db = open_database(paths)
    except StoreError as error:
        print(explain_store_error(error, paths).render(translate), file=sys.stderr)
        return EXIT_STORE
    try:
        return action(db)
    finally:
        db.close()


def _refuse(messages: list[str]) -> int:
    for message in messages:
        print(message, file=sys.stderr)
    return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
