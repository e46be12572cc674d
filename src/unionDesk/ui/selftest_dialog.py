"""帮助 → 自检: runs the self-test on the worker and lists each check as it finishes.

For support calls: the officer reads the lines out, or copies them into a message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionDesk.i18n import translate
from unionDesk.services.selftest import CheckResult, run_selftest
from unionDesk.ui.common import error_text
from unionDesk.ui.tasks import TaskRunner

PASSED, FAILED = "✓", "✗"
_FAILED_COLOUR = QColor(176, 0, 32)


class SelftestDialog(QDialog):
    """Lists the self-test's checks: ✓ or ✗, the check's name and what happened.

    Attributes:
        checks: one line per finished check.
        summary: running, all passed, or how many failed.
        copy_button: copies the lines to the clipboard for a support message.
        results: the finished checks, in order.
    """

    result_ready = Signal(object)  # a CheckResult, emitted from the worker thread
    finished_all = Signal(bool)  # True when every check passed

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Self-test"))
        self._tasks = tasks
        self.results: list[CheckResult] = []
        intro = QLabel(
            self.tr(
                "UnionDesk checks, in a temporary folder, that it can create a database, load "
                "its fonts and translations, make, sign and verify a return, and read it back. "
                "Your data is not touched."
            )
        )
        intro.setWordWrap(True)
        self.checks = QListWidget()
        self.checks.setWordWrap(True)  # a failure's message can be long: no sideways scrolling
        self.checks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary = QLabel(self.tr("Running the checks…"))
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy the results"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_results)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button = QPushButton(self.tr("Run again"))
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.start)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.result_ready.connect(self._add_result)  # queued: emitted on the worker
        self.resize(640, 360)

    def start(self) -> None:
        """Clear the list and run every check on the worker."""
        self.results.clear()
        self.checks.clear()
        self.copy_button.setEnabled(False)
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Running the checks…"))
        self._tasks.run(lambda: run_selftest(self.result_ready.emit), self._done, self._failed)

    def lines(self) -> list[str]:
        """The finished checks as text, one ``✓ name: message`` line each."""
        return [self._line(result) for result in self.results]

    def copy_results(self) -> None:
        """Put the summary and every line on the clipboard."""
        text = "\n".join([self.summary.text(), *self.lines()])
        QGuiApplication.clipboard().setText(text)

    @staticmethod
    def _line(result: CheckResult) -> str:
        name, message = result.render(translate)
        return f"{PASSED if result.ok else FAILED} {name}: {message}"

    def _add_result(self, result: CheckResult) -> None:
        self.results.append(result)
        item = QListWidgetItem(self._line(result))
        if not result.ok:
            item.setForeground(_FAILED_COLOUR)
        self.checks.addItem(item)

    def _done(self, results: list[CheckResult]) -> None:
        failed = sum(not result.ok for result in results)
        if failed:
            self.summary.setText(
                self.tr("{count} checks failed. Copy the results and send them to support.").format(
                    count=failed
                )
            )
        else:
            self.summary.setText(self.tr("All {count} checks passed.").format(count=len(results)))
        self._finish(failed == 0)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(
            self.tr("The self-test stopped: {reason}").format(reason=error_text(error))
        )
        self._finish(False)

    def _finish(self, passed: bool) -> None:
        self.copy_button.setEnabled(True)
        self.run_button.setEnabled(True)
        self.finished_all.emit(passed)
