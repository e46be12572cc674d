"""上报回执清单: the delivered packages and their receipts, read back from the PDF."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from helpers import fake_id, member_draft
from returns_helpers import pdf_pages, pdf_text
from unionDesk.domain.access import Actor, Role
from unionDesk.domain.outbox import DestinationKind, OutboxState
from unionDesk.domain.periods import Period
from unionDesk.reports.layout import Letterhead, build_pdf
from unionDesk.reports.receipts import render
from unionDesk.services.destinations import DestinationDraft, add_destination
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.services.outbox import OutboxItemView, enqueue, list_items, send_due
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.receipt_list import receipt_list_data, receipt_list_pdf
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.sync.inbox import InboxServer

NOW = datetime(2026, 11, 21, 10, 5)
PASSPHRASE = "Receipt-Sign-2026"
TOKEN = "receipt-token-77"
LETTERHEAD = Letterhead(
    "上报回执清单", "测试机械厂工会委员会", "91110105MA01ABCD1X", "全部", NOW, "0.0", landscape=True
)


def item(number: int, received_at: datetime | None, **changes) -> OutboxItemView:
    values = {
        "id": number,
        "package_id": f"{number:02d}" + "ab" * 31,
        "destination_id": 1,
        "destination_name": "市总工会",
        "title": "会员花名册",
        "return_type": "roster",
        "period": "2026Q4",
        "state": OutboxState.DELIVERED,
        "attempts": 1,
        "next_attempt_at": None,
        "last_error": "",
        "receipt_id": f"IN-{number:04d}",
        "received_at": received_at,
        "created_at": NOW,
    }
    return OutboxItemView(**{**values, **changes})


def row(number: int) -> dict:
    return {
        "no": number,
        "title": "工会工作统计表",
        "period": "2026年第四季度",
        "destination": "市总工会",
        "receipt_id": f"IN-20261121-100500-{number:08x}",
        "received_at": "2026-11-21 10:05",
        "package_id": f"{number:012x}",
    }


# --- the layout, from hand-made data -----------------------------------------------------------


def test_every_row_reads_back_with_its_receipt_number():
    rows = [row(n) for n in range(1, 4)]
    data = {"range_label": "2026-01-01 至 2026-12-31", "count": 3, "items": rows}
    text = pdf_text(build_pdf(LETTERHEAD, render(LETTERHEAD, data)))
    assert "上报回执清单" in text
    assert re.search(r"上报时间：2026-01-01 至 2026-12-31\s+共 3 件", text)
    for entry in rows:
        line = next(line for line in text.splitlines() if entry["receipt_id"] in line)
        assert re.search(
            rf"^\s*{entry['no']}\s+工会工作统计表\s+2026年第四季度\s+市总工会\s+"
            rf"{entry['receipt_id']}\s+2026-11-21 10:05\s+{entry['package_id']}\s*$",
            line,
        )
    assert "经办人" in text


def test_a_long_list_repeats_the_header_on_every_page():
    rows = [row(n) for n in range(1, 81)]
    pdf = build_pdf(
        LETTERHEAD, render(LETTERHEAD, {"range_label": "全部", "count": 80, "items": rows})
    )
    pages = pdf_pages(pdf)
    assert pages >= 2
    text = pdf_text(pdf)
    assert len(re.findall(r"序号\s+报表\s+报告期\s+上报目的地\s+回执编号", text)) == pages
    assert all(entry["receipt_id"] in text for entry in rows)


# --- the data, from outbox rows ----------------------------------------------------------------


def test_rows_are_oldest_first_within_the_days_asked_for():
    items = [
        item(1, datetime(2026, 12, 1, 9, 0)),
        item(2, datetime(2026, 11, 3, 8, 30)),
        item(3, datetime(2026, 10, 31, 23, 59)),  # the day before the range
        item(4, None),  # no receipt time: not delivered
        item(5, datetime(2026, 11, 30, 23, 59), period="2026"),
    ]
    data = receipt_list_data(items, date(2026, 11, 1), date(2026, 11, 30))
    assert data["range_label"] == "2026-11-01 至 2026-11-30"
    assert [(r["no"], r["receipt_id"], r["received_at"]) for r in data["items"]] == [
        (1, "IN-0002", "2026-11-03 08:30"),
        (2, "IN-0005", "2026-11-30 23:59"),
    ]
    assert [r["period"] for r in data["items"]] == ["2026年第四季度", "2026年度"]
    assert data["items"][0]["package_id"] == "02ababababab"


def test_an_aware_receipt_time_is_shown_in_local_time():
    moment = datetime(2026, 11, 21, 2, 5, tzinfo=UTC)
    data = receipt_list_data([item(1, moment)], None, None)
    assert data["items"][0]["received_at"] == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    assert data["range_label"] == "全部"


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [(date(2026, 1, 1), None, "2026-01-01 起"), (None, date(2026, 6, 30), "截至 2026-06-30")],
)
def test_an_open_range_says_so(first, last, label):
    assert receipt_list_data([], first, last)["range_label"] == label


# --- the whole way: returns delivered to the reference receiver ---------------------------------


@pytest.fixture
def delivered(db, paths, admin, tmp_path):
    """Two signed rosters delivered to a real inbox on 127.0.0.1; the inbox's receipts."""
    create_identity(db, admin, paths, PASSPHRASE)
    create_member(db, admin, member_draft(name="阿依古丽·买买提", id_number=fake_id(sequence=31)))
    with InboxServer(tmp_path / "inbox", TOKEN) as inbox:
        draft = DestinationDraft("市总工会", DestinationKind.HTTP, inbox.url, secret=TOKEN)
        add_destination(db, admin, paths, draft)
        for minutes in (0, 1):
            request = ReturnRequest(ReturnType.ROSTER, Period(2026, 4))
            made = generate(db, admin, request, now=NOW + timedelta(minutes=minutes))
            saved = save(db, admin, made, tmp_path / "out", paths=paths, passphrase=PASSPHRASE)
            enqueue(db, admin, paths, saved)
        assert send_due(db, paths).delivered == 2
        return [inbox.receipt(package_id) for package_id in inbox.package_ids()]


