"""The main window: navigation on the left, one page per area on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk import __version__
from unionDesk.domain.access import Permission
from unionDesk.i18n import CHINESE, ENGLISH
from unionDesk.paths import AppPaths

if TYPE_CHECKING:
    from unionDesk.services.database import UnionInfo
    from unionDesk.ui.backup_panel import BackupPanel
    from unionDesk.ui.common import AppContext
    from unionDesk.ui.idle_lock import IdleLock
    from unionDesk.ui.members.page import MembersPage
    from unionDesk.ui.selection.page import SelectionPage
    from unionDesk.ui.selection.review_page import ReviewPage
    from unionDesk.ui.settings_panel import AdminSettingsPanel


SELECTION_ROW, COMPETITIONS_ROW = 1, 2  # entries of the navigation


class ComingLaterPage(QWidget):
    """An honest page for an area this version does not have yet."""

    def __init__(self, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(
            self.tr(
                "{area} is not available in this version yet. It will come in a "
                "later update; nothing you enter elsewhere depends on it."
            ).format(area=area)
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(text)


class DeferredPage(QWidget):
    """Holds the place of a page and builds it the first time it is shown.

    Start-up then pays only for the page on screen: building the selection, competition and
    event pages (imports, models, their first queries) delayed the register's first rows.
    """

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        """The real page, built now if it was not yet."""
        if self.page is None:
            self.page = self._build()
            self._layout.addWidget(self.page)
        return self.page

    def showEvent(self, event: QShowEvent) -> None:
        """Build the page when it first comes on screen."""
        self.ensure_built()
        super().showEvent(event)


class ReviewerPage(QWidget):
    """What a reviewer sees instead of the register: reviewers see only their review rounds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(
            self.tr(
                "Reviewers see only the review rounds assigned to them, not the member "
                "register. Open Selection to score your candidates."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(text)


class SettingsPage(QWidget):
    """Union details, data folder and language."""

    def __init__(self, ctx: AppContext, union: UnionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = QSettings(str(ctx.paths.settings), QSettings.Format.IniFormat)
        self.language = QComboBox()
        self.language.addItem("简体中文", CHINESE)
        self.language.addItem("English", ENGLISH)
        current = str(self._settings.value("ui/language", CHINESE))
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.language.currentIndexChanged.connect(self._save_language)
        self.restart_note = QLabel(self.tr("The new language is used after a restart."))
        self.restart_note.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Union"), QLabel(union.name))
        form.addRow(self.tr("Unified social credit code"), QLabel(union.uscc))
        form.addRow(self.tr("Data folder"), QLabel(str(ctx.paths.root)))
        form.addRow(self.tr("Version"), QLabel(__version__))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.restart_note)
        self.backup_panel = _backup_panel(ctx)
        self.admin_settings: AdminSettingsPanel | None = None
        if ctx.actor.may(Permission.EDIT_SETTINGS):
            from unionDesk.ui.settings_panel import AdminSettingsPanel

            self.admin_settings = AdminSettingsPanel(ctx)
            form.addRow(self.admin_settings)
        if self.backup_panel is not None:
            form.addRow(self.backup_panel)

    def _save_language(self) -> None:
        self._settings.setValue("ui/language", self.language.currentData())
        self._settings.sync()
        self.restart_note.show()


def _backup_panel(ctx: AppContext) -> BackupPanel | None:
    """The backup and restore panel, for administrators only."""
    if not ctx.actor.may(Permission.MANAGE_BACKUPS):
        return None
    from unionDesk.ui.backup_panel import BackupPanel

    return BackupPanel(ctx)


class LoadingPage(QWidget):
    """Shown for the moment between the first paint and the database being ready."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self.tr("Opening the database…"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(text)


class MainWindow(QMainWindow):
    """Navigation between the registers; 会员, 评选, 竞赛 and 活动 are complete in this version.

    The window is built in two steps so it can paint within the start-up budget: the shell
    (navigation and a loading page) needs only Qt; ``attach`` adds the real pages once the
    worker has loaded the data layer and opened the database.

    Signals:
        restore_requested(Path): an administrator confirmed restoring this backup file in
            Settings; whoever owns the ``Database`` restores it and calls ``attach`` again.
    """

    restore_requested = Signal(Path)

    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self.members_page: MembersPage | None = None
        self.selection_page: SelectionPage | None = None
        self.review_page: ReviewPage | None = None
        self.competitions_page: QWidget | None = None
        self.events_page: QWidget | None = None
        self.returns_page: QWidget | None = None
        self.users_page: QWidget | None = None
        self.audit_page: QWidget | None = None
        self.idle_lock: IdleLock | None = None
        self.setWindowTitle(self.tr("UnionDesk"))
        self.nav = QListWidget()
        self.nav.setFixedWidth(140)
        self.pages = QStackedWidget()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        for title in self._titles():
            self.nav.addItem(title)
            self.pages.addWidget(LoadingPage())
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(str(paths.database))
        self.resize(1200, 760)

    def _titles(self) -> list[str]:
        return [
            self.tr("Members"),
            self.tr("Selection"),
            self.tr("Competitions"),
            self.tr("Events"),
            self.tr("Returns"),
            self.tr("Upload"),
            self.tr("Settings"),
        ]

    def attach(self, ctx: AppContext, union: UnionInfo) -> None:
        """Replace the loading pages with the real ones for the open database and user.

        What a role may not do is not offered: a reviewer gets no member register, and only
        administrators get the Users and Audit log pages. The idle lock starts too.
        """
        self.ctx = ctx
        self.setWindowTitle(self.tr("UnionDesk — {union}").format(union=union.name))
        self._remove_admin_pages()  # attach again after a restore: the user may differ
        self.selection_page = self.review_page = None  # built again when first shown
        self.competitions_page = self.events_page = self.returns_page = None
        titles = self._titles()
        pages: list[QWidget] = [
            self._members_page(ctx),
            DeferredPage(lambda: self._selection_page(ctx)),
            *self._activity_pages(ctx),
        ]
        pages += [DeferredPage(lambda: self._returns_page(ctx)), ComingLaterPage(titles[5])]
        settings = SettingsPage(ctx, union)
        if settings.backup_panel is not None:
            settings.backup_panel.restore_requested.connect(self.restore_requested.emit)
        pages.append(settings)
        current = self.nav.currentRow()
        for index, page in enumerate(pages):
            old = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            if old is not None:
                self.pages.removeWidget(old)
                old.deleteLater()
        self._add_admin_pages(ctx)
        if not ctx.actor.may(Permission.VIEW_MEMBERS) and ctx.actor.may(Permission.REVIEW):
            current = SELECTION_ROW  # a reviewer has nothing else to do here
        self.nav.setCurrentRow(current)
        self.pages.setCurrentIndex(current)
        if ctx.actor.user_id is not None:  # the command line's actor has no password to ask
            self._start_idle_lock_from_settings(ctx)

    def _start_idle_lock_from_settings(self, ctx: AppContext) -> None:
        from unionDesk.services.settings import read_idle_minutes

        db = ctx.db
        ctx.tasks.run(lambda: read_idle_minutes(db), self.start_idle_lock)
        settings = self.findChild(SettingsPage)
        if settings is not None and settings.admin_settings is not None:
            settings.admin_settings.idle_minutes_changed.connect(self.start_idle_lock)

    def _members_page(self, ctx: AppContext) -> QWidget:
        from unionDesk.ui.members.page import MembersPage

        if not ctx.actor.may(Permission.VIEW_MEMBERS):
            return ReviewerPage()
        self.members_page = MembersPage(ctx)
        return self.members_page

    def _activity_pages(self, ctx: AppContext) -> list[QWidget]:
        """竞赛 and 活动, for the roles that keep registers or read them (built when shown)."""
        if not ctx.actor.may(Permission.VIEW_ACTIVITIES):
            return [ReviewerPage(), ReviewerPage()]

        def competitions() -> QWidget:
            from unionDesk.ui.activities.competitions_page import CompetitionsPage

            self.competitions_page = CompetitionsPage(ctx)
            return self.competitions_page

        def events() -> QWidget:
            from unionDesk.ui.activities.events_page import EventsPage

            self.events_page = EventsPage(ctx)
            return self.events_page

        return [DeferredPage(competitions), DeferredPage(events)]

    def _returns_page(self, ctx: AppContext) -> QWidget:
        """报表: generate, preview, print, save and sign returns (built when first shown)."""
        from unionDesk.ui.returns.page import ReturnsPage

        self.returns_page = ReturnsPage(ctx)
        return self.returns_page

    def _selection_page(self, ctx: AppContext) -> QWidget:
        """The officer's 评选 page, or the reviewer's own rounds for a reviewer."""
        if ctx.actor.may(Permission.VIEW_SELECTION):
            from unionDesk.ui.selection.page import SelectionPage

            page = SelectionPage(ctx)
            page.rounds_requested.connect(lambda pid: self._open_dialog("round_dialog", pid))
            page.results_requested.connect(lambda pid: self._open_dialog("results_view", pid))
            page.publicity_requested.connect(lambda pid: self._open_dialog("publicity_dialog", pid))
            page.calendar_requested.connect(lambda: self._open_dialog("calendar_dialog", None))
            self.selection_page = page
            return page
        from unionDesk.ui.selection.review_page import ReviewPage

        self.review_page = ReviewPage(ctx)
        return self.review_page

    def _open_dialog(self, module: str, program_id: int | None) -> QDialog:
        """Open one of the selection dialogs over the window; the page refreshes after it."""
        from unionDesk.ui.selection import (
            calendar_dialog,
            publicity_dialog,
            results_view,
            round_dialog,
        )

        assert self.ctx is not None
        dialog: QDialog
        if module == "calendar_dialog":
            dialog = calendar_dialog.CalendarDialog(self.ctx, self)
        else:
            assert program_id is not None
            kind = {
                "round_dialog": round_dialog.RoundsDialog,
                "results_view": results_view.ResultsDialog,
                "publicity_dialog": publicity_dialog.PublicityDialog,
            }[module]
            dialog = kind(self.ctx, program_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.selection_page is not None:
            dialog.finished.connect(self.selection_page.refresh)
        dialog.open()
        return dialog

    def _add_admin_pages(self, ctx: AppContext) -> None:
        """Users and Audit log, placed just before Settings, for administrators only."""
        if not (ctx.actor.may(Permission.MANAGE_USERS) and ctx.actor.may(Permission.VIEW_AUDIT)):
            return
        from unionDesk.ui.audit_page import AuditPage
        from unionDesk.ui.users_page import UsersPage

        self.users_page, self.audit_page = UsersPage(ctx), AuditPage(ctx)
        before_settings = self.pages.count() - 1
        for offset, (title, page) in enumerate(
            ((self.tr("Users"), self.users_page), (self.tr("Audit log"), self.audit_page))
        ):
            self.nav.insertItem(before_settings + offset, title)
            self.pages.insertWidget(before_settings + offset, page)

    def _remove_admin_pages(self) -> None:
        for page in (self.users_page, self.audit_page):
            if page is not None:
                self.nav.takeItem(self.pages.indexOf(page))
                self.pages.removeWidget(page)
                page.deleteLater()
        self.users_page = self.audit_page = None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Do not close over scores typed in the grid but not saved yet."""
        grid = getattr(self.competitions_page, "grid", None)
        if grid is not None and grid.has_unsaved():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved scores"),
                self.tr(
                    "Scores typed in the competition grid are not saved yet. Close anyway and "
                    "lose them? Choose No to go back and save them."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                self.show_page(self.nav_titles()[COMPETITIONS_ROW])
                return
        super().closeEvent(event)

    def nav_titles(self) -> list[str]:
        """The navigation entries, top to bottom."""
        return [self.nav.item(row).text() for row in range(self.nav.count())]

    def show_page(self, title: str) -> QWidget:
        """Switch to the page called ``title`` in the navigation and return it."""
        row = self.nav_titles().index(title)
        self.nav.setCurrentRow(row)
        page = self.pages.widget(row)
        assert page is not None
        return page.ensure_built() if isinstance(page, DeferredPage) else page

    def start_idle_lock(self, minutes: int | None = None, interval_ms: int | None = None) -> None:
        """Lock after ``minutes`` without input (default 10); replaces a running idle lock.

        ``interval_ms`` overrides the minutes (tests).
        """
        from unionDesk.ui.idle_lock import DEFAULT_IDLE_MINUTES, IdleLock

        assert self.ctx is not None, "attach() first"
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock.deleteLater()
        self.idle_lock = IdleLock(self.ctx, self, minutes or DEFAULT_IDLE_MINUTES, interval_ms)
        # The register behind the lock dialog is hidden, not closed; open forms stay as they are.
        central = self.centralWidget()
        assert central is not None
        self.idle_lock.locked.connect(central.hide)
        self.idle_lock.unlocked.connect(central.show)
        self.idle_lock.log_out_requested.connect(self._log_out)

    def _log_out(self) -> None:
        self.close()
        QCoreApplication.quit()

    def bring_to_front(self) -> None:
        """Show and raise the window (a second start asked for it) and say why."""
        self.statusBar().showMessage(
            self.tr("UnionDesk was started again; it stays open only once per data folder."),
            10_000,
        )
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
