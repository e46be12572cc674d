"""The outbox service on a real database with real signed returns; transports are in-test fakes."""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta

import keyring
import pytest
from keyring.backends import fail

from helpers import fake_id
from unionDesk.domain.access import CLI_ACTOR, Actor, Role
from unionDesk.domain.messages import ValidationFailed
from unionDesk.domain.outbox import DestinationKind, OutboxState, backoff_seconds
from unionDesk.domain.periods import Period
from unionDesk.services import outbox
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.backups import create_backup
from unionDesk.services.destinations import DestinationDraft, add_destination
from unionDesk.services.errors import NotFound
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.sync.base import Receipt, Rejected, RetryLater

PASSPHRASE = "Gonghui-Sign-2026"
OFFICER = Actor(901, "clerk", Role.OFFICER)
VIEWER = Actor(903, "guest", Role.VIEWER)
NOW = datetime(2026, 11, 21, 10, 0)


class FakeTransport:
    """Answers each package as planned: a Receipt, or an exception to raise (default: receipt)."""

    def __init__(self):
        self.plan: dict[str, list[object]] = {}
        self.sent: list[str] = []
        self.destinations: list[int] = []

    def answer(self, package_id: str, *outcomes: object) -> None:
        self.plan.setdefault(package_id, []).extend(outcomes)

    def send(self, package):
        self.sent.append(package.package_id)
        assert package.manifest.read_bytes()  # the stored copy is readable
        planned = self.plan.get(package.package_id)
        outcome = planned.pop(0) if planned else None
        if isinstance(outcome, BaseException):
            raise outcome
        return Receipt(f"R-{package.package_id[:6]}", datetime.fromisoformat(RECEIVED))

    def probe(self):
        pass


RECEIVED = "2026-11-21T10:05:00+08:00"


@pytest.fixture(autouse=True)
def no_os_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def fake(monkeypatch) -> FakeTransport:
    transport = FakeTransport()

    def transport_for(db, paths, destination_id):
        transport.destinations.append(destination_id)
        return transport

    monkeypatch.setattr(outbox, "transport_for", transport_for)
    return transport


@pytest.fixture
def union(db, paths, make_draft, tmp_path):
    """Two members, a signing identity and an HTTP destination (the default)."""
    for sequence, name, card in ((123, "张伟", "GH-0001"), (125, "李强", "GH-0002")):
        create_member(
            db, CLI_ACTOR, make_draft(name=name, id_number=fake_id(sequence), card_number=card)
        )
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    destination = add_destination(
        db,
        CLI_ACTOR,
        paths,
        DestinationDraft("市总工会", DestinationKind.HTTP, "https://up.example.org", secret="t-1"),
    )
    return destination


@pytest.fixture
def signed(db, paths, union, tmp_path):
    """Make a saved return: signed unless told otherwise; ``minute`` makes it a new package."""

    def factory(minute: int = 0, *, sign: bool = True):
        generated = generate(
            db,
            CLI_ACTOR,
            ReturnRequest(ReturnType.ROSTER, Period(2026, 4)),
            now=NOW + timedelta(minutes=minute),
        )
        return save(
            db,
            CLI_ACTOR,
            generated,
            tmp_path / "returns",
            paths=paths,
            passphrase=PASSPHRASE if sign else None,
        )

    return factory


def add_stick(db, paths, tmp_path):
    (tmp_path / "stick").mkdir()
    draft = DestinationDraft("U盘", DestinationKind.FOLDER, str(tmp_path / "stick"))
    return add_destination(db, CLI_ACTOR, paths, draft)


def state_of(db, item_id):
    (view,) = [
        v for v in outbox.list_items(db, CLI_ACTOR, include_discarded=True) if v.id == item_id
    ]
    return view


def upload_audit(db):
    return [
        e for e in query_audit(db, CLI_ACTOR, AuditFilter(limit=100)) if e.action is Action.UPLOAD
    ]


# --- queuing ---------------------------------------------------------------------------------


