"""帮助 → 自检: the dialog lists every check as it finishes and says whether all passed."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from unionDesk.services import selftest
from unionDesk.services.database import get_union
from unionDesk.ui.main_window import MainWindow
from unionDesk.ui.selftest_dialog import SelftestDialog

CHECKS = 8
WAIT_MS = 30_000


def run_dialog(qtbot, ctx) -> SelftestDialog:
    dialog = SelftestDialog(ctx.tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_all, timeout=WAIT_MS) as finished:
        dialog.start()
    dialog.passed = finished.args[0]
    return dialog


def test_all_checks_are_listed_with_ticks_and_a_summary(qtbot, ctx):
    dialog = run_dialog(qtbot, ctx)
    assert dialog.passed is True
    assert dialog.checks.count() == CHECKS
    texts = [dialog.checks.item(row).text() for row in range(CHECKS)]
    assert all(text.startswith("✓ ") for text in texts)
    assert "王𠈌" in texts[0]
    assert dialog.summary.text() == dialog.tr("All {count} checks passed.").format(count=CHECKS)
    assert dialog.copy_button.isEnabled() and dialog.run_button.isEnabled()


def test_a_failure_is_crossed_and_can_be_copied_for_support(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(selftest, "TRANSLATION_FILE", "uniondesk_xx.qm")
    dialog = run_dialog(qtbot, ctx)
    assert dialog.passed is False
    crossed = [line for line in dialog.lines() if line.startswith("✗ ")]
    assert len(crossed) == 1 and "uniondesk_xx.qm" in crossed[0]
    assert dialog.summary.text() == dialog.tr(
        "{count} checks failed. Copy the results and send them to support."
    ).format(count=1)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied == [dialog.summary.text(), *dialog.lines()]


def test_the_help_menu_opens_the_self_test_once_the_window_is_attached(qtbot, ctx):
    window = MainWindow(ctx.paths)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == [window.tr("&Help")]
    assert not window.selftest_action.isEnabled()
    window.attach(ctx, get_union(ctx.db))
    assert window.selftest_action.isEnabled()
    dialog = window.open_selftest()
    assert isinstance(dialog, SelftestDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.checks.count() == CHECKS
