"""The main window: navigation on the left, one page per area on the right."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
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
    from unionDesk.services.outbox import Reminder, SendReport
    from unionDesk.ui.backup_panel import BackupPanel
    from unionDesk.ui.common import AppContext
    from unionDesk.ui.idle_lock import IdleLock
    from unionDesk.ui.members.page import MembersPage
    from unionDesk.ui.selection.page import SelectionPage
    from unionDesk.ui.selection.review_page import ReviewPage
    from unionDesk.ui.settings_panel import AdminSettingsPanel
    from unionDesk.ui.upload.page import OutboxPage
    from unionDesk.ui.upload.sender import BackgroundSender

log = logging.getLogger(__name__)

SELECTION_ROW, COMPETITIONS_ROW = 1, 2  # entries of the navigation
UPLOAD_ROW = 5
REMINDER_INTERVAL_MS = 5 * 60 * 1000  # the reminders are read again this often


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


class ReminderBanner(QFrame):
    """A strip above the pages for what has waited too long: returns to upload, the backup.

    Hidden while nothing is overdue. Each reminder is a link to where it can be dealt with.

    Signals:
        opened(str): a reminder was clicked: ``"outbox"`` or ``"backup"``.
    """

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "#reminderBanner { background: #fff4ce; border: 1px solid #e0c060;"
            " border-radius: 3px; }"
        )
        self.outbox_label, self.backup_label = self._link_label(), self._link_label()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(24)
        layout.addWidget(self.outbox_label)
        layout.addWidget(self.backup_label)
        layout.addStretch(1)
        self.hide()

    def _link_label(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(self.opened.emit)
        label.hide()
        return label

    def show_reminder(self, reminder: Reminder, *, outbox: bool, backup: bool) -> None:
        """Show the overdue reminders; ``outbox`` and ``backup`` say which the user may act on."""
        self._set_link(
            self.outbox_label,
            "outbox",
            self.tr(
                "{count} returns wait to be uploaded; the oldest has waited {days} days"
            ).format(count=reminder.waiting, days=reminder.oldest_waiting_days)
            if outbox and reminder.outbox_overdue
            else "",
        )
        self._set_link(self.backup_label, "backup", self._backup_text(reminder) if backup else "")
        self.setVisible(self.outbox_label.isVisibleTo(self) or self.backup_label.isVisibleTo(self))

    def _backup_text(self, reminder: Reminder) -> str:
        if not reminder.backup_overdue:
            return ""
        if reminder.last_backup_days is None:
            return self.tr("No backup has been made yet")
        return self.tr("The last backup was {days} days ago").format(days=reminder.last_backup_days)

    @staticmethod
    def _set_link(label: QLabel, target: str, text: str) -> None:
        label.setText(f'<a href="{target}">{html.escape(text)}</a>' if text else "")
        label.setVisible(bool(text))


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
        self.outbox_page: OutboxPage | None = None
        self.upload_sender: BackgroundSender | None = None
        self._sending_for: AppContext | None = None  # whose outbox the sender is to send
        self.idle_lock: IdleLock | None = None
        self.banner = ReminderBanner()
        self.banner.opened.connect(self._open_reminder)
        self._reminder_timer = QTimer(self)
        self._reminder_timer.setInterval(REMINDER_INTERVAL_MS)
        self._reminder_timer.timeout.connect(self.refresh_reminders)
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
        column = QVBoxLayout(central)
        column.addWidget(self.banner)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._add_help_menu()
        self.statusBar().showMessage(str(paths.database))
        self.resize(1200, 760)

    def _add_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.selftest_action = QAction(self.tr("Self-test…"), self)
        self.selftest_action.setEnabled(False)  # the checks run on the worker of attach()
        self.selftest_action.triggered.connect(self.open_selftest)
        help_menu.addAction(self.selftest_action)
        about = QAction(self.tr("About UnionDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def open_selftest(self) -> QDialog:
        """Open 帮助 → 自检 (non-modal) and start its checks; returns the dialog."""
        from unionDesk.ui.selftest_dialog import SelftestDialog

        assert self.ctx is not None, "attach() first"
        dialog = SelftestDialog(self.ctx.tasks, self)
        dialog.show()
        dialog.start()
        return dialog

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About UnionDesk"),
            self.tr("UnionDesk {version}: trade-union registers and returns.").format(
                version=__version__
            ),
        )

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
        administrators get the Users and Audit log pages. The idle lock starts too, and the
        background sender once packages left in 上报中 by a crash are queued again.
        """
        self._stop_sender()  # attach again after a restore: the old database is gone
        self.ctx = ctx
        self.selftest_action.setEnabled(True)
        self.setWindowTitle(self.tr("UnionDesk — {union}").format(union=union.name))
        self._remove_admin_pages()  # attach again after a restore: the user may differ
        self.selection_page = self.review_page = None  # built again when first shown
        self.competitions_page = self.events_page = self.returns_page = None
        self.outbox_page = None
        pages: list[QWidget] = [
            self._members_page(ctx),
            DeferredPage(lambda: self._selection_page(ctx)),
            *self._activity_pages(ctx),
        ]
        pages += [
            DeferredPage(lambda: self._returns_page(ctx)),
            DeferredPage(lambda: self._outbox_page(ctx)),
        ]
        settings = SettingsPage(ctx, union)
        if settings.backup_panel is not None:
            settings.backup_panel.restore_requested.connect(self._request_restore)
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
        self._start_outbox(ctx)

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

        self.returns_page = page = ReturnsPage(ctx)
        page.queued.connect(lambda _item: self._outbox_changed())
        return page

    def _outbox_page(self, ctx: AppContext) -> QWidget:
        """上报: the outbox, its receipts and destinations (built when first shown)."""
        from unionDesk.ui.upload.page import OutboxPage

        self.outbox_page = page = OutboxPage(ctx)
        page.send_requested.connect(self._poke_sender)
        return page

    # --- the background sender and the reminders --------------------------------------------

    def _start_outbox(self, ctx: AppContext) -> None:
        """Queue again what a crash left in 上报中, then start sending in the background."""
        from unionDesk.services.outbox import recover_interrupted

        db, self._sending_for = ctx.db, ctx
        ctx.tasks.run(
            lambda: recover_interrupted(db),
            lambda _count: self._start_sender(ctx),
            lambda error: log.error("outbox recovery failed", exc_info=error),
        )

    def _start_sender(self, ctx: AppContext) -> None:
        from unionDesk.ui.upload.sender import BackgroundSender

        if self._sending_for is not ctx or self.upload_sender is not None:
            return  # closed or attached again meanwhile, or already sending
        self.upload_sender = BackgroundSender(ctx.db, ctx.paths, ctx.actor, self)
        self.upload_sender.round_finished.connect(self._on_round)
        self.upload_sender.start()
        self.refresh_reminders()
        self._reminder_timer.start()

    def _stop_sender(self) -> None:
        self._sending_for = None
        self._reminder_timer.stop()
        if self.upload_sender is not None:
            self.upload_sender.stop()
            self.upload_sender.deleteLater()
            self.upload_sender = None

    def _poke_sender(self) -> None:
        if self.upload_sender is not None:
            self.upload_sender.poke()

    def _outbox_changed(self) -> None:
        """A return was queued: send it, and show it in the outbox and the reminders."""
        self._poke_sender()
        if self.outbox_page is not None:
            self.outbox_page.refresh()
        self.refresh_reminders()

    def _on_round(self, report: SendReport) -> None:
        if not (report.delivered or report.failed or report.quarantined):
            return  # nothing was due: nothing changed
        if self.outbox_page is not None:
            self.outbox_page.show_report(report)
        self.refresh_reminders()

    def refresh_reminders(self) -> None:
        """Read the reminders again on the worker and show the overdue ones in the banner."""
        from unionDesk.services.outbox import reminders

        if self.ctx is None:
            return
        db, paths = self.ctx.db, self.ctx.paths
        self.ctx.tasks.run(
            lambda: reminders(db, paths),
            self._show_reminders,
            lambda error: log.error("reading the reminders failed", exc_info=error),
        )

    def _show_reminders(self, reminder: Reminder) -> None:
        if self.ctx is None:
            return
        actor = self.ctx.actor
        self.banner.show_reminder(
            reminder,
            outbox=actor.may(Permission.MAKE_RETURNS),
            backup=actor.may(Permission.MANAGE_BACKUPS),
        )

    def _open_reminder(self, target: str) -> None:
        titles = self._titles()
        self.show_page(titles[UPLOAD_ROW] if target == "outbox" else titles[-1])

    def _request_restore(self, file: Path) -> None:
        """No uploading while the database is being replaced; ``attach`` starts it again."""
        self._stop_sender()
        self.restore_requested.emit(file)

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
        self._stop_sender()
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
