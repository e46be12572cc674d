"""An award program's form (评选项目): its fields and every check on them.

A program's categories, quota rules, eligibility rules and rubric are the domain's own types;
``validate_program`` checks them all and keys each problem to the form section that holds it
(``"rubric.criteria.0.max_points"``, ``"eligibility.min_age"``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from unionDesk.domain.eligibility import EligibilityRules, rules_problems
from unionDesk.domain.honours import collapse_spaces
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Problem,
    ValidationFailed,
    length_problems,
    problem,
)
from unionDesk.domain.quota import QuotaRule, quota_rules_problems
from unionDesk.domain.scoring import (
    DEFAULT_DISAGREEMENT_SD,
    DEFAULT_QUORUM,
    Rubric,
    rubric_problems,
)

TEXT_MAX_LENGTH = 100  # name and honour title (the columns' size)

CATEGORY_MAX_LENGTH = 50

MAX_CATEGORIES = 10

NOTES_MAX_LENGTH = 2000

FIRST_YEAR, LAST_YEAR = 2000, 2100

MIN_PUBLICITY_DAYS = 5  # DESIGN.md 4: publicity lasts at least 5 working days

MAX_PUBLICITY_DAYS = 30


@dataclass(frozen=True)
class ProgramDraft:
    """The values of the program form, before or after ``validate_program``.

    Field names are the keys ``Problem.field`` refers to; problems of the quota rules, the
    eligibility rules and the rubric carry the domain's key after a prefix, for example
    ``"rubric.criteria.0.max_points"`` or ``"eligibility.min_age"``.
    """

    name: str  # for example 2026年北京大工匠选树
    honour_title: str  # the title awarded, for example 北京大工匠 (the same-title rule uses it)
    year: int
    categories: tuple[str, ...]  # for example 一线职工, 企业负责人, 科教人员
    quota_rules: tuple[QuotaRule, ...]
    eligibility: EligibilityRules
    rubric: Rubric
    nomination_deadline: date | None
    review_deadline: date | None
    publicity_days: int = MIN_PUBLICITY_DAYS  # working days
    quorum: Fraction = DEFAULT_QUORUM  # share of a round's reviewers needed for a result
    disagreement_sd: Decimal = DEFAULT_DISAGREEMENT_SD  # standard deviation flagged as disagreement
    notes: str = ""


def validate_program(draft: ProgramDraft) -> ProgramDraft:
    """Check every field of a program form and return the cleaned values.

    Returns:
        A copy of ``draft`` with surrounding and repeated whitespace removed from its texts.

    Raises:
        ValidationFailed: with every problem found, each tied to its field key.
    """
    clean = _cleaned(draft)
    found = [
        *_required_text("name", clean.name, _MISSING["name"]),
        *_required_text("honour_title", clean.honour_title, _MISSING["honour_title"]),
        *_year_problems(clean.year),
        *_category_problems(clean.categories),
        *_nested("quota_rules", quota_rules_problems(clean.quota_rules, clean.categories)),
        *_nested("eligibility", rules_problems(clean.eligibility)),
        *_nested("rubric", rubric_problems(clean.rubric)),
        *_deadline_problems(clean.nomination_deadline, clean.review_deadline),
        *_number_problems(clean),
        *length_problems("notes", clean.notes, NOTES_MAX_LENGTH),
    ]
    if found:
        raise ValidationFailed(found)
    return clean


def _cleaned(draft: ProgramDraft) -> ProgramDraft:
    criteria = tuple(
        dataclasses.replace(c, key=c.key.strip(), name=collapse_spaces(c.name))
        for c in draft.rubric.criteria
    )
    rules = draft.eligibility
    return dataclasses.replace(
        draft,
        name=collapse_spaces(draft.name),
        honour_title=collapse_spaces(draft.honour_title),
        categories=tuple(collapse_spaces(category) for category in draft.categories),
        quota_rules=tuple(
            dataclasses.replace(rule, category=collapse_spaces(rule.category))
            for rule in draft.quota_rules
        ),
        eligibility=dataclasses.replace(
            rules, required_honour_title=collapse_spaces(rules.required_honour_title)
        ),
        rubric=Rubric(criteria),
        notes=draft.notes.strip(),
    )


_MISSING = {
    "name": QT_TRANSLATE_NOOP("Validation", "Enter the name of the program."),
    "honour_title": QT_TRANSLATE_NOOP(
        "Validation", "Enter the title the program awards, as the certificate will read."
    ),
}


def _required_text(field_name: str, text: str, missing: str) -> list[Problem]:
    if not text:
        return [problem(field_name, missing)]
    return length_problems(field_name, text, TEXT_MAX_LENGTH)


def _year_problems(year: int) -> list[Problem]:
    if FIRST_YEAR <= year <= LAST_YEAR:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation", "The year {year} is not possible. Enter a year from {first} to {last}."
    )
    return [problem("year", text, year=year, first=FIRST_YEAR, last=LAST_YEAR)]


def _category_problems(categories: tuple[str, ...]) -> list[Problem]:
    if not categories:
        text = QT_TRANSLATE_NOOP("Validation", "Enter at least one category of candidates.")
        return [problem("categories", text)]
    found: list[Problem] = []
    if len(categories) > MAX_CATEGORIES:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The program has {count} categories; at most {limit} are allowed."
        )
        found.append(problem("categories", text, count=len(categories), limit=MAX_CATEGORIES))
    for number, category in enumerate(categories, 1):
        found += _one_category_problems(number, category, categories[: number - 1])
    return found


def _one_category_problems(number: int, category: str, earlier: tuple[str, ...]) -> list[Problem]:
    if not category:
        text = QT_TRANSLATE_NOOP("Validation", "Category {number} is empty. Name it or remove it.")
        return [problem("categories", text, number=number)]
    if len(category) > CATEGORY_MAX_LENGTH:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "Category {number} has {length} characters, but at most {limit} are allowed.",
        )
        return [
            problem(
                "categories", text, number=number, length=len(category), limit=CATEGORY_MAX_LENGTH
            )
        ]
    if category in earlier:
        text = QT_TRANSLATE_NOOP(
            "Validation", "The category “{category}” is listed twice. List each category once."
        )
        return [problem("categories", text, category=category)]
    return []


def _nested(section: str, found: list[Problem]) -> list[Problem]:
    """Domain problems keyed under the form section that holds them."""
    return [
        dataclasses.replace(item, field=f"{section}.{item.field}" if item.field else section)
        for item in found
    ]


def _deadline_problems(nomination: date | None, review: date | None) -> list[Problem]:
    if nomination is None or review is None or review >= nomination:
        return []
    text = QT_TRANSLATE_NOOP(
        "Validation",
        "The review deadline {review} is before the nomination deadline {nomination}.",
    )
    return [
        problem(
            "review_deadline", text, review=review.isoformat(), nomination=nomination.isoformat()
        )
    ]


def _number_problems(draft: ProgramDraft) -> list[Problem]:
    found: list[Problem] = []
    if not MIN_PUBLICITY_DAYS <= draft.publicity_days <= MAX_PUBLICITY_DAYS:
        text = QT_TRANSLATE_NOOP(
            "Validation", "Publicity must last from {minimum} to {maximum} working days."
        )
        found.append(
            problem("publicity_days", text, minimum=MIN_PUBLICITY_DAYS, maximum=MAX_PUBLICITY_DAYS)
        )
    if not 0 < draft.quorum <= 1:
        text = QT_TRANSLATE_NOOP(
            "Validation",
            "The quorum is the share of a round's reviewers whose scores are needed; enter "
            "more than 0 and at most 1 (all of them).",
        )
        found.append(problem("quorum", text))
    if not (draft.disagreement_sd.is_finite() and draft.disagreement_sd > 0):
        text = QT_TRANSLATE_NOOP(
            "Validation", "The disagreement threshold must be a number greater than 0."
        )
        found.append(problem("disagreement_sd", text))
    return found
