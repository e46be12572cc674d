"""Saving a spreadsheet from a page: ask where, write it on the worker, say how it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from unionDesk.i18n import translate
from unionDesk.ui.common import AppContext, show_error

_NOT_IN_FILE_NAMES = str.maketrans({ch: "_" for ch in '/\\:*?"<>|'})


def ask_xlsx_path(parent: QWidget, title: str, suggested_name: str) -> Path | None:
    """Ask where to save an xlsx file (in the home folder at first); None if cancelled.

    ``suggested_name`` may come from data (a competition's name): characters that file names
    cannot hold are replaced.
    """
    name, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / suggested_name.translate(_NOT_IN_FILE_NAMES)),
        translate("ExportFile", "Excel workbook (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def ask_full_ids(parent: QWidget) -> bool:
    """Ask a user allowed to unmask whether to write full ID and mobile numbers (default No)."""
    text = translate(
        "ExportFile",
        "Write the full ID and mobile numbers? Choose No to write them masked. Full numbers "
        "are recorded in the audit log; keep the file safe.",
    )
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, translate("ExportFile", "Export"), text, buttons, QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def run_export(
    parent: QWidget,
    ctx: AppContext,
    work: Callable[[], int],
    out: Path,
    done: Callable[[int], None] | None = None,
) -> None:
    """Run ``work`` (writing ``out``, returning its row count) and report the outcome.

    Args:
        parent: the page the messages belong to.
        ctx: gives the worker.
        work: the service call, run on the worker.
        out: the file ``work`` writes, named in the message.
        done: called with the count after the message (for tests and follow-ups).
    """

    def finished(count: int) -> None:
        text = translate("ExportFile", "Wrote {count} rows to {file}.")
        QMessageBox.information(
            parent, translate("ExportFile", "Export"), text.format(count=count, file=out)
        )
        if done is not None:
            done(count)

    ctx.tasks.run(work, finished, lambda error: show_error(parent, error))
