"""文化活动统计表: each event of the period and the statistics panel's figures, unchanged."""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal

import pytest

from activity_helpers import make_members
from helpers import OFFICE, TODAY, fake_id, member_draft
from returns_helpers import pdf_pages, pdf_text
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.culture import EventDraft, EventType
from unionDesk.domain.periods import Period
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.event_stats import event_stats
from unionDesk.services.events import create_event, delete_event, set_attendance
from unionDesk.services.members import create_member, delete_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.returns import ReturnRequest, ReturnType, generate

NOW = datetime(2026, 11, 21, 10, 5)
PERIOD = Period(2026, 4)
OPEN_DAY = "王𠈌劳模创新工作室开放日"
STUDIO = "阿依古丽·买买提技能工作室"
OFFICER = Actor(7, "luru", Role.OFFICER)


def add_event(db, kind, title, starts_at, hours, guests, attendees, *, ends_at=None, **place):
    draft = EventDraft(
        kind,
        title,
        starts_at,
        ends_at,
        place.get("venue", "职工之家"),
        place.get("organiser", "公司工会"),
        "",
        Decimal(hours),
        guests,
    )
    event_id = create_event(db, OFFICE, draft, now=NOW)
    set_attendance(db, OFFICE, event_id, attendees)
    return event_id


def person(db, name, sequence):
    draft = member_draft(name=name, id_number=fake_id(sequence), card_number=f"WH-{sequence}")
    return create_member(db, OFFICE, draft, today=TODAY)


@pytest.fixture
def events(db):
    wang, ayguli = person(db, "王𠈌", 101), person(db, "阿依古丽·买买提", 102)
    plain = make_members(db, 6, first_sequence=401)
    add_event(
        db,
        EventType.ROLE_MODEL_TALK,
        OPEN_DAY,
        datetime(2026, 10, 1, 8, 0),
        "2",
        3,
        plain[:3],
        venue="一号厂房",
        organiser=STUDIO,
    )
    add_event(
        db,
        EventType.READING,
        "职工书屋读书分享会",
        datetime(2026, 11, 12, 14, 0),
        "1.5",
        0,
        [wang, ayguli, plain[0], plain[3]],
    )
    add_event(
        db,
        EventType.FITNESS,
        "冬季长跑",
        datetime(2026, 12, 5, 8, 30),
        "3",
        10,
        [],
        ends_at=datetime(2026, 12, 6, 12, 0),
    )
    add_event(db, EventType.OTHER, "九月联欢会", datetime(2026, 9, 30, 23, 0), "2", 4, plain)
    deleted = add_event(db, EventType.OTHER, "取消的联欢会", datetime(2026, 10, 20), "2", 0, plain)
    delete_event(db, OFFICE, deleted, "活动取消")
    delete_member(db, OFFICE, plain[3], "重复录入")  # drops out of every attendance count


def culture(db, actor, period=PERIOD, **options):
    return generate(db, actor, ReturnRequest(ReturnType.CULTURE, period, **options), now=NOW)


def test_each_event_and_the_totals_by_hand(db, admin, events):
    data = culture(db, admin).data
    assert [
        (e["no"], e["date"], e["name"], e["type"], e["attendances"], e["guests"], e["hours"])
        for e in data["events"]
    ] == [
        (1, "2026-10-01", OPEN_DAY, "劳模宣讲/工匠宣讲", 3, 3, 2.0),
        (2, "2026-11-12", "职工书屋读书分享会", "读书活动/职工书屋", 3, 0, 1.5),
        (3, "2026-12-05～12-06", "冬季长跑", "健身/工间操", 0, 10, 3.0),
    ]
    assert (data["events"][0]["venue"], data["events"][0]["organiser"]) == ("一号厂房", STUDIO)
    stats = data["stats"]
    assert (stats["events"], stats["attendances"], stats["guests"]) == (3, 6, 13)
    # 王𠈌, 阿依古丽·买买提 and three of the five other members still on the register
    assert (stats["participants"], stats["members"]) == (5, 7)
    assert stats["participation_rate"] == 71.4  # 5 / 7
    assert stats["member_hours"] == 10.5  # 2 h × 3 + 1.5 h × 3
    assert stats["hours_per_member"] == 1.5
    by_type = {line["label"]: line for line in stats["by_type"]}
    assert by_type["劳模宣讲/工匠宣讲"] == {
        "label": "劳模宣讲/工匠宣讲",
        "events": 1,
        "attendances": 3,
        "guests": 3,
        "hours": 6.0,
    }
    assert by_type["其他"]["events"] == 0  # the September one and the deleted one
    assert len(by_type) == 8  # every type, as the statistics panel lists them


