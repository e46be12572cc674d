"""The upload destinations dialog and the reminder days in the administrator's settings."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from helpers import OFFICE
from unionDesk.domain.access import Role
from unionDesk.domain.outbox import DestinationKind, kind_label
from unionDesk.i18n import translate
from unionDesk.services.destinations import DestinationDraft, add_destination, list_destinations
from unionDesk.services.outbox import read_reminder_days
from unionDesk.sync.inbox import InboxServer
from unionDesk.ui.common import AppContext
from unionDesk.ui.settings_panel import AdminSettingsPanel
from unionDesk.ui.upload.destination_form import DestinationForm
from unionDesk.ui.upload.destinations import DestinationColumn, DestinationsDialog

TOKEN = "s3cret-token-0042"


@pytest.fixture
def dialog(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> DestinationsDialog:
    widget = DestinationsDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    wait_idle()
    return widget


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def add(ctx: AppContext, name: str, kind: DestinationKind, url: str, **extra: Any) -> int:
    return add_destination(ctx.db, OFFICE, ctx.paths, DestinationDraft(name, kind, url, **extra))


def column(dialog: DestinationsDialog, col: DestinationColumn) -> list[str]:
    items = [dialog.table.item(row, col) for row in range(dialog.table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def open_form(qtbot: Any, dialog: DestinationsDialog, button: Any) -> DestinationForm:
    with qtbot.waitSignal(dialog.form_opened) as opened:
        button.click()
    form = opened.args[0]
    assert isinstance(form, DestinationForm)
    return form


def save(qtbot: Any, dialog: DestinationsDialog, form: DestinationForm) -> None:
    with qtbot.waitSignal(dialog.destinations_shown):
        form.buttons.accepted.emit()


def fill_http(form: DestinationForm, name: str, url: str, token: str) -> None:
    form.name_edit.setText(name)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(DestinationKind.HTTP.value))
    form.http_url_edit.setText(url)
    form.token_edit.setText(token)


def test_an_added_http_destination_is_listed_with_its_token_saved_but_not_shown(
    qtbot: Any, ctx: AppContext, dialog: DestinationsDialog, wait_idle: Any
) -> None:
    form = open_form(qtbot, dialog, dialog.add_button)
    fill_http(form, "市总工会", "https://up.example.org/uniondesk", TOKEN)

    save(qtbot, dialog, form)

    assert column(dialog, DestinationColumn.NAME) == ["市总工会"]
    assert column(dialog, DestinationColumn.KIND) == [kind_label(DestinationKind.HTTP, translate)]
    assert column(dialog, DestinationColumn.CREDENTIALS) == [dialog.tr("Saved")]
    assert column(dialog, DestinationColumn.DEFAULT) == [dialog.tr("Default")]
    (stored,) = list_destinations(ctx.db, OFFICE)
    assert (stored.url, stored.has_secret) == ("https://up.example.org/uniondesk", True)
    edit = open_form(qtbot, dialog, dialog.edit_button)
    shown = [line.text() for line in edit.findChildren(QLineEdit)]
    assert TOKEN not in shown and edit.token_edit.text() == ""
    assert edit.token_edit.echoMode() == QLineEdit.EchoMode.Password
    assert edit.token_edit.placeholderText() == edit.tr("Saved; leave empty to keep it")
    edit.reject()
    wait_idle()


def test_editing_with_an_empty_token_field_keeps_the_stored_token(
    qtbot: Any, ctx: AppContext, tmp_path: Path, wait_idle: Any
) -> None:
    with InboxServer(tmp_path / "inbox", TOKEN) as server:
        add(ctx, "市总工会", DestinationKind.HTTP, server.url, secret=TOKEN)
        dialog = DestinationsDialog(ctx)
        qtbot.addWidget(dialog)
        wait_idle()
        dialog.select_destination("市总工会")
        form = open_form(qtbot, dialog, dialog.edit_button)
        form.name_edit.setText("市总工会（正式）")

        assert form.draft().secret is None
        save(qtbot, dialog, form)

        (stored,) = list_destinations(ctx.db, OFFICE)
        assert (stored.name, stored.has_secret) == ("市总工会（正式）", True)
        assert probe(qtbot, dialog, "市总工会（正式）") is True  # the server takes the old token


def test_an_ftp_address_is_refused_beside_the_field_keeping_the_values(
    qtbot: Any, ctx: AppContext, dialog: DestinationsDialog, wait_idle: Any
) -> None:
    form = open_form(qtbot, dialog, dialog.add_button)
    fill_http(form, "市总工会", "ftp://up.example.org/", TOKEN)

    form.buttons.accepted.emit()
    wait_idle()

    url_error = form.kind_pages[0].errors["url"]
    assert url_error.isVisibleTo(form) and url_error.text()
    assert form.result() == 0 and form.isVisible()
    assert (form.http_url_edit.text(), form.token_edit.text()) == ("ftp://up.example.org/", TOKEN)
    assert list_destinations(ctx.db, OFFICE) == []
    form.reject()
    wait_idle()


def test_a_folder_destination_is_chosen_with_the_folder_chooser(
    qtbot: Any,
    ctx: AppContext,
    dialog: DestinationsDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(stick))
    form = open_form(qtbot, dialog, dialog.add_button)
    form.name_edit.setText("U 盘")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(DestinationKind.FOLDER.value))
    form.folder_button.click()

    save(qtbot, dialog, form)

    (stored,) = list_destinations(ctx.db, OFFICE)
    assert (stored.kind, stored.url, stored.has_secret) == (
        DestinationKind.FOLDER,
        str(stick),
        False,
    )
    assert column(dialog, DestinationColumn.ADDRESS) == [str(stick)]


def probe(qtbot: Any, dialog: DestinationsDialog, name: str) -> bool:
    dialog.select_destination(name)
    with qtbot.waitSignal(dialog.probe_finished, timeout=15_000) as finished:
        dialog.test_button.click()
        assert dialog.status_label.text() == dialog.tr("Testing {name}…").format(name=name)
        assert not dialog.test_button.isEnabled()
    return bool(finished.args[0])


def test_testing_a_stopped_server_says_it_could_not_be_reached(
    qtbot: Any, ctx: AppContext, wait_idle: Any
) -> None:
    add(ctx, "停用的服务器", DestinationKind.HTTP, f"http://127.0.0.1:{free_port()}", secret=TOKEN)
    dialog = DestinationsDialog(ctx)
    qtbot.addWidget(dialog)
    wait_idle()

    assert probe(qtbot, dialog, "停用的服务器") is False

    text = dialog.status_label.text()
    assert text.startswith("停用的服务器: The destination cannot be reached now: ")
    assert "refused" in text.lower()  # the network's own reason: the connection was refused
    assert dialog.test_button.isEnabled()


def test_testing_an_existing_folder_says_the_connection_works(
    qtbot: Any, ctx: AppContext, tmp_path: Path, wait_idle: Any
) -> None:
    add(ctx, "共享文件夹", DestinationKind.FOLDER, str(tmp_path))
    dialog = DestinationsDialog(ctx)
    qtbot.addWidget(dialog)
    wait_idle()

    assert probe(qtbot, dialog, "共享文件夹") is True

    expected = "共享文件夹: The destination answered: uploading can start."
    assert dialog.status_label.text() == expected


def test_removing_asks_first_then_removes(
    qtbot: Any, ctx: AppContext, dialogs: Any, tmp_path: Path, wait_idle: Any
) -> None:
    add(ctx, "共享文件夹", DestinationKind.FOLDER, str(tmp_path))
    dialog = DestinationsDialog(ctx)
    qtbot.addWidget(dialog)
    wait_idle()
    dialog.select_destination("共享文件夹")
    dialogs.answer = QMessageBox.StandardButton.Yes

    with qtbot.waitSignal(dialog.destinations_shown):
        dialog.remove_button.click()

    assert len(dialogs.named("question")) == 1
    assert list_destinations(ctx.db, OFFICE) == [] and dialog.table.rowCount() == 0


def test_set_as_default_moves_the_default_marker(
    qtbot: Any, ctx: AppContext, tmp_path: Path, wait_idle: Any
) -> None:
    add(ctx, "甲", DestinationKind.FOLDER, str(tmp_path))
    add(ctx, "乙", DestinationKind.FOLDER, str(tmp_path))
    dialog = DestinationsDialog(ctx)
    qtbot.addWidget(dialog)
    wait_idle()
    dialog.select_destination("乙")

    with qtbot.waitSignal(dialog.destinations_shown):
        dialog.default_button.click()

    defaults = {d.name: d.is_default for d in list_destinations(ctx.db, OFFICE)}
    assert defaults == {"甲": False, "乙": True}
    names, marks = column(dialog, DestinationColumn.NAME), column(dialog, DestinationColumn.DEFAULT)
    assert dict(zip(names, marks, strict=True)) == {"甲": "", "乙": dialog.tr("Default")}


def test_a_user_who_may_not_edit_settings_sees_the_list_without_change_buttons(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], tmp_path: Path, wait_idle: Any
) -> None:
    add(ctx, "共享文件夹", DestinationKind.FOLDER, str(tmp_path))
    dialog = DestinationsDialog(as_user("lixia", Role.OFFICER))
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()

    assert column(dialog, DestinationColumn.NAME) == ["共享文件夹"]
    hidden = (dialog.add_button, dialog.edit_button, dialog.remove_button, dialog.default_button)
    assert not any(button.isVisible() for button in hidden)
    assert dialog.test_button.isVisible()


def test_reminder_days_are_saved_and_read_back(qtbot: Any, ctx: AppContext, wait_idle: Any) -> None:
    panel = AdminSettingsPanel(ctx)
    qtbot.addWidget(panel)
    wait_idle()
    assert (panel.outbox_days.value(), panel.backup_days.value()) == read_reminder_days(ctx.db)
    panel.outbox_days.setValue(5)
    panel.backup_days.setValue(14)

    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()

    assert read_reminder_days(ctx.db) == (5, 14)
    again = AdminSettingsPanel(ctx)
    qtbot.addWidget(again)
    wait_idle()
    assert (again.outbox_days.value(), again.backup_days.value()) == (5, 14)


def test_the_settings_panel_opens_the_destinations_dialog(
    qtbot: Any, ctx: AppContext, wait_idle: Any
) -> None:
    panel = AdminSettingsPanel(ctx)
    qtbot.addWidget(panel)
    wait_idle()

    with qtbot.waitSignal(panel.destinations_opened) as opened:
        panel.destinations_button.click()

    assert isinstance(opened.args[0], DestinationsDialog)
    opened.args[0].reject()
    wait_idle()
