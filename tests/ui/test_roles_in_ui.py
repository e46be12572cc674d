"""The ui offers only what the user's role allows: viewer, reviewer, officer, administrator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from helpers import OFFICE, member_draft
from unionDesk.domain.access import Role
from unionDesk.services.database import get_union
from unionDesk.services.members import create_member
from unionDesk.ui.common import AppContext
from unionDesk.ui.main_window import MainWindow, ReviewerPage, SettingsPage
from unionDesk.ui.members.form import MemberFormDialog
from unionDesk.ui.members.page import MembersPage


def open_page(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> MembersPage:
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    page.table.selectRow(0)
    return page


def attached_window(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> MainWindow:
    window = MainWindow(ctx.paths)
    qtbot.addWidget(window)
    window.attach(ctx, get_union(ctx.db))
    wait_idle()
    return window


@pytest.fixture
def viewer(ctx: AppContext, as_user: Callable[..., AppContext]) -> AppContext:
    create_member(ctx.db, OFFICE, member_draft())
    return as_user("chakan", Role.VIEWER)


def test_viewer_sees_the_editing_buttons_disabled(
    qtbot: Any, viewer: AppContext, wait_idle: Callable[[], None]
) -> None:
    page = open_page(qtbot, viewer, wait_idle)

    disabled = (page.add_button, page.change_button, page.delete_button, page.departments_button)
    assert [b.isEnabled() for b in disabled] == [False] * 4
    assert page.edit_button.isEnabled()


def test_viewer_opens_the_member_form_read_only(
    qtbot: Any, viewer: AppContext, wait_idle: Callable[[], None]
) -> None:
    page = open_page(qtbot, viewer, wait_idle)
    with qtbot.waitSignal(page.dialog_opened) as opened:
        page.edit_button.click()
    form: MemberFormDialog = opened.args[0]
    wait_idle()

    assert form.field_widget("name").text() == "张伟"
    assert not any(form.field_widget(n).isEnabled() for n in ("name", "mobile", "trade"))
    assert not form.buttons.button(QDialogButtonBox.StandardButton.Save).isVisible()


def test_reviewer_sees_no_member_register(
    qtbot: Any,
    ctx: AppContext,
    as_user: Callable[..., AppContext],
    wait_idle: Callable[[], None],
) -> None:
    window = attached_window(qtbot, as_user("pingwei", Role.REVIEWER), wait_idle)

    assert window.members_page is None
    assert isinstance(window.pages.widget(0), ReviewerPage)


def test_administrator_gets_users_and_audit_log_pages(
    qtbot: Any,
    ctx: AppContext,
    as_user: Callable[..., AppContext],
    wait_idle: Callable[[], None],
) -> None:
    window = attached_window(qtbot, as_user("zhangli", Role.ADMIN), wait_idle)

    titles = window.nav_titles()
    assert titles[-3:] == [window.tr("Users"), window.tr("Audit log"), window.tr("Settings")]
    assert window.nav.count() == window.pages.count()
    assert window.show_page(window.tr("Audit log")) is window.audit_page


def test_officer_gets_no_users_or_audit_log_pages(
    qtbot: Any,
    ctx: AppContext,
    as_user: Callable[..., AppContext],
    wait_idle: Callable[[], None],
) -> None:
    window = attached_window(qtbot, as_user("luru", Role.OFFICER), wait_idle)

    assert window.tr("Users") not in window.nav_titles()
    assert window.users_page is None and window.audit_page is None


def test_attaching_again_keeps_one_users_and_one_audit_entry(
    qtbot: Any,
    ctx: AppContext,
    as_user: Callable[..., AppContext],
    wait_idle: Callable[[], None],
) -> None:
    admin = as_user("zhangli", Role.ADMIN)
    window = attached_window(qtbot, admin, wait_idle)

    window.attach(admin, get_union(ctx.db))  # as after restoring a backup
    wait_idle()

    assert window.nav_titles().count(window.tr("Users")) == 1
    assert window.nav.count() == window.pages.count()


def test_settings_offer_backups_to_administrators_only(
    qtbot: Any,
    ctx: AppContext,
    as_user: Callable[..., AppContext],
    wait_idle: Callable[[], None],
) -> None:
    admin_window = attached_window(qtbot, as_user("zhangli", Role.ADMIN), wait_idle)
    officer_window = attached_window(qtbot, as_user("luru", Role.OFFICER), wait_idle)

    admin_settings = admin_window.show_page(admin_window.tr("Settings"))
    officer_settings = officer_window.show_page(officer_window.tr("Settings"))
    assert isinstance(admin_settings, SettingsPage) and admin_settings.backup_panel is not None
    assert isinstance(officer_settings, SettingsPage) and officer_settings.backup_panel is None
