"""Award programs against a real database: presets, the form check, edits, lists and locks."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers import OFFICE, fake_id
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.eligibility import EligibilityRules
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourLevel
from unionDesk.domain.member import MemberDraft
from unionDesk.domain.quota import QuotaBound, QuotaRule
from unionDesk.domain.scoring import Criterion, Rubric
from unionDesk.services import programs
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.members import create_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.programs import (
    ProgramDraft,
    create_program,
    draft_from_preset,
    get_program,
    list_presets,
    list_programs,
    load_program_draft,
    update_program,
    validate_program,
)
from unionDesk.services.users import add_user
from unionDesk.store.db import Database
from unionDesk.store.models import AuditEntry
from unionDesk.store.selection_models import AwardProgram, Candidate, Review, ReviewRound

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)
VIEWER = Actor(5, "v", Role.VIEWER)
REVIEWER = Actor(6, "r", Role.REVIEWER)
DraftFactory = Callable[..., MemberDraft]


def craftsman(**overrides: object) -> ProgramDraft:
    """The 北京大工匠 preset for 2026, with fields replaced."""
    return dataclasses.replace(draft_from_preset("beijing_craftsman", 2026), **overrides)  # type: ignore[arg-type]


def problems_of(draft: ProgramDraft) -> dict[str, list[str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_program(draft)
    return caught.value.by_field()


def add_member(db: Database, make_draft: DraftFactory, name: str, sequence: int) -> int:
    draft = make_draft(name=name, id_number=fake_id(sequence), card_number="")
    return create_member(db, OFFICE, draft, today=TODAY)


def nominate(db: Database, program_id: int, member_id: int, category: str, state: str) -> int:
    with db.write() as session:
        candidate = Candidate(
            program_id=program_id,
            member_id=member_id,
            nominating_unit="第一车间",
            category=category,
            state=state,
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(candidate)
        session.flush()
        return candidate.id


def add_review(db: Database, program_id: int, candidate_id: int, status: str) -> None:
    judge = add_user(
        db, OFFICE, f"judge{candidate_id}{status}", "评委", Role.REVIEWER, "pass-word-9"
    )
    with db.write() as session:
        review_round = ReviewRound(
            program_id=program_id,
            name="第一轮",
            opens_on=date(2026, 7, 1),
            closes_on=date(2026, 7, 15),
            created_at=NOW,
        )
        session.add(review_round)
        session.flush()
        session.add(
            Review(
                round_id=review_round.id,
                candidate_id=candidate_id,
                reviewer_id=judge,
                status=status,
                scores='{"conduct": "18", "skill": "35", "innovation": "20", "example": "12"}',
                submitted_at=NOW if status == "submitted" else None,
                updated_at=NOW,
            )
        )


def audit_entries(db: Database) -> list[AuditEntry]:
    with db.read() as session:
        statement = select(AuditEntry).where(AuditEntry.record_type == "program")
        return list(session.scalars(statement.order_by(AuditEntry.id)))


# --- presets -------------------------------------------------------------------------------


def test_both_shipped_presets_load_and_pass_the_form_check():
    presets = {preset.key: preset for preset in list_presets()}

    assert sorted(presets) == ["beijing_craftsman", "most_beautiful_worker"]
    assert presets["beijing_craftsman"].name == "北京大工匠"
    assert presets["most_beautiful_worker"].name == "最美劳动者"
    for preset in presets.values():
        assert validate_program(preset.draft) == preset.draft
        assert preset.draft.year == date.today().year


def test_craftsman_preset_holds_its_quota_rules_and_rubric():
    draft = draft_from_preset("beijing_craftsman", 2026)

    assert draft.honour_title == "北京大工匠"
    assert draft.categories == ("一线职工", "企业负责人", "科教人员")
    assert draft.quota_rules == (
        QuotaRule("一线职工", QuotaBound.AT_LEAST, 50),
        QuotaRule("企业负责人", QuotaBound.AT_MOST, 20),
    )
    assert [(c.name, c.max_points, c.weight) for c in draft.rubric.criteria] == [
        ("思想品德", Decimal(20), Decimal(20)),
        ("技能水平", Decimal(40), Decimal(40)),
        ("创新成果", Decimal(25), Decimal(25)),
        ("示范作用", Decimal(15), Decimal(15)),
    ]
    assert draft.publicity_days == 5


def test_craftsman_preset_holds_its_eligibility_rules():
    rules = draft_from_preset("beijing_craftsman", 2026).eligibility

    assert rules == EligibilityRules(
        min_skill_level=SkillLevel.SENIOR_TECHNICIAN,
        min_years_of_service=10,
        min_age=25,
        max_age=60,
        same_title_within_years=5,
        required_honour_level=HonourLevel.DISTRICT,
    )


def test_most_beautiful_worker_preset_holds_its_rules():
    draft = draft_from_preset("most_beautiful_worker", 2026)

    assert draft.categories == ("一线职工", "企业负责人", "其他")
    assert draft.quota_rules == (QuotaRule("一线职工", QuotaBound.AT_LEAST, 60),)
    assert draft.eligibility == EligibilityRules(
        min_years_of_service=3, min_age=18, max_age=60, same_title_within_years=3
    )
    assert [c.name for c in draft.rubric.criteria] == ["思想品德", "工作业绩", "社会影响"]
    assert sum(c.weight for c in draft.rubric.criteria) == 100
    assert (draft.nomination_deadline, draft.review_deadline) == (
        date(2026, 4, 15),
        date(2026, 5, 31),
    )
    assert draft.publicity_days == 7


def test_draft_from_preset_puts_the_year_into_the_name_and_the_deadlines():
    draft = draft_from_preset("beijing_craftsman", 2031)

    assert draft.name == "2031年北京大工匠选树"
    assert draft.year == 2031
    assert draft.nomination_deadline == date(2031, 6, 30)
    assert draft.review_deadline == date(2031, 8, 31)


@pytest.mark.parametrize("key", ["beijing_craftsman", "most_beautiful_worker"])
def test_preset_files_hold_the_rules_exactly_as_the_domain_writes_them(key):
    stored = json.loads(
        (files("unionDesk.resources") / "presets" / f"{key}.json").read_text(encoding="utf-8")
    )
    draft = draft_from_preset(key, 2026)

    assert stored["rubric"] == draft.rubric.to_json()
    assert stored["eligibility"] == draft.eligibility.to_json()
    assert stored["quota_rules"] == [rule.to_json() for rule in draft.quota_rules]


def test_a_damaged_preset_is_skipped_with_a_warning(tmp_path, monkeypatch, caplog):
    shipped = files("unionDesk.resources") / "presets" / "most_beautiful_worker.json"
    folder = tmp_path / "resources"
    (folder / "presets").mkdir(parents=True)
    (folder / "presets" / "good.json").write_text(shipped.read_text(encoding="utf-8"), "utf-8")
    (folder / "presets" / "broken.json").write_text('{"name": "{year}年', encoding="utf-8")
    monkeypatch.setattr(programs, "files", lambda package: Path(folder))

    with caplog.at_level(logging.WARNING, logger="unionDesk.services.programs"):
        keys = [preset.key for preset in list_presets()]

    assert keys == ["good"]
    assert "broken.json" in caplog.text
    with pytest.raises(NotFound, match="broken"):
        draft_from_preset("broken", 2026)


def test_an_unknown_preset_is_not_found():
    with pytest.raises(NotFound, match="no_such_preset"):
        draft_from_preset("no_such_preset", 2026)


# --- create, read, list ----------------------------------------------------------------------


def test_a_created_program_reads_back_unchanged(db):
    draft = craftsman(quorum=Fraction(3, 4), disagreement_sd=Decimal("12.5"), notes="市总通知")

    program_id = create_program(db, OFFICE, draft)
    detail = get_program(db, OFFICE, program_id)

    assert detail.id == program_id
    assert detail.draft == draft
    assert detail.created_at == detail.updated_at


def test_create_program_stores_cleaned_texts(db):
    draft = craftsman(
        name="  2026年  北京大工匠选树 ", categories=(" 一线职工", "企业负责人", "科教人员")
    )

    program_id = create_program(db, OFFICE, draft)

    stored = get_program(db, OFFICE, program_id).draft
    assert stored.name == "2026年 北京大工匠选树"
    assert stored.categories == ("一线职工", "企业负责人", "科教人员")


def test_create_program_is_audited_with_its_fields(db):
    program_id = create_program(db, OFFICE, craftsman())

    [entry] = audit_entries(db)
    changes = json.loads(entry.changes)
    assert (entry.action, entry.record_id, entry.actor) == ("create", str(program_id), "cli")
    assert entry.summary == "2026年北京大工匠选树"
    assert changes["honour_title"] == [None, "北京大工匠"]
    assert json.loads(changes["rubric"][1])[1]["name"] == "技能水平"
    assert changes["quorum"] == [None, "2/3"]


def test_list_programs_puts_the_newest_year_first_then_orders_by_name(db):
    create_program(db, OFFICE, draft_from_preset("most_beautiful_worker", 2025))
    create_program(db, OFFICE, draft_from_preset("most_beautiful_worker", 2026))
    create_program(db, OFFICE, draft_from_preset("beijing_craftsman", 2026))

    rows = list_programs(db, OFFICE)

    assert [(row.year, row.honour_title) for row in rows] == [
        (2026, "北京大工匠"),
        (2026, "最美劳动者"),
        (2025, "最美劳动者"),
    ]


def test_list_programs_counts_candidates_by_state_and_leaves_out_withdrawn(db, make_draft):
    program_id = create_program(db, OFFICE, craftsman())
    other_id = create_program(db, OFFICE, draft_from_preset("most_beautiful_worker", 2026))
    nominees = [("赵一", 101, "nominated"), ("钱二", 103, "nominated"), ("孙三", 105, "withdrawn")]
    for name, sequence, state in nominees:
        member_id = add_member(db, make_draft, name, sequence)
        nominate(db, program_id, member_id, "一线职工", state)

    rows = {row.id: row for row in list_programs(db, OFFICE)}

    assert rows[program_id].counts_by_state == {"nominated": 2, "withdrawn": 1}
    assert rows[program_id].candidate_count == 2
    assert (rows[other_id].candidate_count, rows[other_id].counts_by_state) == (0, {})


def test_get_program_of_a_missing_id_is_not_found(db):
    with pytest.raises(NotFound):
        get_program(db, OFFICE, 999)


def test_load_program_draft_reports_damaged_stored_rules(db):
    program_id = create_program(db, OFFICE, craftsman())
    with db.write() as session:
        program = session.get(AwardProgram, program_id)
        assert program is not None
        program.rubric = "[{"
    with db.read() as session, pytest.raises(ValidationFailed):
        load_program_draft(session.get(AwardProgram, program_id))


# --- the form check --------------------------------------------------------------------------

LONG = "工" * 101
RUBRIC_WITHOUT_CRITERIA = Rubric(())


@pytest.mark.parametrize(
    ("overrides", "field", "expected"),
    [
        ({"name": "  "}, "name", "Enter the name of the program."),
        ({"name": LONG}, "name", "This text has 101 characters, but at most 100"),
        ({"honour_title": ""}, "honour_title", "Enter the title the program awards"),
        ({"honour_title": LONG}, "honour_title", "101 characters"),
        ({"year": 1999}, "year", "The year 1999 is not possible. Enter a year from 2000 to 2100."),
        ({"year": 2101}, "year", "The year 2101 is not possible"),
        ({"notes": "注" * 2001}, "notes", "at most 2000 are allowed"),
        ({"publicity_days": 4}, "publicity_days", "from 5 to 30 working days"),
        ({"publicity_days": 31}, "publicity_days", "from 5 to 30 working days"),
        ({"quorum": Fraction(0)}, "quorum", "more than 0 and at most 1"),
        ({"quorum": Fraction(4, 3)}, "quorum", "more than 0 and at most 1"),
        ({"disagreement_sd": Decimal(0)}, "disagreement_sd", "greater than 0"),
        ({"disagreement_sd": Decimal("NaN")}, "disagreement_sd", "greater than 0"),
        (
            {"nomination_deadline": date(2026, 8, 1), "review_deadline": date(2026, 7, 31)},
            "review_deadline",
            "The review deadline 2026-07-31 is before the nomination deadline 2026-08-01.",
        ),
    ],
)
def test_each_form_rule_reports_its_field_and_message(overrides, field, expected):
    found = problems_of(craftsman(**overrides))

    assert list(found) == [field]
    assert expected in found[field][0]


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        ((), "Enter at least one category of candidates."),
        (("一线职工", " ", "企业负责人", "科教人员"), "Category 2 is empty. Name it or remove it."),
        (
            ("一线职工", "企业负责人", "科教人员", "类" * 51),
            "Category 4 has 51 characters, but at most 50 are allowed.",
        ),
        (
            ("一线职工", "企业负责人", "科教人员", "一线职工"),
            "The category “一线职工” is listed twice.",
        ),
        (
            ("一线职工", "企业负责人", "科教人员", *(f"类别{n}" for n in range(8))),
            "The program has 11 categories; at most 10 are allowed.",
        ),
    ],
)
def test_category_rules_report_on_the_categories_field(categories, expected):
    found = problems_of(craftsman(categories=categories, quota_rules=()))

    assert list(found) == ["categories"]
    assert expected in found["categories"][0]


def test_quota_rules_on_an_unknown_category_are_reported_under_quota_rules():
    found = problems_of(craftsman(quota_rules=(QuotaRule("技术骨干", QuotaBound.AT_MOST, 30),)))

    assert found == {
        "quota_rules.category": [
            "“技术骨干” is not a category of this program. Choose one of its categories."
        ]
    }


def test_eligibility_problems_are_reported_under_eligibility():
    rules = EligibilityRules(min_age=50, max_age=40)

    found = problems_of(craftsman(eligibility=rules))

    assert found == {"eligibility.min_age": ["The minimum age 50 is above the maximum age 40."]}


def test_rubric_problems_are_reported_under_rubric():
    assert problems_of(craftsman(rubric=RUBRIC_WITHOUT_CRITERIA)) == {
        "rubric.criteria": ["The rubric has no criteria. Add at least one."]
    }
    bad_weight = Rubric((Criterion("conduct", "思想品德", Decimal(20), Decimal(0)),))
    assert list(problems_of(craftsman(rubric=bad_weight))) == ["rubric.criteria.0.weight"]


def test_every_problem_is_reported_at_once():
    found = problems_of(craftsman(name="", year=1990, publicity_days=3, categories=()))

    assert set(found) >= {"name", "year", "publicity_days", "categories"}


def test_an_invalid_program_is_not_created(db):
    with pytest.raises(ValidationFailed):
        create_program(db, OFFICE, craftsman(name=""))

    assert list_programs(db, OFFICE) == []
    assert audit_entries(db) == []


# --- edits -----------------------------------------------------------------------------------


def test_update_program_saves_and_audits_only_the_changed_fields(db):
    program_id = create_program(db, OFFICE, craftsman())

    update_program(db, OFFICE, program_id, craftsman(publicity_days=7, notes="延长公示"))

    assert get_program(db, OFFICE, program_id).draft == craftsman(
        publicity_days=7, notes="延长公示"
    )
    entry = audit_entries(db)[-1]
    assert entry.action == "update"
    assert json.loads(entry.changes) == {
        "notes": [craftsman().notes, "延长公示"],
        "publicity_days": [5, 7],
    }


def test_update_program_of_a_missing_id_is_not_found(db):
    with pytest.raises(NotFound):
        update_program(db, OFFICE, 999, craftsman())


def reweighted() -> Rubric:
    criteria = craftsman().rubric.criteria
    return Rubric((dataclasses.replace(criteria[0], weight=Decimal(30)), *criteria[1:]))


def renamed() -> Rubric:
    criteria = craftsman().rubric.criteria
    return Rubric((dataclasses.replace(criteria[0], name="政治思想"), *criteria[1:]))


def scored_program(db: Database, make_draft: DraftFactory, review_status: str) -> int:
    program_id = create_program(db, OFFICE, craftsman())
    member_id = add_member(db, make_draft, "王强", 201)
    candidate_id = nominate(db, program_id, member_id, "一线职工", "under_review")
    add_review(db, program_id, candidate_id, review_status)
    return program_id


def test_rubric_cannot_change_once_a_review_was_submitted(db, make_draft):
    program_id = scored_program(db, make_draft, "submitted")

    with pytest.raises(ValidationFailed) as caught:
        update_program(db, OFFICE, program_id, craftsman(rubric=reweighted()))

    [message] = caught.value.by_field()["rubric"]
    assert "Submitted reviews use this rubric (1 so far)" in message
    assert get_program(db, OFFICE, program_id).draft.rubric == craftsman().rubric


def test_criterion_names_can_still_be_corrected_after_submitted_reviews(db, make_draft):
    program_id = scored_program(db, make_draft, "submitted")

    update_program(db, OFFICE, program_id, craftsman(rubric=renamed()))

    assert get_program(db, OFFICE, program_id).draft.rubric.criteria[0].name == "政治思想"


def test_rubric_can_change_while_reviews_are_only_drafts(db, make_draft):
    program_id = scored_program(db, make_draft, "draft")

    update_program(db, OFFICE, program_id, craftsman(rubric=reweighted()))

    assert get_program(db, OFFICE, program_id).draft.rubric == reweighted()


def test_a_category_in_use_cannot_be_removed(db, make_draft):
    program_id = create_program(db, OFFICE, craftsman())
    for name, sequence in (("周研", 301), ("吴教", 303)):
        member_id = add_member(db, make_draft, name, sequence)
        nominate(db, program_id, member_id, "科教人员", "nominated")

    with pytest.raises(ValidationFailed) as caught:
        update_program(db, OFFICE, program_id, craftsman(categories=("一线职工", "企业负责人")))

    assert caught.value.by_field()["categories"] == [
        "The category “科教人员” cannot be removed: candidates who have not withdrawn are in it "
        "(2). Move them to another category first."
    ]
    assert "科教人员" in get_program(db, OFFICE, program_id).draft.categories


def test_a_category_used_only_by_withdrawn_candidates_can_be_removed(db, make_draft):
    program_id = create_program(db, OFFICE, craftsman())
    member_id = add_member(db, make_draft, "李明", 401)
    nominate(db, program_id, member_id, "科教人员", "withdrawn")

    update_program(db, OFFICE, program_id, craftsman(categories=("一线职工", "企业负责人")))

    assert get_program(db, OFFICE, program_id).draft.categories == ("一线职工", "企业负责人")


# --- permissions -----------------------------------------------------------------------------


def test_a_viewer_can_read_programs_but_not_create_or_edit_them(db):
    program_id = create_program(db, OFFICE, craftsman())

    assert [row.id for row in list_programs(db, VIEWER)] == [program_id]
    assert get_program(db, VIEWER, program_id).draft == craftsman()
    with pytest.raises(PermissionDenied):
        create_program(db, VIEWER, craftsman())
    with pytest.raises(PermissionDenied):
        update_program(db, VIEWER, program_id, craftsman(notes="改"))


def test_a_reviewer_cannot_list_programs(db):
    create_program(db, OFFICE, craftsman())

    with pytest.raises(PermissionDenied):
        list_programs(db, REVIEWER)
    with pytest.raises(PermissionDenied):
        create_program(db, REVIEWER, craftsman())
