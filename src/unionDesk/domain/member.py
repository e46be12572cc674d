"""The member form as typed (``MemberDraft``) and the checks of DESIGN.md 3.1 run on save."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import ParamSpec, TypeVar

from unionDesk.domain.contact import check_mobile
from unionDesk.domain.enums import (
    ETHNIC_GROUPS,
    Education,
    HukouNature,
    HukouRegion,
    IdType,
    PoliticalStatus,
    Sex,
    SkillLevel,
)
from unionDesk.domain.ids import IdInfo, check_id_number, normalize_code
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    ValidationFailed,
    length_problems,
    problem,
)
from unionDesk.domain.names import check_person_name

MINIMUM_AGE = 16
TEXT_MAX_LENGTH = 50
CARD_NUMBER_MAX_LENGTH = 30
NOTES_MAX_LENGTH = 500
_CARD_NUMBER = re.compile(r"[A-Z0-9-]*")
# Document types whose number encodes the holder's birth date and sex.
_ID_TYPES_WITH_SEX = frozenset({IdType.RESIDENT_ID, IdType.HMT_RESIDENCE})

_P = ParamSpec("_P")
_T = TypeVar("_T")


@dataclass(frozen=True)
class MemberDraft:
    """The values of the member form, before or after ``validate_member``.

    Field names are the keys that ``Problem.field`` refers to.
    """

    name: str
    id_type: IdType
    id_number: str
    sex: Sex | None
    birth_date: date | None
    ethnicity: str  # GB 3304 code "01".."56"
    mobile: str
    political_status: PoliticalStatus
    education: Education
    skill_level: SkillLevel
    trade: str  # 工种
    job_title: str  # 职务
    hukou_region: HukouRegion
    hukou_nature: HukouNature
    migrant_worker: bool  # 农民工
    work_start_date: date | None
    join_date: date | None
    card_number: str  # 会员证号
    department_id: int | None
    hardship: bool  # 困难职工
    notes: str = ""


MEMBER_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(MemberDraft))
_FIELD_ORDER = {name: index for index, name in enumerate(MEMBER_FIELDS)}


class _Problems:
    """Collects the problems of every field, so the form can show them all at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field_name: str, text: str, **params: object) -> None:
        self.items.append(problem(field_name, text, **params))

    def attempt(
        self, check: Callable[_P, _T], fallback: _T, *args: _P.args, **kwargs: _P.kwargs
    ) -> _T:
        """Return ``check(...)``, or ``fallback`` after recording why it failed."""
        try:
            return check(*args, **kwargs)
        except ValidationFailed as failed:
            self.items.extend(failed.problems)
            return fallback


def validate_member(draft: MemberDraft, *, today: date) -> MemberDraft:
    """Check every field of a member form and return the cleaned values.

    Sex and birth date are filled in from the ID number when left empty.

    Args:
        draft: the values as typed.
        today: the date that no date may be after.

    Returns:
        A copy of ``draft`` with normalised text, ID number, mobile and card number.

    Raises:
        ValidationFailed: with every problem found, each tied to its field key.
    """
    found = _Problems()
    cleaned = dataclasses.replace(
        _check_identity(draft, today, found),
        name=found.attempt(check_person_name, draft.name, draft.name),
        mobile=found.attempt(check_mobile, draft.mobile, draft.mobile),
        ethnicity=_check_ethnicity(draft.ethnicity, found),
        trade=_check_text("trade", draft.trade, TEXT_MAX_LENGTH, found),
        job_title=_check_text("job_title", draft.job_title, TEXT_MAX_LENGTH, found),
        card_number=_check_card_number(draft.card_number, found),
        notes=_check_text("notes", draft.notes, NOTES_MAX_LENGTH, found),
    )
    _check_dates(cleaned, today, found)
    if found.items:
        raise ValidationFailed(sorted(found.items, key=lambda item: _FIELD_ORDER[item.field]))
    return cleaned


def _check_identity(draft: MemberDraft, today: date, found: _Problems) -> MemberDraft:
    """Check the ID number and reconcile sex and birth date with what it encodes."""
    info = found.attempt(check_id_number, None, draft.id_type, draft.id_number, today=today)
    if info is None:
        if draft.id_type not in _ID_TYPES_WITH_SEX:
            _require_sex_and_birth(draft, found)
        return draft
    sex = _reconcile_sex(draft.sex, info, found)
    birth = _reconcile_birth_date(draft.birth_date, info, found)
    cleaned = dataclasses.replace(draft, id_number=info.number, sex=sex, birth_date=birth)
    _require_sex_and_birth(cleaned, found)
    return cleaned


def _reconcile_sex(entered: Sex | None, info: IdInfo, found: _Problems) -> Sex | None:
    if info.sex is None or entered is None:
        return entered or info.sex
    if entered != info.sex:
        if info.sex is Sex.MALE:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "The ID number belongs to a man, but Female is selected. "
                "Choose Male, or correct the ID number.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Validation",
                "The ID number belongs to a woman, but Male is selected. "
                "Choose Female, or correct the ID number.",
            )
        found.add("sex", text)
    return entered


