"""Rules for event photos (活动照片): JPEG or PNG, recognised by content, at most 10 MB."""

from __future__ import annotations

import math

from unionDesk.domain.candidate import JPEG, MB, PNG, FileType
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem

PHOTO_TYPES = (JPEG, PNG)
PHOTO_SIZE_LIMIT = 10 * MB


def photo_type(head: bytes) -> FileType | None:
    """The photo type whose signature ``head`` (the file's first bytes) starts with, or None."""
    return next((t for t in PHOTO_TYPES if head.startswith(t.magic)), None)


def photo_problems(file_name: str, size: int, head: bytes) -> list[Problem]:
    """Problems with adding a photo of ``size`` bytes starting with ``head``; [] when it is fine.

    The field key is ``"file"``. Only the first problem is reported: an empty or oversized file
    need not be sniffed.
    """
    if size == 0:
        text = QT_TRANSLATE_NOOP("Validation", "The file {file} is empty. Choose another file.")
        return [problem("file", text, file=file_name)]
    if size > PHOTO_SIZE_LIMIT:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The photo {file} is {size} MB; at most {limit} MB is allowed. Save it at a lower "
            "resolution and add it again.",
        )
        # rounded up, so a file just over the limit does not read as "10.0 MB; at most 10"
        shown = f"{math.ceil(size * 10 / MB) / 10:.1f}"
        return [problem("file", text, file=file_name, size=shown, limit=PHOTO_SIZE_LIMIT // MB)]
    if photo_type(head) is None:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The file {file} is not a JPG or PNG photo (its content was checked, not only its "
            "name). Save it as JPG or PNG and add it again.",
        )
        return [problem("file", text, file=file_name)]
    return []
