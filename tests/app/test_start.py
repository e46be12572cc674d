"""Start-up pieces: first run, single instance, refusing a database that cannot be opened."""

import os
import sqlite3
import subprocess
import sys
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox

from helpers import OFFICE
from unionDesk import app as app_module
from unionDesk.domain.access import Role
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database, database_exists, get_union
from unionDesk.store.errors import StoreError
from unionDesk.ui.first_run import FirstRunDialog
from unionDesk.ui.instance import SingleInstance
from unionDesk.ui.main_window import MainWindow
from unionDesk.ui.tasks import TaskRunner

GOOD_USCC = compose_uscc("91110105MA01ABCD1")
ADMIN_PASSWORD = "gonghui-2026"


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def paths(tmp_path):
    return resolve_paths(tmp_path / "data")


def test_first_run_creates_the_database_with_the_union_entered(qtbot, paths, tasks):
    dialog = FirstRunDialog(paths, tasks)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("北京示范机械厂工会委员会")
    dialog.uscc_edit.setText(GOOD_USCC.lower())
    fill_admin(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()
    assert get_union(dialog.database).name == "北京示范机械厂工会委员会"
    assert get_union(dialog.database).uscc == GOOD_USCC
    assert dialog.actor.username == "zhangli" and dialog.actor.role is Role.ADMIN
    dialog.database.close()


def fill_admin(dialog, password=ADMIN_PASSWORD, repeat=None):
    dialog.username_edit.setText("zhangli")
    dialog.display_edit.setText("张丽")
    dialog.password_edit.setText(password)
    dialog.repeat_edit.setText(repeat if repeat is not None else password)


def test_first_run_refuses_a_short_administrator_password_and_creates_nothing(qtbot, paths, tasks):
    dialog = FirstRunDialog(paths, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("测试工会")
    dialog.uscc_edit.setText(GOOD_USCC)
    fill_admin(dialog, password="short")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.account_error.isVisible(), timeout=5000)
    assert "8" in dialog.account_error.text()
    assert not database_exists(paths)


def test_first_run_refuses_two_different_passwords(qtbot, paths, tasks):
    dialog = FirstRunDialog(paths, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("测试工会")
    dialog.uscc_edit.setText(GOOD_USCC)
    fill_admin(dialog, repeat="another-password")
    dialog.buttons.accepted.emit()
    assert dialog.account_error.isVisible()
    assert not database_exists(paths)


def test_first_run_refuses_a_wrong_credit_code_beside_the_field_and_keeps_input(
    qtbot, paths, tasks
):
    dialog = FirstRunDialog(paths, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    wrong = GOOD_USCC[:-1] + ("0" if GOOD_USCC[-1] != "0" else "1")
    dialog.name_edit.setText("测试工会")
    dialog.uscc_edit.setText(wrong)
    fill_admin(dialog)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.uscc_error.isVisible(), timeout=5000)
    assert GOOD_USCC[-1] in dialog.uscc_error.text()
    assert dialog.uscc_edit.text() == wrong and dialog.name_edit.text() == "测试工会"
    assert not database_exists(paths)
    assert dialog.result() == 0


def test_first_run_requires_a_union_name(qtbot, paths, tasks):
    dialog = FirstRunDialog(paths, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.uscc_edit.setText(GOOD_USCC)
    fill_admin(dialog)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.name_error.isVisible(), timeout=5000)
    assert not dialog.uscc_error.isVisible()
    assert not database_exists(paths)


def test_a_second_instance_on_the_same_folder_is_refused_and_wakes_the_first(qtbot, paths):
    paths.ensure()
    first, second = SingleInstance(paths), SingleInstance(paths)
    assert first.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_instances_on_different_folders_do_not_interfere(tmp_path):
    one = SingleInstance(resolve_paths(tmp_path / "a").ensure())
    two = SingleInstance(resolve_paths(tmp_path / "b").ensure())
    assert one.acquire() and two.acquire()
    one.release()
    two.release()


def test_a_second_program_start_says_so_and_exits(paths):
    paths.ensure()
    create_database(paths, "测试工会", GOOD_USCC).close()
    holder = SingleInstance(paths)
    assert holder.acquire()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "unionDesk.cli", "--data-dir", str(paths.root)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
            env={**__import__("os").environ, "UNIONDESK_LANG": "en"},
        )
    finally:
        holder.release()
    assert result.returncode == app_module.EXIT_ALREADY_RUNNING
    assert "already open" in result.stderr


def test_a_database_from_a_newer_version_is_explained_not_opened(qtbot, paths, monkeypatch):
    create_database(paths, "测试工会", GOOD_USCC).close()
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f999'")
    before = paths.database.read_bytes()
    with pytest.raises(StoreError) as raised:
        app_module._prepare(paths, [])
    shown, exits = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    window = MainWindow(paths)
    qtbot.addWidget(window)
    app_module._refuse(SimpleNamespace(exit=exits.append), window, paths, raised.value)
    assert "f999" in shown[0]
    assert exits == [app_module.EXIT_STORE]
    assert paths.database.read_bytes() == before


def test_the_main_window_paints_before_the_data_layer_is_loaded(paths):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import unionDesk.app\n"
        "from unionDesk.ui.main_window import MainWindow\n"
        "from unionDesk.paths import resolve_paths\n"
        f"MainWindow(resolve_paths({str(paths.root)!r})).show()\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'pypinyin') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_shell_gets_its_pages_once_the_database_is_ready(qtbot, paths):
    create_database(paths, "测试工会", GOOD_USCC).close()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    opened: list = []
    union, accounts_exist = app_module._prepare(paths, opened)
    assert not accounts_exist  # made without an administrator: the app asks for one first
    tasks = TaskRunner()
    try:
        app_module._attach(window, tasks, paths, opened, union, OFFICE)
        assert window.members_page is not None
        assert "测试工会" in window.windowTitle()
        qtbot.waitUntil(lambda: tasks.idle, timeout=5000)
    finally:
        tasks.shutdown()
        opened[0].close()
