"""The PyInstaller bundle's data list covers every migration, font, translation and icon."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
INSTALLER = REPO / "installer"


def _load_bundle_files() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_files", INSTALLER / "bundle_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bundle_files"] = module
    spec.loader.exec_module(module)
    return module


bundle_files = _load_bundle_files()


def _bundled() -> dict[Path, str]:
    return {Path(source).resolve(): dest for source, dest in bundle_files.data_files()}


def _expect(folder: str, pattern: str, dest: str) -> list[tuple[Path, str]]:
    found = sorted((REPO / folder).glob(pattern))
    assert found, f"nothing matches {folder}/{pattern}"
    return [(path.resolve(), dest) for path in found]


@pytest.mark.parametrize(
    ("folder", "pattern", "dest"),
    [
        ("migrations", "*.py", "unionDesk/migrations"),
        ("migrations", "script.py.mako", "unionDesk/migrations"),
        ("migrations/versions", "*.py", "unionDesk/migrations/versions"),
        ("resources/fonts", "*.ttf", "unionDesk/resources/fonts"),
        ("resources/fonts", "COPYRIGHT-*", "unionDesk/resources/fonts"),
        ("resources/fonts", "LICENSE-*", "unionDesk/resources/fonts"),
        ("resources/translations", "*.qm", "unionDesk/resources/translations"),
        ("resources/translations", "*.ts", "unionDesk/resources/translations"),
        ("resources/calendar", "*.json", "unionDesk/resources/calendar"),
        ("resources/presets", "*.json", "unionDesk/resources/presets"),
        ("resources/icons", "uniondesk*", "unionDesk/resources/icons"),
    ],
)
def test_every_needed_file_is_bundled_where_the_package_looks(
    folder: str, pattern: str, dest: str
) -> None:
    bundled = _bundled()
    for path, expected_dest in _expect(folder, pattern, dest):
        assert bundled.get(path) == expected_dest, f"{path} is not bundled into {dest}"


def test_every_migration_revision_is_bundled() -> None:
    revisions = {p.name for p in (REPO / "migrations" / "versions").glob("0*.py")}
    bundled = {Path(s).name for s, d in bundle_files.data_files() if d.endswith("versions")}
    assert revisions and revisions <= bundled
    assert "0001_member_register_foundation.py" in bundled


def test_icons_are_rendered_for_windows_and_linux() -> None:
    icons = REPO / "resources" / "icons"
    for size in (16, 32, 48, 256):
        assert (icons / f"uniondesk-{size}.png").stat().st_size > 0
    assert (icons / "uniondesk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6\\Qt6Gui.dll", True),
        ("unionDesk/resources/translations/uniondesk_zh_CN.qm", True),
    ],
)
def test_keep_binary_drops_unused_qt_parts_only(name: str, kept: bool) -> None:
    assert bundle_files.keep_binary(name) is kept


def test_spec_uses_the_shared_lists() -> None:
    spec = (INSTALLER / "uniondesk.spec").read_text(encoding="utf-8")
    for name in ("data_files()", "HIDDEN_IMPORTS", "EXCLUDES", "keep_binary", "launch.py"):
        assert name in spec


@pytest.mark.parametrize("module", bundle_files.HIDDEN_IMPORTS)
def test_every_hidden_import_exists(module: str) -> None:
    assert importlib.util.find_spec(module) is not None, module


@pytest.mark.parametrize("folder", ["migrations", "resources"])
def test_no_file_of_the_shipped_folders_is_left_out(folder: str) -> None:
    shipped = {
        path.resolve()
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    missing = sorted(str(path) for path in shipped - set(_bundled()))
    assert not missing
