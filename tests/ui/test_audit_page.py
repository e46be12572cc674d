"""The audit log page: filtering by user, and the chain check finding a tampered entry."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from helpers import OFFICE, member_draft
from unionDesk.domain.access import Role
from unionDesk.services.audit import verify_chain
from unionDesk.services.members import create_member, get_member
from unionDesk.ui.audit_page import AuditColumn, AuditPage
from unionDesk.ui.common import AppContext


@pytest.fixture
def admin(ctx: AppContext, as_user: Callable[..., AppContext]) -> AppContext:
    member_id = create_member(ctx.db, OFFICE, member_draft())  # an entry by "cli"
    admin = as_user("zhangli", Role.ADMIN)
    get_member(ctx.db, admin.actor, member_id, reveal=True)  # an entry by "zhangli"
    return admin


@pytest.fixture
def page(qtbot: Any, admin: AppContext, wait_idle: Any) -> AuditPage:
    widget = AuditPage(admin)
    qtbot.addWidget(widget)
    widget.show()
    wait_idle()
    return widget


def users_shown(page: AuditPage) -> set[str]:
    table = page.table
    return {table.item(row, AuditColumn.USER).text() for row in range(table.rowCount())}


def test_audit_page_lists_every_actor_by_default(page: AuditPage) -> None:
    assert users_shown(page) == {"cli", "zhangli"}


def test_filtering_by_user_shows_only_their_entries(qtbot: Any, page: AuditPage) -> None:
    combo = page.user_combo
    with qtbot.waitSignal(page.entries_shown):
        combo.setCurrentIndex(combo.findData("zhangli"))

    assert users_shown(page) == {"zhangli"}


def test_verify_reports_an_intact_chain(qtbot: Any, admin: AppContext, page: AuditPage) -> None:
    with qtbot.waitSignal(page.verified):
        page.verify_button.click()

    checked = verify_chain(admin.db).checked
    ok = page.tr("OK: all {count} entries are intact.").format(count=checked)
    assert page.verify_label.text() == ok


def test_verify_names_the_entry_edited_with_raw_sql(
    qtbot: Any, admin: AppContext, page: AuditPage
) -> None:
    with sqlite3.connect(admin.paths.database) as raw:
        first = raw.execute("SELECT min(id) FROM audit_entry").fetchone()[0]
        raw.execute("UPDATE audit_entry SET summary = 'forged' WHERE id = ?", (first,))

    with qtbot.waitSignal(page.verified):
        page.verify_button.click()

    text = page.verify_label.text()
    assert f" {first} " in text
    assert text == page.tr(
        "The audit log was tampered with: entry {entry} was edited after it was "
        "written ({count} entries checked)."
    ).format(entry=first, count=verify_chain(admin.db).checked)
