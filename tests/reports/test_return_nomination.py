"""候选人推荐表: one candidate's form reads back as the candidate and member screens show it."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from helpers import fake_id, member_draft
from returns_helpers import pdf_pages, pdf_text, text_bottoms
from selection_helpers import NOMINATION_DAY, make_program
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import AttachmentKind, CandidateDraft
from unionDesk.domain.enums import SkillLevel
from unionDesk.domain.honours import HonourDraft, HonourLevel
from unionDesk.domain.periods import Period
from unionDesk.domain.privacy import mask_id_number
from unionDesk.reports import nomination as nomination_layout
from unionDesk.reports.chinese import zh
from unionDesk.reports.layout import Letterhead, build_pdf
from unionDesk.services.attachments import AttachmentDamaged, add_attachment, list_attachments
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.candidates import get_candidate, nominate, submit
from unionDesk.services.departments import add_department
from unionDesk.services.eligibility_check import check
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.file_store import stored_path
from unionDesk.services.honours import add_honour
from unionDesk.services.members import create_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.returns import GeneratedReturn, ReturnRequest, ReturnType, generate

NOW = datetime(2026, 11, 21, 10, 5)
PERIOD = Period(2026, 4)
OFFICER = Actor(5, "officer", Role.OFFICER)
MM = 72 / 25.4
SUMMARY = (
    "王𠈌同志扎根数控加工一线二十年，攻克航空发动机叶片精密磨削等关键工艺难题，"
    "带出“阿依古丽·买买提”等一批青年技能骨干。"
) * 6
PARAGRAPH = (
    "二〇一五年起担任数控车间班组长，带领班组攻克精密磨削难题，产品合格率由百分之八十七提高到"
    "百分之九十九点六；主持“高精度曲面磨削工艺改进”等技术革新项目十二项，获实用新型专利五项，"
    "每年为企业节约成本三百余万元。"
)
DEEDS = "\n".join(f"{index}．{PARAGRAPH * 2}" for index in range(1, 10))


def add_member(db, admin, name: str, sequence: int, department: int | None, **extra) -> int:
    """A member who meets the 北京大工匠 rules, with a district honour."""
    birth = date(1978, 3, 9)
    member_id = create_member(
        db,
        admin,
        member_draft(
            name=name,
            id_number=fake_id(sequence, birth=birth),
            card_number=f"GH-N-{sequence}",
            skill_level=SkillLevel.SENIOR_TECHNICIAN,
            work_start_date=date(2000, 7, 1),
            join_date=date(2001, 3, 1),
            department_id=department,
            job_title="数控车间班组长",
            trade="数控车工",
            **extra,
        ),
        today=NOMINATION_DAY,
    )
    add_honour(
        db,
        admin,
        member_id,
        HonourDraft("朝阳区技术能手", HonourLevel.DISTRICT, 2020, "北京市朝阳区人民政府"),
        today=NOMINATION_DAY,
    )
    return member_id


def add_candidate(db, admin, program: int, member: int, deeds: str = DEEDS) -> int:
    """A submitted and checked nomination of ``member``."""
    candidate = nominate(
        db, admin, program, CandidateDraft(member, "北京测试机械厂", "一线职工", SUMMARY, deeds)
    )
    submit(db, admin, candidate, today=NOMINATION_DAY)
    check(db, admin, candidate)
    return candidate


def portrait(folder: Path, name: str = "证件照.png") -> Path:
    """A 600 x 800 PNG standing in for a photo."""
    image = Image.new("RGB", (600, 800), (200, 215, 235))
    image.paste((60, 70, 90), (150, 200, 450, 800))
    path = folder / name
    image.save(path)
    return path


@pytest.fixture
def program(db) -> int:
    return make_program(db)


@pytest.fixture
def workshop(db, admin) -> int:
    plant = add_department(db, admin, None, "北京测试机械厂")
    return add_department(db, admin, plant, "数控车间")


@pytest.fixture
def wang(db, admin, program, workshop, tmp_path) -> int:
    """王𠈌's nomination, with a photo."""
    candidate = add_candidate(db, admin, program, add_member(db, admin, "王𠈌", 301, workshop))
    add_attachment(db, admin, candidate, AttachmentKind.PHOTO, portrait(tmp_path))
    return candidate


@pytest.fixture
def ayguli(db, admin, program) -> int:
    """阿依古丽·买买提's nomination, without a photo (维吾尔族)."""
    member = add_member(db, admin, "阿依古丽·买买提", 402, None, ethnicity="05")
    return add_candidate(db, admin, program, member, deeds="一段简短的事迹。")


def nomination(db, actor, candidate: int | None, **options) -> GeneratedReturn:
    request = ReturnRequest(ReturnType.NOMINATION, PERIOD, subject_id=candidate, **options)
    return generate(db, actor, request, now=NOW)


def body_text(pdf: bytes) -> str:
    """The pages' text in drawing order, without letterheads and footers or any white space."""
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    lines = [
        line
        for line in raw.splitlines()
        if "统一社会信用代码" not in line and not line.startswith("生成时间")
    ]
    return re.sub(r"\s+", "", "".join(lines))


def test_the_particulars_read_back_as_entered_with_the_number_masked(db, admin, wang):
    made = nomination(db, admin, wang)
    text = pdf_text(made.pdf)
    number = fake_id(301, birth=date(1978, 3, 9))
    assert "王𠈌" in text
    assert mask_id_number(number) in text and number not in text
    for printed in (
        "2026年北京大工匠选树",
        "北京大工匠",
        "北京测试机械厂/数控车间",
        "1978-03-09",
        "汉族",
        "高级技师",
        "数控车间班组长",
        "北京测试机械厂",
        "一线职工",
        "资格审查合格",
        "朝阳区技术能手",
    ):
        assert printed in text, printed
    assert json.loads(json.dumps(made.data, ensure_ascii=False)) == made.data  # the JSON file
    assert made.data["name"] == "王𠈌"
    assert made.data["department"] == "北京测试机械厂/数控车间"
    assert made.data["id_number"] == mask_id_number(number)
    assert made.data["period_label"] == "2026年度"
    assert made.data["honours"] == [
        {
            "title": "朝阳区技术能手",
            "level": "区县级",
            "year": 2020,
            "awarding_body": "北京市朝阳区人民政府",
        }
    ]


