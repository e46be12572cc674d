"""Pieces every page shares: the application context and how errors are shown."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget

from unionDesk.domain.access import Actor
from unionDesk.domain.messages import Problem, ValidationFailed
from unionDesk.i18n import translate
from unionDesk.paths import AppPaths
from unionDesk.services.backups import StorageWriteFailed
from unionDesk.services.database import Database
from unionDesk.services.errors import ServiceError
from unionDesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What a page needs: the open database, the worker, the data paths and who is acting.

    Pages pass ``db`` to service functions inside ``tasks.run``; they never query it themselves.
    """

    db: Database
    tasks: TaskRunner
    paths: AppPaths
    actor: Actor


def problem_text(problem: Problem) -> str:
    """A domain or service problem, translated for display."""
    return problem.render(translate)


def error_text(error: BaseException) -> str:
    """Translated text for an error a user can act on; a generic line for bugs."""
    if isinstance(error, ValidationFailed):
        return "\n".join(problem_text(p) for p in error.problems)
    if isinstance(error, ServiceError):
        return problem_text(error.problem)
    if isinstance(error, StorageWriteFailed):
        return storage_error_text(error)
    if isinstance(error, OSError):
        return translate(
            "Errors",
            "The file could not be written: {reason}. Check that the disk is "
            "not full and the folder is writable, then try again.",
        ).format(reason=error.strerror or error)
    log.error("unexpected error", exc_info=error)
    return translate(
        "Errors",
        "An unexpected error occurred. Your data was not changed. Details are in the log folder.",
    )


def storage_error_text(error: StorageWriteFailed) -> str:
    """What to do when saving failed because the disk is full or the data folder is read-only."""
    if error.kind == StorageWriteFailed.FULL:
        return translate(
            "Errors",
            "Nothing was saved because the disk is full. Your input is still here: free some "
            "disk space (empty the recycle bin, delete large files), then save again.",
        )
    return translate(
        "Errors",
        "Nothing was saved because the data folder is read-only. Your input is still here: "
        "check that you may write to the folder (or that the USB stick is not write-protected), "
        "or start UnionDesk with another data folder, then save again.",
    )


def show_error(parent: QWidget, error: BaseException) -> None:
    """Tell the user what went wrong in a modal message box."""
    QMessageBox.warning(parent, translate("Errors", "UnionDesk"), error_text(error))
