"""The outbox page, the reminder banner and "Add to outbox" on the returns page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Role
from unionDesk.domain.outbox import DestinationKind, OutboxState, state_label
from unionDesk.domain.periods import quarter_of
from unionDesk.i18n import translate
from unionDesk.services import outbox as outbox_service
from unionDesk.services.database import get_union
from unionDesk.services.destinations import DestinationDraft, add_destination
from unionDesk.services.identity import create_identity
from unionDesk.services.members import create_member
from unionDesk.services.outbox import (
    OutboxItemView,
    Reminder,
    enqueue,
    list_items,
    send_due,
)
from unionDesk.services.returns import ReturnRequest, ReturnType, SavedReturn, generate, save
from unionDesk.sync.inbox import InboxServer
from unionDesk.ui.common import AppContext
from unionDesk.ui.main_window import MainWindow, ReminderBanner
from unionDesk.ui.returns.page import ReturnsPage
from unionDesk.ui.upload.outbox_model import STATE_COLOURS, Column, OutboxModel
from unionDesk.ui.upload.page import OutboxPage, ReceiptListDialog

PASSPHRASE = "Qianming-2026!"
TOKEN = "shangbao-token-2026"


@pytest.fixture
def make_signed(ctx: AppContext) -> Callable[[int], SavedReturn]:
    """``make_signed(n)``: a signed roster saved to disk, a different package for each ``n``."""
    create_identity(ctx.db, OFFICE, ctx.paths, PASSPHRASE)
    draft = member_draft(name="李明", id_number=fake_id(101), card_number="GH101")
    create_member(ctx.db, OFFICE, draft)

    def make(n: int) -> SavedReturn:
        request = ReturnRequest(ReturnType.ROSTER, quarter_of(date(2026, 6, 1)))
        made = generate(ctx.db, OFFICE, request, now=datetime(2026, 7, 1, 9, n))
        folder = ctx.paths.root / "saved"
        return save(ctx.db, OFFICE, made, folder, paths=ctx.paths, passphrase=PASSPHRASE)

    return make


def add_folder(ctx: AppContext, folder: Path, name: str = "U 盘") -> int:
    folder.mkdir(parents=True, exist_ok=True)  # the USB stick is plugged in
    draft = DestinationDraft(name=name, kind=DestinationKind.FOLDER, url=str(folder))
    return add_destination(ctx.db, OFFICE, ctx.paths, draft)


def add_http(ctx: AppContext, url: str, token: str, name: str = "市总工会") -> int:
    draft = DestinationDraft(name=name, kind=DestinationKind.HTTP, url=url, secret=token)
    return add_destination(ctx.db, OFFICE, ctx.paths, draft)


def make_page(qtbot: Any, ctx: AppContext) -> OutboxPage:
    page = OutboxPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.show()
    return page


def refreshed(qtbot: Any, page: OutboxPage) -> None:
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.refresh()


def cell(page: OutboxPage, row: int, column: Column) -> str:
    return str(page.proxy.index(row, column).data())


def view(state: OutboxState, n: int = 1, **changes: Any) -> OutboxItemView:
    """An item as the service lists it, for the model alone."""
    values: dict[str, Any] = {
        "id": n,
        "package_id": f"{n:064x}",
        "destination_id": 1,
        "destination_name": "市总工会",
        "title": "会员名册",
        "return_type": "roster",
        "period": "2026年第二季度",
        "state": state,
        "attempts": 2,
        "next_attempt_at": datetime(2026, 7, 1, 9, 30),
        "last_error": "",
        "receipt_id": "",
        "received_at": None,
        "created_at": datetime(2026, 7, 1, 9, 0),
    }
    values.update(changes)
    return OutboxItemView(**values)


# --- the model ------------------------------------------------------------------------------


def test_the_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = OutboxModel()
    model.set_rows([view(state, n) for n, state in enumerate(OutboxState, start=1)])
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_the_state_column_is_coloured_by_outcome() -> None:
    model = OutboxModel()
    states = [OutboxState.DELIVERED, OutboxState.QUARANTINED, OutboxState.FAILED]
    model.set_rows([view(state, n) for n, state in enumerate([*states, OutboxState.QUEUED])])
    colours = [
        model.index(row, Column.STATE).data(Qt.ItemDataRole.ForegroundRole) for row in range(4)
    ]
    assert [brush.color() for brush in colours[:3]] == [STATE_COLOURS[s] for s in states]
    assert colours[3] is None
    assert model.index(0, Column.STATE).data() == state_label(OutboxState.DELIVERED, translate)


def test_the_next_attempt_is_shown_only_for_waiting_items() -> None:
    model = OutboxModel()
    model.set_rows([view(OutboxState.FAILED, 1), view(OutboxState.QUARANTINED, 2)])
    assert model.index(0, Column.NEXT_ATTEMPT).data() == "2026-07-01 09:30"
    assert model.index(1, Column.NEXT_ATTEMPT).data() == ""


# --- the page -------------------------------------------------------------------------------


def test_a_queued_return_is_listed_with_its_destination_and_state(
    qtbot: Any, ctx: AppContext, make_signed: Callable[[int], SavedReturn], tmp_path: Path
) -> None:
    add_folder(ctx, tmp_path / "usb", name="U 盘（工会办公室）")
    enqueue(ctx.db, OFFICE, ctx.paths, make_signed(0))
    page = make_page(qtbot, ctx)
    assert page.model.rowCount() == 1
    assert cell(page, 0, Column.DESTINATION) == "U 盘（工会办公室）"
    assert cell(page, 0, Column.STATE) == state_label(OutboxState.QUEUED, translate)
    assert cell(page, 0, Column.PERIOD)
    assert cell(page, 0, Column.RECEIPT) == ""


def test_send_now_asks_the_sender_and_a_round_shows_the_receipt(
    qtbot: Any, ctx: AppContext, make_signed: Callable[[int], SavedReturn], tmp_path: Path
) -> None:
    add_folder(ctx, tmp_path / "usb")
    item = enqueue(ctx.db, OFFICE, ctx.paths, make_signed(0))
    page = make_page(qtbot, ctx)
    with qtbot.waitSignal(page.send_requested, timeout=5000):
        page.send_button.click()
    report = send_due(ctx.db, ctx.paths)  # what the background sender does when poked
    assert report.delivered == 1
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.show_report(report)
    assert cell(page, 0, Column.STATE) == state_label(OutboxState.DELIVERED, translate)
    assert cell(page, 0, Column.RECEIPT) == f"folder:{item.package_id[:16]}"
    assert cell(page, 0, Column.RECEIVED)
    assert (tmp_path / "usb" / item.package_id / "manifest.json").is_file()
    assert "1" in page.status_label.text()


@pytest.fixture
def quarantined(
    qtbot: Any, ctx: AppContext, make_signed: Callable[[int], SavedReturn], tmp_path: Path
) -> OutboxPage:
    """A page listing one item the receiver refused (a wrong token)."""
    with InboxServer(tmp_path / "inbox", TOKEN) as server:
        add_http(ctx, server.url, "not-the-token")
        enqueue(ctx.db, OFFICE, ctx.paths, make_signed(0))
        assert send_due(ctx.db, ctx.paths).quarantined == 1
    page = make_page(qtbot, ctx)
    page.table.selectRow(0)
    return page


def test_the_reason_shows_the_destination_s_own_message(quarantined: OutboxPage) -> None:
    page = quarantined
    item = page.selected_item()
    assert item is not None and item.last_error
    assert page.reason_button.isEnabled()
    page.reason_button.click()
    assert page.reason_view.isVisible()
    assert item.last_error in page.reason_view.toPlainText()
    assert item.title in page.reason_view.toPlainText()


def test_retry_puts_a_quarantined_item_back_in_the_queue(
    qtbot: Any, quarantined: OutboxPage
) -> None:
    page = quarantined
    assert page.retry_button.isEnabled()
    with qtbot.waitSignal(page.send_requested, timeout=5000):
        page.retry_button.click()
    quarantined_label = state_label(OutboxState.QUARANTINED, translate)
    qtbot.waitUntil(lambda: cell(page, 0, Column.STATE) != quarantined_label)
    assert cell(page, 0, Column.STATE) == state_label(OutboxState.QUEUED, translate)
    assert page.selected_item() is not None  # the selection survived the refresh
    assert not page.retry_button.isEnabled()


def test_discard_asks_why_and_to_confirm_then_hides_the_item(
    qtbot: Any, ctx: AppContext, quarantined: OutboxPage, dialogs: Any
) -> None:
    page = quarantined
    dialogs.texts.append(("本季度名册已改为纸质报送", True))
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.discard_button.click()
    assert [call[0] for call in dialogs.calls] == ["getText", "question"]
    assert page.model.rowCount() == 0
    (item,) = list_items(ctx.db, OFFICE, include_discarded=True)
    assert item.state is OutboxState.DISCARDED
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        page.show_discarded.setChecked(True)
    assert cell(page, 0, Column.STATE) == state_label(OutboxState.DISCARDED, translate)


def test_discard_without_a_reason_changes_nothing(
    ctx: AppContext, quarantined: OutboxPage, dialogs: Any
) -> None:
    dialogs.texts.append(("   ", True))
    quarantined.discard_button.click()
    assert dialogs.named("question") == []
    assert ctx.tasks.idle
    (item,) = list_items(ctx.db, OFFICE)
    assert item.state is OutboxState.QUARANTINED


def test_open_folder_shows_the_package_s_stored_copy(
    quarantined: OutboxPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    quarantined.folder_button.click()
    item = quarantined.selected_item()
    assert item is not None
    assert opened == [QUrl.fromLocalFile(str(ctx.paths.outbox / item.package_id))]
    assert (ctx.paths.outbox / item.package_id / "return.pdf").is_file()


def test_buttons_follow_the_selected_item_s_state(
    qtbot: Any, ctx: AppContext, make_signed: Callable[[int], SavedReturn], tmp_path: Path
) -> None:
    add_folder(ctx, tmp_path / "usb")
    enqueue(ctx.db, OFFICE, ctx.paths, make_signed(0))
    send_due(ctx.db, ctx.paths)
    page = make_page(qtbot, ctx)
    assert not page.folder_button.isEnabled()  # nothing selected
    page.table.selectRow(0)
    assert page.folder_button.isEnabled()
    assert not page.retry_button.isEnabled()  # delivered: nothing to retry or discard
    assert not page.discard_button.isEnabled()


def test_receipts_are_previewed_and_printed(
    qtbot: Any, ctx: AppContext, make_signed: Callable[[int], SavedReturn], tmp_path: Path
) -> None:
    pytest.importorskip("unionDesk.services.receipt_list")
    add_folder(ctx, tmp_path / "usb")
    enqueue(ctx.db, OFFICE, ctx.paths, make_signed(0))
    send_due(ctx.db, ctx.paths)
    page = make_page(qtbot, ctx)
    with qtbot.waitSignal(page.dialog_opened, timeout=10_000) as signal:
        page.receipts_button.click()
    dialog = signal.args[0]
    assert isinstance(dialog, ReceiptListDialog)
    assert dialog.preview.page_count >= 1
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "receipts.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=10_000) as printed:
        dialog.print_to(printer)
    assert printed.args == [dialog.preview.page_count]
    assert (tmp_path / "receipts.pdf").stat().st_size > 0
    dialog.close()


def test_upload_destinations_opens_the_destinations_dialog(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    from unionDesk.ui.upload.destinations import DestinationsDialog

    page = make_page(qtbot, ctx)
    with qtbot.waitSignal(page.dialog_opened) as signal:
        page.destinations_button.click()
    assert isinstance(signal.args[0], DestinationsDialog)
    wait_idle()
    signal.args[0].close()


def test_the_page_refreshes_itself_while_on_screen(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    assert page._timer.isActive()
    page.hide()
    assert not page._timer.isActive()


def test_a_viewer_is_told_why_there_is_no_outbox(
    qtbot: Any, as_user: Callable[..., AppContext]
) -> None:
    page = OutboxPage(as_user("chakan", Role.VIEWER))
    qtbot.addWidget(page)
    page.show()
    assert not page.allowed
    assert not hasattr(page, "table")


# --- the reminder banner --------------------------------------------------------------------


def reminder(**changes: Any) -> Reminder:
    values: dict[str, Any] = {
        "waiting": 3,
        "oldest_waiting_days": 5,
        "last_backup_days": 9,
        "outbox_limit_days": 3,
        "backup_limit_days": 7,
    }
    values.update(changes)
    return Reminder(**values)


def test_the_banner_names_the_overdue_returns_and_the_old_backup(qtbot: Any) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show_reminder(reminder(), outbox=True, backup=True)
    assert not banner.isHidden()
    assert "3" in banner.outbox_label.text()
    assert "9" in banner.backup_label.text()
    with qtbot.waitSignal(banner.opened) as signal:
        banner.outbox_label.linkActivated.emit("outbox")
    assert signal.args == ["outbox"]


def test_the_banner_hides_when_nothing_is_overdue(qtbot: Any) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show_reminder(reminder(), outbox=True, backup=True)
    banner.show_reminder(
        reminder(oldest_waiting_days=1, last_backup_days=0), outbox=True, backup=True
    )
    assert banner.isHidden()


def test_a_user_who_cannot_act_on_a_reminder_is_not_shown_it(qtbot: Any) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show_reminder(reminder(), outbox=False, backup=False)
    assert banner.isHidden()


@pytest.fixture
def window(
    qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, wait_idle: Callable[[], None]
) -> MainWindow:
    """The main window attached, with a reminder that both limits are passed."""
    monkeypatch.setattr(outbox_service, "reminders", lambda _db, _paths, **_kw: reminder())
    main = MainWindow(ctx.paths)
    qtbot.addWidget(main)
    main.attach(ctx, get_union(ctx.db))
    main.show()
    qtbot.waitUntil(lambda: main.banner.isVisible(), timeout=5000)
    wait_idle()
    return main


def test_the_main_window_reminds_and_the_reminder_opens_the_outbox(window: MainWindow) -> None:
    assert "3" in window.banner.outbox_label.text()
    window.banner.outbox_label.linkActivated.emit("outbox")
    assert isinstance(window.outbox_page, OutboxPage)
    assert window.pages.currentWidget().findChild(OutboxPage) is window.outbox_page


def test_the_backup_reminder_opens_the_settings(window: MainWindow) -> None:
    window.banner.backup_label.linkActivated.emit("backup")
    assert window.nav.currentItem().text() == window.nav_titles()[-1]


def test_the_main_window_sends_in_the_background_until_closed(window: MainWindow) -> None:
    sender = window.upload_sender
    assert sender is not None and sender.running
    window.close()
    assert not sender.running
    assert window.upload_sender is None


def test_attaching_queues_again_what_a_crash_left_sending_before_sending(
    qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovered: list[object] = []
    monkeypatch.setattr(outbox_service, "recover_interrupted", lambda db: recovered.append(db))
    main = MainWindow(ctx.paths)
    qtbot.addWidget(main)
    main.attach(ctx, get_union(ctx.db))
    assert main.upload_sender is None  # not before the recovery ran
    qtbot.waitUntil(lambda: main.upload_sender is not None)
    assert recovered == [ctx.db]


def test_a_window_closed_before_the_recovery_ran_starts_no_sender(
    qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]
) -> None:
    main = MainWindow(ctx.paths)
    qtbot.addWidget(main)
    main.attach(ctx, get_union(ctx.db))
    main.close()
    wait_idle()
    assert main.upload_sender is None


def test_sending_stops_before_a_backup_is_restored(qtbot: Any, window: MainWindow) -> None:
    from unionDesk.ui.main_window import SettingsPage

    sender = window.upload_sender
    assert sender is not None
    settings = window.findChild(SettingsPage)
    assert settings is not None and settings.backup_panel is not None
    with qtbot.waitSignal(window.restore_requested) as signal:
        settings.backup_panel.restore_requested.emit(Path("backup.sqlite3"))
    assert signal.args == [Path("backup.sqlite3")]
    assert not sender.running
    assert window.upload_sender is None


# --- adding a signed return to the outbox from the returns page ---------------------------


@pytest.fixture
def signed_page(
    qtbot: Any,
    ctx: AppContext,
    make_signed: Callable[[int], SavedReturn],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> ReturnsPage:
    """The returns page right after a signed save."""
    from unionDesk.ui.returns import passphrase

    page = ReturnsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.form is not None
    with qtbot.waitSignal(page.generated, timeout=10_000):
        page.form.generate_button.click()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path / "out"))
    monkeypatch.setattr(passphrase, "ask_passphrase", lambda *_a: PASSPHRASE)
    assert not page.queue_button.isVisible()
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.sign_button.click()
    return page


def test_a_signed_return_can_be_added_to_the_outbox(
    qtbot: Any, ctx: AppContext, signed_page: ReturnsPage, tmp_path: Path
) -> None:
    add_folder(ctx, tmp_path / "usb", name="共享文件夹")
    assert signed_page.queue_button.isVisible()
    with qtbot.waitSignal(signed_page.queued, timeout=5000) as signal:
        signed_page.queue_button.click()
    assert signal.args[0].destination_name == "共享文件夹"
    assert "共享文件夹" in signed_page.saved_label.text()
    assert not signed_page.queue_button.isEnabled()
    (item,) = list_items(ctx.db, OFFICE)
    assert item.state is OutboxState.QUEUED


def test_without_a_destination_the_refusal_is_shown(
    qtbot: Any, ctx: AppContext, signed_page: ReturnsPage, dialogs: Any
) -> None:
    dialogs.errors_expected = True
    signed_page.queue_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.named("warning")), timeout=5000)
    assert dialogs.named("warning")[0][2]
    assert signed_page.queue_button.isEnabled()
    assert list_items(ctx.db, OFFICE) == []


def test_an_unsigned_save_offers_no_outbox(
    qtbot: Any,
    ctx: AppContext,
    make_signed: Callable[[int], SavedReturn],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    page = ReturnsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.form is not None
    with qtbot.waitSignal(page.generated, timeout=10_000):
        page.form.generate_button.click()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path / "out"))
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save_button.click()
    assert page.open_folder_button.isVisible()
    assert not page.queue_button.isVisible()
