"""Recovery from a damaged database at start, the restore sequence, and the backup panel."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from helpers import OFFICE, fake_id, member_draft
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import AppPaths, resolve_paths
from unionDesk.services.backups import BackupInfo, create_backup, list_backups
from unionDesk.services.database import Database, create_database, open_database
from unionDesk.services.members import MemberQuery, create_member, query_member_ids
from unionDesk.ui.backup_panel import BackupPanel
from unionDesk.ui.common import AppContext
from unionDesk.ui.recovery import RecoveryDialog, offer_recovery, restore_and_reopen
from unionDesk.ui.tasks import TaskRunner


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    qtbot.waitUntil(lambda: runner.idle)
    runner.shutdown()


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = create_database(paths, "测试公司工会", compose_uscc("91110105MA01ABCD1"))
    yield database
    database.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answer at once; what they said is recorded as (kind, text)."""
    said: list[tuple[str, str]] = []

    def box(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            said.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return said


def add_members(db: Database, count: int) -> None:
    for index in range(count):
        sequence = 101 + 2 * index
        draft = member_draft(id_number=fake_id(sequence), card_number=f"C{sequence}")
        create_member(db, OFFICE, draft)


def break_database(paths: AppPaths, db: Database) -> bytes:
    """Two members and a backup of them, then the live file overwritten with noise."""
    add_members(db, 2)
    create_backup(paths, OFFICE)
    db.close()
    for companion in ("-wal", "-shm"):
        Path(str(paths.database) + companion).unlink(missing_ok=True)
    noise = os.urandom(paths.database.stat().st_size)
    paths.database.write_bytes(noise)
    return noise


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, code: QDialog.DialogCode) -> list[str]:
    """RecoveryDialog.exec returns ``code`` at once; the texts it showed are recorded."""
    shown: list[str] = []

    def exec_(dialog: RecoveryDialog) -> int:
        shown.append(dialog.message.text())
        return code.value

    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    return shown


# --- the dialog ---------------------------------------------------------------------------------


def test_the_recovery_dialog_offers_the_backup_and_restores_when_asked(qtbot, paths, db):
    backup = create_backup(paths, OFFICE)
    dialog = RecoveryDialog(paths, backup)
    qtbot.addWidget(dialog)

    assert str(backup.file) in dialog.message.text()
    assert dialog.restore_button is not None
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_recovery_dialog_without_a_backup_only_offers_to_quit(qtbot, paths):
    dialog = RecoveryDialog(paths, None)
    qtbot.addWidget(dialog)

    assert dialog.restore_button is None
    assert str(paths.backups) in dialog.message.text()
    dialog.quit_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected


# --- recovery at start --------------------------------------------------------------------------


def test_accepting_recovery_restores_the_backup_and_keeps_the_broken_file(
    qtbot, monkeypatch, paths, db, tasks
):
    noise = break_database(paths, db)
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Accepted)
    reopened: list[Database] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    offer_recovery(parent, tasks, paths, lambda db, _r: reopened.append(db), pytest.fail)
    qtbot.waitUntil(lambda: bool(reopened))

    assert len(shown) == 1
    assert len(query_member_ids(reopened[0], OFFICE, MemberQuery())) == 2
    reopened[0].close()
    broken = list(paths.root.glob("uniondesk.sqlite3.broken-*"))
    assert [file.read_bytes() for file in broken] == [noise]


def test_declining_recovery_quits_and_leaves_the_broken_file(qtbot, monkeypatch, paths, db, tasks):
    noise = break_database(paths, db)
    answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected)
    quit_called: list[bool] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    offer_recovery(parent, tasks, paths, lambda *_: pytest.fail(), lambda: quit_called.append(True))
    qtbot.waitUntil(lambda: bool(quit_called))

    assert paths.database.read_bytes() == noise
    assert not list(paths.root.glob("*.broken-*"))


def test_recovery_without_any_good_backup_says_so_and_quits(qtbot, monkeypatch, paths, db, tasks):
    break_database(paths, db)
    for backup in list_backups(paths):
        backup.file.write_bytes(b"not a database")
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Accepted)
    quit_called: list[bool] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    offer_recovery(parent, tasks, paths, lambda *_: pytest.fail(), lambda: quit_called.append(True))
    qtbot.waitUntil(lambda: bool(quit_called))

    assert len(shown) == 1 and str(paths.backups) in shown[0]


