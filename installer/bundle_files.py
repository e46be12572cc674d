"""The data files the PyInstaller bundle must carry, shared by ``uniondesk.spec`` and the tests.

Migrations must stay real files on disk (Alembic reads ``versions/*.py`` by path), so they are
copied as data next to the frozen modules, as are the fonts, translations, calendars, presets
and icons under ``resources/``.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: (source folder relative to the repository, glob, destination folder inside the bundle).
DATA_RULES: tuple[tuple[str, str, str], ...] = (
    ("migrations", "*.py", "unionDesk/migrations"),
    ("migrations", "script.py.mako", "unionDesk/migrations"),
    ("migrations/versions", "*.py", "unionDesk/migrations/versions"),
    ("resources", "__init__.py", "unionDesk/resources"),
    ("resources/fonts", "*.ttf", "unionDesk/resources/fonts"),
    ("resources/fonts", "*.txt", "unionDesk/resources/fonts"),
    ("resources/fonts", "*.md", "unionDesk/resources/fonts"),
    ("resources/translations", "*.qm", "unionDesk/resources/translations"),
    # The returns read their Chinese labels from the .ts catalogue (reports/chinese.py).
    ("resources/translations", "*.ts", "unionDesk/resources/translations"),
    ("resources/calendar", "*.json", "unionDesk/resources/calendar"),
    ("resources/presets", "*.json", "unionDesk/resources/presets"),
    ("resources/icons", "*.svg", "unionDesk/resources/icons"),
    ("resources/icons", "*.png", "unionDesk/resources/icons"),
    ("resources/icons", "*.ico", "unionDesk/resources/icons"),
)

#: Modules only reached by name at run time (Alembic env/migrations, keyring's entry points).
HIDDEN_IMPORTS: tuple[str, ...] = (
    "unionDesk.store.models",
    "unionDesk.store.defaults",
    "alembic",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "sqlalchemy.dialects.sqlite",
    "keyring.backends",
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyring.backends.chainer",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "argon2",
    "_rl_accel",  # rl-accel, imported by reportlab.lib.rl_accel inside a try
)

#: Qt parts UnionDesk never loads; leaving them out keeps the bundle small.
EXCLUDES: tuple[str, ...] = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQml",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSql",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "tkinter",
)

#: Substrings of bundled binary/data paths to drop after analysis (Qt libraries and plugins).
DROP_PATTERNS: tuple[str, ...] = (
    "Qt6WebEngine",
    "Qt6Quick",
    "Qt6Qml",
    "Qt63D",
    "Qt6Multimedia",
    "Qt6VirtualKeyboard",
    "Qt6Designer",
    "Qt6Sql",
    "platforminputcontexts/libqtvirtualkeyboard",
    "platforminputcontexts/qtvirtualkeyboard",
    "qmltooling",
    "/qml/",
    "sqldrivers",
)

#: Qt's own translation catalogues that stay (the rest are dropped).
KEPT_QT_TRANSLATIONS: tuple[str, ...] = ("qtbase_zh_CN.qm", "qtbase_en.qm")


def data_files(repo: Path = REPO) -> list[tuple[str, str]]:
    """List every data file as ``(source path, destination folder)`` for PyInstaller's ``datas``.

    Args:
        repo: The repository root.

    Returns:
        One pair per file, sorted, so the spec and the tests see the same list.
    """
    pairs: set[tuple[str, str]] = set()
    for folder, pattern, dest in DATA_RULES:
        for path in (repo / folder).glob(pattern):
            if path.is_file():
                pairs.add((str(path), dest))
    return sorted(pairs)


def keep_binary(dest_name: str) -> bool:
    """Say whether a collected binary or data entry (by bundle path) belongs in the bundle.

    Args:
        dest_name: The entry's path inside the bundle.

    Returns:
        False for the Qt parts UnionDesk does not use and Qt translations other than
        ``KEPT_QT_TRANSLATIONS``.
    """
    name = dest_name.replace("\\", "/")
    if any(pattern in name for pattern in DROP_PATTERNS):
        return False
    if "/translations/" in name and name.endswith(".qm") and "unionDesk/" not in name:
        return name.rsplit("/", 1)[-1] in KEPT_QT_TRANSLATIONS
    return True
