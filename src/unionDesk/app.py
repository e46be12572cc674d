"""QApplication start-up: language, single instance, first run, database upgrade, main window.

The main window's shell is shown before SQLAlchemy, Alembic or pypinyin are imported (they take
longer together than Qt itself); the worker thread loads them and opens the database while the
window paints, then the real pages are attached (see docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from importlib.resources import files
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from unionDesk import APP_NAME, __version__
from unionDesk.i18n import choose_language, install_translators, translate
from unionDesk.paths import AppPaths
from unionDesk.store.probe import is_blank_database
from unionDesk.ui.instance import SingleInstance
from unionDesk.ui.main_window import MainWindow
from unionDesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from unionDesk.domain.access import Actor
    from unionDesk.services.backups import RestoreResult
    from unionDesk.services.database import Database, UnionInfo

EXIT_OK, EXIT_CANCELLED, EXIT_STORE, EXIT_ALREADY_RUNNING = 0, 1, 3, 4
log = logging.getLogger(__name__)


def run_gui(paths: AppPaths) -> int:
    """Run the desktop application on the data folder ``paths``; returns the exit status."""
    paths.ensure()
    _setup_logging(paths)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(files("unionDesk.resources") / "icons" / "uniondesk-256.png")))
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
    opened: list[Database] = []
    signed_in: list[Actor] = []
    if is_blank_database(paths.database):
        created = _first_run(paths, tasks)
        if created is None:
            tasks.shutdown()
            return EXIT_CANCELLED
        opened.append(created[0])
        signed_in.append(created[1])
    window = MainWindow(paths)
    instance.activation_requested.connect(window.bring_to_front)
    window.show()
    _start(app, window, tasks, paths, opened, signed_in)
    status = app.exec()
    tasks.shutdown()
    if signed_in:  # the session really ran: keep a copy of how it ended
        _backup(paths, opened, "close")
    for db in opened:
        db.close()
    return status


def _start(
    app: QApplication,
    window: MainWindow,
    tasks: TaskRunner,
    paths: AppPaths,
    opened: list[Database],
    signed_in: list[Actor],
) -> None:
    """Open the database on the worker, then sign in; an unreadable database offers recovery."""

    def reopened(db: Database, _result: object) -> None:
        opened[:] = [db]
        _start(app, window, tasks, paths, opened, signed_in)

    def recover() -> None:
        from unionDesk.ui.recovery import offer_recovery

        offer_recovery(window, tasks, paths, reopened, lambda: _quit(app, window))

    tasks.run(
        lambda: _prepare(paths, opened),
        lambda ready: _sign_in(window, tasks, paths, opened, ready, signed_in),
        lambda error: _refuse(app, window, paths, error, recover),
    )


def _prepare(paths: AppPaths, opened: list[Database]) -> tuple[UnionInfo, bool]:
    """On the worker: load the data layer, open (and if needed upgrade) the database.

    Returns the union's profile and whether any user account exists.
    """
    from unionDesk.services.database import get_union, open_database
    from unionDesk.services.users import has_users
    from unionDesk.ui import login  # noqa: F401 - imported here, off the GUI thread
    from unionDesk.ui.members import page  # noqa: F401

    if not opened:
        opened.append(open_database(paths))
    return get_union(opened[0]), has_users(opened[0])


def _backup(paths: AppPaths, opened: list[Database], reason: str) -> None:
    """An automatic backup; a failure is logged and never stops the app from starting or closing."""
    from unionDesk.services.backups import auto_backup, read_retention

    if not opened:
        return
    try:
        auto_backup(paths, read_retention(opened[0]), reason=reason)
    except Exception:
        log.exception("automatic backup (%s) failed", reason)


def _sign_in(
    window: MainWindow,
    tasks: TaskRunner,
    paths: AppPaths,
    opened: list[Database],
    ready: tuple[UnionInfo, bool],
    signed_in: list[Actor],
) -> None:
    """On the GUI thread: log in (or create the first administrator), then attach the pages."""
    union, accounts_exist = ready
    actor: Actor | None
    if signed_in:  # the first-run dialog created the administrator and logged them in
        actor = signed_in[0]
    elif accounts_exist:
        actor = _log_in(window, tasks, opened[0], union)
    else:
        actor = _first_admin(window, tasks, opened[0])
    if actor is None:
        window.close()
        return
    signed_in[:] = [actor]
    signed_in_actor = actor
    window.restore_requested.connect(
        lambda file: _restore(window, tasks, paths, opened, signed_in_actor, file)
    )
    _attach(window, tasks, paths, opened, union, actor)


def _log_in(window: MainWindow, tasks: TaskRunner, db: Database, union: UnionInfo) -> Actor | None:
    from unionDesk.ui.login import ChangePasswordDialog, LoginDialog

    dialog = LoginDialog(db, tasks, union.name, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.login is None:
        return None
    if dialog.login.must_change_password:
        change = ChangePasswordDialog(db, tasks, dialog.login.actor, forced=True, parent=window)
        if change.exec() != QDialog.DialogCode.Accepted:
            return None
    return dialog.login.actor


def _first_admin(window: MainWindow, tasks: TaskRunner, db: Database) -> Actor | None:
    from unionDesk.ui.login import FirstAdminDialog

    dialog = FirstAdminDialog(db, tasks, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def _attach(
    window: MainWindow,
    tasks: TaskRunner,
    paths: AppPaths,
    opened: list[Database],
    union: UnionInfo,
    actor: Actor,
) -> None:
    from unionDesk.ui.common import AppContext

    window.attach(AppContext(opened[0], tasks, paths, actor), union)
    # The day's automatic backup (at most one a day) is queued after the pages' first queries,
    # on the same single worker: copying a large database must not delay the first rows.
    tasks.run(lambda: _backup(paths, opened, "daily"), lambda _done: None)


def _restore(
    window: MainWindow,
    tasks: TaskRunner,
    paths: AppPaths,
    opened: list[Database],
    actor: Actor,
    file: Path,
) -> None:
    """Restore a backup chosen in Settings: close, restore, reopen, rebuild the pages."""
    from unionDesk.services.database import get_union
    from unionDesk.ui.common import show_error
    from unionDesk.ui.recovery import restore_and_reopen, warn_missing_files

    def reopened(db: Database, result: RestoreResult) -> None:
        opened[0] = db
        _attach(window, tasks, paths, opened, get_union(db), actor)
        window.statusBar().showMessage(
            translate(
                "App",
                "The backup {file} was restored. The database it replaced was "
                "kept in the backups folder.",
            ).format(file=file.name)
        )
        warn_missing_files(window, result)  # attachments and photos the backup lacked

    restore_and_reopen(
        tasks, paths, actor, file, opened[0], reopened, lambda error: show_error(window, error)
    )


def _refuse(
    app: QApplication,
    window: MainWindow,
    paths: AppPaths,
    error: BaseException,
    recover: Callable[[], None] | None = None,
) -> None:
    """Explain a database that cannot be opened; ``recover`` handles an unreadable one."""
    from unionDesk.services.database import explain_store_error
    from unionDesk.store.errors import DatabaseUnreadable, StoreError

    if not isinstance(error, StoreError):
        raise error
    if isinstance(error, DatabaseUnreadable) and recover is not None:
        recover()  # explains, and offers the newest good backup
        return
    QMessageBox.critical(window, APP_NAME, explain_store_error(error, paths).render(translate))
    _quit(app, window)


def _quit(app: QApplication, window: MainWindow) -> None:
    window.close()
    app.exit(EXIT_STORE)


def _first_run(paths: AppPaths, tasks: TaskRunner) -> tuple[Database, Actor] | None:
    from unionDesk.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(paths, tasks)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
        return None
    assert dialog.actor is not None
    return dialog.database, dialog.actor


def _setup_logging(paths: AppPaths) -> None:
    handler = RotatingFileHandler(
        paths.logs / "uniondesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
