"""Returns (报表): generate a return's PDF and data, then save it with its manifest, signed.

Each return type has a gatherer here in services (``return_<type>.py``), which reads its figures
through the same service functions the screens use and returns them as one JSON-ready dict, and
a layout in ``unionDesk.reports`` that draws exactly that dict. The dict is also the JSON file
saved beside the PDF, so the printed figures and the data file cannot disagree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from unionDesk import __version__
from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.periods import Period
from unionDesk.paths import AppPaths
from unionDesk.services.audit import Action, record
from unionDesk.services.database import get_union
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.file_store import write_atomically
from unionDesk.services.permissions import require
from unionDesk.store.db import Database

DataDict = dict[str, Any]


class ReturnType(StrEnum):
    """The catalogue of DESIGN.md 5 (the values are the command line's names)."""

    ROSTER = "roster"
    SUMMARY = "summary"
    NOMINATION = "nomination"
    REVIEW_RESULTS = "review-results"
    COMPETITION = "competition"
    CULTURE = "culture"


@dataclass(frozen=True)
class ReturnRequest:
    """What the user asked for.

    Attributes:
        kind: the return type.
        period: the reporting period (the roster is "as at" its end, or today if earlier).
        full_ids: print full ID numbers (needs the unmask permission; audited).
        department_id: roster only: one department and its sub-departments.
        status: roster only: a member status value (``MemberStatus``), None for every status.
        subject_id: the candidate (nomination), program (review-results) or competition
            (competition) the return is about.
    """

    kind: ReturnType
    period: Period
    full_ids: bool = False
    department_id: int | None = None
    status: str | None = None
    subject_id: int | None = None


@dataclass(frozen=True)
class Gathered:
    """A gatherer's result: the title, the data dict, and the page orientation."""

    title: str
    data: DataDict
    landscape: bool = False
    subject: str = ""  # e.g. the candidate's name, for the file name and the audit entry
    revealed_ids: int = 0  # full ID numbers printed (audited as an unmasking)


@dataclass(frozen=True)
class GeneratedReturn:
    """A return made in memory, not yet saved."""

    request: ReturnRequest
    title: str
    pdf: bytes
    data: DataDict
    generated_at: datetime
    union_code: str

    @property
    def stem(self) -> str:
        """File name without extension: type, period, subject and time (ASCII only)."""
        subject = f"_{self.request.subject_id}" if self.request.subject_id is not None else ""
        stamp = self.generated_at.strftime("%Y%m%d-%H%M%S")
        return f"{self.request.kind.value}_{self.request.period.code}{subject}_{stamp}"


@dataclass(frozen=True)
class SavedReturn:
    """The three files of a saved return."""

    pdf: Path
    data: Path
    manifest: Path
    signed: bool
    files: tuple[Path, ...] = field(default=())


Gatherer = Callable[[Database, Actor, ReturnRequest, datetime], Gathered]
Renderer = Callable[[Any, DataDict], list[Any]]

_REGISTRY: dict[ReturnType, tuple[Gatherer, Renderer]] = {}


def register(kind: ReturnType, gatherer: Gatherer, renderer: Renderer) -> None:
    """Make a return type known (called by each ``return_<type>`` module on import)."""
    _REGISTRY[kind] = (gatherer, renderer)


def _load(kind: ReturnType) -> tuple[Gatherer, Renderer]:
    if kind not in _REGISTRY:
        import importlib

        importlib.import_module(f"unionDesk.services.return_{kind.value.replace('-', '_')}")
    return _REGISTRY[kind]


def generate(
    db: Database, actor: Actor, request: ReturnRequest, *, now: datetime | None = None
) -> GeneratedReturn:
    """Make the return's PDF and data in memory (nothing is written yet).

    Raises:
        PermissionDenied: the user may not make returns, or not print full ID numbers.
        ValidationFailed: nothing to report on, or a character no font can print.
    """
    require(actor, Permission.MAKE_RETURNS)
    if request.full_ids:
        require(actor, Permission.UNMASK)
    from unionDesk.reports.fonts import MissingGlyphs
    from unionDesk.reports.layout import Letterhead, build_pdf

    moment = (now or datetime.now()).replace(microsecond=0)
    gatherer, renderer = _load(request.kind)
    gathered = gatherer(db, actor, request, moment)
    union = get_union(db)
    _refuse_unprintable(gathered.data)
    letterhead = Letterhead(
        title=gathered.title,
        union_name=union.name,
        union_code=union.uscc,
        period=str(gathered.data.get("period_label", request.period.label)),
        generated_at=moment,
        version=__version__,
        landscape=gathered.landscape,
    )
    data = {**_header(letterhead, request), **gathered.data}
    try:
        pdf = build_pdf(letterhead, renderer(letterhead, data))
    except MissingGlyphs as error:  # a layout text outside the data: still named
        raise ValidationFailed([_unprintable(error.characters, error.text, "")]) from error
    if gathered.revealed_ids:
        with db.write() as session:
            record(
                session,
                actor,
                Action.UNMASK,
                "return",
                request.kind.value,
                f"{gathered.title} {request.period.code}",
                {"full_id_numbers": (0, gathered.revealed_ids)},
            )
    return GeneratedReturn(request, gathered.title, pdf, data, moment, union.uscc)


def _header(letterhead: Any, request: ReturnRequest) -> DataDict:
    return {
        "return_type": request.kind.value,
        "title": letterhead.title,
        "union_name": letterhead.union_name,
        "union_code": letterhead.union_code,
        "period": request.period.code,
        "period_label": letterhead.period,
        "period_start": request.period.start.isoformat(),
        "period_end": request.period.end.isoformat(),
        "generated_at": letterhead.generated_at.isoformat(),
        "software_version": letterhead.version,
        "full_id_numbers": request.full_ids,
    }


def _strings(value: Any, owner: str = "") -> Iterator[tuple[str, str]]:
    """Every string in the data, with the name of the record it belongs to (if any)."""
    if isinstance(value, str):
        yield value, owner
    elif isinstance(value, dict):
        name = value.get("name")
        owner = name if isinstance(name, str) else owner
        for item in value.values():
            yield from _strings(item, owner)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, owner)


