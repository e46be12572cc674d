"""The ``uniondesk inbox serve`` command: the reference receiver of uploads.

It lets a higher-level union try the upload protocol (``docs/upload-protocol.md``) and lets tests
exercise the outbox against a real server that can be told to fail. It needs no database: it
runs until Ctrl+C and stores what it accepts in the folder given.
"""

from __future__ import annotations

import argparse
import ssl
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unionDesk.cli import EXIT_OK, _refuse
from unionDesk.cli_files import UnreadableFile, read_file
from unionDesk.paths import AppPaths

Translate = Callable[[str, str], str]
DEFAULT_PORT = 8765
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register_inbox_commands(commands: Any, translate: Translate) -> None:
    """Add ``inbox serve`` to the top-level sub-commands."""
    inbox = commands.add_parser(
        "inbox",
        help=translate(
            "Cli", "reference receiver of uploads (for tests and the higher-level union)"
        ),
    )
    actions = inbox.add_subparsers(dest="inbox_command", required=True)
    serve = actions.add_parser(
        "serve", help=translate("Cli", "receive packages over HTTP until Ctrl+C")
    )
    serve.add_argument(
        "--dir",
        required=True,
        type=Path,
        metavar="DIR",
        help=translate("Cli", "folder where accepted packages are stored"),
    )
    serve.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=translate("Cli", "port to listen on (0: any free port)"),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help=translate("Cli", "address to listen on (default: this computer only)"),
    )
    token = serve.add_mutually_exclusive_group(required=True)
    token.add_argument(
        "--token",
        help=translate(
            "Cli",
            "the bearer token clients must send (other users of this computer can see it; "
            "prefer --token-file)",
        ),
    )
    token.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "file whose first line is the bearer token"),
    )
    _add_check_options(serve, translate)
    _add_fault_options(serve, translate)
    serve.set_defaults(handler=_cmd_serve)


def _add_check_options(serve: argparse.ArgumentParser, translate: Translate) -> None:
    serve.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CERT.pem",
        help=translate(
            "Cli", "certificate whose signatures are reported as trusted (may be repeated)"
        ),
    )
    serve.add_argument(
        "--max-size",
        type=int,
        default=50,
        metavar="MB",
        help=translate("Cli", "largest package accepted, in megabytes"),
    )
    serve.add_argument(
        "--tls-cert",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "serve HTTPS with this certificate chain (PEM)"),
    )
    serve.add_argument(
        "--tls-key",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "the private key of --tls-cert (PEM), if not in the same file"),
    )


def _add_fault_options(serve: argparse.ArgumentParser, translate: Translate) -> None:
    serve.add_argument(
        "--fail-rate",
        type=float,
        default=0.0,
        metavar="F",
        help=translate("Cli", "for testing: share of uploads answered with error 500 (0 to 1)"),
    )
    serve.add_argument(
        "--delay",
        type=float,
        default=0.0,
        metavar="S",
        help=translate("Cli", "for testing: seconds to wait before each answer"),
    )
    serve.add_argument(
        "--drop-response-rate",
        type=float,
        default=0.0,
        metavar="F",
        help=translate(
            "Cli", "for testing: share of accepted uploads stored but left unanswered (0 to 1)"
        ),
    )
    serve.add_argument(
        "--seed", type=int, help=translate("Cli", "for testing: seed of the random failures")
    )


def _cmd_serve(options: argparse.Namespace, paths: AppPaths, translate: Translate) -> int:
    del paths  # the inbox keeps its packages in --dir, not in the data folder
    return serve(options, translate, threading.Event())


def serve(options: argparse.Namespace, translate: Translate, stop: threading.Event) -> int:
    """Run the inbox of ``inbox serve`` until Ctrl+C or until ``stop`` is set.

    Returns:
        The exit status: 0 after a normal stop, 1 when the options are unusable.
    """
    from unionDesk.sync.inbox import InboxServer

    try:
        options.dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = translate("Cli", "The folder {folder} cannot be created: {reason}")
        return _refuse([message.format(folder=options.dir, reason=error.strerror or error)])
    try:
        inbox = InboxServer(
            options.dir,
            _token(options),
            host=options.host,
            port=options.port,
            fail_rate=options.fail_rate,
            delay=options.delay,
            drop_response_rate=options.drop_response_rate,
            seed=options.seed,
            trusted_pem=[read_file(file) for file in options.trust],
            max_body=options.max_size * 1024 * 1024,
            tls=_tls(options),
        )
        inbox.start()
    except UnreadableFile as unusable:
        return _refuse([unusable.message(translate)])
    except ValueError:
        return _refuse([_bad_numbers(translate)])
    except OSError as error:
        message = translate("Cli", "Cannot receive on {host} port {port}: {reason}")
        return _refuse(
            [message.format(host=options.host, port=options.port, reason=error.strerror or error)]
        )
    _announce(inbox, options, translate)
    try:
        while not stop.wait(0.5):  # a timed wait, so Ctrl+C gets through on every platform
            pass
    except KeyboardInterrupt:
        pass
    finally:
        inbox.stop()
    print(
        translate("Cli", "Stopped. New packages stored: {count}").format(count=inbox.stored_count)
    )
    return EXIT_OK


def _announce(inbox: Any, options: argparse.Namespace, translate: Translate) -> None:
    message = translate(
        "Cli", "Receiving packages at {url}; they are stored in {folder}. Press Ctrl+C to stop."
    )
    print(message.format(url=inbox.url, folder=options.dir.resolve()), flush=True)
    if options.host not in LOOPBACK and options.tls_cert is None:
        warning = translate(
            "Cli",
            "Warning: without --tls-cert the token and the returns travel unencrypted over "
            "the network.",
        )
        print(warning, file=sys.stderr, flush=True)


def _token(options: argparse.Namespace) -> str:
    """The token of ``--token``, or the first line of ``--token-file``; empty is refused."""
    if options.token is not None:
        return str(options.token).strip()
    try:
        lines = read_file(options.token_file).decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        raise UnreadableFile(options.token_file, error.reason) from error
    return lines[0].strip() if lines else ""


def _tls(options: argparse.Namespace) -> ssl.SSLContext | None:
    if options.tls_cert is None:
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(options.tls_cert, options.tls_key)
    except (OSError, ssl.SSLError) as error:
        raise UnreadableFile(options.tls_cert, getattr(error, "strerror", None) or error) from error
    return context


def _bad_numbers(translate: Translate) -> str:
    return translate(
        "Cli",
        "The token must not be empty, --fail-rate and --drop-response-rate must lie between 0 "
        "and 1, and --delay and --max-size must not be negative.",
    )
