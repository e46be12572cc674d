"""Delivery as a whole: the outbox, the HTTP transport and the reference receiver together.

Fault injection against a real receiver on 127.0.0.1: half the requests fail or lose their
response, yet every package ends delivered exactly once. A sender killed in the middle of an
upload resumes at the next start without a duplicate.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from helpers import fake_id, member_draft
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.outbox import DestinationKind, OutboxState
from unionDesk.domain.periods import Period
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.services.destinations import DestinationDraft, add_destination
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.services.outbox import enqueue, list_items, recover_interrupted, send_due
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.sync.inbox import InboxServer

PASSPHRASE = "Gonghui-Sign-2026"
TOKEN = "test-token-2026"
START = datetime(2026, 11, 21, 9, 0)


def stored(folder) -> list[str]:
    """Package folders the receiver holds (complete ones: their receipt is written last)."""
    return sorted(p.name for p in folder.iterdir() if (p / "receipt.json").exists())


@pytest.fixture
def union(tmp_path):
    """A union with a signing identity and one member."""
    paths = resolve_paths(tmp_path / "data")
    db = create_database(paths, "测试机械厂工会委员会", compose_uscc("91110105MA01ABCD1"))
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    create_member(db, CLI_ACTOR, member_draft(name="王𠈌", id_number=fake_id(sequence=17)))
    yield db, paths
    db.close()


def queue_returns(db, paths, folder, count: int) -> list[str]:
    """``count`` distinct signed rosters (one second apart), queued for the default destination."""
    packages = []
    for index in range(count):
        request = ReturnRequest(ReturnType.ROSTER, Period(2026, 4))
        made = generate(db, CLI_ACTOR, request, now=START + timedelta(seconds=index))
        saved = save(db, CLI_ACTOR, made, folder, paths=paths, passphrase=PASSPHRASE)
        packages.append(enqueue(db, CLI_ACTOR, paths, saved).package_id)
    return packages


def add_receiver(db, paths, server) -> int:
    draft = DestinationDraft("上级工会", DestinationKind.HTTP, server.url, secret=TOKEN)
    return add_destination(db, CLI_ACTOR, paths, draft)


def test_fifty_packages_through_a_flaky_receiver_arrive_exactly_once(union, tmp_path):
    db, paths = union
    inbox = tmp_path / "inbox"
    server = InboxServer(inbox, TOKEN, fail_rate=0.3, drop_response_rate=0.3, seed=7)
    server.start()
    try:
        add_receiver(db, paths, server)
        packages = queue_returns(db, paths, tmp_path / "made", 50)
        clock = START
        for _ in range(40):  # each round, every item that failed is due again two hours later
            send_due(db, paths, now=clock)
            clock += timedelta(hours=2)
            if all(i.state is OutboxState.DELIVERED for i in list_items(db, CLI_ACTOR)):
                break
    finally:
        server.stop()
    items = list_items(db, CLI_ACTOR)
    assert sorted(i.package_id for i in items) == sorted(packages)
    assert {i.state for i in items} == {OutboxState.DELIVERED}
    assert all(i.receipt_id for i in items)
    assert stored(inbox) == sorted(packages)  # none lost, none stored twice
    assert max(i.attempts for i in items) > 1  # the faults really happened


def test_a_sender_killed_mid_upload_resumes_without_a_duplicate(union, tmp_path):
    db, paths = union
    inbox = tmp_path / "inbox"
    server = InboxServer(inbox, TOKEN, delay=30.0)  # answers only after 30 s
    server.start()
    try:
        add_receiver(db, paths, server)
        (package,) = queue_returns(db, paths, tmp_path / "made", 1)
        command = [sys.executable, "-m", "unionDesk.cli", "--data-dir", str(paths.root)]
        env = {**os.environ, "UNIONDESK_LANG": "en"}
        sender = subprocess.Popen([*command, "outbox", "send"], env=env)
        deadline = time.monotonic() + 20
        while list_items(db, CLI_ACTOR)[0].state is not OutboxState.SENDING:
            assert time.monotonic() < deadline, "the sender never started sending"
            time.sleep(0.05)
        sender.send_signal(signal.SIGKILL)
        sender.wait(10)
        assert list_items(db, CLI_ACTOR)[0].state is OutboxState.SENDING  # cut off mid-send
        server.delay = 0.0
        assert recover_interrupted(db) == 1  # what the next start does
        assert list_items(db, CLI_ACTOR)[0].state is OutboxState.QUEUED
        report = send_due(db, paths)
    finally:
        server.stop()
    assert report.delivered == 1
    (item,) = list_items(db, CLI_ACTOR)
    assert item.state is OutboxState.DELIVERED and item.receipt_id
    assert stored(inbox) == [package]
