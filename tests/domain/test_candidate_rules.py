"""Nomination form rules: text limits in characters, categories and attachment checks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionDesk.domain.candidate import (
    DEEDS_LIMIT,
    JPEG,
    MB,
    PDF,
    PNG,
    SUMMARY_LIMIT,
    UNIT_LIMIT,
    AttachmentKind,
    CandidateDraft,
    attachment_problems,
    kind_label,
    normalize_text,
    sniff_type,
    submission_problems,
    text_length,
    validate_candidate,
)
from unionDesk.domain.messages import ValidationFailed

CATEGORIES = ("一线职工", "企业负责人", "科教人员")
RARE = "\U0002020c"  # 𠈌, outside the Basic Multilingual Plane: two UTF-16 units, one character
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01"
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PDF_HEAD = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0"


def draft(**changes: object) -> CandidateDraft:
    base = CandidateDraft(
        member_id=7,
        nominating_unit="测试机械厂",
        category="一线职工",
        summary="长期扎根生产一线。",
        deeds="带领班组完成技术革新十余项。",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def problems(value: CandidateDraft) -> dict[str, list[str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_candidate(value, CATEGORIES)
    return caught.value.by_field()


def test_a_complete_nomination_is_returned_cleaned() -> None:
    clean = validate_candidate(
        draft(nominating_unit="  测试   机械厂 ", category=" 企业负责人 ", summary="  摘要\r\n"),
        CATEGORIES,
    )
    assert clean.nominating_unit == "测试 机械厂"
    assert clean.category == "企业负责人"
    assert clean.summary == "摘要"


def test_a_rare_character_counts_as_one() -> None:
    assert len(RARE.encode("utf-16-le")) == 4
    assert text_length(RARE) == 1
    assert text_length(RARE * 500) == 500


@pytest.mark.parametrize(("field", "limit"), [("summary", SUMMARY_LIMIT), ("deeds", DEEDS_LIMIT)])
def test_exactly_the_limit_passes_in_rare_characters(field: str, limit: int) -> None:
    clean = validate_candidate(draft(**{field: RARE * limit}), CATEGORIES)
    assert getattr(clean, field) == RARE * limit


@pytest.mark.parametrize(("field", "limit"), [("summary", SUMMARY_LIMIT), ("deeds", DEEDS_LIMIT)])
def test_one_character_over_the_limit_fails_with_the_count(field: str, limit: int) -> None:
    found = problems(draft(**{field: RARE * (limit + 1)}))
    assert list(found) == [field]
    (message,) = found[field]
    assert str(limit + 1) in message
    assert str(limit) in message


def test_limits_are_500_and_2000() -> None:
    assert (SUMMARY_LIMIT, DEEDS_LIMIT) == (500, 2000)


def test_a_windows_line_break_counts_as_one_character() -> None:
    text = "甲" * 250 + "\r\n" + "乙" * 249  # 501 code points as typed, 500 as counted
    assert len(text) == 501
    assert text_length(text) == 500
    clean = validate_candidate(draft(summary=text), CATEGORIES)
    assert clean.summary == "甲" * 250 + "\n" + "乙" * 249


def test_line_breaks_are_normalised() -> None:
    assert normalize_text("一\r\n二\r三\n四") == "一\n二\n三\n四"
    assert normalize_text("\r\n 事迹 \r\n") == "事迹"


def test_surrounding_blank_space_does_not_count() -> None:
    assert validate_candidate(draft(summary="  " + "字" * 500 + " \n"), CATEGORIES).summary == (
        "字" * 500
    )


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_the_summary_passes_exactly_when_its_counted_length_is_within_the_limit(
    text: str,
) -> None:
    value = draft(summary=text)
    if text_length(text) <= SUMMARY_LIMIT:
        assert validate_candidate(value, CATEGORIES).summary == normalize_text(text)
    else:
        assert list(problems(value)) == ["summary"]


def test_the_category_must_be_one_of_the_program() -> None:
    found = problems(draft(category="劳动模范"))
    assert list(found) == ["category"]
    assert all(category in found["category"][0] for category in CATEGORIES)


def test_no_category_is_accepted_when_the_program_lists_none() -> None:
    with pytest.raises(ValidationFailed):
        validate_candidate(draft(), ())


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        CandidateDraft(None, "", "无此类别", summary="摘" * 501, deeds="事" * 2001),
    )
    assert set(found) == {"member_id", "nominating_unit", "category", "summary", "deeds"}


def test_the_nominating_unit_has_a_limit() -> None:
    assert validate_candidate(draft(nominating_unit="厂" * UNIT_LIMIT), CATEGORIES)
    found = problems(draft(nominating_unit="厂" * (UNIT_LIMIT + 1)))
    assert str(UNIT_LIMIT + 1) in found["nominating_unit"][0]


def test_a_draft_may_be_saved_without_texts_but_not_submitted() -> None:
    clean = validate_candidate(draft(summary="", deeds=""), CATEGORIES)
    assert set(p.field for p in submission_problems(clean)) == {"summary", "deeds"}
    assert submission_problems(draft()) == []
    assert [p.field for p in submission_problems(draft(deeds=" \r\n "))] == ["deeds"]


# --- attachments ---------------------------------------------------------------------------


def test_an_empty_file_is_refused_naming_it() -> None:
    (found,) = attachment_problems(AttachmentKind.PHOTO, "照片.jpg", 0, b"")
    assert found.field == "file"
    assert "照片.jpg" in found.render()
    assert "empty" in found.render()


@pytest.mark.parametrize(
    ("kind", "limit_mb"),
    [(AttachmentKind.PHOTO, 5), (AttachmentKind.CERTIFICATE, 20), (AttachmentKind.OTHER, 20)],
)
def test_size_limits_per_kind(kind: AttachmentKind, limit_mb: int) -> None:
    assert attachment_problems(kind, "a.jpg", limit_mb * MB, JPEG_HEAD) == []
    (found,) = attachment_problems(kind, "a.jpg", limit_mb * MB + 1, JPEG_HEAD)
    text = found.render()
    assert f"at most {limit_mb} MB" in text
    assert f"is {limit_mb}.1 MB" in text  # the file's own size, rounded up


def test_a_large_file_reports_its_size_in_megabytes() -> None:
    (found,) = attachment_problems(AttachmentKind.PHOTO, "大照片.png", 12 * MB + MB // 2, PNG_HEAD)
    assert "12.5 MB" in found.render()
    assert "大照片.png" in found.render()


def test_a_pdf_named_jpg_is_not_accepted_as_a_photo() -> None:
    (found,) = attachment_problems(AttachmentKind.PHOTO, "证件照.jpg", 2048, PDF_HEAD)
    text = found.render()
    assert found.field == "file"
    assert "证件照.jpg" in text
    assert "not a JPG, PNG file" in text


def test_a_text_file_named_jpg_is_refused_for_every_kind() -> None:
    for kind in AttachmentKind:
        (found,) = attachment_problems(kind, "扫描件.jpg", 100, b"hello, this is text")
        assert found.field == "file"


def test_the_content_decides_not_the_name() -> None:
    assert attachment_problems(AttachmentKind.PHOTO, "photo.pdf", 100, PNG_HEAD) == []
    assert attachment_problems(AttachmentKind.CERTIFICATE, "cert.jpg", 100, PDF_HEAD) == []
    assert sniff_type(AttachmentKind.CERTIFICATE, PDF_HEAD) is PDF
    assert sniff_type(AttachmentKind.PHOTO, JPEG_HEAD) is JPEG
    assert sniff_type(AttachmentKind.PHOTO, PNG_HEAD) is PNG
    assert sniff_type(AttachmentKind.PHOTO, PDF_HEAD) is None


def test_a_truncated_signature_is_not_recognised() -> None:
    assert sniff_type(AttachmentKind.PHOTO, PNG_HEAD[:5]) is None
    assert attachment_problems(AttachmentKind.PHOTO, "a.png", 5, PNG_HEAD[:5]) != []


def test_kinds_have_labels() -> None:
    assert kind_label(AttachmentKind.PHOTO) == "Photo"
    zh = {"Photo": "照片", "Certificate": "证书", "Other material": "其他材料"}
    assert [kind_label(k, lambda _c, t: zh[t]) for k in AttachmentKind] == [
        "照片",
        "证书",
        "其他材料",
    ]