def test_the_json_figures_are_the_statistics_panel_figures(db, admin, events):
    data = culture(db, admin).data
    panel = event_stats(db, admin, PERIOD.start, PERIOD.end)
    stats = data["stats"]
    assert (stats["events"], stats["attendances"], stats["guests"], stats["participants"]) == (
        panel.events,
        panel.attendances,
        panel.guests,
        panel.participants,
    )
    assert Decimal(str(stats["member_hours"])) == panel.member_hours
    assert Decimal(str(stats["participation_rate"])) == panel.participation_rate
    assert [(t["events"], t["attendances"], t["guests"]) for t in stats["by_type"]] == [
        (t.events, t.attendances, t.guests) for t in panel.by_type
    ]
    assert sum(e["attendances"] for e in data["events"]) == panel.attendances
    assert sum(e["guests"] for e in data["events"]) == panel.guests
    json.dumps(data)


def test_the_pdf_prints_every_event_and_the_totals(db, admin, events):
    made = culture(db, admin)
    text = pdf_text(made.pdf)
    for printed in (OPEN_DAY, "职工书屋读书分享会", "冬季长跑", "文化活动统计表"):
        assert printed in text
    assert STUDIO in "".join(pdf_text(made.pdf, layout=False).split())  # wrapped in its cell
    assert "九月联欢会" not in text and "取消的联欢会" not in text
    assert re.search(r"2026-10-01\s+王𠈌劳模创新工作室开放日.*2\.0\s+3\s+3", text)
    assert re.search(r"合计（3次）\s+6\s+13", text)  # the event list's total line
    assert re.search(r"合计\s+3\s+6\s+13\s+10\.5", text)  # the type table's
    assert re.search(r"会员参与率\s+71\.4%", text)
    assert re.search(r"人均活动时长\s+1\.50", text)


def test_a_long_list_repeats_its_header_on_every_page(db, admin):
    member = person(db, "李明", 201)
    for number in range(1, 61):
        starts = datetime(2026, 10, 1 + number % 28, 9, 0)
        add_event(db, EventType.READING, f"第{number}场读书会", starts, "1", 0, [member])
    made = culture(db, admin)
    pages = pdf_text(made.pdf).split("\f")
    listing = [page for page in pages if re.search(r"第\d+场读书会", page)]
    assert pdf_pages(made.pdf) >= 2 and len(listing) >= 2
    assert all("活动名称" in page for page in listing)
    assert len(made.data["events"]) == 60


def test_a_period_without_events_is_refused_with_a_clear_message(db, admin, events):
    with pytest.raises(ValidationFailed) as refused:
        culture(db, admin, Period(2026, 2))
    message = refused.value.problems[0].render()
    assert "2026年第二季度" in message and "No culture event" in message


def test_full_id_numbers_need_the_unmask_permission(db, events):
    assert culture(db, OFFICER).data["stats"]["events"] == 3
    with pytest.raises(PermissionDenied):
        culture(db, OFFICER, full_ids=True)
    with pytest.raises(PermissionDenied):
        culture(db, Actor(9, "chakan", Role.VIEWER))
