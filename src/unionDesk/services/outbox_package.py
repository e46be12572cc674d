"""The outbox's copies of packages: checked when queued, stored, checked again before sending.

A package is the three files of a saved, signed return; its id is the SHA-256 of the manifest.
The copies live in ``paths.outbox/<package_id>/`` under fixed names (``manifest.json``,
``return.pdf``, ``data.json``); the original names are in the manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.paths import AppPaths
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.file_store import write_atomically
from unionDesk.services.returns import SavedReturn
from unionDesk.sync.base import DATA_NAME, MANIFEST_NAME, PDF_NAME

_PACKAGE_ID = re.compile(r"[0-9a-f]{64}")
CHANGED_IN_OUTBOX = QT_TRANSLATE_NOOP(
    "Validation", "The package's files in the outbox folder were changed after it was queued."
)
MISSING_IN_OUTBOX = QT_TRANSLATE_NOOP(
    "Validation", "The package's files are missing from the outbox folder."
)
_CHANGED_SINCE_SAVED = QT_TRANSLATE_NOOP(
    "Validation",
    "The return's files no longer match its manifest (changed after saving). Make the return "
    "again.",
)


@dataclass(frozen=True)
class PackageContent:
    """A saved return read back and checked against its manifest."""

    package_id: str
    manifest: dict[str, Any]
    files: dict[str, bytes]  # by the fixed names of the outbox copy


def package_files(paths: AppPaths, package_id: str) -> dict[str, Path]:
    """The stored copies of a package: ``manifest.json``, ``return.pdf``, ``data.json``.

    Raises:
        ValueError: ``package_id`` is not a lowercase hex SHA-256.
    """
    if not _PACKAGE_ID.fullmatch(package_id):
        raise ValueError(f"not a package id: {package_id!r}")
    folder = paths.outbox / package_id
    return {name: folder / name for name in (MANIFEST_NAME, PDF_NAME, DATA_NAME)}


def read_saved(saved: SavedReturn) -> PackageContent:
    """Read a saved return's three files and check them against the manifest.

    Raises:
        ValidationFailed: a file cannot be read, or does not match the manifest.
    """
    try:
        manifest_bytes = saved.manifest.read_bytes()
        pdf, data = saved.pdf.read_bytes(), saved.data.read_bytes()
    except OSError as error:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The return's file {file} cannot be read ({reason}). Make the return again.",
        )
        name = str(error.filename or saved.manifest)
        reason = error.strerror or str(error)
        raise ValidationFailed([problem("", text, file=name, reason=reason)]) from error
    try:
        manifest = json.loads(manifest_bytes)
        listed = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    except (ValueError, KeyError, TypeError) as error:
        raise ValidationFailed([problem("", _CHANGED_SINCE_SAVED)]) from error
    for name, content in ((saved.pdf.name, pdf), (saved.data.name, data)):
        if listed.get(name) != hashlib.sha256(content).hexdigest():
            raise ValidationFailed([problem("", _CHANGED_SINCE_SAVED)])
    files = {MANIFEST_NAME: manifest_bytes, PDF_NAME: pdf, DATA_NAME: data}
    return PackageContent(hashlib.sha256(manifest_bytes).hexdigest(), dict(manifest), files)


def store_copies(paths: AppPaths, content: PackageContent) -> None:
    """Write the package's files into its outbox folder (each atomically).

    Raises:
        ValidationFailed: the outbox folder cannot be written.
    """
    folder = paths.outbox / content.package_id
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in content.files.items():
            write_atomically(folder / name, data)
    except OSError as error:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The return could not be copied into the outbox folder {folder}: {reason}.",
        )
        reason = error.strerror or str(error)
        raise ValidationFailed([problem("", text, folder=str(folder), reason=reason)]) from error


def local_problem(files: dict[str, Path], package_id: str) -> str:
    """Why the stored copy cannot be sent as it is ("" when it can).

    The answer is an English source text of the ``Validation`` context without placeholders,
    so a screen can translate the stored ``last_error`` as it is.
    """
    try:
        manifest_bytes = files[MANIFEST_NAME].read_bytes()
        contents = [files[name].read_bytes() for name in (PDF_NAME, DATA_NAME)]
    except OSError:
        return MISSING_IN_OUTBOX
    if hashlib.sha256(manifest_bytes).hexdigest() != package_id:
        return CHANGED_IN_OUTBOX
    try:
        listed = {entry["sha256"] for entry in json.loads(manifest_bytes)["files"]}
    except (ValueError, KeyError, TypeError):
        return CHANGED_IN_OUTBOX
    if any(hashlib.sha256(content).hexdigest() not in listed for content in contents):
        return CHANGED_IN_OUTBOX
    return ""
