"""The main window: navigation on the left, one page per area on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from unionDesk import __version__
from unionDesk.i18n import CHINESE, ENGLISH
from unionDesk.paths import AppPaths

if TYPE_CHECKING:
    from unionDesk.services.database import UnionInfo
    from unionDesk.ui.common import AppContext
    from unionDesk.ui.members.page import MembersPage


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

    def _save_language(self) -> None:
        self._settings.setValue("ui/language", self.language.currentData())
        self._settings.sync()
        self.restart_note.show()


class LoadingPage(QWidget):
    """Shown for the moment between the first paint and the database being ready."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self.tr("Opening the database…"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(text)


class MainWindow(QMainWindow):
    """Navigation between the registers; only 会员 is complete in this version.

    The window is built in two steps so it can paint within the start-up budget: the shell
    (navigation and a loading page) needs only Qt; ``attach`` adds the real pages once the
    worker has loaded the data layer and opened the database.
    """

    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self.members_page: MembersPage | None = None
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
        """Replace the loading pages with the real ones for the open database."""
        from unionDesk.ui.members.page import MembersPage

        self.ctx = ctx
        self.setWindowTitle(self.tr("UnionDesk — {union}").format(union=union.name))
        titles = self._titles()
        self.members_page = MembersPage(ctx)
        pages: list[QWidget] = [self.members_page]
        pages += [ComingLaterPage(title) for title in titles[1:-1]]
        pages.append(SettingsPage(ctx, union))
        current = self.nav.currentRow()
        for index, page in enumerate(pages):
            old = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            if old is not None:
                self.pages.removeWidget(old)
                old.deleteLater()
        self.pages.setCurrentIndex(current)

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
