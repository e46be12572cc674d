"""The folder destination: a network share or a USB stick (the "sneakernet" path).

Files go into ``{folder}/{package_id}/``, each written under a temporary name
(``.{name}.part``), flushed to disk, then renamed; ``manifest.json`` last, so whoever collects
the folder can trust a package whose manifest is there. A receipt ``receipt.json`` is then
written locally beside the outbox's copy of the package. A missing or unwritable folder (the USB
stick is not plugged in) means "try again later", never a rejection.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from unionDesk.sync.base import MANIFEST_NAME, Package, Receipt, RetryLater

RECEIPT_NAME = "receipt.json"


class FolderTransport:
    """Copies packages into a folder that must already exist (it is never created).

    Args:
        folder: the destination folder, for example a folder on a USB stick or a mounted share.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, package: Package) -> Receipt:
        """Copy the package's files, the manifest last, then write the local receipt.

        Raises:
            RetryLater: the folder is missing, read-only or full.
        """
        self._check_folder()
        target = self.folder / package.package_id
        try:
            copy_package(package, self.folder)
        except OSError as error:
            raise RetryLater(f"cannot write into {target}: {_reason(error)}") from error
        receipt = Receipt(f"folder:{package.package_id[:16]}", datetime.now().astimezone())
        try:
            _write_receipt(package, receipt, target)
        except OSError as error:
            raise RetryLater(f"cannot write the local receipt: {_reason(error)}") from error
        return receipt

    def probe(self) -> None:
        """Check that the folder exists and a file can be written in it.

        Raises:
            RetryLater: it is missing or read-only.
        """
        self._check_folder()
        trial = self.folder / ".uniondesk-probe.part"
        try:
            trial.write_bytes(b"")
            trial.unlink()
        except OSError as error:
            raise RetryLater(f"cannot write into {self.folder}: {_reason(error)}") from error

    def _check_folder(self) -> None:
        if not self.folder.is_dir():
            raise RetryLater(
                f"the folder {self.folder} is not there (is the USB stick or share connected?)"
            )


def copy_package(package: Package, folder: Path) -> Path:
    """Write ``package`` into ``folder/<package_id>/`` in the layout above; returns that folder.

    Each file goes under a temporary name, flushed, then renamed, the manifest last; a package
    whose manifest is already there unchanged is left as it is.

    Raises:
        OSError: the folder cannot be written.
    """
    target = folder / package.package_id
    target.mkdir(exist_ok=True)
    if not _same_content(target / MANIFEST_NAME, package.manifest):
        for name, source in package.files_in_order():
            _write_via_temporary(target / name, source.read_bytes())
    return target


def _same_content(existing: Path, source: Path) -> bool:
    """Whether the package is already in place (its manifest, the commit marker, is identical)."""
    try:
        return existing.read_bytes() == source.read_bytes()
    except FileNotFoundError:
        return False


def _write_via_temporary(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.part")
    with temporary.open("wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def _write_receipt(package: Package, receipt: Receipt, target: Path) -> None:
    """Write ``receipt.json`` beside the outbox's copy of the package (not on the stick)."""
    record = {
        "receipt_id": receipt.receipt_id,
        "received_at": receipt.received_at.isoformat(timespec="seconds"),
        "package_id": package.package_id,
        "target": str(target),
    }
    content = json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")
    _write_via_temporary(package.manifest.parent / RECEIPT_NAME, content)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
