"""Award programs (评选项目): storage, listing and the presets shipped as data.

A program's categories, quota rules, eligibility rules and rubric are stored as JSON text in the
exact form the domain's ``to_json``/``from_json`` write and read; a preset in
``resources/presets/`` is the same data with the year left as ``{year}``.
"""

from __future__ import annotations

import calendar
import dataclasses
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from unionDesk.domain.access import Actor, Permission
from unionDesk.domain.eligibility import EligibilityRules
from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, problem
from unionDesk.domain.pinyin import sort_key

# The form's type and checks live in the domain; re-exported for the screens that save programs.
from unionDesk.domain.programs import FIRST_YEAR as FIRST_YEAR
from unionDesk.domain.programs import LAST_YEAR as LAST_YEAR
from unionDesk.domain.programs import MAX_PUBLICITY_DAYS as MAX_PUBLICITY_DAYS
from unionDesk.domain.programs import MIN_PUBLICITY_DAYS as MIN_PUBLICITY_DAYS
from unionDesk.domain.programs import ProgramDraft as ProgramDraft
from unionDesk.domain.programs import validate_program as validate_program
from unionDesk.domain.quota import QuotaRule
from unionDesk.domain.scoring import Rubric
from unionDesk.domain.workflow import CandidateState
from unionDesk.services.audit import Action, diff, record
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import require
from unionDesk.services.transitions import program_row
from unionDesk.store.db import Database
from unionDesk.store.selection_models import AwardProgram, Candidate, Review

RECORD_TYPE = "program"
SUBMITTED = "submitted"  # Review.status of a locked review
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preset:
    """A program shipped with UnionDesk that an officer copies and edits.

    Attributes:
        key: the preset file's stem, for example ``"beijing_craftsman"``.
        name: what the preset list shows, for example 北京大工匠.
        draft: the program for the current year.
    """

    key: str
    name: str
    draft: ProgramDraft


@dataclass(frozen=True)
class ProgramRow:
    """One line of the program list.

    Attributes:
        candidate_count: candidates that have not withdrawn.
        counts_by_state: candidates per ``CandidateState`` code, withdrawn ones included.
    """

    id: int
    name: str
    honour_title: str
    year: int
    candidate_count: int
    counts_by_state: dict[str, int]


@dataclass(frozen=True)
class ProgramDetail:
    """Everything the program form shows."""

    id: int
    draft: ProgramDraft
    created_at: datetime
    updated_at: datetime


def list_presets() -> list[Preset]:
    """The presets shipped in ``resources/presets``, for the current year, sorted by key.

    A damaged preset file is skipped (with a logged warning) so the others stay usable.
    """
    year = date.today().year
    found = (_read_preset(entry, year) for entry in _preset_files())
    return sorted((preset for preset in found if preset is not None), key=lambda p: p.key)


def draft_from_preset(key: str, year: int) -> ProgramDraft:
    """A copy of preset ``key`` for ``year``: the year put into the name and the deadlines.

    Raises:
        NotFound: no usable preset has that key.
    """
    entry = next((item for item in _preset_files() if item.name == f"{key}.json"), None)
    preset = None if entry is None else _read_preset(entry, year)
    if preset is None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The preset “{key}” is missing or damaged. Reinstall UnionDesk."
        )
        raise NotFound(problem("", text, key=key))
    return preset.draft


def _preset_files() -> list[Traversable]:
    folder = files("unionDesk.resources").joinpath("presets")
    return [entry for entry in folder.iterdir() if entry.name.endswith(".json")]


def _read_preset(entry: Traversable, year: int) -> Preset | None:
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        draft = validate_program(_preset_draft(data, year))
        return Preset(entry.name.removesuffix(".json"), str(data["preset_name"]), draft)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationFailed) as exc:
        _log.warning("Skipping the damaged preset %s: %s", entry.name, exc)
        return None