def test_summary_and_deeds_come_out_whole_over_several_pages(db, admin, wang):
    made = nomination(db, admin, wang)
    assert pdf_pages(made.pdf) >= 2
    body = body_text(made.pdf)
    assert re.sub(r"\s+", "", SUMMARY) in body
    assert re.sub(r"\s+", "", DEEDS) in body
    assert made.data["summary_length"] == len(SUMMARY)
    assert made.data["deeds_length"] == len(DEEDS)
    assert f"（{len(DEEDS)}字）" in pdf_text(made.pdf)


def test_eligibility_and_history_are_those_of_the_candidate_screen(db, admin, wang):
    detail = get_candidate(db, admin, wang, today=NOW.date())
    made = nomination(db, admin, wang)
    assert [row["reason"] for row in made.data["eligibility"]] == [
        result.reason.render(zh) for result in detail.eligibility
    ]
    assert [row["verdict"] for row in made.data["eligibility"]] == ["符合"] * len(
        detail.eligibility
    )
    assert [(step["from"], step["to"]) for step in made.data["history"]] == [
        ("草稿", "已推荐"),
        ("已推荐", "资格审查合格"),
    ]
    assert made.data["history"][0]["actor"] == detail.history[0].actor
    body = body_text(made.pdf)
    for row in made.data["eligibility"]:
        assert re.sub(r"\s+", "", row["reason"]) in body
    assert "已推荐→资格审查合格" in body
    assert made.data["publicity"] is None


def test_the_photo_is_the_candidates_checked_photo_attachment(db, admin, wang, ayguli, tmp_path):
    made = nomination(db, admin, wang)
    photo = made.data["photo"]
    (attachment,) = list_attachments(db, admin, wang)
    assert photo["sha256"] == attachment.sha256 and photo["file_name"] == "证件照.png"
    assert (photo["width_px"], photo["height_px"]) == (420, 560)
    (tmp_path / "made.pdf").write_bytes(made.pdf)
    images = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "made.pdf")], capture_output=True, check=True
    ).stdout.decode()
    assert " 420   560 " in images
    assert "照片" not in pdf_text(made.pdf)
    without = nomination(db, admin, ayguli)
    assert without.data["photo"] is None
    assert "照片" in pdf_text(without.pdf)


def test_a_damaged_photo_stops_the_form(db, admin, wang):
    (attachment,) = list_attachments(db, admin, wang)
    stored = stored_path(db.path.parent / "attachments", attachment.sha256)
    assert stored is not None
    stored.write_bytes(b"\x89PNG\r\n\x1a\nnot a picture")
    with pytest.raises(AttachmentDamaged):
        nomination(db, admin, wang)


def test_a_photo_that_is_no_image_is_named(db, admin, ayguli, tmp_path):
    fake = tmp_path / "坏照片.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    add_attachment(db, admin, ayguli, AttachmentKind.PHOTO, fake)
    with pytest.raises(ValidationFailed) as refused:
        nomination(db, admin, ayguli)
    message = refused.value.problems[0].render()
    assert "坏照片.png" in message and "阿依古丽·买买提" in message


def test_a_middle_dot_name_and_its_ethnicity_read_back(db, admin, ayguli):
    made = nomination(db, admin, ayguli)
    text = pdf_text(made.pdf)
    assert "阿依古丽·买买提" in text and "维吾尔族" in text


def test_full_numbers_need_the_unmask_permission_and_are_audited(db, admin, wang):
    with pytest.raises(PermissionDenied):
        nomination(db, OFFICER, wang, full_ids=True)
    made = nomination(db, admin, wang, full_ids=True)
    assert fake_id(301, birth=date(1978, 3, 9)) in pdf_text(made.pdf)
    entries = query_audit(db, admin, AuditFilter(record_type="return"))
    assert [entry.action for entry in entries] == [Action.UNMASK]
    assert entries[0].changes == {"full_id_numbers": [0, 1]}


def test_a_candidate_must_be_chosen_and_exist(db, admin, wang):
    with pytest.raises(ValidationFailed) as refused:
        nomination(db, admin, None)
    assert refused.value.problems[0].field == "subject_id"
    with pytest.raises(NotFound):
        nomination(db, admin, wang + 100)


def test_the_seals_stay_above_the_digital_signature_box(db, admin, ayguli, tmp_path):
    """The signing service stamps its box up to 38 mm above the last page's bottom edge.

    The deeds grow a line at a time, so that the seals once end at the foot of the page.
    """
    made = nomination(db, admin, ayguli)
    letterhead = Letterhead("候选人推荐表", "测试工会", made.union_code, "2026年度", NOW, "test")
    lowest = []
    for lines in range(0, 44):
        data = {**made.data, "deeds": made.data["deeds"] + PARAGRAPH[:40] * lines}
        words = text_bottoms(
            build_pdf(letterhead, nomination_layout.render(letterhead, data)), tmp_path
        )
        assert "工会意见：" in "".join(text for text, _ in words)
        lowest.append(min(bottom for _, bottom in words))
    assert min(lowest) > 40 * MM
    assert min(lowest) < 53 * MM  # the seals did reach the foot of a page (a line is 6 mm)
