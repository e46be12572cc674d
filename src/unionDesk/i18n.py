"""Language choice and Qt translators, shared by the GUI and the command line.

Simplified Chinese is the default. English is used when ``UNIONDESK_LANG`` or the settings say
``en``, or when the system locale is English. Works with a QCoreApplication (no GUI needed).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

ENV_LANG = "UNIONDESK_LANG"
CHINESE = "zh_CN"
ENGLISH = "en"
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Folder holding the shipped ``.ts`` sources and compiled ``.qm`` files."""
    return Path(str(files("unionDesk.resources") / "translations"))


def choose_language(settings_file: Path | None = None) -> str:
    """``zh_CN`` or ``en``, from the environment, then the settings, then the system locale."""
    wanted = os.environ.get(ENV_LANG, "")
    if not wanted and settings_file is not None and settings_file.exists():
        wanted = str(
            QSettings(str(settings_file), QSettings.Format.IniFormat).value("ui/language", "")
        )
    if wanted:
        return ENGLISH if wanted.lower().startswith("en") else CHINESE
    system = QLocale.system()
    return ENGLISH if system.language() == QLocale.Language.English else CHINESE


def install_translators(app: QCoreApplication, language: str) -> None:
    """Load UnionDesk's and Qt's own translations for ``language`` into ``app``."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == ENGLISH:
        return  # source texts are English
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir), ("uniondesk_zh_CN", str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (the ``Translate`` callable for domain messages)."""
    return QCoreApplication.translate(context, text)