def _preset_draft(data: dict[str, Any], year: int) -> ProgramDraft:
    values = {**data, "name": data["name"].replace("{year}", str(year)), "year": year}
    for key in ("nomination_deadline", "review_deadline"):
        values[key] = _month_day_in(data[key], year) if data.get(key) else None
    return _draft_from_values(values)


def _month_day_in(month_day: str, year: int) -> date:
    """``"MM-DD"`` in ``year``; 29 February becomes 28 February in a common year."""
    month, day = (int(part) for part in month_day.split("-"))
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _draft_from_values(values: dict[str, Any]) -> ProgramDraft:
    """A draft from the JSON-ready values of ``_columns`` (deadlines already dates)."""
    return ProgramDraft(
        name=str(values["name"]),
        honour_title=str(values["honour_title"]),
        year=int(values["year"]),
        categories=tuple(str(category) for category in values["categories"]),
        quota_rules=tuple(QuotaRule.from_json(rule) for rule in values["quota_rules"]),
        eligibility=EligibilityRules.from_json(values["eligibility"]),
        rubric=Rubric.from_json(values["rubric"]),
        nomination_deadline=values["nomination_deadline"],
        review_deadline=values["review_deadline"],
        publicity_days=int(values["publicity_days"]),
        quorum=Fraction(str(values["quorum"])),
        disagreement_sd=Decimal(str(values["disagreement_sd"])),
        notes=str(values.get("notes", "")),
    )


def load_program_draft(program: AwardProgram) -> ProgramDraft:
    """Parse a stored program row into a draft (no permission check; for other services too).

    Raises:
        ValidationFailed: the stored rules are damaged.
    """
    values = {column: getattr(program, column) for column in _PLAIN_COLUMNS}
    try:
        values |= {column: json.loads(getattr(program, column)) for column in _JSON_COLUMNS}
    except ValueError as exc:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The stored rules are damaged. Set them again on the program form."
        )
        raise ValidationFailed([problem("", text)]) from exc
    return _draft_from_values(values)


_JSON_COLUMNS = ("categories", "quota_rules", "eligibility", "rubric")
# The row's columns are named as the draft's fields.
_PLAIN_COLUMNS = tuple(
    field.name for field in dataclasses.fields(ProgramDraft) if field.name not in _JSON_COLUMNS
)


def create_program(db: Database, actor: Actor, draft: ProgramDraft) -> int:
    """Validate and add a program; returns its id.

    Raises:
        ValidationFailed: every problem with the form.
        PermissionDenied: the actor may not edit selections.
    """
    require(actor, Permission.EDIT_SELECTION)
    clean = validate_program(draft)
    now = datetime.now()
    with db.write() as session:
        program = AwardProgram(created_at=now, updated_at=now)
        _apply(program, clean)
        session.add(program)
        session.flush()
        changes = diff({}, _audited(clean))
        record(session, actor, Action.CREATE, RECORD_TYPE, program.id, program.name, changes)
        return program.id


def update_program(db: Database, actor: Actor, program_id: int, draft: ProgramDraft) -> None:
    """Validate and save edits to a program.

    Criterion names can always be corrected, but the criteria themselves (codes, maximums,
    weights, order) are locked once a review was submitted on them, and a category cannot be
    removed while candidates who have not withdrawn belong to it.

    Raises:
        ValidationFailed: every problem with the form, or the refusals above.
        NotFound: the program does not exist.
    """
    require(actor, Permission.EDIT_SELECTION)
    clean = validate_program(draft)
    with db.write() as session:
        program = program_row(session, program_id)
        before = load_program_draft(program)
        found = _rubric_lock_problems(session, program_id, before.rubric, clean.rubric)
        found += _category_in_use_problems(session, program_id, before, clean)
        if found:
            raise ValidationFailed(found)
        _apply(program, clean)
        program.updated_at = datetime.now()
        changes = diff(_audited(before), _audited(clean))
        record(session, actor, Action.UPDATE, RECORD_TYPE, program.id, program.name, changes)


