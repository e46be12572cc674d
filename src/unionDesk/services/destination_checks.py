"""Checks of the destination form's connection fields: address, credentials, CA file.

Split from ``services.destinations``; each check returns the problems of its fields.
"""

from __future__ import annotations

import ssl
import urllib.parse
from pathlib import Path

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, length_problems, problem
from unionDesk.domain.outbox import DestinationKind

URL_LIMIT = 1000


def connection_problems(
    kind: DestinationKind,
    url: str,
    username: str,
    secret: str | None,
    ca_file: str,
    *,
    has_stored: bool,
) -> list[Problem]:
    """The problems of the fields a transport needs (trimmed values; empty when all is well).

    Args:
        kind: the destination's kind.
        url: the base URL, WebDAV folder URL, or folder path.
        username: the WebDAV user name.
        secret: a new token or password; None when none was typed.
        ca_file: the extra CA certificate file, "" for none.
        has_stored: a secret is already stored (None then keeps it).
    """
    return [
        *_url_problems(kind, url),
        *_credential_problems(kind, username, secret, has_stored=has_stored),
        *_ca_file_problems(ca_file),
    ]


def _url_problems(kind: DestinationKind, url: str) -> list[Problem]:
    if kind is DestinationKind.FOLDER:
        if not url or not Path(url).is_absolute():
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "Choose the folder to copy returns into (a USB stick or a network share), by its "
                "full path.",
            )
            return [problem("url", text)]
        return length_problems("url", url, URL_LIMIT)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            'Enter a web address starting with https:// (or http://); "{given}" is not one.',
        )
        return [problem("url", text, given=url)]
    return length_problems("url", url, URL_LIMIT)


def _credential_problems(
    kind: DestinationKind, username: str, secret: str | None, *, has_stored: bool
) -> list[Problem]:
    if kind is DestinationKind.FOLDER:
        return []
    problems: list[Problem] = []
    if kind is DestinationKind.WEBDAV and not username:
        text = QT_TRANSLATE_NOOP("Validation", "Enter the user name of the WebDAV account.")
        problems.append(problem("username", text))
    if secret is None and not has_stored:
        if kind is DestinationKind.HTTP:
            text = QT_TRANSLATE_NOOP(
                "Validation", "Enter the access token the higher-level union gave you."
            )
        else:
            text = QT_TRANSLATE_NOOP("Validation", "Enter the password of the WebDAV account.")
        problems.append(problem("secret", text))
    elif secret and not secret.isprintable():
        text = QT_TRANSLATE_NOOP(
            "Validation", "The token or password contains line breaks or control characters."
        )
        problems.append(problem("secret", text))
    elif kind is DestinationKind.HTTP and secret and not _header_safe(secret):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "An access token has only Latin letters, digits and signs, and no spaces; check the "
            "copy.",
        )
        problems.append(problem("secret", text))
    return problems


def _header_safe(token: str) -> bool:
    """Whether the token can travel in an HTTP header: printable ASCII without spaces."""
    return token.isascii() and token.isprintable() and " " not in token


def _ca_file_problems(ca_file: str) -> list[Problem]:
    if not ca_file:
        return []
    try:
        ssl.create_default_context().load_verify_locations(cafile=ca_file)
    except (OSError, ssl.SSLError, ValueError):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} cannot be read as a CA certificate (a PEM file is needed).",
        )
        return [problem("ca_file", text, file=ca_file)]
    return []
