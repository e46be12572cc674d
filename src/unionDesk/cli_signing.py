"""The ``uniondesk identity``, ``verify`` and ``countersign`` commands.

``identity create`` and ``identity import`` change the data folder's signing identity (audited,
so they need the database); the others work on files alone. ``verify`` exits 0 only when every
signature is valid and the file is unchanged since signing, 1 when it is not, and 3 when the
file cannot be read. Passphrases are read from a file, with its trailing newline removed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from unionDesk.cli import EXIT_OK, EXIT_REFUSED, EXIT_STORE, _refuse, _with_database
from unionDesk.cli_files import UnreadableFile, read_file, read_secret
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]
TIME_FORMAT = "%Y-%m-%d %H:%M"


def register_signing_commands(commands: Any, translate: Translate) -> None:
    """Add ``identity …``, ``verify`` and ``countersign`` to the top-level sub-commands."""
    _add_identity_commands(commands, translate)
    verify = commands.add_parser(
        "verify",
        help=translate(
            "Cli", "check the signatures of a PDF (exit 0 only when valid and unchanged)"
        ),
    )
    verify.add_argument("file", type=Path, help=translate("Cli", "the signed PDF"))
    verify.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    verify.set_defaults(handler=_cmd_verify)
    countersign = commands.add_parser(
        "countersign",
        help=translate("Cli", "sign a review results return as the committee chair"),
    )
    countersign.add_argument(
        "file", type=Path, help=translate("Cli", "the return signed by the union")
    )
    countersign.add_argument(
        "--p12", required=True, type=Path, help=translate("Cli", "the chair's PKCS#12 file")
    )
    _passphrase_option(countersign, translate)
    countersign.add_argument(
        "--out", required=True, type=Path, help=translate("Cli", "the countersigned PDF to write")
    )
    countersign.set_defaults(handler=_cmd_countersign)


def _add_identity_commands(commands: Any, translate: Translate) -> None:
    identity = commands.add_parser("identity", help=translate("Cli", "the signing identity"))
    actions = identity.add_subparsers(dest="identity_command", required=True)
    create = actions.add_parser(
        "create",
        help=translate("Cli", "make a key and a self-signed certificate for the union"),
    )
    _passphrase_option(create, translate)
    _replace_option(create, translate)
    create.set_defaults(handler=_cmd_create)
    take = actions.add_parser(
        "import", help=translate("Cli", "use a PKCS#12 issued by the higher-level union")
    )
    take.add_argument("file", type=Path, help=translate("Cli", "the .p12 or .pfx file"))
    _passphrase_option(take, translate)
    _replace_option(take, translate)
    take.set_defaults(handler=_cmd_import)
    export = actions.add_parser(
        "export-cert", help=translate("Cli", "write the certificate (PEM) to give to others")
    )
    export.add_argument("out", type=Path, help=translate("Cli", "the .pem file to write"))
    export.set_defaults(handler=_cmd_export)
    show = actions.add_parser("show", help=translate("Cli", "show the certificate's details"))
    show.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    show.set_defaults(handler=_cmd_show)
    personal = actions.add_parser(
        "create-personal",
        help=translate("Cli", "make a personal PKCS#12 (for the committee chair)"),
    )
    personal.add_argument("--name", required=True, help=translate("Cli", "the person's name"))
    personal.add_argument(
        "--out", required=True, type=Path, help=translate("Cli", "the .p12 file to write")
    )
    _passphrase_option(personal, translate)
    personal.set_defaults(handler=_cmd_create_personal)


def _passphrase_option(parser: argparse.ArgumentParser, translate: Translate) -> None:
    parser.add_argument(
        "--passphrase-file",
        required=True,
        metavar="FILE",
        type=Path,
        help=translate("Cli", "file holding the passphrase (a trailing newline is ignored)"),
    )


def _replace_option(parser: argparse.ArgumentParser, translate: Translate) -> None:
    parser.add_argument(
        "--replace",
        action="store_true",
        help=translate("Cli", "replace an existing identity (the old one is kept aside)"),
    )


# --- identity -------------------------------------------------------------------------------


def _cmd_create(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.identity import create_identity

    def create(db: Any, passphrase: str) -> Any:
        return create_identity(db, CLI_ACTOR, paths, passphrase, replace=options.replace)

    return _change_identity(options, paths, translate, create)


def _cmd_import(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.identity import import_identity

    try:
        p12 = read_file(options.file)
    except UnreadableFile as unreadable:
        return _refuse([unreadable.message(translate)])

    def take(db: Any, passphrase: str) -> Any:
        return import_identity(db, CLI_ACTOR, paths, p12, passphrase, replace=options.replace)

    return _change_identity(options, paths, translate, take)


def _change_identity(
    options: argparse.Namespace,
    paths: AppPaths,
    translate: Translate,
    change: Callable[[Any, str], Any],
) -> int:
    from unionDesk.services.errors import ServiceError, ValidationFailed

    try:
        passphrase = read_secret(options.passphrase_file)
    except UnreadableFile as unreadable:
        return _refuse([unreadable.message(translate)])

    def run(db: Any) -> int:
        try:
            info = change(db, passphrase)
        except ValidationFailed as failed:
            return _refuse([p.render(translate) for p in failed.problems])
        except ServiceError as error:
            return _refuse([error.problem.render(translate)])
        print(
            translate("Cli", "The signing identity is stored in {folder}.").format(
                folder=paths.identity
            )
        )
        _print_identity(info, translate)
        return EXIT_OK

    return _with_database(paths, translate, run)


def _cmd_export(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.errors import ValidationFailed
    from unionDesk.services.identity import export_certificate

    try:
        _write_new(options.out, export_certificate(paths), overwrite=True)
    except ValidationFailed as failed:
        return _refuse([p.render(translate) for p in failed.problems])
    except OSError as error:
        return _refuse([_unwritable(options.out, error, translate)])
    print(translate("Cli", "Wrote the certificate to {file}.").format(file=options.out))
    return EXIT_OK


def _cmd_show(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.errors import ValidationFailed
    from unionDesk.services.identity import read_identity

    try:
        info = read_identity(paths)
    except ValidationFailed as failed:
        return _refuse([p.render(translate) for p in failed.problems])
    if info is None:
        return _refuse(
            [
                translate(
                    "Cli",
                    "There is no signing identity in {folder}. Create one with "
                    "'uniondesk identity create' or import one with 'uniondesk identity import'.",
                ).format(folder=paths.identity)
            ]
        )
    if options.json:
        print(json.dumps(_plain(asdict(info)), ensure_ascii=False, indent=2))
    else:
        _print_identity(info, translate)
    return EXIT_OK


def _print_identity(info: Any, translate: Translate) -> None:
    kind = (
        translate("Cli", "self-signed")
        if info.self_signed
        else translate("Cli", "issued by an authority")
    )
    rows = [
        (translate("Cli", "Subject"), info.subject),
        (translate("Cli", "Unified social credit code"), info.uscc or "—"),
        (translate("Cli", "SHA-256 fingerprint"), info.fingerprint),
        (translate("Cli", "Valid from"), _local(info.valid_from)),
        (translate("Cli", "Valid until"), _local(info.valid_to)),
        (translate("Cli", "Certificate"), kind),
    ]
    for caption, value in rows:
        print(f"{caption}: {value}")


def _cmd_create_personal(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.certificates import create_personal_p12
    from unionDesk.services.errors import ValidationFailed

    del paths  # a personal identity is kept by its owner, not in the data folder
    try:
        passphrase = read_secret(options.passphrase_file)
    except UnreadableFile as unreadable:
        return _refuse([unreadable.message(translate)])
    try:
        _write_new(options.out, create_personal_p12(options.name, passphrase))
    except ValidationFailed as failed:
        return _refuse([p.render(translate) for p in failed.problems])
    except FileExistsError:
        return _refuse([_exists(options.out, translate)])
    except OSError as error:
        return _refuse([_unwritable(options.out, error, translate)])
    print(
        translate("Cli", "Wrote the personal signing identity to {file}.").format(file=options.out)
    )
    return EXIT_OK


# --- verify and countersign -----------------------------------------------------------------


def _cmd_verify(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.verification import (
        UnreadablePdf,
        describe,
        trusted_certificates,
        verify_pdf,
    )

    try:
        report = verify_pdf(read_file(options.file), trusted_certificates(paths))
    except UnreadableFile as unreadable:
        print(unreadable.message(translate), file=sys.stderr)
        return EXIT_STORE
    except UnreadablePdf as error:
        print(error.problem.render(translate), file=sys.stderr)
        return EXIT_STORE
    lines = describe(report, translate)
    if options.json:
        signatures = [
            {**_plain(asdict(check)), "unchanged": check.unchanged, "ok": check.ok}
            for check in report.signatures
        ]
        document = {"file": str(options.file), "ok": report.ok, "signatures": signatures}
        print(json.dumps({**document, "lines": lines}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))
    return EXIT_OK if report.ok else EXIT_REFUSED


def _cmd_countersign(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    from unionDesk.services.certificates import load_signer_from_p12
    from unionDesk.services.errors import ValidationFailed
    from unionDesk.services.signing import countersign_pdf

    del paths  # the chair signs with a personal identity, not the data folder's
    try:
        pdf, p12 = read_file(options.file), read_file(options.p12)
        passphrase = read_secret(options.passphrase_file)
    except UnreadableFile as unreadable:
        return _refuse([unreadable.message(translate)])
    try:
        signer = load_signer_from_p12(p12, passphrase)
        _write_new(options.out, countersign_pdf(pdf, signer, signer_label=signer.info.name))
    except ValidationFailed as refused:
        return _refuse([p.render(translate) for p in refused.problems])
    except FileExistsError:
        return _refuse([_exists(options.out, translate)])
    except OSError as error:
        return _refuse([_unwritable(options.out, error, translate)])
    print(
        translate("Cli", "Countersigned as {name}: {file}").format(
            name=signer.info.name, file=options.out
        )
    )
    return EXIT_OK


# --- files ------------------------------------------------------------------------------------


def _write_new(path: Path, content: bytes, *, overwrite: bool = False) -> None:
    """Write ``path`` atomically; refuse to replace an existing file unless ``overwrite``.

    Raises:
        FileExistsError: ``path`` exists and ``overwrite`` is False.
    """
    from unionDesk.services.file_store import write_atomically

    if not overwrite and path.exists():
        raise FileExistsError(path)
    write_atomically(path.resolve(), content)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime(TIME_FORMAT)


def _unwritable(file: Path, error: OSError, translate: Translate) -> str:
    return translate("Cli", "The file {file} cannot be written: {reason}").format(
        file=file, reason=error.strerror or error
    )


def _exists(file: Path, translate: Translate) -> str:
    return translate(
        "Cli", "The file {file} already exists. Choose another name; nothing was overwritten."
    ).format(file=file)
