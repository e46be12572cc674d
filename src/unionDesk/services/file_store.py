"""Content-addressed file store for attachments and photos kept beside the database.

A file is copied to ``<folder>/<first two hex digits>/<sha256>.<ext>`` through a temporary file
and an atomic rename, so a crash never leaves a half-written file under a real name. The caller
records the hash and checks it again (``intact_path``) every time the file is opened, so a
damaged or swapped file is reported instead of shown. Identical files are stored once.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.services.errors import ValidationFailed

CHUNK = 1024 * 1024
HEAD_BYTES = 16  # enough for every file signature the domain sniffs


def inspect_file(source: Path) -> tuple[int, bytes]:
    """The size of ``source`` and its first bytes, for the domain's size and type checks.

    Raises:
        ValidationFailed: the file cannot be read (the problem's field key is ``"file"``).
    """
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            return size, handle.read(HEAD_BYTES)
    except OSError as exc:
        raise ValidationFailed(
            [
                problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The file {file} cannot be read ({error}). Check that it still exists "
                        "and is not open in another program.",
                    ),
                    file=source.name,
                    error=exc.strerror or str(exc),
                )
            ]
        ) from exc


def store_file(folder: Path, source: Path, extension: str) -> str:
    """Copy ``source`` into ``folder`` under its SHA-256 and return the hex digest.

    The copy goes through a temporary file in ``folder`` that is flushed to disk and then
    renamed into place, replacing any earlier (possibly damaged) copy of the same content.
    """
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        target = folder / digest.hexdigest()[:2] / f"{digest.hexdigest()}.{extension}"
        target.parent.mkdir(exist_ok=True)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a flushed temporary file renamed into place.

    A crash or a full disk leaves either the old file or the new one, never half of one.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Saveable(Protocol):
    """Something that saves itself to a binary stream (an openpyxl workbook)."""

    def save(self, filename: BinaryIO) -> None:
        """Write the document to ``filename``."""


def save_document(document: Saveable, path: Path) -> None:
    """Save ``document`` (an xlsx workbook) to ``path`` atomically, like ``write_atomically``."""
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(path, buffer.getvalue())


def stored_path(folder: Path, digest: str) -> Path | None:
    """Where the file with SHA-256 ``digest`` is stored in ``folder``, or None if it is not."""
    matches = sorted((folder / digest[:2]).glob(f"{digest}.*"))
    return matches[0] if matches else None


def sha256_of(path: Path) -> str:
    """The SHA-256 of the file at ``path``, as lowercase hex, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def intact_path(folder: Path, digest: str) -> Path | None:
    """The stored file with SHA-256 ``digest`` if it is there and intact, else None."""
    path = stored_path(folder, digest)
    if path is None or sha256_of(path) != digest:
        return None
    return path
