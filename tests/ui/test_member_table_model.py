"""The register's table model: id list, lazy windows, bounded cache, SQL-side sorting."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt

from helpers import OFFICE
from unionDesk.domain.enums import label
from unionDesk.domain.member import MemberDraft
from unionDesk.i18n import translate
from unionDesk.services import members
from unionDesk.services.demo import fill_demo
from unionDesk.services.members import MemberQuery, SortColumn, query_member_ids
from unionDesk.ui.common import AppContext
from unionDesk.ui.members import table_model
from unionDesk.ui.members.table_model import ROW_ID_ROLE, WINDOW, Column, MemberTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def register(ctx: AppContext) -> list[int]:
    """500 demo members; their ids in register order."""
    fill_demo(ctx.db, 500)
    return query_member_ids(ctx.db, OFFICE, MemberQuery())


@pytest.fixture
def model(ctx: AppContext, register: list[int]) -> MemberTableModel:
    model = MemberTableModel(ctx.db, OFFICE)
    model.set_ids(register)
    return model


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """The id windows the model reads from the database, in order."""
    calls: list[list[int]] = []

    def recording_fetch(db: Any, actor: Any, ids: list[int]) -> list[members.MemberRow]:
        calls.append(list(ids))
        return members.fetch_rows(db, OFFICE, ids)

    monkeypatch.setattr(table_model, "fetch_rows", recording_fetch)
    return calls


def test_model_passes_qtmodeltester(qtmodeltester: Any, model: MemberTableModel) -> None:
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_row_count_is_the_number_of_ids(model: MemberTableModel, register: list[int]) -> None:
    assert model.rowCount() == len(register) == 500
    assert model.columnCount() == len(Column)


def test_row_id_role_gives_the_member_id_without_reading_rows(
    model: MemberTableModel, register: list[int], fetched: list[list[int]]
) -> None:
    assert model.data(model.index(321, Column.NAME), ROW_ID_ROLE) == register[321]
    assert fetched == []


def test_only_the_windows_touched_are_fetched(
    model: MemberTableModel, register: list[int], fetched: list[list[int]]
) -> None:
    model.data(model.index(0, Column.NAME), DISPLAY)
    model.data(model.index(450, Column.CARD_NUMBER), DISPLAY)
    model.data(model.index(10, Column.SEX), DISPLAY)  # same window as row 0: cached

    assert fetched == [register[:WINDOW], register[2 * WINDOW :]]
    assert model.cached_windows == [2, 0]


def test_the_cache_keeps_at_most_max_windows(
    model: MemberTableModel, fetched: list[list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_model, "MAX_WINDOWS", 2)
    for row in (0, WINDOW, 2 * WINDOW):
        model.data(model.index(row, Column.NAME), DISPLAY)
    assert model.cached_windows == [1, 2]

    model.data(model.index(0, Column.NAME), DISPLAY)  # evicted, so read again
    assert len(fetched) == 4


def test_cells_show_the_row_of_that_member(ctx: AppContext, model: MemberTableModel) -> None:
    row = 123
    expected = members.fetch_rows(ctx.db, OFFICE, [model.member_id(row)])[0]
    cells = [model.data(model.index(row, column), DISPLAY) for column in Column]

    assert cells[Column.NAME] == expected.name
    assert cells[Column.CARD_NUMBER] == expected.card_number
    assert cells[Column.BIRTH_DATE] == expected.birth_date.isoformat()
    assert cells[Column.STATUS] == label(expected.status, translate)


def test_id_and_mobile_numbers_are_masked(model: MemberTableModel) -> None:
    id_cell = model.data(model.index(0, Column.ID_NUMBER), DISPLAY)
    assert len(id_cell) == 18
    assert id_cell[6:14] == "********"


def test_headers_name_the_columns(model: MemberTableModel) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in Column]
    assert headers[Column.NAME] == translate("MemberTableModel", "Name")
    assert headers[Column.ID_NUMBER] == translate("MemberTableModel", "ID number")
    assert all(headers)


def test_sort_asks_for_a_query_and_leaves_the_order_alone(
    qtbot: Any, model: MemberTableModel, register: list[int]
) -> None:
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(Column.BIRTH_DATE, Qt.SortOrder.DescendingOrder)

    assert blocker.args == [SortColumn.BIRTH_DATE, True]
    assert [model.member_id(r) for r in range(model.rowCount())] == register


def test_sort_on_a_column_sql_cannot_order_asks_for_nothing(
    qtbot: Any, model: MemberTableModel
) -> None:
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(Column.MOBILE, Qt.SortOrder.AscendingOrder)


def test_invalidate_reads_rows_again_after_an_edit(
    ctx: AppContext, model: MemberTableModel
) -> None:
    member_id = model.member_id(5)
    model.data(model.index(5, Column.NAME), DISPLAY)
    detail = members.get_member(ctx.db, OFFICE, member_id)
    members.update_member(ctx.db, OFFICE, member_id, _renamed(detail.draft, "改名后"))
    assert model.data(model.index(5, Column.NAME), DISPLAY) == detail.draft.name  # cached

    model.invalidate()

    assert model.data(model.index(5, Column.NAME), DISPLAY) == "改名后"


def test_an_id_without_a_row_shows_an_empty_line(model: MemberTableModel) -> None:
    first, second = model.member_id(0), model.member_id(1)
    model.set_ids([first, 999_999, second])

    assert model.data(model.index(1, Column.NAME), DISPLAY) == ""
    assert model.member_row(1) is None
    assert model.member_row(2) is not None and model.member_row(2).id == second


def test_set_ids_replaces_the_rows(qtbot: Any, model: MemberTableModel) -> None:
    with qtbot.waitSignal(model.modelReset):
        model.set_ids([model.member_id(3), model.member_id(1)])
    assert model.rowCount() == 2
    assert model.row_of(model.member_id(1)) == 1
    assert model.cached_windows == []


def _renamed(draft: MemberDraft, name: str) -> MemberDraft:
    return dataclasses.replace(draft, name=name)
