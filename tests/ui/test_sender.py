"""The background sender against the reference receiver: delivers, retries, never blocks the GUI."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QNetworkInformation

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.outbox import DestinationKind, OutboxState, state_label
from unionDesk.domain.periods import quarter_of
from unionDesk.i18n import translate
from unionDesk.services.destinations import DestinationDraft, add_destination
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.services.outbox import OutboxItemView, enqueue, list_items
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.sync.inbox import InboxServer
from unionDesk.ui.common import AppContext
from unionDesk.ui.upload.outbox_model import Column
from unionDesk.ui.upload.page import OutboxPage
from unionDesk.ui.upload.sender import BackgroundSender

PASSPHRASE = "Qianming-2026!"
TOKEN = "shangbao-token-2026"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def inbox(tmp_path: Path, port: int) -> Callable[..., InboxServer]:
    """``inbox(delay=0.0)``: a reference receiver on the test's port, stopped at teardown."""
    started: list[InboxServer] = []

    def start(**options: Any) -> InboxServer:
        server = InboxServer(tmp_path / "inbox", TOKEN, port=port, **options).start()
        started.append(server)
        return server

    yield start  # type: ignore[misc]
    for server in started:
        server.stop()


@pytest.fixture
def queued(ctx: AppContext, port: int) -> OutboxItemView:
    """A signed roster queued for the HTTP destination on the test's port."""
    create_identity(ctx.db, OFFICE, ctx.paths, PASSPHRASE)
    draft = member_draft(name="李明", id_number=fake_id(101), card_number="GH101")
    create_member(ctx.db, OFFICE, draft)
    request = ReturnRequest(ReturnType.ROSTER, quarter_of(date(2026, 6, 1)))
    made = generate(ctx.db, OFFICE, request, now=datetime(2026, 7, 1, 9, 0))
    saved = save(
        ctx.db, OFFICE, made, ctx.paths.root / "saved", paths=ctx.paths, passphrase=PASSPHRASE
    )
    destination = DestinationDraft(
        name="市总工会", kind=DestinationKind.HTTP, url=f"http://127.0.0.1:{port}", secret=TOKEN
    )
    add_destination(ctx.db, OFFICE, ctx.paths, destination)
    return enqueue(ctx.db, OFFICE, ctx.paths, saved)


@pytest.fixture
def make_sender(ctx: AppContext) -> Iterator[Callable[..., BackgroundSender]]:
    """``make_sender(probe_seconds=30)``: a started sender, stopped at teardown."""
    made: list[BackgroundSender] = []

    def make(**options: Any) -> BackgroundSender:
        sender = BackgroundSender(ctx.db, ctx.paths, OFFICE, **options)
        made.append(sender)
        sender.start()
        return sender

    yield make
    for sender in made:
        assert sender.stop()


def state_of(ctx: AppContext, item: OutboxItemView) -> OutboxState:
    (current,) = [i for i in list_items(ctx.db, OFFICE) if i.id == item.id]
    return current.state


def test_the_sender_delivers_and_the_page_shows_the_receipt(
    qtbot: Any,
    ctx: AppContext,
    queued: OutboxItemView,
    inbox: Callable[..., InboxServer],
    make_sender: Callable[..., BackgroundSender],
) -> None:
    server = inbox()
    page = OutboxPage(ctx)
    qtbot.addWidget(page)
    page.show()
    sender = make_sender()
    sender.round_finished.connect(page.show_report)
    with qtbot.waitSignal(sender.round_finished, timeout=10_000) as signal:
        pass
    assert signal.args[0].delivered == 1
    receipt = server.receipt(queued.package_id)
    assert receipt is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.item(0).receipt_id != "")
    assert page.proxy.index(0, Column.STATE).data() == state_label(OutboxState.DELIVERED, translate)
    assert page.proxy.index(0, Column.RECEIPT).data() == receipt["receipt_id"]
    assert server.stored_count == 1


def test_a_stopped_receiver_leaves_the_item_to_retry_and_a_poke_sends_it_when_back(
    qtbot: Any,
    ctx: AppContext,
    queued: OutboxItemView,
    inbox: Callable[..., InboxServer],
    make_sender: Callable[..., BackgroundSender],
) -> None:
    sender = make_sender()
    with qtbot.waitSignal(sender.round_finished, timeout=10_000) as failed:
        pass
    assert failed.args[0].failed == 1
    assert state_of(ctx, queued) is OutboxState.FAILED
    server = inbox()
    with qtbot.waitSignal(
        sender.round_finished, timeout=10_000, check_params_cb=lambda r: r.delivered == 1
    ):
        sender.poke()  # e.g. the system said the network is back
    assert state_of(ctx, queued) is OutboxState.DELIVERED
    assert server.stored_count == 1


def test_the_connectivity_probe_sends_as_soon_as_the_receiver_answers(
    qtbot: Any,
    ctx: AppContext,
    queued: OutboxItemView,
    inbox: Callable[..., InboxServer],
    make_sender: Callable[..., BackgroundSender],
) -> None:
    sender = make_sender(probe_seconds=0.2)
    with qtbot.waitSignal(sender.round_finished, timeout=10_000):
        pass
    assert state_of(ctx, queued) is OutboxState.FAILED  # retried only after 15 s or more
    inbox()
    with qtbot.waitSignal(
        sender.round_finished, timeout=5000, check_params_cb=lambda r: r.delivered == 1
    ):
        pass  # nobody pokes: the probe noticed
    assert state_of(ctx, queued) is OutboxState.DELIVERED


def test_the_gui_keeps_running_while_the_receiver_is_slow(
    qtbot: Any,
    queued: OutboxItemView,
    inbox: Callable[..., InboxServer],
    make_sender: Callable[..., BackgroundSender],
) -> None:
    inbox(delay=1.0)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    sender = make_sender()
    with qtbot.waitSignal(sender.round_finished, timeout=10_000) as signal:
        pass
    timer.stop()
    assert signal.args[0].delivered == 1
    assert len(ticks) >= 20  # the event loop turned all through the second-long answer


def test_a_network_coming_back_online_pokes_the_sender(
    qtbot: Any,
    ctx: AppContext,
    queued: OutboxItemView,
    inbox: Callable[..., InboxServer],
    make_sender: Callable[..., BackgroundSender],
) -> None:
    sender = make_sender()
    with qtbot.waitSignal(sender.round_finished, timeout=10_000):
        pass
    network = QNetworkInformation.instance()
    if network is None:
        pytest.skip("no network information backend on this system")
    inbox()
    with qtbot.waitSignal(
        sender.round_finished, timeout=10_000, check_params_cb=lambda r: r.delivered == 1
    ):
        network.reachabilityChanged.emit(QNetworkInformation.Reachability.Online)
    assert state_of(ctx, queued) is OutboxState.DELIVERED


def test_stop_ends_the_thread_promptly_when_idle(
    qtbot: Any, make_sender: Callable[..., BackgroundSender]
) -> None:
    sender = make_sender()
    with qtbot.waitSignal(sender.round_finished, timeout=10_000) as signal:
        pass
    assert (signal.args[0].delivered, signal.args[0].failed) == (0, 0)  # nothing queued
    assert sender.running
    assert sender.stop(timeout=1.0)
    assert not sender.running
