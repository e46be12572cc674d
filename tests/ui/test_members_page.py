"""The member register page, the member form, membership changes and the department editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from helpers import OFFICE, member_draft
from unionDesk.domain.enums import (
    ChangeKind,
    Education,
    MemberStatus,
    Sex,
    label,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.i18n import translate
from unionDesk.services.demo import fill_demo
from unionDesk.services.departments import add_department, list_departments
from unionDesk.services.members import (
    MemberQuery,
    create_member,
    get_member,
    query_member_ids,
)
from unionDesk.ui.common import AppContext
from unionDesk.ui.departments import DepartmentsDialog
from unionDesk.ui.members import page as page_module
from unionDesk.ui.members.change_dialog import MembershipChangeDialog
from unionDesk.ui.members.form import MemberFormDialog
from unionDesk.ui.members.page import MembersPage
from unionDesk.ui.members.table_model import Column

BIRTH = date(1990, 3, 7)
RARE_NAME = "王𠈌"  # 𠈌 is U+2020C, CJK Extension B


def resident_id(sequence: int, birth: date = BIRTH) -> str:
    return compose_resident_id("110105", birth, sequence)


def add_member(ctx: AppContext, name: str, sequence: int, card: str) -> int:
    draft = member_draft(
        name=name,
        id_number=resident_id(sequence),
        mobile="13800138000",
        education=Education.BACHELOR,
        trade="车工",
        job_title="",
        work_start_date=None,
        join_date=date(2015, 1, 1),
        card_number=card,
    )
    return create_member(ctx.db, OFFICE, draft)


@pytest.fixture
def known(ctx: AppContext) -> dict[str, int]:
    """Three members with known names, ID numbers and cards: name -> id."""
    return {
        "张伟": add_member(ctx, "张伟", 101, "GH0001"),
        "王芳": add_member(ctx, "王芳", 202, "GH0002"),
        "李娜": add_member(ctx, "李娜", 304, "GH0003"),
    }


@pytest.fixture
def demo(ctx: AppContext) -> None:
    fill_demo(ctx.db, 500)


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, wait_idle: Callable[[], None]) -> MembersPage:
    widget = MembersPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    wait_idle()
    return widget


def names(page: MembersPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def column(page: MembersPage, col: Column) -> list[str]:
    model = page.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def search(qtbot: Any, page: MembersPage, text: str) -> None:
    with qtbot.waitSignal(page.results_applied):
        page.search_edit.setText(text)


def select(page: MembersPage, name: str) -> None:
    page.table.selectRow(names(page).index(name))


def open_dialog(qtbot: Any, page: MembersPage, button: Any) -> Any:
    with qtbot.waitSignal(page.dialog_opened) as blocker:
        button.click()
    return blocker.args[0]


def save(qtbot: Any, dialog: QDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def choose_data(combo: Any, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


# --- searching and filtering ------------------------------------------------------------------


def test_search_by_chinese_name_lists_only_matching_members(
    qtbot: Any, ctx: AppContext, demo: None, page: MembersPage
) -> None:
    everyone = page.model.rowCount()

    search(qtbot, page, "张")

    assert 0 < page.model.rowCount() < everyone
    assert all("张" in name for name in names(page))


def test_typed_pinyin_initials_find_the_member(
    qtbot: Any, known: dict[str, int], page: MembersPage
) -> None:
    qtbot.keyClicks(page.search_edit, "zw")

    qtbot.waitUntil(lambda: names(page) == ["张伟"])


def test_typing_runs_one_query_after_the_pause(
    qtbot: Any, known: dict[str, int], page: MembersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[str] = []

    def counting_query(db: Any, actor: Any, query: MemberQuery) -> list[int]:
        queries.append(query.text)
        return query_member_ids(db, OFFICE, query)

    monkeypatch.setattr(page_module, "query_member_ids", counting_query)
    with qtbot.waitSignal(page.results_applied):
        qtbot.keyClicks(page.search_edit, "wangf")

    assert queries == ["wangf"]
    assert names(page) == ["王芳"]


def test_search_by_the_last_digits_of_the_id_number(
    qtbot: Any, known: dict[str, int], page: MembersPage
) -> None:
    search(qtbot, page, resident_id(202)[-4:])

    assert names(page) == ["王芳"]


def test_search_by_card_number(qtbot: Any, known: dict[str, int], page: MembersPage) -> None:
    search(qtbot, page, "GH0003")

    assert names(page) == ["李娜"]


def test_count_label_shows_the_number_of_members(known: dict[str, int], page: MembersPage) -> None:
    assert "3" in page.count_label.text()


def test_status_filter_shows_active_members_by_default(demo: None, page: MembersPage) -> None:
    assert page.model.rowCount() > 0
    assert set(column(page, Column.STATUS)) == {label(MemberStatus.ACTIVE, translate)}


def test_status_filter_all_shows_members_who_left_too(
    qtbot: Any, demo: None, page: MembersPage
) -> None:
    active = page.model.rowCount()
    with qtbot.waitSignal(page.results_applied):
        page.status_combo.setCurrentIndex(0)

    assert page.model.rowCount() == 500 > active
    assert label(MemberStatus.ACTIVE, translate) in column(page, Column.STATUS)


def test_department_filter_includes_sub_departments(
    qtbot: Any, ctx: AppContext, demo: None, page: MembersPage
) -> None:
    workshop = next(n for n in list_departments(ctx.db, OFFICE) if n.name == "机加工车间")
    with qtbot.waitSignal(page.results_applied):
        choose_data(page.department_combo, workshop.id)

    departments = set(column(page, Column.DEPARTMENT))
    assert departments and all(d.startswith(workshop.name) for d in departments)
    assert len(departments) > 1  # the workshop's teams are included


def test_an_older_result_arriving_late_is_ignored(
    known: dict[str, int], page: MembersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    deliveries: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []
    monkeypatch.setattr(
        page._ctx.tasks, "run", lambda work, ok, _failed=None: deliveries.append((work, ok))
    )
    page.search_edit.setText("张")
    page.refresh()
    page.search_edit.setText("王")
    page.refresh()

    for work, ok in reversed(deliveries):  # the newer result arrives first
        ok(work())

    assert names(page) == ["王芳"]


def test_clicking_the_birth_date_header_sorts_by_birth_date(
    qtbot: Any, demo: None, page: MembersPage
) -> None:
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(Column.BIRTH_DATE) + 10, header.height() // 2)
    with qtbot.waitSignal(page.results_applied):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)

    dates = column(page, Column.BIRTH_DATE)
    assert dates == sorted(dates)
    assert page.current_query().sort.value == "birth_date"


def test_clicking_a_column_sql_cannot_sort_keeps_the_current_order(
    qtbot: Any, demo: None, page: MembersPage
) -> None:
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(Column.MOBILE) + 10, header.height() // 2)
    with qtbot.assertNotEmitted(page.results_applied, wait=400):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)

    assert header.sortIndicatorSection() == Column.NAME
    assert page.current_query().sort.value == "name"


# --- adding and editing -----------------------------------------------------------------------


def fill_new_member(form: MemberFormDialog, name: str, id_number: str) -> None:
    form.field_widget("name").setText(name)
    form.field_widget("id_number").setText(id_number)
    form.field_widget("card_number").setText("GH-RARE-1")
    form.field_widget("join_date").setDate(date(2020, 5, 1))


def test_a_valid_id_number_fills_in_sex_and_birth_date(qtbot: Any, page: MembersPage) -> None:
    form = open_dialog(qtbot, page, page.add_button)

    form.field_widget("id_number").setText(resident_id(124, date(1985, 12, 31)))

    assert form.field_widget("sex").currentData() == Sex.FEMALE.value
    assert form.field_widget("birth_date").value() == date(1985, 12, 31)


def test_add_member_with_a_rare_character_name(
    qtbot: Any, ctx: AppContext, page: MembersPage
) -> None:
    form = open_dialog(qtbot, page, page.add_button)
    fill_new_member(form, RARE_NAME, resident_id(123))

    with qtbot.waitSignal(page.results_applied):
        save(qtbot, form)

    saved = get_member(ctx.db, OFFICE, form.saved_member_id).draft
    assert (saved.name, saved.sex, saved.birth_date) == (RARE_NAME, Sex.MALE, BIRTH)
    assert names(page) == [RARE_NAME]


def test_a_wrong_check_digit_is_refused_beside_the_id_field_keeping_the_values(
    qtbot: Any, ctx: AppContext, page: MembersPage, wait_idle: Callable[[], None]
) -> None:
    form = open_dialog(qtbot, page, page.add_button)
    good = resident_id(123)
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    fill_new_member(form, RARE_NAME, wrong)

    form.buttons.button(form.buttons.StandardButton.Save).click()
    wait_idle()

    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert form.error_label("id_number").isVisible()
    assert f"({good[-1]} " in form.error_label("id_number").text()  # the expected digit
    assert form.summary_label.isVisible()
    assert form.error_label("name").isHidden()
    assert form.field_widget("name").text() == RARE_NAME
    assert form.field_widget("id_number").text() == wrong
    assert form.field_widget("card_number").text() == "GH-RARE-1"
    assert query_member_ids(ctx.db, OFFICE, MemberQuery()) == []


def test_edit_member_saves_the_changes(
    qtbot: Any, ctx: AppContext, known: dict[str, int], page: MembersPage
) -> None:
    select(page, "王芳")
    form = open_dialog(qtbot, page, page.edit_button)
    assert form.field_widget("name").text() == "王芳"
    form.field_widget("mobile").setText("13912345678")
    form.field_widget("trade").setText("钳工")

    with qtbot.waitSignal(page.results_applied):
        save(qtbot, form)

    saved = get_member(ctx.db, OFFICE, known["王芳"], reveal=True).draft
    assert (saved.mobile, saved.trade) == ("13912345678", "钳工")
    assert column(page, Column.MOBILE)[names(page).index("王芳")] == "139****5678"


def test_double_click_opens_the_member_form(
    qtbot: Any, known: dict[str, int], page: MembersPage
) -> None:
    row = names(page).index("李娜")
    cell = page.table.visualRect(page.model.index(row, Column.NAME)).center()
    with qtbot.waitSignal(page.dialog_opened) as blocker:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    form = blocker.args[0]
    assert isinstance(form, MemberFormDialog)
    assert form.field_widget("name").text() == "李娜"


def test_edit_form_shows_the_membership_history(
    qtbot: Any, known: dict[str, int], page: MembersPage
) -> None:
    select(page, "李娜")
    form = open_dialog(qtbot, page, page.edit_button)

    table = form.history_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "2015-01-01"
    assert table.item(0, 1).text() == label(ChangeKind.JOIN, translate)


# --- membership changes -----------------------------------------------------------------------


def test_recorded_withdrawal_hides_the_member_from_active_list(
    qtbot: Any, ctx: AppContext, known: dict[str, int], page: MembersPage
) -> None:
    select(page, "张伟")
    dialog = open_dialog(qtbot, page, page.change_button)
    assert isinstance(dialog, MembershipChangeDialog)
    choose_data(dialog.field_widget("kind"), ChangeKind.WITHDRAW.value)
    dialog.field_widget("reason").setPlainText("本人申请退会")

    with qtbot.waitSignal(page.results_applied):
        save(qtbot, dialog)

    assert dialog.new_status is MemberStatus.WITHDRAWN
    assert "张伟" not in names(page)
    with qtbot.waitSignal(page.results_applied):
        choose_data(page.status_combo, MemberStatus.WITHDRAWN.value)
    assert names(page) == ["张伟"]


def test_a_change_without_reason_is_refused_inline(
    qtbot: Any, known: dict[str, int], page: MembersPage, wait_idle: Callable[[], None]
) -> None:
    select(page, "张伟")
    dialog = open_dialog(qtbot, page, page.change_button)
    choose_data(dialog.field_widget("kind"), ChangeKind.WITHDRAW.value)

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_idle()

    assert dialog.isVisible()
    assert dialog.error_label("reason").isVisible()
    assert dialog.field_widget("kind").currentData() == ChangeKind.WITHDRAW.value
    assert "张伟" in names(page)


# --- deleting ---------------------------------------------------------------------------------


def test_delete_after_confirmation_removes_the_member(
    qtbot: Any, ctx: AppContext, known: dict[str, int], page: MembersPage, dialogs: Any
) -> None:
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialogs.texts = [("调离本单位", True)]
    select(page, "李娜")

    with qtbot.waitSignal(page.results_applied):
        page.delete_button.click()

    assert [call[0] for call in dialogs.calls] == ["question", "getText"]
    assert "李娜" in dialogs.calls[0][2]
    assert sorted(names(page)) == sorted(["张伟", "王芳"])
    assert known["李娜"] not in query_member_ids(ctx.db, OFFICE, MemberQuery(status=None))


def test_declining_the_confirmation_keeps_the_member(
    known: dict[str, int], page: MembersPage, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    select(page, "李娜")

    page.delete_button.click()  # the patched question answers its default button, No
    wait_idle()

    assert [call[0] for call in dialogs.calls] == ["question"]
    assert "李娜" in names(page)


# --- departments ------------------------------------------------------------------------------


def test_departments_dialog_adds_a_workshop_and_a_team(
    qtbot: Any, ctx: AppContext, page: MembersPage, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    add_department(ctx.db, OFFICE, None, "示范公司")
    dialog = open_dialog(qtbot, page, page.departments_button)
    assert isinstance(dialog, DepartmentsDialog)
    wait_idle()

    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    for name in ("总装车间", "总装一班"):  # a new department is selected once added
        dialogs.texts = [(name, True)]
        with qtbot.waitSignal(dialog.loaded):
            dialog.add_sub_button.click()

    paths = [node.path for node in list_departments(ctx.db, OFFICE)]
    assert paths == ["示范公司", "示范公司/总装车间", "示范公司/总装车间/总装一班"]
    wait_idle()
    combo = page.department_combo
    assert [combo.itemText(i).strip() for i in range(combo.count())][1:] == [
        "示范公司",
        "总装车间",
        "总装一班",
    ]


def test_departments_dialog_adds_a_top_level_department(
    qtbot: Any, ctx: AppContext, page: MembersPage, dialogs: Any, wait_idle: Callable[[], None]
) -> None:
    dialog = open_dialog(qtbot, page, page.departments_button)
    wait_idle()
    dialogs.texts = [("示范公司", True)]

    with qtbot.waitSignal(dialog.loaded):
        dialog.add_top_button.click()

    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(0) == "示范公司"


def test_deleting_a_department_with_members_is_refused_with_a_message(
    qtbot: Any,
    ctx: AppContext,
    demo: None,
    page: MembersPage,
    dialogs: Any,
    wait_idle: Callable[[], None],
) -> None:
    dialogs.errors_expected = True
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog = open_dialog(qtbot, page, page.departments_button)
    wait_idle()
    team = dialog.tree.topLevelItem(0).child(0).child(0)
    team_name = team.text(0)
    dialog.tree.setCurrentItem(team)

    dialog.delete_button.click()
    wait_idle()

    assert len(dialogs.named("warning")) == 1
    assert team_name in dialogs.named("warning")[0][2]
    assert team_name in [node.name for node in list_departments(ctx.db, OFFICE)]
