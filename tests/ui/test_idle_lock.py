"""Idle lock and log-in lockout: the password is asked again, and open forms keep their input."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from unionDesk.domain.access import MAX_FAILED_LOGINS, Role
from unionDesk.i18n import translate
from unionDesk.services.database import get_union
from unionDesk.ui.common import AppContext
from unionDesk.ui.login import LoginDialog
from unionDesk.ui.main_window import MainWindow
from unionDesk.ui.members.form import MemberFormDialog

IDLE_MS = 200
LOCKED = (
    "This account is locked after too many wrong passwords. Try again "
    "after {time}, or ask an administrator."
)


@pytest.fixture
def window(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], wait_idle: Any
) -> Iterator[MainWindow]:
    main = MainWindow(ctx.paths)
    qtbot.addWidget(main)
    main.attach(as_user("zhangli", Role.ADMIN), get_union(ctx.db))
    main.show()
    wait_idle()
    main.start_idle_lock(interval_ms=IDLE_MS)
    yield main
    assert main.idle_lock is not None
    main.idle_lock.stop()
    wait_idle()


def open_form_with_input(qtbot: Any, window: MainWindow) -> MemberFormDialog:
    page = window.members_page
    assert page is not None
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.add_button.click()
    form: MemberFormDialog = opened.args[0]
    form.field_widget("name").setText("李娜")
    form.field_widget("trade").setText("车工")
    return form


def wait_for_lock(qtbot: Any, window: MainWindow) -> Any:
    """Wait until the lock is up; it may already be, since the 200 ms timer runs meanwhile.

    Waiting for the ``locked`` signal missed it when a busy machine let the timer fire first.
    """
    lock = window.idle_lock
    assert lock is not None
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    return lock.dialog


def test_the_lock_dialog_appears_after_inactivity(qtbot: Any, window: MainWindow) -> None:
    dialog = wait_for_lock(qtbot, window)

    assert dialog is not None and dialog.isVisible()
    assert not window.centralWidget().isVisible()  # the register is hidden behind the lock


def test_an_open_form_keeps_its_input_through_the_lock(
    qtbot: Any, window: MainWindow, user_password: str
) -> None:
    form = open_form_with_input(qtbot, window)
    dialog = wait_for_lock(qtbot, window)
    dialog.password_edit.setText(user_password)

    assert window.idle_lock is not None
    with qtbot.waitSignal(window.idle_lock.unlocked, timeout=5000):
        dialog.unlock_button.click()

    assert form.isVisible()
    assert form.field_widget("name").text() == "李娜"
    assert form.field_widget("trade").text() == "车工"
    assert window.centralWidget().isVisible()


def test_a_wrong_password_keeps_it_locked(qtbot: Any, window: MainWindow, wait_idle: Any) -> None:
    dialog = wait_for_lock(qtbot, window)
    dialog.password_edit.setText("not-the-password")

    dialog.unlock_button.click()
    wait_idle()

    assert window.idle_lock is not None and window.idle_lock.is_locked
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.password_edit.text() == ""


def test_escape_does_not_unlock(qtbot: Any, window: MainWindow) -> None:
    dialog = wait_for_lock(qtbot, window)

    dialog.reject()
    dialog.close()

    assert dialog.isVisible()


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(
    qtbot: Any,
    ctx: AppContext,
    as_user: Callable[..., AppContext],
    user_password: str,
    wait_idle: Any,
) -> None:
    as_user("wangfang", Role.OFFICER)
    dialog = LoginDialog(ctx.db, ctx.tasks, "测试公司工会", username="wangfang")
    qtbot.addWidget(dialog)
    dialog.show()
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for _attempt in range(MAX_FAILED_LOGINS):
        qtbot.keyClicks(dialog.password_edit, "wrong-password")
        qtbot.mouseClick(ok_button, Qt.MouseButton.LeftButton)
        wait_idle()

    qtbot.keyClicks(dialog.password_edit, user_password)
    qtbot.mouseClick(ok_button, Qt.MouseButton.LeftButton)
    wait_idle()

    assert dialog.login is None and dialog.isVisible()
    assert dialog.message.text().startswith(translate("Validation", LOCKED).split("{time}")[0])
