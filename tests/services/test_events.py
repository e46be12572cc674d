"""Culture events against a real database: the register, attendance, photos and permissions."""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.candidate import MB
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.enums import ChangeKind
from unionDesk.services.audit import Action, AuditFilter, AuditView, query_audit
from unionDesk.services.demo import fill_demo
from unionDesk.services.departments import add_department
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.event_photos import (
    PhotoDamaged,
    add_photo,
    list_photos,
    open_photo,
    photo_folder,
    remove_photo,
)
from unionDesk.services.events import (
    AttendanceChange,
    EventQuery,
    attendance_rows,
    create_event,
    delete_event,
    department_member_ids,
    get_event,
    list_events,
    set_attendance,
    update_event,
)
from unionDesk.services.members import create_member, delete_member, record_change
from unionDesk.services.permissions import PermissionDenied
from unionDesk.store.activity_models import EventAttendance
from unionDesk.store.db import Database
from unionDesk.store.models import Member

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 0)
OFFICER = Actor(51, "luyuan", Role.OFFICER)
VIEWER = Actor(52, "chakan", Role.VIEWER)
REVIEWER = Actor(53, "pingwei", Role.REVIEWER)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01\x02" * 300
PDF = b"%PDF-1.7\n" + "活动签到表".encode() * 20 + b"\n%%EOF\n"
READING = EventDraft(
    event_type=EventType.READING,
    title="“书香职工”读书分享会",
    starts_at=datetime(2026, 4, 23, 14, 0),
    ends_at=datetime(2026, 4, 23, 16, 30),
    venue="职工书屋",
    organiser="工会办公室",
    description="世界读书日，分享近期读过的一本书。",
    hours=Decimal("2.5"),
    guests=3,
)


def add_event(db: Database, draft: EventDraft = READING, **changes: object) -> int:
    return create_event(db, OFFICE, replace(draft, **changes), now=NOW)  # type: ignore[arg-type]


def add_member(db: Database, number: int, name: str = "王建国", **changes: object) -> int:
    draft = member_draft(
        name=name,
        id_number=fake_id(101 + 2 * number),
        card_number=f"GH-E-{number:04d}",
        **changes,
    )
    return create_member(db, OFFICE, draft, today=TODAY)


def refusal(error: pytest.ExceptionInfo[ValidationFailed], field: str) -> str:
    messages = error.value.by_field().get(field)
    assert messages, f"no problem on {field!r}: {error.value.problems}"
    return messages[0]


def entries(db: Database, event_id: int) -> list[AuditView]:
    found = query_audit(db, OFFICE, AuditFilter(record_type="event"))
    return [e for e in reversed(found) if e.record_id == str(event_id)]


def attendance_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(EventAttendance)) or 0


# --- the register --------------------------------------------------------------------------------


def test_an_event_is_stored_cleaned_and_read_back(db: Database) -> None:
    event_id = add_event(db, title="  读书   分享会 ", hours=Decimal("2.50"))
    detail = get_event(db, VIEWER, event_id)
    assert detail.id == event_id
    assert detail.draft == replace(READING, title="读书 分享会", hours=Decimal("2.5"))
    assert str(detail.draft.hours) == "2.5"
    assert detail.attendee_ids == frozenset()


def test_creating_is_audited_with_the_values(db: Database) -> None:
    event_id = create_event(db, OFFICER, READING, now=NOW)
    (entry,) = entries(db, event_id)
    assert (entry.action, entry.actor, entry.summary) == (Action.CREATE, "luyuan", READING.title)
    assert entry.changes["title"] == [None, READING.title]
    assert entry.changes["hours"] == [None, "2.5"]
    assert entry.changes["event_type"] == [None, "reading"]


def test_a_wrong_form_is_refused_with_every_problem_and_nothing_saved(db: Database) -> None:
    wrong = replace(READING, title=" ", venue="", hours=Decimal("0"), guests=-2)
    with pytest.raises(ValidationFailed) as caught:
        create_event(db, OFFICE, wrong, now=NOW)
    assert refusal(caught, "title") == "Enter the title of the event."
    assert refusal(caught, "venue") == "Enter the venue of the event."
    assert refusal(caught, "hours").startswith("0 hours is not possible.")
    assert "-2 guests is not possible" in refusal(caught, "guests")
    assert list_events(db, OFFICE) == []
    assert query_audit(db, OFFICE, AuditFilter(record_type="event")) == []


