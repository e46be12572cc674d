"""A full disk or a read-only database while saving: a clear message, nothing half-saved.

Tests run as root, where chmod does not make a file read-only, so the failures are simulated
on the connection: ``PRAGMA max_page_count`` pinned to the current size (disk full) and
``PRAGMA query_only`` (read-only).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import AppPaths, resolve_paths
from unionDesk.services.database import Database, create_database
from unionDesk.services.members import create_member
from unionDesk.store.db import storage_failure
from unionDesk.store.errors import StorageWriteFailed
from unionDesk.ui.common import AppContext, error_text
from unionDesk.ui.members.form import MemberFormDialog
from unionDesk.ui.tasks import TaskRunner


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = create_database(paths, "测试公司工会", compose_uscc("91110105MA01ABCD1"))
    yield database
    database.close()


def pin_size(connection: sqlite3.Connection, _record: Any) -> None:
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count={pages}")


def read_only(connection: sqlite3.Connection, _record: Any) -> None:
    connection.execute("PRAGMA query_only=ON")


def on_every_connection(db: Database, pragma: Any) -> None:
    event.listen(db.engine, "connect", pragma)
    db.engine.dispose()  # pooled connections were made without it


def filler(serial: int) -> Any:
    birth = date(1970, 1, 1) + timedelta(days=serial)
    return member_draft(name="李娜", id_number=fake_id(101, birth), card_number=f"F{serial}")


def fill_disk(db: Database) -> None:
    """Pin the file's size, then add members until the disk is 'full'."""
    on_every_connection(db, pin_size)
    for serial in range(1000):
        try:
            create_member(db, OFFICE, filler(serial))
        except StorageWriteFailed:
            return
    pytest.fail("the database never filled up")


def row_counts(paths: AppPaths) -> tuple[int, ...]:
    connection = sqlite3.connect(paths.database)
    try:
        tables = ("member", "membership_change", "audit_entry")
        return tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)
    finally:
        connection.close()


def test_a_full_disk_is_reported_and_nothing_is_half_saved(paths, db):
    fill_disk(db)
    before = row_counts(paths)

    with pytest.raises(StorageWriteFailed) as failed:
        create_member(db, OFFICE, member_draft())

    assert failed.value.kind == StorageWriteFailed.FULL
    assert row_counts(paths) == before


def test_a_read_only_database_is_reported_and_nothing_is_saved(paths, db):
    on_every_connection(db, read_only)
    before = row_counts(paths)

    with pytest.raises(StorageWriteFailed) as failed:
        create_member(db, OFFICE, member_draft())

    assert failed.value.kind == StorageWriteFailed.READ_ONLY
    assert row_counts(paths) == before


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("database or disk is full", StorageWriteFailed.FULL),
        ("attempt to write a readonly database", StorageWriteFailed.READ_ONLY),
        ("unable to open database file", StorageWriteFailed.READ_ONLY),
    ],
)
def test_sqlite_storage_messages_are_recognised(message, kind):
    failure = storage_failure(sqlite3.OperationalError(message))

    assert failure is not None and failure.kind == kind


def test_other_database_errors_are_not_blamed_on_the_disk():
    assert storage_failure(sqlite3.OperationalError("no such table: member")) is None
    assert storage_failure(ValueError("database or disk is full")) is None


def test_full_and_read_only_get_different_advice():
    full = error_text(StorageWriteFailed(StorageWriteFailed.FULL))
    locked = error_text(StorageWriteFailed(StorageWriteFailed.READ_ONLY))

    assert full != locked
    assert "An unexpected error" not in full + locked


# --- the member form ----------------------------------------------------------------------------


@pytest.fixture
def ctx(qtbot: Any, paths: AppPaths, db: Database) -> Iterator[AppContext]:
    tasks = TaskRunner()
    yield AppContext(db, tasks, paths, OFFICE)
    qtbot.waitUntil(lambda: tasks.idle)
    tasks.shutdown()


def test_saving_the_member_form_on_a_full_disk_explains_and_keeps_the_input(
    qtbot, monkeypatch, ctx
):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    fill_disk(ctx.db)
    form = MemberFormDialog(ctx, [])
    qtbot.addWidget(form)
    form.field_widget("name").setText("欧阳娜娜")
    form.field_widget("id_number").setText(fake_id(124))
    form.field_widget("card_number").setText("GH-FULL-1")
    form.field_widget("join_date").setDate(date(2020, 5, 1))

    form.save()
    qtbot.waitUntil(lambda: ctx.tasks.idle)

    assert warnings == [error_text(StorageWriteFailed(StorageWriteFailed.FULL))]
    assert form.saved_member_id is None and form.isEnabled()
    assert form.field_widget("name").text() == "欧阳娜娜"
    assert form.field_widget("card_number").text() == "GH-FULL-1"
    event.remove(ctx.db.engine, "connect", pin_size)  # space was freed: saving again works
    ctx.db.engine.dispose()
    form.save()
    qtbot.waitUntil(lambda: form.saved_member_id is not None)
