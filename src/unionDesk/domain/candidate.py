"""Rules for a nomination form (候选人推荐): texts, limits and attachments.

Lengths are counted in characters (code points), as officers count them on paper: 𠈌 is one
character, although Qt stores it as two UTF-16 units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    Translate,
    ValidationFailed,
    length_problems,
    problem,
    untranslated,
)

SUMMARY_LIMIT = 500
DEEDS_LIMIT = 2000
UNIT_LIMIT = 100


@dataclass(frozen=True)
class CandidateDraft:
    """What the officer fills in on a nomination."""

    member_id: int | None
    nominating_unit: str
    category: str
    summary: str = ""  # 主要事迹摘要, at most 500 characters
    deeds: str = ""  # 详细事迹, at most 2,000 characters


def text_length(text: str) -> int:
    """Characters in ``text`` as the limits count them (line breaks count as one)."""
    return len(normalize_text(text))


def normalize_text(text: str) -> str:
    """Unix line breaks, and no blank space at either end of the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def validate_candidate(draft: CandidateDraft, categories: Sequence[str]) -> CandidateDraft:
    """Return a cleaned copy of ``draft`` or raise ``ValidationFailed`` with every problem."""
    clean = replace(
        draft,
        nominating_unit=" ".join(draft.nominating_unit.split()),
        category=draft.category.strip(),
        summary=normalize_text(draft.summary),
        deeds=normalize_text(draft.deeds),
    )
    problems: list[Problem] = []
    if clean.member_id is None:
        problems.append(
            problem(
                "member_id",
                QT_TRANSLATE_NOOP("Validation", "Choose the member who is nominated."),
            )
        )
    if not clean.nominating_unit:
        problems.append(
            problem(
                "nominating_unit",
                QT_TRANSLATE_NOOP("Validation", "Enter the nominating unit (推荐单位)."),
            )
        )
    else:
        problems += length_problems("nominating_unit", clean.nominating_unit, UNIT_LIMIT)
    if clean.category not in categories:
        problems.append(
            problem(
                "category",
                QT_TRANSLATE_NOOP("Validation", "Choose a category of this program: {categories}."),
                categories=" / ".join(categories),
            )
        )
    problems += length_problems("summary", clean.summary, SUMMARY_LIMIT)
    problems += length_problems("deeds", clean.deeds, DEEDS_LIMIT)
    if problems:
        raise ValidationFailed(problems)
    return clean


def submission_problems(draft: CandidateDraft) -> list[Problem]:
    """What a nomination still lacks before it can be submitted (已推荐)."""
    problems = []
    if not draft.summary.strip():
        problems.append(
            problem(
                "summary",
                QT_TRANSLATE_NOOP(
                    "Validation", "Write the summary of deeds before submitting the nomination."
                ),
            )
        )
    if not draft.deeds.strip():
        problems.append(
            problem(
                "deeds",
                QT_TRANSLATE_NOOP(
                    "Validation", "Write the account of deeds before submitting the nomination."
                ),
            )
        )
    return problems


class AttachmentKind(StrEnum):
    """附件类型."""

    PHOTO = "photo"  # 照片
    CERTIFICATE = "certificate"  # 证书
    OTHER = "other"  # 其他材料


@dataclass(frozen=True)
class FileType:
    """A file type attachments may have, recognised by its first bytes."""

    extension: str
    magic: bytes


JPEG = FileType("jpg", b"\xff\xd8\xff")
PNG = FileType("png", b"\x89PNG\r\n\x1a\n")
PDF = FileType("pdf", b"%PDF-")
MB = 1024 * 1024
ALLOWED_TYPES: dict[AttachmentKind, tuple[FileType, ...]] = {
    AttachmentKind.PHOTO: (JPEG, PNG),
    AttachmentKind.CERTIFICATE: (JPEG, PNG, PDF),
    AttachmentKind.OTHER: (JPEG, PNG, PDF),
}
SIZE_LIMITS: dict[AttachmentKind, int] = {
    AttachmentKind.PHOTO: 5 * MB,
    AttachmentKind.CERTIFICATE: 20 * MB,
    AttachmentKind.OTHER: 20 * MB,
}
MAX_PHOTOS = 1
MAX_ATTACHMENTS = 20

_KIND_LABELS = {
    AttachmentKind.PHOTO: QT_TRANSLATE_NOOP("Enum", "Photo"),
    AttachmentKind.CERTIFICATE: QT_TRANSLATE_NOOP("Enum", "Certificate"),
    AttachmentKind.OTHER: QT_TRANSLATE_NOOP("Enum", "Other material"),
}


def kind_label(kind: AttachmentKind, translate: Translate = untranslated) -> str:
    """Display text of an attachment kind."""
    return translate("Enum", _KIND_LABELS[kind])


def sniff_type(kind: AttachmentKind, head: bytes) -> FileType | None:
    """The allowed type whose signature ``head`` starts with, or None."""
    return next((t for t in ALLOWED_TYPES[kind] if head.startswith(t.magic)), None)


def attachment_problems(
    kind: AttachmentKind, file_name: str, size: int, head: bytes
) -> list[Problem]:
    """Problems with attaching a file of ``size`` bytes starting with ``head``."""
    if size == 0:
        return [
            problem(
                "file",
                QT_TRANSLATE_NOOP("Validation", "The file {file} is empty. Choose another file."),
                file=file_name,
            )
        ]
    if size > SIZE_LIMITS[kind]:
        return [
            problem(
                "file",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The file {file} is {size} MB; at most {limit} MB is allowed. Scan or save "
                    "it at a lower resolution and attach it again.",
                ),
                file=file_name,
                # rounded up, so a file just over the limit does not read as "5.0 MB; at most 5"
                size=f"{math.ceil(size * 10 / MB) / 10:.1f}",
                limit=SIZE_LIMITS[kind] // MB,
            )
        ]
    if sniff_type(kind, head) is None:
        allowed = ", ".join(t.extension.upper() for t in ALLOWED_TYPES[kind])
        return [
            problem(
                "file",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The file {file} is not a {allowed} file (its content was checked, not "
                    "only its name). Save it as {allowed} and attach it again.",
                ),
                file=file_name,
                allowed=allowed,
            )
        ]
    return []