def _rubric_lock_problems(
    session: Session, program_id: int, before: Rubric, after: Rubric
) -> list[Problem]:
    if _scoring_shape(before) == _scoring_shape(after):
        return []
    submitted = session.scalar(
        select(func.count())
        .select_from(Review)
        .join(Candidate, Candidate.id == Review.candidate_id)
        .where(Candidate.program_id == program_id, Review.status == SUBMITTED)
    )
    if not submitted:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "Submitted reviews use this rubric ({count} so far), so changing it would change what "
        "their scores mean. Only criterion names can still be corrected.",
    )
    return [problem("rubric", text, count=submitted)]


def _scoring_shape(rubric: Rubric) -> list[tuple[str, Decimal, Decimal]]:
    """What gives scores their meaning: everything but the names (order breaks ties)."""
    return [(c.key, c.max_points, c.weight) for c in rubric.criteria]


def _category_in_use_problems(
    session: Session, program_id: int, before: ProgramDraft, after: ProgramDraft
) -> list[Problem]:
    removed = set(before.categories) - set(after.categories)
    if not removed:
        return []
    in_use = session.execute(
        select(Candidate.category, func.count())
        .where(
            Candidate.program_id == program_id,
            Candidate.category.in_(removed),
            Candidate.state != CandidateState.WITHDRAWN.value,
        )
        .group_by(Candidate.category)
        .order_by(Candidate.category)
    ).all()
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The category “{category}” cannot be removed: candidates who have not withdrawn are in "
        "it ({count}). Move them to another category first.",
    )
    return [problem("categories", text, category=name, count=count) for name, count in in_use]


def list_programs(db: Database, actor: Actor) -> list[ProgramRow]:
    """Every program with its candidate counts, newest year first, then by name (pinyin)."""
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        programs = session.execute(
            select(AwardProgram.id, AwardProgram.name, AwardProgram.honour_title, AwardProgram.year)
        ).all()
        counts = session.execute(
            select(Candidate.program_id, Candidate.state, func.count()).group_by(
                Candidate.program_id, Candidate.state
            )
        ).all()
    by_program: dict[int, dict[str, int]] = {}
    for program_id, state, count in counts:
        by_program.setdefault(program_id, {})[state] = count
    rows = [
        ProgramRow(
            pid, name, title, year, _live_count(by_program.get(pid, {})), by_program.get(pid, {})
        )
        for pid, name, title, year in programs
    ]
    return sorted(rows, key=lambda row: (-row.year, sort_key(row.name), row.id))


def _live_count(by_state: dict[str, int]) -> int:
    withdrawn = CandidateState.WITHDRAWN.value
    return sum(count for state, count in by_state.items() if state != withdrawn)


def get_program(db: Database, actor: Actor, program_id: int) -> ProgramDetail:
    """Everything about one program, for the form.

    Raises:
        NotFound: the program does not exist.
    """
    require(actor, Permission.VIEW_SELECTION)
    with db.read() as session:
        program = program_row(session, program_id)
        draft = load_program_draft(program)
        return ProgramDetail(program.id, draft, program.created_at, program.updated_at)


def _columns(draft: ProgramDraft) -> dict[str, object]:
    """The draft as the program row's column values (JSON columns as text)."""
    return {
        "name": draft.name,
        "honour_title": draft.honour_title,
        "year": draft.year,
        "categories": _json(list(draft.categories)),
        "quota_rules": _json([rule.to_json() for rule in draft.quota_rules]),
        "eligibility": _json(draft.eligibility.to_json()),
        "rubric": _json(draft.rubric.to_json()),
        "nomination_deadline": draft.nomination_deadline,
        "review_deadline": draft.review_deadline,
        "publicity_days": draft.publicity_days,
        "quorum": str(draft.quorum),
        "disagreement_sd": format(draft.disagreement_sd, "f"),
        "notes": draft.notes,
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _apply(program: AwardProgram, draft: ProgramDraft) -> None:
    for column, value in _columns(draft).items():
        setattr(program, column, value)


def _audited(draft: ProgramDraft) -> dict[str, object]:
    return {key: value for key, value in _columns(draft).items() if value not in ("", None)}
