"""The member form masks ID and mobile numbers, reveals them on request, and shows 修改记录."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.access import Role
from unionDesk.services.audit import Action, AuditFilter, query_audit
from unionDesk.services.members import create_member, get_member, update_member
from unionDesk.ui.audit_page import action_label
from unionDesk.ui.common import AppContext
from unionDesk.ui.members.form import MemberFormDialog

FULL_ID = fake_id()


def open_form(qtbot: Any, ctx: AppContext, member_id: int, wait: Callable[[], None]) -> Any:
    wait()
    detail = get_member(ctx.db, ctx.actor, member_id)
    form = MemberFormDialog(ctx, [], detail)
    qtbot.addWidget(form)
    form.show()
    wait()
    return form


def test_edit_form_shows_numbers_masked_and_read_only(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], wait_idle: Any
) -> None:
    member_id = create_member(ctx.db, OFFICE, member_draft())
    form = open_form(qtbot, as_user("luru", Role.OFFICER), member_id, wait_idle)

    assert form.field_widget("id_number").text() != FULL_ID
    assert "*" in form.field_widget("mobile").text()
    assert form.field_widget("id_number").isReadOnly()
    assert not form.reveal_button.isEnabled()  # an officer without the unmask permission


def test_show_full_numbers_reveals_them_and_is_audited(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], wait_idle: Any
) -> None:
    member_id = create_member(ctx.db, OFFICE, member_draft())
    officer = as_user("luru", Role.OFFICER, can_unmask=True)
    form = open_form(qtbot, officer, member_id, wait_idle)

    with qtbot.waitSignal(form.numbers_revealed):
        form.reveal_button.click()

    assert form.field_widget("id_number").text() == FULL_ID
    assert form.field_widget("mobile").text() == "13800001234"
    assert not form.field_widget("mobile").isReadOnly()
    unmasked = query_audit(ctx.db, OFFICE, AuditFilter(actor="luru"))
    assert [(e.action, e.record_id) for e in unmasked] == [(Action.UNMASK, str(member_id))]


def test_saving_with_masked_numbers_keeps_the_stored_numbers(
    qtbot: Any, ctx: AppContext, as_user: Callable[..., AppContext], wait_idle: Any
) -> None:
    member_id = create_member(ctx.db, OFFICE, member_draft())
    form = open_form(qtbot, as_user("luru", Role.OFFICER), member_id, wait_idle)
    form.field_widget("trade").setText("焊工")

    with qtbot.waitSignal(form.accepted):
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    saved = get_member(ctx.db, OFFICE, member_id, reveal=True).draft
    assert (saved.id_number, saved.mobile, saved.trade) == (FULL_ID, "13800001234", "焊工")


def test_change_history_lists_the_creation_and_the_update(
    qtbot: Any, ctx: AppContext, wait_idle: Any
) -> None:
    member_id = create_member(ctx.db, OFFICE, member_draft())
    update_member(ctx.db, OFFICE, member_id, dataclasses.replace(member_draft(), trade="电工"))
    detail = get_member(ctx.db, OFFICE, member_id)
    form = MemberFormDialog(ctx, [], detail)
    qtbot.addWidget(form)

    with qtbot.waitSignal(form.change_history_loaded):
        form.show()

    table = form.change_history
    actions = [table.item(row, 2).text() for row in range(table.rowCount())]
    assert actions == [action_label(Action.CREATE), action_label(Action.UPDATE)]
    assert table.item(1, 1).text() == "cli"
    assert "钳工 → 电工" in table.item(1, 3).text()