def test_queuing_copies_the_three_files_under_fixed_names(db, paths, signed):
    saved = signed()

    item = outbox.enqueue(db, CLI_ACTOR, paths, saved)

    manifest = saved.manifest.read_bytes()
    assert item.package_id == hashlib.sha256(manifest).hexdigest()
    files = outbox.package_files(paths, item.package_id)
    assert files["manifest.json"].read_bytes() == manifest
    assert files["return.pdf"].read_bytes() == saved.pdf.read_bytes()
    assert files["data.json"].read_bytes() == saved.data.read_bytes()
    assert files["manifest.json"].parent == paths.outbox / item.package_id
    assert (item.state, item.attempts, item.return_type, item.period) == (
        OutboxState.QUEUED,
        0,
        "roster",
        "2026Q4",
    )
    assert item.destination_name == "市总工会"
    assert item.title == "会员花名册"


def test_queuing_the_same_return_again_adds_nothing(db, paths, signed):
    saved = signed()

    first = outbox.enqueue(db, CLI_ACTOR, paths, saved)
    again = outbox.enqueue(db, CLI_ACTOR, paths, saved)

    assert again.id == first.id
    assert [v.id for v in outbox.list_items(db, CLI_ACTOR)] == [first.id]
    assert len(upload_audit(db)) == 1


def test_the_same_package_may_go_to_two_destinations(db, paths, signed, tmp_path):
    (tmp_path / "stick").mkdir()
    stick = add_destination(
        db,
        CLI_ACTOR,
        paths,
        DestinationDraft("U盘", DestinationKind.FOLDER, str(tmp_path / "stick")),
    )
    saved = signed()

    first = outbox.enqueue(db, CLI_ACTOR, paths, saved)
    second = outbox.enqueue(db, CLI_ACTOR, paths, saved, stick)

    assert first.package_id == second.package_id
    assert {first.destination_name, second.destination_name} == {"市总工会", "U盘"}


def test_an_unsigned_return_is_refused(db, paths, signed):
    with pytest.raises(ValidationFailed, match="Only signed returns"):
        outbox.enqueue(db, CLI_ACTOR, paths, signed(sign=False))

    assert outbox.list_items(db, CLI_ACTOR) == []


def test_a_return_changed_after_saving_is_refused(db, paths, signed):
    saved = signed()
    saved.data.write_bytes(saved.data.read_bytes().replace("张伟".encode(), "王五".encode()))

    with pytest.raises(ValidationFailed, match="no longer match its manifest"):
        outbox.enqueue(db, CLI_ACTOR, paths, saved)


def test_without_a_destination_queuing_says_to_add_one(db, paths, make_draft, tmp_path):
    create_member(db, CLI_ACTOR, make_draft())
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    generated = generate(db, CLI_ACTOR, ReturnRequest(ReturnType.ROSTER, Period(2026, 4)))
    saved = save(db, CLI_ACTOR, generated, tmp_path, paths=paths, passphrase=PASSPHRASE)

    with pytest.raises(ValidationFailed, match="No upload destination"):
        outbox.enqueue(db, CLI_ACTOR, paths, saved)


def test_an_unknown_destination_is_not_found(db, paths, signed):
    with pytest.raises(NotFound):
        outbox.enqueue(db, CLI_ACTOR, paths, signed(), 999)


# --- sending ---------------------------------------------------------------------------------


def test_a_delivered_item_keeps_the_receipt_and_is_audited_as_sync(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())

    report = outbox.send_due(db, paths)

    assert report == outbox.SendReport(delivered=1, failed=0, quarantined=0)
    view = state_of(db, item.id)
    assert view.state is OutboxState.DELIVERED
    assert view.receipt_id == f"R-{item.package_id[:6]}"
    assert view.received_at == datetime.fromisoformat(RECEIVED).astimezone().replace(tzinfo=None)
    assert (view.attempts, view.next_attempt_at, view.last_error) == (1, None, "")
    latest = upload_audit(db)[0]
    assert (latest.actor, latest.record_id) == ("sync", str(item.id))
    assert latest.changes["state"] == ["sending", "delivered"]
    assert outbox.send_due(db, paths) == outbox.SendReport(0, 0, 0)
    assert fake.sent == [item.package_id]