def test_restore_and_reopen_closes_restores_and_hands_back_a_working_database(
    qtbot, paths, db, tasks
):
    backup = create_backup(paths, OFFICE)
    add_members(db, 3)
    reopened: list[Database] = []

    restore_and_reopen(
        tasks, paths, OFFICE, backup.file, db, lambda new, _r: reopened.append(new), pytest.fail
    )
    qtbot.waitUntil(lambda: bool(reopened))

    assert query_member_ids(reopened[0], OFFICE, MemberQuery()) == []
    reopened[0].close()


# --- the backup panel ---------------------------------------------------------------------------


@pytest.fixture
def panel(qtbot: Any, paths: AppPaths, db: Database, tasks: TaskRunner) -> BackupPanel:
    widget = BackupPanel(AppContext(db, tasks, paths, OFFICE))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: tasks.idle)
    return widget


def test_back_up_now_creates_a_file_listed_in_the_table(qtbot, panel, paths, tasks, messages):
    assert panel.table.rowCount() == 0

    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)

    [made] = list_backups(paths)
    assert panel.table.item(0, 3).text() == str(made.file)
    assert messages[0][0] == "information"


def test_back_up_to_a_chosen_file_writes_it(qtbot, monkeypatch, panel, tasks, tmp_path, messages):
    target = tmp_path / "stick" / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))

    panel.backup_to_button.click()
    qtbot.waitUntil(lambda: tasks.idle)

    assert target.is_file()
    assert messages == [("information", messages[0][1])] and str(target) in messages[0][1]


def test_restore_asks_first_and_then_requests_the_restore(
    qtbot, monkeypatch, panel, paths, messages
):
    made: BackupInfo = create_backup(paths, OFFICE)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(made.file), ""))

    with qtbot.waitSignal(panel.restore_requested) as requested:
        panel.restore_button.click()

    assert requested.args == [made.file]
    assert [kind for kind, _ in messages] == ["question"]


def test_restore_of_a_bad_file_is_refused_with_the_reason(
    qtbot, monkeypatch, panel, tasks, tmp_path, messages
):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(4096))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(bad), ""))
    requested: list[Path] = []
    panel.restore_requested.connect(requested.append)

    panel.restore_button.click()
    qtbot.waitUntil(lambda: tasks.idle)

    assert requested == []
    assert messages[0][0] == "warning" and str(bad) in messages[0][1]


def test_opening_after_a_panel_restore_shows_the_backed_up_data(qtbot, panel, paths, db, tasks):
    made = create_backup(paths, OFFICE)
    add_members(db, 1)
    reopened: list[Database] = []
    panel.restore_requested.connect(
        lambda file: restore_and_reopen(
            tasks, paths, OFFICE, file, db, lambda new, _r: reopened.append(new), pytest.fail
        )
    )

    panel.restore_requested.emit(made.file)
    qtbot.waitUntil(lambda: bool(reopened))

    assert query_member_ids(reopened[0], OFFICE, MemberQuery()) == []
    reopened[0].close()
    check = open_database(paths)
    assert query_member_ids(check, OFFICE, MemberQuery()) == []
    check.close()


def test_an_unreadable_database_at_start_offers_recovery_instead_of_an_error(qtbot, paths):
    from types import SimpleNamespace

    from unionDesk import app as app_module
    from unionDesk.store.errors import DatabaseUnreadable

    recovered: list[bool] = []
    window = QWidget()
    qtbot.addWidget(window)

    app_module._refuse(
        SimpleNamespace(exit=pytest.fail),
        window,
        paths,
        DatabaseUnreadable("noise"),
        lambda: recovered.append(True),
    )

    assert recovered == [True]


def test_opening_the_app_takes_the_daily_automatic_backup_once(qtbot, paths, db):
    from helpers import OFFICE
    from unionDesk import app as app_module
    from unionDesk.ui.main_window import MainWindow
    from unionDesk.ui.tasks import TaskRunner

    db.close()
    opened: list[Database] = []
    window = MainWindow(paths)
    qtbot.addWidget(window)
    tasks = TaskRunner()
    try:
        for _ in range(2):  # opened twice the same day: still one automatic backup
            union, _accounts = app_module._prepare(paths, opened)
            app_module._attach(window, tasks, paths, opened, union, OFFICE)
            qtbot.waitUntil(lambda: tasks.idle, timeout=10_000)
    finally:
        tasks.shutdown()
        opened[0].close()

    assert [b.kind.value for b in list_backups(paths)] == ["auto"]
