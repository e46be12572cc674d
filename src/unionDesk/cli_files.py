"""Files named on the command line: read whole, or as a passphrase or token, with one error type.

Secrets are read from files, never from arguments (which other users can see in the process list).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Translate = Callable[[str, str], str]


class UnreadableFile(Exception):
    """A file given on the command line cannot be read (or a secret file is not text)."""

    def __init__(self, file: Path, reason: object) -> None:
        super().__init__(f"{file}: {reason}")
        self.file, self.reason = file, reason

    def message(self, translate: Translate) -> str:
        """The refusal in the user's language."""
        return translate("Cli", "The file {file} cannot be read: {reason}").format(
            file=self.file, reason=self.reason
        )


def read_file(file: Path) -> bytes:
    """The bytes of ``file``; raises UnreadableFile."""
    try:
        return file.read_bytes()
    except OSError as error:
        raise UnreadableFile(file, error.strerror or error) from error


def read_secret(file: Path) -> str:
    """The passphrase or token in ``file``: UTF-8, a byte-order mark and one line ending dropped."""
    try:
        text = read_file(file).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(file, error.reason) from error
    return text.removesuffix("\n").removesuffix("\r")