def test_the_users_copy_may_be_deleted_once_queued(db, paths, signed, fake):
    saved = signed()
    item = outbox.enqueue(db, CLI_ACTOR, paths, saved)
    for path in (saved.pdf, saved.data, saved.manifest):
        path.unlink()

    outbox.send_due(db, paths)

    assert state_of(db, item.id).state is OutboxState.DELIVERED


def test_a_temporary_failure_backs_off_and_never_blocks_the_others(db, paths, signed, fake):
    items = [outbox.enqueue(db, CLI_ACTOR, paths, signed(minute)) for minute in range(3)]
    fake.answer(items[1].package_id, RetryLater("HTTP 503: 维护中"))
    now = datetime.now() + timedelta(seconds=1)

    report = outbox.send_due(db, paths, now=now, rng=random.Random(3))

    assert report == outbox.SendReport(delivered=2, failed=1, quarantined=0)
    failed = state_of(db, items[1].id)
    expected = now + timedelta(seconds=backoff_seconds(1, random.Random(3)))
    assert (failed.state, failed.attempts, failed.last_error) == (
        OutboxState.FAILED,
        1,
        "HTTP 503: 维护中",
    )
    assert failed.next_attempt_at == expected
    assert outbox.next_due_at(db) == expected
    assert [state_of(db, i.id).state for i in (items[0], items[2])] == [OutboxState.DELIVERED] * 2


