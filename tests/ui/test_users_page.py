"""The administrator's users page: add, refuse a weak password, protect the last admin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpers import OFFICE
from unionDesk.domain.access import Role
from unionDesk.services.users import list_users
from unionDesk.ui.common import AppContext
from unionDesk.ui.users_page import (
    ResetPasswordDialog,
    UserColumn,
    UserDialog,
    UsersPage,
    role_label,
)


@pytest.fixture
def page(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], wait_idle: Any
) -> UsersPage:
    widget = UsersPage(as_user("zhangli", Role.ADMIN))
    qtbot.addWidget(widget)
    widget.show()
    wait_idle()
    return widget


def open_dialog(qtbot: Any, page: UsersPage, button: Any) -> Any:
    with qtbot.waitSignal(page.dialog_opened) as opened:
        button.click()
    return opened.args[0]


def fill_new_user(dialog: UserDialog, password: str) -> None:
    dialog.username_edit.setText("wangfang")
    dialog.display_edit.setText("王芳")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.VIEWER.value))
    dialog.password_edit.setText(password)
    dialog.repeat_edit.setText(password)


def table_column(page: UsersPage, column: UserColumn) -> list[str]:
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def test_users_page_lists_accounts_with_role_labels(page: UsersPage) -> None:
    assert table_column(page, UserColumn.USERNAME) == ["zhangli"]
    assert table_column(page, UserColumn.ROLE) == [role_label(Role.ADMIN)]


def test_add_user_creates_the_account(
    qtbot: Any, ctx: AppContext, page: UsersPage, wait_idle: Any
) -> None:
    dialog = open_dialog(qtbot, page, page.add_button)
    fill_new_user(dialog, "Gongzuo-2026")

    with qtbot.waitSignal(page.users_shown):
        dialog.buttons.accepted.emit()

    assert table_column(page, UserColumn.USERNAME) == ["wangfang", "zhangli"]
    added = next(u for u in list_users(ctx.db, OFFICE) if u.username == "wangfang")
    assert (added.role, added.must_change_password) == (Role.VIEWER, True)
    wait_idle()  # the closed dialog is deleted once the worker has nothing left for it


def test_a_weak_password_is_refused_inline_keeping_the_values(
    qtbot: Any, ctx: AppContext, page: UsersPage, wait_idle: Any
) -> None:
    dialog = open_dialog(qtbot, page, page.add_button)
    fill_new_user(dialog, "short")

    dialog.buttons.accepted.emit()
    wait_idle()

    assert dialog.isVisible()
    assert "8" in dialog.message.text() and dialog.message.isVisible()
    assert dialog.username_edit.text() == "wangfang"
    assert [u.username for u in list_users(ctx.db, OFFICE)] == ["zhangli"]


def test_the_last_administrator_cannot_be_disabled(
    qtbot: Any, ctx: AppContext, page: UsersPage, wait_idle: Any
) -> None:
    page.select_user("zhangli")
    dialog = open_dialog(qtbot, page, page.edit_button)
    dialog.disabled_check.setChecked(True)

    dialog.buttons.accepted.emit()
    wait_idle()

    assert dialog.isVisible() and "zhangli" in dialog.message.text()
    assert dialog.disabled_check.isChecked()
    assert not list_users(ctx.db, OFFICE)[0].disabled


def test_reset_password_requires_a_change_at_next_login(
    qtbot: Any,
    ctx: AppContext,
    page: UsersPage,
    as_user: Callable[..., AppContext],
    wait_idle: Any,
) -> None:
    as_user("wangfang", Role.VIEWER)
    with qtbot.waitSignal(page.users_shown):
        page.refresh()
    page.select_user("wangfang")
    dialog = open_dialog(qtbot, page, page.reset_button)
    assert isinstance(dialog, ResetPasswordDialog)
    dialog.password_edit.setText("Xinmima-2026")
    dialog.repeat_edit.setText("Xinmima-2026")

    with qtbot.waitSignal(page.users_shown):
        dialog.buttons.accepted.emit()

    user = next(u for u in list_users(ctx.db, OFFICE) if u.username == "wangfang")
    assert user.must_change_password
    wait_idle()
