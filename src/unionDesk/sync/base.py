"""What every transport shares: the package, the receipt, the two failures, the protocol."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

MANIFEST_NAME = "manifest.json"
PDF_NAME = "return.pdf"
DATA_NAME = "data.json"
ERROR_TEXT_LIMIT = 500  # characters of a server's message kept in an error


@dataclass(frozen=True)
class Package:
    """The three stored files of one package and its id (SHA-256 of the manifest, hex)."""

    package_id: str
    manifest: Path
    pdf: Path
    data: Path

    @classmethod
    def from_files(cls, package_id: str, files: Mapping[str, Path]) -> Package:
        """The package whose files are ``files``, by their fixed names (the outbox's copy)."""
        return cls(package_id, files[MANIFEST_NAME], files[PDF_NAME], files[DATA_NAME])

    def files_in_order(self) -> list[tuple[str, Path]]:
        """(name, path) of each file in the order they are written: the manifest last."""
        return [(PDF_NAME, self.pdf), (DATA_NAME, self.data), (MANIFEST_NAME, self.manifest)]


@dataclass(frozen=True)
class Receipt:
    """The destination's acknowledgement: its receipt id and when it received the package."""

    receipt_id: str
    received_at: datetime


class RetryLater(Exception):
    """The package could not be delivered now; try again later (the message says why)."""


class Rejected(Exception):
    """The destination refused the package; the message is the destination's own reason."""


class Transport(Protocol):
    """Sends packages to one destination."""

    def send(self, package: Package) -> Receipt:
        """Deliver ``package`` and return the destination's receipt.

        Raises:
            RetryLater: a temporary failure.
            Rejected: the destination refused the package.
        """
        ...

    def probe(self) -> None:
        """Check cheaply that the destination answers and accepts the credentials.

        Raises:
            RetryLater: it cannot be reached now.
            Rejected: it answered but refused (for example a wrong token).
        """
        ...


def shorten(text: str, limit: int = ERROR_TEXT_LIMIT) -> str:
    """``text`` on one line, cut to ``limit`` characters (an ellipsis marks the cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
