"""候选人推荐表: one candidate's nomination form, as the candidate screen shows it.

Everything printed is read through the services of the candidate and member screens:
``candidates.get_candidate`` (nomination, state, eligibility and history), ``members.get_member``
(particulars, masked), ``honours.list_honours``, ``publicity.publicity_status`` and the
candidate's photo attachment (``attachments``). Members have no photo of their own; the photo
is the candidate's attachment of kind 照片, checked against its SHA-256 and carried in the data
as a downscaled JPEG, so the JSON beside the PDF holds exactly the picture printed.
"""

from __future__ import annotations

import base64
import io
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageOps

from unionDesk.domain.access import Actor
from unionDesk.domain.candidate import AttachmentKind
from unionDesk.domain.enums import ethnicity_label, label
from unionDesk.domain.honours import level_label
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, problem
from unionDesk.domain.workflow import state_label
from unionDesk.reports import nomination
from unionDesk.reports.chinese import zh
from unionDesk.services.attachments import list_attachments, open_attachment
from unionDesk.services.candidates import CandidateDetail, get_candidate
from unionDesk.services.departments import all_departments
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.honours import list_honours
from unionDesk.services.members import full_id_numbers, get_member
from unionDesk.services.programs import get_program
from unionDesk.services.publicity import publicity_status
from unionDesk.services.return_review_results import publicity_summary
from unionDesk.services.returns import DataDict, Gathered, ReturnRequest, ReturnType, register
from unionDesk.store.db import Database

PHOTO_PIXELS = (420, 560)  # enough for a 30 x 40 mm photo printed at 350 dpi
PHOTO_QUALITY = 88


def gather(db: Database, actor: Actor, request: ReturnRequest, now: datetime) -> Gathered:
    """The nomination form of the candidate ``request.subject_id``.

    Raises:
        ValidationFailed: no candidate was chosen, or its photo is not a readable image.
        NotFound: the candidate (or its member) no longer exists.
        AttachmentDamaged: the photo file is missing or no longer matches its SHA-256.
        PermissionDenied: full ID numbers without the unmask permission.
    """
    if request.subject_id is None:
        raise ValidationFailed(
            [
                problem(
                    "subject_id",
                    QT_TRANSLATE_NOOP(
                        "Validation", "Choose the candidate whose nomination form is to be made."
                    ),
                )
            ]
        )
    detail = get_candidate(db, actor, request.subject_id, today=now.date())
    member_id = detail.draft.member_id
    assert member_id is not None  # a stored nomination always names its member
    program = get_program(db, actor, detail.program_id).draft
    full = full_id_numbers(db, actor, [member_id]) if request.full_ids else {}
    data: DataDict = {
        "period_label": f"{program.year}年度",
        "candidate_id": detail.id,
        "program": {
            "id": detail.program_id,
            "name": detail.program_name,
            "honour_title": program.honour_title,
            "year": program.year,
        },
        **_particulars(db, actor, member_id, full.get(member_id)),
        "nominating_unit": detail.draft.nominating_unit,
        "category": detail.draft.category,
        "state": state_label(detail.state, zh),
        "summary": detail.draft.summary,
        "summary_length": len(detail.draft.summary),
        "deeds": detail.draft.deeds,
        "deeds_length": len(detail.draft.deeds),
        "photo": _photo(db, actor, detail),
        "honours": [
            {
                "title": view.draft.title,
                "level": level_label(view.draft.level, zh) if view.draft.level else "",
                "year": view.draft.year,
                "awarding_body": view.draft.awarding_body,
            }
            for view in list_honours(db, actor, member_id)
        ],
        "eligibility": [
            {
                "rule": result.rule.value,
                "passed": result.passed,
                "verdict": "符合" if result.passed else "不符合",
                "reason": result.reason.render(zh),
            }
            for result in detail.eligibility
        ],
        "eligibility_override": detail.eligibility_override,
        "publicity": publicity_summary(publicity_status(db, actor, detail.id, today=now.date())),
        "history": [
            {
                "at": step.at.strftime("%Y-%m-%d %H:%M"),
                "from": state_label(step.from_state, zh),
                "to": state_label(step.to_state, zh),
                "actor": step.actor,
                "reason": step.reason,
            }
            for step in detail.history
        ],
    }
    return Gathered("候选人推荐表", data, subject=detail.member_name, revealed_ids=len(full))


def _particulars(db: Database, actor: Actor, member_id: int, full_id: str | None) -> DataDict:
    """The member's particulars as the member form shows them (ID number masked)."""
    member = get_member(db, actor, member_id)
    draft = member.draft
    department = ""
    if draft.department_id is not None:  # the whole path: the form leaves the enterprise
        paths = {node.id: node.path for node in all_departments(db)}
        department = paths.get(draft.department_id, "")
    return {
        "name": draft.name,
        "sex": label(draft.sex, zh) if draft.sex else "",
        "birth_date": _iso(draft.birth_date),
        "id_type": label(draft.id_type, zh),
        "id_number": full_id or draft.id_number,
        "ethnicity": ethnicity_label(draft.ethnicity, zh) if draft.ethnicity else "",
        "political_status": label(draft.political_status, zh),
        "education": label(draft.education, zh),
        "skill_level": label(draft.skill_level, zh),
        "trade": draft.trade,
        "job_title": draft.job_title,
        "department": department,
        "work_start_date": _iso(draft.work_start_date),
        "join_date": _iso(draft.join_date),
    }


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _photo(db: Database, actor: Actor, detail: CandidateDetail) -> DataDict | None:
    """The candidate's photo attachment, checked and downscaled; None when it has none."""
    photos = [
        view for view in list_attachments(db, actor, detail.id) if view.kind is AttachmentKind.PHOTO
    ]
    if not photos:
        return None
    view = photos[0]
    path = open_attachment(db, actor, view.id)  # checks the SHA-256 recorded on attaching
    jpeg, width, height = _downscaled_jpeg(path, view.file_name, detail.member_name)
    return {
        "file_name": view.file_name,
        "sha256": view.sha256,
        "width_px": width,
        "height_px": height,
        "jpeg_base64": base64.b64encode(jpeg).decode("ascii"),
    }


def _downscaled_jpeg(path: Path, file_name: str, owner: str) -> tuple[bytes, int, int]:
    """The image at ``path`` upright, in RGB, at most ``PHOTO_PIXELS``, as JPEG bytes."""
    try:
        with Image.open(path) as image:
            picture = ImageOps.exif_transpose(image).convert("RGB")
        picture.thumbnail(PHOTO_PIXELS)
        output = io.BytesIO()
        picture.save(output, "JPEG", quality=PHOTO_QUALITY)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationFailed(
            [
                problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The photo {file} of {name} cannot be read as an image. Attach the "
                        "photo again as a JPEG or PNG file, or remove it.",
                    ),
                    file=file_name,
                    name=owner,
                )
            ]
        ) from error
    return output.getvalue(), picture.width, picture.height


register(ReturnType.NOMINATION, gather, nomination.render)