def test_the_list_prints_the_receipts_the_receiver_gave(db, admin, delivered):
    pdf = receipt_list_pdf(db, admin, now=NOW)
    text = pdf_text(pdf)
    assert "测试机械厂工会委员会" in text
    assert "共 2 件" in text
    for receipt in delivered:
        assert receipt["receipt_id"] in text
        assert receipt["package_id"][:12] in text
    assert text.count("会员花名册") == 2
    assert "2026年第四季度" in text
    assert re.search(r"第\s*1\s*页\s*/\s*共\s*1\s*页", text)


def test_only_delivered_items_are_listed(db, admin, paths, delivered, tmp_path):
    request = ReturnRequest(ReturnType.ROSTER, Period(2026, 3))
    made = generate(db, admin, request, now=NOW + timedelta(minutes=5))
    saved = save(db, admin, made, tmp_path / "out", paths=paths, passphrase=PASSPHRASE)
    waiting = enqueue(db, admin, paths, saved)  # the inbox is stopped: it stays queued
    assert {i.state for i in list_items(db, admin)} == {OutboxState.DELIVERED, OutboxState.QUEUED}
    text = pdf_text(receipt_list_pdf(db, admin))
    assert "共 2 件" in text
    assert waiting.package_id[:12] not in text


def test_a_range_with_no_delivery_gives_a_clear_message(db, admin, delivered):
    with pytest.raises(ValidationFailed) as failed:
        receipt_list_pdf(db, admin, last=date(2000, 1, 1))
    assert "No package was delivered in this period" in failed.value.problems[0].render()


def test_a_viewer_may_not_print_the_list(db, delivered):
    with pytest.raises(PermissionDenied):
        receipt_list_pdf(db, Actor(9, "viewer", Role.VIEWER))