def _reconcile_birth_date(entered: date | None, info: IdInfo, found: _Problems) -> date | None:
    if info.birth_date is None or entered is None:
        return entered or info.birth_date
    if entered != info.birth_date:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The ID number gives the birth date {derived}, but {entered} was entered. "
            "Correct the birth date or the ID number.",
        )
        derived = info.birth_date.isoformat()
        found.add("birth_date", text, derived=derived, entered=entered.isoformat())
    return entered


def _require_sex_and_birth(draft: MemberDraft, found: _Problems) -> None:
    if draft.sex is None:
        found.add("sex", QT_TRANSLATE_NOOP("Validation", "Choose the member's sex."))
    if draft.birth_date is None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The birth date is missing. Enter it as shown on the ID document."
        )
        found.add("birth_date", text)


def _check_ethnicity(raw: str, found: _Problems) -> str:
    code = raw.strip()
    if not code:
        found.add("ethnicity", QT_TRANSLATE_NOOP("Validation", "Choose the member's ethnic group."))
    elif code not in ETHNIC_GROUPS:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "“{code}” is not an ethnic-group code. Choose one of the 56 groups from the list.",
        )
        found.add("ethnicity", text, code=code)
    return code


def _check_text(field_name: str, raw: str, limit: int, found: _Problems) -> str:
    text = raw.strip()
    found.items += length_problems(field_name, text, limit)
    return text


def _check_card_number(raw: str, found: _Problems) -> str:
    number = normalize_code(raw)
    if len(number) > CARD_NUMBER_MAX_LENGTH:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The membership card number has {length} characters, but at most {limit} are "
            "allowed. Check it against the card.",
        )
        found.add("card_number", text, length=len(number), limit=CARD_NUMBER_MAX_LENGTH)
    if not _CARD_NUMBER.fullmatch(number):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The membership card number may contain only letters, digits and hyphens (-). "
            "Remove the other characters.",
        )
        found.add("card_number", text)
    return number


def sixteenth_birthday(birth: date) -> date:
    """Return the day a person born on ``birth`` turns 16 (1 March for a 29 February birth)."""
    try:
        return birth.replace(year=birth.year + MINIMUM_AGE)
    except ValueError:
        return date(birth.year + MINIMUM_AGE, 3, 1)


def _check_dates(draft: MemberDraft, today: date, found: _Problems) -> None:
    if draft.birth_date is not None:
        _check_birth_date(draft.birth_date, today, found)
    if draft.work_start_date is not None:
        _check_work_start(draft, draft.work_start_date, today, found)
    if draft.join_date is None:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The join date is missing. Enter the date the member joined the union."
        )
        found.add("join_date", text)
    else:
        _check_join_date(draft, draft.join_date, today, found)


def _check_birth_date(birth: date, today: date, found: _Problems) -> None:
    if birth > today:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The birth date {date} is in the future. Check the date."
        )
        found.add("birth_date", text, date=birth.isoformat())
    elif sixteenth_birthday(birth) > today:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "With the birth date {date} the member is not yet 16, and only people aged 16 or "
            "over can join a union. Check the birth date.",
        )
        found.add("birth_date", text, date=birth.isoformat())


def _check_work_start(draft: MemberDraft, start: date, today: date, found: _Problems) -> None:
    if start > today:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The work start date {date} is in the future. Enter the date the member started "
            "work, or leave it empty.",
        )
        found.add("work_start_date", text, date=start.isoformat())
    if draft.birth_date is not None and start < sixteenth_birthday(draft.birth_date):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The work start date {date} is before the member's 16th birthday ({birthday}). "
            "Check this date and the birth date.",
        )
        birthday = sixteenth_birthday(draft.birth_date).isoformat()
        found.add("work_start_date", text, date=start.isoformat(), birthday=birthday)


def _check_join_date(draft: MemberDraft, joined: date, today: date, found: _Problems) -> None:
    if joined > today:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The join date {date} is in the future. Enter the date the member actually joined.",
        )
        found.add("join_date", text, date=joined.isoformat())
    if draft.birth_date is not None and joined < sixteenth_birthday(draft.birth_date):
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The join date {date} is before the member's 16th birthday ({birthday}), and only "
            "people aged 16 or over can join a union. Check this date and the birth date.",
        )
        birthday = sixteenth_birthday(draft.birth_date).isoformat()
        found.add("join_date", text, date=joined.isoformat(), birthday=birthday)
    start = draft.work_start_date
    if start is not None and joined < start:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The join date {date} is before the date work started ({start}). Check both dates.",
        )
        found.add("join_date", text, date=joined.isoformat(), start=start.isoformat())
