"""会员花名册: what the register holds comes out of the PDF and the JSON unchanged."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime

import pytest

from helpers import fake_id, member_draft
from returns_helpers import pdf_pages, pdf_text
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.enums import MemberStatus
from unionDesk.domain.periods import Period
from unionDesk.domain.privacy import mask_id_number
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.members import create_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save

NOW = datetime(2026, 11, 21, 10, 5)
PERIOD = Period(2026, 4)
NAMES = ("王𠈌", "阿依古丽·买买提", "单雄", "李明")


@pytest.fixture
def members(db, admin):
    ids = {}
    for index, name in enumerate(NAMES):
        number = fake_id(sequence=100 + index)
        ids[name] = (
            create_member(
                db,
                admin,
                member_draft(name=name, id_number=number, card_number=f"GH-{index:04d}"),
            ),
            number,
        )
    return ids


def roster(db, actor, **options):
    return generate(db, actor, ReturnRequest(ReturnType.ROSTER, PERIOD, **options), now=NOW)


def test_every_name_and_masked_number_reads_back(db, admin, members):
    made = roster(db, admin)
    text = pdf_text(made.pdf)
    for name, (_, number) in members.items():
        assert name in text
        assert mask_id_number(number) in text
        assert number not in text
    assert "共 4 人" in text
    assert "测试机械厂工会委员会" in text
    assert re.search(r"第\s*1\s*页\s*/\s*共\s*1\s*页", text)
    assert [m["name"] for m in made.data["members"]] == [
        "阿依古丽·买买提",
        "李明",
        "单雄",
        "王𠈌",
    ]  # pinyin, 单 read Shàn


def test_full_numbers_need_the_unmask_permission_and_are_audited(db, admin, members):
    officer = Actor(5, "officer", Role.OFFICER)
    with pytest.raises(PermissionDenied):
        roster(db, officer, full_ids=True)
    made = roster(db, admin, full_ids=True)
    text = pdf_text(made.pdf)
    assert all(number in text for _, number in members.values())
    entries = query_audit(db, admin, AuditFilter(record_type="return"))
    assert [entry.action for entry in entries] == [Action.UNMASK]
    assert entries[0].changes == {"full_id_numbers": [0, 4]}


def test_filters_and_the_header_repeat_on_every_page(db, admin, members):
    made = roster(db, admin, status=MemberStatus.ACTIVE.value)
    assert made.data["filters"]["status"] == "在册"
    for index in range(70):
        create_member(
            db,
            admin,
            member_draft(
                name="赵" + "一二三四五六七八九十"[index % 10] + "甲乙丙丁戊己庚"[index // 10],
                id_number=fake_id(sequence=300 + index),
                card_number=f"X{index}",
            ),
        )
    made = roster(db, admin)
    pages = pdf_pages(made.pdf)
    assert pages >= 3
    assert pdf_text(made.pdf).count("身份证件号码") == pages


def test_saved_files_agree_with_the_manifest(db, admin, members, tmp_path):
    made = roster(db, admin)
    saved = save(db, admin, made, tmp_path / "out")
    manifest = json.loads(saved.manifest.read_text(encoding="utf-8"))
    digests = {f["name"]: f["sha256"] for f in manifest["files"]}
    assert digests[saved.pdf.name] == hashlib.sha256(saved.pdf.read_bytes()).hexdigest()
    assert digests[saved.data.name] == hashlib.sha256(saved.data.read_bytes()).hexdigest()
    assert manifest["return_type"] == "roster" and manifest["period"] == "2026Q4"
    data = json.loads(saved.data.read_text(encoding="utf-8"))
    assert data["count"] == 4 and data["union_code"] == manifest["union_code"]


def test_a_character_no_font_has_stops_the_export_naming_the_member(db, admin):
    create_member(db, admin, member_draft(name="李\U0002a700"))
    with pytest.raises(ValidationFailed) as refused:
        roster(db, admin)
    assert "李\U0002a700" in refused.value.problems[0].render()


def test_a_failed_save_leaves_no_file_behind(db, admin, members, tmp_path):
    made = roster(db, admin)
    folder = tmp_path / "out"
    (folder / f"{made.stem}.manifest.json").mkdir(parents=True)  # the last file cannot be written
    with pytest.raises(ValidationFailed) as refused:
        save(db, admin, made, folder)
    assert "could not be saved" in refused.value.problems[0].render()
    assert [p.name for p in folder.iterdir()] == [f"{made.stem}.manifest.json"]
