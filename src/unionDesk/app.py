"""QApplication start-up: language, single instance, first run, database upgrade, main window."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from unionDesk import APP_NAME, __version__
from unionDesk.i18n import choose_language, install_translators, translate
from unionDesk.paths import AppPaths
from unionDesk.services.database import (
    Database,
    StoreError,
    database_exists,
    explain_store_error,
    get_union,
    open_database,
)
from unionDesk.ui.common import AppContext
from unionDesk.ui.instance import SingleInstance
from unionDesk.ui.tasks import TaskRunner

EXIT_OK, EXIT_CANCELLED, EXIT_ALREADY_RUNNING, EXIT_STORE = 0, 1, 4, 3


def run_gui(paths: AppPaths) -> int:
    """Run the desktop application on the data folder ``paths``; returns the exit status."""
    paths.ensure()
    _setup_logging(paths)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_translators(app, choose_language(paths.settings))
    instance = SingleInstance(paths)
    if not instance.acquire():
        # The running window comes forward and says so; this process only explains and leaves.
        print(
            translate(
                "App",
                "UnionDesk is already open for the data folder {folder}; switched to that window.",
            ).format(folder=paths.root),
            file=sys.stderr,
        )
        return EXIT_ALREADY_RUNNING
    try:
        return _run_with_lock(app, paths, instance)
    finally:
        instance.release()


def _run_with_lock(app: QApplication, paths: AppPaths, instance: SingleInstance) -> int:
    tasks = TaskRunner()
    db = _first_run(paths, tasks) if not database_exists(paths) else _open(paths)
    if db is None:
        tasks.shutdown()
        return EXIT_CANCELLED if not database_exists(paths) else EXIT_STORE
    from unionDesk.ui.main_window import MainWindow

    window = MainWindow(AppContext(db, tasks, paths), get_union(db))
    instance.activation_requested.connect(window.bring_to_front)
    window.show()
    status = app.exec()
    tasks.shutdown()
    db.close()
    return status


def _first_run(paths: AppPaths, tasks: TaskRunner) -> Database | None:
    from unionDesk.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(paths, tasks)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.database


def _open(paths: AppPaths) -> Database | None:
    try:
        db, _result = open_database(paths)
    except StoreError as error:
        QMessageBox.critical(None, APP_NAME, explain_store_error(error, paths).render(translate))
        return None
    return db


def _setup_logging(paths: AppPaths) -> None:
    handler = RotatingFileHandler(
        paths.logs / "uniondesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
