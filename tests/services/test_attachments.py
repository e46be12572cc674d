"""Candidate attachments against a real data folder: stored by SHA-256 and checked on open."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers import OFFICE
from selection_helpers import make_candidates, make_members, make_program
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import MAX_ATTACHMENTS, MB, AttachmentKind
from unionDesk.services.attachments import (
    AttachmentDamaged,
    add_attachment,
    attachment_folder,
    list_attachments,
    open_attachment,
    remove_attachment,
)
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.db import Database
from unionDesk.store.selection_models import CandidateAttachment

OFFICER = Actor(41, "luyuan", Role.OFFICER)
VIEWER = Actor(42, "chakan", Role.VIEWER)
REVIEWER = Actor(43, "pingwei", Role.REVIEWER)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01\x02" * 300
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + "荣誉证书 北京市总工会".encode() * 20 + b"\n%%EOF\n"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_files(db: Database) -> list[Path]:
    folder = attachment_folder(db)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def candidates(db: Database) -> list[int]:
    program = make_program(db)
    return make_candidates(db, program, make_members(db, 2))


@pytest.fixture
def candidate(candidates: list[int]) -> int:
    return candidates[0]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_file_is_stored_under_its_sha256(db: Database, candidate: int, files: Path) -> None:
    source = write(files, "证件照.jpg", JPEG)
    attachment_id = add_attachment(db, OFFICER, candidate, AttachmentKind.PHOTO, source)
    digest = sha256(JPEG)
    expected = db.path.parent / "attachments" / digest[:2] / f"{digest}.jpg"
    assert stored_files(db) == [expected]
    assert expected.read_bytes() == JPEG
    (view,) = list_attachments(db, OFFICER, candidate)
    assert (view.id, view.kind, view.file_name) == (
        attachment_id,
        AttachmentKind.PHOTO,
        "证件照.jpg",
    )
    assert (view.size, view.sha256, view.added_by) == (len(JPEG), digest, "luyuan")


def test_the_stored_extension_comes_from_the_content(
    db: Database, candidate: int, files: Path
) -> None:
    add_attachment(db, OFFICE, candidate, AttachmentKind.CERTIFICATE, write(files, "证书.jpg", PDF))
    (path,) = stored_files(db)
    assert path.name == f"{sha256(PDF)}.pdf"


def test_adding_is_audited(db: Database, candidate: int, files: Path) -> None:
    add_attachment(db, OFFICER, candidate, AttachmentKind.CERTIFICATE, write(files, "c.pdf", PDF))
    entries = query_audit(db, OFFICE, AuditFilter(record_type="candidate", actor="luyuan"))
    (entry,) = [e for e in entries if e.record_id == str(candidate)]
    assert entry.action is Action.UPDATE
    assert entry.changes["attachment"][0] is None
    assert sha256(PDF) in entry.changes["attachment"][1]


def test_identical_files_are_stored_once(db: Database, candidates: list[int], files: Path) -> None:
    first = write(files, "一.pdf", PDF)
    second = write(files, "二.pdf", PDF)
    add_attachment(db, OFFICE, candidates[0], AttachmentKind.CERTIFICATE, first)
    add_attachment(db, OFFICE, candidates[0], AttachmentKind.OTHER, second)
    add_attachment(db, OFFICE, candidates[1], AttachmentKind.CERTIFICATE, second)
    assert len(stored_files(db)) == 1
    assert [v.file_name for v in list_attachments(db, OFFICE, candidates[0])] == [
        "一.pdf",
        "二.pdf",
    ]
    assert len(list_attachments(db, OFFICE, candidates[1])) == 1


def test_open_returns_the_checked_file(db: Database, candidate: int, files: Path) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.CERTIFICATE, write(files, "c.png", PNG)
    )
    path = open_attachment(db, VIEWER, attachment_id)
    assert path.read_bytes() == PNG
    assert path.is_relative_to(attachment_folder(db))


def test_a_modified_stored_file_is_reported_damaged(
    db: Database, candidate: int, files: Path
) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.CERTIFICATE, write(files, "奖状.pdf", PDF)
    )
    (stored,) = stored_files(db)
    data = bytearray(stored.read_bytes())
    data[-3] ^= 0x01  # one changed bit
    stored.write_bytes(bytes(data))
    with pytest.raises(AttachmentDamaged) as caught:
        open_attachment(db, OFFICE, attachment_id)
    assert "奖状.pdf" in str(caught.value)


def test_a_deleted_stored_file_is_reported_damaged(
    db: Database, candidate: int, files: Path
) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "p.jpg", JPEG)
    )
    (stored,) = stored_files(db)
    stored.unlink()
    with pytest.raises(AttachmentDamaged):
        open_attachment(db, OFFICE, attachment_id)


def test_a_swapped_stored_file_is_reported_damaged(
    db: Database, candidate: int, files: Path
) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "p.jpg", JPEG)
    )
    (stored,) = stored_files(db)
    stored.write_bytes(JPEG[:-1] + b"\x00")  # another valid JPEG of the same size
    with pytest.raises(AttachmentDamaged):
        open_attachment(db, OFFICE, attachment_id)


def test_attaching_the_original_again_repairs_the_store(
    db: Database, candidates: list[int], files: Path
) -> None:
    source = write(files, "p.jpg", JPEG)
    attachment_id = add_attachment(db, OFFICE, candidates[0], AttachmentKind.PHOTO, source)
    (stored,) = stored_files(db)
    stored.write_bytes(b"garbage")
    add_attachment(db, OFFICE, candidates[1], AttachmentKind.PHOTO, source)
    assert open_attachment(db, OFFICE, attachment_id).read_bytes() == JPEG


def test_an_empty_file_is_refused(db: Database, candidate: int, files: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_attachment(db, OFFICE, candidate, AttachmentKind.OTHER, write(files, "空.pdf", b""))
    assert "空.pdf" in caught.value.by_field()["file"][0]
    assert list_attachments(db, OFFICE, candidate) == []
    assert stored_files(db) == []


def test_a_photo_over_5_mb_is_refused(db: Database, candidate: int, files: Path) -> None:
    source = write(files, "大.jpg", JPEG)
    with source.open("r+b") as handle:
        handle.truncate(5 * MB + 1)
    with pytest.raises(ValidationFailed) as caught:
        add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, source)
    assert "at most 5 MB" in caught.value.by_field()["file"][0]
    assert stored_files(db) == []


def test_a_photo_of_exactly_5_mb_is_accepted(db: Database, candidate: int, files: Path) -> None:
    source = write(files, "大.jpg", JPEG)
    with source.open("r+b") as handle:
        handle.truncate(5 * MB)
    add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, source)
    (view,) = list_attachments(db, OFFICE, candidate)
    assert view.size == 5 * MB


def test_a_pdf_named_jpg_is_refused_as_a_photo(db: Database, candidate: int, files: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "照片.jpg", PDF))
    message = caught.value.by_field()["file"][0]
    assert "照片.jpg" in message
    assert "JPG, PNG" in message
    assert stored_files(db) == []


def test_an_unreadable_file_is_refused(db: Database, candidate: int, files: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, files / "不存在.jpg")
    assert "不存在.jpg" in caught.value.by_field()["file"][0]


def test_a_second_photo_is_refused(db: Database, candidate: int, files: Path) -> None:
    add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "一.jpg", JPEG))
    with pytest.raises(ValidationFailed) as caught:
        add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "二.png", PNG))
    assert "already has a photo" in str(caught.value)
    assert [v.file_name for v in list_attachments(db, OFFICE, candidate)] == ["一.jpg"]
    assert len(stored_files(db)) == 1  # the refused photo left no file behind


def test_a_photo_can_be_replaced_after_removing_it(
    db: Database, candidate: int, files: Path
) -> None:
    first = add_attachment(
        db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "一.jpg", JPEG)
    )
    remove_attachment(db, OFFICE, first, "换一张")
    add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "二.png", PNG))
    assert [v.file_name for v in list_attachments(db, OFFICE, candidate)] == ["二.png"]


def test_a_candidate_has_at_most_20_attachments(db: Database, candidate: int, files: Path) -> None:
    for number in range(MAX_ATTACHMENTS):
        source = write(files, f"{number}.pdf", PDF + str(number).encode())
        add_attachment(db, OFFICE, candidate, AttachmentKind.CERTIFICATE, source)
    with pytest.raises(ValidationFailed) as caught:
        add_attachment(db, OFFICE, candidate, AttachmentKind.OTHER, write(files, "x.pdf", PDF))
    assert str(MAX_ATTACHMENTS) in str(caught.value)
    assert len(list_attachments(db, OFFICE, candidate)) == MAX_ATTACHMENTS


def test_attaching_to_a_missing_candidate_is_refused(db: Database, files: Path) -> None:
    with pytest.raises(NotFound):
        add_attachment(db, OFFICE, 999, AttachmentKind.PHOTO, write(files, "p.jpg", JPEG))


def test_removal_keeps_the_row_and_the_file_and_is_audited(
    db: Database, candidate: int, files: Path
) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.CERTIFICATE, write(files, "旧证书.pdf", PDF)
    )
    remove_attachment(db, OFFICER, attachment_id, "证书已过期")
    assert list_attachments(db, OFFICE, candidate) == []
    with db.read() as session:
        row = session.scalars(select(CandidateAttachment)).one()
        assert row.id == attachment_id
        assert row.removed_at is not None
        assert row.sha256 == sha256(PDF)
    (stored,) = stored_files(db)
    assert stored.read_bytes() == PDF
    entries = query_audit(db, OFFICE, AuditFilter(record_type="candidate", actor="luyuan"))
    (entry,) = entries
    assert entry.record_id == str(candidate)
    assert "旧证书.pdf" in entry.summary
    assert "证书已过期" in entry.summary
    assert entry.changes["attachment"][1] is None
    assert sha256(PDF) in entry.changes["attachment"][0]
    with pytest.raises(NotFound):
        open_attachment(db, OFFICE, attachment_id)


def test_removing_twice_changes_nothing(db: Database, candidate: int, files: Path) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "p.jpg", JPEG)
    )
    remove_attachment(db, OFFICE, attachment_id)
    count = len(query_audit(db, OFFICE, AuditFilter()))
    remove_attachment(db, OFFICE, attachment_id)
    assert len(query_audit(db, OFFICE, AuditFilter())) == count


def test_a_viewer_can_list_and_open_but_not_change(
    db: Database, candidate: int, files: Path
) -> None:
    source = write(files, "p.jpg", JPEG)
    attachment_id = add_attachment(db, OFFICE, candidate, AttachmentKind.PHOTO, source)
    assert [v.id for v in list_attachments(db, VIEWER, candidate)] == [attachment_id]
    assert open_attachment(db, VIEWER, attachment_id).read_bytes() == JPEG
    with pytest.raises(PermissionDenied):
        add_attachment(db, VIEWER, candidate, AttachmentKind.OTHER, write(files, "c.pdf", PDF))
    with pytest.raises(PermissionDenied):
        remove_attachment(db, VIEWER, attachment_id)
    assert len(list_attachments(db, OFFICE, candidate)) == 1


def test_a_reviewer_uses_the_round_instead(db: Database, candidate: int, files: Path) -> None:
    attachment_id = add_attachment(
        db, OFFICE, candidate, AttachmentKind.PHOTO, write(files, "p.jpg", JPEG)
    )
    with pytest.raises(PermissionDenied):
        list_attachments(db, REVIEWER, candidate)
    with pytest.raises(PermissionDenied):
        open_attachment(db, REVIEWER, attachment_id)