def test_a_failed_item_waits_for_its_time_then_is_tried_again(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    fake.answer(item.package_id, RetryLater("timed out"), RetryLater("timed out"))
    now = datetime.now() + timedelta(seconds=1)

    outbox.send_due(db, paths, now=now)
    assert outbox.send_due(db, paths, now=now + timedelta(seconds=10)) == outbox.SendReport(0, 0, 0)
    outbox.send_due(db, paths, now=now + timedelta(seconds=31))
    second = state_of(db, item.id)
    assert second.attempts == 2
    assert 30 <= (second.next_attempt_at - (now + timedelta(seconds=31))).total_seconds() <= 60
    outbox.send_due(db, paths, now=now + timedelta(seconds=100))

    assert state_of(db, item.id).state is OutboxState.DELIVERED
    assert state_of(db, item.id).attempts == 3
    assert len(fake.sent) == 3


def test_a_refused_item_is_quarantined_with_the_destinations_message(db, paths, signed, fake):
    items = [outbox.enqueue(db, CLI_ACTOR, paths, signed(minute)) for minute in range(2)]
    fake.answer(items[0].package_id, Rejected("HTTP 422: return.pdf 的签名无效"))

    report = outbox.send_due(db, paths)

    assert report == outbox.SendReport(delivered=1, failed=0, quarantined=1)
    view = state_of(db, items[0].id)
    assert (view.state, view.last_error, view.next_attempt_at) == (
        OutboxState.QUARANTINED,
        "HTTP 422: return.pdf 的签名无效",
        None,
    )
    quarantined = [e for e in upload_audit(db) if e.changes["state"][1] == "quarantined"]
    assert [(e.actor, e.record_id) for e in quarantined] == [("sync", str(items[0].id))]
    assert quarantined[0].changes["last_error"] == ["", "HTTP 422: return.pdf 的签名无效"]
    outbox.send_due(db, paths, now=datetime.now() + timedelta(days=1))
    assert fake.sent.count(items[0].package_id) == 1


def test_an_unexpected_error_in_a_transport_is_a_failure_not_a_crash(db, paths, signed, fake):
    items = [outbox.enqueue(db, CLI_ACTOR, paths, signed(minute)) for minute in range(2)]
    fake.answer(items[0].package_id, ValueError("bug in a transport"))

    report = outbox.send_due(db, paths)

    assert report == outbox.SendReport(delivered=1, failed=1, quarantined=0)
    assert "bug in a transport" in state_of(db, items[0].id).last_error


def test_a_tampered_outbox_copy_is_quarantined_without_sending(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    outbox.package_files(paths, item.package_id)["return.pdf"].write_bytes(b"%PDF-1.7 forged")

    outbox.send_due(db, paths)

    view = state_of(db, item.id)
    assert view.state is OutboxState.QUARANTINED
    assert (
        view.last_error
        == "The package's files in the outbox folder were changed after it was queued."
    )
    assert fake.sent == []


def test_a_crash_mid_send_leaves_sending_which_recovery_requeues(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    fake.answer(item.package_id, KeyboardInterrupt())  # the process dies in the middle

    with pytest.raises(KeyboardInterrupt):
        outbox.send_due(db, paths)

    assert state_of(db, item.id).state is OutboxState.SENDING
    assert outbox.send_due(db, paths) == outbox.SendReport(0, 0, 0)  # nobody else takes it
    assert outbox.recover_interrupted(db) == 1
    assert state_of(db, item.id).state is OutboxState.QUEUED
    assert outbox.send_due(db, paths).delivered == 1
    assert fake.sent == [item.package_id, item.package_id]


def test_the_limit_caps_a_round(db, paths, signed, fake):
    for minute in range(3):
        outbox.enqueue(db, CLI_ACTOR, paths, signed(minute))

    assert outbox.send_due(db, paths, limit=2).delivered == 2
    assert outbox.send_due(db, paths, limit=2).delivered == 1


def test_items_are_sent_to_their_own_destination(db, paths, signed, fake, tmp_path):
    (tmp_path / "stick").mkdir()
    stick = add_destination(
        db,
        CLI_ACTOR,
        paths,
        DestinationDraft("U盘", DestinationKind.FOLDER, str(tmp_path / "stick")),
    )
    outbox.enqueue(db, CLI_ACTOR, paths, signed(), stick)

    outbox.send_due(db, paths)

    assert fake.destinations == [stick]


# --- the user's actions ----------------------------------------------------------------------


def test_send_now_makes_failed_items_due_at_once(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    fake.answer(item.package_id, RetryLater("offline"))
    outbox.send_due(db, paths)
    assert outbox.send_due(db, paths).delivered == 0

    assert outbox.send_now(db, OFFICER) == 1
    assert outbox.next_due_at(db) <= datetime.now()
    assert outbox.send_due(db, paths).delivered == 1


def test_retry_puts_a_quarantined_item_back_in_the_queue(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    fake.answer(item.package_id, Rejected("HTTP 401: 令牌无效"))
    outbox.send_due(db, paths)

    outbox.retry(db, OFFICER, item.id)

    view = state_of(db, item.id)
    assert (view.state, view.attempts, view.last_error) == (OutboxState.QUEUED, 0, "")
    assert upload_audit(db)[0].changes["last_error"] == ["HTTP 401: 令牌无效", ""]
    assert outbox.send_due(db, paths).delivered == 1


def test_retry_of_a_delivered_item_is_refused(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    outbox.send_due(db, paths)

    with pytest.raises(ValidationFailed, match="Only failed or quarantined"):
        outbox.retry(db, CLI_ACTOR, item.id)


def test_discarding_needs_a_reason_is_audited_and_keeps_the_files(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    with pytest.raises(ValidationFailed):
        outbox.discard(db, CLI_ACTOR, item.id, "  ")

    outbox.discard(db, OFFICER, item.id, "上级工会已通过纸质方式收到")

    assert outbox.list_items(db, CLI_ACTOR) == []
    assert state_of(db, item.id).state is OutboxState.DISCARDED
    entry = upload_audit(db)[0]
    assert entry.actor == "clerk"
    assert entry.changes["reason"] == ["", "上级工会已通过纸质方式收到"]
    assert all(p.exists() for p in outbox.package_files(paths, item.package_id).values())
    assert outbox.send_due(db, paths).delivered == 0
    assert outbox.next_due_at(db) is None


def test_a_delivered_item_cannot_be_discarded(db, paths, signed, fake):
    item = outbox.enqueue(db, CLI_ACTOR, paths, signed())
    outbox.send_due(db, paths)

    with pytest.raises(ValidationFailed, match="cannot be discarded"):
        outbox.discard(db, CLI_ACTOR, item.id, "不需要了")


def test_queuing_a_discarded_return_again_revives_it(db, paths, signed):
    saved = signed()
    item = outbox.enqueue(db, CLI_ACTOR, paths, saved)
    outbox.discard(db, CLI_ACTOR, item.id, "误操作")

    again = outbox.enqueue(db, CLI_ACTOR, paths, saved)

    assert (again.id, again.state) == (item.id, OutboxState.QUEUED)


def test_an_unknown_item_is_not_found(db):
    with pytest.raises(NotFound):
        outbox.retry(db, CLI_ACTOR, 404)


def test_the_list_is_newest_first(db, paths, signed):
    ids = [outbox.enqueue(db, CLI_ACTOR, paths, signed(minute)).id for minute in range(3)]

    assert [v.id for v in outbox.list_items(db, CLI_ACTOR)] == ids[::-1]


def test_a_viewer_may_not_see_queue_or_send(db, paths, signed):
    saved = signed()
    item = outbox.enqueue(db, CLI_ACTOR, paths, saved)

    for action in (
        lambda: outbox.list_items(db, VIEWER),
        lambda: outbox.enqueue(db, VIEWER, paths, saved),
        lambda: outbox.send_now(db, VIEWER),
        lambda: outbox.retry(db, VIEWER, item.id),
        lambda: outbox.discard(db, VIEWER, item.id, "x"),
    ):
        with pytest.raises(PermissionDenied):
            action()


# --- reminders ---------------------------------------------------------------------------------


def test_reminders_count_waiting_items_and_their_age(db, paths, signed, fake):
    first = outbox.enqueue(db, CLI_ACTOR, paths, signed(0))
    outbox.enqueue(db, CLI_ACTOR, paths, signed(1))
    fake.answer(first.package_id, Rejected("HTTP 401"))
    outbox.send_due(db, paths, limit=1)

    soon = outbox.reminders(db, paths, now=first.created_at + timedelta(days=2, hours=23))
    late = outbox.reminders(db, paths, now=first.created_at + timedelta(days=3))

    assert (soon.waiting, soon.oldest_waiting_days, soon.outbox_overdue) == (2, 2, False)
    assert (late.oldest_waiting_days, late.outbox_limit_days, late.outbox_overdue) == (3, 3, True)


def test_delivered_items_need_no_reminder(db, paths, signed, fake):
    outbox.enqueue(db, CLI_ACTOR, paths, signed())
    outbox.send_due(db, paths)

    reminder = outbox.reminders(db, paths, now=datetime.now() + timedelta(days=30))

    assert (reminder.waiting, reminder.oldest_waiting_days, reminder.outbox_overdue) == (
        0,
        0,
        False,
    )


def test_the_backup_reminder_follows_the_newest_backup(db, paths):
    assert outbox.reminders(db, paths).last_backup_days is None
    assert outbox.reminders(db, paths).backup_overdue

    taken = create_backup(paths, CLI_ACTOR).taken_at

    fresh = outbox.reminders(db, paths, now=taken + timedelta(days=6, hours=23))
    stale = outbox.reminders(db, paths, now=taken + timedelta(days=7))
    assert (fresh.last_backup_days, fresh.backup_overdue) == (6, False)
    assert (stale.last_backup_days, stale.backup_limit_days, stale.backup_overdue) == (7, 7, True)


def test_reminder_days_are_saved_audited_and_checked(db):
    assert outbox.read_reminder_days(db) == (3, 7)

    outbox.save_reminder_days(db, CLI_ACTOR, 5, 14)

    assert outbox.read_reminder_days(db) == (5, 14)
    entry = query_audit(db, CLI_ACTOR, AuditFilter(limit=1))[0]
    assert entry.changes == {"reminder_backup_days": [7, 14], "reminder_outbox_days": [3, 5]}
    with pytest.raises(ValidationFailed) as raised:
        outbox.save_reminder_days(db, CLI_ACTOR, 0, 400)
    assert set(raised.value.by_field()) == {"outbox_days", "backup_days"}
    with pytest.raises(PermissionDenied):
        outbox.save_reminder_days(db, OFFICER, 4, 8)
    assert outbox.read_reminder_days(db) == (5, 14)