def test_a_start_more_than_a_year_ahead_is_refused_as_a_typo(db: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_event(db, starts_at=datetime(2028, 4, 23, 14, 0), ends_at=None)
    assert "more than a year ahead" in refusal(caught, "starts_at")


def test_an_update_saves_the_form_and_audits_only_what_changed(db: Database) -> None:
    event_id = add_event(db)
    changed = replace(READING, venue="图书馆三楼", hours=Decimal("3"), guests=0)
    update_event(db, OFFICER, event_id, changed, now=NOW)
    assert get_event(db, OFFICE, event_id).draft == replace(changed, hours=Decimal("3.0"))
    update = entries(db, event_id)[-1]
    assert update.action is Action.UPDATE
    assert update.changes == {
        "guests": [3, 0],
        "hours": ["2.5", "3.0"],
        "venue": ["职工书屋", "图书馆三楼"],
    }


def test_an_invalid_update_keeps_the_stored_event(db: Database) -> None:
    event_id = add_event(db)
    with pytest.raises(ValidationFailed) as caught:
        update_event(db, OFFICE, event_id, replace(READING, event_type=None), now=NOW)
    assert refusal(caught, "event_type") == "Choose the type of the event."
    assert get_event(db, OFFICE, event_id).draft == READING


def test_a_deleted_event_is_kept_but_gone_from_the_register(db: Database) -> None:
    event_id = add_event(db)
    delete_event(db, OFFICER, event_id, "重复录入")
    assert list_events(db, OFFICE) == []
    with pytest.raises(NotFound):
        get_event(db, OFFICE, event_id)
    with pytest.raises(NotFound):
        update_event(db, OFFICE, event_id, READING, now=NOW)
    with pytest.raises(NotFound):
        set_attendance(db, OFFICE, event_id, [])
    entry = entries(db, event_id)[-1]
    assert (entry.action, entry.summary) == (Action.DELETE, f"{READING.title}: 重复录入")


def test_the_list_is_newest_first_with_attendees_guests_and_hours(db: Database) -> None:
    members = [add_member(db, n) for n in range(3)]
    older = add_event(db, starts_at=datetime(2026, 3, 1, 9, 0), ends_at=None)
    newer = add_event(db, title="工间操比赛", event_type=EventType.FITNESS, hours=Decimal("1"))
    set_attendance(db, OFFICE, older, members)
    rows = list_events(db, VIEWER)
    assert [(r.id, r.attendees, r.guests, r.hours) for r in rows] == [
        (newer, 0, 3, Decimal("1.0")),
        (older, 3, 3, Decimal("2.5")),
    ]
    assert rows[0].event_type is EventType.FITNESS
    assert rows[1].starts_at == datetime(2026, 3, 1, 9, 0)


def test_the_list_filters_by_text_type_and_period(db: Database) -> None:
    talk = add_event(
        db,
        event_type=EventType.ROLE_MODEL_TALK,
        title="大国工匠进车间",
        venue="机加工车间",
        starts_at=datetime(2026, 5, 31, 23, 30),
        ends_at=None,
    )
    reading = add_event(db, starts_at=datetime(2026, 6, 1, 8, 0), ends_at=None)

    def ids(**query: object) -> list[int]:
        return [row.id for row in list_events(db, OFFICE, EventQuery(**query))]  # type: ignore[arg-type]

    assert ids(text="工匠") == [talk]
    assert ids(text="职工书屋") == [reading]  # the venue
    assert ids(text="工会办公室") == [reading, talk]  # the organiser
    assert ids(text="100%") == []
    assert ids(event_type=EventType.READING) == [reading]
    assert ids(last=date(2026, 5, 31)) == [talk]
    assert ids(first=date(2026, 6, 1)) == [reading]
    assert ids(first=date(2026, 5, 31), last=date(2026, 6, 1)) == [reading, talk]


# --- attendance ----------------------------------------------------------------------------------


def test_attendance_is_replaced_and_the_change_counted(db: Database) -> None:
    a, b, c, d = (add_member(db, n) for n in range(4))
    event_id = add_event(db)
    assert set_attendance(db, OFFICE, event_id, [a, b, c]) == AttendanceChange(3, 0)
    assert set_attendance(db, OFFICE, event_id, [c, d, d]) == AttendanceChange(1, 2)
    assert get_event(db, OFFICE, event_id).attendee_ids == {c, d}
    assert set_attendance(db, OFFICE, event_id, []) == AttendanceChange(0, 2)
    assert attendance_count(db) == 0


def test_attendance_changes_are_audited_with_counts_and_ids(db: Database) -> None:
    a, b, c = (add_member(db, n) for n in range(3))
    event_id = add_event(db)
    set_attendance(db, OFFICE, event_id, [a, b])
    set_attendance(db, OFFICER, event_id, [b, c])
    entry = entries(db, event_id)[-1]
    assert (entry.action, entry.actor) == (Action.UPDATE, "luyuan")
    assert entry.summary == f"{READING.title}: 2 (+1 -1)"
    assert entry.changes == {
        "attendees": [2, 2],
        "added": [None, str(c)],
        "removed": [str(a), None],
    }


def test_setting_the_same_attendance_again_changes_nothing(db: Database) -> None:
    members = [add_member(db, n) for n in range(2)]
    event_id = add_event(db)
    set_attendance(db, OFFICE, event_id, members)
    before = len(entries(db, event_id))
    assert set_attendance(db, OFFICE, event_id, reversed(members)) == AttendanceChange(0, 0)  # type: ignore[arg-type]
    assert len(entries(db, event_id)) == before


def test_unknown_or_deleted_members_are_refused_and_nothing_is_saved(db: Database) -> None:
    kept = add_member(db, 0)
    gone = add_member(db, 1, name="李秀英")
    delete_member(db, OFFICE, gone, "重复录入")
    event_id = add_event(db)
    set_attendance(db, OFFICE, event_id, [kept])
    with pytest.raises(ValidationFailed) as caught:
        set_attendance(db, OFFICE, event_id, [add_member(db, 2), gone, 99_999])
    message = refusal(caught, "attendees")
    assert message.startswith("2 of the chosen attendees are not on the member register")
    assert "李秀英、#99999" in message
    assert "Nothing was saved" in message
    assert get_event(db, OFFICE, event_id).attendee_ids == {kept}
    assert attendance_count(db) == 1


def test_members_who_left_may_be_recorded_as_attendees(db: Database) -> None:
    member = add_member(db, 0)
    record_change(db, OFFICE, member, ChangeKind.WITHDRAW, date(2026, 5, 1), "退休", today=TODAY)
    event_id = add_event(db)  # 23 April, before they left
    assert set_attendance(db, OFFICE, event_id, [member]) == AttendanceChange(1, 0)


def test_a_deleted_member_drops_out_of_the_lists_but_their_row_is_kept(db: Database) -> None:
    stays, deleted = add_member(db, 0), add_member(db, 1)
    event_id = add_event(db)
    set_attendance(db, OFFICE, event_id, [stays, deleted])
    delete_member(db, OFFICE, deleted, "误录")
    assert get_event(db, OFFICE, event_id).attendee_ids == {stays}
    assert [r.member_id for r in attendance_rows(db, OFFICE, event_id)] == [stays]
    assert list_events(db, OFFICE)[0].attendees == 1
    assert set_attendance(db, OFFICE, event_id, [stays]) == AttendanceChange(0, 0)
    assert attendance_count(db) == 2


def test_attendance_rows_show_name_department_and_card_by_name(db: Database) -> None:
    root = add_department(db, OFFICE, None, "测试机械厂")
    workshop = add_department(db, OFFICE, root, "装配车间")
    wang = add_member(db, 0, name="王芳", department_id=workshop)
    an = add_member(db, 1, name="安然")
    event_id = add_event(db)
    set_attendance(db, OFFICE, event_id, [wang, an])
    rows = attendance_rows(db, VIEWER, event_id)
    assert [(r.member_id, r.name, r.department, r.card_number) for r in rows] == [
        (an, "安然", "", "GH-E-0001"),
        (wang, "王芳", "装配车间", "GH-E-0000"),
    ]


def test_a_whole_department_means_its_active_members_and_those_below(db: Database) -> None:
    root = add_department(db, OFFICE, None, "测试机械厂")
    workshop = add_department(db, OFFICE, root, "机加工车间")
    team = add_department(db, OFFICE, workshop, "数控班")
    other = add_department(db, OFFICE, root, "质检部")
    in_workshop = add_member(db, 0, name="赵国庆", department_id=workshop)
    in_team = add_member(db, 1, name="陈志强", department_id=team)
    add_member(db, 2, name="杨丽", department_id=other)
    left = add_member(db, 3, name="刘芳", department_id=team)
    record_change(db, OFFICE, left, ChangeKind.TRANSFER_OUT, date(2026, 3, 1), "调出", today=TODAY)
    deleted = add_member(db, 4, name="黄海燕", department_id=team)
    delete_member(db, OFFICE, deleted, "误录")
    assert department_member_ids(db, OFFICER, workshop) == [in_team, in_workshop]  # by pinyin
    assert department_member_ids(db, OFFICER, team) == [in_team]
    assert len(department_member_ids(db, OFFICER, root)) == 3
    with pytest.raises(NotFound):
        department_member_ids(db, OFFICER, 999)


def test_checking_in_500_attendees_is_fast(db: Database) -> None:
    fill_demo(db, 600)
    with db.read() as session:
        ids = list(session.scalars(select(Member.id).order_by(Member.id)))
    event_id = add_event(db, title="首都职工文化艺术节开幕式", event_type=EventType.ARTS_FESTIVAL)
    started = time.perf_counter()
    change = set_attendance(db, OFFICE, event_id, ids[:500])
    first = time.perf_counter() - started
    started = time.perf_counter()
    replaced = set_attendance(db, OFFICE, event_id, ids[100:600])
    second = time.perf_counter() - started
    print(f"\nset_attendance: 500 new {first * 1000:.1f} ms; +100 -100 {second * 1000:.1f} ms")
    assert (change, replaced) == (AttendanceChange(500, 0), AttendanceChange(100, 100))
    assert get_event(db, OFFICE, event_id).attendee_ids == set(ids[100:600])


# --- photos --------------------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "camera"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def stored_files(db: Database) -> list[Path]:
    folder = photo_folder(db)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_photo_is_stored_under_its_sha256_beside_the_database(db: Database, files: Path) -> None:
    event_id = add_event(db)
    photo_id = add_photo(db, OFFICER, event_id, write(files, "合影.jpg", JPEG))
    digest = hashlib.sha256(JPEG).hexdigest()
    expected = db.path.parent / "photos" / digest[:2] / f"{digest}.jpg"
    assert stored_files(db) == [expected]
    (view,) = list_photos(db, VIEWER, event_id)
    assert (view.id, view.file_name, view.size, view.sha256) == (
        photo_id,
        "合影.jpg",
        len(JPEG),
        digest,
    )
    assert open_photo(db, VIEWER, photo_id) == expected
    entry = entries(db, event_id)[-1]
    assert entry.changes["photo"] == [None, f"合影.jpg sha256={digest}"]


def test_the_same_picture_twice_is_stored_once(db: Database, files: Path) -> None:
    event_id = add_event(db)
    add_photo(db, OFFICE, event_id, write(files, "一.png", PNG))
    add_photo(db, OFFICE, event_id, write(files, "二.png", PNG))
    assert len(stored_files(db)) == 1
    assert [p.file_name for p in list_photos(db, OFFICE, event_id)] == ["一.png", "二.png"]


def test_a_tampered_photo_is_refused_on_open(db: Database, files: Path) -> None:
    photo_id = add_photo(db, OFFICE, add_event(db), write(files, "颁奖.jpg", JPEG))
    (stored,) = stored_files(db)
    data = bytearray(stored.read_bytes())
    data[-1] ^= 0x01
    stored.write_bytes(bytes(data))
    with pytest.raises(PhotoDamaged) as caught:
        open_photo(db, OFFICE, photo_id)
    assert "The photo 颁奖.jpg is missing or damaged" in str(caught.value)
    stored.unlink()
    with pytest.raises(PhotoDamaged):
        open_photo(db, OFFICE, photo_id)


def test_only_jpeg_and_png_photos_of_at_most_10_mb_are_accepted(db: Database, files: Path) -> None:
    event_id = add_event(db)
    with pytest.raises(ValidationFailed) as caught:
        add_photo(db, OFFICE, event_id, write(files, "签到表.jpg", PDF))
    assert "签到表.jpg is not a JPG or PNG photo" in refusal(caught, "file")
    big = write(files, "大.jpg", JPEG)
    with big.open("r+b") as handle:
        handle.truncate(10 * MB + 1)
    with pytest.raises(ValidationFailed) as caught:
        add_photo(db, OFFICE, event_id, big)
    assert "is 10.1 MB; at most 10 MB is allowed" in refusal(caught, "file")
    with pytest.raises(ValidationFailed):
        add_photo(db, OFFICE, event_id, write(files, "空.png", b""))
    with pytest.raises(ValidationFailed) as caught:
        add_photo(db, OFFICE, event_id, files / "不存在.jpg")
    assert "不存在.jpg cannot be read" in refusal(caught, "file")
    assert stored_files(db) == [] and list_photos(db, OFFICE, event_id) == []
    with big.open("r+b") as handle:
        handle.truncate(10 * MB)
    add_photo(db, OFFICE, event_id, big)
    assert [p.size for p in list_photos(db, OFFICE, event_id)] == [10 * MB]


def test_a_photo_for_a_deleted_event_is_refused_without_a_file(db: Database, files: Path) -> None:
    event_id = add_event(db)
    delete_event(db, OFFICE, event_id, "")
    with pytest.raises(NotFound):
        add_photo(db, OFFICE, event_id, write(files, "p.jpg", JPEG))
    assert stored_files(db) == []


def test_a_removed_photo_keeps_its_file_and_is_audited(db: Database, files: Path) -> None:
    event_id = add_event(db)
    photo_id = add_photo(db, OFFICE, event_id, write(files, "模糊.jpg", JPEG))
    remove_photo(db, OFFICER, photo_id, "照片模糊")
    assert list_photos(db, OFFICE, event_id) == []
    assert len(stored_files(db)) == 1
    with pytest.raises(NotFound):
        open_photo(db, OFFICE, photo_id)
    entry = entries(db, event_id)[-1]
    assert entry.summary == "- 模糊.jpg 照片模糊"
    count = len(entries(db, event_id))
    remove_photo(db, OFFICE, photo_id)
    assert len(entries(db, event_id)) == count


# --- permissions ---------------------------------------------------------------------------------


def test_a_viewer_reads_but_does_not_change(db: Database, files: Path) -> None:
    member = add_member(db, 0)
    event_id = add_event(db)
    photo_id = add_photo(db, OFFICE, event_id, write(files, "p.jpg", JPEG))
    assert [row.id for row in list_events(db, VIEWER)] == [event_id]
    assert open_photo(db, VIEWER, photo_id).read_bytes() == JPEG
    for change in (
        lambda: create_event(db, VIEWER, READING, now=NOW),
        lambda: update_event(db, VIEWER, event_id, READING, now=NOW),
        lambda: delete_event(db, VIEWER, event_id, ""),
        lambda: set_attendance(db, VIEWER, event_id, [member]),
        lambda: add_photo(db, VIEWER, event_id, write(files, "q.jpg", JPEG)),
        lambda: remove_photo(db, VIEWER, photo_id),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert get_event(db, OFFICE, event_id).attendee_ids == frozenset()
    assert len(list_photos(db, OFFICE, event_id)) == 1


def test_a_reviewer_sees_no_events(db: Database) -> None:
    event_id = add_event(db)
    for read in (
        lambda: list_events(db, REVIEWER),
        lambda: get_event(db, REVIEWER, event_id),
        lambda: attendance_rows(db, REVIEWER, event_id),
        lambda: list_photos(db, REVIEWER, event_id),
        lambda: department_member_ids(db, REVIEWER, 1),
    ):
        with pytest.raises(PermissionDenied):
            read()
