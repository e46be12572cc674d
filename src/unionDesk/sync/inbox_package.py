"""An upload to the inbox (``docs/upload-protocol.md``): its body, its checks, its storage.

The checks compare the package with its idempotency key and its manifest (the inbox then
verifies the PDF's signatures); an accepted package is stored as one folder, renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from email.message import Message
from email.utils import collapse_rfc2231_value
from http import HTTPStatus
from pathlib import Path
from typing import Any

PART_NAMES = ("manifest.json", "return.pdf", "data.json")


class Refused(Exception):
    """A request answered with ``status`` and the JSON body ``{"error": message}``."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parse_multipart(content_type: str, body: bytes) -> dict[str, bytes]:
    """The parts of a ``multipart/form-data`` body (RFC 7578), by form field name.

    Raises:
        Refused: 400 when the body is not well-formed, or a field name repeats.
    """
    delimiter = b"--" + _boundary(content_type)
    separator = b"\r\n" + delimiter
    if body.startswith(delimiter):
        position = len(delimiter)
    else:  # a preamble before the first boundary is allowed, and ignored
        start = body.find(separator)
        if start < 0:
            raise _bad_request("the body holds no multipart boundary")
        position = start + len(separator)
    parts: dict[str, bytes] = {}
    while not body.startswith(b"--", position):  # "--" after a boundary closes the body
        line_end = body.find(b"\r\n", position)
        if line_end < 0 or body[position:line_end].strip(b" \t"):
            raise _bad_request("a multipart boundary line is malformed")
        end = body.find(separator, line_end + 2)
        if end < 0:
            raise _bad_request("the closing multipart boundary is missing")
        name, content = _part(body[line_end + 2 : end])
        if name in parts:
            raise _bad_request(f"the part {name} appears twice")
        parts[name] = content
        position = end + len(separator)
    return parts


def _boundary(content_type: str) -> bytes:
    header = Message()
    header["content-type"] = content_type
    boundary = header.get_param("boundary")
    if header.get_content_type() != "multipart/form-data" or not isinstance(boundary, str):
        raise _bad_request("Content-Type must be multipart/form-data with a boundary")
    if not 1 <= len(boundary) <= 70 or not boundary.isascii():
        raise _bad_request("the multipart boundary must be 1 to 70 ASCII characters")
    return boundary.encode("ascii")


def _part(raw: bytes) -> tuple[str, bytes]:
    head, found, content = raw.partition(b"\r\n\r\n")
    if not found:
        raise _bad_request("a multipart part has no header")
    header = Message()
    for line in head.decode("utf-8", "replace").split("\r\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() == "content-disposition":
            header["content-disposition"] = value.strip()
    name = header.get_param("name", header="content-disposition")
    if header.get_content_disposition() != "form-data" or name is None:
        raise _bad_request("each part needs Content-Disposition: form-data; name=...")
    return collapse_rfc2231_value(name), content


def check_package(parts: dict[str, bytes], key: str) -> dict[str, Any]:
    """Check the parts against the idempotency key and the manifest; the manifest.

    Raises:
        Refused: 400 (parts missing or unknown), 409 (the key is not the manifest's SHA-256)
            or 422 (the manifest is unusable, or a file's SHA-256 differs from it).
    """
    missing = [name for name in PART_NAMES if name not in parts]
    unknown = sorted(set(parts) - set(PART_NAMES))
    if missing or unknown:
        raise _bad_request(
            f"the parts must be exactly {', '.join(PART_NAMES)} "
            f"(missing: {', '.join(missing) or '-'}; unknown: {', '.join(unknown) or '-'})"
        )
    digest = hashlib.sha256(parts["manifest.json"]).hexdigest()
    if not key:
        raise _bad_request("the Idempotency-Key header is missing")
    if key != digest:
        raise Refused(
            HTTPStatus.CONFLICT,
            f"Idempotency-Key {key} is not the SHA-256 of the manifest part ({digest})",
        )
    manifest = _json(parts["manifest.json"], "manifest.json")
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        raise _unprocessable("manifest.json has no list of files")
    entries = [entry for entry in manifest["files"] if isinstance(entry, dict)]
    for part, suffix in (("return.pdf", ".pdf"), ("data.json", ".json")):
        _check_file(part, parts[part], [e for e in entries if _named(e, suffix)])
    _json(parts["data.json"], "data.json")
    return manifest


def _named(entry: dict[str, Any], suffix: str) -> bool:
    name = entry.get("name")
    return isinstance(name, str) and name.lower().endswith(suffix)


def _check_file(part: str, content: bytes, entries: list[dict[str, Any]]) -> None:
    if len(entries) != 1:
        raise _unprocessable(f"manifest.json must list exactly one file for {part}")
    entry = entries[0]
    actual, expected = hashlib.sha256(content).hexdigest(), str(entry.get("sha256", ""))
    if actual != expected.lower():
        raise _unprocessable(
            f"{part} ({entry['name']}): its SHA-256 {actual} differs from the manifest's "
            f"{expected or '(none)'}; the file was changed or damaged"
        )
    if "size" in entry and entry["size"] != len(content):
        raise _unprocessable(f"{part} ({entry['name']}): its size differs from the manifest's")


def _json(content: bytes, part: str) -> Any:
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _unprocessable(f"{part} is not valid UTF-8 JSON: {error}") from None


def _bad_request(message: str) -> Refused:
    return Refused(HTTPStatus.BAD_REQUEST, message)


def _unprocessable(message: str) -> Refused:
    return Refused(HTTPStatus.UNPROCESSABLE_ENTITY, message)


def store_folder(folder: Path, name: str, contents: dict[str, bytes]) -> None:
    """Write ``contents`` (in their order) as the new folder ``folder/name``, all or nothing.

    The files go into a hidden staging folder, each flushed to disk, which is then renamed.

    Raises:
        OSError: the files cannot be written, or ``folder/name`` exists and is not empty.
    """
    staging = Path(tempfile.mkdtemp(dir=folder, prefix=f".{name[:16]}-"))
    try:
        for file_name, content in contents.items():
            with (staging / file_name).open("wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
        os.rename(staging, folder / name)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if os.name == "posix":  # make the rename durable (Windows cannot open a folder)
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