def _refuse_unprintable(data: DataDict) -> None:
    from unionDesk.reports.fonts import fonts

    font_set = fonts()
    problems: list[Problem] = []
    for text, owner in _strings(data):
        missing = font_set.missing(text)
        if missing:
            problems.append(_unprintable(missing, text, owner))
    if problems:
        raise ValidationFailed(problems[:20])


def _unprintable(characters: str, text: str, owner: str) -> Problem:
    codes = "、".join(f"{c}（U+{ord(c):04X}）" for c in characters)
    if owner:
        return problem(
            "",
            QT_TRANSLATE_NOOP(
                "Validation",
                'The character {chars} in "{given}" of {owner} cannot be printed: no font '
                "shipped with UnionDesk has it. Check the record; the return was not made.",
            ),
            chars=codes,
            given=text,
            owner=owner,
        )
    return problem(
        "",
        QT_TRANSLATE_NOOP(
            "Validation",
            'The character {chars} in "{given}" cannot be printed: no font shipped with '
            "UnionDesk has it. Check the record; the return was not made.",
        ),
        chars=codes,
        given=text,
    )


def save(
    db: Database,
    actor: Actor,
    generated: GeneratedReturn,
    folder: Path,
    *,
    paths: AppPaths | None = None,
    passphrase: str | None = None,
) -> SavedReturn:
    """Write the PDF (signed when a passphrase is given), its JSON data and the manifest.

    Files are written to temporary names and renamed, so a failure leaves no half-written
    return. The signing identity is read from ``paths`` (the data folder).

    Raises:
        ValidationFailed: wrong passphrase, no signing identity, or the folder is not writable.
    """
    require(actor, Permission.MAKE_RETURNS)
    pdf = generated.pdf
    fingerprint: str | None = None
    if passphrase is not None:
        from unionDesk.services.signing import load_signer, sign_pdf

        if paths is None:
            raise ValueError("signing needs the data folder's paths")
        signer = load_signer(paths, passphrase)
        pdf = sign_pdf(
            pdf,
            signer,
            signer_label=generated.data["union_name"],
            for_countersignature=generated.request.kind is ReturnType.REVIEW_RESULTS,
        )
        fingerprint = signer.info.fingerprint  # the certificate that signed, as loaded
    data_bytes = json.dumps(generated.data, ensure_ascii=False, indent=2).encode("utf-8")
    stem = generated.stem
    pdf_path, data_path = folder / f"{stem}.pdf", folder / f"{stem}.json"
    contents = {pdf_path.name: pdf, data_path.name: data_bytes}
    manifest = manifest_for(generated, contents, fingerprint)
    manifest_path = folder / f"{stem}.manifest.json"
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, content in (
            (pdf_path, pdf),
            (data_path, data_bytes),
            (manifest_path, manifest_bytes),
        ):
            write_atomically(path, content)
            written.append(path)
    except OSError as error:
        for path in written:  # all three files, or none of them
            path.unlink(missing_ok=True)
        raise ValidationFailed(
            [
                problem(
                    "folder",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The return could not be saved in {folder}: {reason}. Choose another "
                        "folder.",
                    ),
                    folder=str(folder),
                    reason=error.strerror or str(error),
                )
            ]
        ) from error
    with db.write() as session:
        record(
            session,
            actor,
            Action.SIGN if fingerprint else Action.EXPORT,
            "return",
            stem,
            f"{generated.title} {generated.request.period.code}",
            {"signed": (False, fingerprint is not None)},
        )
    return SavedReturn(
        pdf_path, data_path, manifest_path, fingerprint is not None, (pdf_path, data_path)
    )


def manifest_for(
    generated: GeneratedReturn, files: dict[str, bytes], fingerprint: str | None
) -> DataDict:
    """The manifest: each file's SHA-256, and what the return is and who signed it."""
    return {
        "files": [
            {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
            for name, content in files.items()
        ],
        "union_code": generated.union_code,
        "union_name": generated.data.get("union_name", ""),
        "period": generated.request.period.code,
        "return_type": generated.request.kind.value,
        "title": generated.title,
        "generated_at": generated.generated_at.isoformat(),
        "software_version": __version__,
        "signer_certificate_sha256": fingerprint,
    }
